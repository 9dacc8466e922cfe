"""Year-aware ITA facts: indicators, instruments, weights, grade bands, rating words, eras.

The facts live in `data/rubric.yaml` (status C confirmed, L likely, U unknown, as in the domain
reference); this module reads them once, at first use (importing reads no file), and answers
questions per fiscal year. It is the one place that knows the ITA's shape: which indicators and
instruments there are, weights, grades and result words. Everything else asks it
(INDICATOR_NUMBERS, INSTRUMENTS, indicators_for(year), GRADE_PATTERN, pattern(...)).

ITA_RUBRIC names another rubric file (a copy with next year's rules before a release has them).
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, ValidationError

from ita_lib.errors import RubricError


@dataclass(frozen=True)
class IndicatorInfo:
    number: int
    name: str  # canonical Thai name
    instrument: str  # IIT / EIT / OIT
    variants: tuple[str, ...] = ()  # other Thai spellings seen in real documents
    english: tuple[str, ...] = ()
    first: int | None = None  # the first and last fiscal years it is assessed (None: open)
    last: int | None = None

    def assessed_in(self, fiscal_year: int | None) -> bool:
        return fiscal_year is None or ((self.first is None or fiscal_year >= self.first)
                                       and (self.last is None or fiscal_year <= self.last))


@dataclass(frozen=True)
class Era:
    id: str
    first: int | None
    last: int | None
    comparable: bool  # False: not comparable with ITAS indicators at all
    label: str
    note: str
    level_words: tuple[str, ...] = ()  # printed result levels of an older scheme (สูงมาก, สูง, ...)

    def contains(self, year: int) -> bool:
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


@dataclass(frozen=True)
class YearRules:
    """Everything year-specific about one fiscal year, with the status of each uncertain fact."""

    fiscal_year: int
    era: Era
    weights: dict[str, float] = field(default_factory=dict)
    weights_status: str = "U"
    pass_threshold: float = 85.0
    grading: str | None = None  # "bands" (AA..F) or "result_words" (ผ่าน/ไม่ผ่าน)
    grade_bands: tuple[tuple[str, float], ...] = ()
    result_words: tuple[str, ...] = ()
    statuses: dict[str, str] = field(default_factory=dict)  # fact -> C / L / U
    extra: dict = field(default_factory=dict)  # other facts from the data file (eit_parts, ...)

    @property
    def weights_confirmed(self) -> bool:
        return self.weights_status == "C"

    def uncertain_facts(self) -> dict[str, str]:
        """Facts of this year that are only likely (L) or unknown (U), for reports to disclose."""
        return {fact: status for fact, status in self.statuses.items() if status in ("L", "U")}


# The rubric's shape, checked when it is read: a damaged copy (ITA_RUBRIC) is one line naming the
# key, never a traceback deep in a parser, and no word is empty (an empty alternative in a pattern
# matches everywhere). Other keys are allowed: they are facts for reports (YearRules.extra).
_Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Year = Annotated[int, Field(strict=True, ge=2500, le=2700)]
_Number = Annotated[float, Field(strict=True, ge=0)]  # strict: "one" or "0.3" in quotes is an error


class _Checked(BaseModel):
    model_config = ConfigDict(extra="allow")


class _IndicatorEntry(_Checked):
    number: Annotated[int, Field(strict=True, ge=1, le=99)]
    instrument: _Word
    name: _Word
    variants: list[_Word] = []
    english: list[_Word] = []
    first: _Year | None = None
    last: _Year | None = None


class _InstrumentEntry(_Checked):
    name: _Word


class _EraEntry(_Checked):
    id: _Word
    first: _Year | None = None
    last: _Year | None = None
    comparable: StrictBool
    label: _Word
    note: str
    level_words: list[_Word] = []


class _YearEntry(_Checked):
    first: _Year
    last: _Year | None = None
    weights: dict[_Word, _Number] = {}
    pass_threshold: Annotated[float, Field(strict=True, ge=0, le=100)] = 85
    grading: Literal["bands", "result_words"] | None = None
    grade_bands: list[tuple[_Word, _Number]] = []
    result_words: list[_Word] = []


class _RubricFile(_Checked):
    indicators: Annotated[list[_IndicatorEntry], Field(min_length=1)]
    instruments: Annotated[dict[_Word, _InstrumentEntry], Field(min_length=1)]
    eras: Annotated[list[_EraEntry], Field(min_length=1)]
    years: Annotated[list[_YearEntry], Field(min_length=1)]
    fact_names: dict[_Word, str] = {}


MAX_RUBRIC_BYTES = 1_000_000  # the rubric is ~6 KB


@lru_cache(maxsize=1)
def source_text() -> str:
    """The rubric's text as read: the packaged file, or the copy ITA_RUBRIC names (a regular file,
    its size checked before reading). A batch's build hash includes it: new rules, new reports."""
    from ita_lib.io.yaml_limits import read_yaml_text

    override = os.environ.get("ITA_RUBRIC")
    if override:
        return read_yaml_text(override, RubricError, "the rubric: ")
    return resources.files("ita_lib").joinpath("data/rubric.yaml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _data() -> dict:
    from ita_lib.io.yaml_limits import load_limited

    where = os.environ.get("ITA_RUBRIC") or "ita_lib/data/rubric.yaml"
    text = source_text()
    data = load_limited(text, where, RubricError)  # size, aliases, nesting; errors with the line
    if not isinstance(data, dict):
        raise RubricError("the rubric is not a mapping of indicators, instruments, eras and years", path=where)
    try:
        checked = _RubricFile.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        key = ".".join(map(str, problem["loc"])) or "the rubric"
        raise RubricError(f"the rubric's {key}: {problem['msg']}", path=where) from None
    _check_references(checked, where)
    return checked.model_dump(exclude_unset=True)


def _check_references(rubric: _RubricFile, where: str) -> None:
    """Every indicator's instrument is one the rubric defines, each number once, and every year's
    weights name defined instruments."""
    numbers = [entry.number for entry in rubric.indicators]
    for index, entry in enumerate(rubric.indicators):
        if entry.instrument not in rubric.instruments:
            raise RubricError(f"the rubric's indicators.{index}.instrument: {entry.instrument!r} is not one of "
                              f"its instruments ({', '.join(rubric.instruments)})", path=where)
        if numbers.count(entry.number) > 1:
            raise RubricError(f"the rubric's indicators.{index}.number: {entry.number} is given twice", path=where)
    for index, entry in enumerate(rubric.years):
        unknown = sorted(set(entry.weights) - set(rubric.instruments))
        if unknown:
            raise RubricError(f"the rubric's years.{index}.weights: {', '.join(unknown)} is not an instrument",
                              path=where)


def load() -> None:
    """Read the rubric now, so that a bad ITA_RUBRIC stops a command with one line before any work."""
    _shape()


def _indicators() -> dict[int, IndicatorInfo]:
    return {
        entry["number"]: IndicatorInfo(entry["number"], entry["name"], entry["instrument"],
                                       tuple(entry.get("variants", ())), tuple(entry.get("english", ())),
                                       entry.get("first"), entry.get("last"))
        for entry in sorted(_data()["indicators"], key=lambda e: e["number"])
    }


@lru_cache(maxsize=1)
def _eras() -> tuple[Era, ...]:
    return tuple(Era(e["id"], e.get("first"), e.get("last"), bool(e["comparable"]), e["label"], e["note"],
                     tuple(e.get("level_words", ()))) for e in _data()["eras"])


def _alternation(words) -> str:
    """A regex alternation of words, longest first so "AA" is tried before "A"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Shape:
    """The rubric's constants, built from the data file at first use (importing reads no file)."""

    INDICATORS: dict[int, IndicatorInfo]
    INDICATOR_NUMBERS: tuple[int, ...]  # every indicator of any year, in order
    INSTRUMENTS: tuple[str, ...]  # IIT, EIT, OIT, in the file's order
    INSTRUMENT_INDICATORS: dict[str, tuple[int, ...]]
    INSTRUMENT_NAMES: dict[str, str]
    ERAS: tuple[Era, ...]
    FACT_NAMES: dict[str, str]  # Thai names of uncertain facts
    FIRST_ITAS_YEAR: int
    OLD_LEVEL_WORDS: tuple[str, ...]  # level words printed before ITAS, longest first for matching
    # Defaults for code that does not know the year (the rules every ITAS year shares).
    INSTRUMENT_WEIGHTS: dict[str, float]
    PASS_THRESHOLD: float  # [C] every year from 2562
    GRADE_BANDS: tuple[tuple[str, float], ...]
    GRADES: tuple[str, ...]
    RESULT_WORDS: tuple[str, ...]
    # Every grade and result word of any year, for the parser's patterns.
    ALL_GRADES: tuple[str, ...]
    ALL_RESULT_WORDS: tuple[str, ...]
    GRADE_PATTERN: str  # "AA|A|B|..."
    RESULT_WORD_PATTERN: str  # "ผ่านดีเยี่ยม|ผ่านดี|ไม่ผ่าน|ผ่าน"
    PASSING_GRADES: tuple[str, ...]


@lru_cache(maxsize=1)
def _shape() -> _Shape:
    data = _data()
    indicators = _indicators()
    instruments = tuple(data["instruments"])
    eras = _eras()
    graded, latest = rules_for(2562), rules_for(2568)
    all_grades = tuple(dict.fromkeys(g for y in data["years"] for g, _ in y.get("grade_bands", ())))
    all_words = tuple(dict.fromkeys(w for y in data["years"] for w in y.get("result_words", ())))
    return _Shape(
        INDICATORS=indicators,
        INDICATOR_NUMBERS=tuple(indicators),
        INSTRUMENTS=instruments,
        INSTRUMENT_INDICATORS={instrument: tuple(n for n, info in indicators.items() if info.instrument == instrument)
                               for instrument in instruments},
        INSTRUMENT_NAMES={code: entry["name"] for code, entry in data["instruments"].items()},
        ERAS=eras,
        FACT_NAMES=dict(data.get("fact_names") or {}),
        FIRST_ITAS_YEAR=min(era.first for era in eras if era.first is not None and era.comparable),
        OLD_LEVEL_WORDS=tuple(sorted({w for era in eras if not era.comparable for w in era.level_words},
                                     key=len, reverse=True)),
        INSTRUMENT_WEIGHTS=dict(graded.weights),
        PASS_THRESHOLD=graded.pass_threshold,
        GRADE_BANDS=graded.grade_bands,
        GRADES=tuple(grade for grade, _ in graded.grade_bands),
        RESULT_WORDS=latest.result_words,
        ALL_GRADES=all_grades,
        ALL_RESULT_WORDS=all_words,
        GRADE_PATTERN=_alternation(all_grades),
        RESULT_WORD_PATTERN=_alternation(all_words),
        PASSING_GRADES=tuple(grade for grade, lower in graded.grade_bands if lower >= graded.pass_threshold),
    )


# The constants, declared for readers and type checkers; the values come from __getattr__ below.
INDICATORS: dict[int, IndicatorInfo]
INDICATOR_NUMBERS: tuple[int, ...]
INSTRUMENTS: tuple[str, ...]
INSTRUMENT_INDICATORS: dict[str, tuple[int, ...]]
INSTRUMENT_NAMES: dict[str, str]
ERAS: tuple[Era, ...]
FACT_NAMES: dict[str, str]
FIRST_ITAS_YEAR: int
OLD_LEVEL_WORDS: tuple[str, ...]
INSTRUMENT_WEIGHTS: dict[str, float]
PASS_THRESHOLD: float
GRADE_BANDS: tuple[tuple[str, float], ...]
GRADES: tuple[str, ...]
RESULT_WORDS: tuple[str, ...]
ALL_GRADES: tuple[str, ...]
ALL_RESULT_WORDS: tuple[str, ...]
GRADE_PATTERN: str
RESULT_WORD_PATTERN: str
PASSING_GRADES: tuple[str, ...]


def __getattr__(name: str):
    """`rubric.INDICATORS` and the other constants, read from the data file at first use."""
    if name in _Shape.__dataclass_fields__:
        shape = _shape()
        globals().update((field_name, getattr(shape, field_name)) for field_name in _Shape.__dataclass_fields__)
        return getattr(shape, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class RubricPattern:
    """A regex made from the rubric's words, compiled at first use so that importing a parser
    module reads no file: `GRADE_RE = rubric.pattern(lambda: "(" + rubric.GRADE_PATTERN + ")")`."""

    __slots__ = ("_build", "_flags", "_compiled")

    def __init__(self, build: Callable[[], str], flags: int = 0):
        self._build, self._flags, self._compiled = build, flags, None

    def __getattr__(self, name: str):  # search, match, finditer, sub, pattern ...
        if self._compiled is None:
            self._compiled = re.compile(self._build(), self._flags)
        return getattr(self._compiled, name)


pattern = RubricPattern


@lru_cache(maxsize=None)
def rules_for(fiscal_year: int) -> YearRules:
    merged: dict = {}
    for entry in _data()["years"]:
        if entry.get("first", 0) <= fiscal_year <= entry.get("last", 9999):
            merged.update({k: v for k, v in entry.items() if k not in ("first", "last")})
    statuses = {key[:-len("_status")]: value for key, value in merged.items() if key.endswith("_status")}
    known = {"weights", "weights_status", "pass_threshold", "grading", "grade_bands", "result_words"}
    return YearRules(
        fiscal_year=fiscal_year,
        era=era_of(fiscal_year),
        weights={k: float(v) for k, v in merged.get("weights", {}).items()},
        weights_status=merged.get("weights_status", "U"),
        pass_threshold=float(merged.get("pass_threshold", 85)),
        grading=merged.get("grading"),
        grade_bands=tuple((grade, float(lower)) for grade, lower in merged.get("grade_bands", ())),
        result_words=tuple(merged.get("result_words", ())),
        statuses=statuses,
        extra={k: v for k, v in merged.items() if k not in known and not k.endswith("_status")},
    )


def era_of(fiscal_year: int) -> Era:
    return next(era for era in _eras() if era.contains(fiscal_year))


def era(fiscal_year: int) -> str:
    return era_of(fiscal_year).id


def same_era(year_a: int, year_b: int) -> bool:
    return era_of(year_a) == era_of(year_b) and era_of(year_a).comparable


def indicators_for(fiscal_year: int | None) -> tuple[int, ...]:
    """The indicators assessed in a fiscal year (all of them for None)."""
    return tuple(n for n, info in _shape().INDICATORS.items() if info.assessed_in(fiscal_year))


def instrument_indicators(fiscal_year: int | None) -> dict[str, tuple[int, ...]]:
    """Each instrument's indicators in a fiscal year."""
    numbers = set(indicators_for(fiscal_year))
    return {instrument: tuple(n for n in members if n in numbers)
            for instrument, members in _shape().INSTRUMENT_INDICATORS.items()}


def _itas_year(fiscal_year: int | None) -> bool:
    return fiscal_year is not None and fiscal_year >= _shape().FIRST_ITAS_YEAR


def has_grade_bands(fiscal_year: int | None) -> bool:
    """True for years whose printed grade must match the score band (2562–2565)."""
    return _itas_year(fiscal_year) and rules_for(fiscal_year).grading == "bands"


def weights_confirmed(fiscal_year: int | None) -> bool:
    """True for years where a recomputed overall that does not match is an error, not 'cannot verify'."""
    return _itas_year(fiscal_year) and rules_for(fiscal_year).weights_confirmed


def grade_for_score(score: float, bands: tuple[tuple[str, float], ...] | None = None) -> str:
    bands = bands or _shape().GRADE_BANDS
    for grade, lower in bands:
        if score >= lower:
            return grade
    return bands[-1][0]


def _weights(fiscal_year: int | None) -> dict[str, float]:
    if fiscal_year is None or fiscal_year < _shape().FIRST_ITAS_YEAR:
        return _shape().INSTRUMENT_WEIGHTS
    return rules_for(fiscal_year).weights


def instrument_scores(indicators: dict[int, float], fiscal_year: int | None = None) -> dict[str, float | None]:
    """Each instrument as the mean of its indicators (those of the fiscal year when given); None
    when one is missing."""
    out: dict[str, float | None] = {}
    for instrument, numbers in instrument_indicators(fiscal_year).items():
        values = [indicators.get(n) for n in numbers]
        out[instrument] = None if not values or any(v is None for v in values) else sum(values) / len(values)
    return out


def compute_overall(indicators: dict[int, float], fiscal_year: int | None = None) -> float | None:
    """Weighted ITA score (30/30/40) from all of the year's indicators; None when any is missing."""
    means = instrument_scores(indicators, fiscal_year)
    if any(v is None for v in means.values()):
        return None
    weights = _weights(fiscal_year)
    return round(sum(weights[instrument] * mean for instrument, mean in means.items()), 2)


def indicator_weight(number: int, fiscal_year: int | None = None) -> float:
    """Share of the overall score one indicator carries (0.06, 0.10 or 0.20)."""
    instrument = _shape().INDICATORS[number].instrument
    return _weights(fiscal_year)[instrument] / len(instrument_indicators(fiscal_year)[instrument])
