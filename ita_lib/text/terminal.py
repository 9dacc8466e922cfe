"""Text made safe for one line of a terminal: what a file name or a document holds is shown, never
obeyed. An escape sequence in a name would retitle the window or clear the screen, a newline would
forge a status line of its own ("ita-report: 999 files added"), a bidi override would reorder what
follows. Each such character is shown as its Python escape (\\x1b, \\n, \\u202e) instead."""
from __future__ import annotations

import re

# C0 and C1 controls (tab, newline and carriage return included: a message is one line) and the
# Unicode bidi controls (embeddings, overrides, isolates, marks).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_line(text: object) -> str:
    """`text` as one line that a terminal only displays."""
    return _UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), str(text))
