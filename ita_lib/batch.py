"""Batch builds: one report per agency for a list, a province or the whole store.

- Local: N worker processes, each keeping its imports, fonts and one Jupyter kernel warm across
  agencies (the notebook clears its namespace first); the real notebook still runs through papermill.
- Incremental: each report folder holds build.json with the hash of everything the report depends
  on (notebook, template, ita_lib version, parameters, the agency's and its peers' rows in the
  store); an unchanged agency is skipped, `force` rebuilds.
- Safe to interrupt: every file is written under a temporary name and renamed, build.json last, so
  a report is complete or is rebuilt; leftovers of a killed run are removed when the next one starts.
- Past one machine: the same jobs on a dask.distributed scheduler (`scheduler="tcp://..."`).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .errors import ItaError
from .files import atomic_write
from .render import NOTEBOOK, TEMPLATES

STAMP = "build.json"
# Agencies a worker process builds before it and its kernel are replaced; a new process costs a few
# seconds, a worker grows by a few hundred kB per report.
RECYCLE_AFTER = 200
MANIFEST_COLUMNS = ("agency", "agency_id", "province", "slug", "status", "seconds", "error", "input_hash", "outputs")


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
        raise ItaError("say which agencies, one way: targets, --agencies FILE, --province or --all")
    from .store import Store

    defaults = dict(defaults or {}, db=str(db))
    with Store(db, read_only=True) as store:
        agencies = store.query("SELECT agency_id, name, province FROM agencies ORDER BY province, name, agency_id")
        if everything:
            chosen = agencies
        elif province is not None:
            chosen = agencies[agencies["province"] == province]
            if chosen.empty:
                raise ItaError(f"no agency of province {province!r} in the store", path=db)
        elif targets:
            return [_job_from_line(store, target, defaults, Path.cwd() / "-") for target in targets]
        else:
            return [_job_from_line(store, line, defaults, agencies_file) for line in _target_lines(agencies_file)]
    return [Job(agency=row.name, agency_id=row.agency_id, province=row.province,
                params=dict(defaults, agency=row.name, agency_id=row.agency_id))
            for row in chosen.itertuples(index=False)]


def _target_lines(path: str | Path) -> list[str]:
    lines = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.strip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


def _job_from_line(store, line: str, defaults: dict, listed_in) -> Job:
    from .params import load_params

    try:
        if line.lower().endswith((".yaml", ".yml")):
            path = Path(line) if Path(line).is_absolute() else Path(listed_in).parent / line
            params = load_params(path if path.exists() else Path(line)).model_dump()
            params["db"] = defaults["db"]
            if "output_dir" in defaults:
                params["output_dir"] = defaults["output_dir"]
            found = store.find_agency(params.get("agency_id") or params["agency"], province=params.get("province"))
        else:
            found = store.find_agency(line)
            params = dict(defaults)
    except ItaError as error:
        return Job(agency=line, params=dict(defaults), problem=str(error))
    params.update(agency=found["name"], agency_id=found["agency_id"])
    return Job(agency=found["name"], agency_id=found["agency_id"], province=found["province"], params=params)


# --- what a report depends on -------------------------------------------------------------------

def _digest(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def code_hash(notebook: Path = NOTEBOOK) -> str:
    """ita_lib's version and source, the notebook and the template: a change to any rebuilds all."""
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py")) + sorted((package / "data").glob("*")) + sorted(TEMPLATES.rglob("*"))
    return _digest(__version__, Path(notebook).read_bytes(),
                   *(f"{p.relative_to(package)}:{p.read_bytes().hex()}" for p in files if p.is_file()))


