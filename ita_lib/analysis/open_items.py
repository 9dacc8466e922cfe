"""What an agency must settle before its report is a publication: the values of the latest year that
no document prints and the agency has not confirmed (a computed overall, a missing indicator), the
values printed more than once, and what is unknown about the agency itself (its name's spelling,
district, province). The report stage adds the sign-off and the report's date (report/checklist.py).

Each item says in Thai what is open and what was found, so the review file and the checklist can
show it as it is."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ita_lib import fields
from ita_lib.analysis.causes import cause_field
from ita_lib.analysis.history import OWN_WORDS
from ita_lib.analysis.numbers import fmt
from ita_lib.rubric import load as load_rubric

COLUMNS = ["fiscal_year", "key", "label", "status", "found"]
# What is open about an item, in Thai: the review file and the checklist print these words.
STATUS_TH = {"computed": "คำนวณโดยรายงาน ยังไม่ใช่ค่าที่ประกาศ", "missing": "ไม่มีในเอกสาร",
             "disputed": "เอกสารให้ไว้มากกว่าหนึ่งค่า", "variants": "เอกสารสะกดชื่อหลายแบบ",
             "unknown": "ยังไม่ทราบ"}


@dataclass(frozen=True)
class Item:
    key: str  # a field key (indicator:3, overall_score) or agency_name, district, province, result
    label: str  # the item as a reader names it
    status: str  # a key of STATUS_TH
    found: str = ""  # what the documents or the analysis give, in Thai


def open_items(agency: dict, years: pd.DataFrame, scores: pd.DataFrame, doubts: pd.DataFrame,
               names: pd.DataFrame, confirmed: dict[str, str], config, causes: pd.DataFrame | None = None
               ) -> pd.DataFrame:
    """One row per open item of the latest year (none when there is no year); `causes`: the
    weaknesses' causes the documents give (analysis.causes), a weakness without one is open."""
    if years.empty:
        return pd.DataFrame(columns=COLUMNS)
    latest = years.sort_values("fiscal_year").iloc[-1]
    year = int(latest["fiscal_year"])
    items = [*_agency_items(agency, names, confirmed, config), *_result_items(latest, config),
             *_score_items(scores[scores["fiscal_year"] == year], year, config),
             *_doubt_items(doubts[doubts["fiscal_year"] == year] if len(doubts) else doubts, config),
             *_cause_items(scores[scores["fiscal_year"] == year], causes, config)]
    return pd.DataFrame([(year, i.key, i.label, i.status, i.found) for i in items], columns=COLUMNS)


def _agency_items(agency: dict, names: pd.DataFrame, confirmed: dict[str, str], config):
    spellings = [] if names.empty else list(names["spelling"])
    if len(spellings) > 1 and "agency_name" not in confirmed:
        found = (f"{row.spelling} ({fmt(row.mentions, config, None)} ครั้ง)" for row in names.itertuples(index=False))
        yield Item("agency_name", "ชื่อหน่วยงาน", "variants", ", ".join(found))
    for key, label in (("district", "อำเภอ"), ("province", "จังหวัด")):
        if not agency.get(key):
            yield Item(key, label, "unknown")


def _result_items(latest: pd.Series, config):
    if not (latest["grade"] or latest["result"]):
        rubric = load_rubric()
        found = "" if latest["passed"] is None else (
            f"คำนวณจากคะแนนรวม: {rubric.passed_word if latest['passed'] else rubric.failed_word}เกณฑ์")
        yield Item("result", f"ผลการประเมิน (ระดับ หรือ {rubric.passed_word}/{rubric.failed_word})", "missing", found)


def _score_items(scores: pd.DataFrame, year: int, config):
    """The overall, each instrument (or its parts where the documents give parts) and each indicator
    the rubric assesses in `year`, when not printed or confirmed."""
    rubric = load_rubric()
    given = {row.field: row for row in scores.itertuples(index=False)}

    def state(field: str, label: str):
        row = given.get(field)
        if row is None:
            return Item(field, label, "missing")
        if row.score_source not in OWN_WORDS:
            return Item(field, label, "computed", f"คำนวณได้ {fmt(row.score, config)}")
        return None

    wanted = [(fields.OVERALL, "คะแนนรวม ITA")]
    for code, instrument in rubric.instruments.items():
        parts = [fields.instrument(p.code) for p in instrument.parts]
        if parts and any(given.get(p) is not None and given[p].score_source in OWN_WORDS for p in parts):
            wanted += [(p, part.name) for p, part in zip(parts, instrument.parts)]  # the year prints parts
        else:
            wanted.append((fields.instrument(code), f"{instrument.name} ({code})"))
    wanted += [(fields.indicator(n), f"ตัวชี้วัดที่ {fmt(n, config, None)} {rubric.indicators[n].name}")
               for n in rubric.indicators_for(year)]
    for field, label in wanted:
        item = state(field, label)
        if item is not None:
            yield item


def _doubt_items(doubts: pd.DataFrame, config):
    for row in doubts.itertuples(index=False):
        values = ", ".join(fmt(v, config) for v in (row.shown, *row.others))
        label = "คะแนนรวม ITA" if row.field == fields.OVERALL else (
            f"ตัวชี้วัดที่ {fmt(int(row.indicator), config, None)}" if row.indicator is not None
            else f"แบบวัด {fields.code_of(row.field)}")
        yield Item(row.field, label, "disputed", values)


def _cause_items(scores: pd.DataFrame, causes: pd.DataFrame | None, config):
    """An indicator below the pass mark whose cause no document gives: the agency writes it."""
    known = set() if causes is None else set(causes["indicator"])
    weak = scores[(scores["scope"] == "indicator") & (scores["score"] < config.passing)].sort_values("indicator")
    for row in weak.itertuples(index=False):
        if int(row.indicator) not in known:
            yield Item(cause_field(int(row.indicator)),
                       f"สาเหตุที่ตัวชี้วัดที่ {fmt(int(row.indicator), config, None)} {row.name} ต่ำกว่าเกณฑ์",
                       "missing", f"คะแนน {fmt(row.score, config)}")
