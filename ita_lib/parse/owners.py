"""Which agency a value written in a sentence belongs to.

A value belongs to the agency named nearest before it in its line, with three exceptions:
- a province or district that is part of an address ("…ตำบลก อำเภอข จังหวัดค" after a project's
  name) is named in passing: it is never the owner, the search goes on before it;
- a ministry, group or average written right before the value owns it, so no agency does;
- a list of agencies written together ("อบต.ก, อบต.ข และ อบต.ค ได้ระดับ AA") shares one grade,
  result word or score; several scores after a list are paired with its members only when the text
  says "ตามลำดับ" (respectively) and gives one score per member; otherwise no agency gets them and
  the record (or a note) says why.
A year written right before an agency's name dates what the sentence says of it (year_before), and a
province given values in a text that names its provincial administration without any gets none
(provinces_doubtful): news of an อบจ. often writes the province for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ita_lib.rubric import Rubric, load as load_rubric
from ita_lib.parse.evidence import OVERALL_AT, VETO, Candidate, names_own_mean
from ita_lib.parse.mentions import (CAPITAL, CATEGORY, GROUP, PARENT, PLACE, SUBJECT, Mention, squash,
                                    whole_mention)
from ita_lib.parse.places import BANGKOK, district_index, fold

# "ค่าเฉลี่ยจังหวัดขอนแก่น 89.02", "คะแนนเฉลี่ยของกรม…": a figure of the whole, not of the agency; "ภาพรวม
# ของจังหวัด", "ทั้งจังหวัด" too, but "ผลการประเมินภาพรวมของ กยท." is the agency's own overall.
_AVERAGE_OF = re.compile(r"เฉลี่ย\S{0,5}\s?$")
_WHOLE_OF_PLACE = re.compile(r"(?:ภาพรวมของ|ทั้ง)\S{0,5}\s?$")
# What comes before a place that makes it part of an address: a smaller unit and its name, a house
# or village number, a building of the province or district ("ศาลากลางจังหวัด", "ศูนย์ราชการจังหวัด").
# The ตำบล of a เทศบาลตำบล and the ต. of an อบต. name an agency, not an address.
_ADDRESS_BEFORE = re.compile(r"(?:(?:(?<!เทศบาล)ตำบล|(?<!บ)ต\.|แขวง|หมู่ที่|หมู่|ม\.|เลขที่)\s?[\u0e01-\u0e4e\d/]+\s*"
                             r"|(?:ศาลากลาง|ศูนย์ราชการ|ที่ว่าการ)\s?)$")
# Between two members of a list: a comma, "และ", "กับ", a dash as headlines join names ("กรมก - กรมข -
# กรมค สอบตก", "กรมก-กรมข") or only spaces.
_LIST_GAP = re.compile(r"\s*(?:,|และ|กับ|[-–])?\s*")
_JOINED = re.compile(r",|และ|กับ|[-–]")
_RESPECTIVELY = "ตามลำดับ"
_SCORE_NUMBER = re.compile(r"(?<![\d.])\d{2,3}\.\d{1,2}(?![\d.])")
_CLAUSE_END = re.compile(r"[.!?;]\s|\s{2,}|\n")


@dataclass(frozen=True)
class Owners:
    agencies: tuple[Mention, ...]  # none: the value goes to the text's own agency (unless blocked)
    blocked: bool = False  # the value belongs to something that is not an agency, or pairing is unclear
    unpaired: tuple[Mention, ...] = ()  # blocked because several scores follow these agencies in no given order
    figure_of: Mention | None = None  # blocked because the value is this ministry's own figure


# "…สภ.ก 96.55 คะแนน รองลงมาคือ สภ.ข 95.20 คะแนน ทั้งสองสถานีอยู่ในระดับ “ผ่านดีเยี่ยม”": both just named.
COUNT_WORDS = {"สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5}
_ALL_OF_COUNT = re.compile(r"ทั้ง\s?(สอง|สาม|สี่|ห้า|[2-5])\s?(?:แห่ง|หน่วยงาน|สถานี|สถาบัน|มหาวิทยาลัย|เขต|กรม|"
                           r"โรงพยาบาล|ส่วนราชการ|องค์กร|อปท\.?|อบต\.?|เทศบาล)[^\d]{0,25}$")


def _all_of_count(text: str, named: list[Mention], position: int) -> tuple[Mention, ...] | None:
    """The agencies "ทั้งสอง…" before the value counts back to: the last ones named with a score of their
    own in the line, when there are that many."""
    match = _ALL_OF_COUNT.search(text, max(0, position - 45), position)
    if match is None:
        return None
    count = COUNT_WORDS.get(match.group(1)) or int(match.group(1))
    named = [m for m in named if m.end <= match.start()]
    scored = [m for m, following in zip(named, [*(n.start for n in named[1:]), match.start()])
              if _SCORE_NUMBER.search(text, m.end, following)]
    if len(scored) < count or len({m.name for m in scored[-count:]}) < count:
        return None
    return tuple(scored[-count:])


def value_owners(text: str, mentions: list[Mention], position: int, *, is_score: bool = False) -> Owners:
    """The agencies a value at `position` of `text` is written with."""
    before = [m for m in mentions if m.end <= position]
    counted = _all_of_count(text, [m for m in before if m.role in (SUBJECT, PLACE)], position)
    if counted is not None:
        return Owners(counted)
    for index in range(len(before) - 1, -1, -1):
        mention = before[index]
        if mention.role in (SUBJECT, PLACE):
            if mention.role == PLACE and (in_address(text, mention, before[:index])
                                          or _location_of_previous(text, mention, before[:index])):
                continue
            if _compared_with(text, mention, position):
                continue
            if _AVERAGE_OF.search(text, max(0, mention.start - 15), mention.start) or (
                    mention.role == PLACE and _WHOLE_OF_PLACE.search(text, max(0, mention.start - 15), mention.start)):
                return Owners((), True)
            members = coordinated_list(text, before[:index + 1])
            following = next((m.start for m in mentions if m.start >= members[-1].end and m.role == SUBJECT),
                             len(text))  # the next agency named starts another clause
            if len(members) == 1 and not (is_score and _respective_scores(text, members[-1], following) > 1):
                return Owners(members)
            return _list_owners(text, members, position, is_score, following)
        between = text[mention.end:position]
        if mention.role == PARENT and mention.kind == "ministry" and _OF_THE_MINISTRY.search(between) \
                and not re.search(r"\d", between):
            # "ในส่วนของกระทรวงX ผลการประเมิน ภาพรวมของกระทรวงอยู่ที่ 91.70": the text points back to it
            return Owners((), True, figure_of=mention)
        if mention.role == PARENT and affiliation_of(text, before[:index], mention):
            continue  # "กรมวิทยาศาสตร์บริการ (วศ.) กระทรวงการอุดมศึกษาฯ ได้ 85.39": the agency's ministry
        if mention.role in (PARENT, GROUP) and _WITHIN.search(text, max(0, mention.start - 16), mention.start):
            continue  # "สูงสุดในกระทรวง อว. ด้วยคะแนน 99.54": the ministry is where, the agency before scored
        if mention.role in (PARENT, GROUP) and (position - mention.end <= 15 or _headline_of(text, mention, position)):
            # "กระทรวงมหาดไทย 90.12": a ministry's figure, the mean of its agencies'
            figure = (mention.role == PARENT and mention.kind == "ministry") or mention.kind == CATEGORY
            return Owners((), True, figure_of=mention if figure else None)
    return Owners(())


_HEADLINE_REACH = 45

# "ภาษีเจริญ คว้า 98.60 คะแนน": the one who grabs a score is named right before the verb. A word there that
# names no agency the parser knows (a district written bare, a nickname) is someone the text does not name
# in full: the score is not the text's own agency's unless the word is part of that agency's name.
_ACHIEVER = re.compile(r"(?:^|(?<=[\s\"“”‘’'(|:]))([^\s\d\"“”‘’'()|:.,]{2,30}?)(?<!ที่)(?<!ซึ่ง)\s?"
                       r"(?:คว้า|ครอง|โกย|กวาด)\s?(?:คะแนน\s?|ระดับ\s?|เกรด\s?)?(?:ITA\s?)?[\"“”‘’']?$")


def unnamed_achiever(text: str, position: int) -> str | None:
    """The word written as the achiever of the value at `position` ("X คว้า 98.60"), if no agency is named
    there."""
    match = _ACHIEVER.search(text, max(0, position - 60), position)  # room for the longest word and its verb
    return match.group(1) if match else None


_DISTRICT_OFFICE = "สำนักงานเขต"


def capital_district_office(achiever: str, mentions: list[Mention]) -> Mention | None:
    """A bare district of the capital as the achiever ("ภาษีเจริญ คว้า 98.60") in a text that names the
    capital: its district office, the one agency a district of Bangkok has. A bare district anywhere
    else may be its district office, municipality or อบต.: nobody's."""
    if not any(m.name == CAPITAL for m in mentions):
        return None
    district = district_index(BANGKOK).get(fold(achiever.removeprefix("เขต")))
    return whole_mention(_DISTRICT_OFFICE + district.removeprefix("เขต")) if district else None


