"""report.xlsx: one sheet per analysis table, Thai headings, numbers as numbers, missing values as
empty cells, document text that can never run as a formula, no internal codes."""
from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from ita_lib.analysis.labels import LEVELS  # noqa: E402
from ita_lib.model import ActionRow, Assessment, Recommendation, Source  # noqa: E402
from ita_lib.analysis import prepare_analysis  # noqa: E402
from ita_lib.files import atomic_write  # noqa: E402
from ita_lib.report.excel import display_width, sheets, sheets_from_json, workbook_bytes  # noqa: E402
from ita_lib.rubric import load as load_rubric  # noqa: E402

AGENCY = "องค์การบริหารส่วนตำบลหนองสมมุติ"
QUIET = "องค์การบริหารส่วนตำบลบ้านเงียบ"
# Made-up scores; 2567 has no score for indicator 8.
SCORES_2566 = (91.37, 82.15, 71.42, 88.64, 93.08, 84.26, 73.51, 79.33, 96.47, 86.19)
SCORES_2567 = (94.21, 87.93, 74.38, 96.12, 90.57, 85.66, 80.44, None, 97.29, 81.73)
FORMULA = '=HYPERLINK("http://evil.example","เปิด")'
STEP_ONE, STEP_TWO = "+ประชุมคณะทำงาน", "สรุปผลเสนอผู้บริหาร"
RESPONSIBLE = "@กองคลัง"
PERIOD = "-ม.ค. 2568"
RECOMMENDATION = "\tควรเผยแพร่รายงานการใช้งบประมาณ\x0cรายไตรมาส"
PLAN_HEADINGS = ["ตัวชี้วัดที่", "ตัวชี้วัด", "เหตุผล", "มาตรการ", "ขั้นตอน", "ผลผลิต/หลักฐาน", "ผู้รับผิดชอบ",
                 "ระยะเวลา", "ที่มา", "ผลการติดตาม"]
THAI = "[$-D07041E]"  # the number formats' Thai-digit prefix (the report's digits are Thai)


def _indicators(scores) -> dict[str, float | None]:
    return {str(n): score for n, score in enumerate(scores, start=1)}


@pytest.fixture(scope="module")
def store(tmp_path_factory, write_records) -> Path:
    db = tmp_path_factory.mktemp("xlsx") / "ita.duckdb"
    write_records(db, [
        Assessment(agency=AGENCY, agency_type="อบต.", province="สระแก้ว", fiscal_year=2566, overall_score=83.27,
                   grade="B", indicators=_indicators(SCORES_2566),
                   source=Source(path="nongsom_2566.txt", sha256="c" * 64, kind="itas_result")),
        Assessment(agency=AGENCY, agency_type="อบต.", province="สระแก้ว", fiscal_year=2567, overall_score=86.48,
                   indicators=_indicators(SCORES_2567),
                   recommendations=[Recommendation(instrument="EIT", indicator=7, text=RECOMMENDATION, line=12)],
                   actions=[ActionRow(indicator=7, measure=FORMULA, steps=[STEP_ONE, STEP_TWO],
                                      responsible=RESPONSIBLE, period=PERIOD)],
                   source=Source(path="nongsom_2567.txt", sha256="d" * 64, kind="agency_analysis")),
        Assessment(agency=QUIET, agency_type="อบต.", province="สระแก้ว", fiscal_year=2567, overall_score=97.12,
                   indicators=_indicators((97.5, 98.25, 96.0, 99.0, 97.75, 96.5, 95.25, 98.0, 99.5, 97.0)),
                   source=Source(path="quiet_2567.txt", sha256="f" * 64, kind="itas_result")),
    ])
    return db


def write_workbook(a, path: Path, audience: str = "agency") -> Path:
    """The workbook as a build writes it: the sheets the notebook publishes, through their JSON."""
    published = json.loads(json.dumps([asdict(sheet) for sheet in sheets(a, audience)]))
    return atomic_write(path, workbook_bytes(sheets_from_json(published), a.agency["name"]))


@pytest.fixture(scope="module")
def analysis(store):
    return prepare_analysis(AGENCY, db=store)


