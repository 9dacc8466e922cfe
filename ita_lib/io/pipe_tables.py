"""Tables written with vertical bars in plain text: a web table copied as text ("2567 | 91.15 |
ผ่าน |"), a Markdown table ("| ปี | คะแนน |" over "|---|---|").

A run of two or more lines that split into the same number of cells (at least two holding text)
is a table; one line with a bar ("ปรับปรุงล่าสุด 28 ส.ค. 2563 | 468 ครั้ง") is a web page's footer,
not a table, and stays text. A Markdown rule line inside the run becomes a blank line, which
tables skip.
"""
from __future__ import annotations

import re

from ita_lib.io.document import Cell, Line

_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
MIN_ROWS = 2  # one line with bars is not a table


def _cells(text: str) -> tuple[str, ...] | None:
    """The cells of a line with bars; None when it has no bar or fewer than two cells with text."""
    if "|" not in text or "\t" in text:
        return None
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    cells = tuple(part.strip() for part in inner.split("|"))
    return cells if sum(1 for c in cells if c) >= 2 else None


def pipe_rows(lines: list[Line]) -> list[Line]:
    """*lines* with each run of bar-separated lines of one width turned into table rows."""
    out = list(lines)
    index = 0
    while index < len(lines):
        run: list[tuple[int, tuple[str, ...] | None]] = []  # (index, cells); None for a rule line
        width = None
        probe = index
        while probe < len(lines) and not lines[probe].is_row:
            text = lines[probe].text
            if run and _RULE.match(text):
                run.append((probe, None))
                probe += 1
                continue
            cells = _cells(text)
            if cells is None or (width is not None and len(cells) != width):
                break
            width = len(cells)
            run.append((probe, cells))
            probe += 1
        if sum(1 for _, cells in run if cells is not None) >= MIN_ROWS:
            for at, cells in run:
                number = lines[at].number
                out[at] = Line(number, "") if cells is None else Line(
                    number, "\t".join(cells), tuple(Cell(c) for c in cells))
            index = probe
        else:
            index += 1
    return out
