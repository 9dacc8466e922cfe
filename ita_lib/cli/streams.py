"""Standard streams the command can always write to: one closed by the caller (`>&-`) or one that
cannot encode Thai (PYTHONIOENCODING=ascii, an old console) ends in a note, never a traceback."""
from __future__ import annotations

import io
import os
import sys

from ita_lib.cli.say import line


def usable_streams() -> list[str]:
    """Make stdout and stderr safe to write; returns the notes to tell the user (once each)."""
    notes = []
    if sys.stdout is None or _closed(sys.stdout):
        sys.stdout = io.TextIOWrapper(open(os.devnull, "wb"), encoding="utf-8")  # noqa: SIM115 - for the run
        notes.append(line("standard output is closed: what the command prints there is lost"))
    if sys.stderr is None or _closed(sys.stderr):
        sys.stderr = io.TextIOWrapper(open(os.devnull, "wb"), encoding="utf-8")  # noqa: SIM115 - nobody to tell
    without_thai = [stream for stream in (sys.stdout, sys.stderr)
                    if not _encodes_thai(stream) and hasattr(stream, "reconfigure")]
    for stream in without_thai:
        stream.reconfigure(errors="backslashreplace")
    if without_thai:
        # In English whatever the language: a stream without Thai would show a Thai note as escapes.
        which = "standard output's" if without_thai[0] is sys.stdout else "standard error's"
        notes.append(f"{which} encoding ({without_thai[0].encoding}) has no Thai: Thai is written as \\u escapes "
                     "(set PYTHONIOENCODING=utf-8)")
    return notes


def _closed(stream) -> bool:
    """Python leaves a stream None when its descriptor was closed before start; this is the rest."""
    try:
        return stream.closed
    except (ValueError, OSError):
        return True


def _encodes_thai(stream) -> bool:
    try:
        "ก๑".encode(stream.encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return False
    return True
