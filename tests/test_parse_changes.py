"""Issue 25, kind 1: several years in one sentence. "เพิ่มจาก 88.10 คะแนน (ปี 2566) เป็น 91.20 คะแนน":
the value after จาก is an earlier year's, the one after เป็น the text's own (realdocs2
023_mgronline-oag-2568-vs-2567: 92.43 of 2567 and 94.64 of 2568 were "several scores, none kept")."""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.parse import parse_document
from ita_lib.parse.changes import superseded

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("text, earlier, year", [
    ("ได้คะแนนรวมเพิ่มจาก 88.10 คะแนน (ปี 2566) เป็น 91.20 คะแนน", "88.10", 2566),
    ("เพิ่มขึ้นจากปี ๒๕๖๕ ที่ได้ ๘๗.๔๐ คะแนน เป็น ๙๐.๑๕ คะแนน", "๘๗.๔๐", 2565),
    ("คะแนนปรับขึ้นจากเดิม 87.30 เป็น 91.20 คะแนน", "87.30", None),
    ("ผลประเมินถูกปรับลดจาก “ผ่านดี” เหลือเพียง “ผ่าน”", "“ผ่านดี”", None),
    # blind3 018 kind: the earlier level in brackets, the year as "ใน ITA67"
    ("คะแนนเพิ่มขึ้นจาก 88.40 คะแนน (ระดับผ่าน) ใน ITA66 เป็น 96.10 คะแนน", "88.40", 2566),
    # blind3 020 kind: the new value first, the earlier after "เพิ่มขึ้นจาก" with no year
    ("ค่าเฉลี่ยอยู่ที่ 61.27 คะแนน เพิ่มขึ้นจาก 57.90 คะแนนในปีก่อน", "57.90", None),
])
def test_the_earlier_value_of_a_change_and_its_year(text, earlier, year) -> None:
    (found,) = superseded(text)
    assert (text[found.start:found.end], found.year) == (earlier, year)


@pytest.mark.parametrize("text", [
    "ได้ 95.10 คะแนนจากคะแนนเต็ม 100 คะแนน อยู่ในระดับ AA เป็นลำดับที่ 1",  # a full mark, then a rank
    "เป็นลำดับที่ 1 จาก 15 ส่วนราชการ เป็นหน่วยงานต้นแบบ",  # a count
])
def test_what_is_no_change_of_a_score(text) -> None:
    assert superseded(text) == ()


def test_a_change_gives_each_year_its_own_score_and_an_earlier_value_of_no_year_none() -> None:
    records = parse_document(FIXTURES / "prose_change_from_earlier_year.txt")
    assert [(r.agency, r.fiscal_year, r.overall_score, r.passed, r.source.lines["overall_score"]) for r in records] == [
        ("กรมส่งเสริมสหกรณ์", 2566, 88.10, True, 3), ("กรมส่งเสริมสหกรณ์", 2567, 91.20, True, 3)]
    assert [w.code for r in records for w in r.warnings] == []  # 87.30 (no year) is no second score of 2567


@pytest.mark.parametrize("text, years", [
    # the change word before จาก no longer hides the earlier value; its year is the one written with it
    ("กรมชลประทาน ได้รับผลการประเมิน ITA ประจำปี 2567 คะแนนเพิ่มขึ้นจาก 88.10 คะแนน (ปี 2566) เป็น 91.20 คะแนน",
     [(2566, 88.10), (2567, 91.20)]),
    # an earlier value of no written year is nobody's, and no second score of the text's year
    ("กรมชลประทาน ได้รับผลการประเมิน ITA ประจำปี 2567 คะแนนลดลงจากเดิม 93.00 เหลือ 91.20 คะแนน", [(2567, 91.20)]),
    # the year of the text before "เพิ่มขึ้นจาก" is not the earlier value's; its own year after it is
    ("กรมชลประทาน ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 โดยคะแนนเพิ่มขึ้นจาก 88.40 คะแนน (ระดับผ่าน) "
     "ใน ITA67 เป็น 96.10 คะแนน", [(2567, 88.40), (2568, 96.10)]),
    # a change by an amount stays a change
    ("กรมชลประทาน ได้รับผลการประเมิน ITA ประจำปี 2567 ได้ 91.20 คะแนน เพิ่มขึ้น 3.10 คะแนน", [(2567, 91.20)]),
])
def test_each_value_of_a_change_goes_to_its_own_year(text, years) -> None:
    from ita_lib.parse import parse_text

    records = parse_text(text)
    assert [(r.fiscal_year, r.overall_score) for r in records] == years
    assert [w.code for r in records for w in r.warnings] == []


def test_the_level_a_change_came_to_is_the_texts_own() -> None:
    # realdocs2 023: "ปรับลดจาก “ผ่านดี” เหลือเพียง “ผ่าน”": the text's year is ผ่าน; the earlier level,
    # of no written year, is nobody's
    from ita_lib.parse import parse_text

    (record,) = parse_text("สำนักงานสถิติแห่งชาติ ได้รับผลการประเมิน ITA ประจำปี 2568 ได้ 93.05 คะแนน "
                           "แต่ระดับผลการประเมินถูกปรับลดจาก “ผ่านดี” เหลือเพียง “ผ่าน” เพราะ EIT ต่ำกว่าเกณฑ์")
    assert (record.fiscal_year, record.overall_score, record.result, record.passed) == (2568, 93.05, "ผ่าน", True)


@pytest.mark.parametrize("text, years", [
    # realdocs2 023: a score's change names the earlier year, the level's change in the same sentence
    # does not: the sentence compares the same two years, so the earlier level is that year's
    ("กรมการจัดหางาน ได้รับผลการประเมิน ITA ประจำปี 2568 คะแนนเพิ่มจาก 90.12 คะแนน (ปี 2567) เป็น 93.30 คะแนน "
     "แต่ระดับผลการประเมินลดจาก “ผ่านดี” เหลือ “ผ่าน”", [(2567, 90.12, "ผ่านดี"), (2568, 93.30, "ผ่าน")]),
    # a third year named in the line: which two the level compares is a guess, the earlier level none's
    ("กรมการจัดหางาน ได้รับผลการประเมิน ITA ประจำปี 2568 คะแนนเพิ่มจาก 90.12 คะแนน (ปี 2567) เป็น 93.30 คะแนน "
     "ส่วนปี 2565 ได้ระดับ AA แต่ระดับผลการประเมินลดจาก “ผ่านดี” เหลือ “ผ่าน”",
     [(2565, None, "AA"), (2567, 90.12, None), (2568, 93.30, "ผ่าน")]),
])
def test_an_earlier_level_takes_the_year_of_the_other_change_in_its_sentence(text, years) -> None:
    from ita_lib.parse import parse_text

    records = sorted(parse_text(text), key=lambda r: r.fiscal_year)
    assert [(r.fiscal_year, r.overall_score, r.result or r.grade) for r in records] == years
