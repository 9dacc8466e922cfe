"""Wrong results without a word and writers that crashed (issue 22, defects 7, 12, 16, 20, 22): a row
without an agency gives no nameless agency, sign-off fields are bounded and plain, a very long name
still gives every file, messages name the real cause, and the agency's own workbook and plan name no
source file."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile

import pytest

from ita_lib.analysis import load
from ita_lib.analysis.plan import for_audience
from ita_lib.batch.jobs import job_for_row
from ita_lib.cli import exit_codes
from ita_lib.errors import NoResultsError, ParamsError
from ita_lib.parse import parse_report
from ita_lib.report.document import Paragraph, ReportDocument, Section
from ita_lib.report.excel import sheets, workbook_bytes
from ita_lib.report.params import validate_params
from ita_lib.report.publish import published_data
from ita_lib.report.word import document_to_docx
from ita_lib.store.db import Store

SHEET = ("ผลการประเมิน ITA ปี 2568 จังหวัดลำปาง\n"
         "ลำดับ,หน่วยงาน,อำเภอ,คะแนน,ผลการประเมิน\n"
         "1,องค์การบริหารส่วนตำบลบ้านเอื้อม,เมืองลำปาง,93.40,ผ่าน\n"
         "2,,เมืองลำปาง,88.10,ผ่าน\n"
         "3,เทศบาลตำบลปงแสนทอง,เมืองลำปาง,81.75,ไม่ผ่าน\n")


def test_a_sheet_row_without_an_agency_gives_no_record_and_a_note(tmp_path):
    sheet = tmp_path / "lampang.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    report = parse_report(sheet)
    assert [(r.agency, r.overall_score) for r in report.records] == [
        ("องค์การบริหารส่วนตำบลบ้านเอื้อม", 93.40), ("เทศบาลตำบลปงแสนทอง", 81.75)]
    assert report.notes == ["line 4: a result without an agency name: left out"]


def test_a_nameless_agency_in_an_old_store_is_one_failed_target():
    job = job_for_row(None, "อบต.:ลำปาง:-:-", "ลำปาง", {"db": "x.duckdb"})
    assert job.problem.startswith("อบต.:ลำปาง:-:-: an agency without a name in the store")


@pytest.mark.parametrize("field, value, says", [
    ("name", "นายก\tข", "holds a control character (\\t)"),
    ("name", "นายก\x1b[2Jข", "holds a control character (\\x1b)"),
    ("position", "ก" * 201, "String should have at most 200 characters"),
])
def test_sign_off_fields_are_one_plain_line_of_bounded_length(field, value, says):
    with pytest.raises(ParamsError) as raised:
        validate_params({"agency": "อบต.บ้านเอื้อม", "signoff": {"reporter": {field: value}}}, path="p.yaml")
    assert f"signoff.reporter.{field}" in str(raised.value) and says in str(raised.value)


def test_an_unknown_sign_off_key_lists_the_keys_of_its_own_level(tmp_path):
    from ita_lib.report.params import load_params

    params = tmp_path / "p.yaml"
    params.write_text('agency: "อบต.บ้านเอื้อม"\nsignoff:\n  reporter:\n    nmae: "นายก"\n', encoding="utf-8")
    with pytest.raises(ParamsError) as raised:
        load_params(params)
    assert str(raised.value) == (f"{params}:4: unknown key 'nmae' in signoff.reporter; did you mean 'name'? "
                                 "(allowed: name, position)")


@pytest.mark.parametrize("thresholds, says", [
    ({"strength": 1e9}, "strength = 1000000000.0"), ({"urgent": -5}, "urgent = -5"),
    ({"trend_threshold": 1e300}, r"trend_threshold = 1e\+300: Input should be less than or equal to 100"),
])
def test_thresholds_outside_the_score_scale_are_refused(thresholds, says):
    with pytest.raises(ParamsError, match=says):
        validate_params({"agency": "อบต.บ้านเอื้อม", **thresholds})


def word_file(title: str, name: str, junk: str) -> bytes:
    return document_to_docx(ReportDocument(title=title, agency=name, parts=[
        Section("s", "ผลการประเมิน", (Paragraph(f"คะแนน ๘๕.๓๒ {junk}"),), 1)]))


def test_the_word_writer_drops_characters_xml_cannot_hold():
    data = word_file(title="รายงาน", name="อบต.บ้านเอื้อม", junk="ก\x01ข\x0bค\x1fง")
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "กขคง" in body


def test_a_very_long_agency_name_fits_words_title_limit():
    name = "องค์การบริหารส่วนตำบล" + "บ้านเอื้อมพัฒนา" * 20  # 321 characters
    data = word_file(title=f"รายงานผลการประเมิน ITA {name}", name=name, junk="")
    import docx

    title = docx.Document(io.BytesIO(data)).core_properties.title
    assert len(title) == 255 and title.endswith("…") and title.startswith("รายงานผลการประเมิน ITA องค์การ")


@pytest.fixture(scope="module")
def analysis_of_an_agency_with_its_own_plan(example_store):
    """An example agency whose analysis document has an action plan (its rows name their file)."""
    with Store(example_store, read_only=True) as store:
        ids = store.agencies()["agency_id"].tolist()
    for agency_id in ids:
        analysis = load(agency_id, db=example_store)
        if analysis.plan["measure_id"].isna().any():
            return analysis
    pytest.fail("no example agency has an action plan of its own")


def test_the_agencys_plan_and_workbook_name_no_source_file(analysis_of_an_agency_with_its_own_plan):
    analysis = analysis_of_an_agency_with_its_own_plan
    analyst_origins = " ".join(map(str, for_audience(analysis.plan, "analyst")["origin"]))
    assert ".txt:" in analyst_origins  # the analyst's copy names the file and line
    agency_origins = " ".join(map(str, for_audience(analysis.plan, "agency")["origin"]))
    assert ".txt" not in agency_origins and "มาตรการของหน่วยงาน ปี" in agency_origins
    from openpyxl import load_workbook

    for audience, shows in (("agency", False), ("analyst", True)):
        workbook = load_workbook(io.BytesIO(workbook_bytes(sheets(analysis, audience), analysis.agency["name"])))
        cells = " ".join(str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row
                         if c.value is not None)
        assert (".txt" in cells) == shows, audience


def test_years_without_a_result_are_named_before_any_kernel(example_store, tmp_path):
    with Store(example_store, read_only=True) as store:
        agency_id = store.agencies()["agency_id"].iloc[0]
    with pytest.raises(NoResultsError, match=r"no result for the years asked \(2555\); the store has 25"):
        load(agency_id, db=example_store, years=[2555])
    params = tmp_path / "p.yaml"
    params.write_text(f'agency: "x"\nagency_id: "{agency_id}"\nyears: [2555]\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "ita_lib", "build", str(params), "--db", str(example_store),
                           "--output-dir", "out"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == exit_codes.STOPPED
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no result for the years asked (2555)" in lines[0] and "cell" not in lines[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("report.ipynb"))


def test_a_file_without_an_extension_is_named_as_such(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "Makefile").write_text("all:\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "ita_lib", "ingest", str(folder), "--db", "x.duckdb", "--quiet"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert f"ita-report: left out {folder / 'Makefile'}: a file without an extension is not read" in done.stderr


def test_plan_csv_of_the_agency_names_no_file(analysis_of_an_agency_with_its_own_plan):
    a = analysis_of_an_agency_with_its_own_plan
    published = published_data(a, ReportDocument(title="t", agency=a.agency["name"], audience="agency"), ["xlsx"])
    text = " ".join(" ".join(row) for row in csv.reader(io.StringIO(published["plan_csv"].lstrip("\ufeff"))))
    assert ".txt" not in text and "มาตรการของหน่วยงาน" in text
    assert [sheet["name"] for sheet in published["workbook"]][-2:] == ["แผนปฏิบัติการ", "ข้อเสนอแนะ"]
