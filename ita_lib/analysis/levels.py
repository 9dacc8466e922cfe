"""Per year: every indicator, instrument and the overall score with its level, rank and gaps."""
from __future__ import annotations

import pandas as pd

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.labels import LEVELS, SCOPES


def level_of(score: float, config: AnalysisConfig) -> str:
    if score >= config.strength:
        return "strength"
    if score >= config.passing:
        return "pass"
    if score >= config.urgent:
        return "weakness"
    return "urgent"


def score_table(years: pd.DataFrame, config: AnalysisConfig) -> pd.DataFrame:
    """Long table: fiscal_year, scope (overall/instrument/indicator), code, name, score, level (code and
    Thai), rank within the agency that year (indicators among indicators, instruments among instruments),
    gap to the pass mark and to 100."""
    rows = []
    rubric = load_rubric()
    for year in years.itertuples(index=False):
        entries = [("overall", "ITA", None, "คะแนนรวม ITA", None, year.overall_score, year.overall_source)]
        for code in rubric.instrument_codes:
            entries.append(("instrument", code, None, rubric.instruments[code].name, code,
                            getattr(year, code), getattr(year, f"{code}_source")))
        for n in rubric.indicator_numbers:
            info = rubric.indicators[n]
            entries.append(("indicator", str(n), n, info.name, info.instrument,
                            getattr(year, f"indicator_{n}"), "printed"))
        for scope, code, number, name, instrument, score, source in entries:
            if score is None or pd.isna(score):
                continue
            level = level_of(score, config)
            rows.append({"fiscal_year": year.fiscal_year, "era": year.era, "scope": scope,
                         "scope_th": SCOPES[scope], "code": code, "indicator": number, "name": name,
                         "instrument": instrument, "score": float(score), "score_source": source,
                         "level": level, "level_th": LEVELS[level],
                         "gap_to_pass": round(max(0.0, config.passing - score), 2),
                         "gap_to_full": round(100.0 - score, 2)})
    frame = pd.DataFrame(rows, columns=["fiscal_year", "era", "scope", "scope_th", "code", "indicator", "name",
                                        "instrument", "score", "score_source", "level", "level_th",
                                        "gap_to_pass", "gap_to_full"])
    frame["indicator"] = frame["indicator"].astype("Int64")
    ranked = frame["scope"] != "overall"
    frame["rank"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    frame.loc[ranked, "rank"] = (frame[ranked].groupby(["fiscal_year", "scope"])["score"]
                                 .rank(ascending=False, method="min").astype("Int64"))
    return frame
