"""Word tables that fit the page: columns sized to their text within the text width (numbers on one
line, Thai text wrapping between words), rows kept on one page unless taller than half of it, the
header row repeated on every page."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ita_lib.report.word_style import TEXT_WIDTH, child_element

THAI = re.compile(r"[\u0e01-\u0e4f]")  # Thai letters (Thai digits break like numbers)


@dataclass(frozen=True)
class GridCell:
    """What sizing needs of a cell: its text, its paragraphs, whether it is a header, whether the
    page keeps it on one line (numbers and levels)."""

    text: str
    paragraphs: tuple[str, ...]
    header: bool = False
    one_line: bool = False


def column_widths(grid: list[list[GridCell]], columns: int, total: int) -> list[int]:
    """Column widths (EMU) summing to `total`, between each column's narrowest (its longest word,
    or all of a number) and its natural width (its longest text on one line): numbers never wrap,
    text columns wrap as much as the page needs. Numbers and levels (one_line) count as numbers."""
    natural, narrowest, numeric = [0] * columns, [0] * columns, [True] * columns
    for cells in grid:
        for column, cell in enumerate(cells):
            text = cell.text
            # a header wraps between its words, never inside one ("อันดั|บ")
            length = max(min(_visible_length(text), 6), _longest_word(text) + WORD_SLACK) if cell.header \
                else min(_visible_length(text), 80)
            if not cell.header:
                numeric[column] &= cell.one_line
            number = not cell.header and cell.one_line
            natural[column] = max(natural[column], _number_width(length) if number else _text_width(length))
            narrowest[column] = max(narrowest[column], _text_width(_longest_word(text) + WORD_SLACK))
    narrowest = [natural[c] if numeric[c] else min(narrowest[c], natural[c]) for c in range(columns)]
    spare = total - sum(natural)
    if spare >= 0:  # everything fits on one line: the text columns take the rest
        text = [c for c in range(columns) if not numeric[c]] or list(range(columns))
        weight = sum(natural[c] for c in text)
        return [natural[c] + (int(spare * natural[c] / weight) if c in text else 0) for c in range(columns)]
    if sum(narrowest) >= total:  # not even the longest words fit: everything shrinks alike
        return [int(width * total / sum(narrowest)) for width in narrowest]
    # Too long for one line: share the width by natural width, and give a column whose share is
    # narrower than its longest word that word's width, from the others' shares.
    floored: set[int] = set()
    while True:
        room = total - sum(narrowest[c] for c in floored)
        weight = sum(natural[c] for c in range(columns) if c not in floored)
        widths = [narrowest[c] if c in floored else int(room * natural[c] / weight) for c in range(columns)]
        short = {c for c in range(columns) if c not in floored and widths[c] < narrowest[c]}
        if not short:
            return widths
        floored |= short


WORD_SLACK = 1  # a character's width more than a word's estimate: bold and wide letters must not break it
LINE_HEIGHT = Cm(0.62)  # a line of 15 pt table text
KEEP_ROW_HEIGHT = Cm(10)  # rows taller than this may split across pages (the text area is 24.7 cm)


def _text_width(characters: int) -> int:
    """About how wide a line of `characters` is at 15 pt in TH Sarabun New (0.3 cm a character, measured
    on its TLWG twin Laksaman), with the cell margins."""
    return int(Cm(0.45 + 0.3 * max(characters, 2)))


def _number_width(characters: int) -> int:
    """A number or level on one line: Thai digits are wider than the average letter (๑๐๐.๐๐ is 1.9 cm
    at 15 pt in Laksaman, 100.00 1.6 cm), and the cell's own margins come on top."""
    return int(Cm(0.55 + 0.34 * max(characters, 2)))


def _longest_word(text: str) -> int:
    """The longest stretch a line cannot break: Word and LibreOffice break Thai between dictionary
    words (a word segmentation finds them: "เปลี่ยนแปลง" is one), other text only at spaces (numbers,
    file names; counted up to 12)."""
    longest = 0
    for chunk in text.split():
        if THAI.search(chunk):
            longest = max(longest, max(map(_visible_length, _thai_words(chunk)), default=0))
        else:
            longest = max(longest, min(_visible_length(chunk), 12))
    return longest


@lru_cache(maxsize=4096)
def _thai_words(chunk: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize  # local: loads its dictionary on first use only

    return tuple(word_tokenize(chunk, engine="newmm", keep_whitespace=False))


def _visible_length(text: str) -> int:
    return sum(1 for char in text if unicodedata.category(char) not in ("Mn", "Me", "Cf"))


def fix_layout(table, widths: list[int]) -> None:
    """Fixed layout with the grid and table widths set: Word and LibreOffice both keep the table
    inside the margins instead of growing it to its longest line."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(int(width / 635)))  # EMU → twentieths of a point
    tblw = child_element(table._tbl.tblPr, "w:tblW")
    tblw.set(qn("w:w"), str(int(sum(widths) / 635)))
    tblw.set(qn("w:type"), "dxa")


def row_height(cells: list[GridCell], widths: list[int]) -> int:
    """About how tall a row is (EMU): its tallest cell's lines at the table text's line height."""
    def lines(cell: GridCell, width: int) -> int:
        per_line = max(1, int((width - Cm(0.45)) / Cm(0.3)))
        paragraphs = [p for p in cell.paragraphs if p.strip()] or [""]
        return sum(-(-_visible_length(p) // per_line) or 1 for p in paragraphs)
    return max((lines(cell, width) for cell, width in zip(cells, widths)), default=1) * LINE_HEIGHT


def row_flags(row, *, header: bool, keep: bool = True) -> None:
    """Rows do not split across pages (as the PDF's tr break-inside: avoid) unless `keep` is false:
    a row taller than KEEP_ROW_HEIGHT may split, since a row that cannot split and is taller than
    a page is cut off at the page's foot in LibreOffice. A header row repeats on every page."""
    trpr = row._tr.get_or_add_trPr()
    if keep or header:
        child_element(trpr, "w:cantSplit")
    if header:
        child_element(trpr, "w:tblHeader")


def shade(cell, fill: str) -> None:
    shading = child_element(cell._tc.get_or_add_tcPr(), "w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shading.set(qn(f"w:{key}"), value)


def separate(container) -> None:
    """An empty paragraph between two tables in a row, which Word would otherwise join into one."""
    if last_block(container) == qn("w:tbl"):
        container.add_paragraph().paragraph_format.space_after = Pt(0)


def last_block(container) -> str | None:
    """The tag of the last paragraph or table in the container (the body ends with its sectPr)."""
    for child in _element_of(container).iterchildren(reversed=True):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            return child.tag
    return None


def _element_of(container):
    return container._tc if in_cell(container) else container.element.body


def in_cell(container) -> bool:
    return hasattr(container, "_tc")


def cell_width(container) -> int:
    """The width text can take: the page's text width, or a cell's width less its margins."""
    if in_cell(container) and container.width:
        return max(int(container.width) - int(Cm(0.4)), int(Cm(1)))
    return int(TEXT_WIDTH)
