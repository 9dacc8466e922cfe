"""One kernel serves many notebooks without the driver piling up clients, threads and sockets."""
from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys

import nbformat
import psutil
import pytest
from jupyter_client.utils import run_sync

from ita_lib.errors import CellTimeoutError, DeadKernelError, NotebookCellError, ReportBuildError
from ita_lib.report.execute import execute
from ita_lib.report.kernels import kernel_manager, stop_kernel


def test_a_reused_kernel_leaves_no_client_behind(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("n = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(n * 2)")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "tiny.ipynb"
    nbformat.write(notebook, path)
    me = psutil.Process()
    with kernel_manager() as km:
        seen = []
        for n in range(6):
            execute({"n": n}, tmp_path / f"out-{n}.ipynb", notebook=path, km=km)
            seen.append((me.num_threads(), me.num_fds()))
        executed = nbformat.read(tmp_path / "out-5.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "10\n"  # the same kernel ran every notebook
    # Before the fix every notebook left 3 threads and 14 sockets; a thread may still be winding down.
    assert seen[-1][1] == seen[0][1] and seen[-1][0] - seen[0][0] <= 1, seen


def _tiny_notebook(tmp_path, code: str):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("n = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(code)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "tiny.ipynb"
    nbformat.write(notebook, path)
    return path


@pytest.mark.parametrize("error_class", [NotebookCellError, CellTimeoutError, DeadKernelError])
def test_a_notebook_error_survives_pickling(error_class):
    """As it crosses from a batch worker (a process or a dask worker) to the driver."""
    error = error_class("agency X: the reason", path="/x/agency_report.ipynb", line=4)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.reason, again.path, again.line) == (error_class, "agency X: the reason",
                                                                    "/x/agency_report.ipynb", 4)
    assert isinstance(again, ReportBuildError) and str(again) == "/x/agency_report.ipynb:4: agency X: the reason"


def test_a_kernel_killed_under_a_cell_is_a_dead_kernel_error(tmp_path):
    path = _tiny_notebook(tmp_path, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    with pytest.raises(DeadKernelError) as error:
        execute({"n": 2}, tmp_path / "out.ipynb", notebook=path, subject="agency X")
    assert (error.value.reason, error.value.path) == ("Kernel died", str(path))


def test_a_cell_past_the_timeout_is_a_cell_timeout_error(tmp_path):
    path = _tiny_notebook(tmp_path, "import time\ntime.sleep(60)")
    with pytest.raises(CellTimeoutError) as error:
        execute({"n": 2}, tmp_path / "out.ipynb", notebook=path, subject="agency X", execution_timeout=2)
    assert error.value.reason.splitlines()[0] == "A cell timed out while it was being executed, after 2 seconds."
    assert error.value.path == str(path)


def test_stopping_a_kernel_kills_it_and_removes_its_folder():
    with kernel_manager() as km:
        run_sync(km.start_kernel)()
        process, folder = km.provisioner.process, km.__dict__["_ita_folder"]
        assert process.poll() is None and folder.is_dir()
        assert stop_kernel(km) is True
        assert process.wait(timeout=10) == -signal.SIGKILL and not folder.exists()
        assert stop_kernel(km) is False  # already stopped: nothing to do
    assert not km.has_kernel  # jupyter_client let go of it when the manager was closed


def test_build_says_a_dead_kernel_as_it_always_did_and_takes_a_fresh_one(monkeypatch, capsys, tmp_path):
    """`build A B` when the kernel dies under A: one line in nbclient's words, and B is built with a
    new kernel manager (the old one's kernel is gone)."""
    from ita_lib.cli import exit_codes
    from ita_lib.cli.main import main
    from ita_lib.report import kernels, render

    managers = []

    def build(params, km=None, **options):
        managers.append(km)
        if params.agency == "A":
            raise DeadKernelError("Kernel died", path="agency_report.ipynb")
        return render.BuildResult(agency="B", slug="b", seconds={"execute": 1.0})

    monkeypatch.setattr(kernels, "start_early", lambda km: None)  # no kernel needs to run
    monkeypatch.setattr(render, "build", build)
    status = main(["build", "A", "B", "--db", str(tmp_path / "ita.duckdb"), "--output-dir", str(tmp_path / "out")])
    assert capsys.readouterr().err.splitlines() == ["ita-report: agency A: DeadKernelError: Kernel died",
                                                    "ita-report: built B (execute 1.0 s)"]
    assert status == exit_codes.PARTIAL
    assert len(managers) == 2 and managers[0] is not managers[1]


def _hostile_kernelspec(tmp_path) -> str:
    """A JUPYTER_PATH whose "python3" kernelspec is no kernel at all, as a hub or a conda base may
    put first: a build that looked the kernel up by name would die before its first cell."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-c", "import sys; sys.exit(3)", "{connection_file}"],
        "display_name": "Python 3", "language": "python"}), encoding="utf-8")
    return str(tmp_path / "jupyter")


def test_the_kernel_is_this_interpreters_over_tcp_when_asked_and_whatever_kernelspec_is_first(tmp_path,
                                                                                           monkeypatch):
    from ita_lib.report.kernels import TRANSPORT_VARIABLE

    monkeypatch.setenv("JUPYTER_PATH", _hostile_kernelspec(tmp_path))
    monkeypatch.setenv(TRANSPORT_VARIABLE, "tcp")
    path = _tiny_notebook(tmp_path, "import sys; print(sys.executable)")
    with kernel_manager() as km:
        execute({"n": 2}, tmp_path / "out.ipynb", notebook=path, km=km)
        connection = json.loads(open(km.connection_file, encoding="utf-8").read())
    assert (connection["transport"], connection["ip"]) == ("tcp", "127.0.0.1")
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == f"{sys.executable}\n"


def test_a_build_runs_with_ipc_disabled_and_a_hostile_kernelspec(tmp_path, example_store):
    """The command as a hub user runs it: TCP (as on Windows) and another "python3" first."""
    from ita_lib.report.kernels import TRANSPORT_VARIABLE

    env = {**os.environ, "JUPYTER_PATH": _hostile_kernelspec(tmp_path), TRANSPORT_VARIABLE: "tcp"}
    done = subprocess.run([sys.executable, "-m", "ita_lib", "build", "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา",
                           "--db", str(example_store), "--output-dir", str(tmp_path / "out"), "--format", "html"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").glob("*/report.html"))) == 1
