"""Past one machine: the same jobs on a dask.distributed scheduler (`--scheduler tcp://host:8786`).

dask.distributed is an optional extra (`ita-report[distributed]`), imported only here and only when
a scheduler is given; this module's name does not shadow the `dask` package."""
from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from ita_lib.batch.jobs import Job, Outcome
from ita_lib.batch.worker import build_job
from ita_lib.errors import ItaError, UsageError

SCHEDULER_TIMEOUT = 5  # seconds to reach a dask scheduler: a wrong address fails at once, not after dask's 30 s


def check_scheduler(address: str) -> str:
    """A dask scheduler address as dask reads it ("tcp://host:8786", or "host:8786"): UsageError when
    it is not one this tool can use (only TCP: inproc is one process, tls needs certificates and
    ucx a network this tool does not set up), ItaError when dask.distributed is not installed."""
    try:
        from distributed.comm import parse_address, parse_host_port  # the optional extra
    except ImportError:
        raise ItaError("needs dask.distributed: pip install 'ita-report[distributed]'", path="--scheduler") from None
    try:
        scheme, location = parse_address(address)
        if scheme != "tcp":
            raise ValueError(f"the {scheme}:// transport is not supported, only tcp://")
        host, port = parse_host_port(location)
        if not host or not 1 <= int(port) <= 65535:
            raise ValueError(f"port {port} is not from 1 to 65535" if host else "no host")
    except (ValueError, TypeError) as error:
        raise UsageError(f"{address!r} is not a scheduler address ({error}); give one like tcp://host:8786",
                         path="--scheduler") from None
    return address


def check_scheduler_answers(address: str, seconds: float = SCHEDULER_TIMEOUT) -> None:
    """ItaError unless something at `address` accepts a connection and, as a dask scheduler does,
    speaks first with a frame of a sane length within `seconds`. A port that accepts and stays
    silent (or an HTTP server, which waits for a request) would otherwise keep dask waiting for
    minutes, or have it size a buffer from whatever bytes come back."""
    from distributed.comm import parse_address, parse_host_port  # the optional extra, known to be there

    host, port = parse_host_port(parse_address(address)[1])
    deadline = time.monotonic() + seconds
    head = b""
    try:
        with socket.create_connection((host, port), timeout=seconds) as connection:
            while len(head) < 8 and time.monotonic() < deadline:
                connection.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = connection.recv(8 - len(head))
                if not chunk:
                    break
                head += chunk
    except socket.timeout:
        pass
    except OSError as error:
        raise ItaError(f"cannot connect to {address} ({error.strerror or error})", path="--scheduler") from None
    if len(head) < 8:
        raise ItaError(f"{address} does not answer as a dask scheduler within {seconds:g} s", path="--scheduler")
    if not 0 < int.from_bytes(head, "little") < 100_000_000:
        raise ItaError(f"{address} is not a dask scheduler (it speaks another protocol)", path="--scheduler")


@contextmanager
def connect(scheduler: str) -> Iterator[object]:
    """A dask client, or ItaError in SCHEDULER_TIMEOUT seconds when the scheduler cannot be reached."""
    check_scheduler(scheduler)
    check_scheduler_answers(scheduler)
    from dask.distributed import Client  # the optional extra, known to be there

    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except ValueError as error:
        raise UsageError(f"{scheduler!r} is not a scheduler address ({error})", path="--scheduler") from None
    except OSError:  # dask says "Timed out trying to connect" for a refused port and an unknown host alike
        raise ItaError(f"cannot connect to {scheduler} within {SCHEDULER_TIMEOUT} s", path="--scheduler") from None
    with client:
        yield client


def run_on_dask(jobs: list[Job], client, notebook: Path, timeout: float | None) -> Iterator[dict]:
    """Each job's outcome (a dict), as the cluster finishes them; the cluster's work on them is
    cancelled when the caller stops early (Ctrl-C, a failed write)."""
    from dask.distributed import as_completed  # the optional extra, known to be there

    futures = {client.submit(build_job, asdict(job), str(notebook), timeout, pure=False,
                             key=f"ita-{i}-{job.slug}"): job for i, job in enumerate(jobs)}
    try:
        for future in as_completed(futures):
            yield _dask_result(future, futures[future])
    finally:
        client.cancel(list(futures))  # Ctrl-C or a failed write: the cluster stops on our agencies too


def _dask_result(future, job: Job) -> dict:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - build_job never raises: the dask worker running it died
        return asdict(Outcome.failed(job, f"dask: {type(error).__name__}: {error}"))
