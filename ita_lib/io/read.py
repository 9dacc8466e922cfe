"""Read a document (text, HTML, DOCX, PDF, or a spreadsheet: CSV, XLSX) into a
:class:`~ita_lib.io.document.Document`.

Format: by file extension (SUPPORTED_SUFFIXES, the one list of what can be read); an unknown
extension (or bytes without a name) is sniffed: ``%PDF`` -> PDF, a zip holding
``word/document.xml`` -> DOCX and ``xl/workbook.xml`` -> XLSX, ``<html``/``<!doctype html`` -> HTML,
otherwise text if it decodes. Spreadsheet rows become table rows (cells), so the table readers of
the parser read a score sheet as they read a table in a page; an XLSX sheet's title is a line of its own.

Text decoding, in this order (first match wins), recorded on ``Document.encoding``:
  1. a BOM: UTF-32 (checked before UTF-16, whose BOM is a prefix of UTF-32-LE's), UTF-8, UTF-16;
  2. UTF-16 without BOM, seen from the byte pattern: one byte of every pair is almost always
     0x00 (ASCII) or 0x0E (Thai block);
  3. UTF-8, also when a few bytes are damaged (a stray byte, a last character cut off, a NUL):
     when at most 1 % of the bytes are bad and valid multi-byte characters outnumber them 20 to 1,
     the bad bytes are dropped (not turned into U+FFFD, which clean-up would "repair" into the Thai
     vowel ำ) and ``Document.notes`` names the lines they were on;
  4. Thai single-byte TIS-620 / Windows-874 (decoded as cp874, a superset) when most high bytes
     fall in 0xA1-0xFB, where Thai letters live;
  5. otherwise the bytes are binary -> DocumentReadError.
charset-normalizer is deliberately not used: it always guesses *some* code page, which turns
binary junk into plausible-looking text instead of an error, and steps 1-4 cover what Thai
government documents are written in.

Limits (README, "Limits and failure behaviour"): only regular files, at most MAX_FILE_BYTES; a DOCX
whose parts inflate past MAX_DOCX_XML_BYTES / MAX_DOCX_TOTAL_BYTES or MAX_DOCX_RATIO is refused
before python-docx reads it.

Every failure is an ItaError subclass carrying the path; library exceptions are wrapped, so
callers only ever catch ItaError.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from pathlib import Path

from ita_lib.io.document import Cell, Document, Line
from ita_lib.io.user_file import check_regular_file, read_user_bytes
from ita_lib.io.user_file import size_text as _size
from ita_lib.errors import DocumentReadError, EmptyDocumentError, ItaError, UnsupportedFormatError
from ita_lib.text.thai import clean_cell, clean_text, html_fragment_parts, node_parts

__all__ = ["read_document", "document_from_text", "document_from_bytes", "decode_text", "check_document_file",
           "SUPPORTED_SUFFIXES"]

_EXT_FORMAT = {
    ".txt": "text", ".md": "text", ".text": "text", ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_EXT_FORMAT)  # what ingest takes from a folder
_BINARY_MSG = "not a text document (binary content)"

# What one document may cost. A real ITA document is < 20 MB (PDFs with scanned pages are the
# largest); anything bigger is read whole into memory, then parsed, for nothing.
MAX_FILE_BYTES = 50_000_000
# A DOCX is a zip, and python-docx inflates and parses every XML part in memory: a 0.5 MB file
# can inflate to 200 MB of XML (> 300 s, 700 MB). The densest possible 20 MB document.xml
# (~550,000 paragraphs) still parses in ~15 s; a 100-page report with tables is < 5 MB.
MAX_DOCX_XML_BYTES = 20_000_000  # each XML part, inflated
MAX_DOCX_TOTAL_BYTES = 100_000_000  # all parts (images too), inflated
# Word's XML compresses 5-40x (measured: at most 32x, styles.xml); zip bombs 300-1000x. Checked on
# every part that inflates past 64 KB: below that a part cannot cost anything, and the count of
# parts is bounded too (a real DOCX has 15-40 parts, an XLSX one per sheet and a few more).
# zipfile never inflates a part past its declared file_size (it stops and the CRC check fails), so
# these checks on the declared sizes bound the real work.
MAX_DOCX_RATIO = 200
_RATIO_FROM_BYTES = 64_000
MAX_ZIP_PARTS = 1_000
# What one document may hold once read: real ITA documents have < 5,000 lines (a national table of
# every agency ~8,300 rows); a file of hundreds of thousands of lines is no ITA document, and
# parsing it would cost minutes and gigabytes. Refused before any parser sees it.
MAX_LINES = 50_000
MAX_HTML_TAGS = 150_000  # a saved ITAS page holds ~5,000 tags; 200,000 <p> is a flood, not a page
MAX_SHEETS = 100
MAX_ROW_CELLS = 200  # cells kept from one spreadsheet row (a table of 10 indicators has ~20 columns)
MAX_SHEET_CELLS = 250_000  # cells in all (every agency of the country with 20 columns is ~170,000)
MAX_PDF_PAGES = 1_000
MAX_PDF_PAGE_CONTENT = 10_000_000  # a page's drawing instructions, inflated (real pages: < 1 MB)


# ---------------------------------------------------------------- entry points

def read_document(path: str | Path) -> Document:
    """Read the file at *path*; format from its extension, else sniffed from its content."""
    p = Path(path)
    return _from_bytes(_read_limited(p), str(p), _EXT_FORMAT.get(p.suffix.lower()))


def check_document_file(path: str | Path) -> os.stat_result:
    """The stat of *path* if it is a regular file of at most MAX_FILE_BYTES, else a
    DocumentReadError saying what it is. Never opens the file: opening a FIFO waits for a writer."""
    return check_regular_file(path, MAX_FILE_BYTES, DocumentReadError)


def _read_limited(path: Path) -> bytes:
    """At most MAX_FILE_BYTES of a regular file (ita_lib.io.user_file, the one reader of user files)."""
    return read_user_bytes(path, MAX_FILE_BYTES, DocumentReadError)


def _too_large(size: int, path) -> DocumentReadError:
    return DocumentReadError(f"file too large: {size:,} bytes (the limit is {_size(MAX_FILE_BYTES)})", path=path)


def document_from_bytes(data: bytes, name: str | None = None) -> Document:
    """Build a Document from raw bytes; *name*'s extension picks the format, else sniffing."""
    fmt = _EXT_FORMAT.get(Path(name).suffix.lower()) if name else None
    return _from_bytes(bytes(data), name, fmt)


