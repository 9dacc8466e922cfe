"""Which number in a sentence is an agency's ITA score: a decision over evidence.

Every number from 0 to 100 in a line is a candidate. The words right before it (back to the
previous number or agency name) and right after it are matched against the cue table below; the
weights add up to the candidate's strength. A number is read as an overall score at strength
``OVERALL_AT`` or more; an indicator score needs an indicator name in its clause and
``INDICATOR_AT``. A veto cue (weight ``VETO``) marks what the number is instead: a rank, a count,
a year, an average of a group, a change from last year, a threshold.

Cue table (where: "before" matches the end of the text before the number, "clause" anywhere in
it, "after" the start of the text after it):

| cue              | where  | weight | example                                   |
|------------------|--------|--------|-------------------------------------------|
| points_after     | after  |   +3   | "91.37 คะแนน"                             |
| score_word       | before |   +3   | "ด้วยคะแนน 94.18", "ผลการประเมิน 90.62"  |
| score_nearby     | clause |   +1   | "คะแนน ITA ในภาพรวม 90.62"                |
| result_before    | before |   +3   | "ผ่านดีเยี่ยม 98.61", "ระดับ AA 96.02"     |
| result_after     | after  |   +3   | "ได้ 91.05 ผ่านดี" (a level as the number's unit) |
| dated            | before |   +2   | "ปีที่แล้ว (2567) เราได้ 93.50": a year and its verb (value_years.py) |
| verb             | before |   +1   | "ได้รับ 91.37", "ที่ 97.26", "ถึง 98.83"  |
| after_name       | before |   +3   | "อบต.หนองแวง 96.41", "กรมป่าไม้ (95.10)"  |
| two_decimals     | number |   +1   | ITAS prints scores with two decimals      |
| integer          | number |   -1   | "ที่ 1", "85"                             |
| rank             | before |  veto  | "อันดับที่ 14", "คว้าที่ 2"                |
| average / group  | clause |  veto  | "คะแนนเฉลี่ย 88.20", "ทั่วประเทศ 88.20"   |
| change           | clause |  veto  | "เพิ่มขึ้น 12.40" (not "เพิ่มขึ้นเป็น 95.10", "เพิ่มขึ้นจาก 88.10": parse/changes.py) |
| threshold        | before |  veto  | "คะแนนเต็ม 100", "ไม่น้อยกว่า 85"          |
| target           | clause |  veto  | "ตั้งเป้าหมายให้ได้คะแนน 95.00", "จะได้ 0 คะแนน" |
| threshold_after  | after  |  veto  | "85 คะแนนขึ้นไป"                          |
| percent          | after  |  veto  | "100%", "ร้อยละ" after                    |
| share            | before |  veto  | "84 แห่ง คิดเป็นร้อยละ 84.85"              |
| other_measure    | clause |  veto  | "หลังอบรมเพิ่มเป็น 88.75" (a training's test) |
| count            | after  |  veto  | "87 สถาบัน", "3 ปีซ้อน", "7 หน่วยงาน"     |
| year / date      | before |  veto  | "ปี 65", "วันที่ 20", "20 ส.ค."           |
| index            | clause |  veto  | "ดัชนีความโปร่งใส 82.45" (before 2562)    |
| reference        | before |  veto  | "โทร", "ตารางที่", "ชั้น 3", "อาคาร 4"     |
| range            | around |  veto  | "AA (95.00–100.00 คะแนน)", "85 ถึง 94.99" |
| list_marker      | after  |  veto  | "2) กรมส่งเสริมสหกรณ์": an integer closed by ")" |
| gap              | before |  veto  | "ต่ำกว่าเกณฑ์ 85 คะแนนเพียง 0.88" (under 10 only) |
| series           | number |  shared | "ได้ 97.86, 95.33 และ 91.04 คะแนน": each has the series' strength |
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ita_lib.rubric import Rubric, alternation, load as load_rubric
from ita_lib.parse.value_years import dating_before

VETO = -20.0
OVERALL_AT = 4.0
INDICATOR_AT = 2.0

_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
           "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.",
           "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
_COUNT_WORDS = ("หน่วยงาน", "แห่ง", "ราย", "คน", "ประเภท", "ตัวชี้วัด", "ข้อ", "ปี", "ครั้ง", "สถาบัน",
                "ส่วนราชการ", "จังหวัด", "อำเภอ", "ด้าน", "รางวัล", "เท่า", "วัน", "เดือน", "ชั้น", "อาคาร",
                "ห้อง", "กระทรวง", "องค์กร", "มหาวิทยาลัย", "โรงเรียน", "สมัย", "ลำดับ", "อันดับ", "ดัชนี",
                "ขั้น", "เรื่อง", "โครงการ", "มาตรการ", "ท่าน", "กลุ่ม", "แบบ", "ฉบับ", "ชม", "นาที",
                "ชั่วโมง", "ล้าน", "พัน", "หมื่น", "แสน", "บาท", "ทีม", "เขต", "ตำบล", "หมู่",
                "ศูนย์", "สถานี", "เทศบาล", "อบต")
_CUES: tuple[tuple[str, str, re.Pattern | None, float], ...] = (
    ("points_after", "after", re.compile(r"^\s?(?:คะแนน(?!เฉลี่ย)|points?\b)"), 3.0),  # not "84.85 คะแนนเฉลี่ย…"
    # "คะแนน ITA ปีนี้ ร้อยละ 58.13", "มีคะแนนสูงถึงร้อยละ 91.10": news writes a score as a percentage
    # "ได้คะแนนการประเมินอยู่ที่ 95.94", "คะแนนจากการประเมิน 91.20", "ผลประเมินคุณธรรมความโปร่งใส 88.5": the
    # score's own name, written out
    ("score_word", "before", re.compile(r"(?:คะแนน(?:(?:จาก)?การประเมิน|ประเมิน)?|ผลการประเมิน|ผลประเมิน|ผลรวม|ITA|ภาพรวม)"
                                       r"\s?(?:ITA\s?|คุณธรรม(?:และ)?\s?ความโปร่งใส\s?)?"
                                       r"(?:(?:(?:ประจำ)?ปี(?:งบประมาณ)?\s?(?:พ\.ศ\.)?\s?)?\d{2,4}\s?|(?:ใน)?ปีนี้\s?)?"
                                       r"(?:รวม|ภาพรวม)?\s?(?:สูงถึง|ต่ำเพียง|เท่ากัน)?\s?"
                                       r"(?:ร้อยละ)?\s?(?:ได้|เท่ากับ|อยู่ที่|ที่|:|=|คือ|ถึง|จำนวน)?\s?"
                                       r"(?:ร้อยละ)?\s?$"), 3.0),  # "ได้คะแนนอยู่ที่ร้อยละ 89.62"
    ("result_before", "before", None, 3.0),  # made from the rubric's words by _cues
    ("result_after", "after", None, 3.0),  # "ได้ 91.05 ผ่านดี": a level right after the number, as a unit
    ("score_nearby", "clause", re.compile(r"คะแนน|ผลการประเมิน"), 1.0),
    ("verb", "before", re.compile(r"(?:ได้|ได้รับ|ด้วย|ที่|จำนวน|อยู่ที่|เท่ากับ|ถึง|รวม|เพียง|คือ|เป็น|:|=)\s?$"), 1.0),
    ("rank", "before", re.compile(r"(?:อันดับ|ลำดับ|ลําดับ)\s?(?:ที่)?\s?$|(?:คว้า|ได้|เป็น|ติด)ที่\s?$"), VETO),
    # pre-2562 index scores are not the overall ("ประเมินจาก 5 ดัชนี ผลการประเมินได้คะแนนรวม 87.46" is)
    ("index", "clause", re.compile(r"ดัชนี(?!.*(?:คะแนนรวม|ภาพรวม|ผลรวม))"), VETO),
    ("average", "clause", re.compile(r"เฉลี่ย|average", re.IGNORECASE), VETO),
    ("group", "clause", re.compile(r"ทั่วประเทศ|ทั้งประเทศ|ระดับประเทศ|ทุกหน่วยงาน"), VETO),
    ("change", "clause", re.compile(r"(?:เพิ่มขึ้น|ลดลง|มากกว่า|น้อยกว่า|สูงกว่า|ต่ำกว่า|สูงขึ้น|ต่ำลง|ต่างกัน|ห่าง|"
                                   r"ขยับ|พัฒนาขึ้น|ดีขึ้น)(?!\S*เป็น\s?$)(?!(?:อย่าง\S{1,12}\s?)?\s?จาก(?:เดิม)?\s?$)"
                                   r"(?!.*โดย)"), VETO),  # "ดีขึ้นกว่าปีที่แล้ว โดยได้ 92.40": what it came to
    # Last year's value, unless the sentence dates it ("ปีที่แล้ว ซึ่งเทศบาลได้ 85.60": value_years.py);
    # "ดีขึ้นกว่าปีที่แล้ว" only compares
    ("last_year", "clause", re.compile(r"(?<!กว่า)(?<!กว่า\s)(?:ปีที่แล้ว|ปีก่อน)(?!\S*เป็น\s?$)(?!จาก(?:เดิม)?\s?$)"),
     VETO),
    ("threshold", "before", re.compile(r"(?:เกณฑ์\S{0,6}|ไม่น้อยกว่า|ไม่ต่ำกว่า|อย่างน้อย|ตั้งแต่|เป้าหมาย|เต็ม|ไม่ถึง|"
                                      r"(?<!คะแนนสูง)ถึงร้อยละ)"
                                      r"\s?(?:คะแนน)?\s?(?:ที่)?\s?$"), VETO),
    # "… จะได้ 0 คะแนนในข้อนั้น": what would happen, not what did
    ("target", "clause", re.compile(r"เป้าหมาย|ตั้งเป้า|คาดว่า|คาดหวัง|มุ่งหวัง|ให้ได้|ไม่น้อยกว่า|อย่างน้อย|ต้องได้|จะได้"),
     VETO),
    ("threshold_after", "after", re.compile(r"^\s?(?:คะแนน)?\s?(?:ขึ้นไป|เป็นต้นไป)"), VETO),
    ("percent", "after", re.compile(r"^\s?(?:%|เปอร์เซ็นต์|percent|per cent)"), VETO),
    # "84 แห่ง คิดเป็นร้อยละ 84.85": a share of a count, not a score
    ("share", "before", re.compile(r"คิดเป็น\s?(?:ร้อยละ)?\s?$"), VETO),
    # "คะแนนเฉลี่ยก่อนอบรม 62.40 … หลังอบรมเพิ่มเป็น 88.75": a test of a training, not the ITA
    ("other_measure", "clause", re.compile(r"ทดสอบ|อบรม|pre-?test|post-?test", re.IGNORECASE), VETO),
    # "3 ปีซ้อน" counts years; "ได้ 93.50 ปีนี้ขยับขึ้น…" starts the next clause with "this year"
    ("count", "after", re.compile(r"^\s?(?:" + "|".join(_COUNT_WORDS) + r")(?<!ปี)|^\s?ปี(?!นี้|ที่แล้ว|ก่อน|งบ)"),
     VETO),
    ("year", "before", re.compile(r"(?:ปี|พ\.ศ\.|ปีงบประมาณ|ค\.ศ\.|วันที่|ณ วัน\S*)\s?$"), VETO),
    ("date", "after", re.compile(r"^\s?(?:" + "|".join(re.escape(m) for m in _MONTHS) + ")"), VETO),
    ("reference", "before", re.compile(r"(?:โทร\S*|ตารางที่|รูปที่|ข้อ|ข้อที่|ครั้งที่|หมู่ที่|หมู่|ชั้น|อาคาร|ห้อง\S*|เลขที่|"
                                      r"ฉบับที่|มาตรา|ประเภทที่|กลุ่มที่|ปีที่|สมัยที่|รุ่นที่|เขต|เขตที่)\s?$"), VETO),
)


@cache
def _cues(rubric: Rubric) -> tuple[tuple[str, str, re.Pattern, float], ...]:
    """The cues, with the result words and grades of the rubric: "ผ่านดีเยี่ยม 98.61", "ระดับ AA 96.02"."""
    words, grades = alternation(rubric.result_words), "|".join(rubric.grades)  # longest word first
    made = {"result_before": re.compile(rf"(?:{words}|ระดับ\s?(?:{grades}))\s?[:\-–]?\s?$"),
            # not "ผ่านมา", "ผ่านการ…": the pass word as a verb
            # "95.10 (ระดับผ่านดี)", "88.20 (ระดับ A)"
            "result_after": re.compile(rf"^\s?[\"“'(]?\s?(?:(?:ระดับ|เกรด)\s?(?:{grades})(?![A-Za-z])|"
                                       rf"(?:ระดับ\s?)?(?:{words})(?!มา|การ|พ้น|ไป))")}
    return tuple((name, where, made[name] if pattern is None else pattern, weight)
                 for name, where, pattern, weight in _CUES)


# A number 0–100 with at most two decimals that is not part of a date, a time, a code, a
# thousands group or a longer number.
_NUMBER = re.compile(r"(?<![\d.,:/\-])(\d{1,3}(?:\.\d{1,2})?)(?![\d:/]|,\d|\.\d|-\d)")  # "95.10, EIT" ends at ,
# Either end of a range ("AA (95.00–100.00 คะแนน)", "ตั้งแต่ 85 ถึง 94.99"): a band, not a score.
_RANGE_AFTER = re.compile(r"\s?(?:คะแนน)?\s?(?:[-–—~]|ถึง)\s?\d")
_RANGE_BEFORE = re.compile(r"\d\s?(?:คะแนน)?\s?(?:[-–—~]|ถึง)\s?$")
_ANY_NUMBER = re.compile(r"\d[\d,.]*")
_COUNT_AFTER = re.compile(r"\s?(?:" + "|".join(_COUNT_WORDS) + ")")
# "ต่ำกว่าเกณฑ์ 85 คะแนนเพียง 0.88 คะแนน": a small number after เพียง / อีก is a distance to a mark.
_LIST_MARKER_AFTER = re.compile(r"\)\s?[^\d\s]")
_GAP_BEFORE = re.compile(r"(?:เพียง|อีก|ห่าง\S{0,4}|ขาด\S{0,3})\s?$")


@dataclass(frozen=True)
class Candidate:
    value: float
    start: int
    end: int
    strength: float
    cues: tuple[str, ...]
    paren: bool = False  # printed "(N)" right after a name, which owns it (English ranked lists)

    @property
    def vetoed(self) -> bool:
        return self.strength <= VETO / 2


# "กรุงเทพมหานครได้คะแนนเฉลี่ย 88.98": an agency's own score is the mean of its instruments' too
# ("กรมประชาสัมพันธ์ผ่านการประเมินค่า (ITA) ด้วยคะแนนเฉลี่ย 86.48", "ได้คะแนนการประเมินอยู่ที่ค่าเฉลี่ย 85.39"),
# when no group is named between; the year may be named in it ("ได้คะแนนประเมิน ITA ปี 2564 เฉลี่ย 89.45")
_OWN_MEAN = re.compile(r"(?:(?!ของ|กลุ่ม|ประเทศ|ทั้ง|ทุก|หน่วยงาน|จังหวัด|กระทรวง|ภาค)[^\d]){0,40}?"
                       r"(?:ได้|ด้วย)?(?:รับ)?\s?(?:ผล)?(?:คะแนนเฉลี่ย|คะแนน(?:การประเมิน)?\s?(?:อยู่ที่|เท่ากับ)?\s?ค่าเฉลี่ย"
                       r"|คะแนน(?:การ)?ประเมิน\s?(?:ITA)?\s?(?:ปี(?:งบประมาณ)?\s?(?:พ\.ศ\.)?\s?25\d\d\s?)?เฉลี่ย)"
                       r"(?:รวม)?\s?(?:(?:จาก|ของ)ทุก(?:กรม|หน่วยงาน)(?:ในสังกัด)?\s?)?"  # a ministry's, of its departments
                       r"(?:ITA)?\s?(?:เท่ากับ|ที่|อยู่ที่)?\s?")


def candidates(text: str, boundaries: list[int] = (), places: list[int] = (),
               agencies: tuple[int, ...] = ()) -> list[Candidate]:
    """Every number of a line with its strength as a score. `boundaries` are positions (ends of
    agency names) where a clause starts: cues never reach back across them. `places` (ends of place
    names) start a clause too, except for what says a number is a group's ("ค่าเฉลี่ยของกลุ่มจังหวัด…
    (เชียงราย น่าน พะเยา แพร่) ที่ 90.36": an average, whatever place is named in between). A sentence a PDF
    wrapped arrives joined (wraps.rejoin_wrapped_sentences). `agencies` (ends of names of one agency, not
    of a province or a group) own a mean written right after them."""
    found = []
    for match in _NUMBER.finditer(text):
        value = float(match.group(1))
        if value > 100:
            continue
        dating = dating_before(text, match.start())  # "ปีที่แล้ว ซึ่งได้ 85.60": the dated part starts after it
        dated_at = (dating.end if dating.relative else dating.start) if dating else 0
        before = _clause_before(text, match.start(), (*boundaries, *places))
        if source := _FROM_ASSESSOR.search(text, max(0, match.start() - 120), match.start()):
            # "ได้คะแนนการประเมินจากสำนักงาน ป.ป.ช. อยู่ที่ 95.06": who gave the score is an aside
            before = _clause_before(text, source.start(), (*boundaries, *places)) + source.group(1)
        dated = text[max(match.start() - len(before), dated_at):match.start()]
        wide = _clause_before(text, match.start(), boundaries, 100) if places else before
        after = text[match.end():match.end() + 25]
        after = after[:m.start()] if (m := _ANY_NUMBER.search(after)) else after
        strength, cues = _weigh(match.group(1), _Clause(before, dated, wide), after)
        if any(0 <= match.start() - b <= 3 + _ASIDE_REACH and not _ASIDE.sub("", text[b:match.start()]).strip(" :(-–")
               for b in (*boundaries, *places)):  # "จังหวัดพัทลุง (ราชการส่วนภูมิภาค) : 95.40": an aside between
            strength, cues = strength + 3.0, (*cues, "after_name")
        if "average" in cues and (any(_OWN_MEAN.fullmatch(text, b, match.start()) for b in agencies)
                                  or _own_dated_mean(text, match.start(), dating, agencies, (*boundaries, *places))):
            strength, cues = strength - VETO + 3.0, (*(c for c in cues if c != "average"), "own_mean")
        if re.search(r"\.\d\d$", match.group(1)) and dating is not None:
            strength, cues = strength + 2.0, (*cues, "dated")  # "ปีที่แล้ว (2567) เราได้ 93.50"
        if "." not in match.group(1) and _LIST_MARKER_AFTER.match(text, match.end()):
            strength, cues = strength + VETO, (*cues, "list_marker")  # "2) กรมส่งเสริมสหกรณ์"
        if value == 100 and _OUT_OF.search(text, max(0, match.start() - 12), match.start()):
            strength, cues = strength + VETO, (*cues, "full_mark")  # "97.96 คะแนน จาก 100 คะแนนเต็ม": the scale
        if value < 10 and _GAP_BEFORE.search(before):
            strength, cues = strength + VETO, (*cues, "gap")
        elif value < 10 and "change" not in cues and _CHANGE_WORD.search(text, 0, match.start()):
            # "ดีขึ้นกว่า ITA62 … ได้ 88.47 คะแนน ถึง 7.65 คะแนน": a small number after a change word
            # anywhere before it in the line is the size of the change.
            strength, cues = strength + VETO, (*cues, "change")
        if _RANGE_AFTER.match(text, match.end()) or _RANGE_BEFORE.search(text, max(0, match.start() - 20),
                                                                         match.start()):
            strength, cues = strength + VETO, (*cues, "range")
        found.append(Candidate(value, match.start(), match.end(), strength, cues))
    return _series_shared(text, found)


def names_own_mean(text: str, name_end: int, position: int) -> bool:
    """The words between a name and a number say the number is that agency's own mean."""
    return _OWN_MEAN.fullmatch(text, name_end, position) is not None


