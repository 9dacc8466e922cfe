"""The reader: one pass over the paragraphs that turns scores, owners and years into records.

Indicator and instrument scores go to the agency of their clause, or to the only agency of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ita_lib.parse.agency import AgencyName
from ita_lib.io.document import Document
from ita_lib.model import Assessment
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.single import set_year
from ita_lib.parse.english.clauses import _Block, _blocks, _clauses, _sentences
from ita_lib.parse.english.cues import ACCEPT
from ita_lib.parse.english.lists import _LIST_IN_CLAUSE, _listed_names, _respectively
from ita_lib.parse.english.names import Mention, _acronyms, _mentions
from ita_lib.parse.english.owners import _candidates, _owner_weight
from ita_lib.parse.english.pass_rules import _PASSED_STATEMENT, _grade, _pass_threshold
from ita_lib.rubric import load as load_rubric
from ita_lib.parse.english.topic import _ITA_MENTION, _OTHER_INDEX
from ita_lib.parse.english.years import YearMention, _clause_year, _document_year, _years_in

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
        self.blocks = _blocks(document.lines)
        self.acronyms = _acronyms([block.text for block in self.blocks], self.police)
        self.threshold = _pass_threshold("\n".join(block.text for block in self.blocks))
        self.block_years = [_years_in(block) for block in self.blocks]
        self.year_mentions = [m for years in self.block_years for m in years]
        self.doc_year = _document_year(self.year_mentions)
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
        said = _PASSED_STATEMENT.search(text, start, end)
        if said:
            rec.passed_said = bool(said.group(1))
        grade = _grade(load_rubric()).search(text, start, end)
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
            mentions = _mentions(text, self.acronyms, self.police, self.earlier)
            for s_start, s_end in _sentences(text):
                sentence = text[s_start:s_end]
                if _ITA_MENTION.search(sentence):
                    other_topic = False
                elif _OTHER_INDEX.search(sentence):
                    other_topic = True
                self.shared_list(sentence, block.line_at(s_start))
                if other_topic:
                    continue
                for c_start, c_end in _clauses(text, s_start, s_end):
                    self.clause(block, mentions, block_years, (s_start, s_end), (c_start, c_end),
                                ita=bool(_ITA_MENTION.search(sentence)))
            self.earlier.extend(m for m in mentions if m.kind == "agency")
        return self.finish()

    def clause(self, block: _Block, mentions: list[Mention], line_years: list[YearMention],
               sentence: tuple[int, int], clause: tuple[int, int], *, ita: bool) -> None:
        text = block.text
        c_start, c_end = clause
        in_clause = [m for m in mentions if c_start <= m.start and m.end <= c_end]
        named = [m for m in in_clause if m.kind not in ("indicator", "instrument")]
        subject = next((m for m in named if not m.oblique and not m.attribution), None)
        agencies = [m for m in in_clause if m.kind == "agency" and not m.attribution]
        scored_subject = False
        candidates = _candidates(text, c_start, c_end, in_clause)
        paired = _respectively(text, c_start, c_end, in_clause, candidates)
        for cand in candidates:
            if id(cand) in paired:
                owner = paired[id(cand)]
            else:
                if paired or cand.weight < ACCEPT:
                    continue
                weights = [(_owner_weight(m, cand, text, subject), m) for m in in_clause]
                weights = [(w, m) for w, m in weights if w > 0]
                if not weights:
                    continue
                owner = max(weights, key=lambda pair: pair[0])[1]
            year = _clause_year(text, line_years, sentence[0], c_end, cand, self.doc_year)
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
            if _PASSED_STATEMENT.search(text, end, c_end) or _grade(load_rubric()).search(text, end, c_end):
                year = _clause_year(text, line_years, sentence[0], c_end, None, self.doc_year)
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


def parse_english(document: Document, *, year: int | None = None) -> list[Assessment]:
    """Records of an English news text about ITA results (see the package docstring)."""
    if not _ITA_MENTION.search(document.text):
        return []
    return _Reader(document, year).read()


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