@pytest.fixture(scope="module")
def workbook(analysis, tmp_path_factory):
    path = write_workbook(analysis, tmp_path_factory.mktemp("out") / "report.xlsx", audience="analyst")
    assert path.name == "report.xlsx"
    return openpyxl.load_workbook(path)


def _header(ws) -> list:
    return [cell.value for cell in ws[1]]


def _cells(wb):
    for ws in wb:
        for row in ws.iter_rows():
            yield from row


def test_sheets_and_thai_headings(workbook) -> None:
    assert workbook.sheetnames == ["ผลรายปี", "ตัวชี้วัด", "ลำดับความสำคัญ", "แผนปฏิบัติการ", "ข้อเสนอแนะ"]
    assert _header(workbook["ผลรายปี"]) == ["ตัวชี้วัดที่", "รายการ", "แบบวัด", "๒๕๖๖", "๒๕๖๗"]
    assert _header(workbook["ตัวชี้วัด"]) == ["ปีงบประมาณ", "ตัวชี้วัดที่", "ชื่อ", "แบบวัด", "คะแนน", "ระดับ",
                                             "อันดับในหน่วยงาน", "ห่างจาก ๘๕", "เปลี่ยนแปลงจากปีก่อน"]
    assert _header(workbook["ลำดับความสำคัญ"]) == [
        "ลำดับความสำคัญ", "ตัวชี้วัดที่", "ชื่อ", "แบบวัด", "คะแนน", "น้ำหนักต่อคะแนนรวม", "ห่างจาก ๘๕",
        "ห่างจาก ๑๐๐", "คะแนนรวมเพิ่มหากถึง ๘๕", "คะแนนรวมเพิ่มหากถึง ๑๐๐", "สถานะน้ำหนัก"]
    assert _header(workbook["แผนปฏิบัติการ"]) == PLAN_HEADINGS
    assert _header(workbook["ข้อเสนอแนะ"]) == ["ปีงบประมาณ", "แบบวัด", "ตัวชี้วัดที่", "ตัวชี้วัด", "ข้อเสนอแนะ",
                                              "แหล่งข้อมูล"]
    for name in workbook.sheetnames:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_year_sheet_holds_the_scores_as_numbers(workbook, analysis) -> None:
    ws = workbook["ผลรายปี"]
    rows = {row[1].value: row for row in ws.iter_rows(min_row=2)}
    years = analysis.years.set_index("fiscal_year")
    scores = analysis.scores.set_index(["fiscal_year", "field"])
    for column, year in ((3, 2566), (4, 2567)):
        header = ws.cell(row=1, column=column + 1)
        assert header.value == str(year).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        overall = rows["คะแนนรวม ITA"][column]
        assert overall.value == pytest.approx(years.loc[year, "overall_score"]) and overall.data_type == "n"
        for n in range(1, 11):
            info = load_rubric().indicators[n]
            row = rows[info.name]
            assert row[0].value == n and row[2].value == info.instrument
            expected = (SCORES_2566 if year == 2566 else SCORES_2567)[n - 1]
            if expected is None:
                assert row[column].value is None  # missing: an empty cell, not "nan" or "–"
                continue
            assert row[column].value == pytest.approx(scores.loc[(year, f"indicator:{n}"), "score"])
            assert row[column].value == pytest.approx(expected)
            assert isinstance(row[column].value, float) and row[column].number_format == THAI + "0.00"
    assert rows["ระดับผล"][3].value == "B" and rows["ระดับผล"][4].value is None
    # no result printed: none beside a grade, else pass or fail from the score (as the report's headline)
    assert rows["ผลการประเมิน"][3].value is None and rows["ผลการประเมิน"][4].value == "ผ่านเกณฑ์"
    assert rows["แบบวัด EIT"][4].value is None  # no EIT mean without indicator 8


