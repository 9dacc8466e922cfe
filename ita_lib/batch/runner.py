"""Batch builds: one report per agency for a list, a province or the whole store.

- Local: N worker processes, each keeping its imports, fonts and one Jupyter kernel warm across
  agencies (the notebook clears its namespace first); the real notebook still runs through papermill.
- Incremental: each report folder holds build.json with the hash of everything the report depends
  on (notebook, template, ita_lib version, parameters, the agency's and its peers' rows in the
  store); an unchanged agency is skipped, `force` rebuilds.
- Safe to interrupt: every file is written under a temporary name and renamed, build.json last, so
  a report is complete or is rebuilt; leftovers of a killed run are removed when the next one starts.
  Workers and their kernels die with the driver, kill -9 included; a worker that dies (killed, out of
  memory) costs its agencies one retry in a fresh pool, then they are recorded as failed.
- Past one machine: the same jobs on a dask.distributed scheduler (`scheduler="tcp://..."`).
- Missing values (NaN, None, pd.NA) from the store leave pandas as None (`none_if_missing`): the
  manifest, index and overview sort and print text, and NaN is neither.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ita_lib import __version__
from ita_lib.errors import ItaError, KernelStartError, OutputError, UsageError
from ita_lib.report.html import none_if_missing, text_key
from ita_lib.files import atomic_write, output_error
from ita_lib.report.render import NOTEBOOK, TEMPLATES

STAMP = "build.json"
# Agencies a worker process builds before it and its kernel are replaced; a new process costs a few
# seconds, a worker grows by a few hundred kB per report.
RECYCLE_AFTER = 200
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("agency", "agency_id", "province", "slug", "status", "seconds", "error", "input_hash", "outputs")
SCHEDULER_TIMEOUT = 5  # seconds to reach a dask scheduler: a wrong address fails at once, not after dask's 30 s
# An OSError with one of these while writing the batch's own pages means the output folder cannot take them.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG, errno.EIO}
WORKER_LOST = ("the worker process building it stopped (killed, or out of memory?) twice; "
               "run the batch again to build it")


@dataclass
class Job:
    """One agency to build: plain data, so it crosses process and dask boundaries."""

    agency: str
    agency_id: str | None = None
    province: str | None = None
    params: dict = field(default_factory=dict)  # ReportParams fields
    input_hash: str | None = None
    slug: str | None = None
    problem: str | None = None  # set when the target itself is unusable (corrupt params, unknown agency)


@dataclass
class Outcome:
    agency: str
    agency_id: str | None
    province: str | None
    slug: str | None
    status: str  # built | skipped | failed
    seconds: float = 0.0
    error: str = ""
    input_hash: str = ""
    outputs: str = ""  # ;-separated file names


# --- choosing the agencies --------------------------------------------------------------------

def select_jobs(db: str | Path, *, agencies_file: str | Path | None = None, province: str | None = None,
                everything: bool = False, targets: list[str] | None = None,
                defaults: dict | None = None) -> list[Job]:
    """Jobs for every agency of a province, of the store, given as targets (names, agency ids or
    params .yaml files) or listed in a file (one target per line; blank lines and # comments
    skipped). Exactly one of the four must be given."""
    given = sum(bool(x) for x in (agencies_file, province, everything, targets))
    if given != 1:
        raise UsageError("say which agencies, one way: targets, --agencies FILE, --province or --all", path="batch")
    from ita_lib.store.db import Store

    defaults = dict(defaults or {}, db=str(db))
    with Store(db, read_only=True) as store:
        agencies = store.agency_list()
        if everything:
            chosen = agencies
        elif province is not None:
            chosen = agencies[agencies["province"] == province]
            if chosen.empty:
                raise ItaError(f"no agency of province {province!r} in the store", path=db)
        elif targets:
            index = store.agency_index()
            return [_job_from_line(index, target, defaults, Path.cwd() / "-") for target in targets]
        else:
            index = store.agency_index()  # read once: a national list has thousands of lines
            return [_job_from_line(index, line, defaults, agencies_file) for line in _target_lines(agencies_file)]
    return [_job(row.name, row.agency_id, row.province, dict(defaults)) for row in chosen.itertuples(index=False)]


def _job(name, agency_id, province, params: dict) -> Job:
    """A job for a store row: its missing values as None, never NaN."""
    name, agency_id, province = (none_if_missing(value) for value in (name, agency_id, province))
    if not (name and str(name).strip()):  # a store written before nameless rows were refused
        return Job(agency=str(agency_id or "?"), agency_id=agency_id, province=province, params=dict(params),
                   problem=f"{agency_id}: an agency without a name in the store (from a row without an agency "
                           "name); ingest its documents again into a new store")
    return Job(agency=name, agency_id=agency_id, province=province,
               params=dict(params, agency=name, agency_id=agency_id))


# What a file named by an option may weigh: a national agency list is ~1 MB (8,300 lines), a report
# notebook ~100 KB.
MAX_OPTION_FILE_BYTES = {"--agencies": 10_000_000, "--notebook": 20_000_000}


def read_option_file(path: str | Path, option: str) -> str:
    """The text of a file an option names (ita_lib.io.user_file: a regular file, its size checked
    before reading), or UsageError saying in one line why it cannot be read."""
    from ita_lib.io.user_file import read_user_text

    return read_user_text(path, MAX_OPTION_FILE_BYTES.get(option, 10_000_000), UsageError, f"{option}: ")


def check_notebook(path: str | Path, option: str = "--notebook") -> Path:
    """A report notebook given as an option, known to be a readable Jupyter notebook (UsageError if not)."""
    import nbformat

    text = read_option_file(path, option)
    try:
        nbformat.reads(text, as_version=4)
    except Exception as error:  # noqa: BLE001 - nbformat raises JSON, schema and version errors alike
        raise UsageError(f"{option}: not a Jupyter notebook ({type(error).__name__})", path=path) from None
    return Path(path).resolve()


def check_scheduler(address: str) -> str:
    """A dask scheduler address as dask reads it ("tcp://host:8786", or "host:8786"): UsageError when
    it is not one this tool can use (only TCP: inproc is one process, tls needs certificates and
    ucx a network this tool does not set up), ItaError when dask.distributed is not installed."""
    try:
        from distributed.comm import parse_address, parse_host_port
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


def _check_scheduler_answers(address: str, seconds: float = SCHEDULER_TIMEOUT) -> None:
    """ItaError unless something at `address` accepts a connection and, as a dask scheduler does,
    speaks first with a frame of a sane length within `seconds`. A port that accepts and stays
    silent (or an HTTP server, which waits for a request) would otherwise keep dask waiting for
    minutes, or have it size a buffer from whatever bytes come back."""
    import socket

    from distributed.comm import parse_address, parse_host_port

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


def _target_lines(path: str | Path) -> list[str]:
    lines = []
    for raw in read_option_file(path, "--agencies").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.strip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


def _job_from_line(index, line: str, defaults: dict, listed_in) -> Job:
    from ita_lib.report.params import load_params

    try:
        if line.lower().endswith((".yaml", ".yml")):
            path = Path(line) if Path(line).is_absolute() else Path(listed_in).parent / line
            # The command line's options win over the file's values, as in `build`.
            params = {**load_params(path if path.exists() else Path(line)).model_dump(), **defaults}
            found = index.find(params.get("agency_id") or params["agency"], province=params.get("province"))
        else:
            found = index.find(line)
            params = dict(defaults)
    except ItaError as error:
        return Job(agency=line, params=dict(defaults), problem=str(error))
    return _job(found["name"], found["agency_id"], found["province"], params)


# --- what a report depends on -------------------------------------------------------------------

def _digest(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def code_hash(notebook: Path = NOTEBOOK) -> str:
    """ita_lib's version and source, the notebook, the template and the rubric in use (ITA_RUBRIC):
    a change to any rebuilds all."""
    package = Path(__file__).resolve().parents[1]  # all of ita_lib, not only this package
    files = sorted(package.rglob("*.py")) + sorted((package / "data").glob("*")) + sorted(TEMPLATES.rglob("*"))
    from ita_lib import rubric

    return _digest(__version__, Path(notebook).read_bytes(), rubric.source_text(),  # ITA_RUBRIC's rules too
                   *(f"{p.relative_to(package)}:{p.read_bytes().hex()}" for p in files if p.is_file()))


def data_hashes(db: str | Path) -> dict[str, str]:
    """Per agency: a hash of its own rows (facts, recommendations, actions, warnings, sources) and of
    its peers' facts (same type and province), all in a few queries over the whole store."""
    from ita_lib.store.db import Store

    with Store(db, read_only=True) as store:
        own = store.agency_content_hashes()
        groups = store.peer_groups()
    own_hash = dict(zip(own["agency_id"], own["own"]))
    by_group: dict[str, list[str]] = {}
    for agency_id, group in zip(groups["agency_id"], groups["peer_group"]):
        by_group.setdefault(group, []).append(own_hash.get(agency_id, ""))
    group_hash = {group: _digest(*sorted(hashes)) for group, hashes in by_group.items()}
    return {agency_id: _digest(own_hash.get(agency_id, ""), group_hash[group])
            for agency_id, group in zip(groups["agency_id"], groups["peer_group"])}


