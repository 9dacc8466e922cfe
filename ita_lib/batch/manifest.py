"""The batch's own files in its output folder: the folder checked before any work, what a killed run
left removed, manifest.csv (a row per agency) and the province overview page. Every file is written
under a temporary name and renamed, so a killed batch leaves no partial file."""
from __future__ import annotations

import csv
import errno
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ita_lib.batch.jobs import Job, Outcome
from ita_lib.batch.stamps import code_hash, digest
from ita_lib.report.writer import STAMP
from ita_lib.errors import ItaError, OutputError
from ita_lib.files import atomic_write, is_own_scratch, is_own_temp_file, output_error
from ita_lib.io.csv_cells import spreadsheet_csv
from ita_lib.report import render
from ita_lib.report.html import none_if_missing, text_key
from ita_lib.store.db import Store

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("agency", "agency_id", "province", "slug", "status", "seconds", "error", "input_hash", "outputs")
OVERVIEW_STAMP = "province_overview.json"
# An OSError with one of these while writing the batch's own pages means the output folder cannot take them.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG, errno.EIO}


def prepare_output_dir(output_dir: str | Path) -> Path:
    """The output folder, created if need be and known to take files before any report is built:
    OutputError (one line) for a read-only folder, a file in the way or a full disk."""
    output_dir = Path(output_dir).resolve()
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputError("cannot write: it is a file, not a folder", path=output_dir)
    with writing(output_dir):
        output_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(output_dir / ".ita-write-test", b"").unlink()
    return output_dir


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """An OSError while writing `path` as OutputError naming it: one line, not a traceback."""
    try:
        yield
    except OSError as error:
        raise output_error(error, path) from None


def earlier_slugs(output_dir: Path) -> dict[str, str]:
    """agency_id → folder, from the last run's manifest: a rerun need not romanize every name again
    (the first romanization loads a word list, ~1 s; then ~0.5 ms a name)."""
    try:
        with (output_dir / MANIFEST).open(encoding="utf-8-sig", newline="") as manifest:
            return {row["agency_id"]: row["slug"] for row in csv.DictReader(manifest)
                    if row.get("agency_id") and row.get("slug")}
    except (OSError, ValueError, KeyError, csv.Error):
        return {}


def clean_leftovers(output_dir: Path) -> int:
    """Remove what a killed run of this tool left, and nothing else: scratch folders bearing the
    tool's name and marker at the top of the output folder, and the tool's own temporary files
    (.NAME.ita-report-XXXX.tmp) at the top and in the report folders the last manifest lists or
    that hold the tool's stamp. A user's .build-tools/ or .thesis.tmp is never touched, and the
    tree below is never walked."""
    if not output_dir.is_dir():
        return 0
    removed = 0
    for entry in output_dir.iterdir():
        if is_own_scratch(entry):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    slugs = {slug for slug in earlier_slugs(output_dir).values() if Path(slug).name == slug not in (".", "..")}
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


def _outcome_order(outcome: Outcome) -> tuple[str, str, str]:
    return text_key(outcome.province), text_key(outcome.agency), text_key(outcome.agency_id)


def write_manifest(outcomes: list[Outcome], path: Path) -> None:
    """manifest.csv: a row per agency by province and name, UTF-8 with a BOM for Excel, no cell that
    a spreadsheet would run as a formula. OutputError when it cannot be written."""
    rows = [{k: none_if_missing(v) for k, v in asdict(o).items()} for o in sorted(outcomes, key=_outcome_order)]
    with writing(path):
        atomic_write(path, spreadsheet_csv(pd.DataFrame(rows, columns=list(MANIFEST_COLUMNS)), lineterminator="\r\n"))


def write_manifest_if_possible(outcomes: list[Outcome], path: Path) -> None:
    try:
        write_manifest(outcomes, path)
    except OutputError:
        pass  # interrupted anyway: the reports' own build.json files say what is done


def overview_province(outcomes: list[Outcome]) -> str | None:
    """The province an overview is about: the one every report of the batch shares; None (all of
    them) when they differ or some have none."""
    provinces = {none_if_missing(o.province) for o in outcomes if o.status != "failed"}
    return provinces.pop() if len(provinces) == 1 else None


def make_overview(output_dir: Path, jobs: list[Job], outcomes: list[Outcome]) -> tuple[Path | None, str]:
    """province_overview.html for the batch (one province's when all its reports share one);
    kept as it is when neither the reports it reads nor the code changed. OutputError when the
    output folder cannot take it; any other failure is returned as text (the reports are built)."""
    params = jobs[0].params if jobs else {}
    thresholds = {k: params[k] for k in ("strength", "passing", "urgent") if k in params}
    province = overview_province(outcomes)
    options = {"province": province, "digits": params.get("digits", "thai"), "thresholds": thresholds,
               "in_store": agencies_in_store(params["db"], province) if params.get("db") else None}
    reports = sorted(f"{o.slug}:{o.input_hash}" for o in outcomes if o.status != "failed")
    input_hash = digest(code_hash(render.OVERVIEW_NOTEBOOK), json.dumps(options, ensure_ascii=False, sort_keys=True),
                        *reports)
    page, stamp = output_dir / render.OVERVIEW_PAGE, output_dir / OVERVIEW_STAMP
    try:
        if page.exists() and json.loads(stamp.read_text(encoding="utf-8")).get("input_hash") == input_hash:
            return page, ""
    except (OSError, ValueError):
        pass
    try:
        render.build_overview(output_dir, **options)
    except ItaError as error:
        return None, str(error)
    except OSError as error:
        if error.errno in OUTPUT_ERRNOS:
            raise OutputError(f"cannot write: {error.strerror}", path=page) from None
        return None, f"province overview: {type(error).__name__}: {error}"
    except Exception as error:  # noqa: BLE001 - the reports are built; say what went wrong with the page
        return None, f"province overview: {type(error).__name__}: {error}"
    with writing(stamp):
        atomic_write(stamp, json.dumps({"input_hash": input_hash, **options}, ensure_ascii=False, indent=1))
    return page, ""


def agencies_in_store(db: str | Path, province: str | None) -> int | None:
    """How many agencies the store holds in `province` (None: in all provinces), so the overview
    can say what share of them the batch covers; None when the store cannot be read."""
    province = none_if_missing(province) or None
    try:
        with Store(db, read_only=True) as store:
            agencies = store.agencies()
    except (ItaError, OSError):
        return None
    return int(len(agencies) if province is None else (agencies["province"] == province).sum())
