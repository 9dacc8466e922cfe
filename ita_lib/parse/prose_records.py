"""What a text says of one agency in one year, and the one record made of it: several scores for
one agency and year are a conflict (the clearly strongest wins with a warning naming the others, or
none is kept); the sentence's own grade or result word wins over others written elsewhere."""
from __future__ import annotations

from dataclasses import dataclass, field

from ita_lib.io.document import Document
from ita_lib.model import Assessment
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.agency import agency_types
from ita_lib.parse.mentions import BARE_MUNICIPALITY, CATEGORY, PARENT, PLACE, Mention
from ita_lib.rubric import load as load_rubric

MINISTRY_FIGURE = "ministry_average"  # a ministry's score: the mean of its agencies'
CATEGORY_FIGURE = "category_average"  # a kind of agency's score ("องค์กรศาล 91.93")
_CLEAR_MARGIN = 2.0  # how much stronger a score must be than the others to win a conflict


@dataclass
class Value:
    value: object
    line: int
    strength: float = 0.0


OLD_LEVEL_NAMED = 1.0  # a Value's strength: an old level word written right after the ITA's name


@dataclass
class AgencyEvidence:
    """Everything a text says of one agency in one fiscal year."""

    mention: Mention
    year: int | None
    year_line: int | None  # where the year is written (None when given with --year)
    scores: list[Value] = field(default_factory=list)
    grades: list[Value] = field(default_factory=list)
    results: list[Value] = field(default_factory=list)
    indicators: dict[int, list[Value]] = field(default_factory=dict)
    instruments: dict[str, list[Value]] = field(default_factory=dict)
    unpaired: list[Value] = field(default_factory=list)  # scores after a list of agencies, order not given

    def era_results(self) -> list[Value]:
        """Result words of the record's era: an old scheme's level words before ITAS, the year's result
        words after (a 2566+ level written with 2565 is not that year's result)."""
        rubric = load_rubric()
        old_era = _old_era(self.year) or self.year is None and self.old_level_named()
        plain = (rubric.passed_word, rubric.failed_word)  # "สอบตก" before ITAS too: a pass or fail the text states
        return [r for r in self.results
                if ((r.value in rubric.old_level_words) == old_era or old_era and r.value in plain)
                and (r.value in rubric.old_level_words or r.value in rubric.result_words_for(self.year))]

    def old_level_named(self) -> bool:
        """An old scheme's level written as the ITA's ("…คุณธรรมและความโปร่งใสระดับสูงมาก"), no other result."""
        old = load_rubric().old_level_words
        return any(r.value in old and r.strength >= OLD_LEVEL_NAMED for r in self.results) \
            and all(r.value in old for r in self.results)

    def absorb(self, other: "AgencyEvidence") -> None:
        """Take what the text says of `other` as said of this agency too."""
        self.scores += other.scores
        self.grades += other.grades
        self.results += other.results
        self.unpaired += other.unpaired
        for mine, theirs in ((self.indicators, other.indicators), (self.instruments, other.instruments)):
            for key, values in theirs.items():
                mine.setdefault(key, []).extend(values)

    def has_content(self) -> bool:
        if self.mention.kind == "district":  # a district is no assessed agency (its office is the DOPA's)
            return False
        if self.mention.role == PLACE:  # a province named near a result word is not its subject
            return bool(self.scores or self.grades)
        return bool(self.scores or self.grades or self.era_results() or self.indicators or self.instruments)


_OFFICE = "สำนักงาน"
_DEPARTMENT = "กรม"


def fuller_names(name: str) -> list[str]:
    """The names a shorter form may stand for in the same text: the body's office; a municipality
    written without its tier ("เทศบาลลาดยาว" for เทศบาลตำบลลาดยาว, the tiers as agency_types.csv has them);
    a department written without การ, as news often does ("กรมข้าว" for กรมการข้าว)."""
    fuller = [] if name.startswith(_OFFICE) else [_OFFICE + name]
    if name.startswith(_DEPARTMENT) and not name.startswith(_DEPARTMENT + "การ"):
        fuller.append(_DEPARTMENT + "การ" + name[len(_DEPARTMENT):])
    tiers = [t.prefix for t in agency_types()
             if t.prefix.startswith(BARE_MUNICIPALITY) and t.prefix != BARE_MUNICIPALITY]
    if name.startswith(BARE_MUNICIPALITY) and not name.startswith(tuple(tiers)):
        fuller += [tier + name[len(BARE_MUNICIPALITY):] for tier in tiers]
    return fuller


def with_offices(evidence: dict[tuple[str, int | None], AgencyEvidence]
                 ) -> dict[tuple[str, int | None], AgencyEvidence]:
    """A body and its office named in one text ("ศาลปกครอง … สำนักงานศาลปกครอง ได้ 92.37") are one assessed
    agency, the office: what the text says of either goes to the office's record. So are a municipality
    written with and without its tier."""
    out = dict(evidence)
    for (name, year), entry in evidence.items():
        fuller = [out[(full, year)] for full in fuller_names(name) if (full, year) in out]
        if len(fuller) == 1:
            fuller[0].absorb(entry)
            del out[(name, year)]
    return out