def job_hash(job: Job, code: str, data: dict[str, str]) -> str:
    params = {k: v for k, v in sorted(job.params.items()) if k not in ("db", "output_dir")}
    return _digest(code, json.dumps(params, ensure_ascii=False, sort_keys=True, default=str),
                   data.get(job.agency_id or "", ""))


def is_current(folder: Path, input_hash: str, formats: list[str]) -> bool:
    stamp = folder / STAMP
    if not stamp.exists():
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = {"html": "report.html", "pdf": "report.pdf", "docx": "report.docx", "xlsx": "report.xlsx"}
    return (recorded.get("input_hash") == input_hash
            and all((folder / wanted[f]).exists() for f in formats)
            and (folder / "data.json").exists())


def clean_leftovers(output_dir: Path) -> int:
    """Remove what a killed run of this tool left, and nothing else: scratch folders bearing the
    tool's name and marker at the top of the output folder, and the tool's own temporary files
    (.NAME.ita-report-XXXX.tmp) at the top and in the report folders the last manifest lists or
    that hold the tool's stamp. A user's .build-tools/ or .thesis.tmp is never touched, and the
    tree below is never walked."""
    from ita_lib.files import is_own_scratch, is_own_temp_file

    if not output_dir.is_dir():
        return 0
    removed = 0
    for entry in output_dir.iterdir():
        if is_own_scratch(entry):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    slugs = {slug for slug in _earlier_slugs(output_dir).values() if Path(slug).name == slug not in (".", "..")}
    folders = {output_dir} | {output_dir / slug for slug in slugs}
    folders |= {stamp.parent for stamp in output_dir.glob(f"*/{STAMP}")}
    for folder in folders:
        if folder.is_symlink() or not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if is_own_temp_file(entry.name) and entry.is_file() and not entry.is_symlink():
                entry.unlink(missing_ok=True)
                removed += 1
    return removed


