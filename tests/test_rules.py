"""Unit rules of the parser: years, agencies, indicator names, validation, the tidy table."""
from __future__ import annotations

import pandas as pd
import pytest

from ita_lib.parse.agency import main_agency
from ita_lib.io.document import Line
from ita_lib.parse.indicator_names import indicator_from_name, indicator_number_prefix
from ita_lib.model import to_dataframe
from ita_lib.parse import parse_text
from ita_lib.parse.years import assessed_year, to_buddhist_era


def lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


@pytest.mark.parametrize("texts, year, line", [
    (("การวิเคราะห์ผลการประเมิน ITA ในปีงบประมาณ พ.ศ. 2568",
      "และการนำผลการวิเคราะห์ไปสู่การปรับปรุงหรือพัฒนาองค์กร ในปีงบประมาณ พ.ศ. 2569"), 2568, 1),
    (("มาตรการเพื่อพัฒนาองค์กรในปีงบประมาณ พ.ศ. 2569", "ผลการประเมิน ITA ประจำปี 2568 ได้ 91.94 คะแนน"), 2568, 2),
    (("ปี 2563 ปี 2564 ปี 2565 ปี 2566 ปี 2567", "ผลการประเมินในปี พ.ศ. 2566"), 2566, 2),
    # Two chart tabs alone on a line assert no year either: the sentence's 2563 wins, not the earlier 2562.
    (("ผลการประเมินคุณธรรมและความโปร่งใส", "ปี 2562 ปี 2563", "ในปี พ.ศ. 2563 หน่วยงานได้รับคะแนนรวม 70.00 คะแนน"),
     2563, 3),
    # ... but a sentence naming two years is not a chart row: the first assessed mention wins.
    (("ผลการประเมิน ITA ปี 2564 สูงกว่าปี 2563",), 2564, 1),
    (("scored 91.27 in the fiscal 2024 ITA",), 2567, 1),
    (("ผลการประเมิน ITA ปี 68",), 2568, 1),
    (("ประกาศ ณ วันที่ 2 สิงหาคม พ.ศ. 2565",), None, None),
])
def test_assessed_year(texts, year, line) -> None:
    mention = assessed_year(lines(*texts))
    assert (mention.year, mention.line) == (year, line) if year else mention is None


def test_buddhist_era() -> None:
    assert (to_buddhist_era(2025), to_buddhist_era(68), to_buddhist_era(2568)) == (2568, 2568, 2568)


@pytest.mark.parametrize("text, name, kind, district, province", [
    ("หน่วยงาน: เทศบาลตำบลหนองเส้า อำเภอชุมแพ จังหวัดขอนแก่น", "เทศบาลตำบลหนองเส้า", "ทต.", "ชุมแพ", "ขอนแก่น"),
    ("หน่วยงาน อบต.ลำปางรอง (อ.เมือง จ.ลำปาง)", "องค์การบริหารส่วนตำบลลำปางรอง", "อบต.", "เมือง", "ลำปาง"),
    ("ชื่อหน่วยงาน ทม.ท่าช้าง", "เทศบาลเมืองท่าช้าง", "ทม.", None, None),
    ("ประกาศองค์การบริหารส่วนจังหวัดน่าน", "องค์การบริหารส่วนจังหวัดน่าน", "อบจ.", None, None),
])
def test_agency_names_expand_and_locate(text, name, kind, district, province) -> None:
    agency = main_agency(lines(text))
    assert (agency.name, agency.agency_type, agency.district, agency.province) == (name, kind, district, province)


@pytest.mark.parametrize("printed, number", [
    ("การ แก้ไข ปัญหาการ ทุจริต", 5),  # split by PDF extraction
    ("การใช้ทรัพย์สินของทางราชการ", 4),
    ("การปรับปรุงการทำงาน", 8),
    ("การป้องกันและการทุจริต", 10),
    ("Open Data", 9),
    ("anti-corruption practice", 10),
    ("การใช้อำนาจ", 3),
    ("การใช้งบประมาณ", 2),
    ("การเปิดเผยข้อมุล", 9),  # garbled vowel: close fuzzy match
    ("การใช้จ่ายเงิน", None),
])
def test_indicator_names(printed, number) -> None:
    assert indicator_from_name(printed) == number


