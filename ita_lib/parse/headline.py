"""The headline values of a one-agency document: overall score, grade, result word, instruments."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ita_lib.rubric import Rubric, load as load_rubric
from ita_lib.io.document import Line
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.scan import cell_score, find_tables
from ita_lib.parse.value_years import year_of_value

_NUM = r"(\d{1,3}(?:\.\d{1,2})?)(?![\d.,])"
OVERALL_PATTERNS = (
    re.compile(r"คะแนนภาพรวม[^:\d]{0,80}:\s*" + _NUM),
    re.compile(r"(?:ได้รับ|ได้|มี)คะแนน(?:การประเมิน)?(?:รวม|ภาพรวม)?\s*(?:ITA\s*)?(?:เท่ากับ|=|:|อยู่ที่)?\s*"
               + _NUM + r"\s*คะแนน"),
    re.compile(r"คะแนน(?:การประเมิน)?(?:รวม|ภาพรวม)\s*(?:ITA\s*)?(?:เท่ากับ|=|:|อยู่ที่)?\s*" + _NUM),
    # not "ผลคะแนน ITA65": two digits glued to ITA are its year
    re.compile(r"คะแนน ITA(?:\s*(?:เท่ากับ|=|:|อยู่ที่)\s*|\s+)(?!\d\d(?![\d.]))" + _NUM),
    # "ผลการประเมินภาพรวม ๘๕.๓๕ คะแนน", "ผลการประเมินภาพรวมของเทศบาลได้ ๘๓.๔๓ คะแนน"
    re.compile(r"ผลการประเมิน(?:ภาพรวม|รวม)[^\d\n]{0,40}?" + _NUM + r"\s*คะแนน"),
)
_PART_RE = re.compile(r"ส่วนที่\s*(\d)\s*\(?\s*" + _NUM)
_FIRST_INSTRUMENT_TYPO = "IT"  # "IT (การรับรู้ภายใน): 99.96", a common typo for the first instrument


@dataclass(frozen=True)
class HeadlinePatterns:
    """Grades and result words of every year, from the rubric (longest first: "AA" before "A")."""

    grade: re.Pattern
    result: re.Pattern
    result_word: re.Pattern
    grade_word: re.Pattern
    # "IIT ...: 99.96", "EIT ...: ส่วนที่ 1 (99.99 คะแนน) และส่วนที่ 2 (91.92 คะแนน)"
    instrument_line: re.Pattern


@cache
def headline_patterns(rubric: Rubric) -> HeadlinePatterns:
    grades, words = rubric.grade_pattern, rubric.result_word_pattern
    codes = "|".join((*rubric.instrument_codes, _FIRST_INSTRUMENT_TYPO))
    return HeadlinePatterns(
        grade=re.compile(r"ระดับ\s?(?:ผลการประเมิน)?\s*:?\s*[\"“']?(" + grades + r")(?![A-Za-z])"),
        result=re.compile(r"(?:อยู่ในระดับ|ผลการประเมิน(?:อยู่ในระดับ)?)\s*:?\s*[\"“']?(" + words + ")"),
        result_word=re.compile("^(" + words + ")$"),
        grade_word=re.compile("^(" + grades + ")$"),
        instrument_line=re.compile(r"^[\s\-•*]*(" + codes + r")\b[^:\n]{0,60}[:：]\s*(.*)$"),
    )


def read_headline(lines: list[Line], builder: RecordBuilder, year: int | None = None) -> None:
    """The document's own values; one a sentence dates to another year than `year` (the assessed one,
    "(ปี 2565 ได้ 88.02 คะแนน ระดับ A)") is not its."""
    rubric = load_rubric()
    patterns = headline_patterns(rubric)

    def own(text: str, match: re.Match, kind: str) -> bool:
        dated, written = year_of_value(text, match.start(1), kind, year)
        return not dated or (written is not None and written == year)

    for line in lines:
        text = line.text
        if line.is_row:
            continue  # table cells quote indicator scores; the summary row is read below
        if "overall_score" not in builder.values:
            for pattern in OVERALL_PATTERNS:
                match = pattern.search(text)
                if match and not _is_extreme(text, match.start()) and own(text, match, "score"):
                    builder.set("overall_score", float(match.group(1)), line.number)
                    break
        if "grade" not in builder.values:
            match = next((m for m in patterns.grade.finditer(text) if own(text, m, "grade")), None)
            if match:
                builder.set("grade", match.group(1), line.number)
        if "result" not in builder.values:
            match = next((m for m in patterns.result.finditer(text) if own(text, m, "result")), None)
            if match:
                builder.set("result", match.group(1), line.number)
        _read_instruments(line, builder, rubric)
    _read_summary_row(lines, builder, patterns)


def _is_extreme(text: str, start: int) -> bool:
    """'คะแนนสูงสุด 84.79' and 'คะแนนต่ำสุด' name one indicator, not the overall."""
    return any(word in text[max(0, start - 12):start + 20] for word in ("สูงสุด", "ต่ำสุด", "เฉลี่ยจังหวัด"))


def _read_instruments(line: Line, builder: RecordBuilder, rubric: Rubric) -> None:
    match = headline_patterns(rubric).instrument_line.match(line.text)
    if not match:
        return
    code = rubric.instrument_codes[0] if match.group(1) == _FIRST_INSTRUMENT_TYPO else match.group(1)
    rest = match.group(2)
    instrument = rubric.instruments[code]
    if instrument.parts:
        parts = [(instrument.part(int(number)), score) for number, score in _PART_RE.findall(rest)]
        parts = [(part, score) for part, score in parts if part is not None]
        if parts:
            for part, score in parts:
                builder.set_instrument(part.code, float(score), line.number)
            return
    score = re.match(r"\s*" + _NUM, rest)
    if score:
        builder.set_instrument(code, float(score.group(1)), line.number)


def _read_summary_row(lines: list[Line], builder: RecordBuilder, patterns: HeadlinePatterns) -> None:
    """A one-row table 'หน่วยงาน | คะแนนรวม | ระดับ | ผลการประเมิน'."""
    for table in find_tables(lines):
        score_col = table.column("คะแนนรวม", "คะแนน ITA", "คะแนนภาพรวม")
        if score_col is None or table.column("หน่วยงาน") is None or len(table.rows) != 1:
            continue
        row = table.rows[0]
        for index, cell in enumerate(row.cells or ()):
            if index == score_col and cell_score(cell.text) is not None:
                builder.set("overall_score", cell_score(cell.text), row.number)
            elif patterns.grade_word.match(cell.text):
                builder.set("grade", cell.text, row.number)
            elif patterns.result_word.match(cell.text):
                builder.set("result", cell.text, row.number)
