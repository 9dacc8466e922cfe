"""Results written in Thai sentences: agency announcements and news, one agency or several.

Each line is read for agency mentions (mentions.py), score candidates (evidence.py), grades and
result words. Every value is given to the agency it is written with: the nearest agency named
before it in the same line, skipping the NACC announcing the result and the ministries or groups
around it; a value in a line that names no agency belongs to the agency the text is about (the one
named most, headline first) or to `--agency`. A year written right before a value ("ปี 2560 ได้
66.18 คะแนน") is that value's year; otherwise the document's assessed year.

What is collected for one agency and year becomes one record in prose_records.py (several
scores are a conflict there). A text that names no agency gives no record; `ParseReport.notes` says why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ita_lib.rubric import Rubric, alternation, load as load_rubric
from ita_lib.io.document import Document, Line
from ita_lib.parse.indicator_prose import (INDICATOR_WORD_REACH, indicator_after, indicators_before,
                                          indicator_right_before)
from ita_lib.model import Assessment
from ita_lib.parse.years import assessed_year
from ita_lib.parse.bare_provinces import DOUBLE_A, bare_province_results, bare_province_units
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.changes import superseded, superseded_at
from ita_lib.parse.instrument_names import instrument_before
from ita_lib.parse.evidence import INDICATOR_AT, OVERALL_AT, VETO, Candidate, candidates
from ita_lib.parse.mentions import PARENT, PLACE, SUBJECT, VENUE, Mention, document_links, find_mentions
from ita_lib.parse.value_years import WORDS_AFTER_SCORE, year_of_value
from ita_lib.parse.wraps import rejoin_wrapped_sentences
from ita_lib.parse.ranked_prose import ranked_without_scores
from ita_lib.parse.prose_records import (OLD_LEVEL_NAMED, AgencyEvidence, Value, build_record, fuller_names, places_of,
                                         unpaired_warning, with_offices)
from ita_lib.parse.prose_words import (about_ita, example_lines, heading, other_assessment_heading, prose_patterns,
                                       result_word)
from ita_lib.parse.owners import (COUNT_WORDS, Owners, achiever_is, capital_district_office, earlier_of_mean,
                                  failed_of_named, grade_of_named, ministry_of_mean, provinces_doubtful,
                                  respective_words, unnamed_achiever, value_owners, year_before)

# "อปท.แม่ริม 3 แห่งได้ระดับ AA": a count of agencies before the grade makes it theirs, no one's.
# "ส่วนอีกสองแห่งอยู่ในระดับ “ผ่าน”": the count may be written in words; "เกือบ 500 อปท. สอบตก" counts
# agencies by their kind. "ทั้งสามหน่วยงานได้ระดับ AA" is
# all of those just listed: theirs (owners.py shares it).
_COUNT_BEFORE_GRADE = re.compile(r"(?<!ทั้ง)(?<!ทั้ง\s)(?<!\d)(?:\d+|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ)\s?"
                                 r"(?:แห่ง|หน่วยงาน|เขต|สถาบัน|ส่วนราชการ|อปท\.?|อบต\.?|อบจ\.?|จว\.?|จังหวัด)\s?(?:ที่)?\s?"
                                 r"(?:ได้|มี|อยู่)?\S{0,6}\s?$")
# "ระดับ A ขึ้นไปถือว่าผ่านเกณฑ์": a bound of the scale, not a result.
# "ระดับ AA ถึง F", "ระดับ A หรือ B": the scale, not a result.
_GRADE_BOUND_AFTER = re.compile(r"\s?(?:ขึ้นไป|ลงไป|ลงมา|หรือสูงกว่า|หรือต่ำกว่า|หรือดีกว่า|"
                                r"(?:ถึง|[-–]|หรือ)\s?(?:ระดับ\s?)?(?:AA|[A-F])(?![A-Za-z]))")
# Grade letters spelt in Thai, only in quotes after ระดับ / เกรด ("ดี" alone is the word "good").
# "ดี" is not here: ระดับ “ดี” is the word "good" (ผ่านดี, or grade B's Thai name), not the letter D.
_THAI_LETTER_NAMES = {"เอเอ": "AA", "เอ": "A", "บี": "B", "ซี": "C", "อี": "E", "เอฟ": "F"}
_THAI_SPELT_GRADE = re.compile(r"(?:ระดับ|เกรด)\s?[\"“]\s?("
                               + "|".join(sorted(_THAI_LETTER_NAMES, key=len, reverse=True)) + r")\s?[\"”]")
_GRADE_OF_GROUP = re.compile(r"\S{0,3}\s?(?:\)\s?)?(?:จำนวน\s?\d|\d+\s?(?:หน่วยงาน|แห่ง)|หน่วยงาน|แห่ง)")
# What a sentence says of the agency it is about when it prints no number: an award, a rank, a pass.
# "กรมX ITA ลดลง": a rise or fall of its result, with no number.
_OUTCOME = re.compile(r".{0,45}?(ได้รับรางวัล|รับรางวัล|รับมอบรางวัล|รับมอบโล่|รับโล่|คว้า|ผ่านการประเมิน|ผ่านประเมิน|"
                      r"อยู่ในระดับ|ติดอันดับ|ได้รับการประเมิน|ครองแชมป์|ขึ้นแท่น|"
                      r"(?:ITA|คะแนน)\s?(?:ลดลง|เพิ่มขึ้น|ดีขึ้น|สูงขึ้น))")
# What is aimed at, not achieved: "กำหนดให้ทุกเขตพื้นที่ผ่านการประเมิน", "เพื่อให้ได้ระดับผ่านดีเยี่ยม".
# A rule of the scale, not a result: "…95 คะแนนขึ้นไป … จะได้รับการพิจารณาในระดับผ่านดีเยี่ยม",
# "85 คะแนนขึ้นไปถือว่าผ่านการประเมิน".
_TARGET_BEFORE = re.compile(r"(?:(?:กำหนดให้|เพื่อให้|ต้องการให้|มุ่งให้|เป้าหมาย|ตั้งเป้า|มุ่งหวัง|คาดว่า|หวังว่า|"
                            r"เร่ง\S{0,12}ให้)(?:(?!\d+\.\d\d).){0,50}|จะได้(?:รับ)?[^\d]{0,25}|ขึ้นไป\S{0,12}?(?:ถือว่า|จะ)\S{0,10}\s?"
                            r"|(?:ที่)?จะ\s?|ต้อง\s?)$")
# "มหาวิทยาลัยจะต้องมีผลประเมินคุณธรรมและความโปร่งใส… (ITA) อยู่ในระดับสูง": the result an aim names, however
# long the assessment's name between.
_AIMED_RESULT = re.compile(r"(?:จะ)?ต้อง\s?(?:มี|ได้)(?:รับ)?\s?(?:ผล|คะแนน)(?:(?![.!?]\s|\d+\.\d\d).){0,150}$")
# "…พบว่าผ่านเกณฑ์ทุกเขต", "ผ่านการประเมินทั้งหมด": a group's pass, nobody's in particular.
_EVERY_AFTER = re.compile(r"\s?(?:ทุก(?!ปี|ครั้ง|ด้าน|ตัว|ข้อ)\S|ทั้งหมด|ครบทุก)")
# "หน่วยงานที่ผ่านเกณฑ์ 85 คะแนนขึ้นไป เช่น …": a pass word that describes a class of agencies.
_CLASS_BEFORE = re.compile(r"(?:หน่วยงาน|อปท\.?|แห่ง|องค์กร|ส่วนราชการ|สถาบัน|สถานศึกษา|โรงเรียน)\s?(?:ที่|ซึ่ง)\s?(?:ยัง)?\s?$")


@dataclass
class ProseResult:
    records: list[Assessment]
    notes: list[str]


def parse_prose(document: Document, *, year: int | None = None, agency: str | None = None) -> list[Assessment]:
    return read_prose(document, year=year, agency=agency).records


def read_prose(document: Document, *, year: int | None = None, agency: str | None = None) -> ProseResult:
    links = document_links(document.lines)
    # A text headed by another assessment ("ประกาศผลการประเมินประสิทธิภาพ… (LPA)") speaks of it wherever
    # a line does not name the ITA; even there a pass word alone is its, not the ITA's. Its lines are read
    # as printed: a wrapped sentence joined to a line naming the ITA would borrow the name.
    other_text = other_assessment_heading(heading(line.text for line in document.lines if not line.is_row))
    # "ประจำปี" / "2568 เป็นอันดับ…": one sentence
    sentences = document.lines if other_text else rejoin_wrapped_sentences(document.lines)
    text_lines = [line for line in sentences if not line.is_row and line.text.strip()]
    lines = [(line, find_mentions(line.text, links)) for line in text_lines if line.text.strip()]
    document_year, document_year_line = _document_year(document.lines, sentences, year)
    main = _given_agency(agency) or _main_agency(lines)
    evidence: dict[tuple[str, int | None], AgencyEvidence] = {}
    unattributed: list[str] = []

    def collect(line: Line, owners: tuple[Mention, ...], position: int, kind: str, value: Value, back: int = 0):
        """`back`: the value is also the one so many years before the year it is written with."""
        achiever = None if owners or kind not in ("score", "grade") else unnamed_achiever(line.text, position)
        if achiever is not None and (main is None or not achiever_is(achiever, main)):
            office = capital_district_office(achiever, [m for _, ms in lines for m in ms])
            if office is not None:
                at = line.text.rfind(achiever, 0, position)
                owners = (replace(office, start=at, end=at + len(achiever), printed=achiever),)
            elif main is not None:
                unattributed.append(f"{value.value} (line {line.number}: {achiever})")
                return
        for target in owners or (main,):
            collect_one(line, target, position, kind, value, year_before(line.text, target) if owners else None, back)

    def collect_one(line: Line, target: Mention | None, position: int, kind: str, value: Value,
                    named_year: int | None = None, back: int = 0):
        if other_text and kind in ("grade", "result"):
            return
        if target is None:
            unattributed.append(f"{value.value} (line {line.number})")
            return
        earlier = superseded_at(line.text, position)  # "จาก 92.43 (ปี 2567) เป็น 94.64": 92.43 is 2567's
        if earlier is not None and earlier.year is None:
            return  # an earlier value of no written year is no year's: not this text's own
        dated, written = (True, earlier.year) if earlier else year_of_value(line.text, position, kind, document_year)
        if dated and written is None:
            return  # "ปีที่แล้ว ได้ 85.60" in a text of no known year: no year's
        local = written or named_year
        if back:  # "ระดับ A 2 ปีซ้อน": the year before too, when it was graded on the same scale
            year = local or document_year
            if year is None or not load_rubric().same_era(year, year - back):
                return
            local = year - back
        key = (target.name, local or document_year)
        entry = evidence.setdefault(key, AgencyEvidence(target, local or document_year,
                                                   line.number if local else document_year_line))
        if kind == "score":
            entry.scores.append(value)
        elif kind == "grade":
            entry.grades.append(value)
        elif kind == "result":
            entry.results.append(value)
        elif kind == "unpaired":
            entry.unpaired.append(value)
        elif isinstance(kind, str):  # an instrument's code
            entry.instruments.setdefault(kind, []).append(value)
        else:
            entry.indicators.setdefault(kind, []).append(value)

    examples = example_lines(document.lines)
    readable = [(line, mentions, _line_candidates(line.text, mentions)) for line, mentions in lines
                if line.number not in examples and about_ita(line.text, other_text)]
    # "คะแนน 96.02 คั่วที่ 2 จาก 20 กระทรวง … ค่าคะแนนเฉลี่ย 96.02": a number the text calls an average
    # anywhere is an average everywhere
    averages = set().union(*(_averages(line.text, found) for line, _, found in readable))
    for line, mentions, found in readable:
        _read_line(line, mentions, collect, [c if c.value not in averages or c.vetoed else
                                             replace(c, strength=c.strength + VETO, cues=(*c.cues, "average"))
                                             for c in found])
    unit = bare_province_units(document.text, [m for _, ms, _ in readable for m in ms])
    for line, _, _ in readable if unit else ():
        for member, word, at in bare_province_results(line.text, unit):
            kind = "result" if word in load_rubric().all_result_words else "grade"
            collect(line, (member,), at, kind, Value(word, line.number, 1.0 if kind == "result" else 0.0))
    with_values = {e.mention.name for e in evidence.values() if e.has_content()}
    doubtful = provinces_doubtful({m.name for _, mentions in lines for m in mentions if m.role != VENUE}, with_values)
    evidence = with_offices({key: entry for key, entry in evidence.items() if entry.mention.name not in doubtful})
    places = places_of(lines)
    records = [build_record(document, entry, places.get(entry.mention.name, (None, None)))
               for entry in evidence.values() if entry.has_content()]
    records = [r for r in records if r.level is None or r.overall_score is not None]  # a ministry's: its figure
    notes = [f"{entry.mention.name}: " + unpaired_warning(entry.unpaired) for entry in evidence.values()
             if entry.unpaired and not entry.has_content()]
    notes += [f"{name}: its values are left out: the text also names its provincial administration "
              "(องค์การบริหารส่วนจังหวัด), whose they may be" for name in sorted(doubtful)]
    records += _bare_records(document, lines, main, {*doubtful, *(r.agency for r in records)}, document_year,
                             document_year_line, other_text)
    if not other_text:
        records += ranked_without_scores(document, [(line, mentions) for line, mentions, _ in readable],
                                         document_year, document_year_line, {r.agency for r in records})
    named_fuller = {(r.agency, r.fiscal_year) for r in records}
    records = [r for r in records if r.overall_score is not None or r.grade or r.result or r.passed is not None
               or not any((full, r.fiscal_year) in named_fuller for full in fuller_names(r.agency or ""))]
    if unattributed and not records:
        notes.append("a result (" + ", ".join(unattributed[:3]) + ") but no agency named: no record; "
                     "pass --agency NAME if the text is about one agency")
    return ProseResult(records, notes)


def _document_year(lines: list[Line], sentences: list[Line], year: int | None) -> tuple[int | None, int | None]:
    """The assessed year and its line: `--year` first, else the heaviest year mention, as printed or in the
    sentences a wrap cut ("ประจำปี" / "2568"); as printed on a tie (a title joined to its text weighs less)."""
    if year is not None:
        return year, None
    printed, joined = assessed_year(lines), assessed_year(sentences) if sentences is not lines else None
    mention = joined if joined and (printed is None or joined.weight > printed.weight) else printed
    return (mention.year, mention.line) if mention else (None, None)


def _given_agency(name: str | None) -> Mention | None:
    if not name:
        return None
    found = find_mentions(name)
    if found and found[0].start == 0:
        return found[0]
    return Mention(0, len(name), name.strip(), name, "given", SUBJECT)


def main_mention(document: Document) -> Mention | None:
    """The agency a document is about, of any kind, from its mentions."""
    links = document_links(document.lines)
    return _main_agency([(line, find_mentions(line.text, links)) for line in document.lines if line.text.strip()])


def _main_agency(lines: list[tuple[Line, list[Mention]]]) -> Mention | None:
    """The agency a text is about: named most often, the headline counting double; a province
    or district only when no agency is named."""
    weight: dict[str, float] = {}
    first: dict[str, Mention] = {}
    for index, (line, mentions) in enumerate(lines):
        for mention in mentions:
            if mention.role not in (SUBJECT, PLACE):
                continue
            bonus = 2.0 if index == 0 else 1.0
            weight[mention.name] = weight.get(mention.name, 0.0) + bonus * (0.5 if mention.role == PLACE else 1.0)
            first.setdefault(mention.name, mention)
    if not weight:
        return None
    for name in list(weight):  # "กรมราช" cut by a wrap, "ศาลปกครอง" for its office: the longer name's
        longer = _longer_form(name, first)
        if longer is not None and first[name].agency_type is None and first[name].role == SUBJECT:
            weight[longer] += weight.pop(name)
    return first[max(weight, key=lambda name: (weight[name], -list(first).index(name)))]


def _longer_form(name: str, named: dict[str, Mention]) -> str | None:
    """The one longer name in the text that starts with `name`, or is its office ("สำนักงาน" + name)."""
    longer = [other for other in named if other != name and named[other].agency_type is None
              and (other.startswith(name) or other == "สำนักงาน" + name)]
    return longer[0] if len(longer) == 1 else None


def _line_candidates(text: str, mentions: list[Mention]) -> list[Candidate]:
    subjects = [m.end for m in mentions if m.role == SUBJECT]
    agencies = [m for m in mentions if m.role == SUBJECT and m.kind not in ("province", "district")]
    # "กรมวิทยาศาสตร์บริการ (วศ.) กระทรวงการอุดมศึกษาฯ ได้คะแนน…เฉลี่ย": the parent ministry written right
    # after the agency's name is part of how it is named
    parents = [m.end for m in mentions if m.role == PARENT and any(0 <= m.start - a.end <= 2 for a in agencies)]
    return candidates(text, subjects, [m.end for m in mentions if m.role == PLACE],
                      tuple(sorted({*(m.end for m in agencies), *parents})))


def _averages(text: str, found: list[Candidate]) -> set[float]:
    """Scores a line calls an average ("ค่าคะแนนเฉลี่ย 96.02"), printed with two decimals."""
    return {c.value for c in found if ("average" in c.cues or "group" in c.cues)
            and re.fullmatch(r"\d{1,3}\.\d\d", text[c.start:c.end])}


def _read_line(line: Line, mentions: list[Mention], collect, found: list[Candidate]) -> None:
    """The values of one line the caller found to be about the ITA (`_about_ita`), and their candidates."""
    text = line.text
    indicator_ends = []  # "ตัวชี้วัด… ได้ 81.25 คะแนน ไม่ผ่านเกณฑ์": the pass word after it is the indicator's
    mean: tuple[Candidate, Mention] | None = None  # the last ministry's mean read in the line
    for index, candidate in enumerate(found):
        if mean is not None and earlier_of_mean(text, mean[0], candidate):
            collect(line, (mean[1],), candidate.start, "score", Value(candidate.value, line.number, OVERALL_AT))
            continue
        if candidate.vetoed:
            if (ministry := ministry_of_mean(text, candidate, mentions)) is not None:
                collect(line, (ministry,), candidate.start, "score", Value(candidate.value, line.number, OVERALL_AT))
                mean = (candidate, ministry)
            continue
        # "ส่วนที่ 1 ได้ 79.40": a one-digit number names a part or a group and does not end the clause
        previous = max((c.end for c in found[:index] if not (c.end - c.start == 1 and text[c.start].isdecimal())),
                       default=0)
        instrument = _instrument_before(text, candidate, mentions, previous)
        if instrument is not None:  # "แบบวัด OIT ได้ 94.50": neither the overall nor indicator 9
            code, named_right_before = instrument
            owners = value_owners(text, mentions, candidate.start, is_score=False)
            if not owners.blocked and candidate.strength + (2 if named_right_before else 0) >= INDICATOR_AT:
                collect(line, owners.agencies, candidate.start, code,
                        Value(candidate.value, line.number, candidate.strength))
            continue
        after = indicator_after(text, candidate)
        indicators = indicators_before(text, candidate, mentions) or ((after,) if after is not None else ())
        indicator = indicators[0] if indicators else None
        if indicator is not None:
            indicator_ends.append(candidate.end)
        owners = value_owners(text, mentions, candidate.start, is_score=indicator is None)
        if owners.blocked:
            if owners.unpaired and indicator is None and candidate.strength >= OVERALL_AT:
                collect(line, owners.unpaired, candidate.start, "unpaired", Value(candidate.value, line.number))
            elif owners.figure_of is not None and indicator is None and candidate.strength >= OVERALL_AT:
                collect(line, (owners.figure_of,), candidate.start, "score",
                        Value(candidate.value, line.number, candidate.strength))
            continue
        named_right_before = indicator is not None and indicator_right_before(text, candidate)
        if indicator is not None and candidate.strength + (2 if named_right_before else 0) >= INDICATOR_AT:
            for each in indicators:
                collect(line, owners.agencies, candidate.start, each,
                        Value(candidate.value, line.number, candidate.strength))
        elif indicator is None and candidate.strength >= OVERALL_AT:
            collect(line, owners.agencies, candidate.start, "score",
                    Value(candidate.value, line.number, candidate.strength))
    patterns = prose_patterns(load_rubric())
    paired = respective_words(text, mentions, _respective_alternation(load_rubric()))
    for member, word, start, _ in paired:
        kind = "result" if word in load_rubric().all_result_words else "grade"
        collect(line, (member,), start, kind, Value(word, line.number, 1.0))
    spans = [(start, end) for _, _, start, end in paired]
    for member, word, start in grade_of_named(text, mentions, _respective_alternation(load_rubric())):
        kind = "result" if word in load_rubric().all_result_words else "grade"
        collect(line, (member,), start, kind, Value(word, line.number, 1.0))
        spans.append((start, start + len(word)))
    for member in failed_of_named(text, mentions):
        collect(line, (member,), member.start, "result", Value(load_rubric().failed_word, line.number, 1.0))

    def in_series(position: int) -> bool:
        return any(start <= position < end for start, end in spans)

    def of_indicator(position: int) -> bool:
        return any(0 <= position - end <= INDICATOR_WORD_REACH for end in indicator_ends)

    def word_owners(position: int):
        """A grade or level written right after a score is nobody's when the score is, or the ministry's
        whose figure it is ("กระทรวงX ได้คะแนน 95.42 อยู่ในระดับ AA")."""
        score = [c for c in found if c.end <= position and _WORD_OF_SCORE.fullmatch(text, c.end, position)]
        owners = value_owners(text, mentions, score[-1].start, is_score=True) if score else None
        if owners is not None and owners.blocked:
            figure = owners.figure_of is not None and score[-1].strength >= OVERALL_AT
            return Owners((owners.figure_of,)) if figure else Owners((), True)
        return value_owners(text, mentions, position)

    for match in _THAI_SPELT_GRADE.finditer(text):  # ระดับ "เอ": the letter spelt in Thai, in quotes
        owners = value_owners(text, mentions, match.start())
        if not owners.blocked:
            collect(line, owners.agencies, match.start(), "grade",
                    Value(_THAI_LETTER_NAMES[match.group(1)], line.number))
    for match in DOUBLE_A.finditer(text):  # "ดับเบิ้ล A": AA as Thai news spells it
        owners = value_owners(text, mentions, match.start())
        if not owners.blocked and not _TARGET_BEFORE.search(text, max(0, match.start() - 70), match.start()):
            collect(line, owners.agencies, match.start(), "grade", Value("AA", line.number))
    for match in patterns.grade.finditer(text):
        if _GRADE_OF_GROUP.match(text, match.end()) or _grade_of_no_score(text, match.start(), found) \
                or _COUNT_BEFORE_GRADE.search(text, max(0, match.start() - 30), match.start()) \
                or _GRADE_BOUND_AFTER.match(text, match.end()) \
                or _TARGET_BEFORE.search(text, max(0, match.start() - 70), match.start()) \
                or in_series(match.start(1)):  # "ตั้งเป้าหมายปี 63 สู่ระดับ AA": an aim
            continue
        owners = word_owners(match.start())
        if not owners.blocked:
            for back in range(years_running(text, match.end())):
                collect(line, owners.agencies, match.start(), "grade", Value(match.group(1), line.number), back)
    for match in patterns.result.finditer(text):
        word, word_at = result_word(match, load_rubric())
        if _TARGET_BEFORE.search(text, max(0, match.start() - 70), match.start()) or in_series(word_at) \
                or _AIMED_RESULT.search(text, max(0, match.start() - 170), match.start()) \
                or _CLASS_BEFORE.search(text, max(0, word_at - 25), word_at) \
                or _COUNT_BEFORE_GRADE.search(text, max(0, match.start() - 30), match.start()) \
                or _EVERY_AFTER.match(text, match.end()) or of_indicator(match.start()):
            continue  # "กำหนดให้ทุกเขตพื้นที่ผ่านการประเมิน": an aim, not a result
        owners = word_owners(match.start())
        if not owners.blocked:  # a level word ("ระดับผ่านดีเยี่ยม") says more than "ผ่านการประเมิน"
            collect(line, owners.agencies, match.start(), "result",
                    Value(word, line.number, 1.0 if match.group(1) else 0.5))
    for match in patterns.split_level.finditer(text):  # 'ผ่านระดับ “ดีเยี่ยม”' is the level ผ่านดีเยี่ยม
        owners = word_owners(match.start())
        if not owners.blocked and not in_series(match.start()):
            collect(line, owners.agencies, match.start(), "result",
                    Value(load_rubric().passed_word + match.group(1), line.number, 1.0))
    for match in patterns.result_after_score.finditer(text):
        if in_series(match.start(1) if match.group(1) else match.start(2)) or of_indicator(match.start()) \
                or (match.group(1) and patterns.split_level.match(text, match.start(1))):
            continue  # "96.12 ผ่านระดับ “ดีเยี่ยม”": the level is read whole above
        owners = word_owners(match.start())
        if not owners.blocked:
            collect(line, owners.agencies, match.start(), "result",
                    Value(match.group(1) or match.group(2), line.number, 1.0))
    for change in superseded(text):  # "ลดจาก “ผ่านดี” เหลือเพียง “ผ่าน”": the level it came to is the text's
        if change.new_word in load_rubric().all_result_words:
            owners = value_owners(text, mentions, change.new_at)
            if not owners.blocked:
                collect(line, owners.agencies, change.new_at, "result", Value(change.new_word, line.number, 1.0))
        earlier_word = text[change.start + 1:change.end - 1]  # quotes off; kept only with its year
        if change.year is not None and earlier_word in load_rubric().all_result_words:
            owners = value_owners(text, mentions, change.start)
            if not owners.blocked:
                collect(line, owners.agencies, change.start, "result", Value(earlier_word, line.number, 1.0))
    for match in patterns.old_level.finditer(text):
        if _AIMED_RESULT.search(text, max(0, match.start() - 170), match.start()):
            continue  # "จะต้องมีผลประเมิน… (ITA) อยู่ในระดับสูง": an aim
        owners = value_owners(text, mentions, match.start())
        if not owners.blocked:
            # "…การประเมินคุณธรรมและความโปร่งใสระดับสูงมาก": the old scheme's level of the ITA by name says
            # its era when no year is printed
            named = _OLD_LEVEL_OF_ITA.search(text, max(0, match.start() - 40), match.start()) is not None
            collect(line, owners.agencies, match.start(), "result",
                    Value(match.group(1), line.number, OLD_LEVEL_NAMED if named else 0.0))


_OLD_LEVEL_OF_ITA = re.compile(r"(?:คุณธรรม(?:และ)?\s?ความโปร่งใส|ITA\)?)\s?(?:ในการดำเนินงาน(?:ของหน่วยงานภาครัฐ)?)?\s?"
                               r"(?:\(ITA\))?\s?(?:อยู่)?(?:ใน)?\s?$")
_WORD_OF_SCORE = re.compile(WORDS_AFTER_SCORE)
_GRADE_OF_NUMBER = re.compile(r"\s?(?:คะแนน)?\s?[(\[]?\s?$")


# "คว้าระดับ A 2 ปีซ้อน", "ระดับ AA ติดต่อกัน 3 ปี", "AA เป็นปีที่ 2 ติดต่อกัน": the grade of this year and the
# years before it
_N = "([2-5]|" + "|".join(COUNT_WORDS) + ")"
_YEARS_RUNNING = re.compile(rf"\s?(?:(?:ติดต่อกัน|ต่อเนื่อง)\s?(?:เป็น)?\s?(?:เวลา)?\s?{_N}\s?ปี(?!ที่)"
                            rf"|(?:เป็น)?\s?{_N}\s?ปี\s?(?:ซ้อน|ติดต่อกัน|ต่อเนื่อง)"
                            rf"|(?:เป็น)?\s?ปีที่\s?{_N}\s?(?:ติดต่อกัน|ต่อเนื่อง))")


def years_running(text: str, end: int) -> int:
    """How many years running the grade ending at `end` is said to be (1 when nothing is said)."""
    match = _YEARS_RUNNING.match(text, end)
    if match is None:
        return 1
    count = next(group for group in match.groups() if group)
    return COUNT_WORDS.get(count) or int(count)


def _grade_of_no_score(text: str, position: int, found: list[Candidate]) -> bool:
    """A grade written right after a number ("67.90 (เกรด C)") is that number's: when the number is no
    score (a national or group average, a band), the grade is nobody's here."""
    before = [c for c in found if c.end <= position and _GRADE_OF_NUMBER.fullmatch(text, c.end, position)]
    return bool(before) and before[-1].strength < OVERALL_AT


