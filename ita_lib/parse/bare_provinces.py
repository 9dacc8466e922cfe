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

from ita_lib.parse.agency import agency_types
from ita_lib.parse.mentions import SUBJECT, Mention
from ita_lib.parse.places import PROVINCE_SHORT_FORMS, fold, province_index
from ita_lib.rubric import load as load_rubric

# "ดับเบิ้ล A", "ดับเบิลเอ": AA as Thai news spells it
DOUBLE_A = re.compile(r"ดับ(?:เบิ้ล|เบิล)\s?(?:A|เอ)(?![A-Za-z+])")
# The text says its units are provinces
_PROVINCES_ARE_UNITS = re.compile(r"รายจังหวัด|\d+\s?จว\.|ส่วนราชการ(?:ระดับ|ส่วน)?(?:จังหวัด|ภูมิภาค)")
# The text says its units are the provincial administrative organisations ("76 อบจ.ทั่วประเทศ")
_PAOS_ARE_UNITS = re.compile(r"\d+\s?อบจ|(?<![\u0e00-\u0e7f])อบจ\.?\s?ทั่วประเทศ|องค์การบริหารส่วนจังหวัด\s?ทั่วประเทศ")
_BEFORE_GRADE = r"\s?(?:ติด|ได้|ได้รับ|ได้ระดับ|ระดับ|เกรด|อยู่ในระดับ)?\s?"
PROVINCES, PAOS = "province", "อบจ."
_PAO = "องค์การบริหารส่วนจังหวัด"


@cache
def _local_words() -> tuple[re.Pattern, re.Pattern]:
    """A local government named anywhere (a bare province may then be its อบจ.), and one of a tier other
    than the อบจ.: the local type words of agency_types.csv, in full or short ("สอบตก" holds the letters
    of อบต: a short form starts a word), and the words for local government in general."""
    def named(types) -> str:
        return "|".join([re.escape(t.prefix) for t in types]
                        + [rf"(?<![\u0e00-\u0e7f]){re.escape(t.short.rstrip('.'))}" for t in types if t.short])
    local = [t for t in agency_types() if t.kind == "local"]
    other = named([t for t in local if t.prefix != _PAO])
    return re.compile(rf"{named(local)}|ท้องถิ่น|(?<![\u0e00-\u0e7f])อปท"), re.compile(other)


def bare_province_units(text: str, mentions: list[Mention]) -> str | None:
    """What a bare province name in the text stands for: the province itself (the text says its units are
    provinces, names no local government and no agency but provinces), the province's อบจ. (the text says
    its units are อบจ. and names no other tier of local government nor a local government by name), or
    nothing. `mentions`: the text's."""
    any_local, other_local = _local_words()
    # cheap tests first: most texts fail them
    if all(m.kind == "province" for m in mentions if m.role == SUBJECT) \
            and ("จังหวัด" in text or "จว." in text or "ส่วนภูมิภาค" in text) \
            and _PROVINCES_ARE_UNITS.search(text) and not any_local.search(text):
        return PROVINCES
    if not any(m.kind == "local" for m in mentions if m.role == SUBJECT) and ("อบจ" in text or "ส่วนจังหวัด" in text) \
            and _PAOS_ARE_UNITS.search(text) and not other_local.search(text):
        return PAOS
    return None


@cache
def _names() -> dict[str, str]:
    """Printed form -> province: the 77 names (Bangkok aside: its bare name is the city's own) and
    the short forms everyone writes ("อยุธยา", "อุบลฯ")."""
    names = {n: n for n, _ in province_index().values() if n != "กรุงเทพมหานคร"} | PROVINCE_SHORT_FORMS
    return names | {fold(printed): full for printed, full in names.items()}  # sara am dropped by PDF extraction


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    name = "(?:" + "|".join(map(re.escape, sorted(_names(), key=len, reverse=True))) + ")"
    grades = "|".join(sorted((g for g in load_rubric().all_grades if re.fullmatch(r"[A-Z]{1,2}", g)),
                             key=len, reverse=True))
    # names that start a word, one space apart, then the grade, which ends a word
    graded = re.compile(rf"(?<![\u0e00-\u0e7f.])({name}(?:\s{name})*)(?=\s){_BEFORE_GRADE}"
                        rf"({DOUBLE_A.pattern}|(?:{grades})(?![A-Za-z0-9+\-]))")
    # "สอบตก ‘สิงห์บุรี-อยุธยา-อุบลฯ’", "ตาก - น่าน สอบตก": names a dash, comma or space apart, quoted or not,
    # right after or before the fail word
    listed = rf"({name}(?:(?:\s?[-–,]\s?|\s){name})*)"
    failed_word = rf"(?:สอบตก|{re.escape(load_rubric().failed_word)}(?:เกณฑ์)?)"  # สอบตก: news's exam word
    failed = re.compile(rf"{failed_word}\s?[\"“‘'](?:{listed})[\"”’']|(?<![\u0e00-\u0e7f.]){listed}\s?{failed_word}")
    return graded, failed


def _members(run: str, start: int, unit: str) -> list[Mention]:
    found = []
    for match in re.finditer(r"[^\s\-–,]+", run):
        province = _names()[match.group()]
        name = ("จังหวัด" if unit == PROVINCES else _PAO) + province
        found.append(Mention(start + match.start(), start + match.end(), name, match.group(),
                             "province" if unit == PROVINCES else "local", SUBJECT,
                             agency_type=None if unit == PROVINCES else PAOS, province=province))
    return found


def bare_province_results(text: str, unit: str) -> list[tuple[Mention, str, int]]:
    """(agency, grade or fail word, position of the word) for each province written bare before a grade
    or in a list with a fail word, in a text whose bare names stand for `unit`."""
    graded, failed = _patterns()
    found = []
    for match in graded.finditer(text):
        grade = "AA" if DOUBLE_A.fullmatch(match.group(2)) else match.group(2)
        found += [(member, grade, match.start(2)) for member in _members(match.group(1), match.start(1), unit)]
    for match in failed.finditer(text):
        group = 1 if match.group(1) else 2
        found += [(member, load_rubric().failed_word, match.start())
                  for member in _members(match.group(group), match.start(group), unit)]
    return found