def achiever_is(achiever: str, mention: Mention) -> bool:
    """Whether the bare word before "คว้า" is (part of) the agency's name: "ราชทัณฑ์" of กรมราชทัณฑ์."""
    return squash(achiever) in squash(mention.name) or squash(achiever) in squash(mention.printed)


def affiliation_of(text: str, earlier: list[Mention], ministry: Mention) -> bool:
    """Whether a ministry is written right after an agency as the agency's own ("กรมX (วศ.) กระทรวงY")."""
    return bool(earlier) and earlier[-1].role == SUBJECT \
        and _AFFILIATION_GAP.fullmatch(text, earlier[-1].end, ministry.start) is not None


_AFFILIATION_GAP = re.compile(r"\s*(?:สังกัด|ใน|ของ)?\s*")
_OF_THE_MINISTRY = re.compile(r"(?:ภาพรวม|ระดับ|ทั้ง)(?:ของ)?\s?กระทรวง")
# "ในกระทรวง อว.": a short form after the word; "ได้ที่ 1 ประเภทองค์การมหาชน ด้วยคะแนน 95.54": the agency's place
_WITHIN = re.compile(r"(?:(?:ใน|ภายใน|สังกัด|ของ)\s?(?:กระทรวง|ประเภท|กลุ่ม)?"
                     r"|(?:ที่|อันดับ(?:ที่)?)\s?\d{1,3}\s?(?:ของ|ใน)?\s?(?:ประเภท|กลุ่ม))\s?$")


