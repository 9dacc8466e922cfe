"""Which indicator a number in a sentence is the score of: its name before the number in its clause
("ด้านตัวชี้วัดการป้องกันทุจริต … มีคะแนนแค่ 81.25"), right before it ("คะแนนเรื่องการป้องกันทุจริต 100"), or
after it, led by ด้าน or ตัวชี้วัด ("ได้ 100 คะแนน ด้าน การป้องกันการทุจริต")."""
from __future__ import annotations

import re

from ita_lib.parse.evidence import Candidate
from ita_lib.parse.indicator_names import find_indicator_names, plain_variants
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


def indicator_right_before(text: str, candidate: Candidate) -> bool:
    """"ได้คะแนนเรื่องการป้องกันทุจริต 100": the name written right before the number is its label."""
    window = text[max(0, candidate.start - 40):candidate.start].rstrip(" :").lower()
    return any(window.endswith(name) for name, _ in plain_variants())


def indicator_before(text: str, candidate: Candidate, mentions: list[Mention]) -> int | None:
    """The indicator whose name is the last thing named before the number in its clause."""
    start = max([0, candidate.start - 90, *(m.end for m in mentions if m.end <= candidate.start)])
    names = find_indicator_names(text[start:candidate.start])
    return names[-1][1] if names else None
