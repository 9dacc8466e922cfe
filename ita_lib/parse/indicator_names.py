"""Map indicator names as printed (any spelling, split by PDF extraction, English) to 1–10."""
from __future__ import annotations

import difflib
import re
from functools import cache

from ita_lib.rubric import Rubric, load as load_rubric

_SPACE = re.compile(r"[\s\u200b]+")
_NUMBER_PREFIX = re.compile(
    r"^\s*(?:ตัวชี้วัดที่|ตัวชี้วัด|indicator)?\s*(\d{1,2})\s*(?:[.)]\s*|\s+|$)(?!\d)", re.IGNORECASE)


def squash(text: str) -> str:
    """Remove all spacing: PDF extraction splits Thai words at random ("การ แก้ไข ปัญหา")."""
    return _SPACE.sub("", text).lower()


def _variants() -> list[tuple[str, int]]:
    return _squashed_variants(load_rubric())


@cache
def _squashed_variants(rubric: Rubric) -> list[tuple[str, int]]:
    pairs = []
    for info in rubric.indicators.values():
        for name in (info.name, *info.variants, *info.english):
            pairs.append((squash(name), info.number))
    # Longest first, so การใช้ทรัพย์สินของราชการ wins over a shorter name it contains.
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def indicator_from_name(text: str, *, fuzzy: bool = True, contained: bool = True) -> int | None:
    """The indicator a name denotes, or None. Exact (space-free) match first, then containment,
    then a close fuzzy match for garbled vowels."""
    key = squash(text)
    if not key:
        return None
    for variant, number in _variants():
        if key == variant:
            return number
    if contained:
        for variant, number in _variants():
            if variant in key:
                return number
    short = _short_form(key)
    if short is not None:
        return short
    if fuzzy and len(key) >= 8:
        best, best_ratio = None, 0.0
        for variant, number in _variants():
            matcher = difflib.SequenceMatcher(None, key[: len(variant) + 2], variant)
            # the quick ratios are upper bounds: a name that cannot reach the bar or beat the best
            # so far is not compared in full (the answer is the same, as in difflib.get_close_matches)
            if not (_may_win(matcher.real_quick_ratio(), best_ratio) and _may_win(matcher.quick_ratio(), best_ratio)):
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = number, ratio
        if best_ratio >= _FUZZY_BAR:
            return best
    return None


_FUZZY_BAR = 0.86


def _may_win(bound: float, best_ratio: float) -> bool:
    return bound >= _FUZZY_BAR and bound > best_ratio


def _bare(name: str) -> str:
    return name.replace("การ", "")


def _short_form(key: str) -> int | None:
    """A table's short name: the words without "การ" ("ปฏิบัติหน้าที่", "แก้ไขปัญหาทุจริต"), or cut short
    with ฯ ("ใช้ทรัพย์สินฯ"); only when exactly one indicator reads so."""
    cut = key.endswith("ฯ")
    bare = _bare(key.rstrip("ฯ"))
    if len(bare) < 6:
        return None
    found = {number for variant, number in _variants()
             if _bare(variant) == bare or (cut and _bare(variant).startswith(bare))}
    return found.pop() if len(found) == 1 else None


def find_indicator_names(text: str) -> list[tuple[int, int]]:
    """Every (position, indicator) whose name appears in text, longest names claiming first."""
    return [(position, number) for position, _, number in find_indicator_spans(text)]


def find_indicator_spans(text: str) -> list[tuple[int, int, int]]:
    """Every (start, end, indicator) whose name appears in text, longest names claiming first."""
    found: list[tuple[int, int, int]] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    for variant_text, number in plain_variants():
        start = 0
        while True:
            pos = lowered.find(variant_text, start)
            if pos < 0:
                break
            end = pos + len(variant_text)
            if not any(pos < t_end and end > t_start for t_start, t_end in taken):
                taken.append((pos, end))
                found.append((pos, end, number))
            start = end
    return sorted(found)


def plain_variants() -> list[tuple[str, int]]:
    """Every name of every indicator, lower-cased, longest first."""
    return _plain_variants(load_rubric())


@cache
def _plain_variants(rubric: Rubric) -> list[tuple[str, int]]:
    pairs = []
    for info in rubric.indicators.values():
        for name in (info.name, *info.variants, *info.english):
            pairs.append((name.lower(), info.number))
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def indicator_number_prefix(text: str) -> int | None:
    """A printed indicator number at the start of a cell ("3", "๓.", "ตัวชี้วัดที่ 3 ...")."""
    match = _NUMBER_PREFIX.match(text)
    if not match:
        return None
    number = int(match.group(1))
    return number if number in load_rubric().indicators else None
