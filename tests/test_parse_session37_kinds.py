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
