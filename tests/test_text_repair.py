"""The agency's text repaired before it is printed: stray spaces, glued lists, item codes, Latin inside
Thai. Fixtures are our own lines, written the way PDF extraction damages a document."""
from __future__ import annotations

import pandas as pd
import pytest

from ita_lib.analysis import AnalysisConfig, build_analysis
from ita_lib.report import sections
from ita_lib.report.document import Cell, Table
from ita_lib.report.sections.common import as_written
from ita_lib.report.sections.measures import measure_cell, own_follow_up
from ita_lib.text.repair import (damaged_spans, item_codes_in_digits, join_split_thai, latin_inside_thai,
                                list_items)


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("แจ้ง องค์ การ บริ หาร ส่วน จังหวัด ทราบ", "แจ้ง องค์การบริหารส่วนจังหวัด ทราบ"),  # a name split everywhere
    ("ประชุม คณะ กรร มการ ทุก เดือน", "ประชุม คณะ กรรมการ ทุก เดือน"),  # "กรร" is no word, "กรรมการ" is
    ("จัดทำ งบ ประ มาณ", "จัดทำ งบ ประมาณ"),
    ("เพื่อ พัฒ นา ระบบ", "เพื่อ พัฒนา ระบบ"),
    ("ทุก ฝ่าย ก ำหนด แผน", "ทุก ฝ่าย กำหนด แผน"),  # a piece that starts with a vowel sign joins the one before
])
def test_spaces_inside_a_thai_word_are_removed(damaged, repaired):
    assert join_split_thai(damaged) == repaired


@pytest.mark.parametrize("text", [
    "จัด ทำ แผน ป้องกัน การ ทุจริต",  # real words with real spaces: never joined
    "ความ โปร่ง ใส",  # every piece a word: the space may be real
    "ช่องทาง Line กลุ่ม และ อื่น ๆ ใน ปี 2568",  # Latin, the repetition mark and digits stay apart
    "การ ทุจริต และ ประ พ ลิ ต ขอบ",  # garbled beyond repair ("ต" stays no word): left as it is
    "แจ้งให้ทุก คน ทราบ",  # a piece made of words ("แจ้ง|ให้|ทุก") is not damaged
    "สอง  ช่อง ว่าง",  # a double space is kept as written
])
def test_text_without_a_certain_repair_is_left_as_written(text):
    assert join_split_thai(text) == text


def test_the_agencys_own_name_is_joined_though_its_pieces_are_words():
    assert join_split_thai("เทศบาลตำบล ห้วย กระ เจา", names=["ห้วยกระเจา"]) == "เทศบาลตำบล ห้วยกระเจา"
    assert join_split_thai("เทศบาลตำบล ห้วย กระ เจา") == "เทศบาลตำบล ห้วย กระ เจา"


@pytest.mark.parametrize(("text", "lead", "items"), [
    ("มาตรการลดขั้นตอน -ทำคู่มือใหม่ -ประกาศทางเสียงตามสาย", "มาตรการลดขั้นตอน",
     ("ทำคู่มือใหม่", "ประกาศทางเสียงตามสาย")),
    ("-ตั้งคณะทำงาน -ประชุมทุกไตรมาส", "", ("ตั้งคณะทำงาน", "ประชุมทุกไตรมาส")),
    ("ก. สำรวจความเห็น ข. สรุปผล ค. แจ้งผู้บริหาร", "", ("สำรวจความเห็น", "สรุปผล", "แจ้งผู้บริหาร")),
    ("แผนงาน 1) อบรม 2) ประเมินผล", "แผนงาน", ("อบรม", "ประเมินผล")),
    ("ติดตามผล -รอบ 6 เดือน -รอบ 12 เดือน", "ติดตามผล", ("รอบ 6 เดือน", "รอบ 12 เดือน")),
    ("1 ต.ค. 2568 - 30 ก.ย. 2569", "1 ต.ค. 2568 - 30 ก.ย. 2569", ()),  # a range is no list
    ("ระบบ E-Service ของตำบล", "ระบบ E-Service ของตำบล", ()),
    ("ข้อ ก. ตามระเบียบ", "ข้อ ก. ตามระเบียบ", ()),  # one marker is a reference, not a list
])
def test_a_list_glued_into_one_paragraph_becomes_lead_and_items(text, lead, items):
    assert list_items(text) == (lead, items)


def test_latin_letters_inside_a_thai_word_are_flagged_with_their_word():
    text = "แจ้งผู้รับxyzบริการ ผ่าน E-Serviceของ ITAของ Facebook และ www.abc.go.th"
    assert latin_inside_thai(text) == [(0, 19, "แจ้งผู้รับxyzบริการ")]
    assert text[0:19] == "แจ้งผู้รับxyzบริการ"
    assert latin_inside_thai("ผลITAดี ตามOITครบ") == []


def test_item_codes_take_the_reports_thai_digits_and_addresses_stay():
    assert item_codes_in_digits("หัวข้อ e1. E2 และ (o13) ที่ www.e1.go.th") == "หัวข้อ e๑. E๒ และ (o๑๓) ที่ www.e1.go.th"


def test_the_agencys_sentence_is_printed_repaired_in_the_reports_digits():
    text = "ข้อ e1. ของ องค์ การ บริ หาร ส่วน ตำบล ได้ 50 คะแนน*"
    assert as_written(text, AnalysisConfig(digits="thai")) == "ข้อ e๑. ของ องค์การบริหารส่วนตำบล ได้ ๕๐ คะแนน"
    assert as_written(text, AnalysisConfig(digits="arabic")) == "ข้อ e1. ของ องค์การบริหารส่วนตำบล ได้ 50 คะแนน"


