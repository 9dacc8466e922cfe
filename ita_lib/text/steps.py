"""Numbered steps in a cell of plain text: "๑.มอบหมายงาน ๒.จัดทำคู่มือ" -> one step per marker."""
from __future__ import annotations

import re

from ita_lib.text.thai import DIGIT_CHARS, collapse_spaces

__all__ = ["numbered_steps"]

_THAI_TO_INT = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# "๑." "2." "๓)" "(4)" at the start or after white space, not a decimal ("๙๙.๑๗", "ข้อ ๙.๔").
_RE_NUM_MARK = re.compile(rf"(?:(?<=\s)|^)\(?([{DIGIT_CHARS}]{{1,2}})[.)](?![{DIGIT_CHARS}])")
# "-จัดทำ" (glued) or "- รอบ" (spaced, but not a range between numbers "2568 - 30").
_RE_DASH_MARK = re.compile(rf"(?:(?<=\s)|^)-(?:(?=[^\s{DIGIT_CHARS}\-])|\s+(?=[^\s{DIGIT_CHARS}\-]))")


def _numbered_marks(s: str) -> list[re.Match]:
    """Markers that count up by one from the first (1, 2, 3 ...); others stay in the text."""
    marks: list[re.Match] = []
    for m in _RE_NUM_MARK.finditer(s):
        n = int(m.group(1).translate(_THAI_TO_INT))
        if not marks or n == int(marks[-1].group(1).translate(_THAI_TO_INT)) + 1:
            if m.start() > 0 and not marks and s[: m.start()].rstrip().endswith("ข้อ"):
                continue  # "ข้อ ๓." is a reference, not a step
            marks.append(m)
    return marks


def numbered_steps(s: str) -> list[str]:
    """Split plain text into steps at numbered ("๑." "2." "๓)") or dash markers, markers removed.

    Needs at least two markers; otherwise the whole text is one step. Text before the first
    marker (a heading) is kept as its own first step so nothing is lost.

    >>> numbered_steps("๑.มอบหมายงาน  ๒.จัดทำคู่มือ ๓.แจ้งเวียน")
    ['มอบหมายงาน', 'จัดทำคู่มือ', 'แจ้งเวียน']
    >>> numbered_steps("-จัดทำแผน -รายงานผล")
    ['จัดทำแผน', 'รายงานผล']
    >>> numbered_steps("ข้อ ๙.๔ ได้ ๙๙.๑๗")
    ['ข้อ ๙.๔ ได้ ๙๙.๑๗']
    """
    s = collapse_spaces(s.replace("\n", " "))
    if not s:
        return []
    marks = _numbered_marks(s)
    if len(marks) < 2:
        marks = list(_RE_DASH_MARK.finditer(s))
    if len(marks) < 2:
        return [s]
    steps = [s[: marks[0].start()]]
    for m, nxt in zip(marks, marks[1:] + [None]):
        steps.append(s[m.end() : nxt.start() if nxt else len(s)])
    return [step.strip() for step in steps if step.strip()]
