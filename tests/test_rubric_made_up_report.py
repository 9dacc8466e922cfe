"""The made-up rubric of test_rubric_made_up (a fourth instrument, RIT, and other weights from 2570)
reaches the report too: its sections, the Word file and the workbook name the fourth instrument
with the rubric's words, and nothing in the report stage knows there were three."""
from __future__ import annotations

import io

import docx

from ita_lib.analysis import load as load_analysis
from ita_lib.report import sections
from ita_lib.report.document import ReportDocument
from ita_lib.report.excel import sheets
from ita_lib.report.page import to_html
from ita_lib.report.word import document_to_docx
from ita_lib.store.ingest import ingest
from test_rubric_made_up import AGENCY, OVERALL, made_up_rubric, result_page  # noqa: F401 (a fixture)


def test_the_report_shows_the_fourth_instrument_with_the_rubrics_words(made_up_rubric, tmp_path):  # noqa: F811
    db = tmp_path / "ita.duckdb"
    assert not ingest([result_page(tmp_path)], db=db, aliases=None, workers=1).failed
    a = load_analysis(AGENCY, db)
    scores = sections.instrument_scores(a)
    rows = [[cell.text for cell in row] for row in scores.blocks[0].rows]
    assert rows[0] == ["คะแนนรวม ITA", "๘๓.๘๓", "ตามที่ประกาศ"] and OVERALL == 83.83
    assert rows[-1] == ["แบบวัดการบริหารความเสี่ยงการทุจริต (RIT)", "๗๑.๔๐", "ตามที่ประกาศ"]
    indicators = sections.indicator_table(a).blocks[0]
    assert [cell.text for cell in indicators.rows[-1]][:4] == ["๑๑. การบริหารความเสี่ยงการทุจริต", "RIT", "๗๑.๔๐",
                                                                "จุดอ่อนเร่งด่วน"]
    recommendations = to_html(sections.recommendations(a))
    assert "<h3>แบบวัด RIT</h3>" in recommendations
    document = ReportDocument(title="t", agency=AGENCY, parts=[scores, sections.recommendations(a)])
    word = docx.Document(io.BytesIO(document_to_docx(document)))
    assert ["แบบวัดการบริหารความเสี่ยงการทุจริต (RIT)", "๗๑.๔๐", "ตามที่ประกาศ"] in [
        [cell.text for cell in row.cells] for row in word.tables[0].rows]
    years = next(sheet for sheet in sheets(a) if sheet.name == "ผลรายปี")
    assert [None, "แบบวัด RIT", "RIT", 71.40] in years.rows
