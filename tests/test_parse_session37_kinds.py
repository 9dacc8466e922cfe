"""Issue 25: kinds the real-page blind sets showed in session 37, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.level, r.fiscal_year, r.overall_score, r.grade, r.result, r.passed)
                  for r in parse_text(text))


def test_a_kind_of_agencys_average_is_a_category_record_not_an_agencys() -> None:
    """Real-page kind (TV news of a year's national results: "ประเภทหน่วยงานที่ได้คะแนนสูงสุดคือ องค์กรศาล
    91.93 คะแนน …"): the NACC's summary gives each kind of agency an average. Each is a record of the
    category with "level": "category_average", as the shared truth writes them, and takes no pass; a
    common word (รัฐวิสาหกิจ) names a category only after กลุ่ม or ประเภท."""
    text = ("สำนักงาน ป.ป.ช. เปิดผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปี 2563 "
            "จากหน่วยงาน 8,303 แห่ง ประเภทหน่วยงานที่มีคะแนนเฉลี่ยสูงสุด ได้แก่ องค์กรอัยการ 93.12 คะแนน รองลงมาคือ "
            "หน่วยงานในสังกัดรัฐสภา 92.40 คะแนน ส่วนอปท.รูปแบบพิเศษ ได้ 70.25 คะแนน ต่ำสุด "
            "ขณะที่กลุ่มรัฐวิสาหกิจ ได้ 91.08 คะแนน\n"
            "เมื่อแยกตามกระทรวง พบว่ากระทรวงพาณิชย์ ได้คะแนนสูงสุด 92.77 คะแนน\n")
    assert _read(text) == [
        ("กระทรวงพาณิชย์", "ministry_average", 2563, 92.77, None, None, None),
        ("รัฐวิสาหกิจ", "category_average", 2563, 91.08, None, None, None),
        ("หน่วยงานในสังกัดรัฐสภา", "category_average", 2563, 92.4, None, None, None),
        ("องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ", "category_average", 2563, 70.25, None, None, None),
        ("องค์กรอัยการ", "category_average", 2563, 93.12, None, None, None)]


def test_a_category_the_agency_belongs_to_or_ranks_in_owns_nothing() -> None:
    """realdocs 012 (an award "ที่ 1 ประเภทองค์การมหาชน ด้วยคะแนน 95.54") and its kind: the category an
    agency is described as, or ranked first in, is where it stands; the score stays the agency's."""
    described = ("สำนักงานการตรวจเงินแผ่นดิน ซึ่งเป็นองค์กรอิสระ ได้คะแนน 96.35 คะแนน ในการประเมินคุณธรรมและ"
                 "ความโปร่งใส (ITA) ประจำปี 2566 อยู่ในระดับผ่านดีเยี่ยม")
    assert _read(described) == [("สำนักงานการตรวจเงินแผ่นดิน", None, 2566, 96.35, None, "ผ่านดีเยี่ยม", True)]
    ranked = ("ผลการประเมิน ITA ประจำปีงบประมาณ 2564 สถาบันวิจัยแสงซินโครตรอน (องค์การมหาชน) ได้ระดับ AA "
              "ที่ 2 ประเภทองค์การมหาชน ด้วยคะแนน 96.12")
    assert _read(ranked) == [("สถาบันวิจัยแสงซินโครตรอน (องค์การมหาชน)", None, 2564, 96.12, "AA", None, True)]


def test_a_level_written_as_the_pass_word_and_its_grade_apart() -> None:
    """realblind9 006 kind: 'ได้รับคะแนน 97.65 ผ่านระดับ “ดีเยี่ยม”' is the level ผ่านดีเยี่ยม of a 2566+ year, not
    a bare pass; and ระดับ “ดี” is the word "good", never the letter D spelt in Thai."""
    assert _read("การท่าเรือแห่งประเทศไทย ได้รับคะแนน 96.12 ผ่านระดับ “ดีเยี่ยม” จากการประเมิน ITA ประจำปีงบประมาณ 2567") == [
        ("การท่าเรือแห่งประเทศไทย", None, 2567, 96.12, None, "ผ่านดีเยี่ยม", True)]
    assert _read("เทศบาลเมืองบ้านบึง ได้ 93.12 คะแนน ผ่านการประเมินในระดับดี (ITA) ประจำปีงบประมาณ 2566") == [
        ("เทศบาลเมืองบ้านบึง", None, 2566, 93.12, None, "ผ่านดี", True)]
    records = parse_text("การท่าเรือแห่งประเทศไทย ได้รับคะแนน 91.12 อยู่ในระดับ “ดี” จากการประเมิน ITA ประจำปีงบประมาณ 2567")
    assert [(r.grade, r.overall_score) for r in records] == [(None, 91.12)]


def test_a_municipality_written_without_its_tier_is_named_by_its_place() -> None:
    """realblind9 016 kind: "เทศบาลพิชัย รับมอบประกาศเกียรติคุณ … ITA ประจำปีงบประมาณ พ.ศ.2565 ในระดับ AA"
    names the municipality, not the province of the ceremony; "เทศบาลขนาดใหญ่" (a size) names nobody."""
    assert _read("เทศบาลบ้านฉาง รับมอบโล่ ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ.2564 ในระดับ AA\n"
                 "ณ ศาลากลางจังหวัดระยอง\n") == [("เทศบาลบ้านฉาง", None, 2564, None, "AA", None, True)]
    assert _read("ผลการประเมิน ITA ปี 2566 ส่วนเทศบาลขนาดใหญ่ เทศบาลนครระยอง ได้ 96.55 คะแนน") == [
        ("เทศบาลนครระยอง", None, 2566, 96.55, None, None, True)]
    # realdocs2 006 kind: the same municipality with and without its tier in one text is one agency
    assert _read("เทศบาลบ้านฉาง คว้ารางวัล ITA\nผลการประเมิน ITA ประจำปี 2564 เทศบาลตำบลบ้านฉาง ได้ 97.15 คะแนน "
                 "ระดับ AA\n") == [("เทศบาลตำบลบ้านฉาง", None, 2564, 97.15, "AA", None, True)]


def test_an_organisations_own_ita_of_its_units_is_another_assessment() -> None:
    """realblind9 019 kind: a university's internal assessment named after the ITA ("KU-ITA", "…ในการ
    ดำเนินงานของส่วนงาน") gives no ITA result, whatever grade and year it prints."""
    text = ("พิธีมอบรางวัล KU-ITA Award 2024\n\nมหาวิทยาลัยเกษตรศาสตร์จัดงานมอบรางวัลแก่ส่วนงานที่มีผลการประเมิน"
            "คุณธรรมและความโปร่งใสในการดำเนินงานของส่วนงาน (KU-ITA) ในระดับ A (ผ่านเกณฑ์) ปีงบประมาณ พ.ศ. 2567\n")
    assert parse_text(text) == []


def test_a_short_name_glued_to_an_exam_word_and_a_grade_named_with_its_score_word() -> None:
    """realblind9 021/023 kinds: "…สำนักพุทธฯสอบตก!" fails the office the short name stands for, not an
    agency named earlier; "คว้าระดับผลคะแนน AA" is a grade. (Names joined by dashes are a list whose members
    all fail: session 40.)"""
    assert _read("ผล ITA ปี 63 สสส. ได้ A ส่วนสำนักพุทธฯสอบตก!") == [
        ("สำนักงานพระพุทธศาสนาแห่งชาติ", None, 2563, None, None, "ไม่ผ่าน", False)]
    assert _read("ITA ประจำปีงบประมาณ 2565 การท่าเรือแห่งประเทศไทย ยังโดดเด่นคว้าระดับผลคะแนน AA ได้สำเร็จ") == [
        ("การท่าเรือแห่งประเทศไทย", None, 2565, None, "AA", None, True)]
