"""`jupyter nbconvert --to ita_pdf|ita_html|ita_docx|ita_xlsx` on an executed report notebook makes
the Thai report with the build's own writers; any other notebook is refused with a line saying why."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

AGENCY = "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"


@pytest.fixture(scope="module")
def executed(tmp_path_factory, example_store) -> Path:
    """A report.ipynb as `ita-report build` leaves it, alone in a folder of its own."""
    out = tmp_path_factory.mktemp("built")
    done = subprocess.run([sys.executable, "-m", "ita_lib", "build", AGENCY, "--db", str(example_store),
                           "--output-dir", str(out), "--format", "html"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    folder = tmp_path_factory.mktemp("analyst")
    shutil.copy(next(out.glob("*/report.ipynb")), folder / "report.ipynb")
    return folder / "report.ipynb"


def _nbconvert(notebook: Path, to: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nbconvert", "--to", to, str(notebook)], capture_output=True,
                          text=True, timeout=600, cwd=notebook.parent)


def test_the_exporters_are_registered_by_entry_point() -> None:
    from nbconvert.exporters import get_exporter

    from ita_lib.report.nbconvert_exporters import ItaDocxExporter, ItaPDFExporter

    assert get_exporter("ita_pdf") is ItaPDFExporter and get_exporter("ita_docx") is ItaDocxExporter


def test_nbconvert_makes_the_thai_pdf_and_word_file(executed) -> None:
    from docx import Document

    assert _nbconvert(executed, "ita_pdf").returncode == 0
    text = subprocess.run(["pdftotext", str(executed.with_suffix(".pdf")), "-"], capture_output=True,
                          text=True).stdout
    assert AGENCY in text.replace("\n", "") and "ตำบล" in text and "ประจำปีงบประมาณ" in text
    assert _nbconvert(executed, "ita_docx").returncode == 0
    paragraphs = [p.text for p in Document(executed.with_suffix(".docx")).paragraphs]
    assert AGENCY in paragraphs


def test_a_notebook_that_is_no_report_is_refused_with_the_reason(tmp_path) -> None:
    import nbformat

    notebook = tmp_path / "analysis.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), notebook)
    done = _nbconvert(notebook, "ita_pdf")
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1].endswith(
        "analysis: holds no ita-report report: run notebooks/agency_report.ipynb to its end (its last cell, "
        "Report.publish(), puts the report in the notebook), save it, then export")
    assert not (tmp_path / "analysis.pdf").exists()
