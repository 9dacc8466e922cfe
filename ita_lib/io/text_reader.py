"""Plain text: each line a Line; a tab-separated line a table row whose cells may hold HTML
fragments (<p>, <ul><li>) kept as parts."""
from __future__ import annotations

from ita_lib.errors import EmptyDocumentError
from ita_lib.io.decode import RE_NEWLINE
from ita_lib.io.document import Cell, Document, Line
from ita_lib.io.limits import check_line_count
from ita_lib.io.pipe_tables import pipe_rows
from ita_lib.text.fragments import html_fragment_parts
from ita_lib.text.thai import clean_text


def text_document(text: str, path: str | None, sha: str, encoding: str | None,
                  notes: list[str] = ()) -> Document:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyDocumentError("empty document", path=path)
    check_line_count(len(RE_NEWLINE.findall(text)), path)  # counted before any line is built
    physical = RE_NEWLINE.split(text)
    if physical and physical[-1] == "":
        physical.pop()  # the final newline ends the last line, it does not start a new one
    # Clean every line without markup in one pass (much faster than cell by cell); lines with
    # HTML fragments go through the fragment reader so list items survive as parts.
    cleaned = clean_text("\n".join(physical)).split("\n")
    lines = [_text_line(i, raw, clean) for i, (raw, clean) in enumerate(zip(physical, cleaned), start=1)]
    if "|" in text:
        lines = pipe_rows(lines)
    return Document(path=path, sha256=sha, format="text", lines=lines, encoding=encoding, notes=list(notes))


def _text_line(number: int, raw: str, clean: str) -> Line:
    has_markup = "<" in raw or "&" in raw  # tags or entities: the fragment reader handles both
    if "\t" in raw:  # a table row: cells may hold HTML fragments (<p>, <ul><li>)
        if has_markup:
            cells = tuple(Cell(*html_fragment_parts(c)) for c in raw.split("\t"))
        else:
            cells = tuple(Cell(text) for text in clean.split("\t"))
        return Line(number, "\t".join(c.text for c in cells), cells)
    # A lone fragment outside a table still must not leak markup into Line.text.
    return Line(number, html_fragment_parts(raw)[0] if has_markup else clean)

