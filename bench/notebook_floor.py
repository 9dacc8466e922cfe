"""The report notebook's code cells run as plain Python (no kernel, no papermill), for the
benchmarks' floor: the same calls as the notebook, whatever they are, with IPython's `display`
collecting each cell's outputs into an executed-notebook shape the build's exporters turn into the
same files."""
from __future__ import annotations

from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "agency_report.ipynb"
_IPYTHON_IMPORT = "from IPython.display import HTML, display"


def notebook_cells(notebook: Path = NOTEBOOK) -> list[str]:
    """The code cells a build runs, without the parameters cell and IPython's own lines (the
    namespace reset a reused kernel needs)."""
    import nbformat

    cells = []
    for cell in nbformat.read(str(notebook), as_version=4).cells:
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        lines = [line for line in cell.source.replace(_IPYTHON_IMPORT, "").splitlines() if "get_ipython()" not in line]
        cells.append("\n".join(lines))
    return cells


def run_cells(cells: list[str], parameters: dict) -> list[list[tuple[dict, dict]]]:
    """Each cell's displayed outputs (data by MIME type, metadata), in order."""
    from unittest import mock

    import IPython.display

    outputs: list[list[tuple[dict, dict]]] = []

    def display(obj, metadata=None, raw=False) -> None:
        data = obj if raw else {"text/html": obj._repr_html_() if hasattr(obj, "_repr_html_") else obj.data}
        outputs[-1].append((data, metadata or {}))

    namespace = {**parameters, "display": display, "HTML": IPython.display.HTML}
    with mock.patch.object(IPython.display, "display", display):  # Report.show imports it on each call
        for source in cells:
            outputs.append([])
            exec(compile(source, "<notebook cell>", "exec"), namespace)
    return outputs


def write_executed(outputs: list[list[tuple[dict, dict]]], path: Path) -> Path:
    """The outputs as an executed notebook (display_data), as papermill would save it."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    notebook = new_notebook(cells=[new_code_cell("", outputs=[
        new_output("display_data", data=data, metadata=metadata) for data, metadata in cell]) for cell in outputs])
    nbformat.write(notebook, str(path))
    return path
