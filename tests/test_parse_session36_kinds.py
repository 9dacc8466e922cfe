"""Issue 25: kinds the real-page blind sets showed in session 36, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text


def test_a_letter_grade_without_a_year_still_says_whether_the_agency_passed() -> None:
    """Real-page kind (a municipality's award news with only the ceremony's date): "ได้รับผลการประเมิน ITA
    ในระดับดี (A)": letters exist only from 2562 on, and every such year passes at A and fails at B."""
    passed = parse_text("เทศบาลเมืองสระแก้ว ได้รับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
                        "(ITA) ในระดับดี (A) จากสำนักงาน ป.ป.ช.")
    assert [(r.agency, r.fiscal_year, r.grade, r.passed, r.passed_derived) for r in passed] == [
        ("เทศบาลเมืองสระแก้ว", None, "A", True, True)]
    failed = parse_text("อบต.หนองบัว ได้ผลการประเมิน ITA ระดับ C ต้องเร่งพัฒนาการเปิดเผยข้อมูล")
    assert [(r.grade, r.passed) for r in failed] == [("C", False)]
