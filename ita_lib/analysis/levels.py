"""Per year: every indicator, instrument and the overall score with its level, rank and gaps."""
from __future__ import annotations

import pandas as pd

from ita_lib import fields
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


def score_table(values: pd.DataFrame, config: AnalysisConfig) -> pd.DataFrame:
    """The long values (history) with what a reader needs of each: scope (overall, instrument, part,
    indicator), code, name, level (code and Thai), rank within the agency that year (indicators
    among indicators, instruments among instruments), gap to the pass mark and to 100."""
    described = _described_fields()
    rubric = load_rubric()
    rows = []
    for year, field, score, source in values.itertuples(index=False):
        scope, number, name, instrument = described[field]
        level = level_of(score, config)
        rows.append({"fiscal_year": year, "era": rubric.era(year), "field": field, "scope": scope,
                     "scope_th": SCOPES[scope], "code": fields.code_of(field), "indicator": number, "name": name,
                     "instrument": instrument, "score": score, "score_source": source,
                     "level": level, "level_th": LEVELS[level],
                     "gap_to_pass": round(max(0.0, config.passing - score), 2),
                     "gap_to_full": round(100.0 - score, 2)})
    frame = pd.DataFrame(rows, columns=["fiscal_year", "era", "field", "scope", "scope_th", "code", "indicator",
                                        "name", "instrument", "score", "score_source", "level", "level_th",
                                        "gap_to_pass", "gap_to_full"])
    frame["indicator"] = frame["indicator"].astype("Int64")
    ranked = frame["scope"] != "overall"
    frame["rank"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    frame.loc[ranked, "rank"] = (frame[ranked].groupby(["fiscal_year", "scope"])["score"]
                                 .rank(ascending=False, method="min").astype("Int64"))
    return frame


def _described_fields() -> dict[str, tuple]:
    """Each score field of the rubric: (scope, indicator number, Thai name, instrument code)."""
    rubric = load_rubric()
    described = {fields.OVERALL: ("overall", None, "คะแนนรวม ITA", None)}
    for code, info in rubric.instruments.items():
        described[fields.instrument(code)] = ("instrument", None, info.name, code)
        for part in info.parts:
            described[fields.instrument(part.code)] = ("part", None, part.name, code)
    for number, info in rubric.indicators.items():
        described[fields.indicator(number)] = ("indicator", number, info.name, info.instrument)
    return described
