"""Headlines that list provinces by their bare names with a grade: "นครพนม ดับเบิ้ล A … สุรินทร์
กำแพงเพชร ตรัง ติด D ขณะที่ สุโขทัย E".

A bare province name is the province (its provincial administration, จังหวัดX) only in a text that says
its units are provinces ("จำแนกรายจังหวัด", "29 จว.สอบตก") and names no local government at all: in a
text about อบจ. the same headline means each province's อบจ. ("5 จว.สอบตก" of 76 อบจ.), so there the
names stay nobody's; so they do in a text naming any other agency. A name takes only a grade written
right after it, or after the names listed with it.
"""
from __future__ import annotations

import re
from functools import cache

from ita_lib.parse.mentions import SUBJECT, Mention
from ita_lib.parse.places import fold, province_index
from ita_lib.rubric import load as load_rubric

# "ดับเบิ้ล A", "ดับเบิลเอ": AA as Thai news spells it
DOUBLE_A = re.compile(r"ดับ(?:เบิ้ล|เบิล)\s?(?:A|เอ)(?![A-Za-z+])")
# The text says its units are provinces
_PROVINCES_ARE_UNITS = re.compile(r"รายจังหวัด|\d+\s?จว\.|ส่วนราชการ(?:ระดับ|ส่วน)?(?:จังหวัด|ภูมิภาค)")
# A local government named anywhere: a bare province may be its อบจ.
# ("สอบตก" holds the letters of อบต: an abbreviation starts a word)
_LOCAL_GOVERNMENT = re.compile(r"องค์การบริหารส่วน|ท้องถิ่น|เทศบาล|(?<![\u0e00-\u0e7f])(?:อบจ|อปท|อบต|ทต\.|ทม\.|ทน\.)")
_BEFORE_GRADE = r"\s?(?:ติด|ได้|ได้รับ|ได้ระดับ|ระดับ|เกรด|อยู่ในระดับ)?\s?"


def provinces_are_units(text: str, mentions: list[Mention]) -> bool:
    """Whether bare province names in the text are the provinces themselves: the text says its units are
    provinces, names no local government and no agency but provinces (`mentions`: the text's)."""
    return _PROVINCES_ARE_UNITS.search(text) is not None and _LOCAL_GOVERNMENT.search(text) is None \
        and all(m.kind == "province" for m in mentions if m.role == SUBJECT)


@cache
def _run_pattern() -> re.Pattern:
    names = sorted({name for name, _ in province_index().values() if name != "กรุงเทพมหานคร"}, key=len, reverse=True)
    name = "(?:" + "|".join(map(re.escape, names)) + ")"
    grades = "|".join(sorted((g for g in load_rubric().all_grades if re.fullmatch(r"[A-Z]{1,2}", g)),
                             key=len, reverse=True))
    # names that start a word, one space apart, then the grade, which ends a word
    return re.compile(rf"(?<![\u0e00-\u0e7f.])({name}(?:\s{name})*)(?=\s){_BEFORE_GRADE}"
                      rf"({DOUBLE_A.pattern}|(?:{grades})(?![A-Za-z0-9+\-]))")


def bare_province_grades(text: str) -> list[tuple[Mention, str, int]]:
    """(province, grade, position of the grade) for each province written bare before a grade in `text`."""
    found = []
    for match in _run_pattern().finditer(text):
        grade = "AA" if DOUBLE_A.fullmatch(match.group(2)) else match.group(2)
        position = match.start(1)
        for printed in match.group(1).split():
            name = province_index()[fold(printed)][0]
            found.append((Mention(position, position + len(printed), "จังหวัด" + name, printed, "province", SUBJECT,
                                  province=name), grade, match.start(2)))
            position += len(printed) + 1
    return found