@pytest.mark.parametrize("cell, number", [("3", 3), ("๓.".replace("๓", "3"), 3), ("ตัวชี้วัดที่ 10 การป้องกัน", 10),
                                          ("10.", 10), ("11", None), ("9.4 การบริหาร", None), ("85.32", None)])
def test_printed_indicator_numbers(cell, number) -> None:
    assert indicator_number_prefix(cell) == number


RANKED = """ผลการประเมิน ITA ประจำปีงบประมาณ {year}
คะแนนภาพรวมหน่วยงานเทศบาลตำบลนาดี : {overall} คะแนน
ระดับผลการประเมิน : {grade}
อันดับ\tตัวชี้วัด\tคะแนน
""" + "".join(f"{rank}\t{name}\t{score}\n" for rank, (name, score) in enumerate([
    ("การใช้อำนาจ", "95.00"), ("การปฏิบัติหน้าที่", "90.00"), ("การใช้งบประมาณ", "90.00"),
    ("การใช้ทรัพย์สินของราชการ", "90.00"), ("การแก้ไขปัญหาการทุจริต", "90.00"), ("คุณภาพการดำเนินงาน", "80.00"),
    ("ประสิทธิภาพการสื่อสาร", "80.00"), ("การปรับปรุงการทำงาน", "80.00"), ("การเปิดเผยข้อมูล", "70.00"),
    ("การป้องกันการทุจริต", "90.00")], start=1))
# By hand: IIT = (90+90+95+90+90)/5 = 91; EIT = 80; OIT = (70+90)/2 = 80;
# 0.3*91 + 0.3*80 + 0.4*80 = 27.3 + 24 + 32 = 83.30 -> band B.


def codes(record) -> list[str]:
    return [w.code for w in record.warnings]


def test_recomputed_overall_matches_and_grade_fits() -> None:
    [record] = parse_text(RANKED.format(year=2565, overall="83.30", grade="B"))
    assert record.overall_score_computed == 83.30
    assert record.passed is False and record.passed_derived is True
    assert codes(record) == []


def test_overall_mismatch_and_grade_outside_band_are_warnings() -> None:
    [record] = parse_text(RANKED.format(year=2565, overall="88.30", grade="A"))
    assert record.overall_score == 88.30  # the printed value is kept
    assert record.overall_score_computed == 83.30
    assert sorted(codes(record)) == ["overall_mismatch"]  # A fits 88.30, the mismatch is the sum
    [record] = parse_text(RANKED.format(year=2565, overall="83.30", grade="A"))
    assert codes(record) == ["grade_score_mismatch"]
    assert record.warnings[0].line == 3
    # both printed values are kept, flagged; the pass they disagree on is not derived from either
    assert (record.grade, record.overall_score, record.passed) == ("A", 83.30, None)
    [record] = parse_text(RANKED.format(year=2565, overall="74.10", grade="D"))
    assert (record.grade, record.passed, record.passed_derived) == ("D", False, True)  # they agree: fail


def test_2566_onwards_cannot_verify() -> None:
    [record] = parse_text(RANKED.format(year=2567, overall="88.30", grade="A"))
    assert codes(record) == ["grade_outside_scheme", "overall_unverifiable"]
    assert "cannot verify" in record.warnings[1].message
    # the letter is kept as printed and flagged: letters were dropped from 2566 (ita-reference.md)
    assert record.grade == "A" and "2567" in record.warnings[0].message


def test_a_letter_is_flagged_only_in_years_without_letters() -> None:
    [record] = parse_text(RANKED.format(year=2565, overall="83.30", grade="B"))
    assert "grade_outside_scheme" not in codes(record)


def test_score_out_of_range_is_dropped_with_a_warning() -> None:
    text = RANKED.format(year=2565, overall="83.30", grade="B").replace("95.00", "195.00")
    [record] = parse_text(text)
    assert "3" not in record.indicators
    assert "score_out_of_range" in codes(record)
    assert "195.0" in next(w.message for w in record.warnings if w.code == "score_out_of_range")


def test_tidy_dataframe_has_one_row_per_indicator() -> None:
    [record] = parse_text(RANKED.format(year=2565, overall="83.30", grade="B"))
    frame = to_dataframe([record])
    assert len(frame) == 10
    assert list(frame["indicator"]) == list(range(1, 11))
    assert frame.loc[frame["indicator"] == 9, "score"].item() == 70.0
    assert set(frame["instrument"]) == {"IIT", "EIT", "OIT"}
    assert (frame["fiscal_year"] == 2565).all()
    assert isinstance(frame, pd.DataFrame)


