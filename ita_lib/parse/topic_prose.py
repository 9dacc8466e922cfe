"""The agency's own words outside its action table: the analysis it writes as prose under numbered
topic headings ("๑) กระบวนการปฏิบัติงานที่โปร่งใส…") before a table whose rows name the same topics,
and the section on its limitations ("การวิเคราะห์ข้อจำกัดของหน่วยงาน…").

A heading belongs to an action row when it has the row's list number and nearly the same words
(documents reword a little between the two: "ของทางราชการ" / "ของราชการ"). A section runs until
the next heading, a table, or a numbered line that does not continue the section's own list, so
the next top-level part ("๒. แสดงการกำหนด…") never joins the last topic.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ita_lib.io.document import Line
from ita_lib.model import ActionRow

_TOPIC = re.compile(r"^\s*#*\s*(\d{1,2})\s*\)\s*(\S.*)$")
_NUMBERED = re.compile(r"^\s*#*\s*(\d{1,2})\s*[.)]\s*\S")
_HEADING = re.compile(r"^\s*#")
_LIMITATIONS = re.compile(r"^\s*#*\s*(?:\d{1,2}\s*[.)]\s*)?(?:การวิเคราะห์)?ข้อจำกัด")
_SIGNATURE = ("ลงชื่อ", "ผู้รายงาน", "ผู้รับรอง", "ผู้เห็นชอบ", "ประกาศ ณ วันที่")
_SAME_TOPIC = 0.75  # SequenceMatcher ratio of the two topic names, spaces removed
_MAX_CHARS = 4000  # a section longer than this is not one topic's analysis: a layout the rules misread
_MAX_HEADING = 200  # a heading is a line, not a paragraph


def _words(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _section(lines: list[Line], start: int) -> tuple[str, int] | None:
    """The text after lines[start] (a heading) up to where its section ends, and its first line
    number; None when there is none or it is too long to be one section."""
    parts: list[str] = []
    first_line = None
    expected = 1  # the section's own numbered list: 1, 2, 3 ...
    for line in lines[start + 1:]:
        text = line.text.strip()
        if not text:
            continue
        if line.is_row or _HEADING.match(text) or _TOPIC.match(text) or _LIMITATIONS.match(text) \
                or any(word in text for word in _SIGNATURE):
            break
        numbered = _NUMBERED.match(text)
        if numbered:
            number = int(numbered.group(1))
            if number != expected:
                break
            expected += 1
        parts.append(text)
        first_line = first_line or line.number
    body = " ".join(parts)
    if not body or len(body) > _MAX_CHARS:
        return None
    return body, first_line


def attach_topic_analysis(lines: list[Line], actions: list[ActionRow]) -> None:
    """Fill the analysis of action rows that have none from the prose under their topic heading."""
    headings = []
    for index, line in enumerate(lines):
        match = _TOPIC.match(line.text) if not line.is_row and len(line.text) <= _MAX_HEADING else None
        if match:
            headings.append((index, line.number, int(match.group(1)), _words(match.group(2))))
    if not headings:
        return
    for action in actions:
        match = _TOPIC.match(action.topic or "")
        if action.analysis or not match:
            continue
        number, name = int(match.group(1)), _words(match.group(2))
        scored = [(SequenceMatcher(None, name, words).ratio(), index)
                  for index, line_number, n, words in headings
                  if n == number and (action.line is None or line_number < action.line)]
        best = max(scored, default=None)
        if best is None or best[0] < _SAME_TOPIC:
            continue
        section = _section(lines, best[1])
        if section:
            action.analysis = section[0]


def read_limitations(lines: list[Line]) -> tuple[str, int] | None:
    """The agency's own account of its limitations: the text under a heading that names them."""
    for index, line in enumerate(lines):
        text = line.text.strip()
        match = _LIMITATIONS.match(text) if not line.is_row and len(text) <= _MAX_HEADING else None
        if match:
            return _section(lines, index)
    return None
