"""Indicator score tables (ranked or numbered) and item scores (O13, e2, i5)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ita_lib.io.document import Line
from ita_lib.parse.indicator_names import indicator_from_name, indicator_number_prefix
from ita_lib.rubric import load as load_rubric
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.scan import Table, cell_score, find_tables
from ita_lib.parse.years import assessed_fiscal_year


def is_ranked(table: Table) -> bool:
    return table.column("อันดับ") is not None


def is_indicator_table(table: Table) -> bool:
    """'อันดับ | ตัวชี้วัด | คะแนน' or 'ตัวชี้วัด | (รายละเอียด) | คะแนน (| สถานะ)'; not action plans."""
    if table.column("ตัวชี้วัด") is None or table.column("คะแนน") is None:
        return False
    return table.column("ขั้นตอน", "มาตรการ", "โครงการ") is None


def read_indicator_table(table: Table, builder: RecordBuilder, year: int | None = None) -> int:
    """Store the table's indicator scores; returns how many rows gave one.

    A row's printed number and its name must agree. When two or more rows name another indicator than
    their number, the numbers are an order (a table sorted by score) and the names decide; when one row
    does, that row's score is nobody's for sure and is left out with a warning naming both."""
    score_col = table.score_column(year, "คะแนน")  # "คะแนนปี 2567 | คะแนนปี 2568": the assessed year's
    rows = [row for row in (_read_row(table, row, score_col) for row in table.rows) if row is not None]
    disagreeing = [row for row in rows if row.printed and row.by_name and row.printed != row.by_name]
    by_name = is_ranked(table) or len(disagreeing) >= 2
    if disagreeing and not is_ranked(table) and by_name:
        builder.warn("indicator_name_mismatch", f"{len(disagreeing)} rows name another indicator than their "
                     "number: the numbers are an order, read by name", disagreeing[0].line)
    count = 0
    for row in rows:
        if by_name:  # ranked tables print a rank, not the indicator number
            number = row.by_name
            if number is None:
                builder.warn("unknown_indicator", f"no indicator is called '{row.label}'", row.line)
                continue
        else:
            number = row.printed or row.by_name
            if number is None:
                builder.warn("unknown_indicator", f"no indicator number or known name in '{row.label}'", row.line)
                continue
            if row.printed and row.by_name and row.by_name != row.printed:
                builder.warn("indicator_name_mismatch",
                             f"indicator {row.printed} is printed as '{_name_part(row.label)}', which is the name of "
                             f"indicator {row.by_name}; its score {row.score:.2f} is left out", row.line)
                continue
            if row.printed and row.by_name is None and _name_part(row.label):
                builder.warn("indicator_name_mismatch",
                             f"indicator {row.printed} is printed as '{_name_part(row.label)}' "
                             f"(expected {load_rubric().indicators[row.printed].name}); kept the printed number",
                             row.line)
        builder.set_indicator(number, row.score, row.line)
        count += 1
    return count


@dataclass(frozen=True)
class _Row:
    line: int
    score: float
    label: str
    printed: int | None  # the number printed in the row
    by_name: int | None  # the indicator its name denotes


def _read_row(table: Table, row: Line, score_col: int | None) -> _Row | None:
    name_col = table.column("รายละเอียด", "ชื่อตัวชี้วัด")
    indicator_col = table.column("ตัวชี้วัด")
    cells = row.cells or ()
    if score_col is None or score_col >= len(cells):
        return None
    score = cell_score(cells[score_col].text)
    if score is None:
        return None
    label = cells[name_col].text if name_col is not None and name_col < len(cells) else (
        cells[indicator_col].text if indicator_col is not None and indicator_col < len(cells) else "")
    printed = None
    if not is_ranked(table):
        printed = indicator_number_prefix(cells[indicator_col].text) if indicator_col is not None else None
        if printed is None and indicator_col != 0:
            printed = indicator_number_prefix(cells[0].text)
    return _Row(row.number, score, label, printed, indicator_from_name(label))


def _name_part(label: str) -> str:
    return re.sub(r"^\s*(?:ตัวชี้วัดที่|ตัวชี้วัด)?\s*\d{1,2}\s*[.)]?\s*", "", label).strip()


def read_indicator_tables(lines: list[Line], builder: RecordBuilder) -> int:
    year = assessed_fiscal_year(lines)
    return sum(read_indicator_table(t, builder, year) for t in find_tables(lines) if is_indicator_table(t))


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
