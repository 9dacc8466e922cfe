"""Issue 25: kinds the real-page blind sets showed in session 39, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.io.read import document_from_text
from ita_lib.parse import parse_text
from ita_lib.parse.detect import parse_loaded

_ITA = "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.overall_score, r.grade) for r in parse_text(text))


def test_a_score_grabbed_by_a_name_the_parser_does_not_know_is_not_the_texts_agencys() -> None:
    """realblind7 023 kind: a headline "บางรัก คว้า 97.45 คะแนน" names a district office bare; the text's
    body is about the city that held the ceremony. The score is the unnamed office's, not the city's:
    no record rather than a wrong one. A short form of the text's own agency still takes it."""
    headline = (f"บางรัก คว้า 97.45 คะแนน สูงสุดใน{_ITA}ปี 66\n"
                "รองปลัดกรุงเทพมหานคร ร่วมงานประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 "
                "ของหน่วยงานระดับต่ำกว่ากรม\n")
    assert _read(headline) == []
    assert "บางรัก" in " ".join(parse_loaded(document_from_text(headline)).notes)
    short = (f"ป่าไม้ คว้า 93.27 คะแนน ใน{_ITA}ปี 2566\n"
             "อธิบดีกรมป่าไม้ เปิดเผยผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566\n")
    assert _read(short) == [("กรมป่าไม้", 2566, 93.27, None)]
    grade = (f"ท่าศาลา คว้าระดับ AA ใน{_ITA}ปี 2564\n"
             "ผู้ว่าราชการจังหวัดนครศรีธรรมราช มอบโล่ ITA ประจำปีงบประมาณ พ.ศ. 2564 ที่ศาลากลางจังหวัดนครศรีธรรมราช\n")
    assert _read(grade) == []
