"""Issue 25, kind 6: instrument scores written in prose. A score after an instrument's name (its
code or its Thai name) is that instrument's, neither the overall nor an indicator's: the OIT's Thai
name holds indicator 9's ("การเปิดเผยข้อมูล"), and "OIT 94.50" was read as indicator 9."""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.parse import parse_document, parse_text

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = "เทศบาลตำบลบ้านเป็ด ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้ 90.64 คะแนน "


def test_each_instruments_score_in_prose_and_an_indicators_apart() -> None:
    (record,) = parse_document(FIXTURES / "prose_instrument_scores.txt")
    assert (record.agency, record.fiscal_year, record.overall_score) == ("เทศบาลเมืองกาฬสินธุ์", 2567, 92.86)
    assert {k: v for k, v in record.instruments.items() if v is not None} == {"IIT": 96.40, "EIT": 88.15,
                                                                              "OIT": 93.75}
    assert record.indicators == {"9": 91.50}
    assert [record.source.lines[f"instruments.{code}"] for code in ("IIT", "EIT", "OIT")] == [5, 5, 5]
    assert (record.result, record.result_derived) == ("ผ่านดี", True)  # 2567: all three at 85 or more


@pytest.mark.parametrize("tail, instruments, overall", [
    ("แบ่งเป็น IIT 95.10, EIT 86.25 และ OIT 91.00", {"IIT": 95.10, "EIT": 86.25, "OIT": 91.00}, 90.64),
    ("โดยคะแนนแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ได้ 94.50 คะแนน", {"OIT": 94.50}, 90.64),
])
def test_instrument_scores_in_a_sentence(tail, instruments, overall) -> None:
    (record,) = parse_text(HEAD + tail)
    assert {k: v for k, v in record.instruments.items() if v is not None} == instruments
    assert (record.overall_score, record.indicators) == (overall, {})


def test_the_overall_after_an_instrument_is_still_the_overall() -> None:
    (record,) = parse_text("เทศบาลตำบลบ้านเป็ด ได้รับผลการประเมิน ITA ประจำปี 2567 คะแนน OIT 94.50 "
                           "และคะแนนรวม 90.64 คะแนน")
    assert (record.overall_score, record.instruments["OIT"]) == (90.64, 94.50)
