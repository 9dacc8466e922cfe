"""`ita-report params init`: one params file per agency of a store, named by its report folder."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ita_lib.errors import AgencyNotFoundError, OutputError, ParamsError
from ita_lib.report.params import ReportParams
from ita_lib.report.params_files import DEFAULT_PARAMS_DIR, dump_params
from ita_lib.store.slugs import agency_slug


def write_params_files(agencies, db: str | Path, out_dir: str | Path = DEFAULT_PARAMS_DIR, *,
                       province: str | None = None, agency_type: str | None = None,
                       overwrite: bool = False) -> list[Path]:
    """Write <out_dir>/<slug>.yaml for every agency of `agencies` (the store's agency table, from
    `db`), optionally one province or tier.

    Files already there are kept unless overwrite; returns the paths written. Each file names the
    agency by canonical name and id and points at the store (db), so the id resolves; db and the report
    folder (./outputs, as the build would use from here) are written from the file's folder, and
    documents: null, so papermill and Quarto read the same store and ingest nothing into it.
    """
    chosen = _select_agencies(agencies, province, agency_type, db)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError("is a file, not a folder for params files", path=out_dir)
    written: list[Path] = []
    for target, params in _params_files(chosen, out_dir, db).items():
        if target.exists() and not overwrite:
            continue
        written.append(dump_params(params, target))
    return written


def _select_agencies(agencies, province: str | None, agency_type: str | None, db: str | Path):
    chosen = agencies
    if province is not None:
        wanted = province.strip().removeprefix("จังหวัด").removeprefix("จ.").strip()
        chosen = chosen[chosen["province"] == wanted]
    if agency_type is not None:
        tier = agency_type.strip()
        tier = tier if tier.endswith(".") else tier + "."  # อบต and อบต. alike
        chosen = chosen[chosen["agency_type"] == tier]
    if chosen.empty and not agencies.empty:
        asked = ", ".join(f"{label} {value!r}" for label, value in (("province", province), ("type", agency_type))
                          if value is not None)
        raise AgencyNotFoundError(f"no agency in the store with {asked}", path=db)
    return chosen


def _params_files(agencies, out_dir: Path, db: str | Path) -> dict[Path, ReportParams]:
    files: dict[Path, ReportParams] = {}
    for row in agencies.itertuples():
        target = out_dir / f"{agency_slug(row.name, row.agency_id)}.yaml"
        if target in files:  # two ids with the same 6 hex digits: never let one file stand for both
            raise ParamsError(f"agencies {files[target].agency_id!r} and {row.agency_id!r} get the same "
                              "file name", path=target)
        files[target] = ReportParams(agency=row.name, agency_id=row.agency_id,
                                     province=_text_or_none(row.province), db=str(db))
    return files


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
