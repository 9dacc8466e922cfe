"""Read a document (text, HTML, DOCX, PDF, or a spreadsheet: CSV, XLSX) into a
:class:`~ita_lib.io.document.Document`.

Format: by file extension (SUPPORTED_SUFFIXES, the one list of what can be read); an unknown
extension (or bytes without a name) is sniffed: ``%PDF`` -> PDF, a zip holding
``word/document.xml`` -> DOCX and ``xl/workbook.xml`` -> XLSX, ``<html``/``<!doctype html`` -> HTML,
otherwise text if it decodes. Spreadsheet rows become table rows (cells), so the table readers of
the parser read a score sheet as they read a table in a page; an XLSX sheet's title is a line of its own.

How the text of a text, CSV or HTML file is decoded: ita_lib.io.decode. What a document may cost:
ita_lib.io.limits. One module per format reads it (text_reader, html_reader, docx_reader,
pdf_reader, sheet_reader); a new format is a reader returning a Document and a line in _EXT_FORMAT
and _from_bytes here.

Every failure is an ItaError subclass carrying the path; library exceptions are wrapped, so
callers only ever catch ItaError.
"""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

from ita_lib.errors import DocumentReadError, EmptyDocumentError, ItaError, UnsupportedFormatError
from ita_lib.io import limits
from ita_lib.io.decode import decode_with_notes
from ita_lib.io.document import Document
from ita_lib.io.docx_reader import docx_document
from ita_lib.io.html_reader import html_document
from ita_lib.io.limits import short_reason
from ita_lib.io.pdf_reader import pdf_document
from ita_lib.io.sheet_reader import csv_document, xlsx_document
from ita_lib.io.text_reader import text_document
from ita_lib.io.user_file import check_regular_file, read_user_bytes, size_text

__all__ = ["read_document", "document_from_text", "document_from_bytes", "check_document_file", "SUPPORTED_SUFFIXES"]

_EXT_FORMAT = {
    ".txt": "text", ".md": "text", ".text": "text", ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_EXT_FORMAT)  # what ingest takes from a folder


# ---------------------------------------------------------------- entry points

def read_document(path: str | Path) -> Document:
    """Read the file at *path*; format from its extension, else sniffed from its content."""
    p = Path(path)
    return _from_bytes(_read_limited(p), str(p), _EXT_FORMAT.get(p.suffix.lower()))


def check_document_file(path: str | Path) -> os.stat_result:
    """The stat of *path* if it is a regular file of at most MAX_FILE_BYTES, else a
    DocumentReadError saying what it is. Never opens the file: opening a FIFO waits for a writer."""
    return check_regular_file(path, limits.MAX_FILE_BYTES, DocumentReadError)


def _read_limited(path: Path) -> bytes:
    """At most MAX_FILE_BYTES of a regular file (ita_lib.io.user_file, the one reader of user files)."""
    return read_user_bytes(path, limits.MAX_FILE_BYTES, DocumentReadError)


def _too_large(size: int, path) -> DocumentReadError:
    return DocumentReadError(f"file too large: {size:,} bytes (the limit is {size_text(limits.MAX_FILE_BYTES)})",
                             path=path)


def document_from_bytes(data: bytes, name: str | None = None) -> Document:
    """Build a Document from raw bytes; *name*'s extension picks the format, else sniffing."""
    fmt = _EXT_FORMAT.get(Path(name).suffix.lower()) if name else None
    return _from_bytes(bytes(data), name, fmt)


def document_from_text(text: str, path: str | None = None) -> Document:
    """Build a Document from text already in memory (sha256 of its UTF-8 bytes)."""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return text_document(text, path, sha, encoding=None)


def _from_bytes(data: bytes, path: str | None, fmt: str | None) -> Document:
    if len(data) > limits.MAX_FILE_BYTES:  # bytes handed over by a caller, not read here
        raise _too_large(len(data), path)
    sha = hashlib.sha256(data).hexdigest()
    try:
        if not data.strip():
            raise EmptyDocumentError("empty document", path=path)
        fmt = fmt or _sniff(data, path)
        if fmt == "pdf":
            return pdf_document(data, path, sha)
        if fmt == "docx":
            return docx_document(data, path, sha)
        if fmt == "xlsx":
            return xlsx_document(data, path, sha)
        text, encoding, notes = decode_with_notes(data, path)
        if fmt == "html":
            return html_document(text, path, sha, encoding, notes)
        if fmt == "csv":
            return csv_document(text, path, sha, encoding, notes)
        return text_document(text, path, sha, encoding, notes)
    except ItaError:
        raise
    except Exception as exc:  # a library tripped on odd input: still an ItaError for callers
        raise DocumentReadError(short_reason(exc), path=path) from exc


def _sniff(data: bytes, path: str | None) -> str:
    head = data[:2048]
    if head.lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise DocumentReadError(f"corrupt zip archive ({short_reason(exc)})", path=path) from None
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

