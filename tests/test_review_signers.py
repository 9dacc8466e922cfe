"""The people a document names under its signatures, proposed in the review file: the three roles
of an analysis document's sign-off, and an announcement's head without a role word."""
from __future__ import annotations

from ita_lib.review.signers import signers_in, signers_in_files

SIGN_OFF = """ตารางมาตรการ
(ลงชื่อ)  ผู้รายงานข้อมูล

(นางสาวมาลัย   ดอกแก้ว)
 นักวิเคราะห์นโยบายและแผนชำนาญการ

(ลงชื่อ) ผู้รับรองข้อมูล
(นายเกรียงไกร ศรีสว่าง)
ปลัดองค์การบริหารส่วนตำบล

(ลงชื่อ)  ผู้เห็นชอบข้อมูล

(ว่าที่ร้อยตรีอนันต์ คงมั่น)

นายกองค์การบริหารส่วนตำบลหนองแวง"""

ANNOUNCEMENT = """จึงประกาศเพื่อทราบโดยทั่วกัน
ประกาศ ณ วันที่ ๕ สิงหาคม พ.ศ. ๒๕๖๖

(นายบุญชู ทองคำ)

นายกเทศมนตรีตำบลท่าข้าม"""


def numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start=1))


def test_the_three_roles_of_a_sign_off() -> None:
    found = {person.role: (person.name, person.position, person.line) for person in signers_in(numbered(SIGN_OFF))}
    assert found == {"reporter": ("นางสาวมาลัย ดอกแก้ว", "นักวิเคราะห์นโยบายและแผนชำนาญการ", 4),
                     "certifier": ("นายเกรียงไกร ศรีสว่าง", "ปลัดองค์การบริหารส่วนตำบล", 8),
                     "approver": ("ว่าที่ร้อยตรีอนันต์ คงมั่น", "นายกองค์การบริหารส่วนตำบลหนองแวง", 13)}


def test_an_announcement_names_its_head_as_the_approver() -> None:
    (head,) = signers_in(numbered(ANNOUNCEMENT))
    assert (head.role, head.name, head.position) == ("approver", "นายบุญชู ทองคำ", "นายกเทศมนตรีตำบลท่าข้าม")


def test_a_name_in_brackets_in_running_text_is_no_signer() -> None:
    text = "ตามที่ (นายสมชาย ใจดี) ได้รายงานผลการดำเนินงานต่อที่ประชุมสภาแล้วนั้น รายละเอียดตามเอกสารแนบท้ายประกาศนี้"
    assert signers_in(numbered("ผลการวิเคราะห์\n" + text)) == []
    assert signers_in(numbered("(นายสมชาย ใจดี)\nได้รายงาน" + "ผลการดำเนินงาน" * 10)) == []  # no role, no head


def test_a_document_gone_from_where_it_was_ingested_is_passed_over(tmp_path) -> None:
    present = tmp_path / "analysis.txt"
    present.write_text(SIGN_OFF, encoding="utf-8")
    found = signers_in_files([tmp_path / "gone.txt", present])
    assert [(person.role, person.path) for person in found] == [
        ("reporter", str(present)), ("certifier", str(present)), ("approver", str(present))]