def _own_dated_mean(text: str, position: int, dating, agencies, boundaries) -> bool:
    """"กรมX ได้คะแนนเฉลี่ย 88.44 สูงกว่าปีที่ผ่านมา ซึ่งในปี 2563 ได้คะแนนเฉลี่ย 85.28": a mean dated by
    a year, with the agency the nearest name before it, is that agency's mean of that year."""
    if dating is None or not _OWN_MEAN.fullmatch(text, dating.end, position):
        return False
    nearest = max((b for b in (*agencies, *boundaries) if b <= dating.start), default=None)
    return nearest is not None and nearest in agencies


_ASIDE_REACH = 32
_OUT_OF = re.compile(r"(?:คะแนน|เต็ม)?\s?จาก\s?$")
_FROM_ASSESSOR = re.compile(r"จาก\s?(?:สำนักงาน\s?)?(?:คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ|คณะกรรมการ\s?ป\.ป\.ช\.?|"
                            r"ป\.ป\.ช\.?)(?:\s?\([^()\d]{1,30}\))?\s?((?:อยู่ที่|เท่ากับ|คือ)?\s?)$")
_ASIDE = re.compile(r"\s?\([^()\d]{1,28}\)")


# Between two numbers of one series: "97.86, 95.33 และ 91.04 คะแนน", "89.50 คะแนน และ 86.27 คะแนน".
_SERIES_GAP = re.compile(r"\s?(?:คะแนน)?\s?(?:,|และ|,\s?และ)\s?")


