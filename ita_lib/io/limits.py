"""What one document may cost, and the checks and wording the readers share.

Limits (README, "Limits and failure behaviour"): only regular files, at most MAX_FILE_BYTES; a DOCX
whose parts inflate past MAX_DOCX_XML_BYTES / MAX_DOCX_TOTAL_BYTES or MAX_DOCX_RATIO is refused
before python-docx reads it. The readers read a limit as ``limits.NAME`` at call time, so a test
can lower one with monkeypatch.
"""
from __future__ import annotations

from ita_lib.errors import DocumentReadError

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
RATIO_FROM_BYTES = 64_000
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


def check_cell_count(count: int, path: str | None) -> None:
    if count > MAX_SHEET_CELLS:
        raise DocumentReadError(f"too many cells for an ITA table: over {MAX_SHEET_CELLS:,}", path=path)


def check_line_count(count: int, path: str | None, what: str = "lines") -> None:
    if count > MAX_LINES:
        raise DocumentReadError(f"too many {what} for an ITA document: over {MAX_LINES:,} (a real one has a few "
                                "thousand)", path=path)


def short_reason(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__

