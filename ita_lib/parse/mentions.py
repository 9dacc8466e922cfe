"""Agency mentions in prose: which public bodies a line names, in full or short, and in which role.

A news item names the agency whose result it reports, but also the NACC that announced it, the
ministry the agency belongs to, the group it was ranked in and the places around it. Each mention
gets a role so that a score is given to the agency it is written with, never to the announcer, a
parent or a group.

Recognition uses knowledge, not guesses: type words (data/agency_types.csv: องค์การบริหารส่วนตำบล…,
กรม…, มหาวิทยาลัย…) followed by a name, whole names and abbreviations that are common knowledge
(data/agency_abbreviations.csv), and short forms the text itself links to a full name
("สถาบันส่งเสริมการเรียนรู้ชายฝั่ง (สรช.)", "การประปานครหลวง หรือ MWA").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ita_lib.parse.agency import AgencyType, agency_categories, agency_types, known_abbreviations, known_kinds
from ita_lib.io.document import Line
from ita_lib.text.literals import literal_pattern
from ita_lib.parse.memo import per_parse
from ita_lib.parse.name_words import GENERIC_NAMES, STOP_HINT, STOP_TOKENS, VERB_START
from ita_lib.parse.places import is_district, is_place, is_province

NACC = "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"

# A kind of agency the NACC reports an average for (data/agency_categories.csv); CATEGORY_WORD: a common
# word that names one only after "กลุ่ม" or "ประเภท".
CATEGORY, CATEGORY_WORD = "category", "category_word"
SUBJECT, ASSESSOR, PARENT, GROUP, PLACE, SCOPE, VENUE = ("subject", "assessor", "parent", "group", "place",
                                                         "scope", "venue")

_THAI_LETTER = "\u0e01-\u0e4e"
_LEADING_VOWEL = "\u0e40-\u0e44"  # เ แ โ ใ ไ are written before the consonant they follow
_NAME_RUN = re.compile(f"[{_THAI_LETTER}.]+")
_NAME_START = re.compile(f"[\u0e01-\u0e2e{_LEADING_VOWEL}]")
_PUBLIC_ORG = re.compile(r"\s?\(องค์การมหาชน\)")
_COMPANY = re.compile(rf"บริษัท\s?[{_THAI_LETTER}]+(?:\s[{_THAI_LETTER}]+)?\s?จำกัด(?:\s?\(มหาชน\))?")
_SECONDARY_AREA = "มัธยมศึกษา"  # a secondary-school area office may cover two provinces
_SECOND_PROVINCE = re.compile(rf" ([{_THAI_LETTER}]+)(?![{_THAI_LETTER}.])")
_AREA_NUMBER = re.compile(r"\s?เขต\s?(\d{1,2})(?![\d.])")
_AREA_ONLY = re.compile(r"\s?(?:เขต\s?)?(\d{1,2})(?![\d.])")
_EDUCATION_AREA = "สำนักงานเขตพื้นที่การศึกษา"
# Patterns used with match(text, pos) carry no "^": it would only match at the string's start.
# A short form written right after a full name: "(สรช.)", "(มรภ.เชียงราย)", "หรือ MWA", "(PWA)".
_SHORT_FORM = rf"[\u0e01-\u0e2e][{_THAI_LETTER}]{{0,6}}\.(?:[{_THAI_LETTER}]{{1,12}}\.?)*|[A-Z]{{2,6}}"
_LINK = re.compile(rf"\s?(?:\(\s*({_SHORT_FORM})\s*\)|หรือ\s?({_SHORT_FORM})(?![\w.]))")

_NACC_CORE = "ป้องกันและปราบปรามการทุจริตแห่งชาติ"  # also in misspelt forms of the NACC's name
# Before a name, these make it a group ("กลุ่มมหาวิทยาลัยราชภัฏ": its figures are not an agency's) or
# the scope of a ranking ("สูงสุดในกรุงเทพมหานคร": the figure belongs to the agency named before).
# "แต่ละมหาวิทยาลัย…", "ทุกกรม…": any of a kind, not one agency.
_GROUP_BEFORE = re.compile(r"(?:กลุ่ม|ประเภท|สังกัด|ระดับ|หน่วยงานใน|แต่ละ|ทุก|หลาย|บาง)\s?$")
# "มหาวิทยาลัยราชภัฏกลุ่มภาคเหนือ", "ราชภัฏภาคใต้": a group of universities by region.
_GROUP_NAME = re.compile(r"^มหาวิทยาลัย(?:ราชภัฏ|เทคโนโลยีราชมงคล)?\s?(?:กลุ่ม|ภาค)")
_SCOPE_BEFORE = re.compile(r"(?:(?<!ผล)ใน|ภายใน|ทั่ว)\s?$")
# The NACC is the agency of a sentence only when a score follows it ("สำนักงาน ป.ป.ช. ได้ 91.20").
# A rank after it or before it makes it one of the ranked agencies ("สำนักงาน ป.ป.ช. อยู่อันดับ 3 ด้วยคะแนน
# 93.18"): the announcer itself is never ranked.
# "อันดับ 3 สำนักงานคณะกรรมการ… (ป.ป.ช.) 93.18 คะแนน": a ranked row; its bracketed short form may come first.
_NACC_SCORED = re.compile(r"\s?(?:\([^()\d]{1,15}\)\s?)?(?:\d{1,3}\.\d{1,2}\s?คะแนน|"
                          r"ได้(?:รับ)?(?:ผล)?(?:คะแนน)?(?:มาก|น้อย|เพียง|ถึง)?\S{0,8}\s?\d|มีคะแนน|คะแนน|"
                          r"(?:ได้|อยู่|ติด|ครอง|เป็น)?\s?(?:ใน)?(?:อันดับ|ลำดับ)(?:ที่)?\s?\d)")
# Where a meeting was held ("ณ ห้องประชุมองค์การบริหารส่วนจังหวัดนครพนม", "ที่หอประชุมเทศบาลนครลำปาง"):
# the building of an agency, not the agency doing anything.
_VENUE_BEFORE = re.compile(r"(?:\bณ|ห้องประชุม\S{0,20}|หอประชุม|ที่ทำการ|อาคาร\S{0,15}|สนาม\S{0,10}|โรงแรม\S{0,20})\s?$")
_FROM_NACC = re.compile(r"(?:จาก|โดย)\s?$")
_ASSESSED_BY = re.compile(r"ประเมิน(?:ผล)?\s?โดย\s?$")
RANKED_BEFORE = re.compile(r"(?:อันดับ|ลำดับ)(?:ที่)?\s?\d{1,3}\s?(?:คือ|ได้แก่|ได้แก|:)?\s?[\"“‘']?\s?$")
_OFFICE_OF = re.compile(r"(?:จ\.|อ\.|จังหวัด|อำเภอ)")
_LOCATION = re.compile(
    rf"[\s(]*(?:(?:อำเภอ|อ\.)\s?([{_THAI_LETTER}]+))?[\s,]*(?:(?:จังหวัด|จ\.)\s?([{_THAI_LETTER}]+))?\)?")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int  # after the name and what belongs to it: "(สรช.)", "อ.พาน จ.เชียงราย"
    name: str  # full name, abbreviations expanded
    printed: str
    kind: str
    role: str
    agency_type: str | None = None  # local-government tier ("อบต.", "ทต.") as the contract has it
    district: str | None = None
    province: str | None = None


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=1)
def _type_words() -> tuple[re.Pattern, dict[str, AgencyType]]:
    words: dict[str, AgencyType] = {}
    for kind in agency_types():
        words[kind.prefix] = kind
        if kind.short:
            words[kind.short] = kind
    alternation = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(alternation), words


@lru_cache(maxsize=1)
def _known_names() -> dict[str, tuple[str, str]]:
    """Space-free printed form -> (full name, kind), for abbreviations and full names alike."""
    kinds = known_kinds()
    table = {squash(full): (full, kind) for full, kind in kinds.items()}
    table.update({name: (name, "local") for name in _SPECIAL_LOCAL})
    for short, full in known_abbreviations().items():
        table[squash(short)] = (full, kinds.get(full, "central"))
    for printed, (name, needs_group_word) in agency_categories().items():
        table[squash(printed)] = (name, CATEGORY_WORD if needs_group_word else CATEGORY)
    return table


# Letters that differ by a stroke and are mistyped for each other in official names (ฎ for ฏ).
_LOOKALIKE = {frozenset(pair) for pair in ("ฎฏ", "ชซ", "บป", "ผพ", "ฝฟ", "ขฃ", "คฅ", "ดต", "ศษ", "ลฬ")}


@lru_cache(maxsize=4096)
def canonical(name: str) -> tuple[str, str | None]:
    """The full name and kind of a printed name when the data knows it (also with one look-alike
    letter mistyped), else (name, None)."""
    key = squash(name)
    known = _known_names()
    if key in known:
        return known[key]
    if key.endswith("ฯ") and len(key) >= 8:  # "กระทรวงดิจิทัลฯ": the one known name it shortens
        stem = key[:-1]
        longer = {value for other, value in known.items() if other.startswith(stem) and other != stem}
        if len(longer) == 1:
            return longer.pop()
    if len(key) >= 10:
        for other, value in known.items():
            if len(other) == len(key) and _one_lookalike_apart(key, other):
                return value
    return name, None


def _one_lookalike_apart(a: str, b: str) -> bool:
    differences = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differences) == 1 and frozenset(differences[0]) in _LOOKALIKE


@lru_cache(maxsize=4096)
def _cut_at_verb(tail: str) -> str:
    """The name part of a run of Thai text glued to what follows it."""
    if not STOP_HINT.search(tail):
        return tail
    from pythainlp.tokenize import word_tokenize  # loads a dictionary: only when needed

    tokens = word_tokenize(tail, engine="newmm")
    cut = next((i for i, token in enumerate(tokens) if token in STOP_TOKENS or _two_stops(token)
                or (len(token) > 3 and token.startswith(VERB_START))), len(tokens))
    # A place whose name holds a stop word ("อบต.อาจสามารถ": สามารถ) is kept whole.
    for end in range(len(tokens), cut, -1):
        if is_place("".join(tokens[:end])):
            return "".join(tokens[:end])
    return "".join(tokens[:cut])


def _before_second_name(tail: str) -> str:
    """"กรมหม่อนไหมและกรมการข้าว": two names joined by และ, each with its type word; the first ends at และ
    ("กรมป้องกันและบรรเทาสาธารณภัย" is one name: no type word after และ)."""
    pattern, _ = _type_words()
    for joint in re.finditer("และ|หรือ|กับ", tail):
        if pattern.match(tail, joint.end()):
            return tail[:joint.start()]
    return tail


def _two_stops(token: str) -> bool:
    """A word the cutter's dictionary holds that is two stop words ("ทำคะแนน", "มีผล")."""
    return any(token.startswith(stop) and token[len(stop):] in STOP_TOKENS for stop in STOP_TOKENS
               if len(stop) < len(token))


