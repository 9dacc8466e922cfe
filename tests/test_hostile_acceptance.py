"""Issue 22's acceptance as one run: a batch into a folder that holds the user's own files, while an
ingest holds the store's write lock, with one agency named twice, builds every agency once and
leaves every file of the user's as it was."""
from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.cli import exit_codes
from ita_lib.store.db import Store

USER_FILES = {  # what a user may keep in a project folder that is also the reports' folder
    ".build-tools/build.sh": "#!/bin/sh\nmake all\n",
    "docs/deep/.thesis.tmp": "ร่างบทที่ ๓\n",
    ".notes.md.tmp": "draft\n",
    "readme.txt": "งานของฉัน\n",
    "data/.x.abc123.tmp": "keep\n",
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every user file under `folder` with the sha256 of its bytes."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in USER_FILES
            if (folder / name).is_file()}


HOLD_LOCK = """
import sys, time, duckdb
connection = duckdb.connect(sys.argv[1])  # a writer, as an ingest is
connection.execute("CREATE TABLE IF NOT EXISTS ingest_in_progress (x INTEGER)")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.close()
"""


@pytest.fixture(scope="module")
def store(example_store, tmp_path_factory) -> Path:
    """A copy of the examples' store this module may lock."""
    path = tmp_path_factory.mktemp("acceptance") / "base.duckdb"
    path.write_bytes(example_store.read_bytes())
    return path


def test_a_batch_beside_user_files_with_a_concurrent_ingest_and_a_duplicate_target(store, tmp_path):
    with Store(store, read_only=True) as opened:
        agencies = opened.agencies()
    first = agencies.iloc[0]
    project = tmp_path / "proj"
    for name, text in USER_FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    before = snapshot(project)

    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(store), "6"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        # The same agency by its name and by its id: one report, not two racing into one folder.
        batch = subprocess.run(
            [sys.executable, "-m", "ita_lib", "batch", first["name"], first["agency_id"], "--db", str(store),
             "--output-dir", "proj", "--format", "html", "--jobs", "2"],
            cwd=tmp_path, capture_output=True, text=True, timeout=600, env=dict(os.environ))
    finally:
        holder.wait(timeout=60)
    assert batch.returncode == exit_codes.OK, batch.stderr
    assert "Traceback" not in batch.stderr and "Could not set lock" not in batch.stderr
    with open(project / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    built = [row for row in rows if row["status"] == "built"]
    assert [row["agency_id"] for row in built] == [first["agency_id"]]
    assert (project / built[0]["slug"] / "report.html").is_file()
    assert snapshot(project) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proj"]  # nothing written outside it
    leftovers = [p for p in project.rglob("*") if p.name.endswith(".tmp") and p.relative_to(project).as_posix()
                 not in USER_FILES]
    assert leftovers == []
