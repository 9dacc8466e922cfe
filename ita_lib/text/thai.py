"""Thai text clean-up: small pure ``str -> str`` functions (HTML fragments in cells: fragments.py;
numbered steps: steps.py).

Real ITA documents arrive damaged (see shared/ita-reference.md, "Text damage seen in real
documents"): Thai digits, U+FFFD in place of ำ, decomposed sara am, doubled tone marks, marks
left alone after a space, numbers glued to words and HTML fragments inside table cells.
``clean_text`` repairs all of that line by line and never touches tabs or newlines, because
tables are tab-separated and line numbers must keep matching the source.

pythainlp (5.4) notes, checked by hand:
  * ``normalize`` = remove_zw (ZWSP/ZWNJ only) + remove_dup_spaces + remove_spaces_before_marks
    + remove_repeat_vowels (which runs reorder_vowels: เเ->แ, ํ[tone]า->[tone]ำ, tone+vowel
    reordered, ๅ->า, doubled vowels/marks removed, runs of *different* tone marks keep the last)
    + remove_dangling (marks at the start of the text or after a space are dropped).
  * ``remove_dup_spaces`` strips the whole string and squeezes blank lines, so ``normalize`` is
    NOT safe on whole lines or documents (it would eat empty cells and blank lines). We therefore
    call its safe pieces ourselves, once per cell.
"""
from __future__ import annotations

import re
from functools import cache

from pythainlp.util import (
    remove_dangling,
    remove_repeat_vowels,
    remove_spaces_before_marks,
)

from ita_lib.rubric import Rubric, load as load_rubric  # noqa: E402  (the grades a glued grade may be)

__all__ = [
    "thai_digits_to_arabic",
    "fix_sara_am",
    "join_sara_am",
    "remove_zero_width",
    "dedupe_marks",
    "replace_fffd",
    "collapse_spaces",
    "split_glued_numbers",
    "clean_text",
    "clean_cell",
    "needs_vowel_repair",
    "DIGIT_CHARS",
]

_CONSONANT = "\u0e01-\u0e2e"  # ก..ฮ
_TONE = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋
# Combining (non-spacing) marks: mai han-akat, upper/lower vowels, phinthu, tone marks, signs.
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_THAI_LETTER = "\u0e01-\u0e2e\u0e30-\u0e4e"  # Thai script minus digits and ฯ-less punctuation
_THAI_START = "\u0e01-\u0e2e\u0e40-\u0e44"  # characters a Thai word can start with
_HAS_THAI = re.compile(f"[{_CONSONANT}]")


def has_thai_letters(text: str | None) -> bool:
    """Whether `text` has a Thai consonant: a name printed only in Latin script has none."""
    return bool(_HAS_THAI.search(text or ""))


DIGIT_CHARS = "0-9\u0e50-\u0e59"  # Arabic and Thai digits, for a regex character class


def thai_digits_to_arabic(s: str) -> str:
    """Thai digits ๐-๙ become 0-9; everything else is kept.

    >>> thai_digits_to_arabic("คะแนน ๙๙.๑๗ ปี ๒๕๖๗")
    'คะแนน 99.17 ปี 2567'
    """
    if not _RE_THAI_DIGIT.search(s):
        return s
    # pythainlp's thai_digit_to_arabic_digit is a str.translate, which looks every character up in a
    # dict; ten str.replace calls give the same text ~20x faster on long documents (a test checks
    # they agree).
    for thai, arabic in _THAI_ARABIC_PAIRS:
        s = s.replace(thai, arabic)
    return s


