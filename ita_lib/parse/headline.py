"""The headline values of a one-agency document: overall score, grade, result word, instruments."""
from __future__ import annotations

import re

from ita_lib import rubric
from ita_lib.io.document import Line
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.scan import cell_score, find_tables

_NUM = r"(\d{1,3}(?:\.\d{1,2})?)(?![\d.,])"
OVERALL_PATTERNS = (
    re.compile(r"คะแนนภาพรวม[^:\d]{0,80}:\s*" + _NUM),
    re.compile(r"(?:ได้รับ|ได้|มี)คะแนน(?:การประเมิน)?(?:รวม|ภาพรวม)?\s*(?:ITA\s*)?(?:เท่ากับ|=|:|อยู่ที่)?\s*"
               + _NUM + r"\s*คะแนน"),
    re.compile(r"คะแนน(?:การประเมิน)?(?:รวม|ภาพรวม)\s*(?:ITA\s*)?(?:เท่ากับ|=|:|อยู่ที่)?\s*" + _NUM),
    re.compile(r"คะแนน ITA\s*(?:เท่ากับ|=|:|อยู่ที่)?\s*" + _NUM),
    # "ผลการประเมินภาพรวม ๘๕.๓๕ คะแนน", "ผลการประเมินภาพรวมของเทศบาลได้ ๘๓.๔๓ คะแนน"
    re.compile(r"ผลการประเมิน(?:ภาพรวม|รวม)[^\d\n]{0,40}?" + _NUM + r"\s*คะแนน"),
)
# Grades and result words of every year, from the rubric (longest first: "AA" before "A").
GRADE_RE = rubric.pattern(lambda: r"ระดับ(?:ผลการประเมิน)?\s*:?\s*[\"“']?(" + rubric.GRADE_PATTERN + r")(?![A-Za-z])")
RESULT_RE = rubric.pattern(lambda: r"(?:อยู่ในระดับ|ผลการประเมิน(?:อยู่ในระดับ)?)\s*:?\s*[\"“']?("
                           + rubric.RESULT_WORD_PATTERN + ")")
RESULT_WORD_RE = rubric.pattern(lambda: "^(" + rubric.RESULT_WORD_PATTERN + ")$")
GRADE_WORD_RE = rubric.pattern(lambda: "^(" + rubric.GRADE_PATTERN + ")$")

# "IIT ...: 99.96", "IT (การรับรู้ภายใน): 99.96" (a common typo), "EIT ...: ส่วนที่ 1 (99.99 คะแนน) และส่วนที่ 2 (91.92 คะแนน)"
_INSTRUMENT_LINE = rubric.pattern(lambda: r"^[\s\-•*]*(" + "|".join((*rubric.INSTRUMENTS, "IT"))
                                  + r")\b[^:\n]{0,60}[:：]\s*(.*)$")
_PART_RE = re.compile(r"ส่วนที่\s*([12])\s*\(?\s*" + _NUM)


def read_headline(lines: list[Line], builder: RecordBuilder) -> None:
    for line in lines:
        text = line.text
        if line.is_row:
            continue  # table cells quote indicator scores; the summary row is read below
        if "overall_score" not in builder.values:
            for pattern in OVERALL_PATTERNS:
                match = pattern.search(text)
                if match and not _is_extreme(text, match.start()):
                    builder.set("overall_score", float(match.group(1)), line.number)
                    break
        match = GRADE_RE.search(text)
        if match and "grade" not in builder.values:
            builder.set("grade", match.group(1), line.number)
        match = RESULT_RE.search(text)
        if match and "result" not in builder.values:
            builder.set("result", match.group(1), line.number)
        _read_instruments(line, builder)
    _read_summary_row(lines, builder)


def _is_extreme(text: str, start: int) -> bool:
    """'คะแนนสูงสุด 84.79' and 'คะแนนต่ำสุด' name one indicator, not the overall."""
    return any(word in text[max(0, start - 12):start + 20] for word in ("สูงสุด", "ต่ำสุด", "เฉลี่ยจังหวัด"))


def _read_instruments(line: Line, builder: RecordBuilder) -> None:
    match = _INSTRUMENT_LINE.match(line.text)
    if not match:
        return
    code = "IIT" if match.group(1) == "IT" else match.group(1)
    rest = match.group(2)
    if code == "EIT":
        parts = _PART_RE.findall(rest)
        if parts:
            for number, score in parts:
                builder.set_instrument(f"EIT_part{number}", float(score), line.number)
            return
    score = re.match(r"\s*" + _NUM, rest)
    if score:
        builder.set_instrument(code, float(score.group(1)), line.number)


def _read_summary_row(lines: list[Line], builder: RecordBuilder) -> None:
    """A one-row table 'หน่วยงาน | คะแนนรวม | ระดับ | ผลการประเมิน'."""
    for table in find_tables(lines):
        score_col = table.column("คะแนนรวม", "คะแนน ITA", "คะแนนภาพรวม")
        if score_col is None or table.column("หน่วยงาน") is None or len(table.rows) != 1:
            continue
        row = table.rows[0]
        for index, cell in enumerate(row.cells or ()):
            if index == score_col and cell_score(cell.text) is not None:
                builder.set("overall_score", cell_score(cell.text), row.number)
            elif GRADE_WORD_RE.match(cell.text):
                builder.set("grade", cell.text, row.number)
            elif RESULT_WORD_RE.match(cell.text):
                builder.set("result", cell.text, row.number)