def _headline_of(text: str, mention: Mention, position: int) -> bool:
    """"กระทรวงดิจิทัลฯ แชมป์หน่วยงานโปร่งใสสุด ได้คะแนน 95.42": a ministry the clause is about, a few words
    before its own score (no number between)."""
    between = text[mention.end:position]
    return position - mention.end <= _HEADLINE_REACH and not re.search(r"\d", between) and "ได้" in between


# "อบต.ดอนแก้ว ของอำเภอแม่ริม": a place written right after an agency is where that agency is.
_OF_PLACE = re.compile(r"\s*(?:ของ|ใน)?\s*")
# "…ซึ่งเป็นคนละหน่วยงานกับ อบต.ข ได้ 88.42", "…ในอำเภอเดียวกันกับ ทต.ข", "…สูงกว่า อบต.ข": an agency compared with is not the
# sentence's subject, unless the value is its own ("…กับ อบต.ข ที่ได้ 85.00").
# ("A กับ B" alone is a list: กับ counts only after a word of comparison.)
_COMPARED_BEFORE = re.compile(r"(?:(?:คนละ|ต่าง|เหมือน|เทียบ|เดียว)\S{0,12}กับ|กว่า|ต่างจาก|แทน)\s?$")


def _location_of_previous(text: str, place: Mention, earlier: list[Mention]) -> bool:
    previous = earlier[-1] if earlier else None
    return (previous is not None and previous.role == SUBJECT
            and _OF_PLACE.fullmatch(text, previous.end, place.start) is not None)