def document_from_text(text: str, path: str | None = None) -> Document:
    """Build a Document from text already in memory (sha256 of its UTF-8 bytes)."""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _text_document(text, path, sha, encoding=None)


def _from_bytes(data: bytes, path: str | None, fmt: str | None) -> Document:
    if len(data) > MAX_FILE_BYTES:  # bytes handed over by a caller, not read here
        raise _too_large(len(data), path)
    sha = hashlib.sha256(data).hexdigest()
    try:
        if not data.strip():
            raise EmptyDocumentError("empty document", path=path)
        fmt = fmt or _sniff(data, path)
        if fmt == "pdf":
            return _pdf_document(data, path, sha)
        if fmt == "docx":
            return _docx_document(data, path, sha)
        if fmt == "xlsx":
            return _xlsx_document(data, path, sha)
        text, encoding, notes = _decode(data, path)
        if fmt == "html":
            return _html_document(text, path, sha, encoding, notes)
        if fmt == "csv":
            return _csv_document(text, path, sha, encoding, notes)
        return _text_document(text, path, sha, encoding, notes)
    except ItaError:
        raise
    except Exception as exc:  # a library tripped on odd input: still an ItaError for callers
        raise DocumentReadError(_short(exc), path=path) from exc


def _check_cell_count(count: int, path: str | None) -> None:
    if count > MAX_SHEET_CELLS:
        raise DocumentReadError(f"too many cells for an ITA table: over {MAX_SHEET_CELLS:,}", path=path)


def _check_line_count(count: int, path: str | None, what: str = "lines") -> None:
    if count > MAX_LINES:
        raise DocumentReadError(f"too many {what} for an ITA document: over {MAX_LINES:,} (a real one has a few "
                                "thousand)", path=path)


