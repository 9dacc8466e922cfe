"""Writing params files: one agency's params as commented YAML (strings quoted, so "0012" stays
text when read back), and one file per agency of a store (`ita-report params`)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ita_lib.errors import AgencyNotFoundError, OutputError, ParamsError
from ita_lib.io.yaml_limits import STR_TAG
from ita_lib.report.params import ReportParams, agency_slug

__all__ = ["DEFAULT_PARAMS_DIR", "dump_params", "params_yaml", "write_params_files"]

DEFAULT_PARAMS_DIR = Path("params") / "agencies"  # its own folder: params/aliases.yaml is no report

_HEADER = """\
# พารามิเตอร์รายงาน ITA ของหน่วยงานหนึ่ง — ITA report parameters for one agency
# อ่านโดย ita_lib.report.params.load_params: คีย์ที่ไม่รู้จักถือเป็นข้อผิดพลาด (unknown keys are an error).
# ใส่ชื่อและรหัสในเครื่องหมายคำพูดเสมอ — keep names and codes in quotes, so "0012" stays text.
# years: "all" หรือ [2566, 2568] (ปีงบประมาณ พ.ศ.); digits: "thai" | "arabic"
# formats: ["html", "pdf", "docx", "xlsx"]; audience: "agency" (ฉบับเผยแพร่) | "analyst" (ฉบับวิเคราะห์)
# signoff: ชื่อและตำแหน่งของผู้รายงาน (reporter) ผู้รับรอง (certifier) ผู้เห็นชอบ (approver); ว่างไว้ = เส้นประให้เขียนเอง
"""


class _Key(str):
    """A mapping key: written plain (agency:), while every string value is written quoted."""


class _ParamsDumper(yaml.SafeDumper):
    pass


_ParamsDumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(STR_TAG, value, style='"'))
_ParamsDumper.add_representer(_Key, lambda dumper, value: dumper.represent_scalar(STR_TAG, str(value)))
# Lists on one line ([2566, 2568]), mappings one key a line.
_ParamsDumper.add_representer(list, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", value, flow_style=True))


def _plain_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_Key(key): _plain_keys(item) for key, item in value.items()}
    return value


def params_yaml(params: ReportParams) -> str:
    """The YAML text dump_params writes: a comment header, then every field, strings quoted."""
    body = yaml.dump(_plain_keys(params.model_dump(mode="json")), Dumper=_ParamsDumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=1 << 16)
    return _HEADER + body


def dump_params(params: ReportParams, path: str | Path) -> Path:
    """Write params as YAML atomically (a reader never sees half a file); returns the path."""
    from ita_lib.files import atomic_write

    return atomic_write(path, params_yaml(params))


def write_params_files(agencies, db: str | Path, out_dir: str | Path = DEFAULT_PARAMS_DIR, *,
                       province: str | None = None, agency_type: str | None = None,
                       overwrite: bool = False) -> list[Path]:
    """Write <out_dir>/<slug>.yaml for every agency of `agencies` (the store's agency table, from
    `db`), optionally one province or tier.

    Files already there are kept unless overwrite; returns the paths written. Each file names the
    agency by canonical name and id and points at the store (db), so the id resolves.
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
