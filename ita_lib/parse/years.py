"""Find the assessed fiscal year (B.E.) of a document.

Documents mention several years: the assessed one, the plan year of next year's measures, target
years, announcement dates, chart tabs of past years. Each mention gets a weight from the words just
before it; the heaviest wins, the earliest on a tie.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ita_lib.io.document import Line
from ita_lib.parse.memo import per_parse

BE_OFFSET = 543  # B.E. = C.E. + 543
MIN_YEAR, MAX_YEAR = 2545, 2600  # years a document's text is searched for
FIRST_YEAR, LAST_YEAR = 2500, 2700  # fiscal years B.E. a user may name (params files, --year)


def christian_era_hint(year: int) -> str:
    """' (2025 C.E. is 2568 B.E.)' when *year* looks like a Christian-era fiscal year, else ''."""
    if FIRST_YEAR - BE_OFFSET <= year <= LAST_YEAR - BE_OFFSET:
        return f" ({year} C.E. is {year + BE_OFFSET} B.E.)"
    return ""

_BE = re.compile(r"(?<!\d)(25\d\d)(?!\d)")
_AD = re.compile(r"(?:fiscal(?:\s+year)?|FY|ค\.ศ\.?|ITA)\s*(20\d\d)(?!\d)|(?<!\d)(20\d\d)\s+ITA", re.IGNORECASE)
_SHORT = re.compile(r"(?:ปี(?:งบประมาณ)?|ITA)\s*(?:พ\.ศ\.?)?\s*(\d\d)(?![\d.])")

# A line of nothing but years ("ปี 2562 ปี 2563", "พ.ศ. 2564 | 2565"): chart tabs or a legend.
_YEARS_ONLY = re.compile(r"[\sปีพ.ศ\d|/,\-–]+")
_ASSESSED_WORDS = ("ผลการประเมิน", "ประเมิน", "ITA", "คะแนน", "ประจำปี", "assessment", "fiscal", "scored")
_PLAN_WORDS = ("ปรับปรุง", "พัฒนาองค์กร", "รักษาระดับ", "มาตรการ", "แผน", "ถัดไป", "ภายในปี",
               "เป้าหมาย", "โครงการ", "ต.ค.", "ก.ย.", "ประกาศ ณ", "วันที่", "ระยะเวลา", "ให้ทัน", "ปีหน้า",
               "ต่อไป", "เตรียม", "รายจ่าย")  # "งบประมาณรายจ่ายประจำปี 2563": a budget's year
_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
           "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.",
           "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


@dataclass(frozen=True)
class YearMention:
    year: int
    line: int
    weight: float


@cache
def _result_words() -> re.Pattern:
    from ita_lib.rubric import load as load_rubric  # the rubric reads years; imported when first needed
    return re.compile(load_rubric().result_word_pattern)


def _weigh(before: str, chart_row: bool) -> float:
    window = before[-45:]
    if "ปรับปรุง" in window:  # a level "ต้องปรับปรุงโดยด่วน" is a result, not a plan to improve
        window = _result_words().sub(" ", window)
    weight = 1.0
    if any(word in window for word in _ASSESSED_WORDS):
        weight += 3.0
    if "ปีงบประมาณ" in window or "ประจำปี" in window:
        weight += 1.0
    if any(word in window for word in _PLAN_WORDS):
        weight -= 4.0
    if any(month in window[-14:] for month in _MONTHS):
        weight -= 6.0
    if chart_row:  # a row of chart tabs "ปี 2563 ปี 2564 ..." names years, asserts none
        weight = min(weight, 0.5)
    if _LAW_BEFORE.search(before[-_LAW_REACH:]):
        weight = min(weight, 0.0)
    return weight


# "ตามพระราชบัญญัติป้องกันและปราบปรามทุจริตแห่งชาติ พ.ศ.2560", "ระเบียบสำนักนายกรัฐมนตรี … พ.ศ. 2562": a law's
# year names the law, never an assessment
_LAW_REACH = 120
_LAW_BEFORE = re.compile(r"(?:พระราชบัญญัติ|พ\.ร\.บ\.|รัฐธรรมนูญ|พระราชกฤษฎีกา|พ\.ร\.ฎ\.|ระเบียบ|กฎกระทรวง)"
                         r"[^\d\n]{0,100}?พ\.ศ\.\s?$")


_RECENT: list[tuple[list, list]] = []  # (lines, their mentions): each reader of a text asks for its years


def year_mentions(lines: list[Line]) -> list[YearMention]:
    """Every year written in the lines, weighed; remembered for the last few lists of lines (by identity)."""
    for seen, mentions in _RECENT:
        if seen is lines:
            return mentions
    mentions = _year_mentions(lines)
    _RECENT.insert(0, (lines, mentions))
    del _RECENT[4:]
    return mentions


def _year_mentions(lines: list[Line]) -> list[YearMention]:
    return [YearMention(year, line.number, weight) for line in lines for year, weight in _line_years(line.text)]


@per_parse
def _line_years(text: str) -> tuple[tuple[int, float], ...]:
    """(year, weight) of each year a line writes."""
    if "25" not in text and "20" not in text and "ปี" not in text and "ITA" not in text:
        return ()  # none of the patterns can match: skip three regex scans
    found: list[tuple[int, int]] = []  # (position, year)
    for match in _BE.finditer(text):
        found.append((match.start(), int(match.group(1))))
    for match in _AD.finditer(text):
        ad = int(match.group(1) or match.group(2))
        found.append((match.start(), ad + BE_OFFSET))
    for match in _SHORT.finditer(text):
        short = int(match.group(1))
        if 45 <= short <= 99:
            found.append((match.start(1), 2500 + short))
    for position, year in list(found):  # "2562 – 64": a range's end written short is a year too
        end = _RANGE_END.match(text, position)
        if end is not None and len(end.group(1)) == 2 and year < 2500 + int(end.group(1)):
            found.append((end.start(1), 2500 + int(end.group(1))))
    distinct = len({year for _, year in found})
    chart_row = distinct > 2 or (distinct == 2 and _YEARS_ONLY.fullmatch(text) is not None)
    return tuple((year, _weigh(text[:pos], chart_row) - (_RANGE_START if _starts_range(text, pos, year) else 0.0)
                  - (_NARRATED_PAST if _NARRATED_BEFORE.search(text, max(0, pos - 12), pos) else 0.0))
                 for pos, year in found if MIN_YEAR <= year <= MAX_YEAR)


# "ที่ผ่านมาเมื่อปี 2556 TDRI ได้จัดอันดับ…" beside "ในปี 2557 สำนักงาน ป.ป.ช. ได้ประเมิน…", "ข้อมูลเมื่อปี 2566
# ตำรวจ…เพิ่งเริ่มรู้จัก ITA" after "…คือปี 2567": "เมื่อ" tells a past the text looks back on. Less than any
# other weight: it only breaks a tie.
_NARRATED_PAST = 0.25
_NARRATED_BEFORE = re.compile(r"เมื่อ\s?(?:ปี|ปีงบประมาณ|พ\.ศ\.)\s?(?:พ\.ศ\.)?\s?$")


# "(ITA) ปี พ.ศ. 2559-2561 … ล่าสุด … ในปีนี้": a range of years ends at the text's own year, the latest
_RANGE_START = 0.5
_RANGE_END = re.compile(r"(?:25)?\d\d\s?[-–]\s?(?:พ\.ศ\.\s?)?(25\d\d|\d\d)(?![\d.])")


def _starts_range(text: str, position: int, year: int) -> bool:
    match = _RANGE_END.match(text, position)
    if match is None:
        return False
    end = int(match.group(1))
    return (end if end > 100 else 2500 + end) > year


def assessed_year(lines: list[Line]) -> YearMention | None:
    """The heaviest year mention; earliest line on a tie. None when no year is written."""
    best: YearMention | None = None
    for mention in year_mentions(lines):
        if mention.weight <= 0:
            continue
        if best is None or mention.weight > best.weight:
            best = mention
    return best


def to_buddhist_era(year: int) -> int:
    """2025 -> 2568; 68 -> 2568; 2568 stays."""
    if year < 100:
        return 2500 + year
    if year < 2400:
        return year + BE_OFFSET
    return year


def assessed_fiscal_year(lines) -> int | None:
    """The assessed year alone (B.E.), or None."""
    mention = assessed_year(lines)
    return mention.year if mention else None

