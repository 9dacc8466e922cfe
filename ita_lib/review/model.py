"""The review file as the agency returns it: checked like a params file (every scalar read as text,
unknown keys refused, each error one line naming the file, the line and the reason)."""
from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, Field, ValidationError, field_validator

from ita_lib import fields
from ita_lib.errors import ReviewError
from ita_lib.io.yaml_limits import read_yaml_text
from ita_lib.io.yaml_text import parse_text_yaml
from ita_lib.report.params import SignOff
from ita_lib.report.params_errors import describe_errors
from ita_lib.rubric import load as load_rubric
from ita_lib.parse.years import BE_OFFSET
from ita_lib.text.thai import thai_digits_to_arabic

_TEXT = {"max_length": 300}


def score_fields() -> tuple[str, ...]:
    """The keys a review may confirm a score for: the overall, every instrument and part, every indicator."""
    rubric = load_rubric()
    return (fields.OVERALL, *(fields.instrument(key) for key in rubric.score_keys),
            *(fields.indicator(n) for n in rubric.indicator_numbers))


def read_date(value: Any) -> datetime.date | None:
    """2568-12-01 (B.E., as Thai offices write) or 2025-12-01, Thai digits allowed."""
    if value is None or isinstance(value, datetime.date):
        return value
    text = thai_digits_to_arabic(str(value)).strip()
    try:
        year, month, day = (int(part) for part in text.split("-"))
        if year > 2400:
            year -= BE_OFFSET
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date: write it as ปี-เดือน-วัน, e.g. 2568-12-01") from None


def read_score(value: Any) -> float:
    """91.25 or ๙๑.๒๕, from 0 to 100."""
    try:
        number = float(thai_digits_to_arabic(str(value)).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a score: write a number such as 91.25") from None
    if not 0 <= number <= 100:
        raise ValueError(f"{value} is not a score from 0 to 100")
    return number


Score = Annotated[float, BeforeValidator(read_score)]


class Review(BaseModel):
    """What the agency confirms for one fiscal year. Empty means "not confirmed"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency_id: str = Field(min_length=1, max_length=300)
    fiscal_year: int = Field(ge=2500, le=2700)
    confirmed_by: str | None = Field(None, **_TEXT)
    confirmed_on: datetime.date | None = None
    scores: dict[str, Score] = Field(default_factory=dict)
    result: str | None = Field(None, max_length=40)
    name: str | None = Field(None, **_TEXT)
    district: str | None = Field(None, max_length=100)
    province: str | None = Field(None, max_length=100)
    causes: dict[str, Annotated[str, StringConstraints(max_length=1000)]] = Field(default_factory=dict)
    # the agency's text as its document prints it -> as the agency meant it
    corrections: dict[Annotated[str, StringConstraints(min_length=1, max_length=300)],
                      Annotated[str, StringConstraints(max_length=1000)]] = Field(default_factory=dict)
    sign_off: SignOff = Field(default_factory=SignOff)
    report_date: datetime.date | None = None

    @field_validator("fiscal_year", mode="before")
    @classmethod
    def _year_digits(cls, value):
        return thai_digits_to_arabic(value) if isinstance(value, str) else value

    @field_validator("confirmed_on", "report_date", mode="before")
    @classmethod
    def _date(cls, value):
        return read_date(value)

    @field_validator("scores", mode="before")
    @classmethod
    def _score_keys(cls, value):
        """Known keys only; an empty answer is no answer."""
        if not isinstance(value, dict):
            return value
        unknown = [key for key in value if key not in score_fields()]
        if unknown:
            examples = ", ".join(score_fields()[:2] + score_fields()[-1:])
            raise ValueError(f"{unknown[0]!r} is not a score of the ITA (e.g. {examples})")
        return {key: score for key, score in value.items() if score is not None}

    @field_validator("causes", mode="before")
    @classmethod
    def _cause_keys(cls, value):
        """Indicator keys only (indicator:7); an empty answer is no answer."""
        if not isinstance(value, dict):
            return value
        indicators = [key for key in score_fields() if key.startswith("indicator:")]
        unknown = [key for key in value if key not in indicators]
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not an indicator (e.g. {indicators[0]})")
        return {key: text for key, text in value.items() if text is not None}

    @field_validator("corrections", mode="before")
    @classmethod
    def _given_corrections(cls, value):
        """An empty answer is no answer; the text as written must be text (YAML reads 2568 as a number)."""
        if not isinstance(value, dict):
            return value
        return {str(written): text for written, text in value.items() if text is not None}

    def gives_anything(self) -> bool:
        signers = self.sign_off.model_dump()
        return bool(self.scores or self.causes or self.corrections or self.result or self.name or self.district
                    or self.province or self.report_date
                    or any(v for signer in signers.values() for v in signer.values()))


def load_review(path: str | Path) -> tuple[Review, dict]:
    """The review file and the line of each key; a ReviewError names the file, the line and why."""
    path = Path(path)
    text = read_yaml_text(path, ReviewError)
    data, lines = parse_text_yaml(text, path, ReviewError, needs='agency_id: "<id>"', example="agency_id: ...")
    given = _without_empty(data)
    try:
        review = Review.model_validate(given)
    except ValidationError as error:
        problems = describe_errors(error, given, lines, Review)
        line, reason = problems[0]
        raise ReviewError(reason, path=path, line=line) from None
    if review.gives_anything() and not review.confirmed_by:
        raise ReviewError("confirmed_by: write the name and position of the person who confirms these values",
                          path=path, line=lines.get(("confirmed_by",)))
    return review, lines


def _without_empty(data: dict) -> dict:
    """Keys left empty (`name:`) mean "not confirmed"; sign-off people keep their empty fields out too."""
    given = {key: value for key, value in data.items() if value is not None}
    if isinstance(given.get("sign_off"), dict):
        given["sign_off"] = {role: ({k: v for k, v in person.items() if v is not None}
                                    if isinstance(person, dict) else person)
                             for role, person in given["sign_off"].items() if person is not None}
    return given
