"""Issue 25: kinds two more blind sets (blind5: first score 69.3 %, 2 wrong values, 2 records from
non-ITA texts; blind6: 81.7 %, 8 wrong values, 8 records from non-ITA texts) showed, each with a text
of our own (other names and numbers)."""
from __future__ import annotations

import pytest

from ita_lib.parse import parse_text


@pytest.mark.parametrize("text", [
    # blind5 019 kind: an LPA page whose site menu names the ITA above the title
    "เทศบาลตำบลนาข่า อำเภอเมือง จังหวัดอุดรธานี\n"
    "หน้าหลัก | ข้อมูลทั่วไป | ข่าว | ITA 2568 | OIT 2568 | ติดต่อ\n"
    "ผลการประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA) ประจำปี 2568\n"
    "ภาพรวม ร้อยละ 90.12\n"
    "ผ่านเกณฑ์ทุกด้าน และจะนำผลไปเตรียมความพร้อมสำหรับการประเมิน ITA ต่อไป",
    # blind5 020 / blind6 005 kind: the health ministry's MOIT (the ITA's Thai name, not the ITA)
    "โรงพยาบาลวังสะพุง\n"
    "หน้าแรก  เกี่ยวกับเรา  บริการ  ข่าวสาร  ITA/MOIT\n"
    "ประกาศผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานในสังกัด ตามเกณฑ์ MOIT ปีงบประมาณ 2568\n"
    "ลำดับ\tหน่วยงาน\tร้อยละ\tผลการประเมิน\n"
    "1\tโรงพยาบาลวังสะพุง\t95.45\tผ่าน\n"
    "2\tโรงพยาบาลภูหลวง\t90.91\tผ่าน\n"
    "3\tโรงพยาบาลผาขาว\t81.82\tไม่ผ่าน\n",
    # blind6 005 kind: the text says it is no ITA result
    "ผลการตรวจประเมินหลักฐานของโรงพยาบาลในสังกัด ประจำปี 2568\n"
    "โรงพยาบาลนาแห้ว ได้ 92.40 คะแนน ผ่าน\n"
    "หมายเหตุ ผลนี้เป็นการประเมินภายใน มิใช่ผลการประเมิน ITA ของสำนักงาน ป.ป.ช.",
    # blind6 016 kind: worked examples under a heading, and what would happen
    "สถ.จ.ยโสธร จัดอบรมการประเมิน ITA ประจำปี 2569\n"
    "ตัวอย่างที่ 1 หน่วยงาน ก\n"
    "IIT = 91.00 EIT = 84.00 OIT = 96.00\n"
    "คะแนน ITA = 27.30 + 25.20 + 38.40 = 90.90 คะแนน\n"
    "ผลการประเมิน : ผ่าน\n"
    "\n"
    "- หน่วยงานที่ไม่ส่งข้อมูล OIT ในระบบ ITAS จะได้ 0 คะแนนในข้อนั้น",
])
def test_no_record_from_a_text_that_gives_no_ita_result(text) -> None:
    assert parse_text(text) == []


def test_a_pass_word_before_the_pass_mark_is_the_mark() -> None:
    """blind5 020 kind: "ระดับผ่านเกณฑ์ ร้อยละ 90 ขึ้นไป" and "ผ่านเกณฑ์ (85 คะแนนขึ้นไป) 40 แห่ง" are rules."""
    records = parse_text("ผลการประเมิน ITA ประจำปี 2567 ของ อปท. ในจังหวัดเลย ผ่านเกณฑ์ (85 คะแนนขึ้นไป) 40 แห่ง\n"
                         "เทศบาลตำบลนาด้วง ได้ 88.64 คะแนน\n"
                         "คณะทำงาน ITA กำหนดระดับผ่านเกณฑ์ ร้อยละ 90 ขึ้นไป สำหรับการติดตามภายใน")
    (record,) = records
    assert (record.agency, record.overall_score, record.passed) == ("เทศบาลตำบลนาด้วง", 88.64, True)
    assert record.result is None and record.passed_derived  # passed from the score; no line's word
