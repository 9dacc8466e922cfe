"""Jupyter kernels for report builds: local IPC sockets in a private folder (no TCP ports, no
"running over TCP without encryption" warning), started once and shut down cleanly."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def kernel_manager(kernel_name: str = "python3") -> Iterator[object]:
    """A kernel manager papermill can use (execute_notebook(..., km=...)); papermill starts the
    kernel on first use and leaves it running, so one manager serves many notebooks in a row."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.utils import run_sync

    folder = Path(tempfile.mkdtemp(prefix="ita-kernel-"))
    manager = AsyncKernelManager(kernel_name=kernel_name, transport="ipc", ip=str(folder / "kernel"))
    try:
        yield manager
    finally:
        try:
            if manager.has_kernel:
                run_sync(manager.shutdown_kernel)(now=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
