"""Recommendations (ข้อเสนอแนะ) by instrument and indicator, in the two shapes ITAS prints them.

- One paragraph: "แบบวัด EIT เป็น... ดังนี้ 1) คุณภาพการดำเนินงาน ... 2) ..." (2563 result pages):
  the item numbers are list numbers, the indicator comes from the name that starts each item.
- Headed sections: "ข้อเสนอแนะสำหรับการประเมินตามแบบวัด...(IIT)" followed by paragraphs and bullets
  that cite "ตัวชี้วัดที่ ๒" (announcements, 2564+), or an introduction ("... ในประเด็นดังนี้"), then
  "ตัวชี้วัดที่ ๙ ..." and "ตัวชี้วัดย่อยที่ ๙.๔ ..." headings over "- หน่วยงานต้อง..." bullets.
  The headings a bullet stands under are kept as the first lines of its text (one a line), so the
  reader (and the plan, which looks for "ตัวชี้วัดย่อยที่ 9.4") knows what the bullet is about;
  `split_headings` takes them apart again.
"""
from __future__ import annotations

import re
from functools import cache

from ita_lib.rubric import Rubric, load as load_rubric
from ita_lib.io.document import Line
from ita_lib.parse.indicator_names import find_indicator_names
from ita_lib.model import Recommendation

_ITEM = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\)\s*")
_CITED = re.compile(r"ตัวชี้วัด(?:ที่)?\s*(\d{1,2})(?![\d.])")
# "ตัวชี้วัดที่ 10 การป้องกันการทุจริต": a number and a short name, no advice ("ควร", "ต้อง") in it.
_INDICATOR_HEADING = re.compile(r"^ตัวชี้วัด(?:ที่)?\s*(\d{1,2})(?![\d.])(?!.*(?:ควร|ต้อง)).{0,60}$")
_SUB_HEADING = re.compile(r"^ตัวชี้วัดย่อย(?:ที่)?\s*(?:(\d{1,2})\.\d{1,2})?")
HEADING_PREFIX = "ตัวชี้วัด"  # how the heading lines kept in a recommendation's text start
_END = ("จึงประกาศ", "ประกาศ ณ", "(ลงชื่อ)")


@cache
def _instrument_mention(rubric: Rubric) -> re.Pattern:
    """"แบบวัด EIT" and the other instrument codes."""
    return re.compile(rf"แบบวัด\s*({rubric.instrument_pattern})")


@cache
def _heading(rubric: Rubric) -> tuple[re.Pattern, dict[str, str]]:
    """A recommendations heading naming an instrument by its code "(IIT)" or its Thai word "ภายใน",
    and the instrument of each Thai word."""
    by_word = {i.heading_word: code for code, i in rubric.instruments.items() if i.heading_word}
    words = "|".join(map(re.escape, by_word))
    return re.compile(rf"^ข้อเสนอแนะ\S*\s*(?:สำหรับ)?.*?(?:\(({rubric.instrument_pattern})\)|({words}))"), by_word


def read_recommendations(lines: list[Line]) -> list[Recommendation]:
    found = _headed_sections(lines)
    if not found:
        found = _paragraph_sections(lines)
    return found


def _paragraph_sections(lines: list[Line]) -> list[Recommendation]:
    """Items "1) <indicator name> <advice>" or list items starting with an indicator name, each
    under the nearest "แบบวัด IIT/EIT/OIT" written before it."""
    found: list[Recommendation] = []
    instrument: str | None = None
    started = False
    for line in lines:
        text = line.text
        if not started:
            started = text.lstrip("#* ").startswith("ข้อเสนอแนะ")
            continue
        mentions = [(m.start(), m.group(1)) for m in _instrument_mention(load_rubric()).finditer(text)]
        items = _list_items(text)
        if not items:
            if instrument and not mentions:
                indicator = _leading_indicator(text)
                if indicator is not None:  # a list item: "คุณภาพการดำเนินงาน ชี้แจง..."
                    found.append(Recommendation(instrument=instrument, indicator=indicator,
                                                text=text.strip(), line=line.number))
            instrument = mentions[-1][1] if mentions else instrument
            continue
        for index, item in enumerate(items):
            before = [code for pos, code in mentions if pos < item.start()]
            instrument = before[-1] if before else instrument
            stop = items[index + 1].start() if index + 1 < len(items) else len(text)
            later = [pos for pos, _ in mentions if item.end() <= pos < stop]
            body = text[item.end():later[0] if later else stop].strip()
            if body and instrument:
                found.append(Recommendation(instrument=instrument, indicator=_leading_indicator(body),
                                            text=body, line=line.number))
        instrument = mentions[-1][1] if mentions and mentions[-1][0] > items[-1].start() else instrument
    return found


def _list_items(text: str) -> list[re.Match]:
    """List markers that count 1, 2, 3 (restarting at 1 is allowed): "(ร้อยละ 85)" is not one."""
    items: list[re.Match] = []
    for match in _ITEM.finditer(text):
        number = int(match.group(1))
        if number == 1 or (items and number == int(items[-1].group(1)) + 1):
            items.append(match)
    return items


def _leading_indicator(text: str) -> int | None:
    names = find_indicator_names(text[:60])
    return names[0][1] if names and names[0][0] == 0 else None


def _heading_instrument(text: str) -> str | None:
    heading, by_word = _heading(load_rubric())
    match = heading.match(text.strip())
    if not match:
        return None
    return match.group(1) or by_word[match.group(2)]


def split_headings(text: str) -> tuple[tuple[str, ...], str]:
    """The indicator and sub-indicator headings a recommendation stands under, and its own text."""
    lines = text.split("\n")
    headings = []
    while len(lines) > 1 and lines[0].startswith(HEADING_PREFIX):
        headings.append(lines.pop(0))
    return tuple(headings), "\n".join(lines)


def _headed_sections(lines: list[Line]) -> list[Recommendation]:
    found: list[Recommendation] = []
    instrument: str | None = None
    indicator: int | None = None
    headings: list[str] = []  # the indicator heading, then the sub-indicator heading, as written
    indicators = load_rubric().indicators
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if any(text.startswith(end) for end in _END):
            instrument = None
            continue
        heading = _heading_instrument(text)
        if heading:
            instrument, indicator, headings = heading, None, []
            continue
        if instrument is None:
            continue
        match = _INDICATOR_HEADING.match(text)
        if match and int(match.group(1)) in indicators:
            indicator, headings = int(match.group(1)), [text]
            continue
        sub = _SUB_HEADING.match(text)
        if sub:  # "ตัวชี้วัดย่อยที่ 9.4 ...": under indicator 9, whether or not its heading came first
            number = int(sub.group(1)) if sub.group(1) and int(sub.group(1)) in indicators else indicator
            headings = [*(headings[:1] if number == indicator else []), text]
            indicator = number
            continue
        cited = _CITED.search(text)
        cited_number = int(cited.group(1)) if cited and int(cited.group(1)) in indicators else None
        if text.rstrip(" :").endswith("ดังนี้"):
            # An introduction to what follows: about an indicator only where it names one (its
            # "ในประเด็นดังนี้" is no issue of the indicator above it).
            number = cited_number
        else:
            number = cited_number if cited_number is not None else indicator
        body = text.lstrip("-•* ").strip()
        found.append(Recommendation(instrument=instrument, indicator=number,
                                    text="\n".join([*headings, body]), line=line.number))
    return found