def _short(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _sniff(data: bytes, path: str | None) -> str:
    head = data[:2048]
    if head.lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise DocumentReadError(f"corrupt zip archive ({_short(exc)})", path=path) from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise UnsupportedFormatError("zip archive that is neither a DOCX nor an XLSX", path=path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError("legacy Office file (.doc/.xls) is not supported", path=path)
    # Byte-level check (NULs dropped so UTF-16 HTML is seen too); a decode of a cut-off head
    # could fail in the middle of a multi-byte character.
    flat = head.replace(b"\x00", b"").lower().lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    if flat.startswith(b"<!doctype html") or b"<html" in flat[:1024]:
        return "html"
    return "text"


# ---------------------------------------------------------------- decoding

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when one byte of each pair is nearly always 0x00 or 0x0E."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    even = sum(1 for b in sample[0::2] if b in (0x00, 0x0E)) / pairs
    odd = sum(1 for b in sample[1::2] if b in (0x00, 0x0E)) / pairs
    if odd >= 0.9 and even <= 0.3:
        return "utf-16-le"
    if even >= 0.9 and odd <= 0.3:
        return "utf-16-be"
    return None


def _looks_thai_8bit(data: bytes) -> bool:
    high = [b for b in data if b >= 0x80]
    if not high:
        return False
    return sum(1 for b in high if 0xA1 <= b <= 0xFB) / len(high) >= 0.9


# Control characters (Unicode category Cc) other than the white-space ones.
_RE_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_RE_CONTROL.findall(text)) / len(text) > 0.02


def decode_text(data: bytes, path: str | None = None) -> tuple[str, str]:
    """(text, encoding) of *data* following the order in the module docstring (damaged UTF-8
    bytes are dropped; a Document read from the same bytes says where, in its notes)."""
    text, encoding, _ = _decode(data, path)
    return text, encoding


def _decode(data: bytes, path: str | None) -> tuple[str, str, list[str]]:
    """(text, encoding, notes on bytes dropped); a binary file is a DocumentReadError."""
    text, encoding, notes = _decode_any(data, path)
    if _looks_binary(text):
        raise DocumentReadError(_BINARY_MSG, path=path)
    return text, encoding, notes


def _decode_any(data: bytes, path: str | None) -> tuple[str, str, list[str]]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if enc == "utf-8-sig" and (found := _mostly_utf8(body)):
                return found[0], enc, found[1]
            try:
                return body.decode(enc.replace("-sig", "")), enc, []
            except UnicodeDecodeError:
                raise DocumentReadError(f"invalid {enc} text after its BOM", path=path) from None
    if enc := _utf16_without_bom(data):
        try:
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            pass  # looked like UTF-16 but is not: fall through
    if found := _mostly_utf8(data):
        return found[0], "utf-8", found[1]
    # NUL outside UTF-16/32 (beyond the few _mostly_utf8 forgives) is the mark of a binary file.
    if b"\x00" in data or not _looks_thai_8bit(data):
        raise DocumentReadError(_BINARY_MSG, path=path)
    # cp874 leaves a few bytes undefined; a stray one should not lose the document. They are
    # dropped, not turned into U+FFFD, which replace_fffd would "repair" into ำ.
    return data.decode("cp874", errors="ignore"), "cp874", []


# Damaged UTF-8 still read as UTF-8: at most 1 % of the bytes bad (undecodable or NUL), and, for
# undecodable ones, 20 bytes of valid multi-byte characters per bad byte. TIS-620 text read as
# UTF-8 has nearly every high byte undecodable, so it never passes and falls to cp874.
_MAX_BAD_SHARE = 0.01
_MIN_GOOD_HIGH_BYTES_PER_BAD = 20
_HIGH_BYTES = bytes(range(0x80, 0x100))
# surrogateescape turns each undecodable byte into one of U+DC80-U+DCFF.
_RE_DAMAGE = re.compile("[\x00\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """(text, notes) of UTF-8 data with its few bad bytes dropped; None when it is not UTF-8."""
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            pass
    text = data.decode("utf-8", errors="surrogateescape")
    nul = text.count("\x00")
    undecodable = len(_RE_DAMAGE.findall(text)) - nul
    if nul + undecodable > len(data) * _MAX_BAD_SHARE:
        return None
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if undecodable and high - undecodable < _MIN_GOOD_HIGH_BYTES_PER_BAD * undecodable:
        return None
    return _RE_DAMAGE.sub("", text), _damage_notes(text)


_MAX_DAMAGE_NOTES = 5


def _damage_notes(text: str) -> list[str]:
    """'line 12: 1 undecodable byte dropped', one per damaged line (the first few)."""
    per_line: dict[int, list[int]] = {}  # line -> [undecodable, NUL]
    line, last = 1, 0
    for match in _RE_DAMAGE.finditer(text):
        line += len(_RE_NEWLINE.findall(text, last, match.start()))
        last = match.start()
        per_line.setdefault(line, [0, 0])[match.group() == "\x00"] += 1
    notes = [f"line {n}: {_what_dropped(*counts)} dropped"
             for n, counts in list(per_line.items())[:_MAX_DAMAGE_NOTES]]
    if len(per_line) > _MAX_DAMAGE_NOTES:
        notes.append(f"bytes dropped on {len(per_line) - _MAX_DAMAGE_NOTES} more lines")
    return notes


def _what_dropped(undecodable: int, nul: int) -> str:
    parts = [f"{n} {kind} byte{'s' if n > 1 else ''}"
             for n, kind in ((undecodable, "undecodable"), (nul, "NUL")) if n]
    return " and ".join(parts)


# ---------------------------------------------------------------- plain text

_RE_NEWLINE = re.compile(r"\r\n|\r|\n")


def _text_document(text: str, path: str | None, sha: str, encoding: str | None,
                   notes: list[str] = ()) -> Document:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyDocumentError("empty document", path=path)
    _check_line_count(len(_RE_NEWLINE.findall(text)), path)  # counted before any line is built
    physical = _RE_NEWLINE.split(text)
    if physical and physical[-1] == "":
        physical.pop()  # the final newline ends the last line, it does not start a new one
    # Clean every line without markup in one pass (much faster than cell by cell); lines with
    # HTML fragments go through the fragment reader so list items survive as parts.
    cleaned = clean_text("\n".join(physical)).split("\n")
    lines = [_text_line(i, raw, clean) for i, (raw, clean) in enumerate(zip(physical, cleaned), start=1)]
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


# ---------------------------------------------------------------- HTML

_HTML_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article", "header", "footer", "nav", "main", "aside", "dl", "dt", "dd",
    "address", "figure", "figcaption", "caption", "form", "fieldset", "hr", "body", "center",
}
_HTML_SKIP = {"script", "style", "head", "noscript", "template", "title", "iframe", "svg"}


def _html_document(text: str, path: str | None, sha: str, encoding: str | None,
                   notes: list[str] = ()) -> Document:
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import PreformattedString  # comments, doctype, CDATA, <?pi?>

    if text.count("<") > MAX_HTML_TAGS:  # counted before parsing: the tree of a flood costs minutes
        raise DocumentReadError(f"too many HTML tags for an ITA page: over {MAX_HTML_TAGS:,}", path=path)
    soup = BeautifulSoup(text, "html.parser")  # html.parser records Tag.sourceline
    lines: list[Line] = []
    buf: list[str] = []
    # Text nodes have no sourceline, so we track a cursor: the line of the last tag seen plus
    # the newlines of the text read since; ``where`` is the line the current run started on.
    where = [1]
    cursor = [1]

    def flush() -> None:
        run = clean_cell(" ".join("".join(buf).split()))
        buf.clear()
        if run:
            lines.append(Line(where[0], run))

    def seen(tag) -> None:
        if getattr(tag, "sourceline", None):
            cursor[0] = tag.sourceline

    def add_text(s: str) -> None:
        if s.strip() and not "".join(buf).strip():  # first visible text of a new run
            where[0] = cursor[0] + s[: len(s) - len(s.lstrip())].count("\n")
        buf.append(s)
        cursor[0] += s.count("\n")

    def skip_past(tag) -> None:
        # End tags have no line number; the newlines inside the element's text nodes do.
        seen(tag)
        cursor[0] += sum(
            str(s).count("\n") for s in tag.descendants if isinstance(s, NavigableString)
        )

    def table_rows(table) -> None:
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue  # a nested table: flattened into its outer cell by node_parts
            cells = tuple(
                Cell(*node_parts(td)) for td in tr.find_all(["td", "th"], recursive=False)
            )
            if any(c.text for c in cells):
                number = tr.sourceline or cursor[0]
                lines.append(Line(number, "\t".join(c.text for c in cells), cells))

    # Iterative walk (an explicit stack) so deeply nested markup cannot hit the recursion limit.
    stack: list = list(reversed(list(soup.children)))
    while stack:
        child = stack.pop()
        if child is flush:  # end of a block element
            flush()
            continue
        if isinstance(child, PreformattedString):
            continue
        if isinstance(child, NavigableString):
            add_text(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in _HTML_SKIP:
            skip_past(child)
            continue
        if name == "table":
            flush()
            table_rows(child)
            skip_past(child)
            continue
        seen(child)
        if name == "br":
            flush()
            continue
        if name in _HTML_BLOCKS:
            flush()
            stack.append(flush)
        stack.extend(reversed(list(child.children)))

    flush()
    if not lines:
        raise EmptyDocumentError("empty document", path=path)
    return Document(path=path, sha256=sha, format="html", lines=lines, encoding=encoding, notes=list(notes))


# ---------------------------------------------------------------- DOCX

def _docx_document(data: bytes, path: str | None, sha: str) -> Document:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            _check_docx_sizes(data, path)
            d = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
            raise DocumentReadError(f"not a valid DOCX file ({_short(exc)})", path=path) from None
    except ItaError:
        raise
    except Exception as exc:
        raise DocumentReadError(f"corrupt DOCX: {_short(exc)}", path=path) from exc

    lines: list[Line] = []
    for block in _docx_blocks(d.element.body):
        _check_line_count(len(lines), path, "paragraphs and rows")
        if isinstance(block, list):  # a table row: list of cell parts
            cells = tuple(_docx_cell(parts) for parts in block)
            lines.append(Line(len(lines) + 1, "\t".join(c.text for c in cells), cells))
        else:
            lines.append(Line(len(lines) + 1, clean_cell(block)))
    if not any(line.text for line in lines):
        raise EmptyDocumentError("empty document", path=path)
    return Document(path=path, sha256=sha, format="docx", lines=lines)


def _check_docx_sizes(data: bytes, path: str | None, kind: str = "DOCX") -> None:
    """Refuse an Office file (DOCX, XLSX) whose parts would inflate past the limits, from the zip's
    directory alone."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
    if len(parts) > MAX_ZIP_PARTS:
        raise DocumentReadError(f"{kind} has {len(parts):,} parts (the limit is {MAX_ZIP_PARTS:,})", path=path)
    for part in parts:
        is_xml = part.filename.endswith((".xml", ".rels"))
        if is_xml and part.file_size > MAX_DOCX_XML_BYTES:
            raise DocumentReadError(f"{kind} part {part.filename} inflates to {part.file_size:,} bytes "
                                    f"(the limit is {_size(MAX_DOCX_XML_BYTES)})", path=path)
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > _RATIO_FROM_BYTES and ratio > MAX_DOCX_RATIO:
            raise DocumentReadError(f"{kind} part {part.filename} is compressed {ratio:.0f} to 1, like a "
                                    f"zip bomb (the limit is {MAX_DOCX_RATIO} to 1)", path=path)
    total = sum(part.file_size for part in parts)
    if total > MAX_DOCX_TOTAL_BYTES:
        raise DocumentReadError(f"{kind} parts inflate to {total:,} bytes in all (the limit is "
                                f"{_size(MAX_DOCX_TOTAL_BYTES)})", path=path)


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


# ---------------------------------------------------------------- PDF

def _pdf_limit_errors() -> tuple[type[BaseException], ...]:
    """pypdf's error for a stream inflating past its bound (pypdf 4.1+; none before)."""
    from pypdf import errors

    return tuple(e for e in (getattr(errors, "LimitReachedError", None),) if e is not None)


def _check_page_content(page, number: int, path: str | None, limit_errors: tuple) -> None:
    """DocumentReadError when a page's drawing instructions inflate past MAX_PDF_PAGE_CONTENT: a
    small file can hold a stream that inflates to tens of MB, and pypdf's text extraction walks
    every instruction (minutes, hundreds of MB)."""
    try:
        contents = page.get_contents()
        size = 0 if contents is None else len(contents.get_data())
    except limit_errors as error:
        raise DocumentReadError(f"page {number}: a stream inflates past pypdf's limit ({_short(error)})",
                                path=path) from None
    except Exception:  # noqa: BLE001 - a damaged page: its text extraction says what it can
        return
    if size > MAX_PDF_PAGE_CONTENT:
        raise DocumentReadError(f"page {number}: its drawing instructions inflate to {size:,} bytes (the limit is "
                                f"{_size(MAX_PDF_PAGE_CONTENT)})", path=path)


def _pdf_document(data: bytes, path: str | None, sha: str) -> Document:
    # pypdf reports repairs on damaged files through the "pypdf" logger; configuring logging is
    # the application's business, so it is left alone here.
    from pypdf import PdfReader

    limit_errors = _pdf_limit_errors()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")  # many "protected" PDFs only have an owner password
            except Exception:
                ok = 0
            if not ok:
                raise DocumentReadError("PDF is encrypted", path=path)
        pages = list(reader.pages)
    except ItaError:
        raise
    except Exception as exc:
        raise DocumentReadError(f"corrupt PDF: {_short(exc)}", path=path) from exc
    if len(pages) > MAX_PDF_PAGES:
        raise DocumentReadError(f"too many pages for an ITA document: {len(pages):,} (the limit is "
                                f"{MAX_PDF_PAGES:,})", path=path)
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        _check_page_content(page, number, path, limit_errors)
        try:
            texts.append(page.extract_text() or "")
        except limit_errors as error:  # pypdf's own bound on an inflated stream: a bomb, not a scan
            raise DocumentReadError(f"page {number}: a stream inflates past pypdf's limit ({_short(error)})",
                                    path=path) from None
        except Exception:  # one broken page should not lose the others
            texts.append("")
    text = "\n".join(t.rstrip("\n") for t in texts)
    if not text.strip():
        raise DocumentReadError("PDF has no text layer (scanned?)", path=path)
    # pypdf may emit tabs between words; a PDF line is never a tab-separated row here.
    lines = [
        Line(i, clean_cell(raw.replace("\t", " ")))
        for i, raw in enumerate(_RE_NEWLINE.split(text), start=1)
    ]
    return Document(path=path, sha256=sha, format="pdf", lines=lines)


# ---------------------------------------------------------------- spreadsheets (CSV, XLSX)

_CSV_DELIMITERS = ",;\t|"


def _csv_document(text: str, path: str | None, sha: str, encoding: str | None,
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
        lines.append(_sheet_line(reader.line_num, row[:MAX_ROW_CELLS]))
        cells += len(row)
        _check_line_count(len(lines), path, "rows")
        _check_cell_count(cells, path)
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


def _xlsx_document(data: bytes, path: str | None, sha: str) -> Document:
    """Every sheet's rows as table rows, the values as they are stored (not as Excel shows them:
    a score kept as 85.32 reads 85.32 whatever the cell's number format); a line per sheet title."""
    _check_docx_sizes(data, path, kind="XLSX")
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[Line] = []
    cells = 0
    try:
        if len(workbook.worksheets) > MAX_SHEETS:
            raise DocumentReadError(f"too many sheets for an ITA workbook: {len(workbook.worksheets)} (the limit is "
                                    f"{MAX_SHEETS})", path=path)
        for sheet in workbook.worksheets:
            lines.append(Line(len(lines) + 1, clean_cell(str(sheet.title))))
            # The sheet's declared size is not trusted: openpyxl pads every row to it, and a 1.6 KB
            # file can declare A1:XFD1048576. Without it, only the cells written are read.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            for row in sheet.iter_rows(values_only=True):
                lines.append(_sheet_line(len(lines) + 1, [_clean_sheet_value(v) for v in row[:MAX_ROW_CELLS]],
                                         cleaned=True))
                cells += len(row)
                _check_line_count(len(lines), path, "rows")
                _check_cell_count(cells, path)
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
