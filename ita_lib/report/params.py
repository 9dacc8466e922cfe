"""Report parameters: one YAML file per agency, checked against a schema before anything runs.

The file's keys are the report notebook's parameters (notebooks/agency_report.ipynb), one level deep,
so `ita-report build p.yaml`, `papermill -f p.yaml` and Quarto's `--execute-params p.yaml` take the
same file::

    agency: "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"   # any spelling the store knows
    agency_id: "อบต.:นครราชสีมา:เมืองนครราชสีมา:โนนสะอาดพัฒนา"
    db: "../../outputs/ita.duckdb"   # relative paths: from this file's folder
    documents: null                  # ita-report build ingests nothing; it reads db
    years: "all"                     # or [2566, 2568] (fiscal years B.E.)
    strength: 95.0                   # thresholds, flat
    passing: 85.0

Relative paths (db, documents, output_dir) are relative to the file's folder: `load_params` makes
them absolute. papermill and Quarto cannot know the file's folder: the notebook opens them from its
working folder, so run them with `--cwd` the file's folder (README, "Params files").

Files written before the thresholds were flat (``thresholds: {strength: 95, ...}``) are still read, as
they always were: the thresholds taken up one level, relative paths from the working folder.

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

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator,
                      model_validator)

from ita_lib.analysis.config import AnalysisConfig, Thresholds
from ita_lib.errors import ParamsError
from ita_lib.text.thai import thai_digits_to_arabic
from ita_lib.parse.years import FIRST_YEAR, LAST_YEAR, christian_era_hint
from ita_lib.io.edited_text import read_edited_text
from ita_lib.io.yaml_limits import MAX_YAML_BYTES
from ita_lib.io.yaml_text import parse_text_yaml
from ita_lib.report.params_errors import KeyPath, describe_errors
from ita_lib.folders import DEFAULT_DB

__all__ = ["FILE_ORDER", "PATH_KEYS", "ReportParams", "Thresholds", "flatten_old_layout", "load_params",
           "validate_params"]


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


class ReportParams(Thresholds):
    """Everything one agency's report needs; read from YAML with ``load_params``. Its fields are the
    report notebook's parameters, the thresholds (inherited from Thresholds) among them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency: str = Field(description="the agency's name as printed; any spelling the store knows")
    agency_id: str | None = Field(None, description="the store's agency id (wins over the name)")
    province: str | None = Field(None, description="narrows the name when several agencies share it")
    years: list[int] | Literal["all"] = Field("all", description="fiscal years B.E. to show, or all")
    db: str = DEFAULT_DB
    documents: str | None = Field(None, description="a folder the notebook ingests first; ita-report build "
                                  "ingests nothing")
    digits: Literal["thai", "arabic"] = "thai"
    audience: Literal["agency", "analyst"] = Field(
        "agency", description="agency: the analysis the agency publishes; analyst: with sources and checks")
    formats: list[Literal["html", "pdf", "docx", "xlsx"]] = Field(default_factory=lambda: ["html", "pdf"], min_length=1)
    signoff: SignOff = Field(default_factory=SignOff)
    output_dir: str = "outputs"
    final: bool = Field(False, description="the agency's publication: refused while anything is left to confirm")

    @model_validator(mode="before")
    @classmethod
    def _old_layout(cls, data: Any) -> Any:
        # An API caller's dict in the old layout ({"thresholds": {...}}), as validate_params reads files.
        if isinstance(data, Mapping) and "thresholds" in data:
            try:
                return flatten_old_layout(data, {}, None)[0]
            except ParamsError as error:
                raise ValueError(error.reason) from None
        return data

    @field_validator("agency", "agency_id", "province", "db", "output_dir")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("documents")
    @classmethod
    def _nothing_to_ingest(cls, value: str | None) -> None:
        # The build reads the store that batches share; ingesting there is `ita-report ingest`'s job.
        if value is not None:
            raise ValueError(f"{value!r}: ita-report build ingests nothing, it reads db; ingest the folder first "
                             "(ita-report ingest FOLDER --db DB) and write documents: null")
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

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(**{name: getattr(self, name) for name in Thresholds.model_fields})

    def analysis_config(self) -> AnalysisConfig:
        return self.thresholds.analysis_config(self.digits)

    def notebook_parameters(self) -> dict[str, Any]:
        """The notebook's parameters as plain JSON (strings stay strings), in the file's order."""
        values = self.model_dump(mode="json")
        return {name: values[name] for name in FILE_ORDER}


