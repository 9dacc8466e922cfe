"""The reader: one pass over the paragraphs that turns scores, owners and years into records named
as the text prints them (`linking` names them as their Thai agencies).

Indicator and instrument scores go to the agency of their clause, or to the only agency of the text.
A group with a count that shares one score ("12 stations received zero points") followed by a list
of names ("They include A and B in P, C in Q") gives each listed name that score; "A, B and C scored
x, y and z respectively" pairs names and numbers in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ita_lib.io.document import Document
from ita_lib.model import Assessment
from ita_lib.parse.agency import AgencyName
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.english.names import Mention, acronyms, is_capitalised, mentions
from ita_lib.parse.english.scores import ACCEPT, candidates, owner_weight
from ita_lib.parse.english.text import ITA_MENTION, OTHER_INDEX, Block, blocks, clauses, sentences
from ita_lib.parse.english.years import (
    PASSED_STATEMENT, YearMention, clause_year, document_year, grade_pattern, pass_threshold, years_in,
)
from ita_lib.parse.evidence import Candidate
from ita_lib.parse.single import set_year
from ita_lib.rubric import load as load_rubric

_LIST_LEAD = re.compile(
    r"^\s*(?:They|These|Those|Among\s+them|Among\s+these)\s*,?\s+(?:include[sd]?|included|are|were|"
    r"being|comprise[sd]?)\s*:?\s+|^\s*,?\s*(?:including|among\s+them|such\s+as)\s+", re.IGNORECASE)
_LIST_IN_CLAUSE = re.compile(r",?\s*(?:including|among\s+them|such\s+as)\s+", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:[A-Z][A-Za-z\-’']*\s+){0,4}[A-Z][A-Za-z\-’']*(?:\s+[a-z]+){0,2}")


def _listed_names(text: str, unit: str) -> list[tuple[str, str | None]]:
    """'They include A and B in P, C in Q, and D station in R' -> [(name, place)], each name completed
    with the group's type ("A police station")."""
    lead = _LIST_LEAD.match(text)
    if not lead:
        return []
    body = text[lead.end():].strip().rstrip(".;")
    unit_words = unit.split()
    items: list[tuple[str, str | None]] = []
    for chunk in re.split(r",\s*", body):
        chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())
        place = None
        located = re.match(r"(.+?)\s+in\s+([A-Z][A-Za-z\-]*(?:\s+[A-Z][A-Za-z\-]*){0,3})(?:\s+[Pp]rovince)?$",
                           chunk)
        if located:
            chunk, place = located.group(1), located.group(2)
        for part in re.split(r"\s+(?:and|or)\s+", chunk):
            part = part.strip()
            if not part or not _LIST_ITEM.fullmatch(part):
                return items  # the list has ended ("according to the report")
            words = part.split()
            lower = [w for w in words if not is_capitalised(w)]
            caps = [w for w in words if is_capitalised(w)]
            if not caps or (lower and not {w.lower() for w in lower} <= set(unit_words)):
                return items
            items.append((" ".join(caps + unit_words), place))
    return items


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*(?:points?\s*)?")


def _respectively(text: str, start: int, end: int, in_clause: list[Mention],
                  numbers: list[Candidate]) -> dict[int, Mention]:
    """'A, B and C scored 98.11, 97.40 and 96.02 respectively': names and numbers paired in order.
    Empty unless the counts agree (a mismatch leaves every number unpaired and unread)."""
    if not _RESPECTIVELY.search(text, start, end):
        return {}
    first = next((c for c in numbers if c.strength >= ACCEPT), None)
    if first is None:
        return {}
    listed = [first]
    for cand in numbers[numbers.index(first) + 1:]:
        if not _LIST_JOIN.fullmatch(text[listed[-1].end:cand.start]):
            break
        listed.append(cand)
    names = [m for m in in_clause if m.end <= first.start and m.kind in ("agency", "group", "other")
             and not m.attribution and not m.oblique]
    if len(listed) < 2 or len(names) != len(listed):
        return {}
    return {id(c): m for c, m in zip(listed, names)}


@dataclass
class _Record:
    builder: RecordBuilder
    name: str
    year: int | None
    score: float | None = None
    passed_said: bool | None = None  # a printed pass / fail statement


