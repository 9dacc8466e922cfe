"""A DOCX: body paragraphs and table rows in document order (merged cells read once, content
controls opened), after the zip checks of office_zip."""
from __future__ import annotations

import io
import zipfile

from ita_lib.errors import DocumentReadError, EmptyDocumentError, ItaError
from ita_lib.io.document import Cell, Document, Line
from ita_lib.io.limits import check_line_count, short_reason
from ita_lib.io.office_zip import check_office_zip
from ita_lib.text.thai import clean_cell


def docx_document(data: bytes, path: str | None, sha: str) -> Document:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            check_office_zip(data, path)
            d = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
            raise DocumentReadError(f"not a valid DOCX file ({short_reason(exc)})", path=path) from None
    except ItaError:
        raise
    except Exception as exc:
        raise DocumentReadError(f"corrupt DOCX: {short_reason(exc)}", path=path) from exc

    lines: list[Line] = []
    for block in _docx_blocks(d.element.body):
        check_line_count(len(lines), path, "paragraphs and rows")
        if isinstance(block, list):  # a table row: list of cell parts
            cells = tuple(_docx_cell(parts) for parts in block)
            lines.append(Line(len(lines) + 1, "\t".join(c.text for c in cells), cells))
        else:
            lines.append(Line(len(lines) + 1, clean_cell(block)))
    if not any(line.text for line in lines):
        raise EmptyDocumentError("empty document", path=path)
    return Document(path=path, sha256=sha, format="docx", lines=lines)



def _docx_cell(parts: list[str]) -> Cell:
    cleaned = tuple(p for p in (clean_cell(x) for x in parts) if p)
    return Cell(" ".join(cleaned), cleaned if len(cleaned) > 1 else ())


def _docx_blocks(body):
    """Body paragraphs (as str) and table rows (as list of cell part-lists), in document order."""
    from docx.oxml.ns import qn

    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield _para_text(child)
        elif child.tag == qn("w:tbl"):
            for tr in child.iterchildren(qn("w:tr")):
                yield _docx_row(tr)
        elif child.tag == qn("w:sdt"):  # content control: its content holds normal blocks
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _docx_blocks(content)


def _para_text(p) -> str:
    # Every w:t under the paragraph (runs, hyperlinks, fields); tabs and breaks become spaces
    # so a paragraph never looks like a tab-separated row.
    from docx.oxml.ns import qn

    out: list[str] = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        out.append(el.text or "" if el.tag == qn("w:t") else " ")
    return "".join(out)


def _docx_row(tr) -> list[list[str]]:
    """Cells of one row; a horizontally merged cell (gridSpan) appears once, a vertically merged
    one (vMerge continue) carries the text of the cell it continues."""
    from docx.oxml.ns import qn

    row: list[list[str]] = []
    for tc in tr.iterchildren(qn("w:tc")):
        hmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:hMerge')}")
        if hmerge is not None and hmerge.get(qn("w:val"), "continue") == "continue":
            continue  # legacy horizontal merge: the text sits in the first cell only
        src = tc
        try:
            while src.vMerge == "continue":
                src = src._tc_above
        except (ValueError, IndexError, AttributeError):
            src = tc  # vMerge with no cell above it (malformed): keep what is there
        row.append(_tc_parts(src))
    return row


def _tc_parts(tc) -> list[str]:
    from docx.oxml.ns import qn

    parts: list[str] = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            parts.append(_para_text(child))
        elif child.tag == qn("w:tbl"):  # nested table: each row becomes one part
            for tr in child.iterchildren(qn("w:tr")):
                parts.append(" ".join(" ".join(cell) for cell in _docx_row(tr)))
    return parts