def _inside_abbreviation(text: str, match: re.Match) -> bool:
    """"พม." in "สพม.": an abbreviation glued to one or two letters after a space is the end of a longer
    abbreviation, no word of its own."""
    return "." in match.group() and re.search(rf"(?:^|[^{_THAI_LETTER}])[{_THAI_LETTER}]{{1,2}}$",
                                              text[max(0, match.start() - 3):match.start()]) is not None


@lru_cache(maxsize=4096)
def _starts_a_word(before: str, rest: str) -> bool:
    """Whether a type word glued to the Thai text before it starts a word there ("โดยกรมพัฒนา…")
    rather than ending another ("มหาศาลนี้" is not ศาล…)."""
    from pythainlp.tokenize import word_tokenize

    position = 0
    for token in word_tokenize(before + rest, engine="newmm"):
        if position == len(before):
            return True
        position += len(token)
        if position > len(before):
            return False
    return False


def _glued_short_form(text: str, match: re.Match, word: AgencyType) -> bool:
    """An abbreviation written without a space after a Thai word ("และอบต.ก", "ได้แก่จ.ข") starts a name
    when it has two letters or more, or when the place after it is a known province or district;
    the "จ." of "อบจ." is not one."""
    short = match.group()
    if short == "จ." and text[max(0, match.start() - 2):match.start()] == "อบ":
        return False
    if len(short) >= 3:
        return True
    if word.kind not in ("province", "district"):
        return False
    run = _NAME_RUN.match(text, match.end())
    place = _cut_at_verb(run.group()) if run else ""
    return is_province(place) if word.kind == "province" else is_district(place)


