"""A PDF's text layer, a Line per text line, within the page limits (a scan without text is an error)."""
from __future__ import annotations

import io

from ita_lib.errors import DocumentReadError, ItaError
from ita_lib.io import limits
from ita_lib.io.decode import RE_NEWLINE
from ita_lib.io.document import Document, Line
from ita_lib.io.limits import short_reason
from ita_lib.io.user_file import size_text
from ita_lib.text.thai import clean_cell


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
        raise DocumentReadError(f"page {number}: a stream inflates past pypdf's limit ({short_reason(error)})",
                                path=path) from None
    except Exception:  # noqa: BLE001 - a damaged page: its text extraction says what it can
        return
    if size > limits.MAX_PDF_PAGE_CONTENT:
        raise DocumentReadError(f"page {number}: its drawing instructions inflate to {size:,} bytes (the limit is "
                                f"{size_text(limits.MAX_PDF_PAGE_CONTENT)})", path=path)


def pdf_document(data: bytes, path: str | None, sha: str) -> Document:
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
        raise DocumentReadError(f"corrupt PDF: {short_reason(exc)}", path=path) from exc
    if len(pages) > limits.MAX_PDF_PAGES:
        raise DocumentReadError(f"too many pages for an ITA document: {len(pages):,} (the limit is "
                                f"{limits.MAX_PDF_PAGES:,})", path=path)
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        _check_page_content(page, number, path, limit_errors)
        try:
            texts.append(page.extract_text() or "")
        except limit_errors as error:  # pypdf's own bound on an inflated stream: a bomb, not a scan
            raise DocumentReadError(f"page {number}: a stream inflates past pypdf's limit ({short_reason(error)})",
                                    path=path) from None
        except Exception:  # one broken page should not lose the others
            texts.append("")
    text = "\n".join(t.rstrip("\n") for t in texts)
    if not text.strip():
        raise DocumentReadError("PDF has no text layer (scanned?)", path=path)
    # pypdf may emit tabs between words; a PDF line is never a tab-separated row here.
    lines = [
        Line(i, clean_cell(raw.replace("\t", " ")))
        for i, raw in enumerate(RE_NEWLINE.split(text), start=1)
    ]
    return Document(path=path, sha256=sha, format="pdf", lines=lines)

