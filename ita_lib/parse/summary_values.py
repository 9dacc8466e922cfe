"""The result summary of an analysis: labelled values at the top of the document.

Reports lay the assessed year's result out as tiles and a small table, a label and its value:
"คะแนนรวม ITA ปี 2568" / "83.43" (a PDF puts each on its own line, HTML may glue them:
"คะแนนรวม ITA ปี 256883.43"), "ผลการประเมิน" / "A ผ่าน", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) |
97.92", "… (EIT) ส่วนที่ 1 | 96.10". A source column or word says how a value is known: "ตามที่ประกาศ",
"ตามระบบ ITAS (หน่วยงานยืนยัน)" are the result; "คำนวณ…" is a value the writer computed, which is no
printed result (the parse contract keeps computed values apart), so it is not read. A label naming
another year is that year's value, not read either.

A report also marks a score the documents gave twice ("88.30 †") and says under the table which
values there were: "† ตัวชี้วัดที่ 7 …: เอกสารฉบับเดียวกันระบุคะแนนไว้ 2 ค่า คือ 88.30 (…) และ 86.30 (…)
รายงานนี้ใช้ 88.30 …" (`doubts`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ita_lib.io.document import Cell, Line
from ita_lib.parse.indicator_names import find_indicator_names
from ita_lib.parse.places import fold
from ita_lib.rubric import Rubric, load as load_rubric

_NUM = r"(?P<num>\d{1,3}(?:\.\d{1,2})?)(?![\d.])"
_UNIT = r"\s*(?:คะแนน)?\s*"
_OVERALL = re.compile(r"^คะแนน(?:รวม|ภาพรวม)(?:\s*ITA)?"
                      r"(?:\s*(?:ประจำ)?ปี(?:งบประมาณ)?\s*(?:พ\.\s?ศ\.)?\s*(?P<year>25\d\d))?"
                      r"\s*(?P<computed>\(\s*ค[ำา]นวณ[^)]*\))?\s*[:：]?\s*(?:" + _NUM + ")?" + _UNIT + r"(?P<rest>.*)$")
_VALUE_ALONE = re.compile(r"^" + _NUM + _UNIT + r"(?P<rest>.*)$")
_VERDICT_LABEL = re.compile(r"^ผลการประเมิน\s*[:：]?\s*(?P<verdict>.*)$")
_PRINTED_WORDS = ("ประกาศ", "ยืนยัน", "ITAS")
COMPUTED_WORD = "คำนวณ"  # compared folded: a PDF may drop the nikhahit ("คานวณ")
DOUBT_MARK = "†"


@dataclass(frozen=True)
class Labelled:
    field: str  # "overall_score", "grade", "result", or an instrument's (or part's) code
    value: float | str
    line: int


@cache
def _patterns(rubric: Rubric) -> tuple[re.Pattern, re.Pattern]:
    codes = rubric.instrument_pattern
    verdict = re.compile(r"^[\"“']?(?:(?P<grade>" + rubric.grade_pattern + r")(?![A-Za-z])\s*)?(?P<result>"
                         + rubric.result_word_pattern + r")?[\"”']?\s*(?P<computed>\(\s*ค[ำา]นวณ[^)]*\))?$")
    # "แบบวัดการรับรู้…ภายใน (IIT) 97.92", "แบบวัด…(EIT) ส่วนที่ 1 96.10 ตามที่ประกาศ", "OIT : 93.88 คะแนน"
    instrument = re.compile(r"^[-•*\s]*(?P<label>[^\d]*?)\s*(?:ส่วนที่\s*(?P<part>\d))?\s*[:：]?\s*" + _NUM + _UNIT
                            + r"(?P<rest>.*)$")
    return verdict, re.compile(codes), instrument


def is_computed(text: str) -> bool:
    return fold(COMPUTED_WORD) in fold(text)


def _source(rest: str) -> str | None:
    """"printed" for nothing or a source word that the value is the result's, "computed" for a
    computed one, None for any other text after the value (a sentence, more numbers: no label)."""
    rest = rest.strip()
    if not rest:
        return "printed"
    if re.search(r"\d", rest):
        return None
    if is_computed(rest):
        return "computed"
    return "printed" if any(word in rest for word in _PRINTED_WORDS) else None


def _instrument_code(label: str, part: str | None, rubric: Rubric) -> str | None:
    """The instrument (or its part) a label names by code or by its Thai name; None for a label
    that names an indicator or several instruments."""
    if not label.strip():
        return None
    _, codes, _ = _patterns(rubric)
    found = set(codes.findall(label))
    rest = fold(label.replace(" ", ""))
    for code, instrument in rubric.instruments.items():
        name = fold(instrument.name.replace(" ", ""))
        if name in rest:
            found.add(code)
            rest = rest.replace(name, " ")
    # "แบบวัดการเปิดเผยข้อมูลสาธารณะ" holds an indicator's name; a label naming one beside it is an indicator's
    if len(found) != 1 or find_indicator_names(codes.sub(" ", rest)):
        return None
    code = found.pop()
    if part is None:
        return code
    part_of = rubric.instruments[code].part(int(part))
    return part_of.code if part_of is not None else None


def _read_piece(text: str, following: str | None, line: int, year: int, rubric: Rubric) -> list[Labelled]:
    """What one piece (a line, a row or a cell) labels, its value in it or in the piece after it."""
    text = text.strip()
    verdict_re, _, instrument_re = _patterns(rubric)
    match = _OVERALL.match(text)
    if match and not (match.group("year") and int(match.group("year")) != year):
        number, rest = match.group("num"), match.group("rest")
        if number is None and not rest and following is not None:
            alone = _VALUE_ALONE.match(following.strip())
            number, rest = (alone.group("num"), alone.group("rest")) if alone else (None, rest)
        if number is not None and not match.group("computed") and _source(rest) == "printed":
            return [Labelled("overall_score", float(number), line)]
        return []
    match = _VERDICT_LABEL.match(text)
    if match:
        verdict = match.group("verdict").strip() or (following or "").strip()
        said = verdict_re.match(verdict)
        if said is None or said.group("computed") or not (said.group("grade") or said.group("result")):
            return []
        return [Labelled(name, said.group(name), line) for name in ("grade", "result") if said.group(name)]
    match = instrument_re.match(text)
    if match and _source(match.group("rest")) == "printed":
        code = _instrument_code(match.group("label"), match.group("part"), rubric)
        if code is not None:
            return [Labelled(code, float(match.group("num")), line)]
    return []


def labelled_values(lines: list[Line], year: int) -> list[Labelled]:
    """Every labelled value of `year` in the lines (the summary of an analysis, its history left
    out by the caller). A table row is read whole ("คะแนนรวม ITA | 95.25 | ตามที่ประกาศ"), else cell by
    cell (a row of tiles, "คะแนนรวม ITA ปี 2568 83.43 | ผลการประเมิน ไม่ผ่าน | …"); a line whose label
    has its value on the next line (PDF) takes it from there; an instrument's name a PDF wrapped
    ("แบบวัด… (EIT) ส่วนที่" / "1 96.10") is joined to the line after it."""
    rubric = load_rubric()
    found: list[Labelled] = []
    texts = [line for line in lines if line.text.strip()]
    for position, line in enumerate(texts):
        following = texts[position + 1].text if position + 1 < len(texts) else None
        if line.is_row:
            cells = [cell.text for cell in line.cells]
            whole = _read_piece(" ".join(cells), None, line.number, year, rubric)
            if whole:
                found += whole
                continue
            for index, cell in enumerate(cells):
                after = cells[index + 1] if index + 1 < len(cells) else None
                found += _read_piece(cell, after, line.number, year, rubric)
            continue
        read = _read_piece(line.text, following, line.number, year, rubric)
        if not read and following is not None and not re.search(r"\d", line.text) and \
                _instrument_code(line.text.replace("ส่วนที่", ""), None, rubric):
            read = _read_piece(f"{line.text} {following}", None, line.number, year, rubric)
        found += read
    return found


@dataclass(frozen=True)
class Doubt:
    field: str  # "overall_score", "indicators.7" or an instrument code
    used: float  # the value the document went on with
    others: tuple[float, ...]
    line: int


_DOUBT_FIELD = re.compile(r"ตัวชี้วัดที่\s*(\d{1,2})|(คะแนนรวม)|แบบวัด\s*([A-Z]{3})")
_DOUBT_VALUES = re.compile(r"คือ(.*?)(?:รายงานนี้)?ใช้\s*(\d{1,3}(?:\.\d{1,2})?)")
_DOUBT_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}\.\d{1,2})(?![\d.])")


_DOUBT_LINES = 3  # a PDF wraps a note over lines


def doubts(lines: list[Line]) -> list[Doubt]:
    """The notes a report prints under a score given with more than one value ("† …"), each once
    (a report repeats them beside its strengths and weaknesses)."""
    found = []
    texts = [line for line in lines if line.text.strip()]
    for position, line in enumerate(texts):
        text = line.text.strip()
        if not text.startswith(DOUBT_MARK):
            continue
        for following in texts[position + 1:position + _DOUBT_LINES]:
            if _DOUBT_VALUES.search(text) or following.text.strip().startswith(DOUBT_MARK):
                break
            text = f"{text} {following.text.strip()}"
        field, values = _DOUBT_FIELD.search(text), _DOUBT_VALUES.search(text)
        if field is None or values is None:
            continue
        name = (f"indicators.{int(field.group(1))}" if field.group(1) else "overall_score" if field.group(2)
                else field.group(3))
        used = float(values.group(2))
        others = tuple(dict.fromkeys(v for v in map(float, _DOUBT_NUMBER.findall(values.group(1))) if v != used))
        if others and not any((d.field, d.used, d.others) == (name, used, others) for d in found):
            found.append(Doubt(name, used, others, line.number))
    return found


def without_marks(line: Line) -> Line:
    """The line with the report's doubt mark taken off its cells ("88.30 †" is a score)."""
    if DOUBT_MARK not in line.text or line.text.strip().startswith(DOUBT_MARK):
        return line
    if not line.is_row:
        return Line(line.number, line.text.replace(f" {DOUBT_MARK}", "").replace(DOUBT_MARK, ""))
    cells = tuple(Cell(c.text.replace(DOUBT_MARK, "").strip(), c.parts) for c in line.cells)
    return Line(line.number, "\t".join(c.text for c in cells), cells)