# --- one build, in a worker -------------------------------------------------------------------------

_KERNEL = {}  # per worker process: the warm kernel manager and its context


def _warm_kernel():
    from ita_lib.report.kernels import kernel_manager

    if "km" not in _KERNEL:
        context = kernel_manager()
        try:
            km = context.__enter__()
        except Exception as error:  # noqa: BLE001 - jupyter_client raises RuntimeError, TimeoutError, ...
            raise KernelStartError(f"the report kernel did not start: {type(error).__name__}: {error}") from error
        _KERNEL["context"] = context
        _KERNEL["km"] = km
        import atexit

        atexit.register(_stop_kernel)
    return _KERNEL["km"]


def _stop_kernel() -> None:
    context = _KERNEL.pop("context", None)
    _KERNEL.pop("km", None)
    if context is not None:
        context.__exit__(None, None, None)


def _kill_kernel_now() -> None:
    from ita_lib.report.kernels import kill_now

    if "km" in _KERNEL:
        kill_now(_KERNEL["km"])


def _start_worker(driver_pid: int, started=None) -> None:
    """Initializer of each worker process. It dies with the driver, kill -9 included (and its kernel
    with it); Ctrl-C, which a terminal sends the whole process group, is the driver's to act on; the
    driver stops it with SIGTERM, which kills its kernel at once. `started`: its pool's task flags."""
    import signal

    from ita_lib.report.logs import quiet_library_logs
    from ita_lib.report.kernels import die_with_parent

    quiet_library_logs()  # as in the command that started the batch
    global _STARTED
    _STARTED = started
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker_now)
    die_with_parent(driver_pid, before_exit=_kill_kernel_now)


def _stop_worker_now(signum, frame) -> None:
    _kill_kernel_now()
    os._exit(128 + signum)


def _kernel_start_failure(error: BaseException) -> bool:
    """A kernel that did not start, or died under the notebook (not a failing cell): worth one retry."""
    from nbclient.exceptions import DeadKernelError

    return isinstance(error, (KernelStartError, DeadKernelError))