def _series_shared(text: str, found: list[Candidate]) -> list[Candidate]:
    """Numbers written as one series share their cues: the series "ได้คะแนน 97.86, 95.33 และ 91.04
    คะแนน ตามลำดับ" is scores, its middle number too, though no word is written next to it. A
    number with a veto of its own keeps it."""
    out = list(found)
    index = 0
    while index < len(found):
        end = index
        while end + 1 < len(found) and _SERIES_GAP.fullmatch(text, found[end].end, found[end + 1].start):
            end += 1
        if end > index:
            members = range(index, end + 1)
            alike = [i for i in members if not found[i].vetoed and "." in text[found[i].start:found[i].end]]
            best = max((found[i] for i in alike), key=lambda c: c.strength, default=None)
            for i in alike:  # only numbers with decimals, as scores are printed: "และ 5)" is a list's next item
                if best is not None and found[i].strength < best.strength:
                    out[i] = Candidate(found[i].value, found[i].start, found[i].end, best.strength,
                                       (*found[i].cues, "series"), found[i].paren)
        index = end + 1
    return out


def _clause_before(text: str, position: int, boundaries, reach: int = 60) -> str:
    """The clause before a number. Its dated part (from the year that dates the number, value_years.py)
    is where a change word counts: "ลดลงจากปี 2566 ที่ได้ 85.60" compares, but 85.60 is 2566's value."""
    start = max(0, position - reach)
    # A clause ends at the previous number that could be a score; a year or a count inside it
    # ("สูงขึ้นจากปีก่อน (ปีงบประมาณ 2565) 1.87") does not hide the words before it.
    previous = [m.end() for m in _ANY_NUMBER.finditer(text, start, position) if _could_be_score(m.group())
                and not _COUNT_AFTER.match(text, m.end())]  # "ของกลุ่ม 38 แห่ง อยู่ที่": a count, not a value
    start = max([start, *previous, *(b for b in boundaries if b <= position)])
    return text[start:position]


