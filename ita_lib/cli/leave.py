"""Leave the process once the command is done, without Python's teardown.

At exit the interpreter frees every object one by one and clears every module: after a `build`
that is WeasyPrint's, papermill's, nbconvert's and pandas' object graphs, about a second nobody
waits for (measured: the command's work ended 1.0 s before the process did). `leave` keeps what
that teardown owes the user — other threads finish, exit handlers run (temporary folders, logging),
the standard streams are flushed — and then ends the process with the command's status.
"""
from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn


def status_of(stop: SystemExit) -> int:
    """The exit status sys.exit would give: None is 0, a message is printed and is 1."""
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    if sys.stderr is not None:
        print(stop.code, file=sys.stderr)
    return 1


def leave(status: int) -> NoReturn:
    # What the interpreter does first at exit: concurrent.futures' exit hooks, then joining
    # every non-daemon thread (a pool's manager, a dask client's loop).
    shutdown = getattr(threading, "_shutdown", None)
    if shutdown is not None:
        shutdown()
    else:  # pragma: no cover - an interpreter without the hook: join the threads ourselves
        for thread in threading.enumerate():
            if thread is not threading.current_thread() and not thread.daemon:
                thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: its descriptor was closed before the command started
                stream.flush()
        except (OSError, ValueError):  # a reader that went away (head), a closed stream
            pass
    os._exit(status)
