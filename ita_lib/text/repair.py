"""The agency's own text repaired before a reader sees it, only where the repair is certain.

PDF extraction leaves spaces inside Thai words ("บริ หาร"), glues lists into one paragraph
("-จัดทำแผน -รายงานผล") and keeps Latin letters an OCR step put inside Thai words ("ผู้มีaadติดต่อ").
A wrong repair is worse than none: a space is removed only where a piece is no word on its own and
the joined piece is one dictionary word or name; Latin inside Thai is only reported, never changed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ita_lib.text.steps import numbered_steps

__all__ = ["join_split_thai", "list_items", "latin_inside_thai", "damaged_spans", "item_codes_in_digits",
           "AGENCY_NAMES"]

# Names a document may split that are no single entry of the word list.
AGENCY_NAMES = ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร",
                "สำนักงาน ป.ป.ช.")
_THAI_TOKEN = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+")  # letters, no ฯ ๆ or digits
_STARTS_WITH_MARK = re.compile(r"^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")  # no Thai word starts with these
_LONGEST_JOIN = 6  # pieces in one joined word; a split word seldom has more


@cache
def _words() -> frozenset[str]:
    from pythainlp.corpus import thai_words  # local: the word list loads on first use only

    return frozenset(thai_words())


@cache
def _is_words(token: str) -> bool:
    """Whether a piece reads as Thai on its own: a dictionary word, or words one after another."""
    if token in _words():
        return True
    from pythainlp.tokenize import word_tokenize

    return all(piece in _words() for piece in word_tokenize(token, engine="newmm", keep_whitespace=False))


def _join_names(text: str, names: Iterable[str]) -> str:
    """A name written with spaces inside it ("องค์ การ บริ หาร ส่วน ตำบล") is the name."""
    for name in names:
        letters = name.replace(" ", "")
        if len(letters) < 4 or not _THAI_TOKEN.fullmatch(letters):
            continue
        spaced = re.compile(" ?".join(re.escape(c) for c in letters))
        text = spaced.sub(letters, text)
    return text


def _best_grouping(tokens: list[str], names: frozenset[str]) -> list[str] | None:
    """Tokens joined so every group is a word, with the fewest spaces removed; None if impossible."""
    words = _words()
    # best[i]: (spaces removed, groups) for tokens[:i], or None
    best: list[tuple[int, list[str]] | None] = [(0, [])] + [None] * len(tokens)
    for end in range(1, len(tokens) + 1):
        for start in range(max(0, end - _LONGEST_JOIN), end):
            if best[start] is None:
                continue
            pieces = tokens[start:end]
            joined = "".join(pieces)
            if len(pieces) == 1:
                if not _is_words(joined):
                    continue
            elif not ((joined in words or joined in names) and not all(_is_words(p) for p in pieces)):
                continue
            cost = best[start][0] + len(pieces) - 1
            if best[end] is None or cost < best[end][0]:
                best[end] = (cost, best[start][1] + [joined])
    return best[-1][1] if best[-1] is not None else None


def _repair_run(tokens: list[str], names: frozenset[str]) -> list[str]:
    """A run of Thai pieces separated by single spaces: each damaged stretch (a piece that is no word,
    with one neighbour on each side) is regrouped when all of it can become words, else kept."""
    damaged = [i for i, t in enumerate(tokens) if not _is_words(t)]
    if not damaged:
        return tokens
    out, position = [], 0
    stretches: list[list[int]] = []
    for i in damaged:
        low, high = max(0, i - 1), min(len(tokens) - 1, i + 1)
        if stretches and low <= stretches[-1][1]:
            stretches[-1][1] = high
        else:
            stretches.append([low, high])
    for low, high in stretches:
        out += tokens[position:low]
        grouped = _best_grouping(tokens[low:high + 1], names)
        out += grouped if grouped is not None else tokens[low:high + 1]
        position = high + 1
    return out + tokens[position:]


def join_split_thai(text: str, names: Iterable[str] = ()) -> str:
    """Remove the spaces PDF extraction put inside Thai words; real words keep their spaces.

    >>> join_split_thai("ของ องค์ การ บริ หาร ส่วน ตำบล")
    'ของ องค์การบริหารส่วนตำบล'
    >>> join_split_thai("การ แก้ไข ปัญหา")
    'การ แก้ไข ปัญหา'
    """
    names = frozenset(n.replace(" ", "") for n in (*AGENCY_NAMES, *names))
    text = _join_names(text, names)
    # A piece that starts with a vowel sign or tone mark belongs to the piece before it.
    parts = text.split(" ")
    glued: list[str] = []
    for part in parts:
        if glued and part and _STARTS_WITH_MARK.match(part) and _THAI_TOKEN.fullmatch(part) \
                and glued[-1] and _THAI_TOKEN.search(glued[-1][-1]):
            glued[-1] += part
        else:
            glued.append(part)
    out: list[str] = []
    run: list[str] = []
    for part in glued + [""]:  # the empty sentinel closes the last run
        if part and _THAI_TOKEN.fullmatch(part):
            run.append(part)
            continue
        out += _repair_run(run, names)
        run = []
        out.append(part)
    return " ".join(out[:-1])


_THAI_LETTER_MARK = re.compile(r"(?:(?<=\s)|^)([กขคงจฉชซ])[.)]\s*(?=\S)")


def _thai_letter_items(text: str) -> list[str] | None:
    """ "ก. ... ข. ... ค. ..." in order from ก: the items, text before ก. first; None if not a list."""
    order = "กขคงจฉชซ"
    marks = [m for m in _THAI_LETTER_MARK.finditer(text)]
    chosen: list[re.Match] = []
    for m in marks:
        if order.index(m.group(1)) == len(chosen):
            chosen.append(m)
    if len(chosen) < 2:
        return None
    pieces = [text[:chosen[0].start()]]
    for m, nxt in zip(chosen, chosen[1:] + [None]):
        pieces.append(text[m.end():nxt.start() if nxt else len(text)])
    return [p.strip() for p in pieces]


def list_items(text: str) -> tuple[str, tuple[str, ...]]:
    """A list glued into one paragraph as (lead, items): "มาตรการ X -ข้อ1 -ข้อ2" -> ("มาตรการ X",
    ("ข้อ1", "ข้อ2")); "ก. … ข. …", "1) … 2) …" likewise. Text with fewer than two markers is all lead.
    A text that starts with its first item has an empty lead."""
    text = text.strip()
    pieces = _thai_letter_items(text)
    if pieces is None:
        steps = numbered_steps(text)
        if len(steps) < 2:
            return text, ()
        # numbered_steps keeps the text before the first marker as its first step: find whether it had one
        first_marker = re.match(r"\s*(?:\(?[0-9\u0e50-\u0e59]{1,2}[.)]|-)", text)
        pieces = steps if first_marker is None else [""] + steps
    lead, *items = pieces
    return lead.strip(), tuple(i for i in (item.strip() for item in items) if i)


# An acronym or a word a Thai sentence may carry in Latin letters without a space.
_LATIN_OK = re.compile(r"^(?:[A-Z0-9&-]{2,}|E-?[Ss]ervice|www|No|Gift|Policy|[Ee]-?[Mm]ail|[a-z]+\.go\.th)$")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z-]*")
_THAI_CHAR = re.compile(r"[\u0e01-\u0e4e]")


def latin_inside_thai(text: str) -> list[tuple[int, int, str]]:
    """Spans of words whose Latin letters sit between Thai letters ("ผู้มีaadติดต่อ"), as (start, end,
    word) for the review file; acronyms (ITA, OIT, E-Service) and Latin words beside Thai are fine."""
    spans = []
    for m in _LATIN_RUN.finditer(text):
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        if not (_THAI_CHAR.match(before) and _THAI_CHAR.match(after)) or _LATIN_OK.match(m.group()):
            continue
        start = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = m.end()
        while end < len(text) and not text[end].isspace():
            end += 1
        if not spans or spans[-1][0] != start:
            spans.append((start, end, text[start:end]))
    return spans


_ITEM_CODE = re.compile(r"^([(\[]?)([EeIiOo])([0-9]{1,2})([.,:;)\]]?)$")
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def item_codes_in_digits(text: str) -> str:
    """Item codes the document wrote in Thai digits ("e๑", "E๒."), which the parser keeps as "e1", back
    in Thai digits, for a report printed in Thai digits; codes inside addresses are left alone."""
    parts = text.split(" ")
    for i, part in enumerate(parts):
        m = _ITEM_CODE.match(part)
        if m:
            parts[i] = m.group(1) + m.group(2) + m.group(3).translate(_TO_THAI) + m.group(4)
    return " ".join(parts)


# A Thai consonant standing alone between spaces (with at most a mark) is no word but ณ (at) or ธ (you).
_LONE_CONSONANT = re.compile(r"(?<!\S)(?![ณธ](?!\S))[\u0e01-\u0e2e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?(?!\S)")


def damaged_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans join_split_thai leaves because no join makes them words ("ประ พ ลุ ต มิ ขอบ"), as (start,
    end, text) for the review file: pieces around a consonant standing alone, one piece each side."""
    spans: list[tuple[int, int, str]] = []
    for m in _LONE_CONSONANT.finditer(text):
        if m.group() in _words():  # ปี, ดี, มี: a consonant and its vowel can be a word
            continue
        start = text.rfind(" ", 0, max(0, m.start() - 1)) + 1
        end = text.find(" ", m.end() + 1)
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            start = spans.pop()[0]
        spans.append((start, end, text[start:end]))
    return spans
