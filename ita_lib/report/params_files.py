"""Writing a params file: one agency's params as commented YAML, one key per notebook parameter (strings
quoted, so "0012" stays text for every reader, papermill's too), relative paths written from the file's
folder. `ita-report params init` writes one per agency of a store (cli/params_init)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from ita_lib.io.yaml_limits import STR_TAG
from ita_lib.report.params import FILE_ORDER, PATH_KEYS, ReportParams

__all__ = ["DEFAULT_PARAMS_DIR", "dump_params", "params_yaml"]

DEFAULT_PARAMS_DIR = Path("params") / "agencies"  # its own folder: params/aliases.yaml is no report

_HEADER = """\
# พารามิเตอร์รายงาน ITA ของหน่วยงานหนึ่ง — ITA report parameters for one agency
# คีย์ทุกตัวคือพารามิเตอร์ของ notebooks/agency_report.ipynb — every key is a parameter of the report notebook:
#   ita-report build THIS.yaml  |  papermill -f THIS.yaml --cwd FOLDER-OF-THIS-FILE agency_report.ipynb out.ipynb
# เส้นทางแบบสัมพัทธ์ (db, documents, output_dir) นับจากโฟลเดอร์ของไฟล์นี้ — relative paths are from this file's
#   folder; papermill opens them from its working folder, hence --cwd (Quarto: from the notebook's folder).
# คีย์ที่ไม่รู้จักถือเป็นข้อผิดพลาด (unknown keys are an error). ita-report reads UTF-8, UTF-16 or Windows Thai
#   (cp874); papermill and Quarto read UTF-8 only.
# ใส่ชื่อและรหัสในเครื่องหมายคำพูดเสมอ — keep names and codes in quotes, so "0012" stays text.
# years: "all" หรือ [2566, 2568] (ปีงบประมาณ พ.ศ.); digits: "thai" | "arabic"
# documents: null — อ่านจาก db เท่านั้น ไม่นำเข้าเอกสาร (read the store, ingest nothing into it)
# formats: ["html", "pdf", "docx", "xlsx"]; audience: "agency" (ฉบับเผยแพร่) | "analyst" (ฉบับวิเคราะห์)
# signoff: ชื่อและตำแหน่งของผู้รายงาน (reporter) ผู้รับรอง (certifier) ผู้เห็นชอบ (approver); ว่างไว้ = เส้นประให้เขียนเอง
# strength, passing, urgent: เกณฑ์จุดแข็ง เกณฑ์ผ่าน เกณฑ์เร่งด่วน (0-100, urgent ≤ passing ≤ strength)
# output_dir, final: ita-report build only (the folder the report goes in; refuse a draft)
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


def params_yaml(params: ReportParams, folder: str | Path | None = None) -> str:
    """The YAML text dump_params writes: a comment header, then every parameter in the notebook's
    order, strings quoted. `folder`: the folder the file goes in; its paths are written from there
    (a ReportParams' relative paths are the working folder's)."""
    values = params.notebook_parameters()
    if folder is not None:
        values.update({key: _written_from(Path(folder), values[key]) for key in PATH_KEYS if values[key] is not None})
    body = yaml.dump(_plain_keys({key: values[key] for key in FILE_ORDER}), Dumper=_ParamsDumper,
                     allow_unicode=True, sort_keys=False, default_flow_style=False, width=1 << 16)
    return _HEADER + body


def _written_from(folder: Path, value: str) -> str:
    """`value` (from the working folder) as the file in `folder` says it: relative, so a project moved
    or shared with its params files still works, unless the two meet only at the root (/data/ita.duckdb
    stays absolute) or on different drives."""
    # Resolved, links followed: a kernel started in `folder` (papermill --cwd) sees its real path.
    target, base = Path(value).resolve(), Path(folder).resolve()
    try:
        shared = os.path.commonpath([target, base])
    except ValueError:  # different drives
        return str(target)
    if Path(shared) == Path(shared).parent:  # only the root in common
        return str(target)
    return Path(os.path.relpath(target, base)).as_posix()


def dump_params(params: ReportParams, path: str | Path) -> Path:
    """Write params as YAML atomically (a reader never sees half a file); returns the path."""
    from ita_lib.files import atomic_write

    return atomic_write(path, params_yaml(params, Path(path).parent))
