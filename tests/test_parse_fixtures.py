"""Expectation tests for ita_lib.parse: spec by example.

Every fixture under tests/fixtures/ is a short made-up document that reproduces the layout of one real
format (see tests/fixtures/README.md). Every expected number below was worked out by hand from the
fixture text; the arithmetic is written next to it. No expected value comes from running parser code.

Conventions the tests rely on (the parse contract, docs/design "The parse contract"):
- `parse_document(path, *, year=None)` for files, `parse_text(text, year=None)` for strings; both
  return a list of Assessment records in document order; a non-ITA document gives [].
- indicator keys are "1".."10"; numbers are floats as printed, Thai digits converted;
- `agency` is the full name with abbreviations expanded, `agency_type` the abbreviation for local
  governments (None otherwise), district/province bare names;
- text that comes out of the parser (steps, periods, topics) uses Arabic digits and collapsed
  whitespace, and carries no HTML.

Seed tests at the bottom read the real documents in ../shared/seeds (or $ITA_SEEDS) and skip when
the folder is missing.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

try:  # the parser is being written in parallel: keep collection working until it lands
    from ita_lib.parse import parse_document, parse_text
except Exception as _import_error:  # noqa: BLE001 - any failure must not break collection
    _IMPORT_ERROR = _import_error

    def parse_document(*args, **kwargs):
        pytest.fail(f"ita_lib.parse is not importable yet: {_IMPORT_ERROR!r}")

    def parse_text(*args, **kwargs):
        pytest.fail(f"ita_lib.parse is not importable yet: {_IMPORT_ERROR!r}")


FIXTURES = Path(__file__).resolve().parent / "fixtures"
THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/tlwg/Loma.ttf"),
    Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf"),
)


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

def fx(name: str) -> Path:
    return FIXTURES / name


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ind(*values: float) -> dict[str, float]:
    """Indicator dict "1".."n" from values in indicator order."""
    return {str(number): float(value) for number, value in enumerate(values, start=1)}


def scores(record) -> dict[str, float]:
    """The indicators the record actually carries (None values dropped)."""
    return {key: value for key, value in record.indicators.items() if value is not None}


def codes(record) -> list[str]:
    return [warning.code for warning in record.warnings]


def numbers_in(text: str) -> set[float]:
    """Every number written in a text (Thai digits converted), e.g. to check a warning message."""
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text.translate(THAI_TO_ARABIC))}


def line_of(path: Path, needle: str, *, start: int = 1) -> int:
    """1-based number of the first line (from `start`) of a UTF-8 fixture that contains `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not found in {path.name}")


def only(records):
    assert len(records) == 1, f"expected one record, got {len(records)}"
    return records[0]


def rec_pairs(record) -> list[tuple[str | None, int | None]]:
    return [(r.instrument, r.indicator) for r in record.recommendations]


def output_texts(record) -> list[str]:
    """All free text the parser produced for actions and recommendations."""
    texts = [r.text for r in record.recommendations]
    for action in record.actions:
        texts += [t for t in (action.topic, action.measure, action.analysis, action.period,
                              action.responsible) if t]
        texts += list(action.steps)
    return texts


def assert_no_html(record) -> None:
    for text in output_texts(record):
        assert "<" not in text and ">" not in text, f"HTML left in parsed text: {text!r}"


def check_source(record, path: Path, kind: str, fmt: str = "text") -> None:
    assert record.source.kind == kind
    assert record.source.format == fmt
    assert record.source.sha256 == sha256_of(path)
    assert record.source.path is not None and record.source.path.endswith(path.name)


# --------------------------------------------------------------------------------------------
# 1. ITAS result page, Arabic digits (layout of seed 000)
# --------------------------------------------------------------------------------------------
F1 = fx("itas_result_arabic.txt")
F1_AGENCY = "องค์การบริหารส่วนตำบลห้วยน้ำใสพัฒนา"
# The ranked table prints rank, name, score; mapped by NAME (ranks 1..10 never equal the indicator):
#   rank 1 การใช้อำนาจ -> 3 = 96.20          rank 6 การใช้ทรัพย์สินของราชการ -> 4 = 87.30
#   rank 2 การแก้ไขปัญหาการทุจริต -> 5 = 94.80  rank 7 การเปิดเผยข้อมูล -> 9 = 84.75
#   rank 3 การปฏิบัติหน้าที่ -> 1 = 93.50       rank 8 คุณภาพการดำเนินงาน -> 6 = 83.40
#   rank 4 การป้องกันการทุจริต -> 10 = 91.25    rank 9 การปรับปรุงการทำงาน (ITAS variant) -> 8 = 79.90
#   rank 5 การใช้งบประมาณ -> 2 = 89.70          rank 10 ประสิทธิภาพการสื่อสาร -> 7 = 77.60
F1_INDICATORS = ind(93.50, 89.70, 96.20, 87.30, 94.80, 83.40, 77.60, 79.90, 84.75, 91.25)
# Overall by hand (2564: 0.3 IIT + 0.3 EIT + 0.4 OIT):
#   IIT = (93.50 + 89.70 + 96.20 + 87.30 + 94.80) / 5 = 461.50 / 5 = 92.30 -> 0.3 * 92.30 = 27.69
#   EIT = (83.40 + 77.60 + 79.90) / 3 = 240.90 / 3 = 80.30              -> 0.3 * 80.30 = 24.09
#   OIT = (84.75 + 91.25) / 2 = 176.00 / 2 = 88.00                       -> 0.4 * 88.00 = 35.20
#   ITA = 27.69 + 24.09 + 35.20 = 86.98 (printed 86.98) -> grade A (85-94.99), passed
F1_OVERALL = 86.98
# Recommendations: "แบบวัด EIT ... 1) คุณภาพการดำเนินงาน 2) ประสิทธิภาพการสื่อสาร 3) การปรับปรุงระบบการทำงาน"
# and "แบบวัด OIT ... 1) การเปิดเผยข้อมูล 2) การป้องกันการทุจริต"; the list numbers restart and are NOT
# indicator numbers. "แบบวัด IIT" is mentioned only as passing: no IIT recommendation.
F1_RECS = [("EIT", 6), ("EIT", 7), ("EIT", 8), ("OIT", 9), ("OIT", 10)]


def assert_fixture1_values(record) -> None:
    assert record.agency == F1_AGENCY
    assert record.agency_type == "อบต."
    assert record.district is None
    assert record.province is None
    # not 2565 ("ภายในปี 2565" is the national target year in the recommendation paragraph)
    assert record.fiscal_year == 2564
    # not 85 / 80 / 3 / 10 from the paragraph, not 96.20 from the table
    assert record.overall_score == F1_OVERALL
    assert record.grade == "A"
    assert record.passed is True
    assert scores(record) == F1_INDICATORS


def test_itas_result_arabic():
    record = only(parse_document(F1))
    assert_fixture1_values(record)
    assert record.overall_score_computed == pytest.approx(86.98, abs=1e-9)
    assert rec_pairs(record) == F1_RECS
    assert "ชี้แจงขั้นตอนการให้บริการ" in record.recommendations[0].text
    # a recommendation ends where the next one (or the next instrument's block) starts
    assert "ประสิทธิภาพการสื่อสาร" not in record.recommendations[0].text
    assert "แบบวัด OIT" not in record.recommendations[2].text
    assert "ติดตามผลการนำไปปฏิบัติ" in record.recommendations[4].text
    assert not {"overall_mismatch", "grade_score_mismatch"} & set(codes(record))
    check_source(record, F1, "itas_result")
    assert record.source.lines["fiscal_year"] == line_of(F1, "ประจำปีงบประมาณ 2564")  # line 3
    assert record.source.lines["overall_score"] == line_of(F1, "คะแนนภาพรวมหน่วยงาน")  # line 5


def test_itas_result_arabic_path_as_str():
    record = only(parse_document(str(F1)))
    assert_fixture1_values(record)


def test_parse_text_inline():
    text = F1.read_text(encoding="utf-8")
    record = only(parse_text(text))
    assert_fixture1_values(record)
    assert rec_pairs(record) == F1_RECS
    assert record.source.path is None
    assert record.source.kind == "itas_result"


# --------------------------------------------------------------------------------------------
# 2. Agency announcement of an ITAS result, Thai digits (layout of seed 003)
# --------------------------------------------------------------------------------------------
F2 = fx("itas_result_thai_digits.txt")
# Ranked table by name (Thai digits): 3 = 95.10, 10 = 93.50, 1 = 92.40, 4 = 90.20, 5 = 89.70,
# 6 = 88.30, 7 = 85.90, 2 = 84.60, 8 = 83.80 (การปรับปรุงการทำงาน), 9 = 82.40.
F2_INDICATORS = ind(92.40, 84.60, 95.10, 90.20, 89.70, 88.30, 85.90, 83.80, 82.40, 93.50)
# Overall by hand:
#   IIT = (92.40 + 84.60 + 95.10 + 90.20 + 89.70) / 5 = 452.00 / 5 = 90.40 -> 0.3 * 90.40 = 27.12
#   EIT = (88.30 + 85.90 + 83.80) / 3 = 258.00 / 3 = 86.00              -> 0.3 * 86.00 = 25.80
#   OIT = (82.40 + 93.50) / 2 = 175.90 / 2 = 87.95                       -> 0.4 * 87.95 = 35.18
#   ITA = 27.12 + 25.80 + 35.18 = 88.10 (printed ๘๘.๑๐) -> band A (85-94.99) = printed A; ผ่าน
# Distractors: คะแนนสูงสุด ๙๕.๑๐, คะแนนต่ำสุด ๘๒.๔๐, "ผ่านเกณฑ์ ๘๕ คะแนน", ๙.๔ (sub-indicator),
# ๐๒๕ (item O25 cited without a score), "วันที่ ๒ สิงหาคม".


def assert_fixture2_values(record) -> None:
    assert record.agency == "องค์การบริหารส่วนตำบลดอนแก้วใหม่"  # summary row says อบต.ดอนแก้วใหม่
    assert record.agency_type == "อบต."
    assert record.district is None
    assert record.province is None
    assert record.fiscal_year == 2564
    assert record.overall_score == 88.10
    assert record.grade == "A"
    assert record.result == "ผ่าน"
    assert record.passed is True
    assert scores(record) == F2_INDICATORS


def test_itas_result_thai_digits():
    record = only(parse_document(F2))
    assert_fixture2_values(record)
    assert record.passed_derived is False  # the summary row prints ผ่าน
    assert record.overall_score_computed == pytest.approx(88.10, abs=1e-9)
    assert record.items == {}  # ๐๒๕ is cited, not scored
    # one section per instrument, in document order; each names exactly one indicator
    instruments = [r.instrument for r in record.recommendations]
    assert list(dict.fromkeys(instruments)) == ["IIT", "EIT", "OIT"]
    by_instrument: dict[str, set] = {}
    for r in record.recommendations:
        by_instrument.setdefault(r.instrument, set()).add(r.indicator)
    assert by_instrument == {"IIT": {2}, "EIT": {8}, "OIT": {9}}  # ๙.๔ is not indicator 4
    assert not {"overall_mismatch", "grade_score_mismatch"} & set(codes(record))
    check_source(record, F2, "itas_result")
    assert record.source.lines["fiscal_year"] == line_of(F2, "ประจำปีงบประมาณ พ.ศ.๒๕๖๔")  # line 5
    # the first statement of the score (line 7) or the summary row (line 28)
    assert record.source.lines["overall_score"] in {line_of(F2, "ได้รับคะแนนการประเมิน"),
                                                     line_of(F2, "อบต.ดอนแก้วใหม่")}


# --------------------------------------------------------------------------------------------
# 3. Fixture 1 with every digit written in Thai
# --------------------------------------------------------------------------------------------
F3 = fx("itas_result_arabic_as_thai.txt")


def test_itas_result_thai_digit_copy_matches_arabic():
    arabic = only(parse_document(F1))
    thai = only(parse_document(F3))
    assert_fixture1_values(thai)
    for field in ("agency", "agency_type", "fiscal_year", "overall_score", "grade", "passed",
                  "overall_score_computed"):
        assert getattr(thai, field) == getattr(arabic, field), field
    assert thai.indicators == arabic.indicators
    assert rec_pairs(thai) == rec_pairs(arabic) == F1_RECS
    assert thai.source.lines == arabic.source.lines  # same layout, same line numbers
    assert thai.source.sha256 != arabic.source.sha256


# --------------------------------------------------------------------------------------------
# 4. Agency analysis with a numbered indicator table and an action plan (layout of seed 001)
# --------------------------------------------------------------------------------------------
F4 = fx("agency_analysis_numbered.txt")
# Printed numbers win over names: slot 3 says การใช้จ่ายเงิน (wrong name) -> indicator 3 = 100.00;
# variants การใช้ทรัพย์สินของทางราชการ (4), การปรับปรุงการดำเนินงาน (8), การป้องกันและการทุจริต (10).
F4_INDICATORS = ind(98.50, 97.25, 100.00, 95.80, 99.10, 96.45, 94.30, 93.75, 88.00, 91.25)
# Year: heading "ในปี พ.ศ. ๒๕๖๖" -> 2566. The line "ปี 2563 ... ปี 2567" is a chart legend, not the year.
# Action plan: 5 rows over two "pages" (header repeated). Steps column:
#   rows 1-3 plain "-..." with one item each -> 1, 1, 1; row 4 <ul> with 2 <li> -> 2; row 5 <ul> with 3 -> 3.
F4_STEP_COUNTS = [1, 1, 1, 2, 3]
F4_RESPONSIBLE = ["สำนักปลัด", "สำนักปลัด", "กองคลัง", "กองคลัง", "กองช่าง"]


def test_agency_analysis_numbered():
    record = only(parse_document(F4))
    assert record.agency == "องค์การบริหารส่วนตำบลโคกสำราญเหนือ"
    assert record.agency_type == "อบต."
    assert record.district == "บ้านแฮด"
    assert record.province == "ขอนแก่น"
    assert record.fiscal_year == 2566
    assert record.overall_score is None  # not printed
    assert record.passed is None
    assert record.grade is None
    assert scores(record) == F4_INDICATORS

    actions = record.actions
    assert len(actions) == 5  # the repeated header is not a row
    assert [a.responsible for a in actions] == F4_RESPONSIBLE
    assert [len(a.steps) for a in actions] == F4_STEP_COUNTS
    assert_no_html(record)
    assert "ขั้นตอนการให้บริการ" in actions[0].topic
    assert "การป้องกันการทุจริตภายในหน่วยงาน" in actions[4].topic
    for action in actions:
        assert "12 เดือน" in action.period  # ๑๒ -> 12
    # the topic numbers ๑)..๕) are analysis topics, not indicator numbers
    assert actions[0].indicator is None  # ขั้นตอนการให้บริการ
    assert actions[2].indicator is None  # การบริหารงบประมาณอย่างโปร่งใส
    assert actions[3].indicator is None  # การดูแลทรัพย์สินของราชการ
    assert actions[1].indicator in (None, 9)  # topic contains the name การเปิดเผยข้อมูล
    assert actions[4].indicator in (None, 10)  # topic contains the name การป้องกันการทุจริต

    # The analysis written under the topic headings ๑)..๓) belongs to the rows of the same topics:
    # ๑) with its own numbered list ๑., ๒.; ๒) up to the next heading; ๓) although the heading
    # words differ a little (ให้โปร่งใส / อย่างโปร่งใส). ๔) and ๕) have no heading: no analysis.
    # "๒. แสดงการกำหนด…" does not continue ๒)'s text (its own list would start at ๑).
    assert actions[0].analysis == ("ผลคะแนนด้านการให้บริการอยู่ในเกณฑ์ดี บางข้อได้คะแนนเต็ม 100 แต่คู่มือการให้บริการ"
                                   "บางฉบับยังไม่เป็นปัจจุบัน จึงควรดำเนินการ ดังนี้ 1. ทบทวนคู่มือการให้บริการทุกปี "
                                   "2. ติดแผนผังขั้นตอนไว้ที่จุดบริการ")
    assert actions[1].analysis == "ข้อมูลบางหัวข้อบนเว็บไซต์ยังไม่ครบถ้วน ควรมอบหมายผู้ดูแลเว็บไซต์ตรวจสอบข้อมูลทุก 3 เดือน"
    assert actions[2].analysis == "บุคลากรบางส่วนยังไม่ทราบแผนการใช้จ่ายงบประมาณ จึงควรชี้แจงแผนทุกต้นปีงบประมาณ"
    assert actions[3].analysis is None and actions[4].analysis is None
    # The limitations section, its lines joined, up to the signature.
    assert record.limitations == ("หลักเกณฑ์การประเมินเปลี่ยนแปลงทุกปี เจ้าหน้าที่ผู้รับผิดชอบจึงต้อง "
                                  "ศึกษาหลักเกณฑ์ใหม่อยู่เสมอ")
    assert record.source.lines["limitations"] == line_of(F4, "หลักเกณฑ์การประเมินเปลี่ยนแปลงทุกปี")

    check_source(record, F4, "agency_analysis")
    assert record.source.lines["fiscal_year"] == line_of(F4, "ในปี พ.ศ. ๒๕๖๖")  # line 28
    assert "overall_score" not in record.source.lines


# --------------------------------------------------------------------------------------------
# 5. Agency analysis + plan whose rows cite indicator scores in prose (layout of seed 002)
# --------------------------------------------------------------------------------------------
F5 = fx("agency_analysis_plan.txt")
# Assessed year: title "ในปีงบประมาณ พ.ศ.๒๕๖๗" (+ header "ตัวชี้วัด ITA ๒๕๖๗"); the second line's ๒๕๖๘ is
# the PLAN year. Scores from the analysis cells:
#   row 1 "ตัวชี้วัดที่ ๑ ... โดยรวมได้คะแนน ๑๐๐ คะแนน" -> 1 = 100 ("ข้อคำถามที่ ๑๑" is a question number)
#   row 2 "ตัวชี้วัดที่ ๒ ... ๑๐๐ คะแนน" -> 2 = 100
#   row 3 "ตัวชี้วัดที่ ๓ การใช้อำนาจ ... ๙๘.๕๐ คะแนน" -> 3 = 98.50
#   row 4 "ตัวชี้วัดที่ ๔ การใช้อำนาจ ... ๑๐๐ คะแนน" (wrong name, as in seed 002) -> 4 = 100, and 3
#         keeps 98.50: the number wins over the name
#   row 9 "ข้อ ๐๑-๐๒๐ ได้คะแนนเท่ากับ ๑๐๐ ... ยกเว้นข้อ ๐๑๔ ได้คะแนน ๕๐" -> item O14 = 50; no score for
#         indicator 9 itself (the 100 belongs to items), and the range is not expanded into items
F5_INDICATORS = {"1": 100.0, "2": 100.0, "3": 98.5, "4": 100.0}
# Steps: row 1 "๑.. ๒.. ๓.." plain -> 3; row 2 two <p> -> 2; row 3 "๑.. ๒.. ๓.. ๔.." plain -> 4;
# row 4 three <p> -> 3; row 9 "๑.. ๒.." plain -> 2.
F5_STEP_COUNTS = [3, 2, 4, 3, 2]
F5_PERIOD = "1 ต.ค. 2567 - 30 ก.ย. 2568"  # plain, double-spaced, and <p>..</p> <p>-</p> <p>..</p> forms
F5_RESPONSIBLE = ["สำนักปลัด", "กองคลัง", "สำนักปลัด", "กองคลัง", "สำนักปลัด/กองช่าง"]


def test_agency_analysis_plan():
    record = only(parse_document(F5))
    assert record.agency == "องค์การบริหารส่วนตำบลท่าทรายทอง"
    assert record.agency_type == "อบต."
    assert record.district == "ไชโย"
    assert record.province == "อ่างทอง"
    assert record.fiscal_year == 2567
    assert record.overall_score is None
    assert record.passed is None
    assert scores(record) == F5_INDICATORS
    assert record.items == {"O14": 50.0}

    actions = record.actions
    assert len(actions) == 5  # five header lines are not rows
    assert [a.indicator for a in actions] == [1, 2, 3, 4, 9]
    assert [a.score for a in actions] == [100.0, 100.0, 98.5, 100.0, None]
    assert [len(a.steps) for a in actions] == F5_STEP_COUNTS
    assert [a.period for a in actions] == [F5_PERIOD] * 5
    assert [a.responsible for a in actions] == F5_RESPONSIBLE
    assert "มอบหมายเจ้าหน้าที่" in actions[0].steps[0]
    assert "เผยแพร่คู่มือ" in actions[0].steps[2]
    assert "ประกาศผลการจัดซื้อจัดจ้าง" in actions[1].steps[1]
    assert "คณะกรรมการกลั่นกรอง" in actions[2].steps[3]
    assert "จากผลการประเมิน" in actions[1].analysis
    assert_no_html(record)
    assert "conflicting_scores" not in codes(record)

    check_source(record, F5, "agency_analysis")
    title_line = line_of(F5, "ในปีงบประมาณ พ.ศ.๒๕๖๗")  # line 3
    header_line = line_of(F5, "ตัวชี้วัด ITA ๒๕๖๗")  # line 11
    assert record.source.lines["fiscal_year"] in {title_line, header_line}


# --------------------------------------------------------------------------------------------
# 6. Agency analysis with instrument scores, status table and a disagreeing action table (seed 004)
# --------------------------------------------------------------------------------------------
F6 = fx("agency_analysis_status.txt")
F6_INDICATORS = ind(100.00, 98.00, 95.50, 100.00, 94.00, 91.30, 86.40, 88.80, 82.50, 80.00)
# Consistency of the made-up numbers (by hand):
#   IIT = (100 + 98 + 95.5 + 100 + 94) / 5 = 487.5 / 5 = 97.50 = printed IIT ๙๗.๕๐
#   OIT = (82.5 + 80) / 2 = 81.25 = printed OIT ๘๑.๒๕
#   EIT = (91.3 + 86.4 + 88.8) / 3 = 266.5 / 3 = 88.8333
#   0.3 * 97.50 + 0.3 * 88.8333 + 0.4 * 81.25 = 29.25 + 26.65 + 32.50 = 88.40 = printed ๘๘.๔๐
#   (2568: weights only likely, so a computed value is optional)
# The action table quotes "คะแนน (x)": equal to the summary for 1,2,4,5,6,8,9,10 ((๑๐๐) == 100.00),
# different for 3 (summary ๙๕.๕๐ vs ๙๒.๗๕) and 7 (summary ๘๖.๔๐ vs ๘๓.๙๐) -> two conflicting_scores
# warnings; the indicators keep the summary-table values.
F6_ACTION_SCORES = [100.0, 98.0, 92.75, 100.0, 94.0, 91.3, 83.9, 88.8, 82.5, 80.0]
F6_STEP_COUNTS = [1, 1, 1, 1, 1, 2, 1, 3, 1, 1]  # rows 6 and 8 are <ul> lists
F6_RESPONSIBLE = ["สำนักปลัดเทศบาล", "กองคลัง", "สำนักปลัดเทศบาล", "ทุกกอง", "ทุกกอง",
                  "สำนักปลัดเทศบาล", "สำนักปลัดเทศบาล", "ทุกกอง", "คณะทำงาน ITA", "คณะทำงาน ITA"]


def assert_fixture6_values(record) -> None:
    # from the "หน่วยงาน:" line, not the misspelled "เทศบาลตำบลโคกม่วงงาน" further down
    assert record.agency == "เทศบาลตำบลโคกม่วงงาม"
    assert record.agency_type == "ทต."
    assert record.district == "ภูเวียง"
    assert record.province == "ขอนแก่น"
    assert record.fiscal_year == 2568  # not the plan year ๒๕๖๙
    assert record.overall_score == 88.40
    assert record.result == "ผ่าน"
    assert record.passed is True
    assert record.passed_derived is False
    assert record.grade is None
    instruments = record.instruments
    assert instruments == {"IIT": 97.50, "EIT": None,  # only the two parts are printed
                           "OIT": 81.25, "EIT_part1": 98.20, "EIT_part2": 90.60}
    assert scores(record) == F6_INDICATORS

    conflicts = [w for w in record.warnings if w.code == "conflicting_scores"]
    assert len(conflicts) == 2
    assert any({95.5, 92.75} <= numbers_in(w.message) for w in conflicts)  # indicator 3
    assert any({86.4, 83.9} <= numbers_in(w.message) for w in conflicts)  # indicator 7
    # The second values are kept as data too, so the store and the report can show both.
    assert [(o.field, o.value, o.context) for o in record.other_values] == [
        ("indicators.3", 92.75, "action_plan"), ("indicators.7", 83.9, "action_plan")]
    assert [o.line for o in record.other_values] == [line_of(F6, "(๙๒.๗๕)"), line_of(F6, "(๘๓.๙๐)")]

    actions = record.actions
    assert len(actions) == 10
    assert [a.indicator for a in actions] == list(range(1, 11))  # "๑๐. การป้องกัน การทุจริต" too
    assert [a.score for a in actions] == F6_ACTION_SCORES
    assert [len(a.steps) for a in actions] == F6_STEP_COUNTS
    assert [a.responsible for a in actions] == F6_RESPONSIBLE
    assert actions[0].period == "กันยายน 2569"
    assert actions[2].period == "พ.ย. - ธ.ค. 2568"
    assert actions[4].period == "ต.ค.-พ.ย. 2568"
    assert "E-Service" in actions[5].steps[1]
    assert_no_html(record)


def test_agency_analysis_status():
    record = only(parse_document(F6))
    assert_fixture6_values(record)
    assert record.overall_score_computed in (None, pytest.approx(88.40, abs=1e-9))
    assert "grade_score_mismatch" not in codes(record)
    check_source(record, F6, "agency_analysis")
    assert record.source.lines["fiscal_year"] in {line_of(F6, "ประจำปี ๒๕๖๘"),  # line 3
                                                  line_of(F6, "ในปีงบประมาณ พ.ศ. ๒๕๖๘")}  # line 9
    assert record.source.lines["overall_score"] == line_of(F6, "ได้รับคะแนนการประเมินรวม")  # line 9


# --------------------------------------------------------------------------------------------
# 7. One agency, several years in one table
# --------------------------------------------------------------------------------------------
F7 = fx("multi_year_table.txt")
# rows: 2563 72.45 C | ๒๕๖๔ ๘๓.๑๐ B | 2565 90.55 A | ๒๕๖๖ ๙๒.๓๘ ผ่าน
# grade bands (2562-2565): 72.45 -> C (65-74.99), 83.10 -> B (75-84.99), 90.55 -> A (85-94.99): all fit.
# passed = score >= 85: False, False, True; 2566 prints ผ่าน. "ย้อนหลัง ๔ ปี", "85 คะแนน",
# "15 ม.ค. 2567" and the phone number are not rows.


def test_multi_year_table():
    records = parse_document(F7)
    assert len(records) == 4
    for record in records:
        assert record.agency == "เทศบาลเมืองนาดูนทอง"
        assert record.agency_type == "ทม."
        assert record.district == "เมืองมหาสารคาม"  # อำเภอเมืองมหาสารคาม without the prefix
        assert record.province == "มหาสารคาม"
        check_source(record, F7, "multi_year_table")
        assert not {"overall_mismatch", "grade_score_mismatch"} & set(codes(record))
    assert [r.fiscal_year for r in records] == [2563, 2564, 2565, 2566]
    assert [r.overall_score for r in records] == [72.45, 83.10, 90.55, 92.38]
    assert [r.grade for r in records] == ["C", "B", "A", None]
    assert records[3].result == "ผ่าน"
    assert [r.passed for r in records] == [False, False, True, True]
    assert [r.source.lines["fiscal_year"] for r in records] == [6, 7, 8, 9]


# --------------------------------------------------------------------------------------------
# 8. ITAS province list (no year in the text)
# --------------------------------------------------------------------------------------------
F8 = fx("province_list.txt")
F8_AGENCIES = [
    "องค์การบริหารส่วนตำบลหนองโนใหม่",
    "เทศบาลตำบลนาสีนวนทอง",
    "องค์การบริหารส่วนตำบลท่าขอนยางใต้",  # printed อบต.ท่าขอนยางใต้
    "เทศบาลเมืองโกสุมพิสัยเหนือ",
    "สำนักงานสาธารณสุขอำเภอวาปีปทุม",  # state agency: อำเภอ stays part of the name
    "องค์การบริหารส่วนตำบลแกดำตะวันออก",
    "เทศบาลตำบลเชียงยืนใหม่",  # printed ทต.เชียงยืนใหม่
    "ที่ทำการปกครองอำเภอบรบือ",
]
F8_TYPES = ["อบต.", "ทต.", "อบต.", "ทม.", None, "อบต.", "ทต.", None]
# row 6 prints อ.แกดำ / จ.มหาสารคาม, row 7 อำเภอเชียงยืน / จังหวัดมหาสารคาม: prefixes dropped
F8_DISTRICTS = ["เมืองมหาสารคาม", "กันทรวิชัย", "กันทรวิชัย", "โกสุมพิสัย", "วาปีปทุม", "แกดำ",
                "เชียงยืน", "บรบือ"]
F8_SCORES = [99.12, 98.40, 97.85, 96.03, 94.70, 91.66, 88.20, 84.95]


def test_province_list_with_year():
    records = parse_document(F8, year=2567)
    assert len(records) == 8  # "แสดง 8 จาก 8 หน่วยงาน" is not a row
    assert [r.agency for r in records] == F8_AGENCIES
    assert [r.agency_type for r in records] == F8_TYPES
    assert [r.district for r in records] == F8_DISTRICTS
    assert [r.province for r in records] == ["มหาสารคาม"] * 8
    assert [r.rank for r in records] == list(range(1, 9))
    assert [r.overall_score for r in records] == F8_SCORES
    # 2567: pass = 85 or more, derived from the score (no result word in the list)
    assert [r.passed for r in records] == [True] * 7 + [False]
    assert all(r.passed_derived for r in records)
    assert all(r.grade is None for r in records)
    for record in records:
        assert record.fiscal_year == 2567
        assert "year_missing" not in codes(record)
        check_source(record, F8, "province_list")
    assert records[0].source.lines["overall_score"] == line_of(F8, "หนองโนใหม่")  # line 8


def test_province_list_without_year():
    records = parse_document(F8)
    assert len(records) == 8
    assert all(r.fiscal_year is None for r in records)
    assert "year_missing" in codes(records[0])
    assert [r.overall_score for r in records] == F8_SCORES


# --------------------------------------------------------------------------------------------
# 9. Thai news prose with distracting numbers
# --------------------------------------------------------------------------------------------
F9 = fx("news_thai.txt")
# Scores are the numbers said of an agency with "ได้คะแนน ... เท่ากับ 92.45 คะแนน" / "ได้ 81.30 คะแนน".
# Everything else is a distractor: ร้อยละ 93.75 (share of agencies), ตารางที่ 2, อันดับที่ 3,
# 8,325 หน่วยงาน, เพิ่มขึ้น 4.12, เกณฑ์ผ่าน 85, ภายใน 2 เดือน, วันที่ 25, โทร 0 4351 1234 / 043-511234.
F9_DISTRACTORS = {93.75, 2.0, 3.0, 8325.0, 8.325, 8.0, 325.0, 4.12, 85.0, 25.0, 0.0, 4351.0, 1234.0,
                  43.0, 511234.0, 2567.0}


def test_news_thai():
    records = parse_document(F9)
    assert len(records) == 2
    first, second = records
    assert first.agency == "องค์การบริหารส่วนตำบลโนนหอมพัฒนา"
    assert first.agency_type == "อบต."
    assert first.district == "กุสุมาลย์"
    assert first.province == "สกลนคร"
    assert first.overall_score == 92.45
    assert first.passed is True
    assert second.agency == "เทศบาลตำบลนาแกน้อย"
    assert second.agency_type == "ทต."
    assert second.district == "พรรณานิคม"
    assert second.province == "สกลนคร"
    assert second.overall_score == 81.30
    assert second.passed is False
    for record in records:
        assert record.fiscal_year == 2567
        assert record.overall_score not in F9_DISTRACTORS
        assert scores(record) == {}
        check_source(record, F9, "prose")


# --------------------------------------------------------------------------------------------
# 10. English news prose
# --------------------------------------------------------------------------------------------
F10 = fx("news_english.txt")
# "fiscal 2024" -> B.E. 2024 + 543 = 2567 (the dateline "March 3, 2025" is the publication date).
# Distractors: 12th, 8,325, 3.5 points, pass mark 85, 034-123456, ext. 12.


def test_news_english():
    # The text names the agency only in English (no Thai name known for it): named with --agency.
    record = only(parse_document(F10, agency="องค์การบริหารส่วนตำบลบ้านแพรก"))
    assert record.agency == "องค์การบริหารส่วนตำบลบ้านแพรก"
    assert record.fiscal_year == 2567
    assert record.overall_score == 91.27
    assert record.passed is True
    assert record.grade is None
    assert scores(record) == {"9": 88.10, "10": 95.00}  # Open Data, Anti-Corruption Practice
    check_source(record, F10, "prose")


# --------------------------------------------------------------------------------------------
# 11. NACC-style table: many agencies, indicator columns by name in a shuffled order
# --------------------------------------------------------------------------------------------
F11 = fx("multi_agency_table.txt")
# Header order: 9, 3, 6, 2, 10, 1, 8, 4, 7, 5, then คะแนน ITA. Re-ordered by indicator (1..10):
F11_ROWS = [
    # agency, indicators 1..10, printed ITA, computed ITA
    # เชียงใหม่: IIT (90+85.5+92+88.5+89)/5 = 445/5 = 89.00 -> 26.70; EIT (84+82.5+80.5) = 247 -> 24.70;
    #            OIT (78+86)/2 = 82 -> 32.80; 26.70 + 24.70 + 32.80 = 84.20
    ("องค์การบริหารส่วนจังหวัดเชียงใหม่",
     ind(90.00, 85.50, 92.00, 88.50, 89.00, 84.00, 82.50, 80.50, 78.00, 86.00), 84.20, 84.20),
    # ลำพูน: IIT 475/5 = 95.00 -> 28.50; EIT 91.2+90.3+89.5 = 271 -> 27.10; OIT 181/2 = 90.50 -> 36.20;
    #        28.50 + 27.10 + 36.20 = 91.80
    ("องค์การบริหารส่วนจังหวัดลำพูน",
     ind(95.00, 93.00, 96.50, 94.00, 96.50, 91.20, 90.30, 89.50, 88.75, 92.25), 91.80, 91.80),
    # ลำปาง: IIT 400/5 = 80.00 -> 24.00; EIT 75+70.1+72.9 = 218 -> 21.80; OIT 140/2 = 70 -> 28.00;
    #        24.00 + 21.80 + 28.00 = 73.80
    ("องค์การบริหารส่วนจังหวัดลำปาง",
     ind(80.00, 76.20, 83.40, 79.60, 80.80, 75.00, 70.10, 72.90, 65.50, 74.50), 73.80, 73.80),
    # แพร่: IIT 440/5 = 88 -> 26.40; EIT 85+83+84 = 252 -> 25.20; OIT 170/2 = 85 -> 34.00;
    #       computed 26.40 + 25.20 + 34.00 = 85.60, printed 87.10: off by 1.50 > 0.5 -> overall_mismatch
    ("องค์การบริหารส่วนจังหวัดแพร่",
     ind(88.00, 87.00, 90.00, 86.00, 89.00, 85.00, 83.00, 84.00, 80.00, 90.00), 87.10, 85.60),
    # น่าน: IIT 484.5/5 = 96.90 -> 29.07; EIT 93.3+92.4+94.2 = 279.9 -> 27.99; OIT 187/2 = 93.5 -> 37.40;
    #       29.07 + 27.99 + 37.40 = 94.46
    ("องค์การบริหารส่วนจังหวัดน่าน",
     ind(97.10, 95.30, 98.20, 96.40, 97.50, 93.30, 92.40, 94.20, 91.60, 95.40), 94.46, 94.46),
]


def test_multi_agency_table():
    records = parse_document(F11)
    assert len(records) == 5
    for record, (agency, indicators, printed, computed) in zip(records, F11_ROWS):
        assert record.agency == agency  # printed อบจ.X
        assert record.agency_type == "อบจ."
        assert record.fiscal_year == 2565
        assert scores(record) == indicators, agency
        assert record.overall_score == printed
        assert record.overall_score_computed == pytest.approx(computed, abs=1e-9)
        assert record.passed is (printed >= 85)
        assert record.grade is None  # not printed
        check_source(record, F11, "multi_agency_table")
    mismatched = [r.agency for r in records if "overall_mismatch" in codes(r)]
    assert mismatched == ["องค์การบริหารส่วนจังหวัดแพร่"]
    warning = next(w for w in records[3].warnings if w.code == "overall_mismatch")
    assert {87.1, 85.6} <= numbers_in(warning.message)


F11B = fx("province_indicator_table.txt")
F11B_ROWS = [
    # agency, type, district, province, rank, indicators 1..10, printed ITA, computed ITA, result
    # IIT 480/5 = 96.00 -> 28.80; EIT 273/3 = 91.00 -> 27.30; OIT 181.25/2 = 90.625 -> 36.25; = 92.35
    ("องค์การบริหารส่วนตำบลหนองบัวทอง", "อบต.", "โชคชัย", "นครราชสีมา", 1,
     ind(97.00, 95.00, 98.00, 96.00, 94.00, 92.00, 90.00, 91.00, 88.75, 92.50), 92.35, 92.35, "ผ่าน"),
    # printed อบต.X, อ.Y and จ.Z: expanded and bare.
    # IIT 474.8/5 = 94.96 -> 28.488; EIT 264.7/3 = 88.2333 -> 26.47; OIT 186.25/2 = 93.125 -> 37.25;
    # 28.488 + 26.47 + 37.25 = 92.208 -> 92.21
    ("องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา", "อบต.", "เมืองนครราชสีมา", "นครราชสีมา", 2,
     ind(96.10, 92.40, 97.00, 93.50, 95.80, 90.20, 86.40, 88.10, 91.25, 95.00), 92.21, 92.21, "ผ่าน"),
    # IIT 430.5/5 = 86.10 -> 25.83; EIT 238/3 = 79.3333 -> 23.80; OIT 152.5/2 = 76.25 -> 30.50; = 80.13
    ("เทศบาลตำบลหนองบัวทอง", "ทต.", "โชคชัย", "นครราชสีมา", 3,
     ind(88.00, 84.50, 90.00, 86.00, 82.00, 80.00, 78.60, 79.40, 72.50, 80.00), 80.13, 80.13, "ไม่ผ่าน"),
]


def test_province_indicator_table_reads_location_rank_and_result_columns():
    records = parse_document(F11B)
    assert len(records) == 3
    for record, row in zip(records, F11B_ROWS):
        agency, agency_type, district, province, rank, indicators, printed, computed, result = row
        assert (record.agency, record.agency_type, record.district, record.province) == \
            (agency, agency_type, district, province)
        assert record.rank == rank
        assert record.fiscal_year == 2567
        assert scores(record) == indicators
        assert record.overall_score == printed
        assert record.overall_score_computed == pytest.approx(computed, abs=1e-9)
        assert record.result == result
        assert record.passed is (result == "ผ่าน")
        assert record.warnings == []
        check_source(record, F11B, "multi_agency_table")


# --------------------------------------------------------------------------------------------
# 12. Documents that are not ITA results (2562+)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [
    "non_ita_assessment.txt",  # LPA: "ด้านที่ 1 ... 85.50", even a sub-item named การเปิดเผยข้อมูล...
])
def test_not_an_ita_result(name):
    assert parse_document(fx(name)) == []


def test_pre_2562_result_keeps_overall_and_level_word_not_indices():
    # 2560, five indices (ดัชนี...): an ITA result of the older scheme. The overall 86.13 and the
    # level word สูงมาก are kept; the five index scores are not indicators; no pass is derived
    # (there was no 85 pass line before 2562).
    record = only(parse_document(fx("pre_2562_five_indices.txt")))
    assert (record.agency, record.district, record.province) == ("องค์การบริหารส่วนตำบลบ่อทองคำ", "พาน", "เชียงราย")
    assert (record.fiscal_year, record.overall_score, record.result) == (2560, 86.13, "สูงมาก")
    assert record.indicators == {} and record.grade is None and record.passed is None
    assert [w.code for w in record.warnings] == ["pre_itas_year"]


# --------------------------------------------------------------------------------------------
# 13. Encodings: fixture 2 as TIS-620/cp874, UTF-16 with BOM and UTF-8 with BOM
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["cp874", "utf-16", "utf-8-sig"])
def test_encodings_give_the_same_record(tmp_path, encoding):
    text = F2.read_text(encoding="utf-8")
    path = tmp_path / f"announcement_{encoding}.txt"
    path.write_bytes(text.encode(encoding))  # Python's utf-16 writes a BOM
    reference = only(parse_document(F2))
    record = only(parse_document(path))
    assert_fixture2_values(record)
    expected, got = reference.to_contract(), record.to_contract()
    for data in (expected, got):
        data.pop("source")
        data.pop("warnings")  # an encoding note may legitimately differ
    assert got == expected
    assert record.source.kind == reference.source.kind
    assert record.source.lines == reference.source.lines
    assert record.source.sha256 == sha256_of(path)


# --------------------------------------------------------------------------------------------
# 14. HTML: fixture 1 as a web page
# --------------------------------------------------------------------------------------------
F14 = fx("itas_result.html")


def test_itas_result_html():
    # the <script> trend data ("2563": 79.50) must not reach the text
    record = only(parse_document(F14))
    assert_fixture1_values(record)
    assert rec_pairs(record) == F1_RECS
    assert record.overall_score_computed == pytest.approx(86.98, abs=1e-9)
    check_source(record, F14, "itas_result", fmt="html")
    assert_no_html(record)


# --------------------------------------------------------------------------------------------
# 15. DOCX (fixture 6) and PDF (fixture 1), built here rather than committed as binaries
# --------------------------------------------------------------------------------------------
def _cell_parts(value: str) -> list[str]:
    """A table cell's paragraphs: one per <li>/<p> fragment, else the whole cell."""
    items = re.findall(r"<(li|p)\b[^>]*>(.*?)</\1>", value, flags=re.S)
    if items:
        return [re.sub(r"<[^>]+>", "", inner).strip() for _, inner in items]
    return [value.strip()]


def build_docx(lines: list[str], out: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    parts = _cell_parts(value)
                    cell = table.cell(r, c)
                    cell.paragraphs[0].text = parts[0]
                    for part in parts[1:]:
                        cell.add_paragraph(part)
            continue
        document.add_paragraph(lines[i].strip())
        i += 1
    document.save(out)
    return out


def build_pdf(lines: list[str], out: Path) -> Path:
    fpdf = pytest.importorskip("fpdf")
    font = next((f for f in FONT_CANDIDATES if f.exists()), None)
    if font is None:
        pytest.skip("no Thai TLWG font (Loma/Garuda) installed")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("ThaiFont", "", str(font))
    pdf.set_font("ThaiFont", size=12)
    for line in lines:
        # PDFs have no tabs: a table row becomes one line with its columns separated by spaces
        text = "  ".join(cell.strip() for cell in line.split("\t")).strip()
        if not text:
            pdf.ln(4)
            continue
        pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))
    return out


def test_docx_from_fixture6(tmp_path):
    path = build_docx(F6.read_text(encoding="utf-8").splitlines(), tmp_path / "analysis.docx")
    record = only(parse_document(path))
    assert_fixture6_values(record)
    check_source(record, path, "agency_analysis", fmt="docx")


def test_pdf_from_fixture1(tmp_path):
    path = build_pdf(F1.read_text(encoding="utf-8").splitlines(), tmp_path / "itas.pdf")
    record = only(parse_document(path))
    assert record.fiscal_year == 2564
    assert record.overall_score == F1_OVERALL
    assert record.grade == "A"
    assert scores(record) == F1_INDICATORS
    assert record.source.format == "pdf"
    assert record.source.kind == "itas_result"


# --------------------------------------------------------------------------------------------
# 16. Real seed documents (acceptance values)
# --------------------------------------------------------------------------------------------
SEEDS = Path(os.environ.get("ITA_SEEDS") or Path(__file__).resolve().parents[2] / "shared" / "seeds")


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} not present")
    matches = sorted(SEEDS.glob(f"{prefix}_*"))
    if not matches:
        pytest.skip(f"seed {prefix} not present in {SEEDS}")
    return matches[0]


def parse_seed(prefix: str, *, overall_printed: bool):
    path = seed(prefix)
    records = parse_document(path)
    assert records, f"no record from seed {path.name}"
    digest = sha256_of(path)
    for record in records:
        assert record.source.sha256 == digest
        line = record.source.lines.get("fiscal_year")
        assert isinstance(line, int) and line > 0
        if overall_printed:
            line = record.source.lines.get("overall_score")
            assert isinstance(line, int) and line > 0
    return records


def test_seed_000_itas_result():
    record = only(parse_seed("000", overall_printed=True))
    assert record.agency == "องค์การบริหารส่วนตำบลบางเคชะ"
    assert record.fiscal_year == 2563
    assert record.overall_score == 85.32
    assert record.grade == "A"
    assert record.passed is True
    assert scores(record) == ind(93.76, 88.66, 95.22, 88.93, 95.18, 86.60, 76.62, 78.27, 79.85, 87.50)
    assert record.overall_score_computed == pytest.approx(85.32, abs=1e-9)
    groups: dict[str, set] = {}
    for r in record.recommendations:
        groups.setdefault(r.instrument, set()).add(r.indicator)
    assert groups == {"EIT": {6, 7, 8}, "OIT": {9, 10}}


def test_seed_001_agency_analysis():
    record = only(parse_seed("001", overall_printed=False))
    assert record.agency == "องค์การบริหารส่วนตำบลบึงนคร"
    assert record.district == "ธวัชบุรี"
    assert record.province == "ร้อยเอ็ด"
    assert record.fiscal_year == 2567
    assert scores(record) == ind(100, 99.17, 100, 96.67, 100, 99.94, 100, 100, 100, 100)
    assert [a.responsible for a in record.actions] == [
        "สำนักงานปลัด", "สำนักปลัด", "สำนักปลัด", "กองคลัง", "กองคลัง", "สำนักปลัด", "สำนักปลัด"]


def test_seed_002_agency_analysis_plan():
    record = only(parse_seed("002", overall_printed=False))
    assert record.agency == "องค์การบริหารส่วนตำบลบ้านพราน"
    assert record.district == "แสวงหา"
    assert record.province == "อ่างทอง"
    assert record.fiscal_year == 2568
    for number in range(1, 6):
        assert record.indicators.get(str(number)) == 100.0, number
    assert record.items["O13"] == 50.0
    actions = record.actions
    assert len(actions) == 10
    assert all(len(a.steps) >= 1 for a in actions)
    assert len(actions[0].steps) == 4
    assert [a.period for a in actions] == ["1 ต.ค. 2568 - 30 ก.ย. 2569"] * 10
    assert "สำนักปลัด" in actions[0].responsible


def test_seed_003_announcement():
    record = only(parse_seed("003", overall_printed=True))
    assert record.agency == "องค์การบริหารส่วนตำบลลำปางรอง"
    assert record.fiscal_year == 2565
    assert record.overall_score == 78.29
    assert record.grade == "B"
    assert record.passed is False
    assert scores(record) == ind(84.39, 72.98, 84.79, 75.36, 75.63, 84.27, 81.50, 79.61, 69.57, 81.25)
    assert {"IIT", "EIT", "OIT"} <= {r.instrument for r in record.recommendations}


def test_seed_004_agency_analysis_status():
    record = only(parse_seed("004", overall_printed=True))
    assert record.agency == "เทศบาลตำบลหนองเส้า"
    assert record.district == "ชุมแพ"
    assert record.province == "ขอนแก่น"
    assert record.fiscal_year == 2568
    assert record.overall_score == 91.94
    assert record.result == "ผ่าน"
    assert record.passed is True
    assert record.instruments["IIT"] == 99.96  # printed "IT (การรับรู้ภายใน)"
    assert record.instruments["EIT_part1"] == 99.99
    assert record.instruments["EIT_part2"] == 91.92
    assert record.instruments["OIT"] == 82.50
    assert scores(record) == ind(100, 100, 99.98, 100, 100, 96.47, 85.27, 85.82, 85.00, 80.00)
    conflicts = [w for w in record.warnings if w.code == "conflicting_scores"]
    assert any(89.78 in numbers_in(w.message) for w in conflicts)  # indicator 3: 99.98 vs 89.78
    assert any(86.87 in numbers_in(w.message) for w in conflicts)  # indicator 6: 96.47 vs 86.87
    assert len(conflicts) == 2
