"""Which instrument a score in prose belongs to: "แบบวัด OIT ได้ 94.50", "IIT 95.10, EIT 90.25",
"แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ได้ 94.50". An instrument's score is neither the overall nor an
indicator's: the OIT's Thai name holds indicator 9's ("การเปิดเผยข้อมูล"), and the longer name wins."""
from __future__ import annotations

import re
from functools import cache

from ita_lib.parse.indicator_names import find_indicator_names
from ita_lib.rubric import Rubric, alternation, load as load_rubric


@cache
def _pattern(rubric: Rubric) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every code and Thai name of an instrument, longest first, and the code of each."""
    names = {}
    for code, instrument in rubric.instruments.items():
        for name in (code, instrument.name, instrument.short):
            if name:
                names[name.lower()] = code
    return re.compile(rf"(?<![A-Za-z])(?:{alternation(names)})(?![A-Za-z])"), names


# Between an instrument's name and its score: "IIT 95.10", "(OIT) ได้ 94.50", "EIT ได้คะแนน: 90.25".
_RIGHT_BEFORE = re.compile(r"\s?\)?\s?(?:ได้(?:รับ)?)?\s?(?:คะแนน)?\s?[:=]?\s?")


def instrument_before(clause: str) -> tuple[str, bool] | None:
    """The instrument named last in `clause` (the text before a number back to its clause's start)
    and whether the number follows its name directly, when nothing named after it is an indicator;
    None when no instrument is named."""
    pattern, names = _pattern(load_rubric())
    found = list(pattern.finditer(clause.lower()))
    if not found:
        return None
    last = found[-1]
    if find_indicator_names(clause[last.end():]):  # "OIT ตัวชี้วัดที่ 9 ... 88.50" is indicator 9's
        return None
    code = names[last.group()]
    part = _PART.search(clause, last.end())  # "EIT แบบวัด…ภายนอกส่วนที่ 1 ได้ 79.40": the part's score
    parts = {p.number: p.code for p in load_rubric().instruments[code].parts}
    if part and int(part.group(1)) in parts:
        return parts[int(part.group(1))], bool(_RIGHT_BEFORE.fullmatch(clause, part.end()))
    return code, bool(_RIGHT_BEFORE.fullmatch(clause, last.end()))


_PART = re.compile(r"ส่วนที่\s?(\d)(?!\d)")
