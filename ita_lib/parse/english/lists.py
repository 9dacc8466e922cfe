"""Scores given to several names at once.

A group with a count that shares one score ("12 stations received zero points") followed by a list
of names ("They include A and B in P, C in Q") gives each listed name that score; "A, B and C scored
x, y and z respectively" pairs names and numbers in order.
"""
from __future__ import annotations

import re

from ita_lib.parse.english.cues import ACCEPT, Candidate
from ita_lib.parse.english.names import Mention, _is_cap

_LIST_LEAD = re.compile(
    r"^\s*(?:They|These|Those|Among\s+them|Among\s+these)\s*,?\s+(?:include[sd]?|included|are|were|"
    r"being|comprise[sd]?)\s*:?\s+|^\s*,?\s*(?:including|among\s+them|such\s+as)\s+", re.IGNORECASE)
_LIST_IN_CLAUSE = re.compile(r",?\s*(?:including|among\s+them|such\s+as)\s+", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:[A-Z][A-Za-z\-’']*\s+){0,4}[A-Z][A-Za-z\-’']*(?:\s+[a-z]+){0,2}")


def _listed_names(text: str, unit: str) -> list[tuple[str, str | None]]:
    """'They include A and B in P, C in Q, and D station in R' -> [(name, place)], each name completed
    with the group's type ("A police station")."""
    lead = _LIST_LEAD.match(text)
    if not lead:
        return []
    body = text[lead.end():].strip().rstrip(".;")
    unit_words = unit.split()
    items: list[tuple[str, str | None]] = []
    for chunk in re.split(r",\s*", body):
        chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())
        place = None
        located = re.match(r"(.+?)\s+in\s+([A-Z][A-Za-z\-]*(?:\s+[A-Z][A-Za-z\-]*){0,3})(?:\s+[Pp]rovince)?$",
                           chunk)
        if located:
            chunk, place = located.group(1), located.group(2)
        for part in re.split(r"\s+(?:and|or)\s+", chunk):
            part = part.strip()
            if not part or not _LIST_ITEM.fullmatch(part):
                return items  # the list has ended ("according to the report")
            words = part.split()
            lower = [w for w in words if not _is_cap(w)]
            caps = [w for w in words if _is_cap(w)]
            if not caps or (lower and not {w.lower() for w in lower} <= set(unit_words)):
                return items
            items.append((" ".join(caps + unit_words), place))
    return items


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*(?:points?\s*)?")


def _respectively(text: str, start: int, end: int, mentions: list[Mention],
                  candidates: list[Candidate]) -> dict[int, Mention]:
    """'A, B and C scored 98.11, 97.40 and 96.02 respectively': names and numbers paired in order.
    Empty unless the counts agree (a mismatch leaves every number unpaired and unread)."""
    if not _RESPECTIVELY.search(text, start, end):
        return {}
    first = next((c for c in candidates if c.weight >= ACCEPT), None)
    if first is None:
        return {}
    numbers = [first]
    for cand in candidates[candidates.index(first) + 1:]:
        if not _LIST_JOIN.fullmatch(text[numbers[-1].end:cand.start]):
            break
        numbers.append(cand)
    names = [m for m in mentions if m.end <= first.start and m.kind in ("agency", "group", "other")
             and not m.attribution and not m.oblique]
    if len(numbers) < 2 or len(names) != len(numbers):
        return {}
    return {id(c): m for c, m in zip(numbers, names)}
