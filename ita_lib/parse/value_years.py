"""The year a value is written with, when a sentence dates it: "ปี 2566 ได้ 88.12", "ปี 61 ที่ประเมินตาม
วิธีการเดิมได้ 72.14", "ITA62 ที่ทต.X ได้ 88.47", "ปีที่แล้ว ซึ่งเทศบาลได้ 85.60", "88.74 คะแนนในปี 2563".

A year dates a value when it is followed by the value's verb (ได้, มี, อยู่, คะแนน, ผล) with at most a
short subject between them ("ปี 2558 กรมฯ ได้"), or a relative clause (ที่ / ซึ่ง …) that names no other year and holds no
number; or when it is written right after the value ("คะแนนในปี 2563", "(ปี 2567)") and does not open
the next clause ("… ในปี 2568 ได้ 95.00"). "ปีที่แล้ว" / "ปีก่อน" date a value the same way, one year
before the text's own; "ปีที่ผ่านมา" does not (news writes it for the year just assessed too).
A value right after เป็น / เหลือ is what a change came to: the text's own, whatever year came before; one
right after จาก is what it came from, dated only by a year written with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ita_lib.parse.years import to_buddhist_era
from ita_lib.text.thai import thai_digits_to_arabic

_YEAR = r"(?:ปีงบประมาณ|ปีงบ|ปี|พ\.ศ\.|ITA)\s?(?:พ\.ศ\.)?\s?(?P<year>25\d\d|[4-9]\d)(?!\d)"
# "ปีที่แล้ว (2567) เราได้ 93.50": the year in brackets says which
_LAST_YEAR = (r"(?P<last>ปีที่แล้ว|ปีก่อน(?:หน้า(?:นี้)?)?|ปีงบประมาณที่แล้ว)"
              r"(?:\s?\(\s?(?:ปีงบประมาณ|ปี)?\s?(?:พ\.ศ\.\s?)?(?P<bracketed>25\d\d|[4-9]\d)\s?\))?")
# "ได้คะแนนรวม ITA 89.59", "ได้คะแนน เท่ากับ 97.07": the words that lead to the number
_VERB = r"(?:ได้|มี|อยู่|คะแนน|ผล|คือ)\S{0,12}(?:\s?(?:ITA|เท่ากับ|จำนวน|รวม))*\s?$"
# A short subject ("เราได้", "เทศบาลได้") or a relative clause with no number and no other year in it.
# ("ปี 2562 ซึ่งเป็นปีแรกของระบบ ITAS ทช. ได้": "ปีแรก" is no other year)
_OTHER_YEAR = r"ปี(?:งบ\S*)?\s?(?:พ\.ศ\.)?\s?\d|ปีที่แล้ว|ปีก่อน"
_GAP = rf"\s?(?:(?:ที่|ซึ่ง|โดย)(?:(?!{_OTHER_YEAR})[^\d]){{0,40}}?|(?:(?!ปี)[\u0e01-\u0e4e.]){{0,14}}?\s?)"
# "สูงกว่าผลการประเมินปีที่ผ่านซึ่งมีคะแนน 88.50": "ปีที่ผ่านมา" compared with is last year, and a
# relative clause says what it got ("ดีขึ้นกว่าปีที่ผ่านมา โดยได้ 91.57" says what this year got)
_COMPARED_LAST = (r"(?P<compared>(?:(?<=กว่า)|(?<=จาก)|(?<=กับ))\s?(?:ผล(?:การ)?ประเมิน(?:ใน)?\s?)?ปีที่ผ่าน(?:มา)?)"
                  rf"\s?(?:ที่|ซึ่ง)(?:(?!{_OTHER_YEAR})[^\d]){{0,40}}?")
# "(ปี 63) ได้คะแนน 77.05"; "ปีที่แล้ว โดยได้ …" is how this year did
_DATED_BEFORE = re.compile(rf"(?:{_YEAR}(?:\s?\))?{_GAP}|{_LAST_YEAR}(?!\s?โดย){_GAP}|{_COMPARED_LAST}){_VERB}")
# What a change came to ("เป็น 95.30") or came from ("เพิ่มขึ้นจาก 89.52"): the year before is not its
# year (changes.py dates a value after จาก by the year written with it).
_CHANGED_TO = re.compile(r"(?:เป็น|เหลือ(?:เพียง)?|มาอยู่ที่|จาก(?:เดิม)?)\s?$")
# "88.74 คะแนนในปี 2563", "(ปี 2567)", "89.52 คะแนน (ระดับผ่าน) ใน ITA67"
_DATED_AFTER = re.compile(r"\s?(?:คะแนน)?\s?(?:\((?:ระดับ|เกรด)?\s?[^()\d]{1,20}\)\s?)?(?:\(\s?|ใน|เมื่อ|ของ)\s?"
                          + _YEAR + r"(?!\s?\)?\s?(?:ที่|ซึ่ง)?\s?(?:ได้|มี|อยู่))")
_REACH = 70  # how far back a dating year may stand
# A row of a table of years copied with spaces: "2566   88.02   ผ่าน" (the year opens the line).
_YEAR_CELL_BEFORE = re.compile(r"^\s*(?:\|\s*)?(?P<year>25[4-7]\d)\s*(?:\|\s*)?$")


@dataclass(frozen=True)
class Dating:
    start: int  # where the year (or "ปีที่แล้ว") is written
    end: int
    year: int | None  # B.E.; None for "last year"
    last_year: bool = False
    relative: bool = False  # written "ปีที่แล้ว": what the sentence says of it starts after the words

    def resolved(self, document_year: int | None) -> int | None:
        """The B.E. year, "last year" counted back from the text's own year (None when unknown)."""
        if not self.last_year:
            return self.year
        return document_year - 1 if document_year is not None else None