def data_hashes(db: str | Path) -> dict[str, str]:
    """Per agency: a hash of its own rows (facts, recommendations, actions, warnings, sources) and of
    its peers' facts (same type and province), all in a few queries over the whole store."""
    from .store import Store

    with Store(db, read_only=True) as store:
        own = store.query("""
            WITH rows AS (
                SELECT l.agency_id, concat_ws('|', r.record_id, r.fiscal_year, s.path, f.field, f.number, f.text, f.line) AS row
                FROM facts f JOIN records r USING (record_id) JOIN agency_links l USING (record_id)
                     JOIN sources s ON s.sha256 = r.sha256
                UNION ALL SELECT l.agency_id, concat_ws('|', 'rec', t.record_id, t.position, t.instrument, t.text)
                FROM recommendations t JOIN agency_links l USING (record_id)
                UNION ALL SELECT l.agency_id, concat_ws('|', 'act', t.record_id, t.position, t.measure, t.steps, t.period,
                                                        t.responsible, t.analysis, t.line)
                FROM actions t JOIN agency_links l USING (record_id)
                UNION ALL SELECT l.agency_id, concat_ws('|', 'warn', t.record_id, t.position, t.code, t.message, t.line)
                FROM warnings t JOIN agency_links l USING (record_id)
                UNION ALL SELECT agency_id, concat_ws('|', 'agency', name, agency_type, district, province)
                FROM agencies)
            SELECT agency_id, sha256(string_agg(row, chr(10) ORDER BY row)) AS own FROM rows GROUP BY agency_id""")
        groups = store.query("""
            SELECT a.agency_id, coalesce(a.agency_type, '') || ':' || coalesce(a.province, '') AS peer_group
            FROM agencies a""")
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
    wanted = {"html": "report.html", "pdf": "report.pdf"}
    return (recorded.get("input_hash") == input_hash
            and all((folder / wanted[f]).exists() for f in formats)
            and (folder / "data.json").exists())


def clean_leftovers(output_dir: Path) -> int:
    """Remove what a killed run left: .build-* scratch folders and .*.tmp files."""
    removed = 0
    if not output_dir.exists():
        return 0
    for scratch in output_dir.glob(".build-*"):
        shutil.rmtree(scratch, ignore_errors=True)
        removed += 1
    for temp in output_dir.glob("**/.*.tmp"):
        temp.unlink(missing_ok=True)
        removed += 1
    return removed


# --- one build, in a worker -------------------------------------------------------------------------

_KERNEL = {}  # per worker process: the warm kernel manager and its context


def _warm_kernel():
    from .kernels import kernel_manager

    if "km" not in _KERNEL:
        context = kernel_manager()
        _KERNEL["context"] = context
        _KERNEL["km"] = context.__enter__()
        import atexit

        atexit.register(_stop_kernel)
    return _KERNEL["km"]


def _stop_kernel() -> None:
    context = _KERNEL.pop("context", None)
    _KERNEL.pop("km", None)
    if context is not None:
        context.__exit__(None, None, None)


def _kernel_start_failure(error: BaseException) -> bool:
    text = f"{type(error).__name__}: {error}".lower()
    return any(word in text for word in ("kernel died", "kernel didn't respond", "kernel_info", "dead kernel",
                                         "kernel start", "timed out waiting for kernel"))


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
    from .params import ReportParams
    from .render import build

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
            result = build(ReportParams(**job.params), km=km, notebook=Path(notebook),
                           execution_timeout=timeout + 60 if timeout else None)
        except Exception as error:  # noqa: BLE001 - a worker reports every failure, never dies of one
            if deadline is not None and deadline.expired:
                outcome.error = f"agency {job.agency}: the notebook ran longer than {timeout:g} s and was stopped"
                _stop_kernel()
                break
            outcome.error = str(error) if isinstance(error, ItaError) else f"{type(error).__name__}: {error}"
            if isinstance(error, ItaError):  # a failing cell: the kernel is fine unless the cell killed it
                _restart_kernel_if_dead()
                break
            _stop_kernel()  # a fresh kernel for the retry and for the next agency
            if attempt == 1 and _kernel_start_failure(error):
                continue
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
    yield from in_fresh_pools(build_job, arguments, workers, RECYCLE_AFTER)


def in_fresh_pools(task: Callable[..., dict], arguments: list[tuple], workers: int,
                   recycle_after: int) -> Iterator[dict]:
    """task(*args) for each args in spawn worker processes, results as they finish; a new pool
    (new processes, new kernels) every workers × recycle_after tasks, so that what a process slowly
    accumulates over thousands of reports is given back. (ProcessPoolExecutor's own
    max_tasks_per_child deadlocks on Python 3.11-3.13: cpython#115634.)"""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    chunk = workers * max(1, recycle_after)
    for start in range(0, len(arguments), chunk):
        # spawn: workers must not inherit the driver's DuckDB connection or a running kernel.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [pool.submit(task, *args) for args in arguments[start:start + chunk]]
            for future in as_completed(futures):
                yield future.result()


