"""The text of one document, as lines that remember where they came from.

Every reader (plain text, HTML, DOCX, PDF) produces a Document: a list of Lines, each with the
1-based line number a person would look up in the source, and, for table rows, the cells. A cell
keeps its paragraphs / list items as separate parts so that action-plan steps survive.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    text: str  # cleaned text of the whole cell, parts joined by spaces
    parts: tuple[str, ...] = ()  # paragraphs or list items, in order; () when the cell is one run


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source (HTML: source line; DOCX: block index; PDF: text line)
    text: str  # cleaned text of the line; for a table row the cells joined by tabs
    cells: tuple[Cell, ...] | None = None  # set when the line is a table row

    @property
    def is_row(self) -> bool:
        return self.cells is not None


@dataclass
class Document:
    path: str | None  # None for text given directly
    sha256: str
    format: str  # "text", "html", "docx", "pdf"
    lines: list[Line] = field(default_factory=list)
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)  # what reading had to repair, e.g. bytes dropped

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def nonblank(self) -> list[Line]:
        return [line for line in self.lines if line.text.strip()]
