"""Thai clean-up functions in ita_lib.text (thai, fragments, steps); invisible characters are spelled as escapes."""
from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_lib.text import fragments, steps
from ita_lib.text import thai as T
from ita_lib.text.fragments import html_fragment_parts
from ita_lib.text.steps import numbered_steps
from ita_lib.text.thai import (
    clean_cell, clean_text, collapse_spaces, dedupe_marks, fix_sara_am, remove_zero_width, replace_fffd,
    split_glued_numbers, thai_digits_to_arabic,
)


def test_doctests_in_module():
    result = doctest.testmod(T)
    assert result.attempted >= 10
    assert result.failed == 0


@pytest.mark.parametrize("module, examples", [(fragments, 3), (steps, 3)])
def test_doctests_of_fragments_and_steps(module, examples):
    result = doctest.testmod(module)
    assert result.attempted == examples
    assert result.failed == 0


@pytest.mark.parametrize(
    "src, want",
    [
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
        ("ได้ ๘๕.๓๒ คะแนน", "ได้ 85.32 คะแนน"),
        ("abc 12", "abc 12"),
        ("", ""),
    ],
)
def test_thai_digits_to_arabic(src, want):
    assert thai_digits_to_arabic(src) == want


@pytest.mark.parametrize(
    "src, want",
    [
        ("\u0e19\u0e4d\u0e32", "\u0e19\u0e33"),  # นํา -> นำ
        ("\u0e19\u0e4d\u0e49\u0e32", "\u0e19\u0e49\u0e33"),  # tone between -> น้ำ
        ("\u0e01\u0e4d\u0e32\u0e2b\u0e19\u0e14", "กำหนด"),
        ("\u0e19\u0e33", "\u0e19\u0e33"),  # already composed
        ("\u0e01\u0e32", "\u0e01\u0e32"),  # plain sara aa untouched
    ],
    ids=["nikhahit+aa", "nikhahit+tone+aa", "in-word", "composed", "plain-aa"],
)
def test_fix_sara_am(src, want):
    assert fix_sara_am(src) == want


@pytest.mark.parametrize("src, want", [
    ("เทศบาลต ำบลนาแก\tอ ำเภอเมือง", "เทศบาลตำบลนาแก\tอำเภอเมือง"),  # a PDF's space before ำ (blind5 013)
    ("การด \u0e4d\u0e32เนินงาน", "การดำเนินงาน"),  # a space before a decomposed sara am (blind5 011)
    ("ผลคะแนน ๙๑.๒๐ ความสำเร็จ", "ผลคะแนน 91.20 ความสำเร็จ"),  # nothing to join
])
def test_a_space_before_sara_am_is_taken_out(src, want):
    assert clean_text(src) == want
    assert "\t".join(clean_cell(cell) for cell in src.split("\t")) == want


