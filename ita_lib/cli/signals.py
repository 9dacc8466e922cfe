"""Ctrl-C and SIGTERM alike, for every command: `kill`, a scheduler ending the job or a container
stopping raises KeyboardInterrupt in the main thread, so the same clean-up runs (kernels and workers
stopped, scratch folders removed, the manifest written) and the command says so and exits 130,
instead of vanishing with 143 and leaving its scratch behind. Every interrupt is also noted
(ita_lib.interrupts): one a library turned into an error of its own still ends the command as
interrupted."""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ita_lib import interrupts

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        interrupts.note()
        raise KeyboardInterrupt

    interrupts.forget()
    previous = {number: signal.signal(number, interrupt) for number in _SIGNALS}
    try:
        yield
    except KeyboardInterrupt:
        raise
    except BaseException as error:
        if interrupts.noted():  # e.g. DuckDB's "Query interrupted": the user's Ctrl-C, not a fault
            raise KeyboardInterrupt from error
        raise
    else:
        interrupts.stop_if_noted()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
