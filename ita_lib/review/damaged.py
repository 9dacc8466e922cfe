"""Spans of the agency's own text that look damaged (Latin letters inside a Thai word, a Thai
consonant standing alone: PDF extraction's marks that no repair can undo), for the review file to
show. They do not keep a report a draft: the agency corrects its document or lets them stand."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ita_lib.analysis import AgencyAnalysis
from ita_lib.text.repair import damaged_spans, latin_inside_thai

CONTEXT = 12  # characters shown on each side of a damaged span
MOST = 20  # spans listed in one review file


@dataclass(frozen=True)
class Damaged:
    where: str  # what the text is, in Thai: "ผลการวิเคราะห์ ตัวชี้วัดที่ 1"
    excerpt: str  # the span with a little of its text around it


def _texts(a: AgencyAnalysis):
    """(where, text) of the agency's own words the report prints: its analysis, measures and steps,
    and its account of its limitations."""
    year = a.latest_year
    actions = a.actions[a.actions["fiscal_year"] == year] if len(a.actions) else a.actions
    for row in actions.itertuples(index=False):
        where = f"ตัวชี้วัดที่ {row.indicator}" if row.indicator is not None else (row.topic or "")
        for label, text in (("ผลการวิเคราะห์", row.analysis), ("มาตรการ", row.measure), ("ขั้นตอน", row.steps)):
            if isinstance(text, str):
                yield f"{label} {where}".strip(), text
    for row in a.limitations.itertuples(index=False):
        if row.fiscal_year == year:
            yield "ข้อจำกัดของหน่วยงาน", row.text


def _latin_letters(text: str):
    """The Latin letters of each word latin_inside_thai flags, not the whole run around them."""
    for start, end, word in latin_inside_thai(text):
        letters = re.search(r"[A-Za-z]+", word)
        if letters:
            yield start + letters.start(), start + letters.end(), letters.group()


def _excerpt(text: str, start: int, end: int) -> str:
    """The span with CONTEXT characters each side, never cut inside a character's marks (่ ั ี)."""
    first, last = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    while first > 0 and unicodedata.category(text[first]) == "Mn":
        first -= 1
    while last < len(text) and unicodedata.category(text[last]) == "Mn":
        last += 1
    return " ".join(text[first:last].split())


def damaged_texts(a: AgencyAnalysis) -> list[Damaged]:
    found: list[Damaged] = []
    for where, text in _texts(a):
        for start, end, _ in sorted({*_latin_letters(text), *damaged_spans(text)}):
            excerpt = _excerpt(text, start, end)
            found.append(Damaged(where, excerpt))
            if len(found) == MOST:
                return found
    return found
