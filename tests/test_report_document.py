"""The report document (ita_lib.report.document): what the sections make, the notebook publishes and
every writer reads. Its JSON round trip, how Report keeps what the notebook shows, and its HTML."""
from __future__ import annotations

import json
from unittest import mock

import IPython.display
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from ita_lib.analysis import prepare_analysis
from ita_lib.report import sections
from ita_lib.report.document import (Bullets, Cell, Figure, Heading, Note, Paragraph, ReportDocument, Section,
                                     SignOff, Table, Tiles, TitleBlock, from_json, to_json)
from ita_lib.report.page import contents, to_html
from ita_lib.report.publish import CELL_TAG, MIME_TYPE, Report, read_published

EVERY_BLOCK = (Paragraph("ย่อหน้า <b>"), Note("หมายเหตุ"), Note("สงสัย", doubt=True), Heading("หัวข้อย่อย"),
               Bullets(("หนึ่ง", "สอง")), Tiles((("คะแนน", "๙๐.๐๐"),)), Figure(png=b"\x89PNG\r\n", caption="ภาพ"),
               SignOff((("ลงชื่อ", "(นาย ก)"),)),
               Table(("ก", "ข"), ((Cell("๑", number=True), Cell("จุดแข็ง", level="strength")),
                                  (Cell(lead="มาตรการ", items=("ขั้น ๑",)), Cell(None))), style="data plan",
                     columns=("measure", "who")))


def test_a_document_survives_its_json_round_trip_through_a_notebook():
    document = ReportDocument(title="รายงาน", agency="อบต.ก", digits="arabic", audience="analyst", parts=[
        TitleBlock("kicker", "อบต.ก", (("จังหวัด", "ลำพูน"),)), Section("s", "หัวข้อ", EVERY_BLOCK, 1),
        Figure(png=bytes(range(256)), caption="ภาพ")])
    through_a_notebook = json.loads(json.dumps(to_json(document), sort_keys=True))  # as nbformat stores it
    assert from_json(through_a_notebook) == document


def test_a_missing_cell_value_is_a_dash_and_a_number_its_text():
    assert [Cell(None).text, Cell(float("nan")).text, Cell(3).text, Cell("x").text] == ["–", "–", "3", "x"]


def test_the_html_escapes_text_and_marks_numbers_levels_and_columns():
    table = to_html(EVERY_BLOCK[-1])
    assert table == ('<table class="data plan"><thead><tr><th class="measure">ก</th><th class="who">ข</th></tr>'
                     '</thead><tbody><tr><td class="num measure">๑</td><td class="level level-strength who">จุดแข็ง'
                     '</td></tr><tr><td class="measure"><strong>มาตรการ</strong><ul><li>ขั้น ๑</li></ul></td>'
                     '<td class="who">–</td></tr></tbody></table>')
    assert to_html(EVERY_BLOCK[0]) == "<p>ย่อหน้า &lt;b&gt;</p>"
    assert to_html(Section("s", "หัวข้อ", (), 3)).startswith('<section class="report-section"><h2 id="section-3">')


def shown_by(report: Report, *parts) -> list:
    with mock.patch.object(IPython.display, "display") as display:
        report.show(*parts)
    return [call.args[0] for call in display.call_args_list]


def test_report_numbers_sections_in_reading_order_and_a_part_shown_again_replaces_itself(example_store):
    a = prepare_analysis("อบต.โนนสะอาดพัฒนา", db=example_store)
    report = Report(a)
    shown = shown_by(report, sections.title_block(a), sections.headline(a), None, sections.history_charts(a),
                     sections.priorities(a))
    assert [bundle["text/plain"].split(":")[0] for bundle in shown] == [
        "TitleBlock", "Section", "Figure", "Figure", "Figure", "Section"]
    assert shown[1]["text/plain"] == "Section: ผลการประเมินล่าสุด"  # a line, never a chart's PNG bytes
    assert shown[1]["text/html"].startswith('<section class="report-section"><h2 id="section-1">')
    shown_by(report, sections.headline(a))  # a cell run twice in Jupyter
    assert [(s.key, s.number) for s in report.document.sections()] == [("headline", 1), ("priorities", 2)]
    assert len(report.document.parts) == 6
    assert contents(report.document.sections()).count("<li>") == 2


def test_the_build_reads_what_the_last_cell_published(example_store):
    a = prepare_analysis("อบต.โนนสะอาดพัฒนา", db=example_store)
    report = Report(a, audience="analyst")
    shown_by(report, sections.title_block(a), sections.plan(a, "analyst"))
    with mock.patch.object(IPython.display, "display") as display:
        report.publish(["html", "xlsx"])
    bundle = display.call_args.args[0]
    notebook = new_notebook(cells=[new_code_cell("shown.publish(formats)", metadata={"tags": [CELL_TAG]},
                                                 outputs=[new_output("display_data", data=bundle)])])
    published = read_published(nbformat.reads(nbformat.writes(notebook), as_version=4))
    assert published.document == report.document and published.document.audience == "analyst"
    assert json.loads(published.data_json)["agency"]["name"] == a.agency["name"]
    assert published.plan_csv.startswith("\ufeff") and [s["name"] for s in published.workbook][0] == "ผลรายปี"
    assert MIME_TYPE in bundle and "text/plain" in bundle


def test_a_notebook_that_publishes_nothing_is_said_to():
    assert read_published(new_notebook(cells=[new_code_cell("1")])) is None


@pytest.mark.parametrize("block", EVERY_BLOCK)
def test_every_block_shows_inline_in_jupyter(block):
    assert block._repr_html_() == to_html(block)


def test_a_build_whose_notebook_publishes_nothing_fails_with_that_reason(example_store, tmp_path):
    from ita_lib.errors import ReportBuildError
    from ita_lib.report.render import build

    own = tmp_path / "own.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("agency = None", metadata={"tags": ["parameters"]}),
                                       new_code_cell("print('no report')")],
                                metadata={"kernelspec": {"name": "python3", "language": "python",
                                                         "display_name": "Python 3"}}), str(own))
    with pytest.raises(ReportBuildError, match=r"the notebook published no report \(its last cell must call "
                                               r"Report.publish\)"):
        build({"agency": "อบต.โนนสะอาดพัฒนา", "db": str(example_store), "output_dir": str(tmp_path / "out")},
              notebook=own)
    assert not list((tmp_path / "out").glob("*/report.html"))
