"""Is the text English, and is a sentence about the ITA or about another assessment?"""
from __future__ import annotations

import re

from ita_lib.io.document import Document

_LATIN = re.compile(r"[A-Za-z]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
ENGLISH_SHARE = 0.6  # share of Latin letters among Latin + Thai letters
MIN_LATIN = 20

_ITA_MENTION = re.compile(r"\bITAS?\b|integrity\s+and\s+transparency\s+assessments?", re.IGNORECASE)
# Scores of other assessments reported like ITA results: a sentence naming one (and not the ITA)
# gives no score, nor do the sentences after it until the ITA is named again.
_OTHER_INDEX = re.compile(
    r"Corruption\s+Perceptions?\s+Index|\bCPI\b|Transparency\s+International|\bLPA\b|Local\s+Performance"
    r"\s+Assessment|credit\s+rating|\bKPI\b|\bT-?score", re.IGNORECASE)


def is_english(document: Document) -> bool:
    """True when the text is mostly Latin-script prose (a Thai tail or Thai names may remain)."""
    text = document.text
    latin = len(_LATIN.findall(text))
    thai = len(_THAI.findall(text))
    return latin >= MIN_LATIN and latin >= ENGLISH_SHARE * (latin + thai)