def _compared_with(text: str, mention: Mention, position: int) -> bool:
    return (_COMPARED_BEFORE.search(text, max(0, mention.start - 30), mention.start) is not None
            and "ที่" not in text[mention.end:position])


def in_address(text: str, place: Mention, earlier: list[Mention]) -> bool:
    """Whether a province or district is named as part of an address: after a sub-district, a village
    number or a district that is itself part of an address."""
    if _ADDRESS_BEFORE.search(text, max(0, place.start - 40), place.start):
        return True
    previous = earlier[-1] if earlier else None
    return (previous is not None and previous.role == PLACE and not text[previous.end:place.start].strip()
            and in_address(text, previous, earlier[:-1]))


def coordinated_list(text: str, upto: list[Mention]) -> tuple[Mention, ...]:
    """The last mention of `upto` with the mentions listed together with it before it: same role,
    separated only by commas, spaces, "และ" or "กับ", at least one of those words or a comma
    among the gaps."""
    last = upto[-1]
    members = [last]
    joined = False
    for mention in reversed(upto[:-1]):
        gap = text[mention.end:members[0].start]
        if mention.role != last.role or not _LIST_GAP.fullmatch(gap):
            break
        joined = joined or bool(_JOINED.search(gap))
        members.insert(0, mention)
    return tuple(members) if joined else (last,)


def _clause_after(text: str, mention: Mention, until: int) -> str:
    clause = text[mention.end:until]
    end = _CLAUSE_END.search(clause)
    return clause[:end.start()] if end else clause


def _respective_scores(text: str, last: Mention, until: int) -> int:
    """How many scores a clause pairs "respectively" with the names before it (0 without ตามลำดับ):
    "สพป.X เขต 3 และเขต 5 ได้ 89.50 และ 86.27 คะแนน ตามลำดับ" pairs two with names we read as one."""
    clause = _clause_after(text, last, until)
    respectively = clause.find(_RESPECTIVELY)
    return len(_SCORE_NUMBER.findall(clause[:respectively])) if respectively >= 0 else 0


def _list_owners(text: str, members: tuple[Mention, ...], position: int, is_score: bool, until: int) -> Owners:
    """A word after a list belongs to every member; scores after it only one each, and only when the
    text pairs them in order."""
    clause = _clause_after(text, members[-1], until)
    numbers = [members[-1].end + m.start() for m in _SCORE_NUMBER.finditer(clause)]
    if not is_score or len(numbers) <= 1:
        return Owners(members)
    respectively = clause.find(_RESPECTIVELY)
    paired = [n for n in numbers if respectively < 0 or n < members[-1].end + respectively]
    if respectively >= 0 and len(paired) == len(members) and position in paired:
        return Owners((members[paired.index(position)],))
    return Owners((), True, members)  # several scores after several agencies, no order given: no guess


# "ในปี 2564 จ.กาญจนบุรี ผ่านประเมิน มีคะแนน…": a year written right before an agency's name dates
# what the sentence says of it.
# "ผลการประเมิน ฯ ประจำปี 2562 ปรากฏว่ากรมX ได้…": "it turned out that" joins the year to the agency too
_YEAR_BEFORE_NAME = re.compile(r"(?:ปี|ปีงบประมาณ|พ\.ศ\.)\s?(?:พ\.ศ\.)?\s?(25\d\d)\s?"
                               r"(?:ที่|ซึ่ง|นั้น|ปรากฏว่า|ปรากฎว่า|พบว่า)?\s?$")


def year_before(text: str, mention: Mention) -> int | None:
    """The B.E. year written right before a mention in its line, or None."""
    match = _YEAR_BEFORE_NAME.search(text, max(0, mention.start - 30), mention.start)
    return int(match.group(1)) if match else None


_PROVINCE = "จังหวัด"
_PROVINCIAL_ADMINISTRATION = "องค์การบริหารส่วนจังหวัด"


