"""Make Thai text in WeasyPrint's PDFs copy, search and extract correctly.

WeasyPrint maps each glyph to one Unicode text (the PDF /ToUnicode map). Thai shaping breaks that:
HarfBuzz splits sara am (ำ) into two glyphs, nikhahit and sara aa, and a glyph keeps the text of
the first place it was drawn, so "ตำบล" comes out as "ตาบล" in pdftotext, in copy and paste and in
a screen reader. PDF's answer is ActualText: a marked-content span that carries the real text of
what it draws. `actual_text()` wraps WeasyPrint's text drawing so every text box with Thai in it is
drawn inside such a span. The tests check the result with pdftotext, so a WeasyPrint change that
breaks this shows at once.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

_THAI = re.compile("[\u0e00-\u0e7f]")


@contextmanager
def actual_text():
    """While active, text boxes containing Thai are drawn inside /Span <</ActualText (...)>> BDC … EMC."""
    import pydyf
    from weasyprint import draw

    original = draw.draw_text

    def draw_text(stream, textbox, *args, **kwargs):
        text = getattr(textbox, "text", "")
        if not text or not _THAI.search(text):
            return original(stream, textbox, *args, **kwargs)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
        try:
            return original(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    draw.draw_text = draw_text
    try:
        yield
    finally:
        draw.draw_text = original
