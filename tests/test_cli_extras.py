"""The wheel installed without an extra: a command that needs it says in one line which extra to
install (status 4), never a ModuleNotFoundError traceback."""
from __future__ import annotations

import sys

import pytest

from ita_lib.cli import exit_codes
from ita_lib.cli.main import main


@pytest.mark.parametrize("missing, command, extra", [
    ("jupyter_client", ["build", "อบต.ใดก็ได้"], "report"),
    ("papermill", ["batch", "--all"], "report"),
    ("voila", ["app", "--no-browser"], "app"),
])
def test_a_missing_extra_is_named_in_one_line(tmp_path, monkeypatch, capsys, missing, command, extra,
                                             example_store) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # as if not installed: importing it fails
    status = main([*command, "--db", str(example_store), "--output-dir", str(tmp_path / "out")])
    said = capsys.readouterr().err.strip().splitlines()
    assert status == exit_codes.STOPPED
    assert said[-1] == (f'ita-report: {command[0]} needs the {extra} extra ({missing} is not installed): '
                        f'pip install "ita-report[{extra}]"')
    assert "Traceback" not in "\n".join(said)