class _Deadline:
    """Stops the kernel when an agency's notebook runs past `seconds` (a cell stuck in a loop or
    waiting forever); papermill then fails the build with a dead kernel. A timer thread, not a
    signal, so it works in dask's worker threads too."""

    def __init__(self, km, seconds: float | None):
        self.expired = False
        self._timer = None
        if seconds:
            self._timer = threading.Timer(seconds, self._kill, args=(km,))
            self._timer.daemon = True
            self._timer.start()

    def _kill(self, km) -> None:
        process = getattr(getattr(km, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            self.expired = True
            process.kill()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def build_job(job: dict, notebook: str = str(NOTEBOOK), timeout: float | None = 600) -> dict:
    """Build one job's report (worker side); never raises: the outcome says what happened.
    `timeout`: seconds the agency's notebook may run, in all."""
    from ita_lib.report.params import ReportParams
    from ita_lib.report.render import build

    job = Job(**job)
    started = time.perf_counter()
    outcome = Outcome(job.agency, job.agency_id, job.province, job.slug, "failed", input_hash=job.input_hash or "")
    for attempt in (1, 2):
        km = None
        deadline = None
        try:
            km = _warm_kernel()
            deadline = _Deadline(km, timeout)
            # papermill's per-cell timeout only backs up the deadline (it cannot bound the whole notebook)
            result = build(ReportParams(**job.params), km=km, notebook=Path(notebook), slug=job.slug,
                           execution_timeout=timeout + 60 if timeout else None)
        except Exception as error:  # noqa: BLE001 - a worker reports every failure, never dies of one
            if deadline is not None and deadline.expired:
                outcome.error = f"agency {job.agency}: the notebook ran longer than {timeout:g} s and was stopped"
                _stop_kernel()
                break
            outcome.error = str(error) if isinstance(error, ItaError) else f"{type(error).__name__}: {error}"
            if _kernel_start_failure(error):
                _stop_kernel()  # a fresh kernel for the retry and for the next agency
                if attempt == 1:
                    continue
                break
            if isinstance(error, ItaError):  # a failing cell: the kernel is fine unless the cell killed it
                _restart_kernel_if_dead()
                break
            _stop_kernel()  # anything else: a fresh kernel for the next agency
            break
        else:
            folder = result.outputs["data"].parent
            names = sorted(path.name for path in result.outputs.values())
            atomic_write(folder / STAMP, json.dumps({"input_hash": job.input_hash, "agency": job.agency,
                                                     "agency_id": job.agency_id, "outputs": names},
                                                    ensure_ascii=False, indent=1))
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
        _stop_kernel()


# --- running many ------------------------------------------------------------------------------------

@dataclass
class BatchResult:
    outcomes: list[Outcome]
    manifest: Path
    index: Path | None = None
    overview: Path | None = None
    overview_error: str = ""
    notes: list[str] = field(default_factory=list)  # targets left out as duplicates, one line each

    @property
    def counts(self) -> dict[str, int]:
        counts = {"built": 0, "skipped": 0, "failed": 0}
        for outcome in self.outcomes:
            counts[outcome.status] += 1
        return counts

    @property
    def ok(self) -> bool:
        return self.counts["failed"] == 0 and not self.overview_error


def _run_local(jobs: list[Job], workers: int, notebook: Path, timeout: float | None) -> Iterator[dict]:
    if workers <= 1 or len(jobs) == 1:
        for job in jobs:
            yield build_job(asdict(job), str(notebook), timeout)
        _stop_kernel()
        return
    arguments = [(asdict(job), str(notebook), timeout) for job in jobs]
    yield from in_fresh_pools(build_job, arguments, workers, RECYCLE_AFTER, lost=_lost_outcome)


def _lost_outcome(job: dict, notebook: str, timeout: float | None) -> dict:
    job = Job(**job)
    return asdict(Outcome(job.agency, job.agency_id, job.province, job.slug, "failed", error=WORKER_LOST,
                          input_hash=job.input_hash or ""))


_LOST = object()  # the result of a task whose worker process died under it


def in_fresh_pools(task: Callable[..., dict], arguments: list[tuple], workers: int, recycle_after: int,
                   lost: Callable[..., dict] | None = None) -> Iterator[dict]:
    """task(*args) for each args in spawn worker processes, results as they finish; a new pool
    (new processes, new kernels) every workers × recycle_after tasks, so that what a process slowly
    accumulates over thousands of reports is given back. (ProcessPoolExecutor's own
    max_tasks_per_child deadlocks on Python 3.11-3.13: cpython#115634.)
    A worker that dies (killed, out of memory) takes its pool down: the tasks that were running then
    are tried once more, the ones not yet started simply go on in a fresh pool; a task running when a
    worker died twice gets `lost(*args)` as its result (without `lost`: BrokenProcessPool)."""
    from concurrent.futures.process import BrokenProcessPool

    chunk = workers * max(1, recycle_after)
    pending = [(args, 0) for args in arguments]  # (args, how often a worker died while it ran)
    while pending:
        batch, pending = pending[:chunk], pending[chunk:]
        again = []
        with closing(_in_one_pool(task, [args for args, _ in batch], workers)) as results:
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


def _run_task(position: int, task: Callable[..., dict], args: tuple) -> dict:
    if _STARTED is not None:
        _STARTED[position] = 1
    return task(*args)


def _in_one_pool(task: Callable[..., dict], batch: list[tuple], workers: int) -> Iterator[tuple[int, object, bool]]:
    """(position, result or _LOST, whether it had started) for each task of `batch`, as they finish,
    in one new pool of spawn processes. When the pool breaks and none of the lost tasks had started
    (every worker died at once, or at start-up), all of them count as running, so that no task is
    retried forever."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # spawn: workers must not inherit the driver's DuckDB connection or a running kernel.
    context = multiprocessing.get_context("spawn")
    started = context.Array("b", len(batch), lock=False)  # no lock a dying worker could leave held
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                               initargs=(os.getpid(), started))
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


@contextmanager
def _connect(scheduler: str) -> Iterator[object]:
    """A dask client, or ItaError in SCHEDULER_TIMEOUT seconds when the scheduler cannot be reached."""
    check_scheduler(scheduler)
    _check_scheduler_answers(scheduler)
    from dask.distributed import Client

    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except ValueError as error:
        raise UsageError(f"{scheduler!r} is not a scheduler address ({error})", path="--scheduler") from None
    except OSError:  # dask says "Timed out trying to connect" for a refused port and an unknown host alike
        raise ItaError(f"cannot connect to {scheduler} within {SCHEDULER_TIMEOUT} s", path="--scheduler") from None
    with client:
        yield client


def _run_dask(jobs: list[Job], client, notebook: Path, timeout: float | None) -> Iterator[dict]:
    from dask.distributed import as_completed

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
        return asdict(Outcome(job.agency, job.agency_id, job.province, job.slug, "failed",
                              error=f"dask: {type(error).__name__}: {error}", input_hash=job.input_hash or ""))


def run_batch(jobs: list[Job], *, db: str | Path, output_dir: str | Path = "outputs", workers: int | None = None,
              force: bool = False, notebook: Path = NOTEBOOK, timeout: float | None = 600,
              scheduler: str | None = None, index: bool = True, overview: bool = True,
              progress: Callable[[Outcome, dict], None] | None = None) -> BatchResult:
    """Build every job's report; skipped when unchanged; an agency's failure is recorded, never fatal.
    OutputError when the output folder cannot be written (reports already built are kept), ItaError
    when the scheduler cannot be reached; on Ctrl-C the manifest lists what finished."""
    jobs, duplicates = once_per_agency(jobs)
    outcomes: list[Outcome] = []
    counts = {"built": 0, "skipped": 0, "failed": 0, "total": len(jobs)}

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        counts[outcome.status] += 1
        if progress:
            progress(outcome, counts)

    with ExitStack() as stack:
        client = stack.enter_context(_connect(scheduler)) if scheduler else None  # before anything is written
        output_dir = prepare_output_dir(output_dir)
        manifest = output_dir / MANIFEST
        clean_leftovers(output_dir)
        todo = _to_build(jobs, db, output_dir, notebook, force, record)
        runner = (_run_dask(todo, client, notebook, timeout) if client
                  else _run_local(todo, workers or usable_workers()[0], notebook, timeout))
        try:
            _collect(runner, record, outcomes, manifest)
        except KeyboardInterrupt:
            _write_manifest_if_possible(outcomes, manifest)
            raise
        finally:
            runner.close()  # stops the workers at once when anything went wrong
    write_manifest(outcomes, manifest)
    result = BatchResult(outcomes, manifest, notes=duplicates)
    if overview and any(o.status != "failed" for o in outcomes):
        result.overview, result.overview_error = _overview(output_dir, jobs, outcomes)
    if index:
        from ita_lib.report.index_page import write_index

        with _writing(output_dir / "index.html"):
            result.index = write_index(output_dir, outcomes,
                                       digits=(jobs[0].params.get("digits") if jobs else None) or "thai")
    return result


WORKER_MEMORY = 750_000_000  # bytes a worker and its kernel take at their peak (README, Benchmark)


def usable_workers(requested: int | None = None) -> tuple[int, str]:
    """How many worker processes to run, and a note when `requested` was lowered. By default the
    cores this process may use (its CPU affinity, which containers and job schedulers set, not the
    machine's count); never more than the memory available holds, a worker with its kernel taking
    ~750 MB (64 workers on a node with a small memory limit would be killed one by one)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    available = _available_memory()
    memory_limit = max(1, available // WORKER_MEMORY) if available is not None else None
    wanted = cores if requested is None else requested
    if memory_limit is None or wanted <= memory_limit:
        return wanted, ""
    lowered = "" if requested is None else (
        f"--jobs {requested} lowered to {memory_limit}: {available / 1e9:.1f} GB of memory free, "
        f"~{WORKER_MEMORY / 1e6:.0f} MB a worker")
    return memory_limit, lowered


def _available_memory() -> int | None:
    """MemAvailable from /proc/meminfo (Linux), else None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def once_per_agency(jobs: list[Job]) -> tuple[list[Job], list[str]]:
    """The jobs with each agency once (the first target naming it wins), and a note for each target
    left out: two spellings or two params files of one agency would otherwise build into the same
    folder at the same time, a report mixing both, and list it twice in the manifest and index."""
    first: dict[str, Job] = {}
    kept, notes = [], []
    for job in jobs:
        earlier = first.get(job.agency_id) if job.agency_id and not job.problem else None
        if earlier is None:
            if job.agency_id and not job.problem:
                first[job.agency_id] = job
            kept.append(job)
        else:
            notes.append(f"{job.agency_id}: named twice; built once, with the first target's parameters")
    return kept, notes


def _to_build(jobs: list[Job], db: str | Path, output_dir: Path, notebook: Path, force: bool,
              record: Callable[[Outcome], None]) -> list[Job]:
    """The jobs to build; the others (unusable targets, unchanged reports) are recorded at once."""
    from ita_lib.report.params import agency_slug

    code, data = code_hash(notebook), data_hashes(db)
    earlier = _earlier_slugs(output_dir)
    todo = []
    for job in jobs:
        job.params = dict(job.params, db=str(Path(db).resolve()), output_dir=str(output_dir))
        if job.problem:
            record(Outcome(job.agency, job.agency_id, job.province, None, "failed", error=job.problem))
            continue
        slug = earlier.get(job.agency_id)
        job.slug = slug if slug and _built_for(output_dir / slug, job) else agency_slug(job.agency, job.agency_id)
        job.input_hash = job_hash(job, code, data)
        formats = job.params.get("formats") or ["html", "pdf"]
        if not force and is_current(output_dir / job.slug, job.input_hash, formats):
            record(Outcome(job.agency, job.agency_id, job.province, job.slug, "skipped", input_hash=job.input_hash,
                           outputs=";".join(json.loads((output_dir / job.slug / STAMP).read_text())["outputs"])))
            continue
        todo.append(job)
    return todo


def _earlier_slugs(output_dir: Path) -> dict[str, str]:
    """agency_id → folder, from the last run's manifest: a rerun need not romanize every name again
    (the first romanization loads a word list, ~1 s; then ~0.5 ms a name)."""
    import csv

    try:
        with (output_dir / MANIFEST).open(encoding="utf-8-sig", newline="") as manifest:
            return {row["agency_id"]: row["slug"] for row in csv.DictReader(manifest)
                    if row.get("agency_id") and row.get("slug")}
    except (OSError, ValueError, KeyError, csv.Error):
        return {}


def _built_for(folder: Path, job: Job) -> bool:
    """True when the folder's stamp says it holds this very agency's report (name and id)."""
    try:
        recorded = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded.get("agency_id") == job.agency_id and recorded.get("agency") == job.agency


def _collect(runner: Iterator[dict], record: Callable[[Outcome], None], outcomes: list[Outcome],
             manifest: Path) -> None:
    last_write = time.monotonic()
    for result in runner:
        record(Outcome(**result))
        if time.monotonic() - last_write > 5:  # a killed batch still leaves a recent manifest
            write_manifest(outcomes, manifest)
            last_write = time.monotonic()


def prepare_output_dir(output_dir: str | Path) -> Path:
    """The output folder, created if need be and known to take files before any report is built:
    OutputError (one line) for a read-only folder, a file in the way or a full disk."""
    output_dir = Path(output_dir).resolve()
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputError("cannot write: it is a file, not a folder", path=output_dir)
    with _writing(output_dir):
        output_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(output_dir / ".ita-write-test", b"").unlink()
    return output_dir


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """An OSError while writing `path` as OutputError naming it: one line, not a traceback."""
    try:
        yield
    except OSError as error:
        raise output_error(error, path) from None


def _write_manifest_if_possible(outcomes: list[Outcome], manifest: Path) -> None:
    try:
        write_manifest(outcomes, manifest)
    except OutputError:
        pass  # interrupted anyway: the reports' own build.json files say what is done


def overview_province(outcomes: list[Outcome]) -> str | None:
    """The province an overview is about: the one every report of the batch shares; None (all of
    them) when they differ or some have none."""
    provinces = {none_if_missing(o.province) for o in outcomes if o.status != "failed"}
    return provinces.pop() if len(provinces) == 1 else None


def _overview(output_dir: Path, jobs: list[Job], outcomes: list[Outcome]) -> tuple[Path | None, str]:
    """province_overview.html for the batch (one province's when all its reports share one);
    kept as it is when neither the reports it reads nor the code changed. OutputError when the
    output folder cannot take it; any other failure is returned as text (the reports are built)."""
    from ita_lib.report.render import OVERVIEW_NOTEBOOK, OVERVIEW_PAGE, build_overview

    params = jobs[0].params if jobs else {}
    thresholds = {k: v for k, v in (params.get("thresholds") or {}).items() if k in ("strength", "passing", "urgent")}
    from ita_lib.report.overview import agencies_in_store

    province = overview_province(outcomes)
    options = {"province": province, "digits": params.get("digits", "thai"), "thresholds": thresholds,
               "in_store": agencies_in_store(params["db"], province) if params.get("db") else None}
    reports = sorted(f"{o.slug}:{o.input_hash}" for o in outcomes if o.status != "failed")
    input_hash = _digest(code_hash(OVERVIEW_NOTEBOOK), json.dumps(options, ensure_ascii=False, sort_keys=True),
                         *reports)
    page, stamp = output_dir / OVERVIEW_PAGE, output_dir / "province_overview.json"
    try:
        if page.exists() and json.loads(stamp.read_text(encoding="utf-8")).get("input_hash") == input_hash:
            return page, ""
    except (OSError, ValueError):
        pass
    try:
        build_overview(output_dir, **options)
    except ItaError as error:
        return None, str(error)
    except OSError as error:
        if error.errno in OUTPUT_ERRNOS:
            raise OutputError(f"cannot write: {error.strerror}", path=page) from None
        return None, f"province overview: {type(error).__name__}: {error}"
    except Exception as error:  # noqa: BLE001 - the reports are built; say what went wrong with the page
        return None, f"province overview: {type(error).__name__}: {error}"
    with _writing(stamp):
        atomic_write(stamp, json.dumps({"input_hash": input_hash, **options}, ensure_ascii=False, indent=1))
    return page, ""


def _outcome_order(outcome: Outcome) -> tuple[str, str, str]:
    return text_key(outcome.province), text_key(outcome.agency), text_key(outcome.agency_id)


def write_manifest(outcomes: list[Outcome], path: Path) -> None:
    """manifest.csv: a row per agency by province and name, UTF-8 with a BOM for Excel, no cell that
    a spreadsheet would run as a formula. OutputError when it cannot be written."""
    import pandas as pd

    from ita_lib.io.csv_cells import spreadsheet_csv

    rows = [{k: none_if_missing(v) for k, v in asdict(o).items()} for o in sorted(outcomes, key=_outcome_order)]
    with _writing(path):
        atomic_write(path, spreadsheet_csv(pd.DataFrame(rows, columns=list(MANIFEST_COLUMNS)), lineterminator="\r\n"))
