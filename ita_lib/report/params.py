"""Report parameters: one YAML file per agency, checked against a schema before anything runs.

A params file says which agency a report is for and how to build it::

    agency: "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"   # any spelling the store knows
    agency_id: "อบต.:นครราชสีมา:เมืองนครราชสีมา:โนนสะอาดพัฒนา"
    province: "นครราชสีมา"
    years: "all"                  # or [2566, 2568] (fiscal years B.E.)
    digits: "thai"                # or "arabic"
    thresholds: {strength: 95.0, passing: 85.0, urgent: 75.0}

Why not plain ``yaml.safe_load`` and papermill ``-p``: YAML 1.1 reads ``0012`` as the octal number
10 and ``yes`` as True, and papermill's -p turns "0012" into 12. So ``load_params`` reads every
scalar as text (only an empty value or ``null`` means "not given"), and pydantic converts the
fields that are numbers, booleans or lists. Unknown keys are an error (a misspelt threshold would
otherwise be ignored silently). Every error is a ``ParamsError`` with the file, the line of the
offending key and the reason; the report driver passes ``notebook_parameters()`` to papermill's
Python API as a dict, never through the command line.

Validation errors are explained by params_errors.py; params files are written by params_files.py.

``agency_slug`` names an agency's files (params/agencies/<slug>.yaml, outputs/<slug>/): ASCII,
romanized with pythainlp's RTGS (royin) engine, unique through a short hash of the agency id.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from ita_lib.analysis.config import AnalysisConfig, Thresholds
from ita_lib.errors import ParamsError
from ita_lib.text.thai import thai_digits_to_arabic
from ita_lib.parse.years import FIRST_YEAR, LAST_YEAR, christian_era_hint
from ita_lib.io.yaml_limits import read_yaml_text
from ita_lib.io.yaml_text import parse_text_yaml
from ita_lib.report.params_errors import KeyPath, describe_errors
from ita_lib.folders import DEFAULT_DB

__all__ = ["ReportParams", "Thresholds", "load_params", "validate_params"]


# ---------------------------------------------------------------- schema

MAX_SIGNOFF_CHARACTERS = 200  # the longest Thai position title is ~90 characters


def _printable_line(value: str) -> str:
    """A sign-off field is one line of print: no control character (a tab, a newline, an escape),
    which Word's XML cannot hold and a page would show as nothing or a box."""
    bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise ValueError(f"holds a control character ({bad.encode('unicode_escape').decode('ascii')}); "
                         "write it on one line, in plain text")
    return value


_SignOffText = Annotated[str, StringConstraints(max_length=MAX_SIGNOFF_CHARACTERS), AfterValidator(_printable_line)]


class Signer(BaseModel):
    """One person of the sign-off block; empty fields print as dotted lines to fill in by hand."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: _SignOffText | None = Field(None, description="the person's name, e.g. นางสาวสมหญิง ใจดี")
    position: _SignOffText | None = Field(None, description="the position, e.g. หัวหน้าสำนักปลัด")


class SignOff(BaseModel):
    """The sign-off block at the end of the agency's analysis: who reports, certifies and approves."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reporter: Signer = Field(default_factory=Signer, description="ผู้รายงาน")
    certifier: Signer = Field(default_factory=Signer, description="ผู้รับรอง")
    approver: Signer = Field(default_factory=Signer, description="ผู้เห็นชอบ (the head of the agency)")


class ReportParams(BaseModel):
    """Everything one agency's report needs; read from YAML with ``load_params``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency: str = Field(description="the agency's name as printed; any spelling the store knows")
    agency_id: str | None = Field(None, description="the store's agency id (wins over the name)")
    province: str | None = Field(None, description="narrows the name when several agencies share it")
    years: list[int] | Literal["all"] = Field("all", description="fiscal years B.E. to show, or all")
    db: str = DEFAULT_DB
    output_dir: str = "outputs"
    digits: Literal["thai", "arabic"] = "thai"
    thresholds: Thresholds = Field(default_factory=Thresholds)
    formats: list[Literal["html", "pdf", "docx", "xlsx"]] = Field(default_factory=lambda: ["html", "pdf"], min_length=1)
    audience: Literal["agency", "analyst"] = Field(
        "agency", description="agency: the analysis the agency publishes; analyst: with sources and checks")
    signoff: SignOff = Field(default_factory=SignOff)
    final: bool = Field(False, description="the agency's publication: refused while anything is left to confirm")

    @field_validator("agency", "agency_id", "province", "db", "output_dir")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("years", mode="before")
    @classmethod
    def _arabic_year_digits(cls, value: Any) -> Any:
        # Thai users type ๒๕๖๘ as often as 2568.
        if isinstance(value, list):
            return [thai_digits_to_arabic(item) if isinstance(item, str) else item for item in value]
        return value

    @field_validator("years")
    @classmethod
    def _fiscal_years(cls, value: list[int] | str) -> list[int] | str:
        if value == "all":
            return value
        if not value:
            raise ValueError("give at least one fiscal year, or all")
        for year in value:
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise ValueError(f"{year} is not a fiscal year B.E. between {FIRST_YEAR} and {LAST_YEAR}"
                                 + christian_era_hint(year))
        return sorted(set(value))

    @field_validator("formats")
    @classmethod
    def _unique_formats(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    def analysis_config(self) -> AnalysisConfig:
        return self.thresholds.analysis_config(self.digits)

    def notebook_parameters(self) -> dict[str, Any]:
        """Flat, plain-JSON parameters for papermill's Python API (strings stay strings)."""
        return {
            "agency": self.agency, "agency_id": self.agency_id, "province": self.province,
            "years": list(self.years) if isinstance(self.years, list) else "all",
            "db": self.db, "output_dir": self.output_dir, "digits": self.digits,
            "audience": self.audience, "signoff": self.signoff.model_dump(), "formats": list(self.formats),
            **self.thresholds.model_dump(),
        }


# ---------------------------------------------------------------- reading

def load_params(path: str | Path) -> ReportParams:
    """Read and validate a params file; any problem is a ParamsError naming the file and line."""
    path = Path(path)
    text = read_yaml_text(path, ParamsError)  # a BOM, as editors on Windows add, is dropped
    data, lines = parse_text_yaml(text, path, ParamsError, needs='agency: "<name>"', example="agency: ...")
    return validate_params(data, path=path, lines=lines)


def validate_params(data: Any, *, path: str | Path | None = None,
                    lines: Mapping[KeyPath, int] | None = None) -> ReportParams:
    """ReportParams from a dict (YAML text or an API caller's dict); errors as one ParamsError."""
    if not isinstance(data, Mapping):
        raise ParamsError(f"parameters must be a mapping of key: value, not {type(data).__name__}", path=path)
    given = _without_empty_values(data)
    try:
        return ReportParams.model_validate(given)
    except ValidationError as error:
        problems = describe_errors(error, given, lines or {}, ReportParams)
        reason = problems[0][1]
        if len(problems) > 1:
            more = (f"line {line}: {text}" if line else text for line, text in problems[1:])
            reason += "; also " + "; ".join(more)
        raise ParamsError(reason, path=path, line=problems[0][0]) from None


def _without_empty_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop known keys left empty (``years:``), so they take their default; unknown keys stay to be
    reported."""
    given = {key: value for key, value in data.items()
             if not (value is None and key in ReportParams.model_fields)}
    if isinstance(given.get("thresholds"), Mapping):
        given["thresholds"] = {key: value for key, value in given["thresholds"].items()
                               if not (value is None and key in Thresholds.model_fields)}
    return given
