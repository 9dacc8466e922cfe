"""Thai lines break between words only, in the HTML page and in WeasyPrint's PDF.

Thai has no spaces between words, so a renderer finds line-break opportunities with its own word
list: Pango's (libthai) splits compounds and names ("เว็บ|ไซต์", "จิต|สำนึก", "บ้าน|พราน") and
breaks Latin at hyphens ("E-|Service"). Here pythainlp's newmm segmentation, with a dictionary
that adds the place names of Thailand and the ITA's own terms, marks the breaks instead: each word
goes into a `<span class="w">` that does not wrap (report.css) and a `<wbr>` stands between two
words. Measured with WeasyPrint 70: `word-break: keep-all` does not stop Pango breaking Thai, and
adjacent nowrap spans alone give no break at all (the line overflows); spans with `<wbr>` between
them break at the `<wbr>`s and spaces only. Neither adds a character: the page copies and the PDF
extracts the same text as before (the tests check it with pdftotext).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
import re
from html import escape, unescape

# An agency's name is its type and its own name (a place, or one made up): each is one word.
AGENCY_TYPES = ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร")
# Words of the ITA and of the agencies' documents that pythainlp's list lacks or splits.
ITA_TERMS = (
    "เว็บไซต์", "จิตสำนึก", "E-Service", "e-Service", "E-service", "อย่างต่อเนื่อง", "ความโปร่งใส",
    "ผลประโยชน์ทับซ้อน", "ประพฤติมิชอบ", "ผู้มีส่วนได้ส่วนเสีย", "ข้อมูลข่าวสาร", "เฟซบุ๊ก", *AGENCY_TYPES,
)
# Signs that belong to the word before them: a line never starts with one.
_NO_BREAK_BEFORE = frozenset("ๆฯ")


def _is_thai(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e5b"


def _is_thai_letter(char: str) -> bool:  # not a Thai digit: a number never breaks inside
    return "\u0e01" <= char <= "\u0e4f"


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every province, district and subdistrict name of geothai, without อำเภอ/เขต (they are words
    of their own), so a place in the report is one word."""
    from geothai import districts, provinces, subdistricts

    names = set()
    for province in provinces():
        names.add(province.name_th)
        for district in districts(province.code):
            names.add(district.name_th.removeprefix("อำเภอ").removeprefix("เขต"))
            names.update(sub.name_th.removeprefix("แขวง") for sub in subdistricts(district.code))
    return frozenset(name for name in names if name)


@lru_cache(maxsize=1)
def dictionary():
    """pythainlp's Thai words, the place names and the ITA terms, as newmm's trie (built once a
    process: ~0.4 s)."""
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    return Trie(set(thai_words()) | place_names() | set(ITA_TERMS))


def keep_whole(names: Iterable[str]) -> None:
    """Makes each agency's own name one word in this process (the page that shows them calls it):
    "เทศบาลเมือง|ลำตะคองทอง", never "ลำตะคอง|ทอง", whether or not the name is a place geothai knows."""
    trie, added = dictionary(), False
    for name in names:
        name = name.strip() if isinstance(name, str) else ""
        own = next((name.removeprefix(kind) for kind in sorted(AGENCY_TYPES, key=len, reverse=True)
                    if name.startswith(kind)), name)
        if own and not any(c.isspace() for c in own) and any(_is_thai_letter(c) for c in own) and own not in trie:
            trie.add(own)
            added = True
    if added:
        words.cache_clear()  # texts cut before the names were known


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The text cut into words and the runs between them (spaces, signs); joined, the text again.
    Cached: a report repeats its labels and headers many times."""
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, custom_dict=dictionary(), engine="newmm", keep_whitespace=True))


def _is_word(token: str) -> bool:
    return token[0].isalnum() and token not in _NO_BREAK_BEFORE


def _kept_whole(token: str) -> bool:
    """A word the renderer could break inside: Thai, or Latin with a hyphen."""
    return len(token) > 1 and _is_word(token) and (any(_is_thai_letter(c) for c in token) or "-" in token)


def _breaks_between(previous: str | None, token: str) -> bool:
    """A break between two words; never inside a number (๙๕.๕๐) nor before a sign (ๆ) or a bracket."""
    return previous is not None and _is_word(token) and (_is_word(previous) or previous in _NO_BREAK_BEFORE)


def break_points(text: str) -> list[int]:
    """The offsets in `text` where a line may break besides its spaces: between two words."""
    points, offset, previous = [], 0, None
    for token in words(text):
        if _breaks_between(previous, token):
            points.append(offset)
        offset += len(token)
        previous = token
    return points


def word_html(value: str) -> str:
    """Escaped HTML of `value` whose Thai lines break only between words (see the module's note).
    Text without Thai comes back escaped and unmarked."""
    if not any(_is_thai(c) for c in value):
        return escape(value, quote=True)
    parts, previous = [], None
    for token in words(value):
        if _breaks_between(previous, token):
            parts.append("<wbr>")
        shown = escape(token, quote=True)
        parts.append(f'<span class="w">{shown}</span>' if _kept_whole(token) else shown)
        previous = token
    return "".join(parts)


# ---------------------------------------------------------------- the PDF's lighter markup

_WORD_OPEN, _WORD_CLOSE = '<span class="w">', "</span>"
_BREAKS = frozenset({"<wbr>", "<wbr/>", "<wbr />"})  # nbconvert's export writes <wbr/>
_TAGS = re.compile(r"(<[^>]*>)")


def _pango_breaks(text: str) -> set[int]:
    """The offsets where Pango (WeasyPrint's line breaker) may break `text`."""
    from weasyprint.text.line_break import get_log_attrs

    attrs = get_log_attrs(text, "th")
    return {i for i in range(1, len(text)) if attrs[i].is_line_break}


def _lighter(run: list[tuple[str, str]]) -> str:
    """One run of words, breaks and text between other tags, for WeasyPrint: a word keeps its span
    only if Pango would break inside it, in the run or alone, and a break stays only beside a kept
    word (as U+200B, which WeasyPrint lays out faster than <wbr> and which extracts as nothing);
    elsewhere Pango's own breaks fall between words already."""
    plain = [unescape(value) if kind != "break" else "" for kind, value in run]
    in_run, offset, inside = _pango_breaks("".join(plain)), 0, []
    for (kind, _), text in zip(run, plain):
        inside.append(kind == "word" and (any(offset < at < offset + len(text) for at in in_run)
                                          or bool(_pango_breaks(text))))
        offset += len(text)
    out = []
    for index, (kind, value) in enumerate(run):
        if kind == "word":
            out.append(_WORD_OPEN + value + _WORD_CLOSE if inside[index] else value)
        elif kind == "break":
            beside = (index > 0 and inside[index - 1]) or (index + 1 < len(run) and inside[index + 1])
            out.append("\u200b" if beside else "")
        else:
            out.append(value)
    return "".join(out)


def for_weasyprint(page: str) -> str:
    """The page with only the word spans that change WeasyPrint's breaks: a span per word made
    its layout ten times slower (measured: 300 paragraphs, 1.0 s plain, 10.6 s with every span)."""
    if _WORD_OPEN not in page:
        return page
    pieces, out, run = _TAGS.split(page), [], []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if piece == _WORD_OPEN and index + 2 < len(pieces) and pieces[index + 2] == _WORD_CLOSE:
            run.append(("word", pieces[index + 1]))
            index += 3
            continue
        if piece in _BREAKS:
            run.append(("break", piece))
        elif piece and not piece.startswith("<"):
            run.append(("text", piece))
        elif piece:
            if any(kind == "word" for kind, _ in run):
                out.append(_lighter(run))
            else:
                out.extend(value for _, value in run)
            run = []
            out.append(piece)
        index += 1
    if run:
        out.append(_lighter(run) if any(kind == "word" for kind, _ in run) else "".join(v for _, v in run))
    return "".join(out)


# ---------------------------------------------------------------- the exported page

# Text that is not laid out as prose; an <option>'s text is a menu's, never wrapped (and a span in it
# is dropped or kept depending on the browser's parser).
_UNMARKED = ("style", "script", "pre", "textarea", "title", "option")
_WORD_SPAN = re.compile(r'<span class="w">([^<]*)</span>')


def mark_words(page: str) -> str:
    """The page with every text of its body marked by `word_html`; the head, styles and scripts as
    they were. A text is one block's text (a paragraph, a cell, a list item), as the page wrote it."""
    start = page.find("<body")
    if start < 0:
        return page
    pieces, skipped = _TAGS.split(page[start:]), None
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            name = piece[1:].split(None, 1)[0].rstrip(">/").lower() if len(piece) > 2 else ""
            if skipped is None and name in _UNMARKED:
                skipped = name
            elif skipped is not None and name == "/" + skipped:
                skipped = None
        elif skipped is None and any(_is_thai_letter(c) for c in piece):
            pieces[index] = word_html(unescape(piece))
    return page[:start] + "".join(pieces)


def unmarked(page: str) -> str:
    """The page without the marks `mark_words` and `word_html` add: the same text and tags
    otherwise (tests and readers of a page compare its text)."""
    return re.sub(r"<wbr ?/?>", "", _WORD_SPAN.sub(r"\1", page))
