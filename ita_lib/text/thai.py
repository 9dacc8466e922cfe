"""Thai text clean-up: small pure ``str -> str`` functions plus HTML-fragment and step splitting.

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

import html
import re

from pythainlp.util import (
    remove_dangling,
    remove_repeat_vowels,
    remove_spaces_before_marks,
)

from ita_lib import rubric  # noqa: E402  (the grades a glued grade may be)

__all__ = [
    "thai_digits_to_arabic",
    "fix_sara_am",
    "remove_zero_width",
    "dedupe_marks",
    "replace_fffd",
    "collapse_spaces",
    "split_glued_numbers",
    "clean_text",
    "clean_cell",
    "html_fragment_parts",
    "node_parts",
    "numbered_steps",
]

_CONSONANT = "\u0e01-\u0e2e"  # ก..ฮ
_TONE = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋
# Combining (non-spacing) marks: mai han-akat, upper/lower vowels, phinthu, tone marks, signs.
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_THAI_LETTER = "\u0e01-\u0e2e\u0e30-\u0e4e"  # Thai script minus digits and ฯ-less punctuation
_THAI_START = "\u0e01-\u0e2e\u0e40-\u0e44"  # characters a Thai word can start with
_DIGIT = "0-9\u0e50-\u0e59"


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


def replace_fffd(s: str) -> str:
    """U+FFFD after a consonant (or consonant + tone) was ำ in the source PDF; elsewhere drop it.

    >>> replace_fffd("ด\\ufffdเนินการ")
    'ดำเนินการ'
    >>> replace_fffd("\\ufffd85")
    '85'
    """
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
_RE_NUM_THAI = re.compile(f"([{_DIGIT}])(?=[{_THAI_START}])")
# Thai word glued before a number: "คะแนน85.32" (preceding char may be a mark: "ที่1"); the
# digit comes first in the pattern so the regex engine can skip quickly to digits.
_RE_THAI_NUM = re.compile(f"([{_DIGIT}])(?<=[{_THAI_LETTER}][{_DIGIT}])")
# number glued before an English word of 3+ letters ("85points"); keeps "4G", "2nd", "10kg"
_RE_NUM_LATIN = re.compile(r"(?<![A-Za-z])([0-9]+(?:[.,][0-9]+)?)(?=[A-Za-z]{3,})")
# a lone grade (AA, A, B+ ...) glued before Thai: "ระดับ Aในขณะที่"
_RE_GRADE_THAI = rubric.pattern(lambda: f"(?<![A-Za-z])((?:{rubric.GRADE_PATTERN})[+-]?)(?=[{_THAI_START}])")


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
    return _RE_GRADE_THAI.sub("\\1 ", s)


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
    s = fix_sara_am(s)
    s = dedupe_marks(s)
    s = collapse_spaces(s)
    # pythainlp's safe pieces of normalize(): "พ ุ่ม" -> "พุ่ม", เเ -> แ, tone/vowel order,
    # repeated vowels, marks left dangling at the start or after a space.
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
    s = fix_sara_am(s)
    s = dedupe_marks(s)
    s = _tidy_cell_spaces(s)
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
_RE_AROUND_SEPARATORS = re.compile(" +(?=[\t\n])|(?<=[\t\n]) +")
_DANGLING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # pythainlp's dangling set: marks with no base
_RE_DANGLING_AT_CELL_START = re.compile(f"(?:^|(?<=[\t\n]))[{_DANGLING}]+")
_RE_DANGLING_AFTER_SPACE = re.compile(f" +[{_DANGLING}]+")


def _tidy_cell_spaces(s: str) -> str:
    """collapse_spaces applied to every cell at once."""
    s = _RE_CELL_HSPACE.sub(" ", s)
    return _RE_AROUND_SEPARATORS.sub("", s).strip(" ")


# ---------------------------------------------------------------- HTML fragments in cells

_FRAGMENT_TAGS = "p|br|b|strong|i|u|span|div|ul|ol|li|em|font|table|tr|td|th|h[1-6]"
# Attributes must look like attributes (ASCII names) so prose such as "a<b และ c>d" is not a tag.
_ATTR = r"""\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?"""
_RE_HAS_TAG = re.compile(rf"</?(?:{_FRAGMENT_TAGS})(?:{_ATTR})*\s*/?>", re.IGNORECASE)
_RE_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

# Elements that end a part (paragraph / list item / row) when reading a fragment.
_BLOCK = {
    "p", "div", "li", "ul", "ol", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "section", "article", "header", "footer", "dt", "dd", "dl",
    "thead", "tbody", "tfoot", "caption", "hr", "address", "figure", "figcaption", "nav", "main",
}
_SKIP = {"script", "style", "head", "noscript", "template", "title"}
_CELL = {"td", "th"}
_DASHES = {"-", "–", "—", "ถึง"}


def _unescape(s: str) -> str:
    # Only real entities ("&amp;", "&#3585;"); a bare "&" or "<" in prose is left alone.
    return _RE_ENTITY.sub(lambda m: html.unescape(m.group(0)), s)


def _merge_ranges(parts: list[str]) -> list[str]:
    """A part that is only a dash joins its neighbours: ["1 ต.ค.", "-", "30 ก.ย."] -> one part."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if p in _DASHES and out and i + 1 < len(parts):
            out[-1] = f"{out[-1]} {p} {parts[i + 1]}"
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def node_parts(node) -> tuple[str, tuple[str, ...]]:
    """(flat text, parts) of a BeautifulSoup node; parts are its blocks (p, li, rows...) in order.

    parts is () when the node has no block element (one run of text). Nested tables are
    flattened: each row becomes a part, its cells separated by spaces.
    """
    from bs4 import NavigableString, Tag  # local: bs4 is only needed for markup
    from bs4.element import PreformattedString  # comments, doctype, CDATA, <?pi?>

    parts: list[str] = []
    buf: list[str] = []
    saw_block = False

    def flush() -> None:
        text = clean_cell(" ".join("".join(buf).split()))
        buf.clear()
        if text:
            parts.append(text)

    # Iterative walk (an explicit stack): deeply nested markup must not hit the recursion limit.
    stack: list = list(reversed(list(node.children)))
    while stack:
        child = stack.pop()
        if child is flush:  # end of a block element
            flush()
        elif isinstance(child, str) and not isinstance(child, NavigableString):
            buf.append(child)  # the spaces pushed around table cells
        elif isinstance(child, PreformattedString):
            continue
        elif isinstance(child, NavigableString):
            buf.append(str(child))
        elif isinstance(child, Tag):
            name = (child.name or "").lower()
            if name in _SKIP:
                continue
            kids = list(reversed(list(child.children)))
            if name in _BLOCK:
                saw_block = True
                flush()
                stack.append(flush)
                stack.extend(kids)
            elif name in _CELL:  # cells of a nested table: keep their words apart
                stack.append(" ")
                stack.extend(kids)
                stack.append(" ")
            else:
                stack.extend(kids)
    flush()
    parts = _merge_ranges(parts)
    flat = " ".join(parts)
    return flat, (tuple(parts) if saw_block else ())


