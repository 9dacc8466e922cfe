"""Issue 25, kind 3: numbers that are not scores. Either end of a range is a band's bound
("AA (95.00–100.00 คะแนน)", "ตั้งแต่ 85 ถึง 94.99"), never the agency's score."""
from __future__ import annotations

import pytest

from ita_lib.parse import parse_text
from ita_lib.parse.evidence import candidates

SENTENCE = "เทศบาลตำบลโนนสำราญ ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2564 {}"


@pytest.mark.parametrize("band", ["(95.00–100.00 คะแนน)", "(95.00 - 100.00 คะแนน)", "ช่วงคะแนน 95.00 ถึง 100.00"])
def test_a_grade_bands_range_gives_no_score(band) -> None:
    (record,) = parse_text(SENTENCE.format(f"อยู่ในระดับ AA {band}"))
    assert (record.overall_score, record.grade) == (None, "AA")
    assert all(c.vetoed and "range" in c.cues for c in candidates(band))


def test_the_agencys_score_beside_its_band_is_kept() -> None:
    (record,) = parse_text(SENTENCE.format("ได้ 96.12 คะแนน อยู่ในระดับ AA (95.00–100.00 คะแนน)"))
    assert (record.overall_score, record.grade, record.passed) == (96.12, "AA", True)


def test_a_grade_written_after_a_national_average_is_not_the_agencys() -> None:
    (record,) = parse_text("ผลการประเมิน ITA ปี 2563 ภาพรวมทั้งประเทศได้คะแนนเฉลี่ย 71.35 (เกรด C) "
                           "ขณะที่องค์การบริหารส่วนตำบลหนองบัวแดง ได้ 90.48 คะแนน")
    assert (record.agency, record.overall_score, record.grade, record.passed) == (
        "องค์การบริหารส่วนตำบลหนองบัวแดง", 90.48, None, True)
    (record,) = parse_text("องค์การบริหารส่วนตำบลหนองบัวแดง ได้รับผลการประเมิน ITA ปี 2563 ได้ 90.48 คะแนน (ระดับ A)")
    assert (record.overall_score, record.grade) == (90.48, "A")  # its own score's grade stays


def test_a_score_written_as_a_percentage_in_news() -> None:
    # Shape of realdocs2 017_mgronline-provinces-2565: "ได้คะแนน ITA ปีนี้ ร้อยละ 58.13", and the year
    # before "มีคะแนนสูงถึงร้อยละ 91.10" (a score, not the threshold "ถึงร้อยละ 80 ของหน่วยงาน")
    from pathlib import Path

    from ita_lib.parse import parse_document

    records = parse_document(Path(__file__).parent / "fixtures" / "prose_percent_scores_two_years.txt")
    assert sorted((r.agency, r.fiscal_year, r.overall_score, r.grade, r.passed) for r in records) == [
        ("จังหวัดลำพูน", 2565, 93.40, "A", True), ("จังหวัดลำพูน", 2566, 71.26, "C", False)]
    assert candidates("หน่วยงานผ่านเกณฑ์สูงถึงร้อยละ 94.17 ของหน่วยงานทั้งหมด")[0].vetoed