def _run_dask(jobs: list[Job], scheduler: str, notebook: Path, timeout: float | None) -> Iterator[dict]:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise ItaError("--scheduler needs dask.distributed: pip install 'ita-report[distributed]'") from None
    with Client(scheduler) as client:
        futures = [client.submit(build_job, asdict(job), str(notebook), timeout, pure=False, key=f"ita-{i}-{job.slug}")
                   for i, job in enumerate(jobs)]
        for future in as_completed(futures):
            yield future.result()


def run_batch(jobs: list[Job], *, db: str | Path, output_dir: str | Path = "outputs", workers: int | None = None,
              force: bool = False, notebook: Path = NOTEBOOK, timeout: float | None = 600,
              scheduler: str | None = None, index: bool = True, overview: bool = True,
              progress: Callable[[Outcome, dict], None] | None = None) -> BatchResult:
    """Build every job's report; skipped when unchanged; failures recorded, never fatal."""
    from .params import agency_slug

    output_dir = Path(output_dir).resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    clean_leftovers(output_dir)
    code, data = code_hash(notebook), data_hashes(db)
    outcomes: list[Outcome] = []
    todo: list[Job] = []
    counts = {"built": 0, "skipped": 0, "failed": 0, "total": len(jobs)}

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        counts[outcome.status] += 1
        if progress:
            progress(outcome, counts)

    for job in jobs:
        job.params = dict(job.params, db=str(Path(db).resolve()), output_dir=str(output_dir))
        if job.problem:
            record(Outcome(job.agency, job.agency_id, job.province, None, "failed", error=job.problem))
            continue
        job.slug = agency_slug(job.agency, job.agency_id)
        job.input_hash = job_hash(job, code, data)
        formats = job.params.get("formats") or ["html", "pdf"]
        if not force and is_current(output_dir / job.slug, job.input_hash, formats):
            record(Outcome(job.agency, job.agency_id, job.province, job.slug, "skipped", input_hash=job.input_hash,
                           outputs=";".join(json.loads((output_dir / job.slug / STAMP).read_text())["outputs"])))
            continue
        todo.append(job)
    workers = workers or os.cpu_count() or 1
    runner = (_run_dask(todo, scheduler, notebook, timeout) if scheduler
              else _run_local(todo, workers, notebook, timeout))
    manifest = output_dir / "manifest.csv"
    last_write = time.monotonic()
    for result in runner:
        record(Outcome(**result))
        if time.monotonic() - last_write > 5:  # a killed batch still leaves a recent manifest
            write_manifest(outcomes, manifest)
            last_write = time.monotonic()
    write_manifest(outcomes, manifest)
    result = BatchResult(outcomes, manifest)
    if overview and any(o.status != "failed" for o in outcomes):
        result.overview, result.overview_error = _overview(output_dir, jobs, outcomes)
    if index:
        from .index_page import write_index

        result.index = write_index(output_dir, outcomes)
    return result


def _overview(output_dir: Path, jobs: list[Job], outcomes: list[Outcome]) -> tuple[Path | None, str]:
    """province_overview.html for the batch (one province's when all its agencies share one);
    kept as it is when neither the reports it reads nor the code changed."""
    from .render import OVERVIEW_NOTEBOOK, OVERVIEW_PAGE, build_overview

    provinces = {job.province for job in jobs if job.province}
    params = jobs[0].params if jobs else {}
    thresholds = {k: v for k, v in (params.get("thresholds") or {}).items() if k in ("strength", "passing", "urgent")}
    options = {"province": provinces.pop() if len(provinces) == 1 else None, "digits": params.get("digits", "thai"),
               "thresholds": thresholds}
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
    except Exception as error:  # noqa: BLE001 - the reports are built; say what went wrong with the page
        return None, f"province overview: {type(error).__name__}: {error}"
    atomic_write(stamp, json.dumps({"input_hash": input_hash, **options}, ensure_ascii=False, indent=1))
    return page, ""


def write_manifest(outcomes: list[Outcome], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS)
    writer.writeheader()
    for outcome in sorted(outcomes, key=lambda o: (o.province or "", o.agency, o.agency_id or "")):
        writer.writerow(asdict(outcome))
    atomic_write(path, "\ufeff" + buffer.getvalue())
