"""Hostile batches: missing values from the store, a driver killed or interrupted, a worker dying, bad
options and an output folder that cannot take files. Each ends in an exact exit status and one line
on stderr, with no traceback, no process left behind and nothing written outside the output folder.

The notebooks run for real in one module-wide batch (`built`) and in the kill tests; the rest reuse
that output (every report unchanged, so nothing is rebuilt) or call the library."""
from __future__ import annotations

import csv
import errno
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
import psutil
import pytest

from ita_lib.cli import exit_codes
from ita_lib.batch.jobs import Job, Outcome, select_jobs
from ita_lib.batch.manifest import make_overview, overview_province, write_manifest
from ita_lib.batch.pool import in_fresh_pools
from ita_lib.cli.main import main
from ita_lib.errors import OutputError, UsageError
from ita_lib.report.index_page import write_index
from ita_lib.report.kernels import remove_stale_folders
from ita_lib.report.line_breaks import unmarked
from ita_lib.model import Assessment, Source
from ita_lib.report.page import to_html
from ita_lib.report.overview import load_overview, title_block
from ita_lib.errors import CellTimeoutError, DeadKernelError, NotebookCellError
from ita_lib.report.execute import execute
from ita_lib.report.exporters import check_formats

PLACED = "องค์การบริหารส่วนตำบลหนองแก"  # in ขอนแก่น
UNPLACED = "องค์การบริหารส่วนตำบลโนนงาม"  # no district, no province: NaN when it leaves the store
MARK = "ITA_TEST_PROCESS_MARK"  # every process a test starts inherits it, kernels included


def made_up_records() -> list[Assessment]:
    """One agency with a district and province, one with neither; two years each."""
    records = []
    for index, (name, district, province) in enumerate(((PLACED, "เมือง", "ขอนแก่น"), (UNPLACED, None, None))):
        for year, shift in ((2567, 0.0), (2568, 2.5)):
            scores = {str(n): round(78 + (index * 5 + n * 3) % 17 + shift, 2) for n in range(1, 11)}
            sha = f"h{index}{year}".ljust(64, "0")
            records.append(Assessment(agency=name, agency_type="อบต.", district=district, province=province,
                                      fiscal_year=year, indicators=scores,
                                      source=Source(path=f"{index}-{year}.txt", sha256=sha, kind="itas_result")))
    return records


@pytest.fixture(scope="module")
def db(tmp_path_factory, write_records) -> Path:
    path = tmp_path_factory.mktemp("hostile-store") / "ita.duckdb"
    write_records(path, made_up_records())
    return path


# --- processes ----------------------------------------------------------------------------------

