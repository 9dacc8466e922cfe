"""Year-aware ITA facts: indicators, instruments, weights, grade bands, result and level words, eras.

The facts live in `data/rubric.yaml` (status C confirmed, L likely, U unknown, as in the domain
reference). `load()` reads them once into a frozen `Rubric`, the one object that knows the ITA's
shape: which indicators and instruments (and instrument parts) there are, their Thai names,
weights, the pass mark, grades and result words. Everything else asks it
(`load().indicators`, `load().rules_for(year)`, `load().compute_overall(...)`); importing reads no file.

ITA_RUBRIC names another rubric file (a copy with next year's rules before a release has them).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from ita_lib.errors import RubricError
from ita_lib.rubric_levels import ResultLevel, derive_level
from ita_lib.rubric_schema import RubricFile, YearEntry, read_rubric_file

@dataclass(frozen=True)
class IndicatorInfo:
    number: int
    name: str  # canonical Thai name
    instrument: str  # the code of its instrument
    variants: tuple[str, ...] = ()  # other Thai spellings seen in real documents
    english: tuple[str, ...] = ()
    first: int | None = None  # the first and last fiscal years it is assessed (None: open)
    last: int | None = None

    def assessed_in(self, fiscal_year: int | None) -> bool:
        return fiscal_year is None or ((self.first is None or fiscal_year >= self.first)
                                       and (self.last is None or fiscal_year <= self.last))


@dataclass(frozen=True)
class InstrumentPart:
    code: str  # the key of its score in a record's instruments
    number: int  # as printed: "ส่วนที่ 1"
    name: str


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str  # Thai: แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน
    short: str  # Thai, without "แบบวัด"
    brief: str  # a word or two for chart legends: "ภายใน"
    indicators: tuple[int, ...]  # every indicator of any year that belongs to it
    parts: tuple[InstrumentPart, ...] = ()
    heading_word: str | None = None  # how a recommendations heading names it ("ภายใน")
    item_letter: str | None = None  # the letter of its items (O for O1, O2, ...)

    def part(self, number: int) -> InstrumentPart | None:
        return next((part for part in self.parts if part.number == number), None)


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
    levels: tuple[ResultLevel, ...] = ()  # the result words with a rule (2566+: ผ่านดีเยี่ยม … ไม่ผ่าน)
    statuses: dict[str, str] = field(default_factory=dict)  # fact -> C / L / U
    extra: dict = field(default_factory=dict)  # other facts from the data file (eit_parts, ...)

    @property
    def weights_confirmed(self) -> bool:
        return self.weights_status == "C"

    @property
    def weights_label(self) -> str:
        """The weights as reports and warnings write them: "30/30/40"."""
        return "/".join(f"{weight * 100:g}" for weight in self.weights.values())

    def level(self, word: str | None) -> ResultLevel | None:
        return next((level for level in self.levels if level.word == word), None)

    def derived_level(self, overall: float | None, instruments: dict[str, float | None]) -> ResultLevel | None:
        """The level the rules give when the overall and every instrument score are known, else None."""
        return derive_level(self.levels, overall, instruments)

    def uncertain_facts(self) -> dict[str, str]:
        """Facts of this year that are only likely (L) or unknown (U), for reports to disclose."""
        return {fact: status for fact, status in self.statuses.items() if status in ("L", "U")}


def alternation(words) -> str:
    """A regex alternation of words, longest first so "AA" is tried before "A"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_YEAR_RULE_KEYS = {"weights", "weights_status", "pass_threshold", "grading", "grade_bands", "result_words",
                   "level_rules"}


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, so parsers can cache patterns per rubric
class Rubric:
    """The ITA's shape as one rubric file gives it. Build it with `load()`."""

    source_text: str = field(repr=False)  # the file's text: a batch's build hash includes it (new rules, new reports)
    indicators: dict[int, IndicatorInfo]  # by number, in order
    instruments: dict[str, Instrument]  # by code, in the file's order
    eras: tuple[Era, ...]
    fact_names: dict[str, str]  # Thai names of uncertain facts
    passed_word: str  # the plain words for a pass and a fail in every ITAS year (ผ่าน, ไม่ผ่าน)
    failed_word: str
    year_entries: tuple[dict, ...] = field(repr=False)  # the file's `years`, merged by rules_for
    _rules: dict = field(default_factory=dict, repr=False)  # rules_for's answers, per year
    _members: dict = field(default_factory=dict, repr=False)  # instrument_indicators' answers, per year

    @classmethod
    def from_file(cls, text: str, checked: RubricFile) -> Rubric:
        indicators = {entry.number: IndicatorInfo(entry.number, entry.name, entry.instrument, tuple(entry.variants),
                                                  tuple(entry.english), entry.first, entry.last)
                      for entry in sorted(checked.indicators, key=lambda e: e.number)}
        instruments = {
            code: Instrument(code, entry.name, entry.short or entry.name, entry.brief or entry.short or entry.name,
                             tuple(n for n, info in indicators.items() if info.instrument == code),
                             tuple(InstrumentPart(p.code, p.number, p.name) for p in entry.parts),
                             entry.heading_word, entry.item_letter)
            for code, entry in checked.instruments.items()}
        eras = tuple(Era(e.id, e.first, e.last, e.comparable, e.label, e.note, tuple(e.level_words))
                     for e in checked.eras)
        years = tuple(entry.model_dump(exclude_unset=True) for entry in checked.years)
        return cls(text, indicators, instruments, eras, dict(checked.fact_names), checked.pass_words.passed,
                   checked.pass_words.failed, years)

    # --- the shape -------------------------------------------------------------------------------
    @cached_property
    def indicator_numbers(self) -> tuple[int, ...]:
        """Every indicator of any year, in order."""
        return tuple(self.indicators)

    @cached_property
    def instrument_codes(self) -> tuple[str, ...]:
        return tuple(self.instruments)

    @cached_property
    def part_keys(self) -> tuple[str, ...]:
        """The score keys of the instruments' parts (EIT_part1, EIT_part2)."""
        return tuple(part.code for instrument in self.instruments.values() for part in instrument.parts)

    @cached_property
    def score_keys(self) -> tuple[str, ...]:
        """The keys of a record's instrument scores: the instruments, then their parts."""
        return (*self.instruments, *self.part_keys)

    def score_name(self, key: str) -> str:
        """The Thai name of an instrument or an instrument part, by its score key."""
        for instrument in self.instruments.values():
            if instrument.code == key:
                return instrument.name
            part = next((p for p in instrument.parts if p.code == key), None)
            if part:
                return part.name
        raise KeyError(key)

    def instrument_of_item(self, code: str) -> str | None:
        """The instrument of an item code ("O13" → OIT) by its letter, as the NACC numbers items."""
        letter = code[:1].upper()
        return next((i.code for i in self.instruments.values() if i.item_letter == letter), None)

    @cached_property
    def first_itas_year(self) -> int:
        return min(era.first for era in self.eras if era.first is not None and era.comparable)

    @cached_property
    def old_level_words(self) -> tuple[str, ...]:
        """Level words printed before ITAS, longest first for matching."""
        return tuple(sorted({w for era in self.eras if not era.comparable for w in era.level_words},
                            key=len, reverse=True))

    # Defaults for code that does not know the year: the rules of the first ITAS year (every ITAS
    # year shares its pass mark) and the result words of the latest rules.
    @cached_property
    def default_rules(self) -> YearRules:
        return self.rules_for(self.first_itas_year)

    @cached_property
    def pass_mark(self) -> float:
        return self.default_rules.pass_threshold

    @cached_property
    def grades(self) -> tuple[str, ...]:
        return tuple(grade for grade, _ in self.default_rules.grade_bands)

    @cached_property
    def passing_grades(self) -> tuple[str, ...]:
        rules = self.default_rules
        return tuple(grade for grade, lower in rules.grade_bands if lower >= rules.pass_threshold)

    @cached_property
    def result_words(self) -> tuple[str, ...]:
        latest = max(entry["first"] for entry in self.year_entries)
        return self.rules_for(latest).result_words

    @cached_property
    def all_grades(self) -> tuple[str, ...]:
        """Every grade of any year, for the parser's patterns."""
        return tuple(dict.fromkeys(g for y in self.year_entries for g, _ in y.get("grade_bands", ())))

    @cached_property
    def all_result_words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for y in self.year_entries for w in y.get("result_words", ())))

    def result_words_for(self, fiscal_year: int | None) -> tuple[str, ...]:
        """The result words a record of the year may carry: the year's own and the plain pass and fail
        words (every ITAS year); every year's for no year. A level of 2566+ written with 2565 is not one."""
        if fiscal_year is None:
            return self.all_result_words
        return tuple(dict.fromkeys((*self.rules_for(fiscal_year).result_words, self.passed_word, self.failed_word)))

    def word_passed(self, word: str, fiscal_year: int | None = None) -> bool | None:
        """Whether a printed result word is a pass: its level's, else the plain words' ("ผ่านการประเมิน",
        "ไม่ผ่าน"); None for a word that says neither."""
        latest = self.rules_for(max(entry["first"] for entry in self.year_entries))
        level = (self.rules_for(fiscal_year).level(word) if self.is_itas_year(fiscal_year) else None) \
            or latest.level(word)  # a level printed out of its years still says pass or fail
        if level is not None:
            return level.passed
        if word.startswith(self.failed_word):
            return False
        return True if word.startswith(self.passed_word) else None

    @cached_property
    def grade_pattern(self) -> str:
        """"AA|A|B|...": a regex alternation of every grade, longest first."""
        return alternation(self.all_grades)

    @cached_property
    def result_word_pattern(self) -> str:
        """"ผ่านดีเยี่ยม|ผ่านดี|ไม่ผ่าน|ผ่าน"."""
        return alternation(self.all_result_words)

    @cached_property
    def instrument_pattern(self) -> str:
        return alternation(self.instruments)

    # --- per year --------------------------------------------------------------------------------
    def rules_for(self, fiscal_year: int) -> YearRules:
        if fiscal_year not in self._rules:
            self._rules[fiscal_year] = self._merge_rules(fiscal_year)
        return self._rules[fiscal_year]

    def _merge_rules(self, fiscal_year: int) -> YearRules:
        merged: dict = {}
        for entry in self.year_entries:
            if entry.get("first", 0) <= fiscal_year <= entry.get("last", 9999):
                merged.update({k: v for k, v in entry.items() if k not in ("first", "last")})
        statuses = {key[:-len("_status")]: value for key, value in merged.items() if key.endswith("_status")}
        pass_threshold = float(merged.get("pass_threshold", YearEntry.model_fields["pass_threshold"].default))
        words = tuple(merged.get("result_words", ()))
        rules = merged.get("level_rules", {})
        levels = tuple(ResultLevel(word, float(rules[word]["min_overall"]), _number(rules[word].get("below")),
                                   _number(rules[word].get("min_each_instrument")),
                                   passed=float(rules[word]["min_overall"]) >= pass_threshold)
                       for word in words if word in rules)
        return YearRules(
            fiscal_year=fiscal_year,
            era=self.era_of(fiscal_year),
            weights={k: float(v) for k, v in merged.get("weights", {}).items()},
            weights_status=merged.get("weights_status", "U"),
            pass_threshold=pass_threshold,
            grading=merged.get("grading"),
            grade_bands=tuple((grade, float(lower)) for grade, lower in merged.get("grade_bands", ())),
            result_words=words,
            levels=levels,
            statuses=statuses,
            extra={k: v for k, v in merged.items() if k not in _YEAR_RULE_KEYS and not k.endswith("_status")},
        )

    def era_of(self, fiscal_year: int) -> Era:
        return next(era for era in self.eras if era.contains(fiscal_year))

    def era(self, fiscal_year: int) -> str:
        return self.era_of(fiscal_year).id

    def same_era(self, year_a: int, year_b: int) -> bool:
        return self.era_of(year_a) == self.era_of(year_b) and self.era_of(year_a).comparable

    def indicators_for(self, fiscal_year: int | None) -> tuple[int, ...]:
        """The indicators assessed in a fiscal year (all of them for None)."""
        return tuple(n for n, info in self.indicators.items() if info.assessed_in(fiscal_year))

    def instrument_indicators(self, fiscal_year: int | None) -> dict[str, tuple[int, ...]]:
        """Each instrument's indicators in a fiscal year; an instrument with none that year (one a later
        year adds) is left out."""
        if fiscal_year not in self._members:  # asked for every record built: worked out once a year
            numbers = set(self.indicators_for(fiscal_year))
            members = {code: tuple(n for n in instrument.indicators if n in numbers)
                       for code, instrument in self.instruments.items()}
            self._members[fiscal_year] = {code: numbers for code, numbers in members.items() if numbers}
        return dict(self._members[fiscal_year])

    def is_itas_year(self, fiscal_year: int | None) -> bool:
        return fiscal_year is not None and fiscal_year >= self.first_itas_year

    def has_grade_bands(self, fiscal_year: int | None) -> bool:
        """True for years whose printed grade must match the score band (2562–2565)."""
        return self.is_itas_year(fiscal_year) and self.rules_for(fiscal_year).grading == "bands"

    def weights_confirmed(self, fiscal_year: int | None) -> bool:
        """True for years where a recomputed overall that does not match is an error, not 'cannot verify'."""
        return self.is_itas_year(fiscal_year) and self.rules_for(fiscal_year).weights_confirmed

    def grade_for_score(self, score: float, bands: tuple[tuple[str, float], ...] | None = None) -> str:
        bands = bands or self.default_rules.grade_bands
        for grade, lower in bands:
            if score >= lower:
                return grade
        return bands[-1][0]

    def rules_or_default(self, fiscal_year: int | None) -> YearRules:
        """The year's rules, or the default rules for no year or a year before ITAS."""
        return self.rules_for(fiscal_year) if self.is_itas_year(fiscal_year) else self.default_rules

    def instrument_scores(self, indicators: dict[int, float],
                          fiscal_year: int | None = None) -> dict[str, float | None]:
        """Each instrument as the mean of its indicators (those of the fiscal year when given); None
        when one is missing."""
        out: dict[str, float | None] = {}
        for code, numbers in self.instrument_indicators(fiscal_year).items():
            values = [indicators.get(n) for n in numbers]
            out[code] = None if any(v is None for v in values) else sum(values) / len(values)
        return out

    def compute_overall(self, indicators: dict[int, float], fiscal_year: int | None = None) -> float | None:
        """Weighted ITA score from all of the year's indicators; None when any is missing."""
        means = self.instrument_scores(indicators, fiscal_year)
        if any(v is None for v in means.values()):
            return None
        weights = self.rules_or_default(fiscal_year).weights
        return round(sum(weights[code] * mean for code, mean in means.items()), 2)

    def indicator_weight(self, number: int, fiscal_year: int | None = None) -> float:
        """Share of the overall score one indicator carries (0.06, 0.10 or 0.20 in 2562–2568)."""
        code = self.indicators[number].instrument
        return self.rules_or_default(fiscal_year).weights[code] / len(self.instrument_indicators(fiscal_year)[code])


def _number(value) -> float | None:
    return None if value is None else float(value)


def rubric_path() -> str:
    """Where the rubric is read from, as messages name it."""
    return os.environ.get("ITA_RUBRIC") or "ita_lib/data/rubric.yaml"


@cache
def load() -> Rubric:
    """The rubric, read once: the packaged file, or the copy ITA_RUBRIC names (a regular file, its
    size checked before reading). A command calls it first, so that a bad copy stops it with one
    line before any work. Tests that change ITA_RUBRIC call `load.cache_clear()`."""
    from ita_lib.io.yaml_limits import read_yaml_text

    override = os.environ.get("ITA_RUBRIC")
    if override:
        text = read_yaml_text(override, RubricError, "the rubric: ")
    else:
        text = resources.files("ita_lib").joinpath("data/rubric.yaml").read_text(encoding="utf-8")
    return Rubric.from_file(text, read_rubric_file(text, rubric_path()))


def source_text() -> str:
    """The rubric's text as read; a batch's build hash includes it: new rules, new reports."""
    return load().source_text
