"""Writing a params file: one agency's params as commented YAML (strings quoted, so "0012" stays
text when read back). `ita-report params init` writes one per agency of a store (cli/params_init)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ita_lib.io.yaml_limits import STR_TAG
from ita_lib.report.params import ReportParams

__all__ = ["DEFAULT_PARAMS_DIR", "dump_params", "params_yaml"]

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
