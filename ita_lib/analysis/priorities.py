"""Improvement priorities: how many overall points each indicator would add at 85 and at 100."""
from __future__ import annotations

import pandas as pd

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis.config import AnalysisConfig


def priorities(scores: pd.DataFrame, fiscal_year: int, config: AnalysisConfig) -> pd.DataFrame:
    """Indicators of one year ranked by the overall points gained if each reached the pass mark
    (weight × gap), then by the gain at 100. Weight = instrument weight / its number of indicators."""
    year = scores[(scores["fiscal_year"] == fiscal_year) & (scores["scope"] == "indicator")]
    rules = load_rubric().rules_for(fiscal_year)
    rows = []
    for row in year.itertuples(index=False):
        weight = load_rubric().indicator_weight(int(row.indicator), fiscal_year)
        rows.append({"indicator": int(row.indicator), "name": row.name, "instrument": row.instrument,
                     "score": row.score, "weight": round(weight, 4), "weights_status": rules.weights_status,
                     "gap_to_pass": round(max(0.0, config.passing - row.score), 2),
                     "gap_to_full": round(100.0 - row.score, 2),
                     "gain_to_pass": round(weight * max(0.0, config.passing - row.score), 2),
                     "gain_to_full": round(weight * (100.0 - row.score), 2)})
    frame = pd.DataFrame(rows, columns=["indicator", "name", "instrument", "score", "weight", "weights_status",
                                        "gap_to_pass", "gap_to_full", "gain_to_pass", "gain_to_full"])
    # Rank on the unrounded gains (weight × gap), so two gains that round alike keep their true order.
    weights = frame["weight"]
    frame = frame.assign(_pass=weights * frame["gap_to_pass"], _full=weights * frame["gap_to_full"])
    frame = frame.sort_values(["_pass", "_full", "indicator"], ascending=[False, False, True])
    frame = frame.drop(columns=["_pass", "_full"])
    frame.insert(0, "priority", range(1, len(frame) + 1))
    return frame.reset_index(drop=True)
