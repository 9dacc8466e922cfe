"""The command's own lines: every message on stderr and every path on stdout goes through here, so a
name holding an escape sequence or a newline is shown, never obeyed (ita_lib.text.terminal)."""
from __future__ import annotations

import sys

from ita_lib.text.terminal import terminal_line


def say(message: str) -> None:
    """One line on stderr (nothing when stderr is closed: there is nobody to tell)."""
    if sys.stderr is not None:
        print(terminal_line(message), file=sys.stderr, flush=True)


def say_path(path: object) -> None:
    """A path the command made, one per line on stdout, for scripts to read."""
    if sys.stdout is not None:
        print(terminal_line(path))
