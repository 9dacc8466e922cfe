"""Thai lines break between words only (ita_lib.report.line_breaks): the segmentation's break
opportunities, the page's markup, the PDF's lighter markup and a narrow paragraph in WeasyPrint."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ita_lib.report.line_breaks import break_points, for_weasyprint, mark_words, word_html, words

# Made-up prose: a subdistrict name pythainlp's own list splits (ห้วย|ยาย|จิ๋ว), ITA terms Pango splits.
TEXT = "ชาวบ้านตำบลห้วยยายจิ๋วติดตามข่าวบนเว็บไซต์และใช้ระบบE-Serviceต่างๆ เพื่อสร้างจิตสำนึก ร้อยละ๗๒.๕๐ (อบต.)"


def test_words_keep_place_names_and_ita_terms_whole():
    assert words(TEXT) == ("ชาวบ้าน", "ตำบล", "ห้วยยายจิ๋ว", "ติดตาม", "ข่าว", "บน", "เว็บไซต์", "และ", "ใช้", "ระบบ",
                           "E-Service", "ต่างๆ", " ", "เพื่อ", "สร้าง", "จิตสำนึก", " ", "ร้อยละ", "๗๒.๕๐", " ", "(",
                           "อบต.", ")")
    assert words("บ้านไผ่") == ("บ้านไผ่",) and words("นาดินดำ") == ("นาดินดำ",)


def test_break_points_fall_between_words_never_inside_a_number_or_before_a_sign():
    assert break_points(TEXT) == [7, 11, 22, 28, 32, 34, 42, 45, 48, 52, 61, 72, 77, 92]
    assert break_points("ร้อยละ๗๒.๕๐") == [6]  # not around the point
    assert break_points("ต่าง ๆ นานา") == []  # only the spaces


def test_word_html_marks_words_escapes_and_leaves_other_text_alone():
    assert word_html("โคกสำโรง<ดี> & E-Service") == (
        '<span class="w">โคกสำโรง</span>&lt;<span class="w">ดี</span>&gt; &amp; <span class="w">E-Service</span>')
    assert word_html("หน่วยงานบ้านไผ่ใช้ระบบ") == (
        '<span class="w">หน่วยงาน</span><wbr><span class="w">บ้านไผ่</span><wbr><span class="w">ใช้</span>'
        '<wbr><span class="w">ระบบ</span>')
    assert word_html("ITA 2025 <b>") == "ITA 2025 &lt;b&gt;"
    # The visible text is the text: nothing added between the tags.
    assert re.sub(r"<[^>]+>", "", word_html(TEXT)) == TEXT


def test_the_pdf_keeps_only_the_spans_pango_would_break_inside():
    page = "<p>" + word_html("หน่วยงานบ้านไผ่ใช้ระบบ").replace("<wbr>", "<wbr/>") + "</p><style>a{}</style>"
    assert for_weasyprint(page) == ('<p><span class="w">หน่วยงาน</span>\u200b<span class="w">บ้านไผ่</span>\u200b'
                                    'ใช้ระบบ</p><style>a{}</style>')
    assert for_weasyprint("<p>ไม่มีคำ</p>") == "<p>ไม่มีคำ</p>"


NARROW = ("องค์การบริหารส่วนตำบลห้วยยายจิ๋วเผยแพร่ข้อมูลบนเว็บไซต์อย่างต่อเนื่องและส่งเสริมจิตสำนึกของบุคลากร"
          "ผ่านระบบE-Serviceทุกปีงบประมาณเพื่อให้ชาวบ้านตำบลโคกสำโรงและตำบลนาดินดำติดตามผลได้ทุกเวลา")


def _line_ends(page: str) -> tuple[list[int], str, str]:
    """The offsets in NARROW (without spaces) where pdftotext -layout's lines end, and raw/layout text."""
    from ita_lib.report.fonts import find_thai_font, font_face_css
    from ita_lib.report.pdf import page_to_pdf

    html = (f"<html lang='th'><head><style>{font_face_css(find_thai_font(), embed=False)} "
            "body { font-family: 'ITA Thai'; font-size: 11pt; } p { width: 5.2cm; } .w { white-space: nowrap; }"
            f"</style></head><body><p>{page}</p></body></html>")
    pdf = page_to_pdf(html, base=Path("."))
    texts = [subprocess.run(["pdftotext", mode, "-", "-"], input=pdf, capture_output=True, check=True).stdout
             .decode("utf-8") for mode in ("-raw", "-layout")]
    lines = [line.strip() for line in texts[1].splitlines() if line.strip()]
    ends, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        ends.append(at)
    return ends, texts[0], texts[1]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_narrow_paragraph_in_the_pdf_ends_its_lines_between_words_only():
    allowed = set(break_points(NARROW))
    ends, raw, layout = _line_ends(word_html(NARROW))
    assert len(ends) >= 6 and set(ends) <= allowed  # every line ends where a word ends
    for text in (raw, layout):  # extracts as written: no zero-width space, no space added
        assert "\u200b" not in text and re.sub(r"\s", "", text) == NARROW
    # The same paragraph without the marks breaks inside words (Pango's own breaks): the check can fail.
    plain_ends, _, _ = _line_ends(NARROW)
    assert not set(plain_ends) <= allowed


def test_the_exported_page_marks_its_body_text_only():
    page = ('<html><head><title>ตำบลนาดินดำ</title><style>p{}</style></head><body><style>.a{content:"ตำบล"}</style>'
            '<p>ตำบลบ้านไผ่ &amp; ๑๗</p><dd>๑๗</dd><pre>ตำบลนาดินดำ</pre></body></html>')
    assert mark_words(page) == (
        '<html><head><title>ตำบลนาดินดำ</title><style>p{}</style></head><body><style>.a{content:"ตำบล"}</style>'
        '<p><span class="w">ตำบล</span><wbr><span class="w">บ้านไผ่</span> &amp; ๑๗</p><dd>๑๗</dd>'
        '<pre>ตำบลนาดินดำ</pre></body></html>')
