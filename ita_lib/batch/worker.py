"""One build, in a worker: a local worker process or a dask worker's thread. Each keeps its imports,
fonts and one Jupyter kernel warm across agencies (the notebook clears its namespace first); the
real notebook still runs through papermill. A local worker and its kernel die with the driver,
kill -9 included. build_job never raises: its outcome says what happened."""
from __future__ import annotations

import atexit
import os
import signal
import threading
import time
from dataclasses import asdict
from pathlib import Path

from ita_lib.batch.jobs import Job, Outcome
from ita_lib.batch.stamps import stamp_of
from ita_lib.errors import CellTimeoutError, DeadKernelError, ItaError, KernelStartError
from ita_lib.report import render
from ita_lib.report.kernels import die_with_parent, kernel_manager, stop_kernel
from ita_lib.report.logs import quiet_library_logs
from ita_lib.report.params import ReportParams

_KERNEL: dict = {}  # per worker process: the warm kernel's manager ("km") and its context


def warm_kernel():
    """This process's kernel manager, made on first use and kept for the next agencies."""
    if "km" not in _KERNEL:
        context = kernel_manager()
        try:
            km = context.__enter__()
        except Exception as error:  # noqa: BLE001 - jupyter_client raises RuntimeError, TimeoutError, ...
            raise KernelStartError(f"the report kernel did not start: {type(error).__name__}: {error}") from error
        _KERNEL["context"] = context
        _KERNEL["km"] = km
    return _KERNEL["km"]


def stop_warm_kernel() -> None:
    """Stop this process's kernel (the next agency gets a fresh one)."""
    context = _KERNEL.pop("context", None)
    _KERNEL.pop("km", None)
    if context is not None:
        context.__exit__(None, None, None)  # kernel_manager's exit: kernels.stop_kernel


atexit.register(stop_warm_kernel)  # a worker's kernel is not left running when the worker ends


def _stop_warm_kernel_now() -> None:
    """For a process that is being stopped: no time for jupyter_client's tidying."""
    if "km" in _KERNEL:
        stop_kernel(_KERNEL["km"])


def start_worker(driver_pid: int) -> None:
    """Initializer of each local worker process. It dies with the driver, kill -9 included (and its
    kernel with it); Ctrl-C, which a terminal sends the whole process group, is the driver's to act
    on; the driver stops it with SIGTERM, which kills its kernel at once."""
    quiet_library_logs()  # as in the command that started the batch
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker_now)
    die_with_parent(driver_pid, before_exit=_stop_warm_kernel_now)


def _stop_worker_now(signum, frame) -> None:
    _stop_warm_kernel_now()
    os._exit(128 + signum)


def worth_a_retry(error: BaseException) -> bool:
    """A kernel that did not start, or died under the notebook (not a failing cell): worth one retry."""
    return isinstance(error, (KernelStartError, DeadKernelError))


def failure_text(error: BaseException) -> str:
    """The manifest's error for a failed build: the tool's own errors as they are; a kernel's failure
    and anything else as its type and message (e.g. "DeadKernelError: Kernel died")."""
    if isinstance(error, (CellTimeoutError, DeadKernelError)):
        return f"{type(error).__name__}: {error.reason}"
    return str(error) if isinstance(error, ItaError) else f"{type(error).__name__}: {error}"


class Deadline:
    """Stops the kernel when an agency's notebook runs past `seconds` (a cell stuck in a loop or
    waiting forever); papermill then fails the build with a dead kernel. A timer thread, not a
    signal, so it works in dask's worker threads too."""

    def __init__(self, km, seconds: float | None):
        self.expired = False
        self._timer = None
        if seconds:
            self._timer = threading.Timer(seconds, self._stop, args=(km,))
            self._timer.daemon = True
            self._timer.start()

    def _stop(self, km) -> None:
        self.expired = True  # before the kill, so that the failure it causes is read as the deadline's
        stop_kernel(km)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def build_job(job: dict, notebook: str = str(render.NOTEBOOK), timeout: float | None = 600) -> dict:
    """Build one job's report (worker side); never raises: the outcome says what happened.
    `timeout`: seconds the agency's notebook may run, in all."""
    job = Job(**job)
    started = time.perf_counter()
    outcome = Outcome.failed(job, "")
    for attempt in (1, 2):
        deadline = None
        try:
            km = warm_kernel()
            deadline = Deadline(km, timeout)
            # papermill's per-cell timeout only backs up the deadline (it cannot bound the whole notebook)
            result = render.build(ReportParams(**job.params), km=km, notebook=Path(notebook), slug=job.slug,
                                  execution_timeout=timeout + 60 if timeout else None, stamp=stamp_of(job))
        except Exception as error:  # noqa: BLE001 - a worker reports every failure, never dies of one
            if deadline is not None and deadline.expired:
                outcome.error = f"agency {job.agency}: the notebook ran longer than {timeout:g} s and was stopped"
                stop_warm_kernel()
                break
            outcome.error = failure_text(error)
            if worth_a_retry(error):
                stop_warm_kernel()  # a fresh kernel for the retry and for the next agency
                if attempt == 1:
                    continue
                break
            if isinstance(error, ItaError) and not isinstance(error, CellTimeoutError):
                _restart_kernel_if_dead()  # a failing cell: the kernel is fine unless the cell killed it
                break
            stop_warm_kernel()  # a cell stuck past its timeout, or anything else: a fresh kernel
            break
        else:
            names = sorted(path.name for kind, path in result.outputs.items() if kind != "stamp")
            outcome.status, outcome.slug, outcome.outputs, outcome.error = "built", result.slug, ";".join(names), ""
            break
        finally:
            if deadline is not None:
                deadline.cancel()
    outcome.seconds = round(time.perf_counter() - started, 2)
    return asdict(outcome)


def _restart_kernel_if_dead() -> None:
    km = _KERNEL.get("km")
    if km is not None and not km.has_kernel:
        stop_warm_kernel()
