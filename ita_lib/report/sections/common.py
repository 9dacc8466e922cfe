"""What every section shares: numbers and years in the report's digits, document text as written,
level cells, and the scores the documents print more than once."""
from __future__ import annotations

import re

import pandas as pd

from ita_lib import fields, rubric
from ita_lib.analysis import AgencyAnalysis, AnalysisConfig
from ita_lib.analysis.labels import LEVELS
from ita_lib.analysis.numbers import document_digits, fmt
from ita_lib.report.document import Cell, Note
from ita_lib.report.html import none_if_missing
from ita_lib.text.repair import item_codes_in_digits, join_split_thai, list_items

STATUS_TH = {"L": "น่าจะถูกต้อง แต่ยังไม่ได้รับการยืนยัน", "U": "ยังไม่ทราบ"}
DOUBT_MARK = "†"  # beside a score printed with more than one value; the note under the table says which
_FOOTNOTE_STARS = re.compile(r"\*+")  # "พ.ศ. ๒๕๖๕**": emphasis or a footnote mark the report does not carry


def missing(value) -> bool:
    return none_if_missing(value) is None


def as_written(value: str, config: AnalysisConfig) -> str:
    """The document's own text for a reader: its words, the report's digits, without stray asterisks,
    without the spaces PDF extraction put inside Thai words; item codes ("e๑") in the report's digits."""
    text = document_digits(join_split_thai(_FOOTNOTE_STARS.sub("", value)), config)
    return item_codes_in_digits(text) if config.digits == "thai" else text


def year(value: int, config: AnalysisConfig) -> str:
    return fmt(value, config, None)


def score(value, config: AnalysisConfig) -> str:
    return "–" if missing(value) else fmt(value, config)


def signed(value, config: AnalysisConfig) -> str:
    """A change with its sign (+, −, ±); a dash when missing."""
    if missing(value):
        return "–"
    value = float(value)
    return ("+" if value > 0 else "−" if value < 0 else "±") + fmt(abs(value), config)


def level_cell(level) -> Cell:
    return Cell(LEVELS[level], level=level) if isinstance(level, str) else Cell("–")


def number_cell(text: str) -> Cell:
    return Cell(text, number=True)


def indicator_title(number: int, config: AnalysisConfig) -> str:
    return f"ตัวชี้วัดที่ {fmt(number, config, None)} {rubric.load().indicators[number].name}"


def doubts_of(a: AgencyAnalysis, year_: int | None) -> pd.DataFrame:
    if a.doubts.empty or year_ is None:
        return a.doubts
    return a.doubts[a.doubts["fiscal_year"] == year_]


def doubt_sentences(a: AgencyAnalysis, year_: int | None) -> list[str]:
    """One Thai sentence per score of `year_` printed with more than one value: every value, the
    level each would give, the one this report uses."""
    config = a.config
    sentences = []
    for row in doubts_of(a, year_).itertuples(index=False):
        if not missing(row.indicator):
            what = indicator_title(int(row.indicator), config)
        else:
            what = "คะแนนรวม" if row.field == fields.OVERALL else "แบบวัด " + fields.code_of(row.field)
        values = [row.shown, *row.others]
        levels = [row.shown_level, *row.other_levels]
        listed = " และ ".join(f"{fmt(v, config)} ({LEVELS[level]})" for v, level in zip(values, levels))
        where, why = (("เอกสารฉบับเดียวกันระบุคะแนนไว้", "ซึ่งพิมพ์ไว้ก่อนในเอกสาร") if row.same_document
                      else ("แหล่งข้อมูลระบุคะแนนไว้", "จากเอกสารประเภทที่น่าเชื่อถือที่สุด"))
        sentences.append(f"{DOUBT_MARK} {what}: {where} {fmt(len(values), config, None)} ค่า คือ {listed} "
                         f"รายงานนี้ใช้ {fmt(row.shown, config)} {why} "
                         "ควรตรวจสอบกับผลในระบบ ITAS ก่อนเผยแพร่")
    return sentences


def doubt_notes(a: AgencyAnalysis, year_: int | None) -> list[Note]:
    return [Note(sentence, doubt=True) for sentence in doubt_sentences(a, year_)]


def marked_score(value, field: str, doubted: set[str], config: AnalysisConfig) -> Cell:
    return number_cell(score(value, config) + (f" {DOUBT_MARK}" if field in doubted else ""))


def weak_items(a: AgencyAnalysis) -> pd.DataFrame:
    if a.items.empty or a.latest_year is None:
        return a.items
    latest = a.items[a.items["fiscal_year"] == a.latest_year]
    return latest[latest["score"] < a.config.passing]


def item_code(code: str, config: AnalysisConfig) -> str:
    """An item's code as the report prints it: "O๑๓" in a Thai-digit report, as documents write it."""
    return item_codes_in_digits(code) if config.digits == "thai" else code


def own_words_cell(text: str, config: AnalysisConfig) -> Cell:
    """The agency's own text in a cell: a list glued into one paragraph comes back as a lead and items."""
    lead, items = list_items(as_written(text, config))
    return Cell(lead=lead or None, items=items, bold_lead=False) if items else Cell(lead)
