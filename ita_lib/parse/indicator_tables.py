"""Indicator score tables (ranked or numbered) and item scores (O13, e2, i5)."""
from __future__ import annotations

import re

from ita_lib.io.document import Line
from ita_lib.parse.indicator_names import indicator_from_name, indicator_number_prefix
from ita_lib.rubric import load as load_rubric
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.scan import Table, cell_score, find_tables


def is_ranked(table: Table) -> bool:
    return table.column("อันดับ") is not None


def is_indicator_table(table: Table) -> bool:
    """'อันดับ | ตัวชี้วัด | คะแนน' or 'ตัวชี้วัด | (รายละเอียด) | คะแนน (| สถานะ)'; not action plans."""
    if table.column("ตัวชี้วัด") is None or table.column("คะแนน") is None:
        return False
    return table.column("ขั้นตอน", "มาตรการ", "โครงการ") is None


def read_indicator_table(table: Table, builder: RecordBuilder) -> int:
    """Store the table's indicator scores; returns how many rows gave one."""
    ranked = is_ranked(table)
    score_col = table.column("คะแนน")
    name_col = table.column("รายละเอียด", "ชื่อตัวชี้วัด")
    indicator_col = table.column("ตัวชี้วัด")
    count = 0
    for row in table.rows:
        cells = row.cells or ()
        if score_col is None or score_col >= len(cells):
            continue
        score = cell_score(cells[score_col].text)
        if score is None:
            continue
        label = cells[name_col].text if name_col is not None and name_col < len(cells) else (
            cells[indicator_col].text if indicator_col is not None and indicator_col < len(cells) else "")
        by_name = indicator_from_name(label)
        if ranked:
            # Ranked tables print a rank, not the indicator number: the name decides.
            number = by_name
            if number is None:
                builder.warn("unknown_indicator", f"no indicator is called '{label}'", row.number)
                continue
        else:
            printed = indicator_number_prefix(cells[indicator_col].text) if indicator_col is not None else None
            if printed is None and indicator_col != 0:
                printed = indicator_number_prefix(cells[0].text)
            number = printed or by_name
            if number is None:
                builder.warn("unknown_indicator", f"no indicator number or known name in '{label}'",
                             row.number)
                continue
            if printed and by_name and by_name != printed:
                builder.warn("indicator_name_mismatch",
                             f"indicator {printed} is printed as '{_name_part(label)}', which is the name of "
                             f"indicator {by_name}; kept the printed number", row.number)
            elif printed and by_name is None and _name_part(label):
                builder.warn("indicator_name_mismatch",
                             f"indicator {printed} is printed as '{_name_part(label)}' "
                             f"(expected {load_rubric().indicators[printed].name}); kept the printed number",
                             row.number)
        builder.set_indicator(number, score, row.number)
        count += 1
    return count


def _name_part(label: str) -> str:
    return re.sub(r"^\s*(?:ตัวชี้วัดที่|ตัวชี้วัด)?\s*\d{1,2}\s*[.)]?\s*", "", label).strip()


def read_indicator_tables(lines: list[Line], builder: RecordBuilder) -> int:
    return sum(read_indicator_table(t, builder) for t in find_tables(lines) if is_indicator_table(t))


# Items: "ข้อ o13 ได้คะแนน 50", "ยกเว้นข้อ ๐๑๓ ได้คะแนน ๕๐" (a Thai zero stands for the letter O,
# so after digit conversion "013"), "O13 = 50". A range "ข้อ 01-020" is not an item score.
_ITEM_SCORE = re.compile(
    r"(?:ข้อ\s*)?(?<![\w.])([OoEeIi]|0)(\d{1,2})(?![\d\-–])\.?\s*"
    r"(?:(?:[^\da-zA-Z\n:=]{0,40}?ได้)?คะแนน|=|:)\s*(?:เท่ากับ\s*)?"
    r"(\d{1,3}(?:\.\d{1,2})?)(?![\d.])")


def read_item_scores(lines: list[Line], builder: RecordBuilder) -> None:
    for line in lines:
        for match in _ITEM_SCORE.finditer(line.text):
            letter, number, score = match.groups()
            if letter == "0" and not line.text[max(0, match.start() - 4):match.start() + 4].count("ข้อ"):
                continue  # a bare "013" is only an item code right after ข้อ
            prefix = "O" if letter in "0Oo" else letter.lower()
            builder.set_item(f"{prefix}{int(number)}", float(score), line.number)
