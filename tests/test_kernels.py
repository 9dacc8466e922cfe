"""One kernel serves many notebooks without the driver piling up clients, threads and sockets."""
from __future__ import annotations

import nbformat
import psutil

from ita_lib.report.kernels import kernel_manager
from ita_lib.report.execute import execute


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
