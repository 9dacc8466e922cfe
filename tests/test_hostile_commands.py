"""The command's own behaviour under hostile use (issue 22, defects 12, 14, 17-21): the exit status of
the README's table in every command, SIGTERM and Ctrl-C said and cleaned up, options that would fail
later refused at once, streams that are closed or cannot encode Thai, and names that hold escape
sequences or newlines shown, never obeyed."""
from __future__ import annotations

import csv
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from ita_lib.cli import exit_codes
from ita_lib.store.db import Store
from ita_lib.text.terminal import terminal_line

def run(*args: str, cwd: Path, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_lib", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout, env={**os.environ, **env})


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.fixture(scope="module")
def agency(example_store) -> tuple[str, str]:
    with Store(example_store, read_only=True) as store:
        row = store.agencies().iloc[0]
    return row["name"], row["agency_id"]


# --- statuses ---------------------------------------------------------------------------------------

def test_build_on_a_missing_or_damaged_store_stops_with_4(tmp_path):
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(b"not a database at all " * 100)
    for store in (tmp_path / "missing.duckdb", damaged):
        done = run("build", "อบต.ใดก็ได้", "--db", str(store), "--output-dir", "out", cwd=tmp_path)
        assert done.returncode == exit_codes.STOPPED, done.stderr
        assert one_line(done.stderr).startswith(f"ita-report: {store}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.duckdb"]


def test_build_of_the_one_agency_asked_for_that_is_unknown_stops_with_4(example_store, tmp_path):
    done = run("build", "อบต.ที่ไม่มีในคลัง", "--db", str(example_store), "--output-dir", "out", cwd=tmp_path)
    assert done.returncode == exit_codes.STOPPED
    assert "อบต.ที่ไม่มีในคลัง" in one_line(done.stderr)


def test_build_of_a_known_and_an_unknown_agency_builds_the_known_one(example_store, agency, tmp_path):
    done = run("build", "อบต.ที่ไม่มีในคลัง", agency[1], "--db", str(example_store), "--output-dir", "out",
               "--format", "html", cwd=tmp_path, timeout=300)
    assert done.returncode == exit_codes.PARTIAL, done.stderr
    lines = done.stderr.strip().splitlines()
    assert "อบต.ที่ไม่มีในคลัง" in lines[0] and lines[1].startswith(f"ita-report: built {agency[0]} (")
    assert len(lines) == 2 and "Traceback" not in done.stderr
    assert len(list((tmp_path / "out").glob("*/report.html"))) == 1


@pytest.mark.parametrize("args, says", [
    (["build", ""], "an empty name is not an agency"),
    (["build", "   "], "an empty name is not an agency"),
    (["build", "x", "--format", ""], "--format"),
    (["build", "x", "--output-dir", ""], "an empty name is not a file or folder"),
    (["batch", "x", "--output-dir", ""], "an empty name is not a file or folder"),
    (["params", "init", "--out", ""], "an empty name is not a file or folder"),
    (["parse", "x.txt", "--agency", "   "], "an empty name is not an agency"),
    (["ingest", "x.txt", "--agency", ""], "an empty name is not an agency"),
    (["batch", "x", "--jobs", "99999999999999999999"], "is not a count from 1 to 256"),
    (["batch", "x", "--timeout", "1e307"], "is not a number of seconds above 0 and at most 86,400"),
])
def test_options_that_would_fail_later_are_refused_at_once(tmp_path, args, says):
    done = run(*args, cwd=tmp_path)
    assert done.returncode == exit_codes.USAGE
    assert says in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_under_a_file_is_named_as_such(example_store, agency, tmp_path):
    (tmp_path / "a").write_text("a file", encoding="utf-8")
    done = run("analyse", agency[1], "--db", str(example_store), "--plan-csv", "a/b/plan.csv", cwd=tmp_path)
    assert done.returncode == exit_codes.STOPPED
    assert one_line(done.stderr) == "ita-report: a/b/plan.csv: cannot write: a file is in the way of its folder"


# --- signals ------------------------------------------------------------------------------------------

def build_under_way(db: Path, cwd: Path, *targets: str) -> subprocess.Popen:
    """`build TARGETS --format html` started, returned once its first scratch folder exists (the
    notebook is running)."""
    process = subprocess.Popen([sys.executable, "-m", "ita_lib", "build", *targets, "--db", str(db),
                                "--output-dir", "out", "--format", "html"], cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list((cwd / "out").glob(".ita-report-build-*")):
        time.sleep(0.05)
    assert list((cwd / "out").glob(".ita-report-build-*")), "the build never started"
    return process


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_or_ctrl_c_during_a_build_is_an_interrupt_that_cleans_up(example_store, agency, tmp_path, signum):
    process = build_under_way(example_store, tmp_path, agency[1])
    children = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == exit_codes.INTERRUPTED, stderr
    assert one_line(stderr) == "ita-report: interrupted; what was finished is kept"
    assert list((tmp_path / "out").glob(".ita-report-build-*")) == []
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []


# --- streams and names ---------------------------------------------------------------------------------

def test_a_closed_standard_output_is_a_note_not_a_traceback(example_store, tmp_path):
    done = subprocess.run(f"'{sys.executable}' -m ita_lib agencies --db '{example_store}' >&-", shell=True,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == exit_codes.OK
    assert one_line(done.stderr) == "ita-report: standard output is closed: what the command prints there is lost"


def test_an_output_encoding_without_thai_is_a_note_not_a_traceback(example_store, tmp_path):
    done = subprocess.run([sys.executable, "-m", "ita_lib", "agencies", "--db", str(example_store), "--format",
                           "csv"], capture_output=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == exit_codes.OK
    stderr = done.stderr.decode("ascii")
    assert one_line(stderr).startswith("ita-report: standard output's encoding (ascii) has no Thai")
    assert "\\u0e2d\\u0e1a\\u0e15" in done.stdout.decode("ascii")  # อบต, escaped but there


def test_file_names_are_shown_never_obeyed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    retitle = folder / "a\x1b]0;pwned\x07.jpg"
    forged = folder / "b\nita-report: 999 files added.jpg"
    retitle.write_bytes(b"x")
    forged.write_bytes(b"x")
    (folder / "c.txt").write_text("ไม่ใช่ผลการประเมิน\n", encoding="utf-8")
    done = run("ingest", str(folder), "--db", "ita.duckdb", "--quiet", cwd=tmp_path)
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert not any(line.startswith("ita-report: 999") for line in done.stderr.splitlines())
    assert f"ita-report: left out {terminal_line(retitle)}: " in done.stderr
    assert f"ita-report: left out {terminal_line(forged)}: " in done.stderr
    assert terminal_line(forged).endswith("b\\nita-report: 999 files added.jpg")


def test_markup_in_a_target_on_a_terminal_is_text(example_store, tmp_path):
    """The progress bar (stderr a terminal) printed the failed target as rich markup: '[/x]' crashed
    the batch before its manifest was written."""
    main, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "ita_lib", "batch", "[/x]", "[link=http://e.example]y",
                                "--db", str(example_store), "--output-dir", "out"], cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=secondary, env={**os.environ, "COLUMNS": "200"})
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=120)
    os.close(main)
    text = output.decode("utf-8", "replace")
    assert process.returncode == exit_codes.PARTIAL, text
    assert "Traceback" not in text and "failed: [/x]:" in text and "\x1b]8;" not in text  # no live hyperlink
    with open(tmp_path / "out" / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        assert sorted(row["agency"] for row in csv.DictReader(handle)) == ["[/x]", "[link=http://e.example]y"]


def test_terminal_line_escapes_controls_and_bidi_only():
    assert terminal_line("อบต.ก\x1b[2J\r\n\u202e") == "อบต.ก\\x1b[2J\\r\\n\\u202e"
    assert terminal_line("ผ่าน [AA] 95.5") == "ผ่าน [AA] 95.5"


def test_a_batch_output_folder_under_a_file_is_named_as_such(example_store, agency, tmp_path):
    (tmp_path / "a").write_text("a file", encoding="utf-8")
    done = run("batch", agency[1], "--db", str(example_store), "--output-dir", "a/out", cwd=tmp_path)
    assert done.returncode == exit_codes.STOPPED
    assert one_line(done.stderr) == f"ita-report: {tmp_path / 'a' / 'out'}: cannot write: a file is in the way of " \
                                    "its folder"
    assert (tmp_path / "a").read_text(encoding="utf-8") == "a file"


def test_a_kernel_killed_mid_build_costs_only_its_agency(example_store, tmp_path):
    """As the OOM killer would: the kernel dies under the first agency's notebook; the second agency
    is still built with a fresh kernel, and the command says one line for the first."""
    with Store(example_store, read_only=True) as store:
        first, second = store.agencies()["agency_id"].iloc[:2]
    process = build_under_way(example_store, tmp_path, first, second)
    kernels = [p for p in psutil.Process(process.pid).children(recursive=True)
               if "ipykernel" in " ".join(p.cmdline())]
    assert kernels, "no kernel started"
    for kernel in kernels:
        kernel.kill()
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == exit_codes.PARTIAL, stderr
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr and len(lines) == 2, stderr
    assert lines[1].startswith("ita-report: built ")
    assert len(list((tmp_path / "out").glob("*/report.html"))) == 1
