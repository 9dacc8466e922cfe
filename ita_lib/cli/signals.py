"""SIGTERM as Ctrl-C, for every command: `kill`, a scheduler ending the job or a container stopping
raises KeyboardInterrupt in the main thread, so the same clean-up runs (kernels and workers stopped,
scratch folders removed, the manifest written) and the command says so and exits 130, instead of
vanishing with 143 and leaving its scratch behind."""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
