"""Shared scanning helpers: numbers, table blocks and header roles."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ita_lib.io.document import Cell, Line
from ita_lib.parse.indicator_names import indicator_from_name

# A score as printed: 0–100 with up to two decimals, not part of a longer number, a date, a
# thousands group or an item code.
SCORE_RE = re.compile(r"(?<![\d.,/])(100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)(?![\d,/]|\.\d)")
# A web page's bar chart copied as text puts block characters before the number ("█████▋ 88.15").
_CELL_SCORE = re.compile(r"^[\s\u2580-\u259f\u25a0-\u25ff]*(\d{1,3}(?:\.\d{1,2})?)\s*(?:คะแนน|%|ร้อยละ)?\s*$")


def cell_score(text: str) -> float | None:
    """The number when a cell holds only a score ("95.22", "100.00 คะแนน")."""
    match = _CELL_SCORE.match(text)
    return float(match.group(1)) if match else None


def is_number_cell(text: str) -> bool:
    return cell_score(text) is not None


@dataclass
class Table:
    header: Line
    rows: list[Line] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [cell.text for cell in self.header.cells or ()]

    def column(self, *keywords: str, exclude: tuple[str, ...] = ()) -> int | None:
        for index, name in enumerate(self.columns):
            if any(k in name for k in keywords) and not any(x in name for x in exclude):
                return index
        return None


HEADER_WORDS = ("ตัวชี้วัด", "คะแนน", "มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา", "อันดับ",
                "ลำดับ", "หน่วยงาน", "จังหวัด", "อำเภอ", "ปี", "ระดับ", "ผลการ", "โครงการ", "สถานะ",
                "รายละเอียด", "ITA", "สำนัก/กอง", "score", "year", "grade", "agency", "province",
                "rank", "indicator", "ชื่อ")


def _looks_like_header(line: Line) -> bool:
    """Short label cells, none numeric, most of them header words or indicator names."""
    cells = [c.text for c in line.cells or ()]
    if len(cells) < 2 or any(is_number_cell(text) for text in cells):
        return False
    if any(len(text) > 90 for text in cells):
        return False
    labelled = sum(1 for text in cells
                   if any(word.lower() in text.lower() for word in HEADER_WORDS)
                   or indicator_from_name(text, fuzzy=False, contained=False) is not None)
    return labelled >= max(2, (len(cells) + 1) // 2)


def _same_header(a: Line, b: Line) -> bool:
    return [c.text for c in a.cells or ()] == [c.text for c in b.cells or ()]


def per_document(func):
    """Remember the last result for the same list of lines: every parser of a document asks for
    its tables (and its year), and the list object is shared by all of them."""
    last: list = [None, None]

    def wrapper(lines):
        if last[0] is not lines:
            last[0], last[1] = lines, func(lines)
        return last[1]

    wrapper.__wrapped__ = func
    wrapper.__doc__ = func.__doc__
    return wrapper


@per_document
def find_tables(lines: list[Line]) -> list[Table]:
    """Header rows followed by data rows. A repeated header (page break) continues the same table;
    blank lines inside a table are skipped; any other text line ends it."""
    tables: list[Table] = []
    current: Table | None = None
    for line in lines:
        if not line.text.strip():
            continue
        if line.is_row:
            if current is not None and _same_header(current.header, line):
                continue
            if current is not None and len(line.cells) >= 2 and (
                    len(line.cells) == len(current.header.cells) or not _looks_like_header(line)):
                # Same width as the header: a data row, even when its cells read like labels.
                current.rows.append(line)
                continue
            if _looks_like_header(line):
                # A table split over pages repeats its header after unrelated text: join it back.
                previous = next((t for t in reversed(tables) if _same_header(t.header, line)), None)
                current = previous or Table(line)
                if previous is None:
                    tables.append(current)
                continue
            if current is not None:
                current.rows.append(line)
            elif _numbered_indicator_row(line):
                # Rows "1 | การปฏิบัติหน้าที่ | 91.52" under no header (a post's list): an indicator table.
                current = Table(Line(line.number, "\t".join(IMPLIED_HEADER), tuple(Cell(c) for c in IMPLIED_HEADER)),
                                [line])
                tables.append(current)
            continue
        current = None
    return tables


IMPLIED_HEADER = ("ลำดับ", "ตัวชี้วัด", "คะแนน")


def _numbered_indicator_row(line: Line) -> bool:
    cells = [c.text for c in line.cells or ()]
    return (len(cells) == 3 and cells[0].strip().isdigit() and is_number_cell(cells[2])
            and indicator_from_name(cells[1], fuzzy=False) is not None)


def cell(line: Line, index: int | None) -> Cell | None:
    if index is None or line.cells is None or index >= len(line.cells):
        return None
    return line.cells[index]


# PDF text has no tabs: a table row arrives as "3 การปฏิบัติหน้าที่ 93.50" and its header as
# "อันดับ ตัวชี้วัด คะแนน". Such lines are turned back into rows before tables are read.
# A bullet or an emoji may lead ("✅ 1. การปฏิบัติหน้าที่ 91.52", a social-media post).
# The number may follow the word for indicator ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 96.12").
_LOOSE_ROW = re.compile(r"^[\s\u2000-\u2bff\ufe0f\U0001f000-\U0001faff•·*>\-–]*(?:ตัวชี้วัดที่\s?)?"
                        r"(\d{1,2})\s*[.)]?\s+(\S.*?)\s+"
                        r"(\d{1,3}(?:\.\d{1,2})?)\s*$")


_ROW_START = re.compile(r"^\s*(?:ตัวชี้วัดที่\s?)?\d{1,2}\s*[.)]\s+\S")


def _loose_header(text: str) -> tuple[str, ...] | None:
    tokens = text.split()
    if not 2 <= len(tokens) <= 8:
        return None
    if all(any(word in token for word in HEADER_WORDS) for token in tokens):
        return tuple(tokens)
    return None


def _loose_row(text: str) -> tuple[str, ...] | None:
    match = _LOOSE_ROW.match(text)
    if match and indicator_from_name(match.group(2)) is not None:
        return match.groups()
    return None


def promote_loose_rows(lines: list[Line]) -> list[Line]:
    """Lines that are a table's header or rows written with spaces become row Lines."""
    out = list(lines)
    following = None  # the index of the next non-blank line after each line: found walking backwards, once
    next_text: list[int | None] = [None] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        next_text[index] = following
        if lines[index].text.strip():
            following = index
    for index, line in enumerate(lines):
        if line.is_row or not line.text.strip() or not out[index].text.strip():
            continue
        cells = _loose_row(line.text)
        following_at = next_text[index]
        following = lines[following_at] if following_at is not None else None
        if cells is None and following is not None and not following.is_row and _ROW_START.match(line.text) \
                and not _ROW_START.match(following.text):
            # "4. การใช้ทรัพย์สิน" / "ของราชการ 88.15": a row whose name a PDF wrapped
            cells = _loose_row(line.text.rstrip() + following.text.lstrip())
            if cells is not None:
                out[following_at] = Line(following.number, "")
        if cells is None:
            header = _loose_header(line.text)
            if header and following is not None and not following.is_row and (
                    _loose_row(following.text) or _ROW_START.match(following.text)):
                # "ตัวชี้วัด คะแนน" over rows "1 การปฏิบัติหน้าที่ 91.80": the rows' number has no heading
                cells = header if len(header) >= 3 else (IMPLIED_HEADER[0], *header)
        if cells is not None:
            out[index] = Line(line.number, "\t".join(cells), tuple(Cell(c) for c in cells))
    return out
