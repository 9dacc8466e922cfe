"""Issue 25: kinds the blind sets still missed (blind8) and a blind set of real pages showed, each with
a text of our own (other names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text


def test_a_table_of_years_whose_cells_a_pdf_spaced_once() -> None:
    """blind8 009 kind: "ปีงบประมาณ IIT EIT OIT ITA ระดับ ผลต่าง ค่าเฉลี่ย" / "ประเทศ" over rows a year
    each, single spaces between cells, Thai digits: each row is its year's record, the instruments with
    it; the difference and the national average are nobody's score."""
    records = parse_text(
        "กรมพัฒนาที่ดิน                                                     ๒๒\n"
        "รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n"
        "ตารางที่ ๒ ผลการประเมินย้อนหลัง\n"
        "ปีงบประมาณ IIT EIT OIT ITA ระดับ ผลต่าง ค่าเฉลี่ย\n"
        "ประเทศ\n"
        "๒๕๖๕ ๙๔.๑๐ ๘๘.๒๕ ๙๖.๐๐ ๙๒.๙๙ A - ๘๗.๕๗\n"
        "๒๕๖๖ ๙๕.๒๐ ๘๙.๙๐ ๙๓.๔๐ ๙๒.๖๔ ผ่าน -๐.๓๕ -\n"
        "๒๕๖๗ ๙๖.๘๐ ๙๒.๕๐ ๙๗.๒๐ ๙๕.๖๖ ผ่านดี +๓.๐๒ -\n")
    assert [(r.agency, r.fiscal_year, r.overall_score, r.grade, r.result) for r in records] == [
        ("กรมพัฒนาที่ดิน", 2565, 92.99, "A", None),
        ("กรมพัฒนาที่ดิน", 2566, 92.64, None, "ผ่าน"),
        ("กรมพัฒนาที่ดิน", 2567, 95.66, None, "ผ่านดี")]
    assert records[1].instruments["IIT"] == 95.20 and records[1].instruments["OIT"] == 93.40