def _instrument_before(text: str, candidate: Candidate, mentions: list[Mention],
                       previous: int) -> tuple[str, bool] | None:
    """The instrument named in the number's clause (back to the previous number or name), if any, and
    whether the number follows its name directly."""
    start = max([0, candidate.start - 90, previous, *(m.end for m in mentions if m.end <= candidate.start)])
    return instrument_before(text[start:candidate.start])


@cache
def _respective_alternation(rubric: Rubric) -> str:
    """Result words and grades, longest first, for a series written "ตามลำดับ"."""
    return alternation((*rubric.all_result_words, *rubric.all_grades))


def _bare_records(document: Document, lines, main: Mention | None, named: set[str], year: int | None,
                  year_line: int | None, other_text: bool) -> list[Assessment]:
    """A text that reports an agency's ITA outcome (an award, a rank, a rise) without any number still
    records that the agency was assessed that year: the text's own agency, and another agency named
    right before such an outcome with no other agency or number between ("ขณะที่ กรมX ITA ลดลง")."""
    if year is None or other_text:
        return []
    found: dict[str, Assessment] = {}
    for line, mentions in lines:
        # a district is no assessed agency (its office is the DOPA's)
        unnamed = [i for i, m in enumerate(mentions) if m.name not in named and m.kind not in ("given", "district")
                   and (m.role == SUBJECT or main is not None and m.name == main.name)]
        if not unnamed or not about_ita(line.text, other_text):
            continue
        for index in unnamed:
            mention = mentions[index]
            own = main is not None and mention.name == main.name
            if mention.name in found:
                continue
            following = mentions[index + 1].start if index + 1 < len(mentions) and not own else len(line.text)
            outcome = _OUTCOME.match(line.text, mention.end, following)
            if outcome is None or not own and re.search(r"\d", outcome.group()) \
                    or _TARGET_BEFORE.search(line.text, mention.end, outcome.start(1)):
                continue  # "สพฐ. ได้กำหนดให้ทุกเขตพื้นที่ผ่านการประเมิน": an aim
            builder = RecordBuilder(document, "prose")
            builder.set("agency", mention.name, line.number)
            builder.set("agency_type", mention.agency_type, line.number)
            builder.set("province", mention.province, line.number)
            builder.set("fiscal_year", year, year_line)
            builder.warn("no_score", "the text reports the agency's ITA result but prints no "
                         "score or grade", line.number)
            found[mention.name] = builder.build()
    return list(found.values())
