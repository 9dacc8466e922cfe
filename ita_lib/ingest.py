"""Ingest documents into the store: find files, skip those already in, parse in parallel, write in
batches, then recompute agency identity.

A file that cannot be read is reported and skipped; the rest go in. Each batch is one transaction,
so an interrupted ingest keeps what it finished and a rerun resumes with the files not yet in.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import ItaError
from .identity import AgencyRef, load_aliases, resolve
from .store import Rows, Store, document_rows

DOCUMENT_SUFFIXES = (".txt", ".md", ".text", ".csv", ".tsv", ".html", ".htm", ".docx", ".pdf")
DEFAULT_ALIASES = Path("params") / "aliases.yaml"
_BATCH_FILES = 2000  # documents per transaction
_PARALLEL_FROM = 40  # below this many files a process pool costs more than it saves


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)  # files stored now
    already_in: list[str] = field(default_factory=list)  # same content stored before (by sha256)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason without the file): skipped
    not_ita: list[tuple[str, str]] = field(default_factory=list)  # stored, but gave no records
    records: int = 0
    agencies: int = 0

    @property
    def skipped_any(self) -> bool:
        return bool(self.failed)


def find_documents(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named and document files under folders (recursively, sorted; hidden files and README
    files in folders are left out); missing paths as errors."""
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                                and not p.name.startswith(".") and not p.stem.upper().startswith("README")))
        elif path.is_file():
            found.append(path)
        else:
            missing.append((str(path), "no such file or folder"))
    return found, missing


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _parse_one(job: tuple[str, int | None, str | None]) -> tuple[str, Rows | None, str | None]:
    """Worker: one file → its rows, or the reason it could not be read."""
    from .parse import parse_report  # imported in the worker, after fork

    path, year, agency = job
    try:
        report = parse_report(Path(path), year=year, agency=agency)
    except ItaError as error:
        return path, None, (f"line {error.line}: " if error.line else "") + error.reason
    document = report.document
    note = "; ".join(report.notes) or None
    return path, document_rows(document.sha256, path, document.format, report.records, note), None


def _parsed(jobs: list[tuple[str, int | None, str | None]], workers: int) -> Iterator[tuple[str, Rows | None, str | None]]:
    if workers <= 1 or len(jobs) < _PARALLEL_FROM:
        yield from map(_parse_one, jobs)
        return
    # fork: workers inherit the imported modules; no DuckDB connection is used in them.
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        yield from pool.imap(_parse_one, jobs, chunksize=8)


def ingest(paths: Iterable[str | Path], *, db: str | Path, year: int | None = None,
           agency: str | None = None, aliases: str | Path | None = DEFAULT_ALIASES, workers: int | None = None,
           progress: Callable[[int, int], None] | None = None) -> IngestResult:
    """Parse and store every document under `paths`; see IngestResult for what happened to each."""
    result = IngestResult()
    files, missing = find_documents(paths)
    result.failed.extend(missing)
    alias_table = load_aliases(aliases) if aliases is not None else None
    workers = workers or min(os.cpu_count() or 1, 4)
    with Store(db) as store:
        known = store.known_sources()
        jobs = []
        for path in files:
            try:
                digest = _sha256(path)
            except OSError as error:
                result.failed.append((str(path), f"cannot read: {error.strerror or error}"))
                continue
            if digest in known:
                result.already_in.append(str(path))
                continue
            known.add(digest)  # the same content twice in one run goes in once
            jobs.append((str(path), year, agency))
        if progress:
            progress(0, len(jobs))
        batch = Rows.empty()
        for done, (path, rows, error) in enumerate(_parsed(jobs, workers), start=1):
            if error is not None:
                result.failed.append((path, error))
            else:
                _take(result, batch, path, rows)
            if len(batch) >= _BATCH_FILES:
                store.write(batch)
                batch = Rows.empty()
            if progress:
                progress(done, len(jobs))
        store.write(batch)
        result.agencies = relink(store, alias_table)
    return result


def _take(result: IngestResult, batch: Rows, path: str, rows: Rows) -> None:
    source = rows.tables["sources"][0]
    if source[3] == 0:
        result.not_ita.append((path, source[4] or "no records"))
    result.added.append(path)
    result.records += source[3]
    batch.extend(rows)


def relink(store: Store, aliases=None) -> int:
    """Recompute agency identity over every record in the store; returns the number of agencies."""
    refs_frame = store.identity_refs()
    refs = [AgencyRef(row.record_id, row.agency, _none(row.agency_type), _none(row.district),
                      _none(row.province), None if pd.isna(row.fiscal_year) else int(row.fiscal_year),
                      row.sha256, _none(row.overall_score))
            for row in refs_frame.itertuples(index=False)]
    agencies, links = resolve(refs, aliases)
    agency_frame = pd.DataFrame([(a.agency_id, a.name, a.agency_type, a.place, a.district, a.province)
                                 for a in agencies],
                                columns=["agency_id", "name", "agency_type", "place", "district", "province"])
    link_frame = pd.DataFrame([(k.ref_id, k.agency_id, k.method, k.similarity, k.matched_name) for k in links],
                              columns=["record_id", "agency_id", "method", "similarity", "matched_name"])
    store.replace_identity(agency_frame, link_frame)
    return len(agencies)


def _none(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value
