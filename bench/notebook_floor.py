"""The report notebook's code cells run as plain Python (no kernel, no papermill), for the
benchmarks' floor: the same calls as the notebook, whatever they are, with `display` collecting
each cell's HTML into an executed-notebook shape that render.to_html turns into the same page."""
from __future__ import annotations

from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "agency_report.ipynb"
_IPYTHON_IMPORT = "from IPython.display import HTML, display"


class _Html:
    def __init__(self, data: str):
        self.data = data


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


def run_cells(cells: list[str], parameters: dict) -> list[list[str]]:
    """Each cell's displayed HTML fragments, in order."""
    outputs: list[list[str]] = []

    def display(obj) -> None:
        outputs[-1].append(obj.data if isinstance(obj, _Html) else str(obj))

    namespace = {**parameters, "display": display, "HTML": _Html}
    for source in cells:
        outputs.append([])
        exec(compile(source, "<notebook cell>", "exec"), namespace)
    return outputs


def write_executed(outputs: list[list[str]], path: Path) -> Path:
    """The outputs as an executed notebook (display_data with text/html), as papermill would save it."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    notebook = new_notebook(cells=[new_code_cell("", outputs=[
        new_output("display_data", data={"text/html": html, "text/plain": "<IPython.core.display.HTML object>"})
        for html in fragments]) for fragments in outputs])
    nbformat.write(notebook, str(path))
    return path
