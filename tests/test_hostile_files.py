"""Every file a user names is read by one reader (issue 22, defects 4 and 15): a regular file only,
its size checked before a byte is read, so a FIFO, /dev/zero, a link to either or a sparse giant
ends in one line at once; and a damaged rubric copy (ITA_RUBRIC) is one line and exit 4, never a
traceback or a command that loops for ever."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ita_lib.cli import exit_codes
from ita_lib.store.db import Store

RUBRIC = Path(__file__).resolve().parents[1] / "ita_lib" / "data" / "rubric.yaml"
RESULT_PAGE = Path(__file__).resolve().parent / "fixtures" / "itas_result.html"


def run(*args: str, cwd: Path, env: dict | None = None, timeout: float = 20) -> tuple[subprocess.CompletedProcess,
                                                                                       float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "ita_lib", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout, env={**os.environ, **(env or {})})
    return done, time.monotonic() - started


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def special(tmp_path: Path, kind: str) -> Path:
    """A FIFO, /dev/zero, a link to /dev/zero, or a sparse 3 GB file, named like a YAML file."""
    path = tmp_path / f"{kind}.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero-link":
        path.symlink_to("/dev/zero")
    elif kind == "sparse":
        with open(path, "wb") as handle:
            handle.truncate(3_000_000_000)
    return Path("/dev/zero") if kind == "zero" else path


KINDS = {"fifo": "not a regular file (a FIFO)", "zero": "not a regular file (a character device)",
         "zero-link": "not a regular file (a character device)",
         "sparse": "file too large: 3,000,000,000 bytes (the limit is 4 MB)"}


@pytest.fixture(scope="module")
def agency_id(example_store) -> str:
    with Store(example_store, read_only=True) as store:
        return store.agencies()["agency_id"].iloc[0]


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_rubric_that_is_not_a_regular_file(tmp_path, kind):
    rubric = special(tmp_path, kind)
    done, seconds = run("parse", str(RESULT_PAGE), cwd=tmp_path, env={"ITA_RUBRIC": str(rubric)})
    assert done.returncode == exit_codes.STOPPED
    assert one_line(done.stderr) == f"ita-report: {rubric}: the rubric: {KINDS[kind]}"
    assert seconds < 10


@pytest.mark.parametrize("kind", ["fifo", "zero-link", "sparse"])
def test_an_aliases_file_that_is_not_a_regular_file(tmp_path, kind):
    aliases = special(tmp_path, kind)
    done, seconds = run("ingest", str(RESULT_PAGE), "--db", "ita.duckdb", "--aliases", str(aliases), "--quiet",
                        cwd=tmp_path)
    assert done.returncode == exit_codes.STOPPED
    assert one_line(done.stderr) == f"ita-report: {aliases}: aliases file: {KINDS[kind]}"
    assert seconds < 10


@pytest.mark.parametrize("kind", ["fifo", "zero-link", "sparse"])
def test_a_params_target_that_is_not_a_regular_file(example_store, tmp_path, kind):
    params = special(tmp_path, kind)
    done, seconds = run("build", str(params), "--db", str(example_store), "--output-dir", "out", cwd=tmp_path)
    assert done.returncode == exit_codes.PARTIAL
    assert one_line(done.stderr) == f"ita-report: {params}: {KINDS[kind]}"
    assert seconds < 10 and not (tmp_path / "out").exists()


def test_an_agency_list_and_a_listed_params_file_that_are_fifos(example_store, agency_id, tmp_path):
    fifo = special(tmp_path, "fifo")
    done, seconds = run("batch", "--agencies", str(fifo), "--db", str(example_store), "--output-dir", "out",
                        cwd=tmp_path)
    assert done.returncode == exit_codes.USAGE
    assert one_line(done.stderr) == f"ita-report: {fifo}: --agencies: not a regular file (a FIFO)"
    listing = tmp_path / "list.txt"
    listing.write_text(f"{fifo.name}\n", encoding="utf-8")  # a line naming a FIFO params file
    done, seconds_listed = run("batch", "--agencies", str(listing), "--db", str(example_store), "--output-dir",
                               "out", "--format", "html", cwd=tmp_path, timeout=60)
    assert done.returncode == exit_codes.PARTIAL, done.stderr
    assert f"{fifo}: not a regular file (a FIFO)" in done.stderr and "Traceback" not in done.stderr
    assert seconds < 10 and seconds_listed < 30


def damaged(tmp_path: Path, old: str, new: str) -> Path:
    text = RUBRIC.read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / "rubric.yaml"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize("old, new, says", [
    ("{number: 1, instrument: IIT, name: การปฏิบัติหน้าที่,", "{number: 1, instrument: IIT,",
     "the rubric's indicators.0.name: Field required"),
    ("{number: 1, instrument: IIT, name: การปฏิบัติหน้าที่,", '{number: "one", instrument: IIT, name: การปฏิบัติหน้าที่,',
     "the rubric's indicators.0.number: Input should be a valid integer"),
    ("{number: 1, instrument: IIT, name: การปฏิบัติหน้าที่,", '{number: 1, instrument: IIT, name: "",',
     "the rubric's indicators.0.name: String should have at least 1 character"),
    ("  - first: 2562\n    weights:", "  - first: abc\n    weights:",
     "the rubric's years.0.first: Input should be a valid integer"),
    ("weights: {IIT: 0.30,", 'weights: {IIT: "thirty",',
     "the rubric's years.0.weights.IIT: Input should be a valid number"),
    ("    last: 2561\n    comparable: false\n", "    last: 2561\n", "the rubric's eras.0.comparable: Field required"),
    ("{number: 1, instrument: IIT,", "{number: 1, instrument: XYZ,",
     "the rubric's indicators.0.instrument: 'XYZ' is not one of its instruments (IIT, EIT, OIT)"),
    ("fact_names:\n", "deep: " + "[" * 60 + "]" * 60 + "\nfact_names:\n", "nested more than 50 levels deep"),
])
def test_a_damaged_rubric_copy_is_one_line_and_status_4(tmp_path, old, new, says):
    rubric = damaged(tmp_path, old, new)
    done, seconds = run("parse", str(RESULT_PAGE), cwd=tmp_path, env={"ITA_RUBRIC": str(rubric)})
    assert done.returncode == exit_codes.STOPPED
    line = one_line(done.stderr)
    assert line.startswith(f"ita-report: {rubric}") and line.endswith(says), line
    assert done.stdout == "" and seconds < 10


def test_markup_in_a_rubric_name_is_printed_as_text(example_store, agency_id, tmp_path):
    rubric = damaged(tmp_path, "name: การปฏิบัติหน้าที่,", "name: 'การปฏิบัติหน้าที่[/x][link=http://e.example]',")
    done, _ = run("analyse", agency_id, "--db", str(example_store), cwd=tmp_path, env={"ITA_RUBRIC": str(rubric)},
                  timeout=120)
    assert done.returncode == exit_codes.OK, done.stderr
    assert "การปฏิบัติหน้าที่[/x][link=http://e.example]" in done.stdout