_RE_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
_THAI_ARABIC_PAIRS = tuple(zip("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


_RE_SARA_AM = re.compile(f"\u0e4d([{_TONE}]?)\u0e32")


def fix_sara_am(s: str) -> str:
    """Decomposed sara am (NIKHAHIT + SARA AA, maybe a tone mark between) becomes ำ.

    >>> fix_sara_am("\\u0e19\\u0e4d\\u0e49\\u0e32") == "น้ำ"
    True
    >>> fix_sara_am("ก\\u0e4d\\u0e32หนด")
    'กำหนด'
    """
    return _RE_SARA_AM.sub("\\1\u0e33", s)


_RE_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff\u2060\u00ad]")


def remove_zero_width(s: str) -> str:
    """Drop zero-width space/joiners, BOM, word joiner and soft hyphen.

    >>> remove_zero_width("การ\\u200bประเมิน\\u00ad")
    'การประเมิน'
    """
    return _RE_ZERO_WIDTH.sub("", s)


_RE_DOUBLE_MARK = re.compile(f"([{_MARKS}])\\1+")


def dedupe_marks(s: str) -> str:
    """A combining mark repeated right after itself is kept once (ก่่ -> ก่).

    >>> dedupe_marks("แม\\u0e49\\u0e49") == "แม้"
    True
    >>> dedupe_marks("ดีี")
    'ดี'
    """
    return _RE_DOUBLE_MARK.sub("\\1", s)


_RE_FFFD_AM = re.compile(f"([{_CONSONANT}][{_TONE}]?)\ufffd")


# "ต ำบล", "ส ำนักงาน": PDF extraction often puts a space before ำ (drawn as its own glyph); no Thai word
# starts with ำ, so the space is never the writer's.
_RE_SPACE_BEFORE_AM = re.compile("[ \u00a0]+(?=\u0e33)")


def join_sara_am(s: str) -> str:
    """The space a PDF put before ำ taken out.

    >>> join_sara_am("องค์การบริหารส่วนต ำบล ล ำดับ")
    'องค์การบริหารส่วนตำบล ลำดับ'
    """
    return _RE_SPACE_BEFORE_AM.sub("", s)


def replace_fffd(s: str) -> str:
    """U+FFFD after a consonant (or consonant + tone) was ำ in the source PDF; elsewhere drop it.

    >>> replace_fffd("ด\\ufffdเนินการ")
    'ดำเนินการ'
    >>> replace_fffd("\\ufffd85")
    '85'
    """
    if "\ufffd" not in s:
        return s
    return _RE_FFFD_AM.sub("\\1\u0e33", s).replace("\ufffd", "")


# Horizontal white space only: newlines are line boundaries and must survive.
_RE_HSPACE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def collapse_spaces(s: str) -> str:
    """Runs of spaces / NBSP / tabs become one space, each line stripped; newlines are kept.

    Meant for a single cell: on a whole tab-separated row it would merge the cells.

    >>> collapse_spaces("  คะแนน\\u00a0\\u00a0 85\\t ")
    'คะแนน 85'
    """
    return "\n".join(_RE_HSPACE.sub(" ", part).strip(" ") for part in s.split("\n"))


# number glued before a Thai word: "77.70คะแนน"
_RE_NUM_THAI = re.compile(f"([{DIGIT_CHARS}])(?=[{_THAI_START}])")
# Thai word glued before a number: "คะแนน85.32" (preceding char may be a mark: "ที่1"); the
# digit comes first in the pattern so the regex engine can skip quickly to digits.
_RE_THAI_NUM = re.compile(f"([{DIGIT_CHARS}])(?<=[{_THAI_LETTER}][{DIGIT_CHARS}])")
# number glued before an English word of 3+ letters ("85points"); keeps "4G", "2nd", "10kg". Each
# pattern here starts with a character, not a look-behind, so the engine skips to where it can match.
_RE_NUM_LATIN = re.compile(r"([0-9](?<![A-Za-z][0-9])[0-9]*(?:[.,][0-9]+)?)(?=[A-Za-z]{3,})")
# a lone grade (AA, A, B+ ...) glued before Thai: "ระดับ Aในขณะที่"
@cache
def _grade_before_thai(rubric: Rubric) -> re.Pattern:
    grades = "|".join(f"{re.escape(g[0])}(?<![A-Za-z].){re.escape(g[1:])}"
                      for g in sorted(rubric.all_grades, key=len, reverse=True))
    return re.compile(f"((?:{grades})[+-]?)(?=[{_THAI_START}])")


def split_glued_numbers(s: str) -> str:
    """Put a space between a number and a word glued to it, without breaking numbers or codes.

    Latin letter + digit (item codes O13, e2, i5) is never split; decimals and dates have no
    letters inside, so they are untouched.

    >>> split_glued_numbers("ได้ 77.70คะแนน")
    'ได้ 77.70 คะแนน'
    >>> split_glued_numbers("คะแนน85.32 ระดับ Aในขณะที่")
    'คะแนน 85.32 ระดับ A ในขณะที่'
    >>> split_glued_numbers("ข้อ O13 วันที่ 1/10/2567")
    'ข้อ O13 วันที่ 1/10/2567'
    """
    s = _RE_NUM_THAI.sub("\\1 ", s)
    s = _RE_THAI_NUM.sub(" \\1", s)
    s = _RE_NUM_LATIN.sub("\\1 ", s)
    return _grade_before_thai(load_rubric()).sub("\\1 ", s)


# Wherever pythainlp's remove_repeat_vowels could change text: เเ, nikhahit, lakkhangyao, a tone
# mark before an upper/lower vowel, a following vowel before a tone mark, a vowel or sign repeated
# (spaces between allowed), two tone marks in a row. remove_repeat_vowels runs ~40 re.sub calls
# per string, which dominated parse time, and nearly every cell needs none of them.
_VOWEL_REPAIR_TRIGGER = re.compile(
    "\u0e40\u0e40|[\u0e4d\u0e45]|[\u0e48-\u0e4c][\u0e31\u0e34-\u0e37\u0e38\u0e39\u0e47\u0e4d]"
    "|[\u0e30\u0e32\u0e33\u0e45][\u0e48-\u0e4b]"
    "|([\u0e30-\u0e3a\u0e40-\u0e45\u0e47\u0e4c-\u0e4e]) *\\1|[\u0e48-\u0e4b]{2,}")


def needs_vowel_repair(s: str) -> bool:
    return _VOWEL_REPAIR_TRIGGER.search(s) is not None


def clean_cell(s: str) -> str:
    """Clean one cell / one piece of text that holds no tab and no newline."""
    s = remove_zero_width(s)
    s = thai_digits_to_arabic(s)
    s = replace_fffd(s)  # before sara am / dedupe so a rebuilt ำ is checked too
    s = join_sara_am(fix_sara_am(s))
    s = dedupe_marks(s)
    s = collapse_spaces(s)
    # pythainlp's safe pieces of normalize(): "พ ุ่ม" -> "พุ่ม", เเ -> แ, tone/vowel order,
    # repeated vowels, marks left dangling at the start or after a space.
    if _SPACE_BEFORE_MARK.search(s):
        s = remove_spaces_before_marks(s)
    if needs_vowel_repair(s):
        s = remove_repeat_vowels(s)
    s = remove_dangling(s)
    s = split_glued_numbers(s)
    return collapse_spaces(s)  # remove_dangling can leave a double space behind


def clean_text(s: str) -> str:
    """All repairs above, per cell of every line; tabs and newlines stay where they were.

    Same result as ``clean_cell`` on every cell, but each repair runs once over the whole text
    instead of once per cell: a document has hundreds of cells and the per-call overhead of
    ~15 regex passes per cell dominated parse time.

    >>> clean_text("ผลคะแนน ๘๕.๓๒คะแนน\\tน\\u0e4d\\u0e49\\u0e32\\n\\u0e48\\n")
    'ผลคะแนน 85.32 คะแนน\\tน้ำ\\n\\n'
    """
    s = remove_zero_width(s)
    s = thai_digits_to_arabic(s)
    s = replace_fffd(s)
    s = join_sara_am(fix_sara_am(s))
    s = dedupe_marks(s)
    s = _tidy_cell_spaces(s)
    if _SPACE_BEFORE_MARK.search(s):  # rare: pythainlp's pattern tries every consonant
        s = remove_spaces_before_marks(s)
    if needs_vowel_repair(s):  # rare: repair only the cells that need it, exactly as clean_cell
        s = "\n".join("\t".join(remove_repeat_vowels(c) if needs_vowel_repair(c) else c
                                 for c in line.split("\t")) for line in s.split("\n"))
    s = _RE_DANGLING_AT_CELL_START.sub("", s)
    s = _RE_DANGLING_AFTER_SPACE.sub(" ", s)
    s = split_glued_numbers(s)
    return _tidy_cell_spaces(s)


# Horizontal space that is not a tab (tabs separate cells).
_RE_CELL_HSPACE = re.compile(
    "(?: [ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])"
    "[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*")  # runs and odd spaces only; single spaces stay
_RE_BEFORE_SEPARATOR = re.compile(" +(?=[\t\n])")
_RE_AFTER_SEPARATOR = re.compile("([\t\n]) +")
_DANGLING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # pythainlp's dangling set: marks with no base
_RE_DANGLING_AT_CELL_START = re.compile(f"[{_DANGLING}](?<![^\t\n][{_DANGLING}])[{_DANGLING}]*")
# a superset of where pythainlp's remove_spaces_before_marks can change text (a space before a mark)
_SPACE_BEFORE_MARK = re.compile("[ ][\u0e30-\u0e4f]")
_RE_DANGLING_AFTER_SPACE = re.compile(f" +[{_DANGLING}]+")


def _tidy_cell_spaces(s: str) -> str:
    """collapse_spaces applied to every cell at once."""
    s = _RE_CELL_HSPACE.sub(" ", s)
    return _RE_AFTER_SEPARATOR.sub("\\1", _RE_BEFORE_SEPARATOR.sub("", s)).strip(" ")
