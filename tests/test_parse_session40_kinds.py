"""Issue 25: kinds the real-page blind sets showed in session 40, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.grade, r.passed) for r in parse_text(text))


def test_agencies_joined_by_dashes_share_the_result_after_them() -> None:
    """realblind9 023 kind: a headline joins agencies with dashes ("อัยการ - ตำรวจ - สำนักพุทธฯสอบตก"); each
    failed, not only the last one named. Spaced or not, and a grade the same way."""
    failed = "ผลประเมิน ITA ปี 64 กรมทางหลวงชนบท - กรมเจ้าท่า - กรมการขนส่งทางบก สอบตก\n"
    assert _read(failed) == [("กรมการขนส่งทางบก", 2564, None, False), ("กรมทางหลวงชนบท", 2564, None, False),
                             ("กรมเจ้าท่า", 2564, None, False)]
    graded = "ผลการประเมิน ITA ประจำปี 2563 กรมอุตุนิยมวิทยา–กรมประชาสัมพันธ์ ได้ระดับ AA\n"
    assert _read(graded) == [("กรมประชาสัมพันธ์", 2563, "AA", True), ("กรมอุตุนิยมวิทยา", 2563, "AA", True)]
    # a dash before a number joins nothing: the score stays the one agency's
    scored = "ผลการประเมิน ITA ประจำปี 2563 กรมอุตุนิยมวิทยา - 91.35 คะแนน\n"
    assert [(r.agency, r.overall_score) for r in parse_text(scored)] == [("กรมอุตุนิยมวิทยา", 91.35)]