# The heads of a local government, written glued to its name ("นายกองค์การบริหารส่วนจังหวัดน่าน"); the
# word-cutter's dictionary holds some of these as one word.
_LOCAL_TITLE = re.compile("(?:รอง)?(?:นายก|ปลัด)$")


def _after_local_title(text: str, match: re.Match, word: AgencyType) -> bool:
    return word.kind == "local" and bool(_LOCAL_TITLE.search(text, max(0, match.start() - 7), match.start()))


def _type_mention(text: str, match: re.Match, word: AgencyType) -> Mention | None:
    printed_word = match.group()
    short = printed_word == word.short
    before = text[match.start() - 1] if match.start() else " "
    if short and before == ".":
        return None  # "ม." inside "ก.ม."
    if short and any(text[max(0, match.start() - k):match.end()] in known_abbreviations() for k in (1, 2, 3)):
        return None  # "รพ." inside "สรพ.": the longer abbreviation is another agency's
    if short and re.match(f"[{_THAI_LETTER}]", before) and not _glued_short_form(text, match, word):
        return None  # "ม." ending a word
    if not short and re.match(f"[{_LEADING_VOWEL}]", before):
        return None  # "กรม" inside "โปรแกรม"
    if not short and re.match(f"[{_THAI_LETTER}]", before) and not _after_local_title(text, match, word) and not \
            _starts_a_word(text[max(0, match.start() - 12):match.start()], text[match.start():match.end() + 12]):
        return None
    pos = match.end()
    numbered = _AREA_ONLY.match(text, pos) if short and word.prefix.startswith(_EDUCATION_AREA) else None
    if numbered:  # "สพม.1": an area of the old numbering, named by its number alone
        return Mention(match.start(), numbered.end(), f"{word.prefix} เขต {numbered.group(1)}",
                       text[match.start():numbered.end()], word.kind, SUBJECT)
    if short and text[pos:pos + 1] == " ":
        pos += 1
    run = _NAME_RUN.match(text, pos)
    tail = _before_second_name(_cut_at_verb(run.group())) if run else ""
    if tail.endswith(".") and tail.count(".") == 1 and not short:
        tail = tail[:-1]
    if not tail or not _NAME_START.match(tail) or tail in GENERIC_NAMES or len(tail.rstrip(".")) < 2:
        return None  # "ม.ค." is January, "หน่วยงาน ก." an example
    if short and tail.endswith(".") and canonical(word.prefix + tail)[1] is None and not is_place(tail.rstrip(".")):
        return None  # "มรภ.นศ.": a place abbreviated too, which place is a guess
    if tail.endswith("ฯ") and canonical(word.prefix + tail)[1] is None:
        return None  # "สำนักงานเขตพื้นที่ฯ": a shortened name standing for whichever the text means
    if (word.kind == "province" and not is_province(tail)) or (
            word.prefix == "อำเภอ" and not is_district(tail.rstrip("ฯ")) and not tail.startswith("เมือง")) or (
            word.prefix == "สำนักงานเขต" and not is_district(tail)) or (
            word.prefix == BARE_MUNICIPALITY and not is_place(tail)):
        return None  # "จังหวัดขนาดเล็ก", "จังหวัดและ…" are not provinces; "สำนักงานเขตพื้นที่การศึกษา" no district
        # "เทศบาลพิชัย" (its tier left out) names a place; "เทศบาลขนาดใหญ่" names none
    end = pos + len(tail)
    name = word.prefix + tail
    suffix = _PUBLIC_ORG.match(text, end)
    if suffix:
        name, end = name + " (องค์การมหาชน)", suffix.end()
    area = _AREA_NUMBER.match(text, end)
    if area:  # "สพป.เชียงใหม่ เขต 1": the area number is part of the name
        name, end = f"{name} เขต {area.group(1)}", area.end()
    second = _SECOND_PROVINCE.match(text, end)
    if second and word.prefix.endswith(_SECONDARY_AREA) and is_province(tail) and is_province(second.group(1)):
        name, end = f"{name} {second.group(1)}", second.end()  # "สพม.พิษณุโลก อุตรดิตถ์": one area, two provinces
    full, kind = canonical(name)
    if _NACC_CORE in full:
        full, kind = NACC, "independent"
    agency_type = word.short if word.kind == "local" else None
    return Mention(match.start(), end, full, text[match.start():end], kind or word.kind, SUBJECT,
                   agency_type)


