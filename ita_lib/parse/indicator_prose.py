"""Which indicator a number in a sentence is the score of: its name before the number in its clause
("ด้านตัวชี้วัดการป้องกันทุจริต … มีคะแนนแค่ 81.25"), right before it ("คะแนนเรื่องการป้องกันทุจริต 100"), or
after it, led by ด้าน or ตัวชี้วัด ("ได้ 100 คะแนน ด้าน การป้องกันการทุจริต")."""
from __future__ import annotations

import re

from ita_lib.parse.evidence import Candidate
from ita_lib.parse.indicator_names import find_indicator_names, find_indicator_spans, plain_variants
from ita_lib.parse.mentions import Mention

INDICATOR_WORD_REACH = 12  # " คะแนน ไม่ผ่าน": how far after an indicator's score its pass word stands
# "ได้ 100 คะแนน ด้าน การป้องกันการทุจริต", "95.00 ในตัวชี้วัดที่ 9 การเปิดเผยข้อมูล": the name after the number
_INDICATOR_AFTER = re.compile(r"\s?(?:คะแนน)?\s?(?:ใน)?\s?(?:ด้าน|ตัวชี้วัด(?:ที่\s?\d{1,2})?)\s?")


def indicator_after(text: str, candidate: Candidate) -> int | None:
    """The indicator named right after the number, introduced by ด้าน or ตัวชี้วัด."""
    lead = _INDICATOR_AFTER.match(text, candidate.end)
    if lead is None:
        return None
    names = find_indicator_names(text[lead.end():lead.end() + 60])
    return names[0][1] if names and names[0][0] == 0 else None


_LABEL_WORDS = re.compile(r"(?:\s?(?:ได้|คะแนน|ร้อยละ|เท่ากับ|อยู่ที่))+\s?$")


def indicator_right_before(text: str, candidate: Candidate) -> bool:
    """"ได้คะแนนเรื่องการป้องกันทุจริต 100": the name written right before the number is its label."""
    window = text[max(0, candidate.start - 40):candidate.start].rstrip(" :").lower()
    window = _LABEL_WORDS.sub("", window)  # "การป้องกันการทุจริต ร้อยละ 100", "…การทุจริต ได้ 100"
    return any(window.endswith(name) for name, _ in plain_variants())


_RELATIVE = re.compile(r"\s?(?:ที่|ซึ่ง)\s?")
# "การเปิดเผยข้อมูล และการป้องกันการทุจริต", "ส่วนเปิดเผยข้อมูล-ป้องกันการทุจริต": two names joined
_JOINED = re.compile(r"\s?(?:และ|กับ|-|–|,|/)\s?(?:ด้าน|ตัวชี้วัด)?\s?")


def indicators_before(text: str, candidate: Candidate, mentions: list[Mention]) -> tuple[int, ...]:
    """The indicator whose name is the last thing named before the number in its clause; two, when two
    names are written joined before it ("ตัวชี้วัดการเปิดเผยข้อมูล และการป้องกันการทุจริต … ได้ 100 คะแนน"): the
    number is each one's."""
    before = [m for m in mentions if m.end <= candidate.start]
    start = max([0, candidate.start - 90, *(m.end for m in before)])
    spans = find_indicator_spans(text[start:candidate.start])
    if not spans and before and candidate.start - before[-1].start <= 60:
        # "ตัวชี้วัดการเปิดเผยข้อมูล…ที่ กนอ.ได้รับคะแนน 100": the agency in a relative clause after the names
        start = max([0, before[-1].start - 90, *(m.end for m in before[:-1])])
        spans = find_indicator_spans(text[start:before[-1].start])
        if spans and not _RELATIVE.fullmatch(text, start + spans[-1][1], before[-1].start):
            spans = []
    if not spans:
        return ()
    if len(spans) >= 2 and spans[-2][2] != spans[-1][2] \
            and _JOINED.fullmatch(text, start + spans[-2][1], start + spans[-1][0]):
        return spans[-2][2], spans[-1][2]
    return (spans[-1][2],)
