"""Jupyter kernels for report builds: local IPC sockets in a private folder (no TCP ports, no
"running over TCP without encryption" warning), started once and shut down cleanly."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _manager_class():
    from jupyter_client.manager import AsyncKernelManager

    class ReusedKernelManager(AsyncKernelManager):
        """Remembers the clients it hands out. papermill (nbclient) makes one client per notebook and,
        with a manager it does not own, never stops its channels: 3 threads and 14 sockets more per
        agency, and a worker's memory grows without end. `stop_clients` closes them."""

        def client(self, **kwargs):
            client = super().client(**kwargs)
            self.__dict__.setdefault("_ita_clients", []).append(client)
            return client

        def stop_clients(self) -> None:
            clients = self.__dict__.get("_ita_clients", [])
            while clients:
                clients.pop().stop_channels()

    return ReusedKernelManager


@contextmanager
def kernel_manager(kernel_name: str = "python3") -> Iterator[object]:
    """A kernel manager papermill can use (execute_notebook(..., km=...)); papermill starts the
    kernel on first use and leaves it running, so one manager serves many notebooks in a row.
    Call its `stop_clients()` after each notebook."""
    from jupyter_client.utils import run_sync

    folder = Path(tempfile.mkdtemp(prefix="ita-kernel-"))
    manager = _manager_class()(kernel_name=kernel_name, transport="ipc", ip=str(folder / "kernel"))
    try:
        yield manager
    finally:
        try:
            if manager.has_kernel:
                run_sync(manager.shutdown_kernel)(now=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
