"""Jupyter kernels for report builds: local IPC sockets in a private folder (no TCP ports, no
"running over TCP without encryption" warning) where the platform has them, else TCP on 127.0.0.1
(Windows: pyzmq has no IPC there); started once and shut down cleanly, and never outliving the
process that started them (a batch worker killed with kill -9 included).

The kernel is this interpreter's own ipykernel (`sys.executable -m ipykernel_launcher`), never a
kernelspec looked up by name: a hub's or a conda base's "python3" earlier on JUPYTER_PATH may be
another Python without ita_lib, or no kernel at all."""
from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.utils import run_sync

FOLDER_PREFIX = "ita-kernel-"  # then the pid of the process that owns the kernel, so a dead owner's folder can go
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

# Runs in the kernel's process before the kernel itself (Linux): SIGKILL when the process that started
# it ends, however it ends; not started at all when that process is already gone. Inline code rather
# than a module of ita_lib, so it needs nothing importable from the kernel's working folder; the
# signal survives the exec.
_DIE_WITH_PARENT = """\
import ctypes, os, signal, sys
ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
if os.getppid() != int(sys.argv[1]):
    os._exit(1)
os.execvp(sys.argv[2], sys.argv[2:])
"""


def _linux() -> bool:
    return sys.platform.startswith("linux")


def _arm_parent_death_signal() -> bool:
    """Linux: the kernel sends this process SIGKILL when its parent ends. False where unavailable.
    (Strictly, when the parent's thread that started this process ends: ita_lib starts workers and
    kernels from threads that live as long as their process.)"""
    if not _linux():
        return False
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(parent_pid: int, before_exit: Callable[[], None] | None = None) -> None:
    """End this process as soon as its parent `parent_pid` ends, kill -9 included: orphaned batch
    workers otherwise run on for minutes, re-parented to init, still writing reports. Linux: the
    parent-death signal (immediate, nothing runs after it); elsewhere a thread polls every second
    and calls `before_exit` (e.g. to kill this process's kernel) first."""
    if not _arm_parent_death_signal():
        threading.Thread(target=_watch_parent, args=(parent_pid, before_exit), daemon=True,
                         name="ita-parent-watch").start()
    if os.getppid() != parent_pid:  # the parent ended before the signal was armed
        _exit_now(before_exit)


def _watch_parent(parent_pid: int, before_exit: Callable[[], None] | None) -> None:
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    _exit_now(before_exit)


def _exit_now(before_exit: Callable[[], None] | None) -> None:
    try:
        if before_exit is not None:
            before_exit()
    finally:
        os._exit(1)


def dying_with_this_process(command: list[str]) -> list[str]:
    """`command` (a kernel's) started through the inline launcher above on Linux; unchanged elsewhere,
    where ipykernel's own parent polling (JPY_PARENT_PID, set by jupyter_client) is what stops it."""
    if not _linux():
        return command
    return [sys.executable, "-c", _DIE_WITH_PARENT, str(os.getpid()), *command]


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

    def format_kernel_cmd(self, extra_arguments=None):
        return dying_with_this_process(super().format_kernel_cmd(extra_arguments))


def stop_kernel(manager) -> bool:
    """Stop `manager`'s kernel now and remove its folder: the one way ita_lib stops a kernel (after a
    build or a batch, for a fresh kernel after a failure, past a batch's deadline, in a worker being
    stopped). SIGKILL to its process group, without a word to the kernel: it holds nothing worth a
    clean shutdown, and one stuck in a cell would not answer. Safe in a signal handler and from a
    timer thread. True when a running kernel was killed."""
    process = getattr(getattr(manager, "provisioner", None), "process", None)
    running = process is not None and process.poll() is None
    if running:
        try:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)  # jupyter_client starts it in a session of its own
            else:
                process.kill()
        except OSError:
            pass
    folder = manager.__dict__.get("_ita_folder")
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    return running


def remove_stale_folders(parent: str | Path | None = None) -> int:
    """Remove the kernel folders (sockets, connection file) of owners that no longer exist: what a
    worker killed with kill -9 leaves in the temporary folder."""
    removed = 0
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*-*"):
        owner = re.fullmatch(rf"{FOLDER_PREFIX}(\d+)-\w+", folder.name)
        if owner and not _alive(int(owner.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


TRANSPORT_VARIABLE = "ITA_KERNEL_TRANSPORT"  # "tcp" forces TCP where IPC exists (tests, odd file systems)


def kernel_transport() -> str:
    """"ipc" where pyzmq has IPC sockets (not on Windows), else "tcp"; ITA_KERNEL_TRANSPORT=tcp
    forces TCP."""
    import zmq

    if os.environ.get(TRANSPORT_VARIABLE, "").strip().lower() == "tcp":
        return "tcp"
    return "ipc" if zmq.has("ipc") else "tcp"


def own_kernel_spec():
    """This interpreter's ipykernel, with the environment it runs in (no kernelspec lookup)."""
    from jupyter_client.kernelspec import KernelSpec

    return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                      display_name="Python 3 (ita-report)", language="python", metadata={})


@contextmanager
def kernel_manager() -> Iterator[object]:
    """A kernel manager papermill can use (execute_notebook(..., km=...)); papermill starts the
    kernel on first use and leaves it running, so one manager serves many notebooks in a row.
    Call its `stop_clients()` after each notebook."""
    remove_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
    transport = kernel_transport()
    where = {"transport": "ipc", "ip": str(folder / "kernel")} if transport == "ipc" else \
        {"transport": "tcp", "ip": "127.0.0.1"}
    manager = ReusedKernelManager(kernel_name="python3", connection_file=str(folder / "connection.json"), **where)
    manager._kernel_spec = own_kernel_spec()  # set after the name: changing the name would clear it
    manager.__dict__["_ita_folder"] = folder
    try:
        yield manager
    finally:
        stop_kernel(manager)
        if manager.has_kernel:  # already dead: jupyter_client only reaps it and closes the manager's sockets
            run_sync(manager.shutdown_kernel)(now=True)


def start_early(manager, preload: str = "import ita_lib.report.sections, ita_lib.report.plots") -> None:
    """Start the manager's kernel now and have it import the report's modules, without waiting for
    either: a cold `build` then overlaps the kernel's start (~1.5 s) and imports (~1.5 s) with its
    own work before the notebook runs. papermill finds the kernel started and queues the notebook
    behind the imports. A kernel that fails to start is left for papermill to start and report."""
    if manager.has_kernel:
        return
    try:
        run_sync(manager.start_kernel)()
        client = manager.client()  # stopped with the notebook's own clients (stop_clients)
        client.start_channels()
        client.execute(preload, silent=True, store_history=False)
    except Exception:  # noqa: BLE001 - papermill starts it again and says what is wrong
        return


def start_afresh(shell) -> None:
    """Run in the kernel before each agency's notebook: the previous notebook's names are dropped
    (as `%reset -f` does, without its full garbage collection, which takes ~0.3 s a report once
    charts and tables are in memory; the interpreter's own collector frees what is left) and
    matplotlib's settings go back to its defaults."""
    import matplotlib  # runs in the kernel, which has it loaded; the processes driving kernels need not

    hidden = shell.user_ns_hidden
    for name in [name for name in shell.user_ns if name not in hidden and not name.startswith("_")]:
        del shell.user_ns[name]
    matplotlib.rcdefaults()
