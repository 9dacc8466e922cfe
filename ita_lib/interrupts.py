"""Ctrl-C and SIGTERM that a library swallowed. DuckDB turns a SIGINT that lands during a query into
an error of its own ("Query interrupted"), so a batch would record one failed agency and carry on.
The command's signal handler notes every interrupt here; a loop over agencies asks after each."""
from __future__ import annotations

import threading

_NOTED = threading.Event()


def note() -> None:
    _NOTED.set()


def forget() -> None:
    _NOTED.clear()


def noted() -> bool:
    return _NOTED.is_set()


def stop_if_noted() -> None:
    """KeyboardInterrupt when an interrupt came, even if what was running turned it into something else."""
    if _NOTED.is_set():
        raise KeyboardInterrupt