def places_of(lines) -> dict[str, tuple[tuple[str, int] | None, tuple[str, int] | None]]:
    """District and province, each with its line, written after any mention of an agency
    ("…อำเภอX จังหวัดY")."""
    places: dict[str, tuple[tuple[str, int] | None, tuple[str, int] | None]] = {}
    for line, mentions in lines:
        for m in mentions:
            district, province = places.get(m.name, (None, None))
            places[m.name] = (district or (m.district and (m.district, line.number)),
                              province or (m.province and (m.province, line.number)))
    return places


def build_record(document: Document, entry: AgencyEvidence, place) -> Assessment:
    builder = RecordBuilder(document, "prose")
    mention = entry.mention
    first_line = min(v.line for v in (*entry.scores, *entry.grades, *entry.results,
                                      *(v for vs in entry.indicators.values() for v in vs),
                                      *(v for vs in entry.instruments.values() for v in vs)))
    builder.set("agency", mention.name, first_line)
    if mention.role == PARENT or mention.kind == CATEGORY:  # only its own figure is collected for it
        builder.set("level", CATEGORY_FIGURE if mention.kind == CATEGORY else MINISTRY_FIGURE, first_line)
    builder.set("agency_type", mention.agency_type, first_line)
    for name, found in (("district", place[0]), ("province", place[1])):
        if found:
            builder.set(name, *found)
    if entry.year is not None:
        builder.set("fiscal_year", entry.year, entry.year_line)
    else:
        builder.warn("year_missing", "the document gives no fiscal year; pass --year")
    _choose_score(builder, entry.scores)
    if entry.unpaired:
        builder.warn("ambiguous_score", unpaired_warning(entry.unpaired), entry.unpaired[0].line)
    _choose_word(builder, "grade", entry.grades, entry.scores)
    results = entry.era_results()
    rubric = load_rubric()
    plain = (rubric.passed_word, rubric.failed_word)
    levels = [r for r in results if r.value not in plain]
    # "ผ่านการประเมิน" next to "ระดับผ่านดี", "ไม่ผ่านเกณฑ์" next to "ต้องปรับปรุงโดยด่วน": the same outcome
    agreeing = {rubric.word_passed(r.value, entry.year) for r in levels}
    if len(agreeing) == 1:
        results = [r for r in results if r.value not in plain or r.strength == 1.0
                   or rubric.word_passed(r.value) not in agreeing]
    if any(r.value != rubric.passed_word for r in results):
        results = [r for r in results if r.strength == 1.0 or r.value != rubric.passed_word] or results
    _choose_word(builder, "result", results, entry.scores)
    for number, values in entry.indicators.items():
        for value in values:
            builder.set_indicator(number, value.value, value.line)
    for code, values in entry.instruments.items():
        if len({v.value for v in values}) == 1:
            builder.set_instrument(code, values[0].value, values[0].line)
        else:  # two scores for one instrument: neither is kept
            listed = ", ".join(f"{v.value:.2f} (line {v.line})" for v in values)
            builder.warn("ambiguous_score", f"several scores for {code}: {listed}; none kept", values[0].line)
    return builder.build()


def unpaired_warning(values: list[Value]) -> str:
    listed = ", ".join(f"{v.value:.2f}" for v in values)
    return (f"scores {listed} (line {values[0].line}) follow agencies without a score for each in a "
            "stated order (ตามลำดับ): none kept")


def _old_era(year: int | None) -> bool:
    return year is not None and year < load_rubric().first_itas_year


def _choose_score(builder: RecordBuilder, scores: list[Value]) -> None:
    """One value: take it. Several: the clearly strongest, or none; a warning names them all."""
    if not scores:
        return
    by_value: dict[float, Value] = {}
    for score in scores:
        if score.value not in by_value or score.strength > by_value[score.value].strength:
            by_value[score.value] = score
    ranked = sorted(by_value.values(), key=lambda s: -s.strength)
    if len(ranked) == 1:
        builder.set("overall_score", ranked[0].value, ranked[0].line)
        return
    listed = ", ".join(f"{s.value:.2f} (line {s.line})" for s in ranked)
    if ranked[0].strength - ranked[1].strength >= _CLEAR_MARGIN:
        builder.set("overall_score", ranked[0].value, ranked[0].line)
        builder.warn("ambiguous_score", f"several scores for one agency and year: {listed}; "
                     f"kept {ranked[0].value:.2f}, the one written as its result", ranked[0].line)
    else:
        builder.warn("ambiguous_score", f"several scores for one agency and year: {listed}; "
                     "none kept", ranked[0].line)


def _choose_word(builder: RecordBuilder, name: str, words: list[Value], scores: list[Value]) -> None:
    """The sentence's own word wins: the one on the score's line, else the first written."""
    if not words:
        return
    score_lines = {s.line for s in scores}
    on_score_line = [w for w in words if w.line in score_lines] or words
    chosen = max(on_score_line, key=lambda w: w.strength)  # max keeps the first of equals
    others = sorted({w.value for w in words} - {chosen.value})
    builder.set(name, chosen.value, chosen.line)
    if others:
        builder.warn("ambiguous_" + name, f"{name} {chosen.value} (line {chosen.line}); the text also "
                     f"writes {', '.join(others)}", chosen.line)