BARE_MUNICIPALITY = "เทศบาล"  # a municipality written without its tier (นคร, เมือง, ตำบล)


# The two local governments of a special form have no type word and no abbreviation of their own.
CAPITAL = "กรุงเทพมหานคร"
_SPECIAL_LOCAL = ("เมืองพัทยา", CAPITAL)


@lru_cache(maxsize=1)
def _data_pattern() -> re.Pattern | None:
    """Every abbreviation and full name of the data, as one pattern (built once)."""
    return literal_pattern(tuple(sorted(set(known_abbreviations()) | set(known_kinds()) | set(_SPECIAL_LOCAL)
                                        | set(agency_categories()))))


def document_links(lines: list[Line]) -> dict[str, tuple[str, str]]:
    """Short forms the text links to a full name: "สถาบันส่งเสริมการเรียนรู้ชายฝั่ง (สรช.)" -> สรช."""
    links: dict[str, tuple[str, str]] = {}
    for line in lines:
        if "(" not in line.text and "หรือ" not in line.text:
            continue  # no short form can follow a name here: the line need not be read
        for mention in _mentions(line.text, {}):
            match = _LINK.match(line.text, _name_end(mention))
            short = match and (match.group(1) or match.group(2))
            if short and short not in links and squash(short) != squash(mention.name):
                links[short] = (mention.name, mention.kind)
    return links


