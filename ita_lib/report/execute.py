"""Run a report notebook with papermill in a Jupyter kernel, and say which cell failed.

papermill's and nbclient's errors leave here as ita_lib's own (errors.py), which survive pickling
from a batch worker: NotebookCellError, CellTimeoutError, DeadKernelError."""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import nbformat

from ita_lib.errors import CellTimeoutError, DeadKernelError, NotebookCellError
from ita_lib.report.kernels import kernel_manager

PAPERMILL_MARKER = "papermill-error-cell-tag"  # the error banner and anchor papermill adds to a failed notebook


def execute(parameters: dict, output: Path, *, notebook: Path, subject: str = "", km=None,
            execution_timeout: float | None = None) -> None:
    """Run the notebook with papermill; on a failing cell the executed notebook (error visible) is
    written to `output` and NotebookCellError names the subject (e.g. "agency X") and the cell.
    CellTimeoutError and DeadKernelError carry nbclient's message as their reason."""
    # Loaded when a notebook first runs (~0.1 s more than nbconvert): a batch driver whose workers
    # build the reports may never need them.
    import nbclient.exceptions
    import papermill
    from papermill.exceptions import PapermillExecutionError

    output.parent.mkdir(parents=True, exist_ok=True)
    # Saved once at the end, not after every cell: each save serialises and validates the whole
    # notebook with its charts (~0.4 s a report); a failing cell still saves it with the error.
    options = dict(parameters=parameters, kernel_name="python3", progress_bar=False, log_output=False,
                   cwd=str(notebook.parent), execution_timeout=execution_timeout, request_save_on_cell_execute=False)
    try:
        with (kernel_manager() if km is None else nullcontext(km)) as manager:
            try:
                papermill.execute_notebook(str(notebook), str(output), km=manager, **options)
            finally:
                manager.stop_clients()
    except PapermillExecutionError as error:
        cell, first_line = _source_cell(output, error.cell_index)
        raise NotebookCellError(f"{subject}: cell {cell} of {notebook.name} ({first_line!r}) failed: "
                                f"{error.ename}: {error.evalue}", path=notebook) from None
    except nbclient.exceptions.CellTimeoutError as error:
        raise CellTimeoutError(str(error), path=notebook) from None
    except nbclient.exceptions.DeadKernelError as error:
        raise DeadKernelError(str(error), path=notebook) from None


def _source_cell(executed: Path, index: int) -> tuple[int, str]:
    """The failing cell's index in the notebook as written (papermill inserts the injected
    parameters cell) and its first line of code. `index` counts the cells papermill ran, before it
    put its error banner and anchor into the saved notebook."""
    cells = [c for c in nbformat.read(str(executed), as_version=4).cells
             if PAPERMILL_MARKER not in c.metadata.get("tags", [])]
    injected = next((i for i, c in enumerate(cells) if "injected-parameters" in c.metadata.get("tags", [])), None)
    first_line = cells[index].source.strip().splitlines()[0] if cells[index].source.strip() else ""
    return (index - 1 if injected is not None and index > injected else index), first_line
