"""Make Thai text in WeasyPrint's PDFs copy, search and extract correctly.

WeasyPrint maps each glyph to one Unicode text (the PDF /ToUnicode map). Thai shaping breaks that:
HarfBuzz splits sara am (ำ) into two glyphs, nikhahit and sara aa, and a glyph keeps the text of
the first place it was drawn, so "ตำบล" comes out as "ตาบล" in pdftotext, in copy and paste and in
a screen reader. PDF's answer is ActualText: a marked-content span that carries the real text of
what it draws. `actual_text()` wraps WeasyPrint's text drawing so every text box with Thai in it is
drawn inside such a span. Readers that ignore ActualText (pypdf, pdf.js) get codes per cluster
(pdf_glyph_text.py). The tests check the result with pdftotext, pypdf and pdf.js, so a WeasyPrint
change that breaks this shows at once.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

from ita_lib.errors import ReportBuildError
from ita_lib.report.pdf_glyph_text import cluster_codes

_THAI = re.compile("[\u0e00-\u0e7f]")
# The WeasyPrint major versions whose draw.draw_text this wraps and the tests checked (pyproject
# bounds the dependency the same way): 62-65 give ตาบล for ตำบล, a later one may draw otherwise.
TESTED_WEASYPRINT = (67, 70)
# Tagged PDF for screen readers (headings, tables, figures with their alt text, the page's lang="th"),
# as PDF/UA-1: the pages are drawn the same, pixel for pixel, and the file grows ~8 %.
PDF_VARIANT = "pdf/ua-1"


def check_weasyprint() -> None:
    """Fail loudly, before any PDF, on a WeasyPrint this fix was not checked with."""
    import weasyprint
    from weasyprint import draw

    try:
        major = int(str(weasyprint.__version__).split(".")[0])
    except ValueError:
        major = -1
    low, high = TESTED_WEASYPRINT
    if not low <= major <= high or not callable(getattr(draw, "draw_text", None)):
        raise ReportBuildError(
            f"WeasyPrint {weasyprint.__version__} is not one ita-report's PDF text was checked with "
            f"({low}–{high}): Thai would copy and search wrongly in the PDF (ตำบล as ตาบล). "
            f"Install it with: pip install 'weasyprint>={low},<{high + 1}'")


@contextmanager
def actual_text():
    """While active, text boxes containing Thai are drawn inside /Span <</ActualText (...)>> BDC … EMC."""
    import pydyf
    from weasyprint import draw

    check_weasyprint()
    original = draw.draw_text

    def draw_text(stream, textbox, *args, **kwargs):
        text = getattr(textbox, "text", "")
        if not text or not _THAI.search(text):
            return original(stream, textbox, *args, **kwargs)
        # Without the zero-width spaces that mark where lines may break (line_breaks.for_weasyprint).
        shown = text.replace("\u200b", "")
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(shown)}))
        try:
            return original(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    draw.draw_text = draw_text
    try:
        yield
    finally:
        draw.draw_text = original


def page_to_pdf(page: str, base: Path) -> bytes:
    """A4 PDF of the report page (page numbers and the running agency name come from its CSS)."""
    from weasyprint import HTML

    from ita_lib.report.fonts import find_thai_font, font_face_css
    from ita_lib.report.line_breaks import for_weasyprint

    font = find_thai_font()
    # The same font, read from its file: WeasyPrint parses the page's base64 copy far more slowly.
    page = page.replace(font_face_css(font), font_face_css(font, embed=False), 1)
    page = for_weasyprint(page)  # Thai lines break between words only, with as few boxes as that needs
    # Thai copies and extracts as written (sara am, tone marks): ActualText for pdftotext and Acrobat,
    # a code per cluster for the readers that ignore it (pypdf, pdf.js).
    with actual_text(), cluster_codes(), _own_fonts() as fonts:
        return HTML(string=page, base_url=str(base)).write_pdf(font_config=fonts, pdf_variant=PDF_VARIANT)


@contextmanager
def _own_fonts():
    """A font configuration for one PDF, cleaned when it is done. WeasyPrint copies the page's fonts
    into a weasyprint-* folder of the system's temp folder and removes it in the configuration's
    __del__, which a reference cycle delays to a garbage collection that a command leaving at once
    (cli.leave) never reaches; a full collection costs ~0.2 s, so the clean-up is called here."""
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    try:
        yield fonts
    finally:
        fonts.__del__()  # removes its folder; the collector's later call finds nothing left


def warm_up() -> None:
    """Lay out a line of Thai once: WeasyPrint's first PDF loads fontconfig and the Thai font. In
    memory, and without the ActualText pass, which patches WeasyPrint for the whole process and
    must stay with the report's own PDF."""
    from weasyprint import HTML

    from ita_lib.report.fonts import font_face_css
    from ita_lib.report.line_breaks import dictionary

    dictionary()  # the word list the page's Thai line breaks need (~0.5 s), built while the kernel works
    with _own_fonts() as fonts:
        HTML(string=f"<html><head><style>{font_face_css(embed=False)} body {{ font-family: var(--ita-thai-font); }}"
                    "</style></head><body><p>ตำบล ๑๒๓</p></body></html>").write_pdf(font_config=fonts)
