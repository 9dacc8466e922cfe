"""Spreadsheets (CSV, XLSX): each row a table row of cells, so the parser reads a score sheet as it
reads a table in a page; an XLSX sheet's title is a line of its own."""
from __future__ import annotations

import io

from ita_lib.errors import DocumentReadError, EmptyDocumentError
from ita_lib.io import limits
from ita_lib.io.document import Cell, Document, Line
from ita_lib.io.limits import check_cell_count, check_line_count
from ita_lib.io.office_zip import check_office_zip
from ita_lib.text.thai import clean_cell

_CSV_DELIMITERS = ",;\t|"


def csv_document(text: str, path: str | None, sha: str, encoding: str | None,
                 notes: list[str] = ()) -> Document:
    """Each row a table row of cells (one cell: a plain line); the delimiter is sniffed."""
    import csv

    text = text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyDocumentError("empty document", path=path)
    lines = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_csv_delimiter(text[:20_000]))
    cells = 0
    for row in reader:  # streamed: the limits stop a flood of rows before it is held in memory
        lines.append(_sheet_line(reader.line_num, row[:limits.MAX_ROW_CELLS]))
        cells += len(row)
        check_line_count(len(lines), path, "rows")
        check_cell_count(cells, path)
    return Document(path=path, sha256=sha, format="csv", lines=lines, encoding=encoding, notes=list(notes))


def _csv_delimiter(head: str) -> str:
    """The delimiter most lines share with the same count (a title line above the table, which has
    none, does not confuse it as it does csv.Sniffer)."""
    from collections import Counter

    rows = [line for line in head.splitlines() if line.strip()]
    best, best_score = ",", 0
    for delimiter in _CSV_DELIMITERS:
        counts = Counter(line.count(delimiter) for line in rows if delimiter in line)
        score = counts.most_common(1)[0][1] if counts else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def xlsx_document(data: bytes, path: str | None, sha: str) -> Document:
    """Every sheet's rows as table rows, the values as they are stored (not as Excel shows them:
    a score kept as 85.32 reads 85.32 whatever the cell's number format); a line per sheet title."""
    check_office_zip(data, path, kind="XLSX")
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[Line] = []
    cells = 0
    try:
        if len(workbook.worksheets) > limits.MAX_SHEETS:
            raise DocumentReadError(f"too many sheets for an ITA workbook: {len(workbook.worksheets)} (the limit is "
                                    f"{limits.MAX_SHEETS})", path=path)
        for sheet in workbook.worksheets:
            lines.append(Line(len(lines) + 1, clean_cell(str(sheet.title))))
            # The sheet's declared size is not trusted: openpyxl pads every row to it, and a 1.6 KB
            # file can declare A1:XFD1048576. Without it, only the cells written are read.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            for row in sheet.iter_rows(values_only=True):
                lines.append(_sheet_line(len(lines) + 1, [_clean_sheet_value(v) for v in row[:limits.MAX_ROW_CELLS]],
                                         cleaned=True))
                cells += len(row)
                check_line_count(len(lines), path, "rows")
                check_cell_count(cells, path)
    finally:
        workbook.close()
    if not any(line.text.strip() for line in lines[1:]):
        raise EmptyDocumentError("a workbook without values", path=path)
    return Document(path=path, sha256=sha, format="xlsx", lines=lines)


def _clean_sheet_value(value) -> str:
    """A cell's text, cleaned; a number or date is formatted here and needs no Thai repair (a sheet
    of numbers is read ~20 times faster)."""
    return clean_cell(value) if isinstance(value, str) else _sheet_value(value)


def _sheet_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if round(value, 2) == value and not value.is_integer() else f"{value:g}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _sheet_line(number: int, values: list[str], cleaned: bool = False) -> Line:
    cells = values if cleaned else [clean_cell(v) for v in values]
    while cells and not cells[-1]:
        cells.pop()  # trailing empty columns
    if len(cells) <= 1:
        return Line(number, cells[0] if cells else "")
    return Line(number, "\t".join(cells), tuple(Cell(c) for c in cells))
