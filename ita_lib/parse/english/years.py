"""Which year a score is for, and did it pass?

Years: printed assessed years only. `YEAR_CUES`: "the 2021 fiscal year", "fiscal 2023", "ITA 2024",
"2024 Integrity and Transparency Assessment", A.D. + 543; publication dates, events and the years of
targets and plans do not count. A record takes the year written in its score's sentence, else the
document's heaviest year, else none (year_missing).

Pass: `passed` is set only from a printed statement ("X passed the assessment", "X failed the ITA")
or a printed rule ("agencies need at least 85 points to pass") applied to the agency's printed
score; otherwise validate.py derives it from the score and marks it derived.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ita_lib.parse.english.scores import MONTHS, NUMBER, PERCENT_AFTER
from ita_lib.parse.english.text import Block, sentences
from ita_lib.parse.evidence import Candidate
from ita_lib.parse.years import to_buddhist_era
from ita_lib.rubric import Rubric

_YEAR = r"((?:19|20)\d\d|25\d\d)"
# (pattern, weight): printed assessed years. Publication dates, targets and events are not here.
YEAR_CUES: tuple[tuple[str, float], ...] = (
    (r"\b" + _YEAR + r"(?:/\d{2,4})?\s+fiscal\s+year\b", 3),
    (r"\bfiscal\s+(?:year\s+)?(?:of\s+)?" + _YEAR + r"\b", 3),
    (r"\bFY\s?" + _YEAR + r"\b", 3),
    (r"\bITAS?\s+(?:results?\s+|scores?\s+)?" + _YEAR + r"\b", 3),
    (r"\b" + _YEAR + r"\s+(?:ITA|Integrity\s+and\s+Transparency\s+Assessment)\b", 3),
    (r"\b(?:ITA|Integrity\s+and\s+Transparency\s+Assessment)(?:\s*\(ITA\))?\s+(?:results?\s+|scores?\s+)?"
     r"(?:for|of|in)\s+(?:the\s+)?(?:fiscal\s+year\s+)?" + _YEAR + r"\b", 2),
    (r"\bB\.\s?E\.\s?(25\d\d)\b", 2),
)
_COMPILED_YEARS = tuple((re.compile(p, re.IGNORECASE), w) for p, w in YEAR_CUES)
_YEAR_NOT_ASSESSED = re.compile(
    r"(?:\b(?:since|before|by|until|till|after|from|next|upcoming|coming|target(?:ed)?|plan(?:ned)?)\s+"
    r"(?:the\s+)?|" + MONTHS + r"\s+(?:\d{1,2},?\s+)?|\d{1,2}\s+" + MONTHS + r"\s+)$", re.IGNORECASE)


@dataclass(frozen=True)
class YearMention:
    year: int  # B.E.
    line: int
    pos: int
    weight: float


_TARGET_SENTENCE = re.compile(
    r"\b(?:target(?:s|ed|ing)?|aim(?:s|ed|ing)?\s+(?:to|for|at)|goals?|plan(?:s|ned)?\s+to|will|next\s+year|"
    r"upcoming|prepar(?:e|es|ed|ing)\s+for|expect(?:s|ed)?\s+to|improve)\b", re.IGNORECASE)


def years_in(block: Block) -> list[YearMention]:
    """Printed assessed years of one paragraph; none from a sentence about targets or plans."""
    text = block.text
    found: dict[int, YearMention] = {}
    targets = [(s, e) for s, e in sentences(text) if _TARGET_SENTENCE.search(text[s:e])]
    for pattern, weight in _COMPILED_YEARS:
        for match in pattern.finditer(text):
            if _YEAR_NOT_ASSESSED.search(text[:match.start()]):
                continue
            if any(s <= match.start() < e for s, e in targets):
                continue
            year = to_buddhist_era(int(match.group(1)))
            if match.start(1) not in found:
                found[match.start(1)] = YearMention(year, block.line_at(match.start(1)), match.start(1),
                                                    weight)
    return sorted(found.values(), key=lambda m: m.pos)


def document_year(mentions: list[YearMention]) -> YearMention | None:
    """The assessed year written most (weighted); the earliest on a tie."""
    totals: dict[int, float] = {}
    first: dict[int, YearMention] = {}
    for mention in mentions:
        totals[mention.year] = totals.get(mention.year, 0) + mention.weight
        first.setdefault(mention.year, mention)
    if not totals:
        return None
    best = max(totals.values())
    return min((first[y] for y, t in totals.items() if t == best), key=lambda m: (m.line, m.pos))


def clause_year(text: str, line_years: list[YearMention], s_start: int, c_end: int,
                 cand: Candidate | None, doc_year: YearMention | None) -> int | None:
    """A year printed in the score's sentence (before the number first), else the document's."""
    pos = cand.start if cand is not None else c_end
    in_sentence = [m for m in line_years if s_start <= m.pos < c_end]
    before = [m for m in in_sentence if m.pos < pos]
    if before:
        return before[-1].year
    after = [m for m in in_sentence if m.pos >= pos and m.pos < c_end]
    if after and cand is not None and not re.search(r"\d", text[cand.end:after[0].pos]):
        return after[0].year  # "scored 91.27 in the fiscal 2024 ITA", no other number between
    return doc_year.year if doc_year else None


_PASS_WORD = re.compile(r"\bpass(?:es|ed|ing)?\b", re.IGNORECASE)
_THRESHOLD_BEFORE = re.compile(
    r"(?:minimum|at\s+least|pass(?:ing)?\s+(?:mark|score|threshold)|threshold|benchmark|criteri(?:a|on)|"
    r"cut-?off)\b[^.\d;]{0,25}$", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:points?\s+)?(?:or|and)\s+(?:above|more|higher|over)\b", re.IGNORECASE)
PASSED_STATEMENT = re.compile(
    r"\b(?:failed\s+(?:to\s+pass|the|its|an?)\b|did\s+not\s+pass|didn[’']t\s+pass|not\s+pass(?:ed)?|"
    r"fell\s+short)|\b(passed)\s+(?:the|its|an?|this|last)?\s*(?:year[’']s\s+)?(?:ITA|assessment|"
    r"evaluation|test|criteria|threshold|benchmark|\d)", re.IGNORECASE)


@cache
def grade_pattern(rubric: Rubric) -> re.Pattern:
    return re.compile(
        r"\b(?:an?|the|its|with|received|earned|got|given|at)\s+[\"“‘']?(" + rubric.grade_pattern + r")[\"”’']?\s+"
        r"(?:grade|rating|level)\b|\b(?:grade|level)\s+(?:of\s+)?[\"“‘']?(" + rubric.grade_pattern + r")\b(?![\w-])")


def pass_threshold(text: str) -> float | None:
    """A printed pass rule: 'agencies need at least 85 points to pass'. None when absent or ambiguous."""
    found: set[float] = set()
    for start, end in sentences(text):
        sentence = text[start:end]
        passes = [m.start() for m in _PASS_WORD.finditer(sentence)]
        if not passes:
            continue
        best: tuple[int, float] | None = None
        for match in NUMBER.finditer(sentence):
            if match.group(2):
                continue
            before, after = sentence[:match.start()], sentence[match.end():]
            if not (_THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(after)):
                continue
            if PERCENT_AFTER.match(after):
                continue
            distance = min(abs(p - match.start()) for p in passes)
            if best is None or distance < best[0]:
                best = (distance, float(match.group(1)))
        if best is not None:
            found.add(best[1])
    return found.pop() if len(found) == 1 else None