_SIMPLE_INLINE = {"b", "strong", "i", "u", "em", "span", "font"}
_SIMPLE_BLOCK = {"p", "br", "ul", "ol", "li", "div"}
_RE_SIMPLE_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*"
                            r"(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*)\s*/?>")


def _nests_cleanly(stack: list[str], name: str, *, closing: bool, void: bool) -> bool:
    """Track open tags; False where a parser would restructure the tree (a closing tag that is
    not the innermost open one, a block inside an inline tag or a paragraph, li directly in li)."""
    if void:
        return not closing or name != "br"
    if closing:
        if not stack or stack[-1] != name:
            return False
        stack.pop()
        return True
    if name in _SIMPLE_BLOCK and any(tag in _SIMPLE_INLINE or tag == "p" for tag in stack):
        return False
    if name == "li" and [tag for tag in stack if tag in ("li", "ul", "ol")][-1:] == ["li"]:
        return False
    stack.append(name)
    return True


def _simple_fragment_parts(s: str) -> tuple[str, tuple[str, ...]] | None:
    """The same result as node_parts(BeautifulSoup(s)) for the fragments real cells hold (p, li, br,
    b ... with plain text), without building a tree: several times faster. None when the fragment
    has anything else (entities, comments, tables, stray angle brackets): the caller then uses bs4."""
    if "&" in s or "<!" in s or "<?" in s:
        return None
    parts: list[str] = []
    saw_block = False
    position = 0
    buf: list[str] = []
    stack: list[str] = []

    def flush() -> None:
        # Raw parts are cleaned together below: one clean_text call instead of one per part.
        parts.append(" ".join("".join(buf).split()))
        buf.clear()

    for match in _RE_SIMPLE_TAG.finditer(s):
        name = match.group(2).lower()
        if name not in _SIMPLE_INLINE and name not in _SIMPLE_BLOCK:
            return None
        between = s[position:match.start()]
        if "<" in between or ">" in between:
            return None
        buf.append(between)
        position = match.end()
        if not _nests_cleanly(stack, name, closing=bool(match.group(1)),
                              void=name == "br" or match.group(0).endswith("/>")):
            return None  # mis-nested markup: HTML parsers repair it in their own ways, let bs4 decide
        if name in _SIMPLE_BLOCK:
            saw_block = True
            flush()
    tail = s[position:]
    if "<" in tail or ">" in tail:
        return None
    buf.append(tail)
    flush()
    # Parts hold no tab or newline (split() above), so clean_text equals clean_cell on each part.
    parts = [part for part in clean_text("\n".join(parts)).split("\n") if part]
    parts = _merge_ranges(parts)
    return " ".join(parts), (tuple(parts) if saw_block else ())