def provinces_doubtful(named: set[str], with_values: set[str]) -> set[str]:
    """Provinces ("จังหวัดX") given values in a text that also names X's provincial administration
    ("องค์การบริหารส่วนจังหวัดX", "อบจ.X") without any value of its own: news of the administration
    often writes "จังหวัดX" for it, so whose values they are is unclear."""
    return {name for name in with_values if name.startswith(_PROVINCE)
            and (pao := _PROVINCIAL_ADMINISTRATION + name.removeprefix(_PROVINCE)) in named
            and pao not in with_values}


def respective_words(text: str, mentions: list[Mention], words: str) -> list[tuple[Mention, str, int, int]]:
    """Words written as a series "respectively" after a list of agencies ("สพป.ก, สพป.ข และ สพม.ค … อยู่ใน
    ระดับ ผ่านดีเยี่ยม ผ่านดี และผ่าน ตามลำดับ"), one per agency in order: (agency, word, start, end of
    the series). A series whose count differs from the list's gives nothing."""
    quoted = rf"[\"“”']?(?:{words})[\"“”']?"
    # a separator between every two words: with none, "AA AA A" could be cut up in exponentially many
    # ways before ตามลำดับ is found missing
    separator = r"(?:\s*,\s*(?:และ)?\s*|\s*และ\s*|\s+)"
    series = re.compile(rf"[\"“”']?({words})[\"“”']?(?:{separator}{quoted})+\s?{_RESPECTIVELY}")
    one = re.compile(rf"{words}")
    found = []
    for match in series.finditer(text):
        before = [m for m in mentions if m.end <= match.start() and m.role == SUBJECT]
        if not before:
            continue
        members = coordinated_list(text, before)
        printed = one.findall(text, match.start(), match.end())
        if len(members) == len(printed) > 1:
            found += [(member, word, match.start(), match.end()) for member, word in zip(members, printed)]
    return found


_NAMED_AFTER = "(?:ได้แก่|ประกอบด้วย)"
# "ระดับดีเยี่ยม (AA)": the level's Thai name may come before its letters
_LEVEL_NAME = r"(?:[\u0e01-\u0e4e]{1,10}\s?\(\s?)?"


def grade_of_named(text: str, mentions: list[Mention], words: str) -> list[tuple[Mention, str, int]]:
    """A grade or level stated for a group whose members are then named: "หน่วยงานที่ได้ระดับ AA มี 5
    หน่วยงาน ได้แก่ 1) กรมก … 2) กรมข …" gives each named agency that grade: (agency, word, position of
    the word). The members run to the next grade or level word, or the end of the line."""
    # "… ที่ได้ระดับ AA มี 5 หน่วยงาน ได้แก่", or the level heading its list: "ส่วนระดับผ่านดี ได้แก่ อบจ.ก และ …"
    # "หน่วยงานที่มีผลการประเมิน “ผ่านดีเยี่ยม” แบ่งเป็นกลุ่ม … ได้แก่": the level quoted after the result's name
    group = re.compile(rf"(?:(?:ได้|อยู่ใน|ผลการประเมิน|ใน)\S{{0,12}}ระดับ\s?{_LEVEL_NAME}[\"“”']?({words})[\"“”']?"
                       rf"|ผล(?:การ)?ประเมิน\s?[\"“”']({words})[\"“”'])(?![A-Za-z])"
                       rf"(?:(?!ระดับ)[^\n]){{0,80}}?{_NAMED_AFTER}"  # no other level in between
                       rf"|ระดับ\s?[\"“”']?({words})[\"“”']?(?![A-Za-z])\s?,?\s?{_NAMED_AFTER}")
    found = []
    for match in group.finditer(text):
        after = re.search(rf"(?:ระดับ\s?[\"“”']?|[\"“”'])(?:{words})", text[match.end():])
        end = match.end() + after.start() if after else len(text)
        word = next(group for group in (1, 2, 3) if match.group(group))
        for mention in mentions:
            if match.end() <= mention.start < end and mention.role == SUBJECT:
                found.append((mention, match.group(word), match.start(word)))
    return found