def start_batch(db: Path, cwd: Path, mark: str, *options: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "ita_lib", "batch", "--db", str(db), "--output-dir", "out", *options]
    return subprocess.Popen(command, cwd=cwd, env=dict(os.environ, **{MARK: mark}), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def marked(mark: str) -> list[psutil.Process]:
    """The live processes started under `mark`: driver, workers, kernels, multiprocessing's tracker."""
    found = []
    for process in psutil.process_iter():
        try:
            if process.environ().get(MARK) == mark and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def kernels(mark: str) -> list[psutil.Process]:
    return [p for p in marked(mark) if "ipykernel_launcher" in " ".join(p.cmdline())]


def no_process_left(mark: str, seconds: float = 10) -> list[str]:
    """[] when every process started under `mark` ended within `seconds`; else their command lines
    (and they are killed, so that a failing test leaves nothing running either)."""
    if wait_for(lambda: not marked(mark), seconds):
        return []
    left = marked(mark)
    described = [" ".join(p.cmdline())[:100] for p in left]
    for process in left:
        process.kill()
    return described


def ended(driver: subprocess.Popen, mark: str) -> tuple[list[str], str]:
    """What no_process_left says, and the driver's stderr: read once every process is gone, since
    an orphaned worker would hold the pipe open."""
    left = no_process_left(mark)
    if driver.poll() is None:
        driver.kill()
        driver.wait()
    with driver.stderr:
        return left, driver.stderr.read()


@dataclass
class Built:
    cwd: Path
    output: Path
    returncode: int
    stderr: str
    left: list[str]


@pytest.fixture(scope="module")
def built(db, tmp_path_factory) -> Built:
    """Both agencies built with two workers: the run that crashed in write_manifest (NaN vs str)."""
    cwd = tmp_path_factory.mktemp("built")
    mark = uuid.uuid4().hex
    process = start_batch(db, cwd, mark, "--all", "--jobs", "2", "--format", "html")
    _, stderr = process.communicate(timeout=600)
    return Built(cwd, cwd / "out", process.returncode, stderr, no_process_left(mark))


def manifest_rows(output: Path) -> list[dict]:
    with open(output / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_batch_of_agencies_with_and_without_a_province_completes(built):
    assert built.returncode == exit_codes.OK, built.stderr
    assert "Traceback" not in built.stderr
    rows = manifest_rows(built.output)
    assert [(row["agency"], row["province"], row["status"]) for row in rows] == [
        (UNPLACED, "", "built"), (PLACED, "ขอนแก่น", "built")]  # no province sorts first
    index = (built.output / "index.html").read_text(encoding="utf-8")
    overview = (built.output / "province_overview.html").read_text(encoding="utf-8")
    assert 'href="province_overview.html"' in index and ">nan<" not in index and ">nan<" not in overview
    assert sorted(p.name for p in built.cwd.iterdir()) == ["out"]  # nothing outside the output folder


def test_a_normal_run_leaves_no_process(built):
    assert built.left == []


def test_one_agency_without_a_province_gets_its_overview(built, db, tmp_path):
    shutil.copytree(built.output, tmp_path / "out")
    run = subprocess.run([sys.executable, "-m", "ita_lib", "batch", UNPLACED, "--db", str(db), "--output-dir", "out",
                          "--format", "html"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert run.returncode == exit_codes.OK, run.stderr
    assert "overview failed" not in run.stderr and "Traceback" not in run.stderr
    overview = unmarked((tmp_path / "out" / "province_overview.html").read_text(encoding="utf-8"))
    assert "ภาพรวมผลการประเมิน ITA ไม่ระบุจังหวัด" in overview


def test_killing_the_driver_leaves_no_worker_and_no_kernel(db, tmp_path):
    mark = uuid.uuid4().hex
    driver = start_batch(db, tmp_path, mark, "--all", "--jobs", "2", "--format", "html", "--force")
    try:
        assert wait_for(lambda: len(kernels(mark)) >= 2, 120), "the workers never started their kernels"
        driver.kill()  # kill -9: no chance to stop anything
        driver.wait(timeout=30)
    finally:
        left, _ = ended(driver, mark)
    assert left == []


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_stops_the_batch_and_leaves_no_process(db, tmp_path, how):
    mark = uuid.uuid4().hex
    driver = start_batch(db, tmp_path, mark, "--all", "--jobs", "2", "--format", "html", "--force")
    try:
        assert wait_for(lambda: len(kernels(mark)) >= 2, 120), "the workers never started their kernels"
        if how == "ctrl-c":
            os.killpg(driver.pid, signal.SIGINT)  # what a terminal does: the whole process group
        else:
            driver.terminate()
        driver.wait(timeout=60)
    finally:
        left, stderr = ended(driver, mark)
    assert left == []
    assert driver.returncode == exit_codes.INTERRUPTED, stderr
    assert stderr.splitlines()[-1] == "ita-report: interrupted; the reports finished so far are kept in out"
    assert "Traceback" not in stderr


def _dies(number: int, folder: str) -> dict:
    """Task 0 always kills its worker (after the others had time to finish); task 1 only the first time."""
    flag = Path(folder) / f"ran-{number}"
    first = not flag.exists()
    flag.touch()
    if number == 0:
        time.sleep(3)
        os.kill(os.getpid(), signal.SIGKILL)
    if number == 1 and first:
        os.kill(os.getpid(), signal.SIGKILL)
    return {"number": number, "lost": False}


def _lost(number: int, folder: str) -> dict:
    return {"number": number, "lost": True}


def test_a_dying_worker_costs_a_retry_and_only_its_own_task_fails(tmp_path):
    results = list(in_fresh_pools(_dies, [(n, str(tmp_path)) for n in range(6)], workers=2, recycle_after=200,
                                  lost=_lost))
    assert sorted((r["number"], r["lost"]) for r in results) == [(0, True)] + [(n, False) for n in range(1, 6)]


# --- bad options: one line, the right status, nothing done ------------------------------------------

@pytest.mark.parametrize("options, status, line", [
    (["--agencies", "missing.txt"], exit_codes.USAGE, "missing.txt: --agencies: file not found"),
    (["--agencies", "folder"], exit_codes.USAGE, "folder: --agencies: is a folder, not a file"),
    (["--agencies", "binary.txt"], exit_codes.USAGE,
     "binary.txt: --agencies: not a text file in UTF-8, UTF-16 or Windows Thai (cp874)"),
    (["--all", "--notebook", "missing.ipynb"], exit_codes.USAGE, "missing.ipynb: --notebook: file not found"),
    (["--all", "--notebook", "binary.txt"], exit_codes.USAGE, "binary.txt: --notebook: not a UTF-8 text file"),
    (["--all", "--notebook", "notes.txt"], exit_codes.USAGE,
     "notes.txt: --notebook: not a Jupyter notebook (NotJSONError)"),
    (["--all", "--format", "xyz"], exit_codes.USAGE,
     "--format: unknown format 'xyz' (choose from html, pdf, docx, xlsx)"),
    (["--all", "--scheduler", "notaurl"], exit_codes.USAGE,
     "--scheduler: 'notaurl' is not a scheduler address (missing port number in address 'notaurl'); "
     "give one like tcp://host:8786"),
    (["--all", "--scheduler", "tcp://127.0.0.1:1"], exit_codes.STOPPED,
     "--scheduler: cannot connect to tcp://127.0.0.1:1 (Connection refused)"),
])
def test_a_bad_option_is_one_line_and_nothing_is_done(db, tmp_path, options, status, line):
    (tmp_path / "folder").mkdir()
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    (tmp_path / "notes.txt").write_text("not a notebook\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "ita_lib", "batch", "--db", str(db), "--output-dir", "out", *options],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert time.monotonic() - started < 20  # the scheduler too: not dask's 30 s default
    assert (run.returncode, run.stderr) == (status, f"ita-report: {line}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # not even the output folder


def test_an_output_folder_that_is_a_file_stops_the_batch(db, tmp_path):
    (tmp_path / "out").write_text("in the way\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "ita_lib", "batch", "--all", "--db", str(db), "--output-dir", "out"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr) == (
        exit_codes.STOPPED, f"ita-report: {tmp_path / 'out'}: cannot write: it is a file, not a folder\n")


@pytest.mark.parametrize("text, formats", [("html", ["html"]), (" PDF , html,pdf", ["pdf", "html"])])
def test_check_formats_reads_a_format_option(text, formats):
    assert check_formats(text) == formats


@pytest.mark.parametrize("text, reason", [("xyz", "unknown format 'xyz' (choose from html, pdf, docx, xlsx)"),
                                          ("html,odt", "unknown format 'odt' (choose from html, pdf, docx, xlsx)"),
                                          (" , ", "no format given (choose from html, pdf, docx, xlsx)")])
def test_check_formats_refuses_a_wrong_one_in_one_line(text, reason):
    with pytest.raises(UsageError) as error:
        check_formats(text)
    assert str(error.value) == f"--format: {reason}"


# --- an output folder that cannot take the batch's pages ----------------------------------------------

def failing_write(real, name: str, number: int):
    """`real` (atomic_write), except that writing a file called `name` fails with `number`."""
    def write(path, data):
        if Path(path).name == name:
            raise OSError(number, os.strerror(number))
        return real(path, data)
    return write


def rerun_in_process(db: Path, output: Path, capsys) -> tuple[int, list[str]]:
    """The built batch again (every report unchanged), in this process so a write can be made to fail."""
    status = main(["batch", "--all", "--db", str(db), "--output-dir", str(output), "--format", "html", "--jobs", "1"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, [line for line in err.splitlines() if line.startswith("ita-report:")]


@pytest.mark.parametrize("module, name", [("ita_lib.batch.manifest", "manifest.csv"),
                                          ("ita_lib.report.index_page", "index.html")])
def test_a_full_disk_stops_the_batch_in_one_line_and_keeps_the_reports(built, db, tmp_path, monkeypatch, capsys,
                                                                       module, name):
    output = tmp_path / "out"
    shutil.copytree(built.output, output)
    real = sys.modules[module].atomic_write
    monkeypatch.setattr(f"{module}.atomic_write", failing_write(real, name, errno.ENOSPC))
    status, lines = rerun_in_process(db, output, capsys)
    assert (status, lines) == (exit_codes.STOPPED,
                               [f"ita-report: {output / name}: cannot write: No space left on device"])
    assert len(list(output.glob("*/report.html"))) == 2


def test_a_full_disk_while_writing_the_overview_stops_the_batch(built, tmp_path, monkeypatch):
    shutil.copytree(built.output, tmp_path / "out")
    (tmp_path / "out" / "province_overview.json").unlink()  # so that the page is made again

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("ita_lib.report.render.build_overview", full_disk)
    outcomes = [Outcome(PLACED, None, "ขอนแก่น", "placed", "built")]
    with pytest.raises(OutputError) as error:
        make_overview(tmp_path / "out", [Job(PLACED)], outcomes)
    assert str(error.value) == f"{tmp_path / 'out' / 'province_overview.html'}: cannot write: No space left on device"


def test_a_read_only_output_folder_stops_the_batch_before_any_work(db, tmp_path, monkeypatch, capsys):
    import ita_lib.batch.manifest

    output = tmp_path / "out"
    monkeypatch.setattr("ita_lib.batch.manifest.atomic_write",
                        failing_write(ita_lib.batch.manifest.atomic_write, ".ita-write-test", errno.EACCES))
    status, lines = rerun_in_process(db, output, capsys)
    assert (status, lines) == (exit_codes.STOPPED, [f"ita-report: {output}: cannot write: Permission denied"])
    assert list(output.iterdir()) == []  # no report started


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_really_read_only_output_folder_stops_the_batch(db, tmp_path):
    (tmp_path / "out").mkdir(mode=0o555)
    run = subprocess.run([sys.executable, "-m", "ita_lib", "batch", "--all", "--db", str(db), "--output-dir", "out"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr) == (exit_codes.STOPPED,
                                            f"ita-report: {tmp_path / 'out'}: cannot write: Permission denied\n")


# --- missing values leave pandas as None ------------------------------------------------------------

def test_jobs_carry_none_not_nan_for_a_missing_province(db, tmp_path):
    listed = tmp_path / "agencies.txt"
    listed.write_text(f"{UNPLACED}\n", encoding="utf-8")
    for jobs in (select_jobs(db, everything=True), select_jobs(db, targets=[UNPLACED]),
                 select_jobs(db, agencies_file=listed)):
        province = {job.agency: job.province for job in jobs}
        assert province[UNPLACED] is None
        assert all(value is None or isinstance(value, str) for job in jobs
                   for value in (job.agency, job.agency_id, job.province, job.params["agency_id"]))


def test_the_manifest_sorts_missing_provinces_and_defuses_formulas(tmp_path):
    outcomes = [Outcome("ข", "b", "ขอนแก่น", "b", "built"),
                Outcome("=HYPERLINK(\"http://x\")", "a", float("nan"), None, "failed", error="-2+3 cells"),
                Outcome("ค", "c", pd.NA, "c", "built"), Outcome("ก", None, None, None, "failed", error="@SUM(A1)")]
    write_manifest(outcomes, tmp_path / "manifest.csv")
    rows = manifest_rows(tmp_path)
    assert [(row["agency"], row["province"], row["error"]) for row in rows] == [
        ("'=HYPERLINK(\"http://x\")", "", "'-2+3 cells"), ("ก", "", "'@SUM(A1)"), ("ค", "", ""), ("ข", "ขอนแก่น", "")]


@pytest.mark.parametrize("provinces, expected", [
    (["ขอนแก่น", "ขอนแก่น"], "ขอนแก่น"), (["ขอนแก่น", None], None), ([float("nan")], None),
    (["ขอนแก่น", "เลย"], None)])
def test_the_overview_is_of_one_province_only_when_every_report_has_it(provinces, expected):
    outcomes = [Outcome(f"a{i}", None, p, f"s{i}", "built") for i, p in enumerate(provinces)]
    outcomes.append(Outcome("failed", None, "เลย", None, "failed"))  # not in the overview
    assert overview_province(outcomes) == expected


def test_the_overview_takes_nan_for_every_province(built):
    overview = load_overview(built.output, province=float("nan"))
    assert len(overview.agencies) == 2 and overview.title == "๑ จังหวัด"
    assert "<h1>ภาพรวมผลการประเมิน ITA ๑ จังหวัด</h1>" in to_html(title_block(overview))


def test_the_index_lists_agencies_with_missing_values_and_damaged_data(tmp_path):
    (tmp_path / "damaged").mkdir()
    (tmp_path / "damaged" / "data.json").write_text('{"agency": null, "years": [{"overall_score": "high"}]}',
                                                    encoding="utf-8")
    outcomes = [Outcome("ข", "b", "ขอนแก่น", None, "failed", error="broken"),
                Outcome("ก", "a", float("nan"), "damaged", "built"), Outcome("ค", None, pd.NA, None, "failed")]
    page = write_index(tmp_path, outcomes).read_text(encoding="utf-8")
    assert ">nan<" not in page and "&lt;NA&gt;" not in page
    assert page.index(">ก<") < page.index(">ค<") < page.index(">ข<")  # no province first


# --- kernels --------------------------------------------------------------------------------------------

def test_kernel_folders_of_ended_processes_are_removed(tmp_path):
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    for name in (f"ita-kernel-{ended.pid}-abc_12", f"ita-kernel-{os.getpid()}-def34", "ita-kernel-x1y2z3"):
        (tmp_path / name).mkdir()
    assert remove_stale_folders(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"ita-kernel-{os.getpid()}-def34", "ita-kernel-x1y2z3"]


def test_a_failing_cell_right_after_the_parameters_is_the_one_named(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("n = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("raise ValueError('boom')")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "tiny.ipynb"
    nbformat.write(notebook, path)
    with pytest.raises(NotebookCellError) as error:
        execute({"n": 2}, tmp_path / "out.ipynb", notebook=path, subject="agency X")
    assert error.value.reason == ("agency X: cell 1 of tiny.ipynb (\"raise ValueError('boom')\") failed: "
                                  "ValueError: boom")


def test_a_retry_is_for_a_kernel_that_failed_not_for_words_in_a_message():
    """Typed errors decide, never English message text: a kernel that did not start or died gets
    one retry; a failing cell whose message happens to say "kernel died" does not."""
    from ita_lib.batch.worker import worth_a_retry
    from ita_lib.errors import KernelStartError

    assert worth_a_retry(KernelStartError("the report kernel did not start"))
    assert worth_a_retry(DeadKernelError("Kernel died"))
    assert not worth_a_retry(NotebookCellError("cell 3 failed: RuntimeError: kernel died"))
    assert not worth_a_retry(CellTimeoutError("A cell timed out while it was being executed, after 5 seconds."))
    assert not worth_a_retry(RuntimeError("Kernel died before replying to kernel_info"))


def test_a_failed_build_reads_in_the_manifest_as_it_always_did():
    """A kernel's failure keeps nbclient's wording (type and message), even after crossing a process
    boundary; the tool's own errors read as themselves."""
    import pickle

    from ita_lib.batch.worker import failure_text

    dead = pickle.loads(pickle.dumps(DeadKernelError("Kernel died", path="/x/agency_report.ipynb")))
    assert failure_text(dead) == "DeadKernelError: Kernel died"
    stuck = CellTimeoutError("A cell timed out while it was being executed, after 5 seconds.\nThe message was: "
                             "Cell execution timed out.", path="/x/agency_report.ipynb")
    assert failure_text(stuck) == ("CellTimeoutError: A cell timed out while it was being executed, after 5 "
                                   "seconds.\nThe message was: Cell execution timed out.")
    cell = NotebookCellError("agency X: cell 4 of agency_report.ipynb ('x = 1 / 0') failed: ZeroDivisionError: "
                             "division by zero", path="/x/agency_report.ipynb")
    assert failure_text(cell) == ("/x/agency_report.ipynb: agency X: cell 4 of agency_report.ipynb ('x = 1 / 0') "
                                  "failed: ZeroDivisionError: division by zero")
    assert failure_text(KeyError("agency")) == "KeyError: 'agency'"


@pytest.mark.parametrize("error, calls, kept", [
    (DeadKernelError("Kernel died", path="agency_report.ipynb"), 2, False),  # one retry, with a fresh kernel
    (CellTimeoutError("A cell timed out while it was being executed, after 660 seconds.", path="a.ipynb"), 1, False),
    (NotebookCellError("agency X: cell 4 of a.ipynb ('1 / 0') failed: ZeroDivisionError: division by zero",
                       path="a.ipynb"), 1, True),  # the kernel is fine: kept for the next agency
])
def test_a_worker_retries_a_dead_kernel_and_replaces_a_stuck_one(monkeypatch, error, calls, kept):
    from jupyter_client.utils import run_sync

    from ita_lib.batch import worker

    managers = []

    def build(params, **options):
        managers.append(options["km"])
        run_sync(options["km"].start_kernel)()  # a kernel that is alive when the notebook fails
        raise error

    monkeypatch.setattr(worker.render, "build", build)
    try:
        outcome = worker.build_job({"agency": PLACED, "agency_id": "a", "params": {"agency": PLACED}}, timeout=None)
        assert (outcome["status"], outcome["error"]) == ("failed", worker.failure_text(error))
        assert len(managers) == calls and len({id(m) for m in managers}) == calls
        assert ("km" in worker._KERNEL) == kept
        assert [m.has_kernel for m in managers] == [False] * (calls - kept) + [True] * kept  # the replaced ones stopped
    finally:
        worker.stop_warm_kernel()
