"""The local process pool: N spawn worker processes, replaced after their share of agencies; a worker
that dies (killed, out of memory) costs its agencies one retry in a fresh pool, then they are
recorded as failed. How many workers the machine can take."""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import asdict
from pathlib import Path

from ita_lib.batch.jobs import Job, Outcome
from ita_lib.batch.worker import build_job, start_worker, stop_warm_kernel

# Agencies a worker process builds before it and its kernel are replaced; a new process costs a few
# seconds, a worker grows by a few hundred kB per report.
RECYCLE_AFTER = 200
WORKER_MEMORY = 750_000_000  # bytes a worker and its kernel take at their peak (README, Benchmark)
WORKER_LOST = ("the worker process building it stopped (killed, or out of memory?) twice; "
               "run the batch again to build it")


def run_local(jobs: list[Job], workers: int, notebook: Path, timeout: float | None) -> Iterator[dict]:
    """Each job's outcome (a dict), as they finish: in this process when one worker will do, else
    in a pool of worker processes."""
    if workers <= 1 or len(jobs) == 1:
        for job in jobs:
            yield build_job(asdict(job), str(notebook), timeout)
        stop_warm_kernel()
        return
    arguments = [(asdict(job), str(notebook), timeout) for job in jobs]
    yield from in_fresh_pools(build_job, arguments, workers, RECYCLE_AFTER, lost=_lost_outcome,
                              initializer=start_worker)


def _lost_outcome(job: dict, notebook: str, timeout: float | None) -> dict:
    return asdict(Outcome.failed(Job(**job), WORKER_LOST))


def usable_workers(requested: int | None = None) -> tuple[int, str]:
    """How many worker processes to run, and a note when `requested` was lowered. By default the
    cores this process may use: its CPU affinity (which job schedulers set, not the machine's count),
    and a container's CPU quota (cgroups: a 64-core node with a quota of 2 CPUs runs 2); never more
    than the memory available holds, a worker with its kernel taking ~750 MB (64 workers on a node
    with a small memory limit would be killed one by one), a container's memory limit included."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    if quota is not None:
        cores = max(1, min(cores, int(quota)))  # 1.5 CPUs: one worker busy all the time, not two half
    available = available_memory()
    memory_limit = max(1, available // WORKER_MEMORY) if available is not None else None
    wanted = cores if requested is None else requested
    if memory_limit is None or wanted <= memory_limit:
        return wanted, ""
    lowered = "" if requested is None else (
        f"--jobs {requested} lowered to {memory_limit}: {available / 1e9:.1f} GB of memory free, "
        f"~{WORKER_MEMORY / 1e6:.0f} MB a worker")
    return memory_limit, lowered


CGROUP = Path("/sys/fs/cgroup")


def _own_cgroup(root: Path, controller: str = "") -> Path:
    """This process's cgroup folder, as /proc/self/cgroup names it: v2's (``0::/path``) when
    `controller` is empty, else the v1 hierarchy holding `controller` (``4:memory:/path``). Falls
    back to the hierarchy's root, which in a container is the container's own."""
    base = root / controller if controller else root
    try:
        lines = Path("/proc/self/cgroup").read_text(encoding="ascii").splitlines()
    except OSError:
        return base
    for line in lines:
        _, controllers, path = line.split(":", 2) if line.count(":") >= 2 else ("", "", "")
        if (controllers == "" if not controller else controller in controllers.split(",")):
            folder = base / path.strip().lstrip("/")
            if folder.is_dir():
                return folder
    return base


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def cpu_quota(root: Path = CGROUP) -> float | None:
    """The CPUs a container's quota allows (cgroup v2 cpu.max, v1 cpu.cfs_quota_us / period), or
    None when there is no quota (or no cgroups: not Linux)."""
    v2 = _read(_own_cgroup(root) / "cpu.max")
    if v2:
        quota, _, period = v2.partition(" ")
        return None if quota == "max" else _ratio(quota, period)
    folder = _own_cgroup(root, "cpu")
    quota, period = _read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us")
    return None if quota is None or quota.startswith("-") else _ratio(quota, period or "")


def _ratio(quota: str, period: str) -> float | None:
    try:
        share = int(quota) / int(period)
    except (ValueError, ZeroDivisionError):
        return None
    return share if share > 0 else None


def container_memory_free(root: Path = CGROUP) -> int | None:
    """What a container's memory limit leaves (cgroup v2 memory.max − memory.current, v1
    limit_in_bytes − usage_in_bytes), or None without a limit."""
    folder = _own_cgroup(root)
    limit, used = _read(folder / "memory.max"), _read(folder / "memory.current")
    if limit is None:
        folder = _own_cgroup(root, "memory")
        limit, used = _read(folder / "memory.limit_in_bytes"), _read(folder / "memory.usage_in_bytes")
    try:
        limit_bytes, used_bytes = int(limit), int(used or 0)
    except (TypeError, ValueError):  # "max", or nothing readable
        return None
    if limit_bytes >= 1 << 60:  # cgroup v1 writes "no limit" as a huge number
        return None
    return max(0, limit_bytes - used_bytes)


def available_memory() -> int | None:
    """MemAvailable from /proc/meminfo (Linux), lowered to what a container's limit leaves; else None."""
    found = None
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    found = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        pass
    container = container_memory_free()
    if container is not None:
        found = container if found is None else min(found, container)
    return found


