"""Rows of an analysis's tables as PDF text gives them: one line a row, cells spaced once.

"1. การปฏิบัติหน้าที่ IIT 98.60 จุดแข็ง 2 +2.80" (number, name, instrument, score, level, rank,
change), "9. การเปิดเผยข้อมูล 92.75 ผ่านเกณฑ์ คะแนน (92.75) เอกสาร…" (the agency's own analysis after
the level), "O13 OIT 50.00 จุดอ่อนเร่งด่วน" (an item). The score is the first number after the name
(and the instrument's code) and has its two decimals, as score tables print them; a second number
right after it makes the row one of a table of several years or columns, which is not read here.
The indicator's printed number and its name must agree.
"""
from __future__ import annotations

import re
from functools import cache

from ita_lib.io.document import Line
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.indicator_names import indicator_from_name
from ita_lib.parse.scan import Table, cell_score, find_tables
from ita_lib.rubric import load as load_rubric

_SCORE = r"(?P<score>\d{1,3}\.\d{2})(?![\d.%])"
_NEXT_VALUE = re.compile(r"^\s*[-+–−]?(?:\d{1,3}\.\d|[-–−](?:\s|$))")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    codes = load_rubric().instrument_pattern
    indicator = re.compile(r"^\s*(?:ตัวชี้วัดที่\s*(?P<n1>\d{1,2})\s*[.)]?|(?P<n2>\d{1,2})\s*[.)]?)\s*(?P<name>[^\d()]+?)\s+"
                           r"(?:(?:" + codes + r")\s+)?" + _SCORE + r"(?P<tail>.*)$")
    item = re.compile(r"^\s*(?:ข้อ\s*)?(?P<letter>[OoEeIi])(?P<number>\d{1,2})\s+(?:(?:" + codes + r")\s+)?"
                      + _SCORE + r"(?P<tail>.*)$")
    return indicator, item


def read_loose_indicator_rows(lines: list[Line], builder: RecordBuilder) -> int:
    """Indicator rows of text lines; how many gave a score. A table row is read as its text too: a
    row the text reader made of a PDF line under a header that does not fit it ("ตัวชี้วัด คะแนน ระดับ"
    over "1 | การปฏิบัติหน้าที่ | 93.20 | ผ่านเกณฑ์") is read nowhere else."""
    indicator_re, _ = _patterns()
    count = 0
    for line in lines:
        match = indicator_re.match(line.text.replace("\t", " "))
        if match is None or _NEXT_VALUE.match(match.group("tail")):
            continue
        number = int(match.group("n1") or match.group("n2"))
        if number not in load_rubric().indicators or indicator_from_name(match.group("name")) != number:
            continue
        builder.set_indicator(number, float(match.group("score")), line.number)
        count += 1
    return count


def first_loose_indicator_row(lines: list[Line]) -> int | None:
    """The index of the first text line that is an indicator row, or None."""
    indicator_re, _ = _patterns()
    for index, line in enumerate(lines):
        match = None if line.is_row else indicator_re.match(line.text)
        if match and not _NEXT_VALUE.match(match.group("tail")):
            number = int(match.group("n1") or match.group("n2"))
            if indicator_from_name(match.group("name")) == number:
                return index
    return None


def read_item_rows(lines: list[Line], builder: RecordBuilder) -> None:
    """Items of a table "ข้อ | แบบวัด | คะแนน | ระดับ" (rows, or text lines "O13 OIT 50.00 …")."""
    _, item_re = _patterns()
    for table in find_tables(lines):
        if _is_item_table(table):
            score = table.column("คะแนน")
            for row in table.rows:
                cells = [cell.text.strip() for cell in row.cells or ()]
                code = re.fullmatch(r"([OoEeIi])(\d{1,2})", cells[0]) if cells else None
                value = cell_score(cells[score]) if code and score is not None and score < len(cells) else None
                if value is not None:
                    builder.set_item(_item_code(code.group(1), code.group(2)), value, row.number)
    for line in lines:
        match = None if line.is_row else item_re.match(line.text)
        if match and not _NEXT_VALUE.match(match.group("tail")):
            builder.set_item(_item_code(match.group("letter"), match.group("number")), float(match.group("score")),
                             line.number)


def _is_item_table(table: Table) -> bool:
    return bool(table.columns) and table.columns[0].strip() == "ข้อ" and table.column("คะแนน") is not None


def _item_code(letter: str, number: str) -> str:
    return f"{'O' if letter in 'Oo' else letter.lower()}{int(number)}"