def html_fragment_parts(s: str) -> tuple[str, tuple[str, ...]]:
    """Cell text that may hold an HTML fragment -> (flat cleaned text, parts).

    Without tags the text is only cleaned (so "คะแนน < 85" stays text) and parts is ().

    >>> html_fragment_parts("<ul><li>-จัดทำแผน</li><li>-รายงานผล</li></ul>")
    ('-จัดทำแผน -รายงานผล', ('-จัดทำแผน', '-รายงานผล'))
    >>> html_fragment_parts("<p>๑ ต.ค. ๒๕๖๘</p><p>-</p><p>๓๐ ก.ย. ๒๕๖๙</p>")
    ('1 ต.ค. 2568 - 30 ก.ย. 2569', ('1 ต.ค. 2568 - 30 ก.ย. 2569',))
    >>> html_fragment_parts("คะแนน < 85 &amp; สูง")
    ('คะแนน < 85 & สูง', ())
    """
    if not _RE_HAS_TAG.search(s):
        return clean_cell(_unescape(s).replace("\t", " ").replace("\n", " ")), ()
    simple = _simple_fragment_parts(s)
    if simple is not None:
        return simple
    from bs4 import BeautifulSoup

    # lxml parses fragments ~5x faster than html.parser; both unescape entities themselves.
    soup = BeautifulSoup(s, _FRAGMENT_PARSER)
    return node_parts(soup)


def _fragment_parser() -> str:
    try:
        import lxml  # noqa: F401

        return "lxml"
    except ImportError:
        return "html.parser"


_FRAGMENT_PARSER = _fragment_parser()


# ---------------------------------------------------------------- numbered steps

_THAI_TO_INT = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# "๑." "2." "๓)" "(4)" at the start or after white space, not a decimal ("๙๙.๑๗", "ข้อ ๙.๔").
_RE_NUM_MARK = re.compile(rf"(?:(?<=\s)|^)\(?([{_DIGIT}]{{1,2}})[.)](?![{_DIGIT}])")
# "-จัดทำ" (glued) or "- รอบ" (spaced, but not a range between numbers "2568 - 30").
_RE_DASH_MARK = re.compile(rf"(?:(?<=\s)|^)-(?:(?=[^\s{_DIGIT}\-])|\s+(?=[^\s{_DIGIT}\-]))")


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
