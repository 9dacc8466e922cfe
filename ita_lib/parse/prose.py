"""Results written in sentences: announcements and news, Thai or English.

Sentences around a score carry many other numbers (ranks, counts, deltas, the threshold 85, phone
and table numbers, shares of agencies). A number counts as a score only when words that introduce a
score stand right before it, and none of the distractor words do.
"""
from __future__ import annotations

import re

from ..agency import AgencyName, find_local_agencies
from ..document import Document, Line
from ..indicator_names import find_indicator_names, plain_variants
from ..model import Assessment
from .builder import RecordBuilder
from .single import set_year

_NUM = r"(\d{1,3}(?:\.\d{1,2})?)(?![\d.,]\d|\d)"
_THAI_SCORE = re.compile(
    r"(?:ได้(?:รับ)?(?:คะแนน)?|ด้วยคะแนน|มีคะแนน|คะแนน(?:การประเมิน)?(?:\s*ITA)?)"
    r"(?:\s*ITA)?(?:\s*(?:ประจำ)?ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*\d{2,4})?"
    r"\s*(?:เท่ากับ|อยู่ที่|รวม|ร้อยละ|:)?\s*" + _NUM + r"(?!\s*(?:หน่วยงาน|อันดับ|แห่ง))")
_DISTRACTOR_BEFORE = ("อันดับ", "เพิ่มขึ้น", "ลดลง", "เกณฑ์", "เป้าหมาย", "โทร", "ตารางที่", "จำนวน",
                      "ทั้งหมด", "จาก", "กว่า", "ต่างกัน")
_EN_AGENCY = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){1,5}(?:Subdistrict Administrative Organi[sz]ation|Provincial Administrative "
    r"Organi[sz]ation|(?:Subdistrict |Town |City )?Municipality|Department|Office|University|Hospital))")
_EN_SCORE = re.compile(r"(?:scored|score of|scoring|a score of|received|earned|achieved)\s+(?:an? )?(?:ITA )?"
                       r"(?:score of )?" + _NUM + r"(?!\s*(?:agencies|per ?cent|%))", re.IGNORECASE)
_EN_INDICATOR_SCORE = re.compile(r"^\W{0,3}(?:indicator\s*)?(?:scored|score of|at|of|:|=|was|with)?\s*" + _NUM,
                                 re.IGNORECASE)
_TH_INDICATOR_SCORE = re.compile(r"^\s*(?:ได้(?:คะแนน)?|คะแนน|เท่ากับ|:)\s*" + _NUM)


def _segments(text: str, hits: list[tuple[int, object]]) -> list[tuple[object, str]]:
    out = []
    for index, (pos, hit) in enumerate(hits):
        end = hits[index + 1][0] if index + 1 < len(hits) else len(text)
        out.append((hit, text[pos:end]))
    return out


def _thai_score(segment: str) -> float | None:
    for match in _THAI_SCORE.finditer(segment):
        before = segment[max(0, match.start() - 12):match.start(1)]
        if any(word in before for word in _DISTRACTOR_BEFORE):
            continue
        return float(match.group(1))
    return None


def _indicator_scores(segment: str, pattern: re.Pattern) -> dict[int, float]:
    """Indicator names followed by a score phrase ("Open Data scored 88.10")."""
    scores: dict[int, float] = {}
    for pos, number in find_indicator_names(segment):
        match = pattern.match(_after_name(segment[pos:]))
        if match and number not in scores:
            scores[number] = float(match.group(1))
    return scores


def _after_name(rest: str) -> str:
    lowered = rest.lower()
    for variant, _ in plain_variants():
        if lowered.startswith(variant):
            return rest[len(variant):]
    return rest


def _passed_word(segment: str, english: bool) -> str | None:
    if english:
        if re.search(r"\b(?:failed|did not pass|below the pass)", segment, re.IGNORECASE):
            return "ไม่ผ่าน"
        if re.search(r"\bpass(?:ed|ing)\b", segment, re.IGNORECASE):
            return "ผ่าน"
        return None
    if "ไม่ผ่าน" in segment:
        return "ไม่ผ่าน"
    if re.search(r"(?<!เกณฑ์)ผ่านเกณฑ์|ผ่านการประเมิน|อยู่ในระดับผ่าน", segment):
        return "ผ่าน"
    return None


def parse_prose(document: Document, *, year: int | None = None) -> list[Assessment]:
    builders: list[RecordBuilder] = []
    for line in document.lines:
        if line.is_row or not line.text.strip():
            continue
        builders.extend(_thai_line(document, line, year))
        builders.extend(_english_line(document, line, year))
    if len(builders) == 1:
        # One agency: indicator scores written in other sentences are its own.
        for line in document.lines:
            if not line.is_row:
                for pattern in (_TH_INDICATOR_SCORE, _EN_INDICATOR_SCORE):
                    for number, value in _indicator_scores(line.text, pattern).items():
                        builders[0].set_indicator(number, value, line.number)
    return [builder.build() for builder in builders]


def _thai_line(document: Document, line: Line, year: int | None) -> list[RecordBuilder]:
    builders = []
    hits = find_local_agencies(line.text)
    for agency, segment in _segments(line.text, hits):
        score = _thai_score(segment)
        if score is None:
            continue
        agency = AgencyName(agency.name, agency.agency_type, agency.place, line.number,
                            agency.district, agency.province)
        builders.append(_builder(document, line, agency, score, segment, year, english=False))
    return builders


def _english_line(document: Document, line: Line, year: int | None) -> list[RecordBuilder]:
    builders = []
    hits = [(m.start(), m.group(1).strip()) for m in _EN_AGENCY.finditer(line.text)]
    for name, segment in _segments(line.text, hits):
        match = _EN_SCORE.search(segment)
        if not match:
            continue
        agency = AgencyName(name, None, name, line.number)
        builders.append(_builder(document, line, agency, float(match.group(1)), segment, year, english=True))
    return builders


def _builder(document: Document, line: Line, agency: AgencyName, score: float, segment: str,
             year: int | None, *, english: bool) -> RecordBuilder:
    builder = RecordBuilder(document, "prose")
    builder.set_agency(agency)
    builder.set("overall_score", score, line.number)
    builder.set("result", _passed_word(segment, english), line.number)
    pattern = _EN_INDICATOR_SCORE if english else _TH_INDICATOR_SCORE
    for number, value in _indicator_scores(segment, pattern).items():
        builder.set_indicator(number, value, line.number)
    set_year(builder, document.lines, year)
    return builder
