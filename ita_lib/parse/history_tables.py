"""Tables of an agency's results year by year inside a document about one year ("ผลการประเมินรายปี":
years as columns, a row for the overall, the result, each instrument and indicator).

Such a table repeats the earlier years beside the assessed one; an analysis that carries one may
have filled it with values it computed (an instrument as the mean of its indicators) without
saying so in the table, so its rows are history, not results read from this document. The
header is a row of two or more years ("2564 | 2566 | 2568", "ปี 2563 ปี 2565"); the rows follow it:
table rows, or in PDF text lines that end in one value a year ("แบบวัด IIT 92.26 91.41 90.22",
"- - 84.25 87.63"), with the labels a PDF wrapped ("4. การใช้ทรัพย์สินของ" / "ราชการ" / "90.75 90.20 89.40")
and the running header and page number of a page break between them. A table of years as rows
("ปีงบประมาณ | IIT | EIT | OIT | ITA" over "2566 | …") is such a table too.
"""
from __future__ import annotations

import re

from ita_lib.io.document import Line

_YEAR = re.compile(r"^(?:ปี(?:งบประมาณ)?\s*)?(?:พ\.\s?ศ\.\s*)?(25\d\d)$")
_YEAR_WORDS = re.compile(r"(?:ปีงบประมาณ|ปี|พ\.\s?ศ\.)\s*(?=25\d\d)")
_VALUE = re.compile(r"^(?:[-+–−]?\d{1,3}(?:\.\d{1,2})?|[-–−])$")
_DECIMAL = re.compile(r"\d\.\d")
_PAGE = re.compile(r"^(?:หน้า|page)\s*\d+\s*(?:/|จาก|of)\s*\d+$|^-\s?\d+\s?-$", re.IGNORECASE)
_ROWS_NEEDED = 2  # rows of values under a header of years: a legend of chart tabs has none
_LABEL_LENGTH = 60  # a wrapped label or a caption between rows; a longer line is text after the table
_BETWEEN = 30  # lines without values between two rows (a row of eras a PDF wrapped a cell a line)
_YEARS = re.compile(r"(?<!\d)25\d\d(?!\d)")


def _years_of(cells: list[str]) -> list[int] | None:
    """The years a header names, in order, when it names nothing else (an empty corner cell and a
    label such as "ตัวชี้วัด" or "รายการ" aside); None for any other line."""
    years = []
    for cell in cells:
        cell = cell.strip()
        match = _YEAR.match(cell)
        if match:
            years.append(int(match.group(1)))
        elif cell and (years or len(cell) > 20 or re.search(r"\d", cell)):
            return None  # a word after the years, or a long or numbered first cell: no header of years
    return years if len(set(years)) >= 2 and years == sorted(years) else None


def year_header(line: Line) -> list[int] | None:
    if line.is_row:
        return _years_of([cell.text for cell in line.cells])
    tokens = _YEAR_WORDS.sub("", line.text).split()
    return _years_of(tokens)


def _trailing_values(text: str) -> int:
    count = 0
    for token in reversed(text.split()):
        if not _VALUE.match(token):
            break
        count += 1
    return count


def history_lines(lines: list[Line]) -> set[int]:
    """The indices of every line of the document's tables of years (headers and rows)."""
    found: set[int] = set()
    index = 0
    while index < len(lines):
        header = year_header(lines[index]) if lines[index].text.strip() else None
        if header is None:
            index += 1
            continue
        taken = _rows_under(lines, index, len(header))
        if taken:
            found.update(range(index, taken[-1] + 1))
            index = taken[-1] + 1
        else:
            index += 1
    return found | _years_as_rows(lines)


def _rows_under(lines: list[Line], header: int, years: int) -> list[int]:
    """The indices of the lines of the table under a header of `years` years; [] when fewer than
    two rows of values follow it."""
    valued: list[int] = []  # lines with a value for (nearly) every year
    between = 0  # lines since the last of them
    is_row = lines[header].is_row
    for at in range(header + 1, len(lines)):
        line = lines[at]
        text = line.text.strip()
        if not text:
            continue
        if is_row:  # a table: its rows, up to the first line of text
            if not line.is_row:
                break
            valued.append(at)
            continue
        values = _trailing_values(text)  # a loose row may have been made a row: read as the PDF wrote it
        if values >= min(years, 2):
            valued.append(at)
            between = 0
        elif between < _BETWEEN and (_PAGE.match(text) or not _DECIMAL.search(text) and (
                len(text) <= _LABEL_LENGTH or len(set(_YEARS.findall(text))) >= 2)):
            between += 1  # a wrapped label, a row of results or of eras, a page break inside the table
        else:
            break
    rows_with_values = sum(1 for at in valued if lines[at].is_row or _trailing_values(lines[at].text) >= 2)
    if rows_with_values < _ROWS_NEEDED:
        return []
    return valued


def _years_as_rows(lines: list[Line]) -> set[int]:
    """A table whose header starts with the year ("ปีงบประมาณ | ITA | ระดับ") and whose rows start with
    one ("2566 | 91.40 | ผ่าน"): two or more of them."""
    found: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        first = line.cells[0].text.strip() if line.is_row and line.cells else ""
        if not (first.startswith("ปี") or first.startswith("พ.ศ.")) or _YEAR.match(first):
            index += 1
            continue
        rows = []
        for at in range(index + 1, len(lines)):
            row = lines[at]
            if not row.text.strip():
                continue
            if not row.is_row or not row.cells or not _YEAR.match(row.cells[0].text.strip()):
                break
            rows.append(at)
        if len(rows) >= _ROWS_NEEDED:
            found.update(range(index, rows[-1] + 1))
            index = rows[-1] + 1
        else:
            index += 1
    return found