class _Reader:
    """One pass over the lines: sentences, clauses, candidate numbers and their owners."""

    def __init__(self, document: Document, year: int | None):
        self.document = document
        self.year = year
        text = document.text
        self.police = bool(re.search(r"\bpolice\b", text, re.IGNORECASE))
        self.blocks = blocks(document.lines)
        self.acronyms = acronyms([block.text for block in self.blocks], self.police)
        self.threshold = pass_threshold("\n".join(block.text for block in self.blocks))
        self.block_years = [years_in(block) for block in self.blocks]
        self.year_mentions = [m for years in self.block_years for m in years]
        self.doc_year = document_year(self.year_mentions)
        self.records: dict[tuple[str, int | None], _Record] = {}
        self.pending_parts: list[tuple[str, object, float, int]] = []  # parts with no agency named
        self.earlier: list[Mention] = []  # agencies named on earlier lines (for "the office")
        self.shared: tuple[float, str, int | None, int] | None = None  # a counted group's score

    # records -------------------------------------------------------------------------------
    def record(self, name: str, year: int | None, mention: Mention | None, line: int) -> _Record:
        if self.year is not None:
            year = self.year
        key = (name.lower(), year)
        if key not in self.records:
            builder = RecordBuilder(self.document, "prose")
            builder.set_agency(AgencyName(name, None, name, line, mention.district if mention else None,
                                          mention.province if mention else None))
            if self.year is not None:
                set_year(builder, self.document.lines, self.year)
            elif year is not None:
                line_of_year = next((m.line for m in self.year_mentions if m.year == year), None)
                builder.set("fiscal_year", year, line_of_year)
            else:
                builder.warn("year_missing", "the document gives no fiscal year; pass --year")
            self.records[key] = _Record(builder, name, year)
        return self.records[key]

    def score(self, name: str, year: int | None, mention: Mention | None, value: float, line: int) -> _Record:
        rec = self.record(name, year, mention, line)
        rec.builder.set("overall_score", value, line)
        if rec.score is None:
            rec.score = value
        return rec

    def statements(self, rec: _Record, text: str, start: int, end: int, line: int) -> None:
        """A pass / fail statement or a grade printed after the agency in its clause."""
        said = PASSED_STATEMENT.search(text, start, end)
        if said:
            rec.passed_said = bool(said.group(1))
        grade = grade_pattern(load_rubric()).search(text, start, end)
        if grade:
            rec.builder.set("grade", grade.group(1) or grade.group(2), line)

    def shared_list(self, text: str, line: int) -> None:
        """Names listed after a counted group's shared score each get that score."""
        if self.shared is None:
            return
        value, unit, year, score_line = self.shared
        self.shared = None
        for name, place in _listed_names(text, unit):
            self.score(name, year, Mention(0, 0, "agency", name, province=place), value, score_line)

    # reading -------------------------------------------------------------------------------
    def read(self) -> list[Assessment]:
        other_topic = False
        for block, block_years in zip(self.blocks, self.block_years):
            text = block.text
            named = mentions(text, self.acronyms, self.police, self.earlier)
            for s_start, s_end in sentences(text):
                sentence = text[s_start:s_end]
                if ITA_MENTION.search(sentence):
                    other_topic = False
                elif OTHER_INDEX.search(sentence):
                    other_topic = True
                self.shared_list(sentence, block.line_at(s_start))
                if other_topic:
                    continue
                for c_start, c_end in clauses(text, s_start, s_end):
                    self.clause(block, named, block_years, (s_start, s_end), (c_start, c_end),
                                ita=bool(ITA_MENTION.search(sentence)))
            self.earlier.extend(m for m in named if m.kind == "agency")
        return self.finish()

    def clause(self, block: Block, mentions: list[Mention], line_years: list[YearMention],
               sentence: tuple[int, int], clause: tuple[int, int], *, ita: bool) -> None:
        text = block.text
        c_start, c_end = clause
        in_clause = [m for m in mentions if c_start <= m.start and m.end <= c_end]
        named = [m for m in in_clause if m.kind not in ("indicator", "instrument")]
        subject = next((m for m in named if not m.oblique and not m.attribution), None)
        agencies = [m for m in in_clause if m.kind == "agency" and not m.attribution]
        scored_subject = False
        numbers = candidates(text, c_start, c_end, in_clause)
        paired = _respectively(text, c_start, c_end, in_clause, numbers)
        for cand in numbers:
            if id(cand) in paired:
                owner = paired[id(cand)]
            else:
                if paired or cand.strength < ACCEPT:
                    continue
                weights = [(owner_weight(m, cand, text, subject), m) for m in in_clause]
                weights = [(w, m) for w, m in weights if w > 0]
                if not weights:
                    continue
                owner = max(weights, key=lambda pair: pair[0])[1]
            year = clause_year(text, line_years, sentence[0], c_end, cand, self.doc_year)
            line = block.line_at(cand.start)
            if owner.kind == "agency":
                rec = self.score(owner.name, year, owner, cand.value, line)
                self.statements(rec, text, owner.end, c_end, line)
                scored_subject = scored_subject or owner is subject
            elif owner.kind in ("indicator", "instrument"):
                key = owner.number if owner.kind == "indicator" else owner.code
                target = agencies[-1] if agencies else None
                if target is None:
                    self.pending_parts.append((owner.kind, key, cand.value, line))
                else:
                    builder = self.record(target.name, year, target, line).builder
                    _set_part(builder, owner.kind, key, cand.value, line)
            elif owner.kind == "group" and owner.count and owner.unit:
                self.shared = (cand.value, owner.unit, year, line)
                listed = _LIST_IN_CLAUSE.search(text, cand.end, c_end)
                if listed:  # "12 stations scored zero, including A, B and C"
                    self.shared_list(text[listed.start():c_end], line)
        # A pass / fail statement or a grade with no score, for the clause's subject agency.
        if ita and not scored_subject and subject is not None and subject.kind == "agency":
            end = subject.end
            if PASSED_STATEMENT.search(text, end, c_end) or grade_pattern(load_rubric()).search(text, end, c_end):
                year = clause_year(text, line_years, sentence[0], c_end, None, self.doc_year)
                line = block.line_at(end)
                self.statements(self.record(subject.name, year, subject, line), text, end, c_end, line)

    def finish(self) -> list[Assessment]:
        records = _merge_short_names(list(self.records.values()))
        if len(records) == 1:  # one agency: indicator scores written in other sentences are its own
            for kind, key, value, line in self.pending_parts:
                _set_part(records[0].builder, kind, key, value, line)
        out = []
        for rec in records:
            builder = rec.builder
            if rec.passed_said is not None:
                builder.set("passed", rec.passed_said, None)
                if (self.threshold is not None and rec.score is not None
                        and (rec.score >= self.threshold) != rec.passed_said):
                    builder.warn("result_score_mismatch",
                                 f"the text says {'passed' if rec.passed_said else 'failed'} but the score "
                                 f"{rec.score:.2f} is {'under' if rec.passed_said else 'at or over'} the "
                                 f"stated pass mark {self.threshold:g}")
            elif self.threshold is not None and rec.score is not None:
                builder.set("passed", rec.score >= self.threshold, None)  # the printed rule, applied
            if builder.has_content() or rec.passed_said is not None:
                out.append(builder.build())
        return out


def read_printed(document: Document, *, year: int | None = None) -> tuple[list[Assessment], dict[str, str]]:
    """Records of an English text about ITA results, named as printed, and the acronym the text
    defines for each printed name."""
    if not ITA_MENTION.search(document.text):
        return [], {}
    reader = _Reader(document, year)
    return reader.read(), {mention.name: acronym for acronym, mention in reader.acronyms.items()}


def _set_part(builder: RecordBuilder, kind: str, key, value: float, line: int) -> None:
    if kind == "indicator":
        builder.set_indicator(int(key), value, line)
    else:
        builder.set_instrument(str(key), value, line)


def _merge_short_names(records: list[_Record]) -> list[_Record]:
    """'Roads Office' in a headline and 'Rural Roads Office' in the body with the same score and year
    are one agency: keep the longer name."""
    kept = []
    for rec in records:
        longer = [o for o in records if o is not rec and o.year == rec.year and o.score == rec.score
                  and len(o.name) > len(rec.name) and o.name.lower().endswith(" " + rec.name.lower())]
        if not longer:
            kept.append(rec)
    return kept
