"""The text as English prose: is it English, is a sentence about the ITA, and where paragraphs,
sentences and clauses begin and end."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ita_lib.io.document import Document

# Runs, not letters: counting a run's length is far cheaper than listing every letter.
_LATIN = re.compile(r"[A-Za-z]+")
_THAI = re.compile(r"[\u0e01-\u0e5b]+")
ENGLISH_SHARE = 0.6  # share of Latin letters among Latin + Thai letters
MIN_LATIN = 20

ITA_MENTION = re.compile(r"\bITAS?\b|integrity\s+and\s+transparency\s+assessments?", re.IGNORECASE)
# Scores of other assessments reported like ITA results: a sentence naming one (and not the ITA)
# gives no score, nor do the sentences after it until the ITA is named again.
OTHER_INDEX = re.compile(
    r"Corruption\s+Perceptions?\s+Index|\bCPI\b|Transparency\s+International|\bLPA\b|Local\s+Performance"
    r"\s+Assessment|credit\s+rating|\bKPI\b|\bT-?score", re.IGNORECASE)


def is_english(document: Document) -> bool:
    """True when the text is mostly Latin-script prose (a Thai tail or Thai names may remain)."""
    text = document.text
    latin = sum(map(len, _LATIN.findall(text)))
    thai = sum(map(len, _THAI.findall(text)))
    return latin >= MIN_LATIN and latin >= ENGLISH_SHARE * (latin + thai)


_ABBREVIATIONS = frozenset(("mr", "mrs", "ms", "dr", "no", "st", "co", "ltd", "gen", "pol", "col", "lt",
                            "maj", "capt", "sgt", "jr", "sr", "vs", "etc", "prof", "gov", "sen", "rep", "inc",
                            "corp", "dept", "govt", "b.e", "a.d", "e.g", "i.e", "p.m", "a.m", "u.s", "assoc",
                            "asst", "ext", "tel", "approx", "fig"))
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)|\t")
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+(?:while|whereas|but|meanwhile)\s+|\s+[—–]\s+")


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("."):
            token = re.search(r"(\S+)$", text[start:match.start()])
            word = token.group(1).lower().rstrip(".") if token else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, end))
    return spans


@dataclass
class Block:
    """A paragraph: lines joined where a sentence was wrapped, with where each line starts."""

    text: str
    starts: list[tuple[int, int]]  # (offset in text, line number)

    def line_at(self, pos: int) -> int:
        number = self.starts[0][1]
        for start, line in self.starts:
            if start > pos:
                break
            number = line
        return number


_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]\s*$")
_CONTINUES = re.compile(r"^\s*(?:[a-z(]|\d+(?:\.\d+)?(?![.)]\s))")
WRAPPED_MIN = 40  # a line this long that stops mid-sentence was wrapped (PDF, abstracts)
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–])\s")


def blocks(lines) -> list[Block]:
    """Non-blank lines, a wrapped line joined with the next when that one continues its sentence
    (starts in lower case or with a number; any start in a hard-wrapped text such as a PDF)."""
    found: list[Block] = []
    prose = [line for line in lines if line.text.strip() and not line.is_row]
    cut = [line for line in prose if len(line.text) >= WRAPPED_MIN and not _ENDS_SENTENCE.search(line.text)]
    hard_wrapped = len(cut) >= 2 and len(cut) >= 0.3 * len(prose)
    previous = None
    for line in lines:
        text = line.text
        if not text.strip():
            previous = None
            continue
        if (previous is not None and not line.is_row and not previous.is_row
                and previous.number == line.number - 1 and len(previous.text) >= WRAPPED_MIN
                and not _ENDS_SENTENCE.search(previous.text) and not _LIST_MARKER.match(text)
                and (hard_wrapped or _CONTINUES.match(text))):
            block = found[-1]
            block.starts.append((len(block.text) + 1, line.number))
            block.text = block.text + " " + text
        else:
            found.append(Block(text, [(0, line.number)]))
        previous = line
    return found
