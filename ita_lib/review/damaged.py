"""Spans of the agency's own text that look damaged (Latin letters inside a Thai word, a Thai
consonant standing alone: PDF extraction's marks that no repair can undo), for the review file to
show. They do not keep a report a draft: the agency writes what it meant (the review file's
`corrections:`, applied by analysis.corrections) or lets them stand."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pythainlp.util import arabic_digit_to_thai_digit

from ita_lib.analysis import AgencyAnalysis
from ita_lib.text.repair import damaged_spans, latin_inside_thai

CONTEXT = 12  # characters shown on each side of a damaged span
MOST = 20  # spans listed in one review file
LONGEST_WRITTEN = 60  # characters of a span to correct; a longer word is cut around its damage


@dataclass(frozen=True)
class Damaged:
    where: str  # what the text is, in Thai: "ผลการวิเคราะห์ ตัวชี้วัดที่ 1"
    excerpt: str  # the span with a little of its text around it
    written: str  # the text to correct as the document has it: whole pieces, one more on each side


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


def _piece_start(text: str, at: int) -> int:
    return text.rfind(" ", 0, at) + 1


def _piece_end(text: str, at: int) -> int:
    found = text.find(" ", at)
    return len(text) if found < 0 else found


def _written(text: str, start: int, end: int, neighbours: bool) -> str:
    """The span to correct, its pieces whole; with `neighbours` the piece before and after it too (the
    damage of "ประ พ ลุ ต มิ ขอบ" leaves "ขอบ" whole, yet it is part of the word). A span longer than
    LONGEST_WRITTEN characters (Thai runs unspaced) is cut as the excerpt is."""
    first, last = _piece_start(text, start), _piece_end(text, end)
    if neighbours:
        first = _piece_start(text, first - 1) if first > 0 else first
        last = _piece_end(text, last + 1) if last < len(text) else last
    written = text[first:last].strip()
    return written if len(written) <= LONGEST_WRITTEN else _whole_words_around(text, first, last, start, end)


def _whole_words_around(text: str, first: int, last: int, start: int, end: int) -> str:
    """Of the long unspaced run text[first:last], the words within CONTEXT characters of the damage,
    cut between words (word segmentation), never inside one ("ดังก|ล่าว")."""
    from pythainlp.tokenize import word_tokenize

    kept, at = [], first
    for word in word_tokenize(text[first:last], engine="newmm", keep_whitespace=True):
        if at + len(word) > start - CONTEXT and at < end + CONTEXT:
            kept.append(word)
        at += len(word)
    return "".join(kept).strip()


def _score_mismatches(a: AgencyAnalysis):
    """(where, text, start, end) of a score the agency's analysis of an indicator prints that is not
    the score the report uses (a value the agency settled otherwise in review, or the document's
    other table): the reader would see two scores for one indicator."""
    year = a.latest_year
    if year is None or a.actions.empty:
        return
    chosen = a.scores[(a.scores["fiscal_year"] == year) & (a.scores["scope"] == "indicator")]
    used = {int(row.indicator): float(row.score) for row in chosen.itertuples(index=False)}
    actions = a.actions[a.actions["fiscal_year"] == year]
    for row in actions.itertuples(index=False):
        if row.indicator is None or row.score is None or row.score != row.score:
            continue
        score = used.get(int(row.indicator))
        if score is None or abs(score - float(row.score)) < 0.005:
            continue
        printed = f"{float(row.score):.2f}"
        pattern = re.compile(rf"(?<![0-9๐-๙.])(?:{re.escape(printed)}|{re.escape(arabic_digit_to_thai_digit(printed))})"
                             r"(?![0-9๐-๙])")
        for label, text in (("ผลการวิเคราะห์", row.analysis), ("มาตรการ", row.measure)):
            found = pattern.search(text) if isinstance(text, str) else None
            if found:
                where = (f"{label} ตัวชี้วัดที่ {row.indicator}: คะแนนในข้อความไม่ตรงกับคะแนนที่รายงานใช้ "
                         f"({score:.2f})")
                yield where, text, found.start(), found.end()
                break


def _score_span(text: str, start: int, end: int) -> str:
    """The score's piece, with the word before it when that word says it is a score ("คะแนน (89.78)")."""
    first, last = _piece_start(text, start), _piece_end(text, end)
    before = _piece_start(text, first - 1) if first > 0 else first
    if "คะแนน" in text[before:first]:
        first = before
    return text[first:last].strip()


def damaged_texts(a: AgencyAnalysis) -> list[Damaged]:
    """The damaged spans of the latest year's own words, each span once, in the order printed."""
    found: list[Damaged] = []
    seen: set[str] = set()
    for where, text in _texts(a):
        spans = {(start, end, False) for start, end, _ in _latin_letters(text)}
        spans |= {(start, end, True) for start, end, _ in damaged_spans(text)}
        for start, end, neighbours in sorted(spans):
            written = _written(text, start, end, neighbours)
            if written in seen or not written:
                continue
            seen.add(written)
            found.append(Damaged(where, _excerpt(text, start, end), written))
            if len(found) == MOST:
                return found
    for where, text, start, end in _score_mismatches(a):
        written = _score_span(text, start, end)
        if written not in seen and len(found) < MOST:
            seen.add(written)
            found.append(Damaged(where, _excerpt(text, start, end), written))
    return found