def dating_before(text: str, position: int) -> Dating | None:
    """The year written before the value at `position` that dates it, or None."""
    start = max(0, position - _REACH)
    window = thai_digits_to_arabic(text[start:position])  # digit for digit: positions hold
    match = _DATED_BEFORE.search(window)  # anchored at the end; no year inside its gap: the nearest year
    if match is None and (row := _YEAR_CELL_BEFORE.search(window)):
        return Dating(start + row.start("year"), start + row.end("year"), int(row.group("year")))
    if match is None or _CHANGED_TO.search(window):
        return None
    if match.group("bracketed"):
        return Dating(start + match.start(), start + match.end("bracketed") + 1,
                      to_buddhist_era(int(match.group("bracketed"))), relative=True)
    if match.group("last") or match.group("compared"):
        words = "last" if match.group("last") else "compared"
        return Dating(start + match.start(), start + match.end(words), None, True, True)
    return Dating(start + match.start(), start + match.end("year"), to_buddhist_era(int(match.group("year"))))


def year_after(text: str, end: int) -> int | None:
    """The B.E. year written right after a value ending at `end`, or None."""
    match = _DATED_AFTER.match(thai_digits_to_arabic(text[end:end + 40]))
    return to_buddhist_era(int(match.group("year"))) if match else None


def value_year(text: str, start: int, end: int, document_year: int | None) -> tuple[bool, int | None]:
    """(dated, year) of the value at text[start:end]: dated is False when the sentence gives it no
    year of its own; a value dated "last year" in a text of no known year is dated with year None."""
    before = dating_before(text, start)
    if before is not None:
        return True, before.resolved(document_year)
    after = year_after(text, end)
    return (True, after) if after is not None else (False, None)


# A grade or level written right after a score ("ปี 2566 ได้ 88.10 คะแนน ระดับผ่าน") is that score's.
WORDS_AFTER_SCORE = r"\s?(?:คะแนน)?\s?(?:ซึ่ง|โดย)?(?:อยู่ใน|ได้)?\s?(?:ระดับ|เกรด)?\s?[\"“(]?\s?"
_SCORE_BEFORE_WORD = re.compile(r"(\d{1,3}\.\d{1,2})" + WORDS_AFTER_SCORE + "$")


def year_of_value(text: str, position: int, kind, document_year: int | None) -> tuple[bool, int | None]:
    """(dated, year) of the value at `position`; a grade or result word written right after a score
    takes the score's year."""
    number = _NUMBER_AT.match(text, position)
    dated = value_year(text, position, number.end() if number else position, document_year)
    if dated[0] or kind not in ("grade", "result"):
        return dated
    score = _SCORE_BEFORE_WORD.search(text, max(0, position - 30), position)
    return value_year(text, score.start(1), score.end(1), document_year) if score else (False, None)


_NUMBER_AT = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
