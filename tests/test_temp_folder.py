"""No command leaves a file or folder in the system's temp folder (issue 23, 7): WeasyPrint's font
copies, kernels' connection folders and build scratch are all gone when the command ends, whether
it finished or was interrupted."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ita_lib.cli import exit_codes

AGENCIES = ("อบต.โนนสะอาดพัฒนา", "เทศบาลตำบลหนองบัวทอง")


def command(tmp_path: Path, *arguments: str) -> tuple[list[str], dict]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    return [sys.executable, "-m", "ita_lib", *arguments], {**os.environ, "TMPDIR": str(temp)}


def left_in_temp(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "tmp").iterdir())


@pytest.mark.parametrize("verb", ["build", "batch"])
def test_a_build_and_a_batch_leave_the_temp_folder_as_they_found_it(example_store, tmp_path, verb):
    argv, env = command(tmp_path, verb, *AGENCIES, "--db", str(example_store), "--output-dir", str(tmp_path / "out"),
                        "--format", "html,pdf,docx,xlsx")
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
    assert done.returncode == exit_codes.OK, done.stderr
    assert len(list((tmp_path / "out").glob("*/report.pdf"))) == 2
    assert left_in_temp(tmp_path) == []


def test_an_interrupted_batch_leaves_the_temp_folder_as_it_found_it(example_store, tmp_path):
    argv, env = command(tmp_path, "batch", "--all", "--db", str(example_store), "--output-dir", str(tmp_path / "out"),
                        "--format", "html,pdf", "--jobs", "1")
    driver = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                              cwd=tmp_path, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while not list((tmp_path / "out").glob("*/report.pdf")) and time.monotonic() < deadline:
            time.sleep(0.2)
        os.killpg(driver.pid, signal.SIGINT)  # what a terminal does: the whole process group
        _, stderr = driver.communicate(timeout=120)
    finally:
        if driver.poll() is None:
            os.killpg(driver.pid, signal.SIGKILL)
    assert driver.returncode == exit_codes.INTERRUPTED, stderr
    assert left_in_temp(tmp_path) == []
