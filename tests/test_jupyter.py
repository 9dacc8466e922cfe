"""The analyst in Jupyter: an analysis shows itself in Thai, the notebooks' parameters are typed and
described for `papermill --help-notebook`, and opening the report notebook on the bundled examples
writes a scratch store, never the real one."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import duckdb
import pytest

import ita_lib
from ita_lib.errors import ParamsError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def test_an_analysis_shows_itself_as_thai_html(example_store) -> None:
    a = ita_lib.load("อบต.โนนสะอาดพัฒนา", example_store)
    page = a._repr_html_()
    assert "<h3>องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา</h3>" in page
    assert "ปีงบประมาณที่มีผล: ๒๕๖๓, ๒๕๖๕, ๒๕๖๗, ๒๕๖๘" in page
    assert "<td>๙. การเปิดเผยข้อมูล</td>" in page and "<td>ผ่านเกณฑ์</td>" in page
    text = re.sub(r"<[^>]+>", " ", page)
    assert re.findall(r"[0-9]", re.sub(r"\b(?:IIT|EIT|OIT|ITA)\b", "", text)) == []  # one digit system


def test_load_takes_typed_keywords(example_store) -> None:
    a = ita_lib.load("อบต.โนนสะอาดพัฒนา", example_store, config={"digits": "arabic"}, years=[2567, 2568])
    assert a.years["fiscal_year"].tolist() == [2567, 2568] and a.config.digits == "arabic"
    with pytest.raises(TypeError):
        ita_lib.load("อบต.โนนสะอาดพัฒนา", example_store, yeers=[2568])  # a misspelt option is an error


@pytest.mark.parametrize("notebook", ["agency_report.ipynb", "province_overview.ipynb"])
def test_every_notebook_parameter_has_a_type_and_a_description(notebook) -> None:
    papermill = pytest.importorskip("papermill")
    parameters = papermill.inspect_notebook(str(ROOT / "notebooks" / notebook))
    assert parameters
    for name, about in parameters.items():
        assert about["inferred_type_name"] != "None", name
        assert about["help"], name


def test_the_notebook_defaults_ingest_the_examples_into_a_scratch_store(tmp_path, monkeypatch) -> None:
    from ita_lib.analysis import prepare_analysis
    from ita_lib.report.document import ReportDocument
    from ita_lib.report.publish import published_data

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # a real store would be outputs/ita.duckdb from here
    a = prepare_analysis("อบต.โนนสะอาดพัฒนา", db=None, documents=EXAMPLES)
    assert a.latest_year == 2568
    scratch = next(tmp_path.glob("ita-report-*"))
    assert [p.name for p in (scratch / "notebook").glob("*.duckdb")] == [f"ita-duckdb-{duckdb.__version__}.duckdb"]
    # The notebook writes no file: what the build writes is handed over as data.
    published = published_data(a, ReportDocument(title="t", agency=a.agency["name"]), ["html"])
    assert json.loads(published["data_json"])["agency"]["name"] == a.agency["name"] and "workbook" not in published
    assert sorted(p.name for p in scratch.iterdir()) == ["notebook"]
    assert not (tmp_path / "outputs").exists()


def test_a_report_folder_is_only_a_folder_name(tmp_path) -> None:
    """A batch hands the build the folder name of its last manifest: only a slug is taken."""
    from ita_lib.report.writer import ReportFolder

    assert ReportFolder(tmp_path / "out", "obt-named-by-the-build-0a1b2c").path == (
        tmp_path / "out" / "obt-named-by-the-build-0a1b2c")
    for wrong in ("../escape", "a/b", "Upper", "", "-dash-first", "x" * 81):
        with pytest.raises(ParamsError, match="folder"):
            ReportFolder(tmp_path / "out", wrong)
    assert not (tmp_path / "out").exists()
