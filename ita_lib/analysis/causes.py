"""Why an indicator is a weakness, from the documents: the agency's own analysis of it, else the
issues the NACC's recommendation names ("ประเด็น ... หน่วยงานควร ..."). The report prints the
cause beside each weakness; an indicator without one is said to have none in the documents."""
from __future__ import annotations

import re

import pandas as pd

from ita_lib import fields
from ita_lib.analysis.config import AnalysisConfig

COLUMNS = ["indicator", "cause", "source"]
AGENCY, NACC, CONFIRMED = "agency", "nacc", "confirmed"  # where a cause comes from
ISSUE_SEPARATOR = "; "  # between the issues of one indicator's recommendations
# An issue of a recommendation: the words after "ประเด็น" up to what the agency should do about it.
_ISSUE = re.compile(r"ประเด็น\s*(.+?)\s*(?=หน่วยงานควร|และประเด็น|$)")


def cause_field(number: int) -> str:
    """The key of the cause the agency gives for an indicator in its review file."""
    return f"cause:{fields.indicator(number)}"


def weakness_causes(scores: pd.DataFrame, actions: pd.DataFrame, recommendations: pd.DataFrame,
                    year: int | None, config: AnalysisConfig, confirmed: dict | None = None) -> pd.DataFrame:
    """One row per indicator below the pass mark in `year` with a cause: the one the agency wrote in
    its review file, else its analysis, else the NACC's issues."""
    confirmed = confirmed or {}
    if year is None:
        return pd.DataFrame(columns=COLUMNS)
    weak = scores[(scores["fiscal_year"] == year) & (scores["scope"] == "indicator")
                  & (scores["score"] < config.passing)].sort_values("score")
    rows = []
    for number in (int(n) for n in weak["indicator"]):
        if confirmed.get(cause_field(number)):
            rows.append((number, confirmed[cause_field(number)], CONFIRMED))
            continue
        own = actions[(actions["fiscal_year"] == year) & (actions["indicator"] == number)]["analysis"]
        own = [text for text in own if isinstance(text, str) and text.strip()]
        if own:
            rows.append((number, own[0].strip(), AGENCY))
            continue
        advice = recommendations[(recommendations["fiscal_year"] == year) & (recommendations["indicator"] == number)]
        texts = [text for text in advice["text"] if isinstance(text, str)]
        issues = [issue.strip(" ,") for text in texts for issue in _ISSUE.findall(text)]
        if issues:
            rows.append((number, ISSUE_SEPARATOR.join(dict.fromkeys(issues)), NACC))
    return pd.DataFrame(rows, columns=COLUMNS)


# How an agency calls an indicator weak in its own analysis.
WEAKNESS_WORDS = ("จุดอ่อน", "พัฒนาเร่งด่วน", "ปรับปรุงเร่งด่วน", "แก้ไขด่วน", "แก้ไขเร่งด่วน")


def called_weak(actions: pd.DataFrame, year: int | None) -> list[int]:
    """The indicators the agency's own analysis of `year` calls weaknesses, whatever their score:
    the report states the agency's judgement beside its own levels rather than overriding it."""
    if year is None or actions.empty:
        return []
    rows = actions[(actions["fiscal_year"] == year) & actions["indicator"].notna()]
    return sorted({int(row.indicator) for row in rows.itertuples(index=False)
                   if isinstance(row.analysis, str) and any(word in row.analysis for word in WEAKNESS_WORDS)})