# "หน่วยงานที่ไม่ผ่านเกณฑ์ ได้แก่ กรมก กรมข และกรมค", "มีหน่วยงานสอบตก … ในจำนวนนั้น มี สมช. สตช. และ ปภ. รวมอยู่ด้วย":
# a failing class whose members are then named
@cache
def _failed_class(rubric: Rubric) -> tuple[re.Pattern, re.Pattern]:
    """The class that failed, and where the list of its members ends (not at ". ": abbreviations end
    so, "สมช. สตช.")."""
    failed, passed = re.escape(rubric.failed_word), re.escape(rubric.passed_word)
    return (re.compile(rf"(?:หน่วยงาน|ส่วนราชการ)(?:ที่)?\s?(?:{failed}(?:เกณฑ์|การประเมิน)?|สอบตก)"
                       rf"(?:(?!{passed}|ระดับ|คะแนน)[^\n]){{0,60}}?(?:ได้แก่|ประกอบด้วย|ในจำนวน(?:นั้น|นี้)\s?(?:มี)?)"),
            re.compile(rf"รวมอยู่ด้วย|หน่วยงาน|คะแนน|{passed}|ระดับ|$"))


def failed_of_named(text: str, mentions: list[Mention]) -> list[Mention]:
    """The agencies named as members of a class said to have failed ("หน่วยงานที่ไม่ผ่านเกณฑ์ ได้แก่ …"): each
    failed. A kind of agency named there ("ส่วนใหญ่ได้แก่ องค์กรปกครองส่วนท้องถิ่น") is nobody's result."""
    failed_class, members_end = _failed_class(load_rubric())
    found = []
    for match in failed_class.finditer(text):
        end = members_end.search(text, match.end()).start()
        found += [m for m in mentions if match.end() <= m.start < end and m.role == SUBJECT and m.kind != CATEGORY]
    return found


_MINISTRY_MEAN_REACH = 120


def ministry_of_mean(text: str, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
    """The ministry (or kind of agency) whose mean a score called an average is: "มท. ได้อันดับที่ 2 จาก 20
    กระทรวง โดยมีคะแนนเฉลี่ย 96.02", "ประเภทที่มีคะแนนเฉลี่ยสูงสุด ได้แก่ องค์กรอัยการ 93.12": the one named last
    before it, no agency, place or other score in between, nothing but the average against it (a
    country's average is nobody's)."""
    if "group" in candidate.cues or "average" not in candidate.cues:
        return None
    before = [m for m in mentions if m.end <= candidate.start]
    last = before[-1] if before else None
    if last is None or (last.role != PARENT or last.kind != "ministry") and last.kind != CATEGORY \
            or (candidate.strength - VETO * candidate.cues.count("average") < OVERALL_AT
                # "กระทรวงแรงงานได้คะแนนเฉลี่ยรวมจากทุกกรม 93.69": its mean named as its own is evidence enough
                and not names_own_mean(text, last.end, candidate.start)) \
            or affiliation_of(text, before[:-1], last) \
            or candidate.start - last.end > _MINISTRY_MEAN_REACH \
            or re.search(r"\d\.\d\d(?!\s?%)", text[last.end:candidate.start]):  # its first value (a share is none)
        return None
    return last


# "…มีคะแนนเฉลี่ยภาพรวม 89.01 คะแนน เพิ่มขึ้นจากปีงบประมาณ 2566 ซึ่งอยู่ที่ 86.06 คะแนน": what a mean rose or
# fell from, dated, is the same mean of that year.
_EARLIER_OF_MEAN = re.compile(r"\s?(?:คะแนน)?\s?(?:เพิ่มขึ้น|ลดลง|สูงขึ้น|ต่ำลง|ดีขึ้น)\s?จาก\s?ปี\s?(?:งบประมาณ)?\s?"
                              r"(?:พ\.ศ\.)?\s?(?:25)?\d\d\s?(?:ซึ่ง|ที่)?\s?(?:อยู่ที่|ได้|มีคะแนน(?:เฉลี่ย)?|เท่ากับ)\s?")


def earlier_of_mean(text: str, mean: Candidate, candidate: Candidate) -> bool:
    """Whether `candidate` is the earlier year's value of the mean just before it."""
    return _EARLIER_OF_MEAN.fullmatch(text, mean.end, candidate.start) is not None