# The order of a written file: the notebook's parameters cell's, the build's own two last.
FILE_ORDER = ("agency", "agency_id", "province", "years", "db", "documents", "digits", "audience", "formats",
              "signoff", *Thresholds.model_fields, "output_dir", "final")
PATH_KEYS = ("db", "documents", "output_dir")  # relative to the params file's folder


# ---------------------------------------------------------------- reading

def load_params(path: str | Path) -> ReportParams:
    """Read and validate a params file; any problem is a ParamsError naming the file and line. Its
    relative paths come back absolute, from the file's folder (from the working folder in the old
    layout, as they always were). UTF-8, UTF-16 and Windows Thai (cp874) files are read."""
    path = Path(path)
    text = read_edited_text(path, MAX_YAML_BYTES, ParamsError)
    data, lines = parse_text_yaml(text, path, ParamsError, needs='agency: "<name>"', example="agency: ...")
    if "thresholds" not in data:  # the old layout's paths were the working folder's
        folder = path.absolute().parent
        data = {key: _from(folder, value) if key in PATH_KEYS else value for key, value in data.items()}
    return validate_params(data, path=path, lines=lines)


def _from(folder: Path, value: Any) -> Any:
    """A path as written in the file, made absolute from the file's folder (as the OS would resolve it
    there: a link in the way is followed before a "..")."""
    if not isinstance(value, str) or not value.strip() or Path(value).is_absolute():
        return value
    return str((folder.resolve() / value).resolve())


def validate_params(data: Any, *, path: str | Path | None = None,
                    lines: Mapping[KeyPath, int] | None = None) -> ReportParams:
    """ReportParams from a dict (YAML text or an API caller's dict); errors as one ParamsError."""
    if not isinstance(data, Mapping):
        raise ParamsError(f"parameters must be a mapping of key: value, not {type(data).__name__}", path=path)
    data, lines = flatten_old_layout(data, lines or {}, path)
    given = _without_empty_values(data)
    try:
        return ReportParams.model_validate(given)
    except ValidationError as error:
        problems = describe_errors(error, given, lines, ReportParams)
        reason = problems[0][1]
        if len(problems) > 1:
            more = (f"line {line}: {text}" if line else text for line, text in problems[1:])
            reason += "; also " + "; ".join(more)
        raise ParamsError(reason, path=path, line=problems[0][0]) from None


def flatten_old_layout(data: Mapping[str, Any], lines: Mapping[KeyPath, int],
                       path: str | Path | None) -> tuple[dict[str, Any], dict[KeyPath, int]]:
    """The old layout's ``thresholds: {strength: 95, ...}`` taken up to the top level, the lines of its
    keys with them (a wrong threshold is still said at its line); other data as it is."""
    data, lines = dict(data), dict(lines)
    if "thresholds" not in data:
        return data, lines
    nested = data.pop("thresholds")
    where = lines.pop(("thresholds",), None)
    if nested is None:  # "thresholds:" with every line commented out
        return data, lines
    if isinstance(nested, BaseModel):  # an API caller's Thresholds(...)
        nested = nested.model_dump()
    if not isinstance(nested, Mapping):
        raise ParamsError(f"thresholds = {nested!r}: in the old layout thresholds is a mapping such as "
                          "{strength: 95, passing: 85, urgent: 75}; better, write strength: 95 and the others at "
                          "the top level", path=path, line=where)
    for key, value in nested.items():
        if key in data:
            raise ParamsError(f"{key} is given twice: at the top level and under thresholds", path=path,
                              line=lines.get(("thresholds", key), where))
        data[key] = value
    for place, line in list(lines.items()):
        if place[:1] == ("thresholds",):
            del lines[place]
            lines[place[1:]] = line
    return data, lines


def _without_empty_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop known keys left empty (``years:``), so they take their default; unknown keys stay to be
    reported."""
    return {key: value for key, value in data.items() if not (value is None and key in ReportParams.model_fields)}
