"""The rendered report: HTML and PDF built through the notebook, offline, escaped, safe names.

Render tier: needs the Thai font, WeasyPrint and a Jupyter kernel (scripts/install.sh installs them);
one build takes a few seconds, so the module builds each report once.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ita_lib.report import sections as report
from ita_lib.report.page import to_html
from ita_lib.analysis import AnalysisConfig, build_analysis
from ita_lib.store.ingest import relink
from ita_lib.model import Assessment, Recommendation, Source
from ita_lib.report.params import ReportParams
from ita_lib.store.slugs import agency_slug
from ita_lib.errors import ReportBuildError
from ita_lib.report.render import NOTEBOOK, build
from ita_lib.rubric import load as load_rubric
from ita_lib.store.db import Store
from ita_lib.store.rows import document_rows

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NONSA = "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
# 2568 indicators of the example (examples/nonsa-at-phatthana_2568_analysis-status.txt)
NONSA_2568 = (98.60, 96.20, 99.10, 97.40, 98.30, 95.20, 93.40, 94.60, 92.75, 95.00)
HTTP_REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*https?:|url\(\s*["']?https?:|@import""", re.I)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def built(example_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    params = ReportParams(agency="อบต.โนนสะอาดพัฒนา", db=str(example_store), output_dir=str(out), digits="arabic")
    return build(params)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_outputs_are_written_under_an_ascii_slug(built):
    # the agency has confirmed nothing: a draft, with its checklist beside it
    assert set(built.outputs) == {"ipynb", "html", "pdf", "data", "plan", "checklist"}
    folder = built.outputs["html"].parent
    assert folder.name == built.slug and re.fullmatch(r"[a-z0-9][a-z0-9-]*", built.slug)
    assert not [p for p in folder.parent.rglob("*")
                if p.name.endswith(".tmp") or p.name.startswith(".ita-report-build-")]
    data = json.loads(built.outputs["data"].read_text(encoding="utf-8"))
    assert data["agency"]["name"] == NONSA
    assert [row["fiscal_year"] for row in data["years"]] == [2563, 2565, 2567, 2568]


def test_html_is_offline_thai_and_hides_code(built):
    page = built.outputs["html"].read_text(encoding="utf-8")
    assert '<html lang="th">' in page
    assert not HTTP_REFERENCE.search(page), HTTP_REFERENCE.search(page)
    assert "data:font/ttf;base64," in page and "@font-face" in page
    assert "<script" not in page.lower()
    # Neither code nor the parameters reach the reader.
    for code in ("prepare_analysis", "import ", "measures_per_indicator", "trend_threshold ="):
        assert code not in page
    assert 'class="toc"' in page and page.count("<h2") >= 8
    assert NONSA in page


def test_pdf_text_has_the_agency_every_indicator_and_the_scores(built):
    text = pdf_text(built.outputs["pdf"])
    squashed = re.sub(r"\s+", "", text)
    assert NONSA in squashed
    for number, info in load_rubric().indicators.items():
        assert re.sub(r"\s+", "", info.name) in squashed, info.name
    for score in NONSA_2568:
        assert f"{score:.2f}" in text, score
    assert "95.25" in text  # the 2568 overall score
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(built.outputs["pdf"])],
                                                            capture_output=True, text=True).stdout).group(1))
    assert f"หน้า 1 / {pages}" in text or f"หน้า 1 / {pages}".replace(" ", "") in squashed


def test_executed_notebook_is_kept_without_errors(built):
    notebook = nbformat.read(built.outputs["ipynb"], as_version=4)
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "documents = None" in injected[0].source


