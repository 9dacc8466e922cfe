"""A change written in one sentence: "เพิ่มจาก 92.43 คะแนน (ปี 2567) เป็น 94.64 คะแนน", "ลดจาก
“ผ่านดี” เหลือเพียง “ผ่าน”". The value after จาก is an earlier one: it belongs to the year written
with it ("(ปี 2567)", "จากปี 2567 ที่ได้ …"), and to no record when no year is written (it is not the
text's own year, and which year it is would be a guess), unless another change of the same line names
its earlier year and no other year is named: "เพิ่มจาก 92.43 คะแนน (ปี 2567) เป็น 94.64 … ลดจาก “ผ่านดี”
เหลือเพียง “ผ่าน”" compares the same two years twice. The value after เป็น / เหลือ is the text's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ita_lib.parse.memo import per_parse
from ita_lib.parse.years import to_buddhist_era
from ita_lib.text.thai import thai_digits_to_arabic

_YEAR = r"(?:(?:ใน|เมื่อ)\s?)?(?:ปีงบประมาณ|ปี|ITA)\s?(?:พ\.ศ\.)?\s?(?P<{}>25\d\d|[4-9]\d)(?!\d)"
# "จาก 89.52 คะแนน (ระดับผ่าน) ใน ITA67 เป็น …": the earlier value's level, in brackets
_OLD_LEVEL = r"(?:\((?:ระดับ|เกรด)?\s?[^()\d]{1,20}\)\s?)?"
_OLD = r"(?P<old>\d{1,3}(?:\.\d{1,2})?|[“\"‘'][^“”\"‘’'\s]{1,20}[”\"’'])"
_CHANGE = re.compile(
    r"จาก(?:เดิม)?\s?(?:" + _YEAR.format("year_before") + r"\s?(?:ที่|ซึ่ง)?\s?(?:ได้(?:รับ)?)?\s?(?:คะแนน)?\s?)?"
    + _OLD + r"\s?(?:คะแนน)?\s?" + _OLD_LEVEL + r"(?:\(?\s?" + _YEAR.format("year_after") + r"\s?\)?)?\s?"
    r"(?:มาเป็น|ขึ้นเป็น|เป็น|เหลือเพียง|เหลือ|มาอยู่ที่|อยู่ที่)\s?(?P<new>[“\"‘'][^“”\"‘’'\s]{1,20}[”\"’'])?")


# "… อยู่ที่ 61.27 คะแนน เพิ่มขึ้นจาก 57.90 คะแนนในปีก่อน": the new value came first; the one after จาก
# is the earlier one all the same ("เพิ่มขึ้นอย่างต่อเนื่อง จาก 72.30 คะแนนในปี 2560 ซึ่ง… เป็น …" too).
_FROM_ONLY = re.compile(
    r"(?:เพิ่มขึ้น|ลดลง|สูงขึ้น|ต่ำลง|ดีขึ้น|ขยับขึ้น|ลดต่ำลง|ปรับขึ้น|ปรับลด)(?:อย่าง\S{1,12}\s?)?\s?จาก(?:เดิม)?\s?(?:"
    + _YEAR.format("year_before") + r"\s?(?:ที่|ซึ่ง)?\s?(?:ได้(?:รับ)?)?\s?(?:คะแนน)?\s?)?"
    + _OLD + r"\s?(?:คะแนน)?\s?" + _OLD_LEVEL + r"(?:\(?\s?" + _YEAR.format("year_after") + r"\s?\)?)?"
    r"(?!\s?(?:คะแนน)?\s?(?:มาเป็น|ขึ้นเป็น|เป็น|เหลือ|มาอยู่ที่|อยู่ที่))")

_ANY_YEAR = re.compile(r"(?<!\d)(25\d\d)(?!\d)|(?:ปี|ITA)\s?(?:พ\.ศ\.)?\s?([4-9]\d)(?!\d)")


@dataclass(frozen=True)
class Superseded:
    start: int
    end: int
    year: int | None  # the year written with the earlier value, B.E.; None when none is
    new_word: str | None = None  # the word it changed to, quotes off ("เหลือเพียง “ผ่าน”" → ผ่าน)
    new_at: int | None = None


@per_parse
def superseded(text: str) -> tuple[Superseded, ...]:
    """The earlier values of the changes in a line, with their positions in `text` (kept for the
    parse: the reader asks once for each value it collects from the line)."""
    found = []
    arabic = thai_digits_to_arabic(text)  # digit for digit: positions hold
    for match in _CHANGE.finditer(arabic):
        year = match.group("year_before") or match.group("year_after")
        new = match.group("new")
        found.append(Superseded(match.start("old"), match.end("old"), to_buddhist_era(int(year)) if year else None,
                                new[1:-1] if new else None, match.start("new") if new else None))
    for match in _FROM_ONLY.finditer(arabic):
        if not any(change.start == match.start("old") for change in found):
            year = match.group("year_before") or match.group("year_after")
            found.append(Superseded(match.start("old"), match.end("old"), to_buddhist_era(int(year)) if year else None))
    earlier = {change.year for change in found if change.year is not None}
    named = {to_buddhist_era(int(a or b)) for a, b in _ANY_YEAR.findall(thai_digits_to_arabic(text))}
    # One earlier year, and at most one other year named (the text's own, later): two years compared.
    if len(earlier) == 1 and len(named - earlier) <= 1 and all(y > min(earlier) for y in named - earlier):
        found = [replace(change, year=change.year or min(earlier)) for change in found]
    return tuple(found)


def superseded_at(text: str, position: int) -> Superseded | None:
    """The change whose earlier value is at `position` (its quote or its first character), or None."""
    return next((s for s in superseded(text) if s.start <= position < s.end), None)
