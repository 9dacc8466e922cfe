"""The rubric file's shape (data/rubric.yaml, or the copy ITA_RUBRIC names), checked when it is read.

A damaged copy is one line naming the key, never a traceback deep in a parser, and no word is empty
(an empty alternative in a pattern matches everywhere). Other keys are allowed: they are facts for
reports (YearRules.extra). `ita_lib.rubric` turns the checked data into the `Rubric` object.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, ValidationError

from ita_lib.errors import RubricError

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Year = Annotated[int, Field(strict=True, ge=2500, le=2700)]
Number = Annotated[float, Field(strict=True, ge=0)]  # strict: "one" or "0.3" in quotes is an error


class _Checked(BaseModel):
    model_config = ConfigDict(extra="allow")


class IndicatorEntry(_Checked):
    number: Annotated[int, Field(strict=True, ge=1, le=99)]
    instrument: Word
    name: Word
    variants: list[Word] = []
    english: list[Word] = []
    first: Year | None = None
    last: Year | None = None


class PartEntry(_Checked):
    """A part an instrument is printed in (EIT ส่วนที่ 1 and 2 from 2568): `code` keys its score."""

    code: Word
    number: Annotated[int, Field(strict=True, ge=1, le=9)]  # as printed: "ส่วนที่ 1"
    name: Word


class InstrumentEntry(_Checked):
    name: Word
    short: Word | None = None
    brief: Word | None = None  # a word or two for chart legends ("ภายใน")
    heading_word: Word | None = None  # how a recommendations heading names it in Thai ("ภายใน")
    item_letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")] | None = None  # O for items O1, O2, ...
    parts: list[PartEntry] = []


class EraEntry(_Checked):
    id: Word
    first: Year | None = None
    last: Year | None = None
    comparable: StrictBool
    label: Word
    note: str
    level_words: list[Word] = []


class LevelRule(_Checked):
    """The rule of one result level: the overall score it needs and stays under, and the least score
    of every instrument."""

    min_overall: Annotated[float, Field(strict=True, ge=0, le=100)]
    below: Annotated[float, Field(strict=True, gt=0, le=100)] | None = None
    min_each_instrument: Annotated[float, Field(strict=True, ge=0, le=100)] | None = None


class YearEntry(_Checked):
    first: Year
    last: Year | None = None
    weights: dict[Word, Number] = {}
    pass_threshold: Annotated[float, Field(strict=True, ge=0, le=100)] = 85
    grading: Literal["bands", "result_words"] | None = None
    grade_bands: list[tuple[Word, Number]] = []
    result_words: list[Word] = []
    level_rules: dict[Word, LevelRule] = {}  # result word -> its rule


class PassWords(_Checked):
    passed: Word
    failed: Word


class RubricFile(_Checked):
    indicators: Annotated[list[IndicatorEntry], Field(min_length=1)]
    instruments: Annotated[dict[Word, InstrumentEntry], Field(min_length=1)]
    eras: Annotated[list[EraEntry], Field(min_length=1)]
    years: Annotated[list[YearEntry], Field(min_length=1)]
    pass_words: PassWords
    fact_names: dict[Word, str] = {}


def read_rubric_file(text: str, where: str) -> RubricFile:
    """The checked rubric of a file's text; any problem is a RubricError naming `where`."""
    from ita_lib.io.yaml_limits import load_limited

    data = load_limited(text, where, RubricError)  # size, aliases, nesting; errors with the line
    if not isinstance(data, dict):
        raise RubricError("the rubric is not a mapping of indicators, instruments, eras and years", path=where)
    try:
        checked = RubricFile.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        key = ".".join(map(str, problem["loc"])) or "the rubric"
        raise RubricError(f"the rubric's {key}: {problem['msg']}", path=where) from None
    _check_references(checked, where)
    return checked


def _check_references(rubric: RubricFile, where: str) -> None:
    """Every indicator's instrument is one the rubric defines, each number once, every year's weights
    name defined instruments, and a score key (instrument or part code) is used once."""
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
        _check_levels(entry, f"years.{index}", where)
    keys = list(rubric.instruments)
    for code, entry in rubric.instruments.items():
        for index, part in enumerate(entry.parts):
            if part.code in keys:
                raise RubricError(f"the rubric's instruments.{code}.parts.{index}.code: {part.code!r} is "
                                  "given twice", path=where)
            keys.append(part.code)


def _check_levels(entry: YearEntry, key: str, where: str) -> None:
    """A level rule names one of its entry's result words, every result word has a rule when any has
    one, and a level's overall range is not empty."""
    if not entry.level_rules:
        return
    unknown = sorted(set(entry.level_rules) - set(entry.result_words))
    missing = [word for word in entry.result_words if word not in entry.level_rules]
    if unknown or missing:
        raise RubricError(f"the rubric's {key}.level_rules: {', '.join(unknown + missing)} is not both a result "
                          "word and a level with a rule", path=where)
    for word, rule in entry.level_rules.items():
        if rule.below is not None and rule.below <= rule.min_overall:
            raise RubricError(f"the rubric's {key}.level_rules.{word}: below {rule.below:g} is not above "
                              f"min_overall {rule.min_overall:g}", path=where)
