"""Did it pass?  Printed pass / fail statements, grades and a printed pass rule.

`passed` is set only from a printed statement ("X passed the assessment", "X failed the ITA") or a
printed rule ("agencies need at least 85 points to pass") applied to the agency's printed score;
otherwise validate.py derives it from the score and marks it derived.
"""
from __future__ import annotations

import re
from functools import cache

from ita_lib.rubric import Rubric
from ita_lib.parse.english.clauses import _sentences
from ita_lib.parse.english.cues import _NUMBER, _PERCENT_AFTER

_PASS_WORD = re.compile(r"\bpass(?:es|ed|ing)?\b", re.IGNORECASE)
_THRESHOLD_BEFORE = re.compile(
    r"(?:minimum|at\s+least|pass(?:ing)?\s+(?:mark|score|threshold)|threshold|benchmark|criteri(?:a|on)|"
    r"cut-?off)\b[^.\d;]{0,25}$", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:points?\s+)?(?:or|and)\s+(?:above|more|higher|over)\b", re.IGNORECASE)
_PASSED_STATEMENT = re.compile(
    r"\b(?:failed\s+(?:to\s+pass|the|its|an?)\b|did\s+not\s+pass|didn[’']t\s+pass|not\s+pass(?:ed)?|"
    r"fell\s+short)|\b(passed)\s+(?:the|its|an?|this|last)?\s*(?:year[’']s\s+)?(?:ITA|assessment|"
    r"evaluation|test|criteria|threshold|benchmark|\d)", re.IGNORECASE)
@cache
def _grade(rubric: Rubric) -> re.Pattern:
    return re.compile(
        r"\b(?:an?|the|its|with|received|earned|got|given|at)\s+[\"“‘']?(" + rubric.grade_pattern + r")[\"”’']?\s+"
        r"(?:grade|rating|level)\b|\b(?:grade|level)\s+(?:of\s+)?[\"“‘']?(" + rubric.grade_pattern + r")\b(?![\w-])")


def _pass_threshold(text: str) -> float | None:
    """A printed pass rule: 'agencies need at least 85 points to pass'. None when absent or ambiguous."""
    found: set[float] = set()
    for start, end in _sentences(text):
        sentence = text[start:end]
        passes = [m.start() for m in _PASS_WORD.finditer(sentence)]
        if not passes:
            continue
        best: tuple[int, float] | None = None
        for match in _NUMBER.finditer(sentence):
            if match.group(2):
                continue
            before, after = sentence[:match.start()], sentence[match.end():]
            if not (_THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(after)):
                continue
            if _PERCENT_AFTER.match(after):
                continue
            distance = min(abs(p - match.start()) for p in passes)
            if best is None or distance < best[0]:
                best = (distance, float(match.group(1)))
        if best is not None:
            found.add(best[1])
    return found.pop() if len(found) == 1 else None