def _name_end(mention: Mention) -> int:
    return mention.start + len(mention.printed)


def find_mentions(text: str, links: dict[str, tuple[str, str]] | None = None) -> list[Mention]:
    """Every agency named in a line, left to right, each with its role."""
    mentions = _mentions(text, links or {})
    # the words before a name that set its role start after the previous name: "กรมการค้าภายใน กรมประมง" ends
    # the one name with ภายใน, which does not make the next a scope
    floors = [max((m.end for m in mentions[:i] if m.end <= mention.start), default=0)
              for i, mention in enumerate(mentions)]
    return [mention for mention in (_with_role(text, m, floor) for m, floor in zip(mentions, floors))
            if mention is not None]


def _mentions(text: str, links: dict[str, tuple[str, str]]) -> list[Mention]:
    # A document's lines are read for their short forms first, then again with them: one reading each.
    # Only the short forms the line holds matter, so a line without any is the reading already made.
    return list(_line_mentions(text, tuple(sorted((k, v) for k, v in links.items() if k in text))))


@per_parse
def _line_mentions(text: str, link_items: tuple[tuple[str, tuple[str, str]], ...]) -> tuple[Mention, ...]:
    links = dict(link_items)
    found: list[Mention] = []
    pattern, words = _type_words()
    for match in pattern.finditer(text):
        mention = _type_mention(text, match, words[match.group()])
        if mention is not None:
            found.append(mention)
    for match in _COMPANY.finditer(text):  # state enterprises that are companies: names hold spaces
        name = re.sub(r"\s+", " ", match.group()).replace("( ", "(")
        found.append(Mention(match.start(), match.end(), name, match.group(), "enterprise", SUBJECT))
    known = _known_names()
    for literal in (_data_pattern(), literal_pattern(tuple(sorted(links)))):
        if literal is None:
            continue
        for match in literal.finditer(text):
            before = text[match.start() - 1] if match.start() else " "
            if re.match(f"[{_THAI_LETTER}.]", before) and (
                    before == "." or _inside_abbreviation(text, match)
                    or not _starts_a_word(text[max(0, match.start() - 12):match.start()],
                                          text[match.start():match.end() + 12])):
                continue
            if "." in match.group() and _OFFICE_OF.match(text, match.end()):
                continue  # "สถ.จ.เชียงใหม่": the department's provincial office, not the department
            full, kind = links.get(match.group()) or known.get(squash(match.group()), (match.group(), "central"))
            found.append(Mention(match.start(), match.end(), full, match.group(), kind, SUBJECT))
    return tuple(_with_locations(text, _with_elided_areas(text, _non_overlapping(found))))


# "สพป.ขอนแก่น เขต 3 และเขต 5", "สภ.… เขต 1, เขต 2": the second area's office is named by its number only.
_ELIDED_AREA = re.compile(r"\s?(?:,|และ|กับ)\s?(?:และ)?\s?เขต\s?(\d{1,2})(?![\d.])")


