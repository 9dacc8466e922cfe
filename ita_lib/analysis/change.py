"""Year-over-year change and trends, never across an era break unless asked."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.labels import TRENDS


def _comparable(year_a: int, year_b: int, config: AnalysisConfig) -> bool:
    if config.across_eras:
        return year_a >= load_rubric().first_itas_year and year_b >= load_rubric().first_itas_year
    return load_rubric().same_era(year_a, year_b)


def year_over_year(scores: pd.DataFrame, config: AnalysisConfig) -> pd.DataFrame:
    """One row per score and year that has an earlier year: the previous available year, its score,
    the delta (None across an era break unless config.across_eras) and whether a break lies between."""
    rows = []
    for field, group in scores.groupby("field", sort=False):
        group = group.sort_values("fiscal_year")
        previous = None
        for row in group.itertuples(index=False):
            if previous is not None:
                comparable = _comparable(previous.fiscal_year, row.fiscal_year, config)
                rows.append({"field": field, "scope": row.scope, "code": row.code, "indicator": row.indicator,
                             "name": row.name,
                             "fiscal_year": row.fiscal_year, "score": row.score,
                             "previous_year": previous.fiscal_year, "previous_score": previous.score,
                             "era_break": not load_rubric().same_era(previous.fiscal_year, row.fiscal_year),
                             "delta": round(row.score - previous.score, 2) if comparable else None})
            previous = row
    frame = pd.DataFrame(rows, columns=["field", "scope", "code", "indicator", "name", "fiscal_year", "score",
                                        "previous_year", "previous_score", "era_break", "delta"])
    frame["indicator"] = frame["indicator"].astype("Int64")
    frame["delta"] = frame["delta"].astype("Float64")
    return frame


def trend_years(years: list[int], config: AnalysisConfig) -> list[int]:
    """The years a trend may span: the latest run of comparable years (all ITAS years if across_eras)."""
    years = sorted(y for y in years if y >= load_rubric().first_itas_year)
    if not years:
        return []
    run = [years[-1]]
    for year in reversed(years[:-1]):
        if not _comparable(year, run[0], config):
            break
        run.insert(0, year)
    return run


def trends(scores: pd.DataFrame, config: AnalysisConfig) -> pd.DataFrame:
    """Per score: least-squares slope in points per year over the comparable years, and its word:
    improving / declining when |slope| ≥ config.trend_threshold, else stable; one year is insufficient."""
    rows = []
    for field, group in scores.groupby("field", sort=False):
        span = trend_years(group["fiscal_year"].tolist(), config)
        used = group[group["fiscal_year"].isin(span)].sort_values("fiscal_year")
        slope = None
        if len(used) >= 2:
            slope = float(np.polyfit(used["fiscal_year"].astype(float), used["score"].astype(float), 1)[0])
            slope = round(slope, 2)
        if slope is None:
            trend = "insufficient"
        elif slope >= config.trend_threshold:
            trend = "improving"
        elif slope <= -config.trend_threshold:
            trend = "declining"
        else:
            trend = "stable"
        first = group.iloc[0]
        rows.append({"field": field, "scope": first["scope"], "code": first["code"], "indicator": first["indicator"],
                     "name": first["name"],
                     "years": [int(y) for y in used["fiscal_year"]], "first_score": used["score"].iloc[0]
                     if len(used) else None, "last_score": used["score"].iloc[-1] if len(used) else None,
                     "slope": slope, "trend": trend, "trend_th": TRENDS[trend]})
    frame = pd.DataFrame(rows, columns=["field", "scope", "code", "indicator", "name", "years", "first_score",
                                        "last_score", "slope", "trend", "trend_th"])
    frame["indicator"] = frame["indicator"].astype("Int64")
    return frame