def test_a_measure_title_with_glued_bullets_is_a_lead_and_its_items():
    assert measure_cell("-ทำคู่มือ -แจ้งเวียน", "อบรม | ประเมิน") == Cell(
        lead="ทำคู่มือ", items=("แจ้งเวียน", "อบรม", "ประเมิน"))
    assert measure_cell("มาตรการเปิดเผย -ลงเว็บไซต์", "อบรม") == Cell(
        lead="มาตรการเปิดเผย -ลงเว็บไซต์", items=("อบรม",))  # one dash: not sure it is a list, kept


def test_a_period_column_holding_the_follow_up_moves_to_the_follow_up_column():
    assert own_follow_up("รายงานผลตามมาตรการ -รอบ ๖ เดือน -รอบ ๑๒ เดือน") == (
        Cell("–"), Cell(lead="รายงานผลตามมาตรการ", items=("รอบ ๖ เดือน", "รอบ ๑๒ เดือน")))
    assert own_follow_up("รายงานผลทุกเดือน") == (Cell("–"), Cell("รายงานผลทุกเดือน"))
    assert own_follow_up("รายงานผลตามแผน - รอบ ๖ เดือน รอบ ๑๒ เดือน")[1] == Cell(
        lead="รายงานผลตามแผน", items=("รอบ ๖ เดือน", "รอบ ๑๒ เดือน"))  # one dash, but the rounds end it
    assert own_follow_up("รอบ ๖ เดือน และ รอบ ๑๒ เดือน")[1] == Cell("รอบ ๖ เดือน และ รอบ ๑๒ เดือน")
    assert own_follow_up("๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙") is None
    assert own_follow_up("รอบ ๖ เดือน ถึง มีนาคม ๒๕๖๙") is None  # a date: it is a period


def test_a_consonant_standing_alone_marks_a_span_for_review():
    text = "ป้องกัน การ ทุจริต และ ประ พ ลิ ต ขอบ ใน หน่วยงาน ณ ที่ทำการ"
    assert damaged_spans(text) == [(23, 37, "ประ พ ลิ ต ขอบ")]  # one piece each side of "พ" and "ต"
    assert damaged_spans("ประชุม ณ ห้องประชุม") == []


def own_plan_analysis(periods: list[str]):
    """An agency (below the pass mark on indicator 9) whose own plan rows have the given periods."""
    facts = pd.DataFrame(
        [("a1", 2567, f"indicator:{n}", 90.0 if n != 9 else 70.0, None, 10 + n, "r1", "itas_result", "d.txt", "x")
         for n in range(1, 11)],
        columns=["agency_id", "fiscal_year", "field", "number", "text", "line", "record_id", "kind", "path", "sha256"])
    actions = pd.DataFrame([{"indicator": 9, "topic": "9", "measure": f"-ตรวจลิงก์ทุกเดือน{i} -แก้ลิงก์เสีย",
                             "analysis": "ลิงก์เสีย", "steps": '["กำ หนด ผู้ ดูแล", "ตรวจ สอบ ราย เดือน"]',
                             "period": period, "responsible": "สำนักปลัด", "score": 70.0, "line": 40 + i,
                             "fiscal_year": 2567, "path": "/x/plan.txt"} for i, period in enumerate(periods)])
    agency = {"agency_id": "a1", "name": "องค์การบริหารส่วนตำบลทดลอง", "agency_type": "อบต.",
              "district": "เมือง", "province": "ขอนแก่น"}
    return build_analysis(agency, facts, actions=actions, config=AnalysisConfig(measures_per_indicator=0))


def own_table(a) -> Table:
    return next(b for b in sections.plan(a).blocks if isinstance(b, Table) and "own" in b.style)


def test_the_agencys_plan_table_prints_its_lists_and_its_follow_up_in_their_columns():
    table = own_table(own_plan_analysis(["รายงานผล -รอบ 6 เดือน -รอบ 12 เดือน"]))
    assert table.header == ("ตัวชี้วัด/ประเด็น", "มาตรการและขั้นตอน", "ผู้รับผิดชอบ", "การติดตามผล")
    topic, measure, who, follow = table.rows[0]
    assert measure == Cell(lead="ตรวจลิงก์ทุกเดือน๐", items=("แก้ลิงก์เสีย", "กำหนด ผู้ ดูแล", "ตรวจ สอบ ราย เดือน"))
    assert follow == Cell(lead="รายงานผล", items=("รอบ ๖ เดือน", "รอบ ๑๒ เดือน"))


def test_the_period_column_stays_when_a_row_has_a_period():
    table = own_table(own_plan_analysis(["รายงานผล -รอบ 6 เดือน -รอบ 12 เดือน", "ต.ค. 2567 - ก.ย. 2568"]))
    assert table.header[-2:] == ("ระยะเวลา", "การติดตามผล")
    assert [row[-2].text for row in table.rows] == ["–", "ต.ค. ๒๕๖๗ - ก.ย. ๒๕๖๘"]
    assert [row[-1].text for row in table.rows][1] == "รอบ ๖ และ ๑๒ เดือน"


def test_a_consonant_and_its_vowel_that_make_a_word_are_not_damage() -> None:
    from ita_lib.text.repair import damaged_spans

    assert damaged_spans("ผลการประเมิน 3 ปี ที่ผ่านมา ดี ขึ้น") == []
    assert [text for _, _, text in damaged_spans("การทุจริต และ ประ พ ลุ ต มิ ขอบ ภายใน")] == ["ประ พ ลุ ต มิ"]