def test_indicator_sheet_is_the_latest_year(workbook, analysis) -> None:
    ws = workbook["ตัวชี้วัด"]
    latest = analysis.indicators[analysis.indicators["fiscal_year"] == 2567].sort_values("indicator")
    rows = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]
    assert [r[1] for r in rows] == latest["indicator"].tolist() == [1, 2, 3, 4, 5, 6, 7, 9, 10]
    for values, expected in zip(rows, latest.itertuples(index=False)):
        year, number, name, instrument, score, level, rank, gap, _ = values
        assert (year, number, name, instrument, rank) == (2567, expected.indicator, expected.name,
                                                          expected.instrument, expected.rank)
        assert type(year) is int and type(number) is int and type(rank) is int
        assert score == pytest.approx(expected.score) and gap == pytest.approx(expected.gap_to_pass)
        assert level == LEVELS[expected.level]
    by_number = {r[1]: r for r in rows}
    assert by_number[3][5] == "จุดอ่อนเร่งด่วน" and by_number[9][5] == "จุดแข็ง"
    assert by_number[7][8] == pytest.approx(80.44 - 73.51)


def test_priorities_sheet_matches_the_analysis(workbook, analysis) -> None:
    rows = [[cell.value for cell in row] for row in workbook["ลำดับความสำคัญ"].iter_rows(min_row=2)]
    assert [r[0] for r in rows] == analysis.priorities["priority"].tolist()
    assert [r[1] for r in rows] == analysis.priorities["indicator"].tolist()
    assert [r[9] for r in rows] == pytest.approx(analysis.priorities["gain_to_full"].tolist())
    assert workbook["ลำดับความสำคัญ"]["F2"].number_format == THAI + "0.0%"
    assert all(r[10] in ("ยืนยันแล้ว", "น่าจะถูกต้อง แต่ยังไม่ได้รับการยืนยัน", "ยังไม่ทราบ") for r in rows)


def test_formula_looking_text_stays_text(workbook) -> None:
    assert not [cell.coordinate for cell in _cells(workbook) if cell.data_type == "f"]
    ws = workbook["แผนปฏิบัติการ"]
    own = [row for row in ws.iter_rows(min_row=2) if row[3].value == FORMULA]
    assert len(own) == 1
    measure, steps, responsible, period = own[0][3], own[0][4], own[0][6], own[0][7]
    assert measure.data_type == "s" and measure.quotePrefix
    assert steps.value == f"{STEP_ONE}\n{STEP_TWO}" and steps.alignment.wrap_text
    assert (responsible.value, period.value) == (RESPONSIBLE, "-ม.ค. ๒๕๖๘")  # the report's digits
    assert all(cell.data_type == "s" for cell in (steps, responsible, period))
    assert own[0][0].value == 7 and own[0][5].value is None  # the agency's own row has no output
    text = workbook["ข้อเสนอแนะ"]["E2"]
    assert text.value == RECOMMENDATION.replace("\x0c", "") and text.data_type == "s"
    assert workbook["ข้อเสนอแนะ"]["F2"].value == "nongsom_2567.txt บรรทัด ๑๒"


def test_no_codes_or_placeholders_on_the_sheets(workbook, analysis) -> None:
    texts = [cell.value for cell in _cells(workbook) if isinstance(cell.value, str)]
    measure_ids = set(analysis.plan["measure_id"].dropna())
    assert measure_ids  # the draft has knowledge-base measures, whose ids must not show
    english = {"measure_id", "agency_id", "score", "level", "indicator", "fiscal_year", "name", "strength",
               "pass", "weakness", "urgent", "printed", "computed", "L", "U", "C"}
    for value in texts:
        assert value not in english | measure_ids, value
        assert "nan" not in value.lower() and "None" not in value and "<NA>" not in value, value
        assert analysis.agency["agency_id"] not in value and value.strip() not in ("", "–", "-")
    plan = workbook["แผนปฏิบัติการ"]
    assert plan.max_row == len(analysis.plan) + 1


