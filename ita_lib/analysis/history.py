"""One value per agency, year and field out of many sources, with the choice made visible.

When sources disagree the value of the most authoritative kind of document wins (ITAS result page,
then NACC tables, then the agency's own analysis, ...), then the value most sources give; every
chosen row says how many distinct values there were, so the consistency table can list the dispute.
"""
from __future__ import annotations

import pandas as pd

from ita_lib import fields
from ita_lib.rubric import load as load_rubric
from ita_lib.store.schema import CONFIRMED_KIND, KIND_PRIORITY

def choose_values(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts (Store.facts) → one row per (agency_id, fiscal_year, field) with the chosen value,
    its source and line, the number of sources and whether they disagreed."""
    if facts.empty:
        return facts.assign(sources=pd.Series(dtype=int), disputed=pd.Series(dtype=bool))
    frame = facts[facts["fiscal_year"].notna()].copy()
    frame["value_key"] = frame["number"].round(2).astype(str).where(frame["number"].notna(), frame["text"])
    frame["priority"] = frame["kind"].map(KIND_PRIORITY).fillna(len(KIND_PRIORITY))
    # A document's second value for a field (quoted again in its plan) never wins over a first one.
    frame["second"] = frame["secondary"].fillna(False).astype(bool) if "secondary" in frame else False
    keys = ["agency_id", "fiscal_year", "field"]
    frame["agreeing"] = frame.groupby(keys + ["value_key"])["record_id"].transform("nunique")
    frame["sources"] = frame.groupby(keys)["record_id"].transform("nunique")
    frame["disputed"] = frame.groupby(keys)["value_key"].transform("nunique") > 1
    frame = frame.sort_values(keys + ["second", "priority", "agreeing", "record_id"],
                              ascending=[True, True, True, True, True, False, True])
    chosen = frame.drop_duplicates(keys, keep="first")
    chosen = chosen.drop(columns=["value_key", "priority", "agreeing", "second"])
    chosen["fiscal_year"] = chosen["fiscal_year"].astype(int)
    return chosen.reset_index(drop=True)


# Where a value comes from: a document printed it, the agency confirmed it (ita-report confirm), or
# the analysis computed it from others (an overall from the indicators, an instrument's mean).
PRINTED, CONFIRMED, COMPUTED = "printed", "confirmed", "computed"
OWN_WORDS = (PRINTED, CONFIRMED)  # what an agency may publish as its result
YEAR_COLUMNS = ["fiscal_year", "era", "overall_score", "overall_source", "overall_score_computed", "grade",
                "result", "passed", "disputed_fields"]
VALUE_COLUMNS = ["fiscal_year", "field", "score", "source"]


def history(chosen: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The chosen values as two tables:
    - years: one row per fiscal year: the overall (printed, else computed), grade, result, passed;
    - values: long, one row per year and score field (`fields`' keys: the overall, each instrument
      and part, each indicator) that has a value, with its source (printed, confirmed, computed); an
      instrument not printed is the mean of its indicators when all of them are known.
    A missing value is a missing row, and a missing text is None, never NaN: nothing downstream
    tests for NaN."""
    years, values = [], []
    rubric = load_rubric()
    for year, group in chosen.groupby("fiscal_year"):
        year = int(year)
        printed = {row.field: (row.number if pd.notna(row.number) else row.text) for row in group.itertuples()
                   if pd.notna(row.number) or pd.notna(row.text)}
        confirmed = set(group.loc[group["kind"] == CONFIRMED_KIND, "field"])

        def source(field: str, computed=None) -> str | None:
            """confirmed (the agency's), printed (a document's), computed (ours) or None (unknown)."""
            if printed.get(field) is not None:
                return CONFIRMED if field in confirmed else PRINTED
            return COMPUTED if computed is not None else None

        indicators = {n: float(printed[fields.indicator(n)]) for n in rubric.indicators
                      if printed.get(fields.indicator(n)) is not None}
        computed = rubric.compute_overall(indicators, year)
        overall = printed.get(fields.OVERALL)
        overall_score = overall if overall is not None else computed
        passed = None if printed.get("passed") is None else printed["passed"] == "true"
        if passed is None and overall_score is not None and rubric.is_itas_year(year):
            passed = overall_score >= rubric.rules_for(year).pass_threshold
        years.append({"fiscal_year": year, "era": rubric.era(year), "overall_score": overall_score,
                      "overall_source": source(fields.OVERALL, computed), "overall_score_computed": computed,
                      "grade": printed.get("grade"), "result": printed.get("result"), "passed": passed,
                      "disputed_fields": int(group["disputed"].sum())})
        if overall_score is not None:
            values.append((year, fields.OVERALL, float(overall_score), source(fields.OVERALL, computed)))
        means = rubric.instrument_scores(indicators, year)  # None: not all its indicators were assessed
        for code, info in rubric.instruments.items():
            given, mean = printed.get(fields.instrument(code)), means.get(code)
            if given is not None or mean is not None:
                values.append((year, fields.instrument(code), float(given if given is not None else round(mean, 2)),
                               source(fields.instrument(code), mean)))
            for part in info.parts:  # 2568+: the two parts of EIT, as printed
                if printed.get(fields.instrument(part.code)) is not None:
                    values.append((year, fields.instrument(part.code), float(printed[fields.instrument(part.code)]),
                                   source(fields.instrument(part.code))))
        values += [(year, fields.indicator(n), score, source(fields.indicator(n))) for n, score in indicators.items()]
    return (without_nan(pd.DataFrame(years, columns=YEAR_COLUMNS), YEAR_COLUMNS[2:-1]),
            pd.DataFrame(values, columns=VALUE_COLUMNS))


def without_nan(frame: pd.DataFrame, columns=None) -> pd.DataFrame:
    """A missing value is None (not NaN) in `columns` (all by default), so `if year["grade"]` means
    "a grade was printed" and `year["overall_score"] is None` that there is no overall."""
    columns = list(frame.columns if columns is None else columns)
    if frame.empty or not columns:
        return frame
    part = frame[columns]
    frame[columns] = part.astype(object).where(part.notna(), None)  # one pass over the block, not per column
    return frame
