"""Issue 25, kind 1: the year a sentence writes with a value ("ปี 61 ที่ประเมินตามวิธีการเดิมได้ 72.14",
"88.74 คะแนนในปี 2563", "ปีที่แล้ว ซึ่งเทศบาลได้ 85.60") is that value's; a history sentence gives
each year its own record (tests/evalsets: blind 003, 007, 014; news_2566_2568 008, 010;
older_and_spelling 002)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.parse import parse_document, parse_text
from ita_lib.parse.value_years import value_year

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("text, value, dated", [
    ("ส่วนปี 66 เราได้ 91.05 ผ่านดีค่ะ", "91.05", (True, 2566)),  # a short subject between year and verb
    ("ปี 2558 กรมฯ ได้ 79.84 คะแนน", "79.84", (True, 2558)),  # a short form and a space
    ("เทียบกับปี 61 ที่ประเมินตามวิธีการเดิมได้ 72.14 คะแนน", "72.14", (True, 2561)),  # a relative clause
    ("ดีขึ้นกว่า ITA62 ที่ทต.บ้านโป่งแดง ได้ 88.47 คะแนน", "88.47", (True, 2562)),  # ITA62, a name in the clause
    ("แย่ลงกว่าปี ๖๖ ซึ่ง อบต. ได้ ๗๑.๐๒ คะแนน", "๗๑.๐๒", (True, 2566)),  # Thai digits
    ("เมื่อเทียบกับปีที่แล้ว ซึ่งเทศบาลได้ 85.60 คะแนน", "85.60", (True, 2567)),  # last year: 2568 − 1
    ("ก่อนจะขึ้นมาเป็น 88.74 คะแนนในปี 2563 และ", "88.74", (True, 2563)),  # the year written after
    ("ได้ 91.20 คะแนน (ปี 2567)", "91.20", (True, 2567)),
    # no year of its own
    ("ปี 66 ปีนี้ได้ 90.00 คะแนน", "90.00", (False, None)),  # another year word in between
    ("ได้ 80.00 คะแนน ในปี 2567 ได้ 90.00", "80.00", (False, None)),  # the year opens the next clause
    ("จากปี 2566 ที่ได้ 80.00 เพิ่มขึ้นเป็น 90.00", "90.00", (False, None)),  # what a change came to
])
def test_the_year_written_with_a_value(text, value, dated) -> None:
    start = text.index(value)
    assert value_year(text, start, start + len(value), 2568) == dated


def test_last_year_in_a_text_of_no_known_year_is_no_year() -> None:
    text = "ปีที่แล้ว ซึ่งเทศบาลได้ 85.60 คะแนน"
    assert value_year(text, text.index("85"), text.index("85") + 5, None) == (True, None)


def test_a_history_sentence_gives_each_year_its_own_record() -> None:
    records = parse_document(FIXTURES / "prose_history_years.txt")
    assert [(r.agency, r.fiscal_year, r.overall_score, r.grade or r.result, r.source.lines.get("overall_score"))
            for r in sorted(records, key=lambda r: r.fiscal_year)] == [
        ("เทศบาลตำบลหนองหญ้าปล้อง", 2562, 71.33, None, 3),
        ("เทศบาลตำบลหนองหญ้าปล้อง", 2563, 80.42, "B", 3),
        ("เทศบาลตำบลหนองหญ้าปล้อง", 2564, 86.90, None, 3),
        ("เทศบาลตำบลหนองหญ้าปล้อง", 2565, 89.70, "A", 4),
        ("เทศบาลตำบลหนองหญ้าปล้อง", 2566, 92.25, "ผ่าน", 2),
        ("เทศบาลตำบลหนองหญ้าปล้อง", 2567, 94.36, "ผ่านดี", 2),
    ]
    # 2.11 and 4.66 are sizes of changes, not second scores of 2567
    assert [w.message for r in records for w in r.warnings] == []


def test_last_years_value_needs_the_texts_year() -> None:
    records = parse_text("ผลการประเมิน ITA อบต.ดอนแก้ว ได้ 90.10 คะแนน เมื่อเทียบกับปีที่แล้ว ซึ่ง อบต.ได้ 85.60 คะแนน")
    assert [(r.fiscal_year, r.overall_score) for r in records] == [(None, 90.10)]


def test_a_level_right_after_a_score_makes_it_one() -> None:
    # "ได้ 91.05 ผ่านดี": no คะแนน, but a level as the number's unit
    records = parse_text("ผลการประเมิน ITA ของ อบต.ดอนแก้ว ประจำปี 2567 ปีนี้ได้ 96.80 คะแนน ส่วนปี 66 เราได้ 91.05 ผ่านดีค่ะ")
    assert [(r.fiscal_year, r.overall_score, r.result) for r in sorted(records, key=lambda r: r.fiscal_year)] == [
        (2566, 91.05, "ผ่านดี"), (2567, 96.80, None)]