def test_plan_sheet_is_ready_to_edit(workbook) -> None:
    ws = workbook["แผนปฏิบัติการ"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:J{ws.max_row}"
    assert all(cell.font.b for cell in ws[1])
    assert all(cell.font.name == "TH Sarabun New" for row in ws.iter_rows() for cell in row)
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDEFGHI"}
    assert widths["E"] >= 40 and widths["A"] < widths["D"]  # steps wide, indicator number narrow
    for row in ws.iter_rows(min_row=2):
        assert row[4].alignment.wrap_text and row[3].alignment.wrap_text
    assert ws.page_setup.orientation == "landscape"


def test_recommendations_sheet_only_when_there_are_any(store, tmp_path) -> None:
    quiet = prepare_analysis(QUIET, db=store)
    assert quiet.recommendations.empty
    wb = openpyxl.load_workbook(write_workbook(quiet, tmp_path / "report.xlsx"))
    assert wb.sheetnames == ["ผลรายปี", "ตัวชี้วัด", "ลำดับความสำคัญ", "แผนปฏิบัติการ"]
    assert wb["แผนปฏิบัติการ"].max_row == 1  # nothing below 85: the header, ready to fill in
    assert [c.value for c in wb["ผลรายปี"][1]][3:] == ["๒๕๖๗"]


def test_display_width_skips_thai_marks() -> None:
    assert display_width("การใช้อำนาจ") == 10  # ้ takes no room; ำ does
    assert display_width("ที่") == 1 and display_width("คุณภาพ") == 5
    assert display_width("สั้น\nยาวกว่านี้") == 7
    assert display_width("85.00") == 5


def test_written_atomically_and_fast(analysis, tmp_path) -> None:
    target = tmp_path / "out" / "report.xlsx"
    write_workbook(analysis, target)  # first call imports openpyxl
    started = time.perf_counter()
    assert write_workbook(analysis, target) == target
    assert time.perf_counter() - started < 0.3
    assert [p.name for p in target.parent.iterdir()] == ["report.xlsx"]


def test_the_agencys_copy_has_no_computed_value_source_or_tool_name(store, tmp_path) -> None:
    """What the agency publishes: no file name or line, no tool name, no computed score or weights
    caveat; the plan ends with an empty follow-up column for the agency; the agency is the creator."""
    a = prepare_analysis(AGENCY, db=store)
    wb = openpyxl.load_workbook(write_workbook(a, tmp_path / "report.xlsx", audience="agency"))
    assert wb.properties.creator == AGENCY and wb.properties.title == f"ผลการประเมิน ITA {AGENCY}"
    texts = [str(cell.value) for cell in _cells(wb) if cell.value is not None]
    for banned in ("ita-report", ".txt", "บรรทัด", "คำนวณ", "ยังไม่ได้รับการยืนยัน", "แหล่งข้อมูล", "สถานะน้ำหนัก"):
        assert not [t for t in texts if banned in t], banned
    years = {row[1].value: row for row in wb["ผลรายปี"].iter_rows(min_row=2)}
    assert years["แบบวัด EIT"][3].value is None  # computed from the indicators: the analyst's copy only
    computed = a.scores[(a.scores["score_source"] == "computed") & (a.scores["fiscal_year"] == 2566)]
    assert "instrument:EIT" in set(computed["field"])
    plan = wb["แผนปฏิบัติการ"]
    assert [c.value for c in plan[1]][-1] == "ผลการติดตาม" and plan.max_row > 1
    assert all(row[-1].value is None and row[-1].alignment.wrap_text for row in plan.iter_rows(min_row=2))
    analyst = openpyxl.load_workbook(write_workbook(a, tmp_path / "analyst.xlsx", audience="analyst"))
    years = {row[1].value: row for row in analyst["ผลรายปี"].iter_rows(min_row=2)}
    assert years["แบบวัด EIT"][3].value == pytest.approx(computed.set_index("field").at["instrument:EIT", "score"])


@pytest.mark.parametrize(("digits", "foreign", "prefix"), [("thai", "0123456789", THAI), ("arabic", "๐๑๒๓๔๕๖๗๘๙", "")])
def test_one_digit_system_per_sheet_the_reports(store, tmp_path, digits, foreign, prefix) -> None:
    from ita_lib.analysis.config import AnalysisConfig

    a = prepare_analysis(AGENCY, db=store, config=AnalysisConfig(digits=digits))
    wb = openpyxl.load_workbook(write_workbook(a, tmp_path / "report.xlsx", audience="agency"))
    for ws in wb:
        for cell in (c for row in ws.iter_rows() for c in row if c.value is not None):
            if isinstance(cell.value, str):  # digits inside a Latin code or address keep theirs
                words = [w for w in cell.value.split() if not any("a" <= ch.lower() <= "z" for ch in w)]
                assert not set("".join(words)) & set(foreign), (ws.title, cell.coordinate, cell.value)
            else:
                assert cell.number_format.startswith(prefix) and (prefix or "[$" not in cell.number_format)
