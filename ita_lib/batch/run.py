"""Run a batch: every job's report built (locally or on dask), skipped when unchanged, an agency's
failure recorded and never fatal; then the manifest, the index page and the province overview.
Safe to interrupt: a report is complete (build.json written last) or is rebuilt, and leftovers of
a killed run are removed when the next one starts."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from ita_lib.batch.cluster import connect, run_on_dask
from ita_lib import interrupts
from ita_lib.batch.jobs import Job, Outcome, once_per_agency
from ita_lib.batch.manifest import (
    MANIFEST, clean_leftovers, earlier_slugs, make_overview, prepare_output_dir, write_manifest,
    write_manifest_if_possible, writing,
)
from ita_lib.batch.pool import run_local, usable_workers
from ita_lib.batch.stamps import built_for, code_hash, data_hashes, is_current, job_hash, read_stamp
from ita_lib.report.index_page import write_index
from ita_lib.store.slugs import agency_slug
from ita_lib.report.render import NOTEBOOK

MANIFEST_EVERY = 5  # seconds between manifest writes while reports come in: a killed batch leaves a recent one


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


def run_batch(jobs: list[Job], *, db: str | Path, output_dir: str | Path = "outputs", workers: int | None = None,
              force: bool = False, notebook: Path = NOTEBOOK, timeout: float | None = 600,
              scheduler: str | None = None, index: bool = True, overview: bool = True,
              progress: Callable[[Outcome, dict], None] | None = None) -> BatchResult:
    """Build every job's report; skipped when unchanged; an agency's failure is recorded, never fatal.
    OutputError when the output folder cannot be written (reports already built are kept), ItaError
    when the scheduler cannot be reached, ThaiFontNotFoundError or PdfEngineError (naming the fix)
    before any worker starts when this machine cannot make the reports; on Ctrl-C the manifest lists
    what finished."""
    jobs, duplicates = once_per_agency(jobs)
    _check_machine(jobs, local=scheduler is None)
    outcomes: list[Outcome] = []
    counts = {"built": 0, "skipped": 0, "failed": 0, "total": len(jobs)}

    def record(outcome: Outcome) -> None:
        outcomes.append(outcome)
        counts[outcome.status] += 1
        if progress:
            progress(outcome, counts)

    with ExitStack() as stack:
        client = stack.enter_context(connect(scheduler)) if scheduler else None  # before anything is written
        output_dir = prepare_output_dir(output_dir)
        manifest = output_dir / MANIFEST
        clean_leftovers(output_dir)
        todo = _to_build(jobs, db, output_dir, notebook, force, record)
        runner = (run_on_dask(todo, client, notebook, timeout) if client
                  else run_local(todo, workers or usable_workers()[0], notebook, timeout))
        try:
            _collect(runner, record, outcomes, manifest)
        except KeyboardInterrupt:
            write_manifest_if_possible(outcomes, manifest)
            raise
        finally:
            runner.close()  # stops the workers at once when anything went wrong
    write_manifest(outcomes, manifest)
    result = BatchResult(outcomes, manifest, notes=duplicates)
    if overview and any(o.status != "failed" for o in outcomes):
        result.overview, result.overview_error = make_overview(output_dir, jobs, outcomes)
    if index:
        with writing(output_dir / "index.html"):
            result.index = write_index(output_dir, outcomes,
                                       digits=(jobs[0].params.get("digits") if jobs else None) or "thai")
    return result


def _check_machine(jobs: list[Job], local: bool) -> None:
    """Before any worker starts: a usable Thai font (the index page and the overview need it here),
    and for local workers that make PDFs, WeasyPrint with Pango. Otherwise every agency would fail
    the same way inside its notebook; this stops the batch at once with one line and the fix. A
    dask cluster's workers are other machines: `ita-report doctor` checks those."""
    from ita_lib.report.preflight import check_font, check_pdf_engine

    check_font()
    if local:
        check_pdf_engine({kind for job in jobs for kind in (job.params.get("formats") or ["html", "pdf"])})


def _to_build(jobs: list[Job], db: str | Path, output_dir: Path, notebook: Path, force: bool,
              record: Callable[[Outcome], None]) -> list[Job]:
    """The jobs to build; the others (unusable targets, unchanged reports) are recorded at once."""
    code, data = code_hash(notebook), data_hashes(db)
    earlier = earlier_slugs(output_dir)
    todo = []
    for job in jobs:
        job.params = dict(job.params, db=str(Path(db).resolve()), output_dir=str(output_dir))
        if job.problem:
            record(Outcome(job.agency, job.agency_id, job.province, None, "failed", error=job.problem))
            continue
        slug = earlier.get(job.agency_id)
        job.slug = slug if slug and built_for(output_dir / slug, job) else agency_slug(job.agency, job.agency_id)
        job.input_hash = job_hash(job, code, data)
        formats = job.params.get("formats") or ["html", "pdf"]
        if not force and is_current(output_dir / job.slug, job.input_hash, formats):
            record(Outcome(job.agency, job.agency_id, job.province, job.slug, "skipped", input_hash=job.input_hash,
                           outputs=";".join(read_stamp(output_dir / job.slug)["outputs"])))
            continue
        todo.append(job)
    return todo


def _collect(runner: Iterator[dict], record: Callable[[Outcome], None], outcomes: list[Outcome],
             manifest: Path) -> None:
    last_write = time.monotonic()
    for result in runner:
        interrupts.stop_if_noted()  # a Ctrl-C that the build turned into a failure is still a Ctrl-C
        record(Outcome(**result))
        if time.monotonic() - last_write > MANIFEST_EVERY:
            write_manifest(outcomes, manifest)
            last_write = time.monotonic()