_LOST = object()  # the result of a task whose worker process died under it


def in_fresh_pools(task: Callable[..., dict], arguments: list[tuple], workers: int, recycle_after: int,
                   lost: Callable[..., dict] | None = None,
                   initializer: Callable[[int], None] | None = None) -> Iterator[dict]:
    """task(*args) for each args in spawn worker processes, results as they finish; a new pool
    (new processes, new kernels) every workers × recycle_after tasks, so that what a process slowly
    accumulates over thousands of reports is given back. (ProcessPoolExecutor's own
    max_tasks_per_child deadlocks on Python 3.11-3.13: cpython#115634.)
    A worker that dies (killed, out of memory) takes its pool down: the tasks that were running then
    are tried once more, the ones not yet started simply go on in a fresh pool; a task running when a
    worker died twice gets `lost(*args)` as its result (without `lost`: BrokenProcessPool).
    `initializer(driver_pid)` runs first in each worker process."""
    chunk = workers * max(1, recycle_after)
    pending = [(args, 0) for args in arguments]  # (args, how often a worker died while it ran)
    while pending:
        batch, pending = pending[:chunk], pending[chunk:]
        again = []
        with closing(_in_one_pool(task, [args for args, _ in batch], workers, initializer)) as results:
            for position, result, was_running in results:
                args, deaths = batch[position]
                if result is not _LOST:
                    yield result
                elif deaths + was_running < 2:
                    again.append((args, deaths + was_running))
                elif lost is not None:
                    yield lost(*args)
                else:
                    raise BrokenProcessPool("a worker process died twice while running the same task")
        pending = again + pending


_STARTED = None  # in a worker: its pool's shared flags, one per task, set when the task starts


def _start_process(started, initializer: Callable[[int], None] | None, driver_pid: int) -> None:
    global _STARTED
    _STARTED = started
    if initializer is not None:
        initializer(driver_pid)


def _run_task(position: int, task: Callable[..., dict], args: tuple) -> dict:
    if _STARTED is not None:
        _STARTED[position] = 1
    return task(*args)


def _in_one_pool(task: Callable[..., dict], batch: list[tuple], workers: int,
                 initializer: Callable[[int], None] | None) -> Iterator[tuple[int, object, bool]]:
    """(position, result or _LOST, whether it had started) for each task of `batch`, as they finish,
    in one new pool of spawn processes. When the pool breaks and none of the lost tasks had started
    (every worker died at once, or at start-up), all of them count as running, so that no task is
    retried forever."""
    # spawn: workers must not inherit the driver's DuckDB connection or a running kernel.
    context = multiprocessing.get_context("spawn")
    started = context.Array("b", len(batch), lock=False)  # no lock a dying worker could leave held
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_process,
                               initargs=(started, initializer, os.getpid()))
    try:
        futures = {pool.submit(_run_task, position, task, args): position for position, args in enumerate(batch)}
        lost = []
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                lost.append(futures[future])
                continue
            yield futures[future], result, True
        blame_all = not any(started[position] for position in lost)
        for position in lost:
            yield position, _LOST, blame_all or bool(started[position])
    except BaseException:  # Ctrl-C, SIGTERM, a failed write, the caller stopping early
        _stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def _stop_pool(pool) -> None:
    """Stop a pool now: queued tasks dropped, running ones killed with their kernels. (`with pool`
    would wait for every queued agency to be built first.)"""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
