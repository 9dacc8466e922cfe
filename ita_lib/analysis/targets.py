"""The target of each indicator for the plan's year: the pass mark for one below it, else at least
its score of the year analysed (a full score is kept)."""
from __future__ import annotations

import pandas as pd

from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.numbers import fmt

COLUMNS = ["indicator", "name", "score", "target", "target_th"]
FULL = 100.0


def indicator_targets(scores: pd.DataFrame, year: int | None, config: AnalysisConfig) -> pd.DataFrame:
    """One row per indicator scored in `year`: its score, the target number and how it reads in Thai."""
    if year is None:
        return pd.DataFrame(columns=COLUMNS)
    latest = scores[(scores["fiscal_year"] == year) & (scores["scope"] == "indicator")].sort_values("indicator")
    rows = []
    for row in latest.itertuples(index=False):
        if row.score >= FULL:
            target, text = FULL, f"คงคะแนน {fmt(FULL, config, None)}"
        else:
            target = max(config.passing, round(row.score, 2))
            text = f"ไม่น้อยกว่า {fmt(target, config, 0 if target == config.passing else 2)}"
        rows.append((int(row.indicator), row.name, float(row.score), float(target), text))
    return pd.DataFrame(rows, columns=COLUMNS)
