"""HTML fragments inside table cells (<p>, <ul><li>, <br>): their flat cleaned text and their parts
(paragraphs, list items), so that action-plan steps survive; also the parts of a BeautifulSoup node
for the HTML reader."""
from __future__ import annotations

import html
import re

from ita_lib.text.thai import clean_cell, clean_text

__all__ = ["html_fragment_parts", "node_parts", "simple_fragment_parts", "FRAGMENT_PARSER"]

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


def simple_fragment_parts(s: str) -> tuple[str, tuple[str, ...]] | None:
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
    simple = simple_fragment_parts(s)
    if simple is not None:
        return simple
    from bs4 import BeautifulSoup

    # lxml parses fragments ~5x faster than html.parser; both unescape entities themselves.
    soup = BeautifulSoup(s, FRAGMENT_PARSER)
    return node_parts(soup)


def _fragment_parser() -> str:
    try:
        import lxml  # noqa: F401

        return "lxml"
    except ImportError:
        return "html.parser"


FRAGMENT_PARSER = _fragment_parser()
