"""A document's table of contents, and the headings it names.

Text read from HTML, DOCX or PDF keeps no heading marks: "ประเด็นที่ควรเร่งพัฒนา" is a line like any
other. A document with a table of contents ("สารบัญ" and its entries, in PDF with dot leaders and
page numbers: "ผลการประเมินล่าสุด ........ 1") names its sections, so a later line that is an entry is
a heading; the readers of the agency's own prose (its limitations, its topics) end a section there.
"""
from __future__ import annotations

import re

from ita_lib.io.document import Line

CONTENTS_WORDS = ("สารบัญ", "Contents", "CONTENTS")
_LEADER = re.compile(r"\s*(?:\.{3,}|…{2,})\s*[\d๐-๙]*\s*$")
_PAGE_NUMBER = re.compile(r"\s+[\d๐-๙]{1,3}\s*$")
_ENTRY_LENGTH = 120
_ENTRIES = 60


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def contents(lines: list[Line]) -> tuple[set[str], int]:
    """The entries of the table of contents (spaces removed) and the index of the first line after
    it; (set(), 0) without one."""
    start = next((i for i, line in enumerate(lines) if line.text.strip() in CONTENTS_WORDS), None)
    if start is None:
        return set(), 0
    seen: set[str] = set()
    end = start + 1
    for index in range(start + 1, min(len(lines), start + 1 + _ENTRIES)):
        line = lines[index]
        text = line.text.strip()
        end = index
        if not text:
            continue
        text = _PAGE_NUMBER.sub("", _LEADER.sub("", text)) if _LEADER.search(text) else text
        key = _key(text)
        if line.is_row or len(text) > _ENTRY_LENGTH or key in seen:
            break  # the body starts: a table, a paragraph, or the first heading again
        seen.add(key)
    return seen, end


def body_with_headings(lines: list[Line]) -> list[Line]:
    """The lines after the table of contents, "# " before each that is one of its entries (the
    lines as they are without a table of contents)."""
    entries, end = contents(lines)
    if not entries:
        return lines
    out = list(lines[end:])
    for index in range(len(out)):
        line = out[index]
        if not line.is_row and line.text.strip() and _key(line.text) in entries:
            out[index] = Line(line.number, "# " + line.text.strip())
    return out