PLAN_ROW = ("การวิเคราะห์ผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๖\n"
            "ตัวชี้วัด\tมาตรการ\tผลการวิเคราะห์\tขั้นตอนการดำเนินการ\tระยะเวลา\tผู้รับผิดชอบ\n"
            "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่\tจัดทำคู่มือ\t{analysis}\t๑.จัดทำ ๒.เผยแพร่\tตลอดปี\tสำนักปลัด\n")


@pytest.mark.parametrize("analysis, indicator_1, items", [
    ("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน ๙๓.๑๕ คะแนน", 93.15, {}),
    ("ปรากฏว่า โดยรวมได้คะแนน ๑๐๐ คะแนน", 100.0, {}),
    ("หัวข้อ e๑. EIT Survey ได้คะแนน ๙๘.๕๗ คะแนน", None, {}),  # an item's score, not the indicator's
    ("ข้อ ๐๒๑ ไม่มีเอกสารเผยแพร่ จึงได้คะแนน ๐ คะแนน", None, {"O21": 0.0}),
    ("ข้อ ๐๑-๐๒๐ ได้คะแนนเท่ากับ ๑๐๐ คะแนน", None, {}),  # a range is not an item score
])
def test_scores_quoted_in_action_rows(analysis, indicator_1, items) -> None:
    [record] = parse_text(PLAN_ROW.format(analysis=analysis), agency="องค์การบริหารส่วนตำบลทดสอบ")
    assert record.indicators.get("1") == indicator_1
    assert record.items == items
    assert record.actions[0].steps == ["จัดทำ", "เผยแพร่"]


@pytest.mark.parametrize("sentence", ["ผลการประเมินภาพรวม ๘๕.๓๕ คะแนน อยู่ในระดับ ผ่าน",
                                      "ผลการประเมินภาพรวมของเทศบาลได้ ๘๕.๓๕ คะแนน"])
def test_overall_sentences(sentence) -> None:
    [record] = parse_text("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ของเทศบาลตำบลนาดี\n" + sentence + "\n")
    assert record.overall_score == 85.35
    assert record.fiscal_year == 2566


# --- rubric data file ---------------------------------------------------------------------------

def test_rubric_rules_per_year() -> None:
    from ita_lib.rubric import load

    rubric = load()

    graded = rubric.rules_for(2563)
    assert (graded.era.id, graded.grading, graded.weights_status) == ("2562-2565", "bands", "C")
    assert graded.weights == {"IIT": 0.30, "EIT": 0.30, "OIT": 0.40}
    assert graded.grade_bands[0] == ("AA", 95.0) and graded.grade_bands[-1] == ("F", 0.0)
    assert graded.uncertain_facts() == {}
    pass_fail = rubric.rules_for(2567)
    assert (pass_fail.era.id, pass_fail.grading, pass_fail.pass_threshold) == ("2566+", "result_words", 85.0)
    assert pass_fail.uncertain_facts() == {"weights": "L", "level_rules": "L"}
    assert "eit_parts" not in pass_fail.extra and rubric.rules_for(2568).extra["eit_parts"] is True
    assert rubric.rules_for(2568).uncertain_facts()["eit_parts"] == "U"
    assert not rubric.era_of(2561).comparable and rubric.era(2561) == "pre-2562"
    assert rubric.same_era(2563, 2565) and not rubric.same_era(2565, 2566) and not rubric.same_era(2560, 2561)
    assert (rubric.has_grade_bands(2565), rubric.has_grade_bands(2566), rubric.has_grade_bands(2561)) == \
        (True, False, False)


def test_indicator_weights() -> None:
    from ita_lib.rubric import load

    rubric = load()

    # IIT 0.30 / 5, EIT 0.30 / 3, OIT 0.40 / 2
    assert [round(rubric.indicator_weight(n), 4) for n in (1, 5, 6, 8, 9, 10)] == [0.06, 0.06, 0.1, 0.1, 0.2, 0.2]
    assert sum(rubric.indicator_weight(n) for n in range(1, 11)) == pytest.approx(1.0)
