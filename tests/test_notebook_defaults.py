"""The notebooks as wheel and hub users meet them: their defaults run from any working folder,
a documents folder that does not exist is an error, and `ita-report notebooks DIR` gives them out."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.analysis import documents_folder
from ita_lib.errors import ParamsError
from ita_lib.report.render import EXAMPLES, NOTEBOOK


def test_papermill_runs_the_report_notebooks_defaults_from_another_folder(tmp_path) -> None:
    """`papermill notebooks/agency_report.ipynb out.ipynb` from anywhere: its documents default,
    "examples", is the bundled examples, not a path from the kernel's folder."""
    import nbformat

    env = {**os.environ, "TMPDIR": str(tmp_path)}  # its scratch store (db = None) is this test's own
    done = subprocess.run([sys.executable, "-m", "papermill", str(NOTEBOOK), "out.ipynb", "--cwd", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    shown = "".join(str(output.get("data", {})) for cell in executed.cells for output in cell.get("outputs", []))
    assert "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา" in shown


def test_a_documents_folder_that_does_not_exist_is_an_error(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert documents_folder("examples") == EXAMPLES
    with pytest.raises(ParamsError, match="documents: no such folder"):
        documents_folder("../examples")
    (tmp_path / "examples").mkdir()  # a folder of the user's named examples is theirs
    assert documents_folder("examples") == Path("examples")


def test_the_notebooks_and_examples_are_copied_out_and_nothing_is_overwritten(tmp_path) -> None:
    target = tmp_path / "mine"
    first = subprocess.run([sys.executable, "-m", "ita_lib", "notebooks", str(target)], capture_output=True,
                           text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert (target / "agency_report.ipynb").read_bytes() == NOTEBOOK.read_bytes()
    assert sorted(p.name for p in (target / "examples").iterdir()) == sorted(p.name for p in EXAMPLES.iterdir())
    (target / "app.ipynb").write_text("mine", encoding="utf-8")
    again = subprocess.run([sys.executable, "-m", "ita_lib", "notebooks", str(target)], capture_output=True,
                           text=True, timeout=120)
    assert again.returncode == 3
    assert f"ita-report: {target / 'app.ipynb'}: already there, left as it is" in again.stderr.splitlines()
    assert (target / "app.ipynb").read_text(encoding="utf-8") == "mine"


def test_the_bundled_examples_never_go_into_a_real_store(tmp_path, monkeypatch) -> None:
    """A params file or notebook that names a real store but keeps the default documents: the made-up
    agencies stay out of it (one warning says so), and the analysis reads the store as it is."""
    from ita_lib.analysis import prepare_analysis
    from ita_lib.store.db import Store
    from ita_lib.store.ingest import ingest

    monkeypatch.chdir(tmp_path)
    db = tmp_path / "real.duckdb"
    assert not ingest([Path(__file__).parent / "fixtures" / "agency_analysis_status.txt"], db=db, aliases=None,
                      workers=1).failed
    with Store(db, read_only=True) as store:
        before = store.query("select count(*) as n from sources")["n"][0]
    with pytest.warns(UserWarning, match="bundled made-up examples go only into the scratch store"):
        a = prepare_analysis("เทศบาลตำบลโคกม่วงงาม", db=db, documents="examples")
    assert a.agency["name"] == "เทศบาลตำบลโคกม่วงงาม"
    with Store(db, read_only=True) as store:
        assert store.query("select count(*) as n from sources")["n"][0] == before == 1
