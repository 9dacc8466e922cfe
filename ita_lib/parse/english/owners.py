"""Which numbers are scores (the cues applied), and whose score each one is.

The heaviest owner in the clause wins (`_owner_weight`):

| evidence                                                | weight                         |
|---------------------------------------------------------|--------------------------------|
| name right before "(N)"                                 | 10, nothing else counts        |
| name before the number                                  | 6 - distance / 25 chars        |
| ... written together ("the Y Office 93.10")             | +3                             |
| name after the number                                   | 2.5 - distance / 25 chars      |
| the clause's subject                                    | +1.5                           |
| after a preposition ("in X", "among X")                 | -4                             |
| assessor ("X gave / ranked the Y ...")                  | -3                             |
| inside ", which ... ,"                                  | -3                             |
| source of the news ("X said", "according to X")         | never (unless "X said it ...") |
| indicator / instrument name before N / "N for the EIT"  | 8 - distance / 10, or 9        |

A number owned by a group, a country or a company gives no record: group scores are averages, not
agencies.
"""
from __future__ import annotations

import re

from ita_lib.parse.english.cues import (
    _ADJACENT_GAP, _COMPILED_AFTER, _COMPILED_BEFORE, _COMPILED_WINDOW, _NUMBER, _OTHER_ASSESSMENT,
    _OTHER_ASSESSMENT_WEIGHT, _PAREN_AFTER, _PAREN_BEFORE, _PART_AFTER_GAP, _PERCENT_AFTER, _PERCENT_WEIGHT,
    _WORD_CUE, ACCEPT, TWO_DECIMALS, Candidate,
)
from ita_lib.parse.english.names import Mention
from ita_lib.parse.english.topic import _ITA_MENTION

def _candidates(text: str, start: int, end: int, mentions: list[Mention]) -> list[Candidate]:
    out: list[Candidate] = []
    previous_end = start
    for match in _NUMBER.finditer(text, start, end):
        if match.group(2):
            value = 0.0
        else:
            value = float(match.group(1))
        if not 0 <= value <= 100:
            previous_end = match.end()
            continue
        cand = Candidate(value, match.start(), match.end())
        before = text[max(start, match.start() - 60):match.start()]
        after = text[match.end():min(end, match.end() + 40)]
        window = text[max(previous_end, start, match.start() - 45):match.start()]
        best_before = 0.0  # positive cues before the number say the same thing: the strongest counts
        for pattern, weight, label in _COMPILED_BEFORE:
            if pattern.search(before):
                if weight > 0:
                    best_before = max(best_before, weight)
                else:
                    cand.weight += weight
                cand.why.append(label)
        cand.weight += best_before
        if _OTHER_ASSESSMENT.search(window) and not _ITA_MENTION.search(text, start, end):
            cand.weight += _OTHER_ASSESSMENT_WEIGHT
            cand.why.append("another assessment")
        for pattern, weight, label in _COMPILED_WINDOW:
            if pattern.search(window):
                cand.weight += weight
                cand.why.append(label)
        for pattern, weight, label in _COMPILED_AFTER:
            if pattern.search(after):
                cand.weight += weight
                cand.why.append(label)
        if match.group(1) and re.fullmatch(r"\d+\.\d\d", match.group(1)):
            cand.weight += TWO_DECIMALS
            cand.why.append("two decimals")
        if _PERCENT_AFTER.match(after) and not _WORD_CUE.search(before):
            cand.weight += _PERCENT_WEIGHT
            cand.why.append("percentage")
        named_before = [m for m in mentions if m.end <= match.start() and start <= m.start]
        if _PAREN_BEFORE.search(before) and _PAREN_AFTER.match(after):
            cand.weight += 3  # "(97.65)" in a ranked list; a share "(41 percent)" loses it again
            cand.why.append("(N)")
            if named_before and _PAREN_BEFORE.fullmatch(text[named_before[-1].end:match.start()].lstrip()):
                cand.paren = True  # right after a name: binds to it
        if named_before:
            gap = text[named_before[-1].end:match.start()]
            if cand.paren:
                pass
            elif _ADJACENT_GAP.fullmatch(gap) and (
                    named_before[-1].kind in ("indicator", "instrument")
                    or (named_before[-1].kind == "agency" and "." in match.group())):
                cand.weight += 3  # "Open Data 88.10", "the X Office 93.25" in a list
                cand.why.append("right after a name")
        part_after = [m for m in mentions
                      if m.kind in ("indicator", "instrument") and m.start >= match.end()]
        if part_after and _PART_AFTER_GAP.fullmatch(text[match.end():part_after[0].start]):
            cand.weight += 3  # "93.00 for the OIT"
            cand.why.append("N for a part")
        if match.group(2) and cand.weight < ACCEPT + 1:
            cand.weight = min(cand.weight, 0)  # "zero" needs a clear score phrase
        out.append(cand)
        previous_end = match.end()
    return out


def _owner_weight(mention: Mention, cand: Candidate, text: str, subject: Mention | None) -> float:
    if mention.attribution and not mention.self_report:
        return float("-inf")
    if mention.kind in ("indicator", "instrument"):
        if mention.start >= cand.end:  # "81.20 for the EIT"
            gap = text[cand.end:mention.start]
            return 9.0 if _PART_AFTER_GAP.fullmatch(gap) else float("-inf")
        gap = text[mention.end:cand.start]
        if len(gap) > 30:
            return float("-inf")
        return 8 - len(gap) / 10
    if mention.end <= cand.start:
        gap = text[mention.end:cand.start]
        if cand.paren and _PAREN_BEFORE.fullmatch(gap.lstrip()):
            return 10.0
        weight = 6 - min(len(gap), 200) / 25
        if _ADJACENT_GAP.fullmatch(gap):
            weight += 3  # "the Y Office 93.10": written together
    else:
        weight = 2.5 - min(mention.start - cand.end, 200) / 25
    if mention is subject and not mention.assessor:
        weight += 1.5
    if mention.oblique:
        weight -= 4
    if mention.assessor:
        weight -= 3
    if mention.aside and not text[mention.end:cand.start].strip(" ,").endswith(("scored", "scoring")):
        weight -= 3
    return weight