@pytest.mark.parametrize("zw", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"])
def test_remove_zero_width(zw):
    assert remove_zero_width(f"คะ{zw}แนน{zw}") == "คะแนน"


@pytest.mark.parametrize(
    "src, want",
    [
        ("\u0e01\u0e48\u0e48", "\u0e01\u0e48"),  # ก่่ -> ก่
        ("\u0e14\u0e35\u0e35\u0e35", "\u0e14\u0e35"),  # ดีีี -> ดี
        ("\u0e21\u0e38\u0e38", "\u0e21\u0e38"),  # lower vowel doubled
        ("\u0e01\u0e48\u0e49", "\u0e01\u0e48\u0e49"),  # different marks: not ours to judge
        ("\u0e01\u0e32\u0e32", "\u0e01\u0e32\u0e32"),  # sara aa is not a combining mark
    ],
    ids=["tone-x2", "vowel-x3", "lower-x2", "different-marks", "spacing-vowel"],
)
def test_dedupe_marks(src, want):
    assert dedupe_marks(src) == want


@pytest.mark.parametrize(
    "src, want",
    [
        ("\u0e14\ufffd\u0e40\u0e19\u0e34\u0e19", "ดำเนิน"),  # after a consonant
        ("\u0e19\u0e49\ufffd", "\u0e19\u0e49\u0e33"),  # after consonant + tone -> น้ำ
        ("\ufffd85", "85"),  # nothing Thai before: dropped
        ("A\ufffd", "A"),
        ("\u0e32\ufffd", "\u0e32"),  # after a vowel: dropped
    ],
    ids=["consonant", "consonant+tone", "start", "latin", "after-vowel"],
)
def test_replace_fffd(src, want):
    assert replace_fffd(src) == want


@pytest.mark.parametrize(
    "src, want",
    [
        ("  คะแนน   รวม  ", "คะแนน รวม"),
        ("ก\u00a0\u00a0ข", "ก ข"),
        ("ก\t \tข", "ก ข"),
        ("ก  \n  ข", "ก\nข"),  # newline kept
        ("   ", ""),
    ],
    ids=["spaces", "nbsp", "tabs", "newline-kept", "blank"],
)
def test_collapse_spaces(src, want):
    assert collapse_spaces(src) == want


@pytest.mark.parametrize(
    "src, want",
    [
        ("77.70คะแนน", "77.70 คะแนน"),
        ("คะแนน85.32", "คะแนน 85.32"),
        ("ที่1", "ที่ 1"),  # preceded by a tone mark
        ("ระดับ Aในขณะที่", "ระดับ A ในขณะที่"),
        ("ระดับ AAเป็น", "ระดับ AA เป็น"),
        ("๙๐.๕คะแนน", "๙๐.๕ คะแนน"),
        ("ได้ 85points", "ได้ 85 points"),
    ],
)
def test_split_glued_numbers_splits(src, want):
    assert split_glued_numbers(src) == want


@pytest.mark.parametrize(
    "src",
    ["77.70", "1/10/2567", "O13", "e2", "i5", "๐๑๓", "9.4", "ข้อ O13 และ e2", "4G", "2nd", "EIT"],
)
def test_split_glued_numbers_leaves_alone(src):
    assert split_glued_numbers(src) == src


def test_split_glued_numbers_word_before_grade_not_split():
    # "Aใน" only when A stands alone; "DATAใน" is a word, not a grade
    assert split_glued_numbers("DATAใน") == "DATAใน"


def test_clean_text_keeps_tabs_newlines_and_blank_lines():
    src = "ผลรวม ๙๙.๑๗คะแนน\t\tน\u0e4d\u0e49\u0e32\n\n\u0e48\nก\u200bข\ufffd\n"
    assert clean_text(src) == "ผลรวม 99.17 คะแนน\t\tน้ำ\n\n\nกขำ\n"


def test_clean_text_dangling_mark_after_space_and_sara_e():
    # pythainlp pieces: mark alone after a space dropped, เเ -> แ
    assert clean_text("คำ \u0e48ที่ เเก้") == "คำ ที่ แก้"


def test_clean_text_empty_cells_survive():
    assert clean_text("\tก\t") == "\tก\t"


def test_html_fragment_list_items():
    flat, parts = html_fragment_parts(
        '<ul style="list-style-type: none"> <li>-จัดทำแผน</li> <li>-<b>รายงาน</b>ผล</li> </ul>'
    )
    assert parts == ("-จัดทำแผน", "-รายงานผล")
    assert flat == "-จัดทำแผน -รายงานผล"


def test_html_fragment_paragraphs_bold_and_digits():
    flat, parts = html_fragment_parts("<p><b>ผลการประเมิน</b> ได้ ๑๐๐ คะแนน</p> <p>ปรับปรุง</p>")
    assert parts == ("ผลการประเมิน ได้ 100 คะแนน", "ปรับปรุง")
    assert flat == "ผลการประเมิน ได้ 100 คะแนน ปรับปรุง"


def test_html_fragment_range_separator_joins_neighbours():
    flat, parts = html_fragment_parts("<p>๑ ม.ค. ๒๕๖๘</p> <p>-</p> <p>๓๑ มี.ค. ๒๕๖๘</p><p>ทุกเดือน</p>")
    assert parts == ("1 ม.ค. 2568 - 31 มี.ค. 2568", "ทุกเดือน")
    assert flat == "1 ม.ค. 2568 - 31 มี.ค. 2568 ทุกเดือน"


def test_html_fragment_ordered_list_and_entities():
    flat, parts = html_fragment_parts("<ol><li>ก&amp;ข</li><li>ค&nbsp;ง</li></ol>")
    assert parts == ("ก&ข", "ค ง")


def test_html_fragment_inline_only_has_no_parts():
    assert html_fragment_parts("<b>คะแนน</b> 85") == ("คะแนน 85", ())


@pytest.mark.parametrize(
    "src, want",
    [
        ("คะแนน < 85", "คะแนน < 85"),
        ("a<b และ c>d", "a<b และ c>d"),
        ("ก &amp; ข", "ก & ข"),
        ("ก & ข", "ก & ข"),
    ],
)
def test_html_fragment_plain_text_stays_text(src, want):
    assert html_fragment_parts(src) == (want, ())


@pytest.mark.parametrize(
    "src, want",
    [
        ("๑.มอบหมายงาน  ๒.จัดทำคู่มือ ๓.แจ้งเวียน", ["มอบหมายงาน", "จัดทำคู่มือ", "แจ้งเวียน"]),
        ("1. ประชุม 2. สรุปผล", ["ประชุม", "สรุปผล"]),
        ("๑) ก ๒) ข", ["ก", "ข"]),
        ("-จัดทำแผน -ต้องได้รับอนุญาต", ["จัดทำแผน", "ต้องได้รับอนุญาต"]),
        ("รายงานผล - รอบ 6 เดือน - รอบ 12 เดือน", ["รายงานผล", "รอบ 6 เดือน", "รอบ 12 เดือน"]),
        ("ขั้นตอน ๑.ก ๒.ข", ["ขั้นตอน", "ก", "ข"]),  # heading kept as first step
    ],
)
def test_numbered_steps_splits(src, want):
    assert numbered_steps(src) == want


@pytest.mark.parametrize(
    "src",
    [
        "๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙",  # date range
        "ได้ ๙๙.๑๗ และ ๙๘.๕๐ คะแนน",  # decimals
        "ตาม ข้อ ๙.๔ และ ๙.๕",  # clause numbers
        "๑.มอบหมายงาน",  # a single marker
        "หัวข้อ e๑. E๒. e๓. EIT",  # item codes, not markers
        "ปี 2567. และ 2568.",  # numbers that are not 1, 2, 3...
        "-จัดทำแผน",
    ],
)
def test_numbered_steps_does_not_split(src):
    assert numbered_steps(src) == [src]


def test_numbered_steps_empty():
    assert numbered_steps("  ") == []


@pytest.mark.parametrize("damaged", [
    "เเปลก", "น\u0e4d\u0e49\u0e32", "ก\u0e49\u0e33", "ก\u0e48\u0e34", "นานาาา", "ดีีี", "แม\u0e48\u0e49", "ก ะ ะ",
    "\u0e40 \u0e40", "ค\u0e45", "ที่\u0e48", "การปฏิบัติหน้าที่", "ผลคะแนน 85.32",
])
def test_vowel_repair_shortcut_never_skips_a_change(damaged: str) -> None:
    # The shortcut may only skip pythainlp's remove_repeat_vowels where it would change nothing.
    from pythainlp.util import remove_repeat_vowels

    from ita_lib.text.thai import needs_vowel_repair

    if remove_repeat_vowels(damaged) != damaged:
        assert needs_vowel_repair(damaged)


_THAI_SOUP = st.text(
    alphabet=st.sampled_from(list("กขนมรอเแโาำะัิีึืุู่้๊๋็์ํฤฦๅ ๑๒๕0123456789.AaBEe\t\n\u00a0\u200b\ufffd")),
    max_size=60)


@settings(max_examples=400, deadline=None)
@given(_THAI_SOUP)
def test_clean_text_equals_clean_cell_on_every_cell(text: str) -> None:
    # clean_text runs each repair once over the whole text; it must agree with the per-cell path.
    expected = "\n".join("\t".join(clean_cell(c) for c in line.split("\t")) for line in text.split("\n"))
    assert clean_text(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("๐๑๒๓๔๕๖๗๘๙0123456789กข .\t\n")), max_size=40))
