"""Every document's parse bounded in time: the backstop behind the readers' own limits (lines,
cells, tags, pages, zip parts), for an input that is small and still slow in a way nobody foresaw.
The same bound in `parse` and `ingest`."""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

DOCUMENT_TIME_LIMIT = 60.0  # seconds; the slowest real document here parses in well under 5 s


class ParseTimeout(BaseException):
    """Raised by the parse alarm: a BaseException, so the readers' `except Exception` (which turn a
    library's failure into a reason) cannot swallow it."""


@contextmanager
def time_limit(seconds: float):
    """Raise ParseTimeout in the block after *seconds* (SIGALRM: main thread of a POSIX process
    only; elsewhere no limit). An alarm set by someone else is put back afterwards."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    armed = True

    def on_alarm(signum, frame):
        if armed:
            raise ParseTimeout

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False  # an alarm landing now must not raise in the middle of this clean-up
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous_handler is None else previous_handler)
        if previous_delay:
            left = max(previous_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, previous_interval)