def _with_elided_areas(text: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for mention in mentions:
        out.append(mention)
        base, _, number = mention.name.rpartition(" เขต ")
        if not base or not number.isdigit():
            continue
        end = mention.end
        while (area := _ELIDED_AREA.match(text, end)) and not any(m.start < area.end() and m.start >= end
                                                                   for m in mentions):
            start = area.start() + area.group().index("เขต")  # the joining word stays between the two
            out.append(replace(mention, start=start, end=area.end(), name=f"{base} เขต {area.group(1)}",
                               printed=text[start:area.end()]))
            end = area.end()
    return out


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    """Longest first where two overlap ("สำนักงานผู้ตรวจการแผ่นดิน" over "ผู้ตรวจการแผ่นดิน")."""
    chosen: list[Mention] = []
    for mention in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _with_locations(text: str, mentions: list[Mention]) -> list[Mention]:
    """A short form in brackets and "อำเภอX จังหวัดY" after a name belong to it."""
    out: list[Mention] = []
    for mention in mentions:
        if out and mention.start < out[-1].end:
            continue  # swallowed by the previous mention's location or short form
        if out and mention.name == CAPITAL and not text[out[-1].end:mention.start].strip():
            # "สำนักงานเขตบางรัก กรุงเทพมหานคร": the capital written after a name is where it is
            out[-1] = replace(out[-1], end=mention.end, province=out[-1].province or CAPITAL)
            continue
        end = mention.end
        link = _LINK.match(text, end)
        if link:
            end = link.end()
        district = province = None
        if mention.kind not in ("province", "district"):
            location = _LOCATION.match(text, end)
            if location and (location.group(1) or location.group(2)):
                district, province = location.group(1), location.group(2)
                end = location.end()
        if mention.kind == "province":
            province = mention.name.removeprefix("จังหวัด")
        elif mention.agency_type == "อบจ." and not province:  # a provincial administration's place is its province
            province = mention.name.removeprefix("องค์การบริหารส่วนจังหวัด")
        out.append(replace(mention, end=end, district=district, province=province))
    return out


def _with_role(text: str, mention: Mention, floor: int = 0) -> Mention | None:
    before = text[max(0, floor, mention.start - 12):mention.start]
    if mention.kind in (CATEGORY, CATEGORY_WORD):
        if mention.kind == CATEGORY_WORD and not _GROUP_BEFORE.search(before):
            return None  # "สตง. ซึ่งเป็นองค์กรอิสระ": a word describing an agency, no category named
        return replace(mention, kind=CATEGORY, role=GROUP)
    if mention.kind == "ministry" or mention.name.startswith("กระทรวง"):
        role = PARENT
    elif mention.name == NACC and (not (_NACC_SCORED.match(text, mention.end) or RANKED_BEFORE.search(before))
                                   or _FROM_NACC.search(before)):
        role = ASSESSOR  # "ได้รับผลการประเมิน … จากสำนักงาน ป.ป.ช. ได้คะแนน 95.63": the assessor, not a subject
    elif _ASSESSED_BY.search(before):
        role = ASSESSOR  # "จากการประเมินโดยสำนักงาน ป.ป.ท.": whoever ran the assessment (before 2562, the PACC)
    elif _GROUP_BEFORE.search(before) or _GROUP_NAME.match(mention.name):
        role = GROUP
    elif _VENUE_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        role = VENUE
    elif _SCOPE_BEFORE.search(before):
        role = SCOPE
    elif mention.kind in ("province", "district"):
        role = PLACE
    else:
        role = SUBJECT
    return replace(mention, role=role)


def whole_mention(cell: str) -> Mention | None:
    """The one agency a table cell names, when the cell is that name and nothing else ("สพป.ลำปาง เขต 1",
    "มรภ.ลำปาง (องค์การมหาชน)" aside from brackets); None otherwise."""
    text = cell.strip()
    mentions = [m for m in find_mentions(text) if m.role == SUBJECT]
    if len(mentions) != 1 or mentions[0].start != 0 or text[mentions[0].end:].strip(" ()"):
        return None
    return mentions[0]


def starts_with_type_word(word: str) -> bool:
    """Whether a word begins with an agency type's full word ("มหาวิทยาลัยราชภัฏ", "กรมราช"): the start of
    a name, even one cut short."""
    pattern, words = _type_words()
    match = pattern.match(word)  # "เทศบาลควร…" starts a sentence about the municipality, not a cut name
    return match is not None and match.group() == words[match.group()].prefix and match.group() != BARE_MUNICIPALITY


def ends_with_type_word(text: str) -> bool:
    """Whether a text ends with a type word and no name after it ("…ผลการประเมินของเทศบาลเมือง"): a name
    a line wrap cut from its type word."""
    pattern, words = _type_words()
    tail = text[-40:]
    return any(match.end() == len(tail) and match.group() == words[match.group()].prefix
               and match.group() != BARE_MUNICIPALITY for match in pattern.finditer(tail))


def is_whole_name_part(word: str) -> bool:
    """Whether a run of Thai letters is all name, no verb glued to it ("มุกดาหาร", not "มุกดาหารได้")."""
    return bool(word) and _cut_at_verb(word) == word


def location_length(text: str) -> int:
    """How much of `text` is a location it starts with ("อำเภอเมืองมุกดาหาร จังหวัดมุกดาหาร …"), 0 if none."""
    match = _LOCATION.match(text)
    return match.end() if match and (match.group(1) or match.group(2)) else 0