def test_document_text_is_shown_as_text_never_markup():
    hostile = ["<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "**ตัวหนา** [ลิงก์](http://evil)"]
    rows = [("a1", 2563, f"indicator:{n}", score, None, n, "r1", "itas_result", "doc.txt", "x")
            for n, score in enumerate(NONSA_2568, start=1)]
    facts = pd.DataFrame(rows, columns=["agency_id", "fiscal_year", "field", "number", "text", "line", "record_id",
                                        "kind", "path", "sha256"])
    recs = pd.DataFrame([{"instrument": "OIT", "indicator": 9, "text": text, "line": 1, "fiscal_year": 2563,
                          "path": "doc.txt"} for text in hostile])
    agency = {"agency_id": "a1", "name": "อบต.<b>ทดสอบ</b>", "agency_type": "อบต.", "district": None,
              "province": None}
    analysis = build_analysis(agency, facts, recommendations=recs, config=AnalysisConfig())
    html = to_html(report.recommendations(analysis)) + to_html(report.title_block(analysis))
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # Markdown is never interpreted: no bold, the link stays text; stray asterisks are dropped.
    assert "ตัวหนา [ลิงก์](http://evil)" in html and "<strong>" not in html and "<a " not in html


def _store_with_agency(db: Path, name: str) -> None:
    record = Assessment(agency=name, agency_type="อบต.", province="ขอนแก่น", fiscal_year=2567,
                        overall_score=90.0, indicators={str(n): 90.0 for n in range(1, 11)},
                        recommendations=[Recommendation(instrument="OIT", text="{x} \\ \"q\" ..")],
                        source=Source(path="odd.txt", sha256="f" * 64, kind="itas_result"))
    with Store(db) as store:
        store.write(document_rows("f" * 64, "odd.txt", "text", [record], None))
        relink(store)


def test_an_agency_name_with_quotes_backslashes_braces_and_dots_builds_safely(tmp_path):
    name = 'องค์การบริหารส่วนตำบล"บ้าน\'ทดสอบ\\{x}/../..'
    db = tmp_path / "ita.duckdb"
    _store_with_agency(db, name)
    out = tmp_path / "out"
    result = build(ReportParams(agency=name, db=str(db), output_dir=str(out), formats=["html"]))
    folder = result.outputs["html"].parent
    assert folder.parent == out.resolve() and ".." not in folder.name and "/" not in folder.name
    from bs4 import BeautifulSoup

    page = BeautifulSoup(result.outputs["html"].read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("header.report-title h1").get_text() == name  # shown as text, whole
    notebook = nbformat.read(result.outputs["ipynb"], as_version=4)
    assert all(o.get("output_type") != "error" for c in notebook.cells for o in c.get("outputs", []))
    agency_id = json.loads(result.outputs["data"].read_text())["agency"]["agency_id"]
    assert result.slug == agency_slug(result.agency, agency_id)


def test_a_failing_cell_keeps_the_notebook_and_names_agency_and_cell(example_store, tmp_path):
    broken = nbformat.read(NOTEBOOK, as_version=4)
    broken.cells.insert(4, nbformat.v4.new_code_cell("raise ValueError('boom in the report')"))
    notebook = tmp_path / "broken.ipynb"
    nbformat.write(broken, notebook)
    out = tmp_path / "out"
    params = ReportParams(agency="ทม.ท่าช้างใหม่", db=str(example_store), output_dir=str(out), formats=["html"])
    with pytest.raises(ReportBuildError) as error:
        build(params, notebook=notebook)
    message = str(error.value)
    assert "เทศบาลเมืองท่าช้างใหม่" in message and "cell 4" in message and "boom in the report" in message
    kept = next(out.glob("*/report.ipynb"))
    outputs = [o for c in nbformat.read(kept, as_version=4).cells for o in c.get("outputs", [])]
    assert any(o.get("output_type") == "error" and o.get("evalue") == "boom in the report" for o in outputs)
    assert not list(out.glob("*/report.html"))  # no report from a failed run


def test_the_notebook_defaults_run_top_to_bottom_on_the_examples(tmp_path, monkeypatch):
    """As an analyst opens it in Jupyter: no parameters, the notebook's folder as working directory;
    the examples go into a scratch store under the temporary folder, not ../outputs."""
    import papermill

    from ita_lib.report.kernels import kernel_manager

    (tmp_path / "notebooks").mkdir()
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    executed = tmp_path / "notebooks" / "run.ipynb"
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))  # the kernel's temporary folder
    (tmp_path / "tmp").mkdir()
    with kernel_manager() as km:
        papermill.execute_notebook(str(NOTEBOOK), str(executed), kernel_name="python3", progress_bar=False,
                                   cwd=str(tmp_path / "notebooks"), km=km)
    cells = nbformat.read(executed, as_version=4).cells
    html = "".join(o.get("data", {}).get("text/html", "") for c in cells for o in c.get("outputs", []))
    assert NONSA in html and "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ" in html
    assert "การรับรองรายงาน" in html and html.count("<img") == 4
    assert not (tmp_path / "outputs").exists()  # no real store, no outputs written by trying it
    assert list((tmp_path / "tmp").glob("ita-report-*/notebook/ita-duckdb-*.duckdb"))


def page_requests(page: Path, tmp_path: Path) -> list[str]:
    """http(s) URLs a page asks for when headless Chromium loads it (Chromium's own background
    requests, whose initiator is "not an origin", are left out)."""
    netlog = tmp_path / f"{page.stem}-netlog.json"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / (page.stem + '-profile')}",
                    f"--log-net-log={netlog}", "--dump-dom", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    log = json.loads(netlog.read_text())
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    return [event["params"]["url"] for event in log["events"]
            if names.get(event["type"]) == "URL_REQUEST_START_JOB"
            and event["params"].get("url", "").startswith(("http:", "https:"))
            and event["params"].get("initiator") != "not an origin"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (scripts/install.sh installs it)")
def test_the_html_report_asks_for_nothing_from_the_network_in_chromium(built, tmp_path):
    control = tmp_path / "control.html"  # shows the check can fail
    control.write_text('<html><body><img src="http://example.invalid/logo.png"></body></html>', encoding="utf-8")
    assert page_requests(control, tmp_path) == ["http://example.invalid/logo.png"]
    assert page_requests(built.outputs["html"], tmp_path) == []


def test_pdf_breaks_thai_lines_between_words(built):
    """Every wrapped Thai line ends at a character-cluster boundary, and nearly all at a dictionary
    word boundary (newmm joins some compounds, such as การ|ดำเนินงาน, that Pango may split)."""
    from pythainlp.tokenize import subword_tokenize, word_tokenize

    def boundaries(tokens: list[str]) -> set[int]:
        ends, position = set(), 0
        for token in tokens:
            position += len(token)
            ends.add(position)
        return ends

    lines = [line.strip() for line in pdf_text(built.outputs["pdf"]).splitlines()]
    thai_end, thai_start = re.compile("[\u0e01-\u0e4e]$"), re.compile("^[\u0e01-\u0e4e]")
    breaks = [(a, b) for a, b in zip(lines, lines[1:]) if thai_end.search(a) and thai_start.match(b)]
    assert len(breaks) >= 15  # enough wrapped lines to judge (the agency report has no appendix)
    at_word = 0
    for before, after in breaks:
        joined = before + after
        assert len(before) in boundaries(subword_tokenize(joined, engine="tcc")), (before, after)
        at_word += len(before) in boundaries(word_tokenize(joined, engine="newmm"))
    assert at_word / len(breaks) >= 0.8


def test_an_unchecked_weasyprint_stops_the_pdf_with_one_clear_error(monkeypatch):
    import weasyprint

    from ita_lib.report.pdf import TESTED_WEASYPRINT, actual_text

    monkeypatch.setattr(weasyprint, "__version__", f"{TESTED_WEASYPRINT[1] + 1}.0")
    with pytest.raises(ReportBuildError, match=r"pip install 'weasyprint>=67,<71'"):
        with actual_text():
            pass
