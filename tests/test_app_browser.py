"""The app's page in a real browser: `ita-report app`'s server (Voilà) driven by Playwright on the
Chromium the install provides (never a downloaded browser), headless.

With ITA_APP_PICTURES=DIR set, the seed 004 test saves a picture of each step there (README:
`ITA_APP_PICTURES=docs bash scripts/test.sh tests/test_app_browser.py` remakes docs/app-*.png)."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
pytest.importorskip("voila")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (scripts/install.sh adds it)")

SEEDS = Path(os.environ.get("ITA_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds"))
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# The flags a headless Chromium needs on a closed machine (no background requests, no sandbox as root).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
WAIT = 180_000  # ms: a build on a loaded 2-core machine


@pytest.fixture(scope="module")
def app(tmp_path_factory, example_store):
    """The app served for this module's tests: its folder, and the examples as the shared store."""
    from ita_lib.app.server import running_app

    root = tmp_path_factory.mktemp("app")
    with running_app(root=root, db=example_store) as running:
        yield running.url, root


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, url: str):
    context = browser.new_context(viewport={"width": 1100, "height": 1300}, accept_downloads=True, locale="th-TH")
    page = context.new_page()
    remote: list[str] = []
    page.on("request", lambda request: remote.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(url)
    page.wait_for_selector(".ita-upload", timeout=WAIT)
    return context, page, remote


def _upload(page, *paths: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.click(".ita-upload")
    chooser.value.set_files([str(p) for p in paths])


def _picture(page, name: str) -> None:
    folder = os.environ.get("ITA_APP_PICTURES")
    if folder:
        page.screenshot(path=str(Path(folder) / f"app-{name}.png"), full_page=False)


@pytest.mark.skipif(not (SEEDS / "004_3cf0ddfcc5506505.txt").is_file(), reason="../shared/seeds not here")
def test_an_officer_uploads_confirms_builds_and_downloads_the_word_file(app, browser, tmp_path) -> None:
    url, root = app
    context, page, remote = _open(browser, url)
    _picture(page, "1-start")
    _upload(page, SEEDS / "004_3cf0ddfcc5506505.txt")
    page.wait_for_selector(".ita-readings table", timeout=WAIT)
    readings = page.inner_text(".ita-readings")
    assert "เทศบาลตำบลหนองเสาเล้า ปีงบประมาณ ๒๕๖๘" in readings
    assert "๘๙.๗๘" in readings and "๙๙.๙๘" in readings  # both values of indicator 3, each with its line
    page.locator(".ita-readings").scroll_into_view_if_needed()
    _picture(page, "2-read")

    # the name spelt as the agency spells it officially, the disputed indicators as ITAS gives them
    page.fill(".ita-field-name input", "เทศบาลตำบลหนองเสาเล้า")
    page.fill(".ita-field-scores-indicator-3 input", "๘๙.๗๘")
    page.fill(".ita-field-scores-indicator-6 input", "96.47")
    for role, person, position in (("reporter", "นางสาวทดลอง ใจดี", "นักวิเคราะห์นโยบายและแผน"),
                                   ("certifier", "นายสมมุติ ตั้งใจ", "ปลัดเทศบาล"),
                                   ("approver", "นายตัวอย่าง มั่นคง", "นายกเทศมนตรี")):
        page.fill(f".ita-field-sign-off-{role}-name input", person)
        page.fill(f".ita-field-sign-off-{role}-position input", position)
    page.fill(".ita-field-report-date input", "๒๕๖๘-๑๒-๑๕")
    page.fill(".ita-field-confirmed-by input", "นางสาวทดลอง ใจดี นักวิเคราะห์นโยบายและแผน")
    page.click(".ita-save")
    page.wait_for_selector(".ita-form-said:has-text('บันทึกแล้ว')", timeout=WAIT)
    assert "ยืนยันครบแล้ว" in page.inner_text(".ita-form-said")
    page.locator(".ita-save").scroll_into_view_if_needed()
    _picture(page, "3-confirmed")

    page.locator(".ita-html input").uncheck()  # the Word file and the PDF (for the first page's picture)
    page.locator(".ita-xlsx input").uncheck()
    page.click(".ita-build")
    page.wait_for_selector(".ita-download-docx", timeout=WAIT)
    assert "สร้างรายงานเสร็จแล้ว" in page.inner_text(".ita-progress-said")
    with page.expect_download() as download:
        page.click(".ita-download-docx")
    saved = tmp_path / "report.docx"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "report.docx"
    page.wait_for_selector(".ita-preview img, img.ita-preview", timeout=WAIT)
    page.locator(".ita-progress").evaluate("element => element.scrollIntoView({block: 'start'})")
    _picture(page, "4-built")
    context.close()

    from docx import Document

    document = Document(saved)
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "เทศบาลตำบลหนองเสาเล้า" in text
    assert "๘๙.๗๘" in text and "๙๙.๙๘" not in text  # the confirmed value, not the table's
    assert "นายสมมุติ ตั้งใจ" in text and "ร่าง" not in document.sections[0].header.paragraphs[0].text
    assert remote == []  # fonts and scripts served locally
    saved_answers = list((root / "confirmed").glob("*.yaml"))
    assert len(saved_answers) == 1 and "89.78" in saved_answers[0].read_text(encoding="utf-8")


def test_a_binary_upload_is_one_thai_message_and_nothing_else_changes(app, browser, tmp_path) -> None:
    """12 MB: over tornado's default websocket message (10 MiB), which would drop it without a word."""
    url, _ = app
    binary = tmp_path / "ผลการประเมิน.pdf"
    binary.write_bytes(bytes(range(256)) * (12 * 4096))
    context, page, _ = _open(browser, url)
    _upload(page, binary)
    page.wait_for_selector(".ita-upload-said .ita-note", timeout=WAIT)
    said = page.locator(".ita-upload-said .ita-note").all_inner_texts()
    assert said[0] == "รับไฟล์ ผลการประเมิน.pdf แล้ว"
    assert said[1] == "ไฟล์ ผลการประเมิน.pdf เป็น PDF ที่เสียหาย เปิดอ่านไม่ได้ จึงไม่ได้นำมาใช้"
    assert len(said) == 3 and said[2].startswith("ยังไม่พบหน่วยงานจากไฟล์ที่ส่ง")
    assert not page.locator(".ita-readings table").count()
    assert "Traceback" not in page.content()
    context.close()


def test_two_sessions_at_once_each_see_only_their_own(app, browser) -> None:
    url, root = app
    first, first_page, _ = _open(browser, url)
    second, second_page, _ = _open(browser, url)
    _upload(first_page, EXAMPLES / "nonsa-at-phatthana_2568_analysis-status.txt")
    _upload(second_page, EXAMPLES / "tha-chang-mai_2568_analysis-status.txt")
    first_page.wait_for_selector(".ita-readings table", timeout=WAIT)
    second_page.wait_for_selector(".ita-readings table", timeout=WAIT)
    assert "โนนสะอาดพัฒนา" in first_page.inner_text(".ita-readings")
    assert "ท่าช้าง" not in first_page.inner_text(".ita-readings")
    assert "ท่าช้าง" in second_page.inner_text(".ita-readings")
    assert "โนนสะอาดพัฒนา" not in second_page.inner_text(".ita-readings")
    folders = [folder for folder in (root / "sessions").iterdir() if (folder / "uploads" / "001.txt").is_file()]
    contents = {(folder / "uploads" / "001.txt").read_bytes() for folder in folders}
    assert (EXAMPLES / "nonsa-at-phatthana_2568_analysis-status.txt").read_bytes() in contents
    assert (EXAMPLES / "tha-chang-mai_2568_analysis-status.txt").read_bytes() in contents
    first.close()
    second.close()


def test_an_agency_in_the_store_is_found_by_another_spelling(app, browser) -> None:
    url, _ = app
    context, page, _ = _open(browser, url)
    page.fill(".ita-search input", "อบต. โนนสะอาดพัฒนา")
    page.click(".ita-search-button")
    page.wait_for_selector(".ita-search-said:has-text('พบ')", timeout=WAIT)
    page.click(".ita-take")
    page.wait_for_selector(".ita-readings table", timeout=WAIT)
    assert "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา ปีงบประมาณ ๒๕๖๘" in page.inner_text(".ita-readings")
    context.close()


def _started(tmp_path: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """`ita-report app` started, and the address it printed."""
    command = [sys.executable, "-m", "ita_lib.cli.main", "app", "--no-browser", "--output-dir", str(tmp_path / "app"),
               "--db", str(tmp_path / "none.duckdb"), *options]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while not any("the page is at" in line for line in lines) and time.monotonic() < deadline:
        lines.append(process.stderr.readline())
    return process, next(line for line in lines if "the page is at" in line).split()[-1]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL])
def test_the_command_serves_the_page_and_leaves_no_process_behind(tmp_path, stop) -> None:
    """`ita-report app`: the address printed answers; off loopback the token is required; stopping
    the command, with Ctrl-C (status 130, as every command) or even SIGKILL, stops Voilà and its
    kernels."""
    import psutil
    import urllib.request

    process, url = _started(tmp_path, "--host", "0.0.0.0")
    family: list = []
    try:
        assert "?token=" in url
        local = url.replace("0.0.0.0", "127.0.0.1")
        with urllib.request.urlopen(local, timeout=60) as page:  # the page: a kernel starts for it
            assert page.status == 200 and "/login" not in page.url
        with urllib.request.urlopen(local.split("?")[0], timeout=60) as page:
            assert "/login" in page.url  # without the token: the server's login page, not the app
        family = psutil.Process(process.pid).children(recursive=True)
        assert len(family) >= 2  # Voilà and the page's kernel
        process.send_signal(stop)
        assert process.wait(60) == (130 if stop == signal.SIGINT else -signal.SIGKILL)
        _, alive = psutil.wait_procs(family, timeout=30)
        assert not alive
    finally:  # a failed assertion above must not leave a server running
        for survivor in [*family, process]:
            with contextlib.suppress(Exception):
                survivor.kill()


def test_a_port_in_use_is_one_line_and_status_2(tmp_path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "ita_lib.cli.main", "app", "--no-browser", "--port", str(port),
                               "--output-dir", str(tmp_path / "app"), "--db", str(tmp_path / "none.duckdb")],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (f"ita-report: 127.0.0.1:{port}: the page's server stopped as it started "
                                            "(status 1); is the address or port in use?")
    assert "Traceback" not in done.stderr


def test_the_page_runs_on_this_interpreter_whatever_kernelspec_is_first(tmp_path, monkeypatch) -> None:
    """A hub's or a conda base's "python3" first on JUPYTER_PATH, with no ita_lib: the page still
    starts its kernel from the interpreter running the command."""
    import urllib.request

    from ita_lib.app.server import running_app

    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text('{"argv": ["%s", "-c", "import sys; sys.exit(3)", "{connection_file}"], '
                                      '"display_name": "Python 3", "language": "python"}' % sys.executable,
                                      encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    from concurrent.futures import ThreadPoolExecutor, TimeoutError as NoAnswer

    def read(url: str) -> str:
        with urllib.request.urlopen(url, timeout=120) as page:
            return page.read().decode("utf-8")

    pool = ThreadPoolExecutor(1)
    try:
        with running_app(root=tmp_path / "app", db=None) as app:
            # a kernel that never starts keeps the page's answer open: bounded here; the server's stop
            # below then ends the read
            html = pool.submit(read, app.url).result(timeout=180)
    except NoAnswer:
        html = ""
    finally:
        pool.shutdown(wait=False)
    assert "application/vnd.jupyter.widget-view+json" in html and "Kernel died" not in html
