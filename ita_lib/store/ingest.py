"""Ingest documents into the store: find files, skip those already in, parse in parallel, and at
every checkpoint write what was parsed and recompute agency identity.

A file that cannot be read, or takes longer than PARSE_TIME_LIMIT to parse, is reported and
skipped; the rest go in. A checkpoint comes every COMMIT_EVERY_SECONDS (longer into a big store,
see CHECKPOINT_SPACING) or COMMIT_EVERY_FILES files, whichever is first: its rows are one
transaction, then agency identity is recomputed (a second one), so an interrupted ingest keeps
every file up to its last checkpoint, with agencies, and a rerun resumes with the files not yet in.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ita_lib.parse.limits import DOCUMENT_TIME_LIMIT, ParseTimeout, time_limit
from ita_lib.errors import DocumentReadError, ItaError
from ita_lib.store.aliases import load_aliases
from ita_lib.store.resolve import AgencyRef, resolve
from ita_lib.io.read import SUPPORTED_SUFFIXES, check_document_file
from ita_lib.store.db import Store
from ita_lib.store.rows import Rows, document_rows, record_id
from ita_lib.store.official_names import spelling_rows, stored_spellings
from ita_lib.text.thai import has_thai_letters

DEFAULT_ALIASES = Path("params") / "aliases.yaml"
_PARALLEL_FROM = 40  # below this many files a process pool costs more than it saves
# Seconds one document may take to parse. The real and example documents take < 0.2 s each, the
# densest DOCX io accepts ~15 s; longer means a pathological file, which must not stall an ingest.
PARSE_TIME_LIMIT = DOCUMENT_TIME_LIMIT  # seconds one document may take to parse (the same in `parse`)
# Checkpoints: an interrupted ingest loses at most this much work. Recomputing agency identity
# costs 0.2 s on a store of 3,000 records and 2.3 s on a national one (72,000), so checkpoints
# come by time, and at least CHECKPOINT_SPACING times as long apart as the last one took, which
# keeps them to ~1/10 of an ingest into however big a store. The file count only bounds the
# memory of the rows held in between (5,000 files: ~110 MB, ~20 s of the fastest ingest).
COMMIT_EVERY_SECONDS = 20
CHECKPOINT_SPACING = 10
COMMIT_EVERY_FILES = 5000


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)  # files stored now
    already_in: list[str] = field(default_factory=list)  # same content stored before (by sha256)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason without the file): skipped
    not_ita: list[tuple[str, str]] = field(default_factory=list)  # stored, but gave no records
    noted: list[tuple[str, str]] = field(default_factory=list)  # stored with records, and a note (bytes dropped)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # files in folders not read, and why
    records: int = 0
    agencies: int = 0

    @property
    def skipped_any(self) -> bool:
        return bool(self.failed)


def find_documents(paths: Iterable[str | Path], left_out: list[tuple[str, str]] | None = None
                   ) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named and document files under folders (recursively, sorted), and (path, reason) for
    each one that cannot be read: missing, a folder that cannot be listed, a broken symbolic link,
    not a regular file, too large. Files in folders that are not documents (another type, hidden,
    a README) go to `left_out` with the reason, when it is given."""
    found: list[Path] = []
    failed: list[tuple[str, str]] = []
    left_out = left_out if left_out is not None else []
    for path in map(Path, paths):
        if path.is_dir():
            _find_in_folder(path, found, failed, left_out)
        elif not path.exists() and not path.is_symlink():
            failed.append((str(path), "no such file or folder"))
        else:
            _add_if_readable(path, found, failed)
    return found, failed


def _find_in_folder(folder: Path, found: list[Path], failed: list[tuple[str, str]],
                    left_out: list[tuple[str, str]]) -> None:
    def unlistable(error: OSError) -> None:
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror or str(error)
        failed.append((str(error.filename), reason))

    files: list[Path] = []
    for top, _, names in os.walk(folder, onerror=unlistable):  # symlinked folders are not followed
        for name in sorted(names):
            why = _not_a_document(name)
            if why:
                left_out.append((str(Path(top, name)), why))
            else:
                files.append(Path(top, name))
    for path in sorted(files):
        _add_if_readable(path, found, failed)


def _not_a_document(name: str) -> str | None:
    """Why a file in a folder is not read as a document; None when it is one."""
    path = Path(name)
    if name.startswith("."):
        return "a hidden file"
    if path.stem.upper().startswith("README"):
        return "a README"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        kind = f"{path.suffix} files are" if path.suffix else "a file without an extension is"
        return f"{kind} not read (documents: " + ", ".join(SUPPORTED_SUFFIXES) + ")"
    return None


