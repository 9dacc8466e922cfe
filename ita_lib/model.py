"""Typed records: one Assessment per agency and fiscal year, as in the parse JSON contract."""
from __future__ import annotations

from typing import Annotated

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler, field_validator
from pydantic_core import core_schema as cs

from ita_lib.rubric import load as load_rubric


class Recommendation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    instrument: str | None = None  # one of the rubric's instrument codes
    indicator: int | None = None
    text: str
    line: int | None = None

    @field_validator("instrument")
    @classmethod
    def _known_instrument(cls, value: str | None) -> str | None:
        codes = load_rubric().instrument_codes
        if value is not None and value not in codes:
            raise ValueError(f"{value!r} is not an instrument of the rubric ({', '.join(codes)})")
        return value


class ActionRow(BaseModel):
    """One row of an agency's action-plan table (measure, analysis, steps, period, responsible)."""

    model_config = ConfigDict(extra="forbid")
    indicator: int | None = None
    topic: str | None = None  # the row's first cell as printed (indicator or analysis topic)
    measure: str | None = None
    analysis: str | None = None
    steps: list[str] = Field(default_factory=list)
    period: str | None = None
    responsible: str | None = None
    score: float | None = None  # a score the analysis cell quotes for the indicator
    line: int | None = None


class ParseWarning(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    message: str
    line: int | None = None


class OtherValue(BaseModel):
    """A second value the same document prints for a field whose first value was kept: both are
    shown to the reader, since the document itself is in doubt."""

    field: str  # as in source.lines: "indicators.3", "items.O13"
    value: float
    line: int | None = None
    context: str | None = None  # where it was printed: "action_plan", or None (another table)


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str | None = None
    sha256: str
    kind: str
    format: str = "text"
    lines: dict[str, int] = Field(default_factory=dict)  # field name -> source line


def instrument_scores(scores: dict[str, float | None] | None = None) -> dict[str, float | None]:
    """Scores keyed by the rubric's instrument and part codes (IIT, EIT, OIT, EIT_part1, ...), every
    key present (None when not printed) and in the rubric's order, as the parse JSON contract has them."""
    scores = scores or {}
    keys = load_rubric().score_keys
    unknown = [key for key in scores if key not in keys]
    if unknown:
        raise ValueError(f"{', '.join(unknown)} is not an instrument of the rubric ({', '.join(keys)})")
    return {key: scores.get(key) for key in keys}


class _RubricScoreKeys:
    """The JSON schema of instrument scores names the rubric's keys, read when the schema is made."""

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: cs.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        value = {"anyOf": [{"type": "number"}, {"type": "null"}], "default": None}
        return {"type": "object", "additionalProperties": False,
                "properties": {key: dict(value) for key in load_rubric().score_keys}}


# A record's instrument scores: a dict keyed by the rubric's codes (see instrument_scores).
Instruments = Annotated[dict[str, float | None], AfterValidator(instrument_scores), _RubricScoreKeys]


class Assessment(BaseModel):
    """One agency's ITA result for one fiscal year (B.E.)."""

    model_config = ConfigDict(extra="forbid")
    agency: str | None = None
    agency_type: str | None = None
    district: str | None = None
    province: str | None = None
    fiscal_year: int | None = None
    overall_score: float | None = None
    overall_score_computed: float | None = None
    grade: str | None = None
    result: str | None = None  # the printed result word: ผ่าน / ไม่ผ่าน / ผ่านดี ...
    passed: bool | None = None
    passed_derived: bool = False  # True when `passed` comes from the score, not from the text
    result_derived: bool = False  # True when `result` is a level derived from the scores (2566+), not printed
    rank: int | None = None  # rank printed in a list of agencies
    # "ministry_average": a ministry's figure (the mean of its agencies' scores); "category_average": a kind
    # of agency's ("องค์กรศาล 91.93"). No agency's result: the store and the reports keep none of it
    level: str | None = None
    instruments: Instruments = Field(default_factory=instrument_scores)
    indicators: dict[str, float | None] = Field(default_factory=dict)  # "1".."10"
    items: dict[str, float] = Field(default_factory=dict)  # "O13", "e2", "i5"
    recommendations: list[Recommendation] = Field(default_factory=list)
    actions: list[ActionRow] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)
    other_values: list[OtherValue] = Field(default_factory=list)  # in-document disagreements
    limitations: str | None = None  # an analysis document's own account of its limitations
    source: Source

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        if not any(w.code == code and w.message == message for w in self.warnings):
            self.warnings.append(ParseWarning(code=code, message=message, line=line))

    def indicator(self, number: int) -> float | None:
        return self.indicators.get(str(number))

    def to_contract(self) -> dict:
        """The record as the parse JSON contract writes it."""
        data = self.model_dump(mode="json")
        data["indicators"] = {str(n): self.indicators.get(str(n)) for n in load_rubric().indicator_numbers
                              if str(n) in self.indicators}
        return data


INDICATOR_COLUMNS = ("agency", "agency_type", "district", "province", "fiscal_year",
                     "overall_score", "grade", "passed", "level")


def to_dataframe(records: list[Assessment]) -> pd.DataFrame:
    """Tidy table: one row per agency, year and indicator (records without indicators keep one row)."""
    rows = []
    for record in records:
        base = {col: getattr(record, col) for col in INDICATOR_COLUMNS}
        base["source_path"] = record.source.path
        base["source_kind"] = record.source.kind
        numbers = sorted(int(k) for k, v in record.indicators.items() if v is not None)
        if not numbers:
            rows.append({**base, "indicator": pd.NA, "indicator_name": None, "instrument": None,
                         "score": pd.NA})
        for number in numbers:
            info = load_rubric().indicators[number]
            rows.append({**base, "indicator": number, "indicator_name": info.name,
                         "instrument": info.instrument, "score": record.indicators[str(number)]})
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["indicator"] = frame["indicator"].astype("Int64")
        frame["fiscal_year"] = frame["fiscal_year"].astype("Int64")
        frame["score"] = frame["score"].astype("Float64")
        frame["overall_score"] = frame["overall_score"].astype("Float64")
    return frame