def test_thai_digits_agree_with_pythainlp(text: str) -> None:
    from pythainlp.util import thai_digit_to_arabic_digit

    assert thai_digits_to_arabic(text) == (thai_digit_to_arabic_digit(text) if text else text)


_FRAGMENT_PIECES = st.sampled_from([
    "<p>", "</p>", "<li>", "</li>", "<ul style=\"list-style-type: none\">", "</ul>", "<ol>", "</ol>",
    "<b>", "</b>", "<br>", "<br/>", "<span class='x'>", "</span>", "<div>", "</div>", "-", " - ",
    "๑ ต.ค. ๒๕๖๘", "จัดทำแผน", "รายงานผล ", "  ", "\u0e4d\u0e32", "85.32คะแนน", "ระดับ A", "\n",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENT_PIECES, min_size=1, max_size=14).map("".join))
def test_simple_fragment_reader_equals_beautifulsoup(fragment: str) -> None:
    # The fast path must give exactly what the BeautifulSoup walk gives for the same fragment.
    from bs4 import BeautifulSoup

    from ita_lib.text.fragments import FRAGMENT_PARSER, node_parts, simple_fragment_parts

    fast = simple_fragment_parts(fragment)
    if fast is not None:
        assert fast == node_parts(BeautifulSoup(fragment, FRAGMENT_PARSER))
