"""What the tool may remove or replace (issue 22, defects 1-3): only what it made itself, under names
of its own; never a user's file beside the reports, never a link, FIFO or device in place of an
output, never a report through a link out of the output folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.batch.manifest import MANIFEST, clean_leftovers
from ita_lib.report.writer import STAMP
from ita_lib.cli import exit_codes
from ita_lib.errors import OutputError
from ita_lib.files import atomic_write, is_own_temp_file, own_folder, scratch_folder
from ita_lib.store.db import Store


def user_files(root: Path) -> dict[str, bytes]:
    files = {".build-tools/build.sh": b"#!/bin/sh\n", "docs/deep/.thesis.tmp": b"draft",
             ".build-1/keep.txt": b"mine", "r/.report.pdf.x1.tmp": b"mine too", ".plan.tmp": b"x"}
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return files


def test_leftovers_are_only_the_tools_own(tmp_path):
    out = tmp_path / "out"
    mine = user_files(out)
    (out / "r" / STAMP).write_text("{}", encoding="utf-8")  # a report folder of the tool's
    own_temp = out / "r" / ".report.pdf.ita-report-abc123.tmp"
    own_temp.write_bytes(b"half")
    top_temp = out / ".manifest.csv.ita-report-x9.tmp"
    top_temp.write_bytes(b"half")
    deep_temp = out / "docs" / ".notes.ita-report-zz.tmp"  # not a report folder: not the tool's to judge
    deep_temp.write_bytes(b"kept")
    scratch = out / ".ita-report-build-q1w2"
    scratch.mkdir()
    (scratch / ".made-by-ita-report").write_bytes(b"")
    unmarked = out / ".ita-report-build-user"  # the name without the marker: somebody else's
    unmarked.mkdir()
    assert clean_leftovers(out) == 3
    assert not own_temp.exists() and not top_temp.exists() and not scratch.exists()
    assert deep_temp.exists() and unmarked.is_dir()
    assert {name: (out / name).read_bytes() for name in mine} == mine


def test_leftovers_in_a_folder_the_manifest_lists(tmp_path):
    out = tmp_path / "out"
    (out / "obt-x-123456").mkdir(parents=True)
    (out / MANIFEST).write_text("agency,agency_id,slug\nอบต.ก,id1,obt-x-123456\nอบต.ข,id2,..\n", encoding="utf-8")
    temp = out / "obt-x-123456" / ".data.json.ita-report-aa.tmp"
    temp.write_bytes(b"")
    outside = tmp_path / ".x.ita-report-bb.tmp"  # the manifest's ".." names the folder above
    outside.write_bytes(b"")
    assert clean_leftovers(out) == 1
    assert not temp.exists() and outside.exists()


def test_temporary_names_are_the_tools_own():
    assert is_own_temp_file(".report.pdf.ita-report-k2j3.tmp")
    assert not is_own_temp_file(".thesis.tmp") and not is_own_temp_file(".report.pdf.abc.tmp")


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device-link", "folder"])
def test_an_output_never_replaces_what_is_not_a_regular_file(tmp_path, kind):
    target = tmp_path / "plan.csv"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("user's", encoding="utf-8")
    if kind == "symlink":
        target.symlink_to(elsewhere)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device-link":
        target.symlink_to("/dev/null")
    else:
        target.mkdir()
    with pytest.raises(OutputError) as raised:
        atomic_write(target, "x")
    assert str(raised.value).startswith(f"{target}: ")
    assert elsewhere.read_text(encoding="utf-8") == "user's"
    assert target.is_symlink() == (kind in ("symlink", "device-link"))
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_write_leaves_no_temporary_file(tmp_path):

    with pytest.raises(TypeError):
        atomic_write(tmp_path / "a.txt", object())  # neither str nor bytes: fails mid-write
    assert list(tmp_path.iterdir()) == []


def test_a_report_folder_that_is_a_link_is_refused(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "obt-x-123456").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="symbolic link"):
        own_folder(out, "obt-x-123456")
    assert own_folder(out, "new") == out / "new"


def test_a_scratch_folder_goes_on_an_interrupt(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with scratch_folder(tmp_path) as scratch:
            assert (scratch / ".made-by-ita-report").is_file()
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def agency_id(example_store) -> str:
    with Store(example_store, read_only=True) as store:
        return store.agencies()["agency_id"].iloc[0]


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device-link"])
def test_plan_csv_never_replaces_a_fifo_a_link_or_a_device(example_store, agency_id, tmp_path, kind):
    target = tmp_path / "plan.csv"
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("user's", encoding="utf-8")
    {"fifo": lambda: os.mkfifo(target), "symlink": lambda: target.symlink_to(elsewhere),
     "device-link": lambda: target.symlink_to("/dev/null")}[kind]()
    run = subprocess.run([sys.executable, "-m", "ita_lib", "analyse", agency_id, "--db", str(example_store),
                          "--plan-csv", str(target)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == exit_codes.STOPPED, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ita-report: {target}: will not replace"), run.stderr
    assert elsewhere.read_text(encoding="utf-8") == "user's"
    assert target.is_symlink() or target.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.csv", "plan.csv"]


def test_plan_csv_dash_is_standard_output(example_store, agency_id, tmp_path):
    run = subprocess.run([sys.executable, "-m", "ita_lib", "analyse", agency_id, "--db", str(example_store),
                          "--plan-csv", "-", "--format", "json"], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert run.returncode == exit_codes.OK, run.stderr
    analysis, _, plan = run.stdout.partition("\n}\n")
    assert json.loads(analysis + "\n}")["agency"]["agency_id"] == agency_id
    assert plan.startswith("\ufeff") and "ตัวชี้วัด" in plan.splitlines()[0]
    assert list(tmp_path.iterdir()) == []