def _add_if_readable(path: Path, found: list[Path], failed: list[tuple[str, str]]) -> None:
    try:
        check_document_file(path)  # stat only: a FIFO is never opened
    except DocumentReadError as error:
        failed.append((str(path), error.reason))
    else:
        found.append(path)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_ParseTimeout = ParseTimeout  # the names the tests and older callers use
_time_limit = time_limit


def _parse_one(job: tuple[str, int | None, str | None]) -> tuple[str, Rows | None, str | None]:
    """Worker: one file → its rows, or the reason it could not be read."""
    from ita_lib.parse import parse_report  # imported in the worker, after fork

    path, year, agency = job
    try:
        with _time_limit(PARSE_TIME_LIMIT):
            report = parse_report(Path(path), year=year, agency=agency)
    except _ParseTimeout:
        return path, None, f"took longer than {PARSE_TIME_LIMIT:g} s to parse"
    except ItaError as error:
        return path, None, (f"line {error.line}: " if error.line else "") + error.reason
    document = report.document
    note = "; ".join(report.notes) or None
    # a ministry's mean (record.level) is no agency's result: the store keeps agencies' results only
    records = [record for record in report.records if has_thai_name(record) and record.level is None]
    rows = document_rows(document.sha256, path, document.format, records, note)
    rows.tables["name_spellings"] = spelling_rows([(line.number, line.text) for line in document.lines],
                                                  [record_id(document.sha256, i) for i in range(len(records))], records)
    return path, rows, None


def has_thai_name(record) -> bool:
    """A record the store keeps as an agency's: named in Thai. One named only in English (a news
    text's agency no Thai name is known for) would be an agency of its own, never joined to the
    same agency's Thai records; the parse note already says it is left out."""
    return has_thai_letters(record.agency)


def _parsed(jobs: list[tuple[str, int | None, str | None]], workers: int
            ) -> Iterator[tuple[str, Rows | None, str | None]]:
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
    files, unreadable = find_documents(paths, result.left_out)
    result.failed.extend(unreadable)
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
        checkpoints = _Checkpoints(store, alias_table)
        for done, (path, rows, error) in enumerate(_parsed(jobs, workers), start=1):
            if error is not None:
                result.failed.append((path, error))
            else:
                _take(result, checkpoints.rows, path, rows)
            checkpoints.commit_if_due()
            if progress:
                progress(done, len(jobs))
        result.agencies = checkpoints.commit()
    return result


class _Checkpoints:
    """The rows parsed since the last checkpoint, written with agency identity when one is due."""

    def __init__(self, store: Store, aliases) -> None:
        self.store, self.aliases = store, aliases
        self.rows = Rows.empty()
        self.last = time.monotonic()
        self.interval = COMMIT_EVERY_SECONDS
        self.agencies: int | None = None  # after this run's first relink

    def commit_if_due(self) -> None:
        if len(self.rows) and (len(self.rows) >= COMMIT_EVERY_FILES
                               or time.monotonic() - self.last >= self.interval):
            self.commit()

    def commit(self) -> int:
        """Write the rows (one transaction), then relink (another): a crash in between leaves
        records without agency links, which the agency views leave out and the next ingest's
        relink (run even when it adds nothing) links. Returns the number of agencies."""
        if not len(self.rows) and self.agencies is not None:
            return self.agencies  # nothing new since this run's last relink
        started = time.monotonic()
        self.store.write(self.rows)
        self.agencies = relink(self.store, self.aliases)
        self.rows = Rows.empty()
        self.last = time.monotonic()
        self.interval = max(COMMIT_EVERY_SECONDS, CHECKPOINT_SPACING * (self.last - started))
        return self.agencies


def _take(result: IngestResult, batch: Rows, path: str, rows: Rows) -> None:
    source = rows.tables["sources"][0]
    if source[3] == 0:
        result.not_ita.append((path, source[4] or "no records"))
    elif source[4]:
        result.noted.append((path, source[4]))
    result.added.append(path)
    result.records += source[3]
    batch.extend(rows)


def relink(store: Store, aliases=None) -> int:
    """Recompute agency identity over every record in the store; returns the number of agencies."""
    refs_frame = store.identity_refs()
    spellings = stored_spellings(store)
    refs = [AgencyRef(row.record_id, row.agency, _none(row.agency_type), _none(row.district),
                      _none(row.province), None if pd.isna(row.fiscal_year) else int(row.fiscal_year),
                      row.sha256, _none(row.overall_score), spellings.get(row.record_id, ()))
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