def _could_be_score(printed: str) -> bool:
    """A number that could end the clause before the next: not a one-digit whole number, which names a
    group or an area ("กลุ่มจังหวัดภาคเหนือตอนบน 2 (…) ที่ 90.36": the average's clause goes on)."""
    if re.fullmatch(r"\d\.?", printed):
        return False
    try:
        return float(printed.rstrip(".").replace(",", "")) <= 100 and "," not in printed
    except ValueError:
        return False


_DATED_CUES = ("change", "last_year")  # cues read in the dated part of a clause only
_WIDE_CUES = ("average", "group")  # cues read back across place names


@dataclass(frozen=True)
class _Clause:
    before: str
    dated: str
    wide: str
_CHANGE_WORD = next(pattern for name, _, pattern, _ in _CUES if name == "change")


def _weigh(printed: str, clause: _Clause, after: str) -> tuple[float, tuple[str, ...]]:
    # Two decimals as ITAS prints scores; an integer is more often a rank or a count (100 aside).
    two_decimals = bool(re.search(r"\.\d\d$", printed))
    strength = 1.0 if two_decimals else (-1.0 if "." not in printed and printed != "100" else 0.0)
    cues = []
    for name, where, pattern, weight in _cues(load_rubric()):
        if name == "result_after" and not two_decimals:
            continue  # "ITA 67 ผ่านดีเยี่ยม": a year before a headline's level, not a score
        target = after if where == "after" else clause.dated if name in _DATED_CUES else \
            clause.wide if name in _WIDE_CUES else clause.before
        if pattern.search(target):
            strength += weight
            cues.append(name)
    return strength, tuple(cues)
