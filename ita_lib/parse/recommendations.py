"""Recommendations (ข้อเสนอแนะ) by instrument and indicator, in the two shapes ITAS prints them.

- One paragraph: "แบบวัด EIT เป็น... ดังนี้ 1) คุณภาพการดำเนินงาน ... 2) ..." (2563 result pages):
  the item numbers are list numbers, the indicator comes from the name that starts each item.
- Headed sections: "ข้อเสนอแนะสำหรับการประเมินตามแบบวัด...(IIT)" followed by paragraphs and bullets
  that cite "ตัวชี้วัดที่ ๒" (announcements, 2564+).
"""
from __future__ import annotations

import re

from ..document import Line
from ..indicator_names import find_indicator_names, indicator_from_name
from ..model import Recommendation

_SECTION_IN_PARAGRAPH = re.compile(r"แบบวัด\s*(IIT|EIT|OIT)\s*(?=เป็น)")
_ITEM = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\)\s*")
_HEADING = re.compile(r"^ข้อเสนอแนะ\S*\s*(?:สำหรับ)?.*?(?:\((IIT|EIT|OIT)\)|(ภายใน|ภายนอก|เปิดเผยข้อมูลสาธารณะ))")
_THAI_INSTRUMENT = {"ภายใน": "IIT", "ภายนอก": "EIT", "เปิดเผยข้อมูลสาธารณะ": "OIT"}
_CITED = re.compile(r"ตัวชี้วัด(?:ที่)?\s*(\d{1,2})(?![\d.])")
_INDICATOR_HEADING = re.compile(r"^ตัวชี้วัด(?:ที่)?\s*(\d{1,2})(?![\d.])\s*\S*\s*$")
_END = ("จึงประกาศ", "ประกาศ ณ", "(ลงชื่อ)")


def read_recommendations(lines: list[Line]) -> list[Recommendation]:
    found = _headed_sections(lines)
    if not found:
        found = _paragraph_sections(lines)
    return found


def _paragraph_sections(lines: list[Line]) -> list[Recommendation]:
    found: list[Recommendation] = []
    for line in lines:
        sections = list(_SECTION_IN_PARAGRAPH.finditer(line.text))
        for index, section in enumerate(sections):
            end = sections[index + 1].start() if index + 1 < len(sections) else len(line.text)
            body = line.text[section.end():end]
            items = list(_ITEM.finditer(body))
            for i, item in enumerate(items):
                stop = items[i + 1].start() if i + 1 < len(items) else len(body)
                text = body[item.end():stop].strip()
                if not text:
                    continue
                names = find_indicator_names(text[:60])
                indicator = names[0][1] if names and names[0][0] == 0 else indicator_from_name(text[:40])
                found.append(Recommendation(instrument=section.group(1), indicator=indicator,
                                            text=text, line=line.number))
    return found


def _heading_instrument(text: str) -> str | None:
    match = _HEADING.match(text.strip())
    if not match:
        return None
    return match.group(1) or _THAI_INSTRUMENT[match.group(2)]


def _headed_sections(lines: list[Line]) -> list[Recommendation]:
    found: list[Recommendation] = []
    instrument: str | None = None
    indicator: int | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if any(text.startswith(end) for end in _END):
            instrument = None
            continue
        heading = _heading_instrument(text)
        if heading:
            instrument, indicator = heading, None
            continue
        if instrument is None:
            continue
        match = _INDICATOR_HEADING.match(text)
        if match and 1 <= int(match.group(1)) <= 10:
            indicator = int(match.group(1))
            continue
        if text.startswith("ตัวชี้วัดย่อย") or text.rstrip(" :").endswith("ดังนี้"):
            continue
        cited = _CITED.search(text)
        number = int(cited.group(1)) if cited and 1 <= int(cited.group(1)) <= 10 else indicator
        found.append(Recommendation(instrument=instrument, indicator=number,
                                    text=text.lstrip("-•* ").strip(), line=line.number))
    return found
