"""One value per agency, year and field out of many sources, with the choice made visible.

When sources disagree the value of the most authoritative kind of document wins (ITAS result page,
then NACC tables, then the agency's own analysis, ...), then the value most sources give; every
chosen row says how many distinct values there were, so the consistency table can list the dispute.
"""
from __future__ import annotations

import pandas as pd

from ita_lib.rubric import load as load_rubric
from ita_lib.store.schema import KIND_PRIORITY

SCORE_FIELDS = ("overall_score",)


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


def year_table(chosen: pd.DataFrame) -> pd.DataFrame:
    """One row per fiscal year: overall (printed, else computed), grade, result, passed, instruments
    (printed, else the mean of their indicators) and every indicator of the rubric (None where the
    year has no score for it)."""
    rows = []
    rubric = load_rubric()
    for year, group in chosen.groupby("fiscal_year"):
        values = {row.field: (row.number if pd.notna(row.number) else row.text) for row in group.itertuples()
                  if pd.notna(row.number) or pd.notna(row.text)}
        indicators = {n: values.get(f"indicator:{n}") for n in rubric.indicators}
        known = {n: v for n, v in indicators.items() if v is not None}
        means = rubric.instrument_scores(known, int(year))
        row = {"fiscal_year": int(year), "era": rubric.era(int(year))}
        printed = values.get("overall_score")
        computed = rubric.compute_overall(known, int(year))
        row["overall_score"] = printed if printed is not None else computed
        row["overall_source"] = "printed" if printed is not None else ("computed" if computed is not None else None)
        row["overall_score_computed"] = computed
        row["grade"] = values.get("grade")
        row["result"] = values.get("result")
        passed = values.get("passed")
        row["passed"] = None if passed is None else passed == "true"
        if row["passed"] is None and row["overall_score"] is not None and rubric.is_itas_year(int(year)):
            row["passed"] = row["overall_score"] >= rubric.rules_for(int(year)).pass_threshold
        for code in rubric.instruments:
            printed_instrument = values.get(f"instrument:{code}")
            mean = means.get(code)  # None: not all its indicators, or none assessed that year
            row[code] = printed_instrument if printed_instrument is not None else (
                None if mean is None else round(mean, 2))
            row[f"{code}_source"] = ("printed" if printed_instrument is not None
                                     else "computed" if mean is not None else None)
        for key in rubric.part_keys:  # 2568+: the two parts of EIT, as printed
            row[key] = values.get(f"instrument:{key}")
        for n in rubric.indicators:
            row[f"indicator_{n}"] = indicators[n]
        row["disputed_fields"] = int(group["disputed"].sum())
        rows.append(row)
    frame = pd.DataFrame(rows)
    # Missing text stays None (not NaN), so `if year["grade"]` means "a grade was printed".
    for column in ("grade", "result", "overall_source", *(f"{code}_source" for code in rubric.instruments)):
        if column in frame:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame
