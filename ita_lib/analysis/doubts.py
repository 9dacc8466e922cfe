"""Values in doubt: scores printed with two or more values, by two sources or by one document twice
(a table and its own action plan). The report shows the value it uses and the others beside it, so a
reader never takes a disputed number for a settled one."""
from __future__ import annotations

import pandas as pd

from ita_lib.store.schema import CONFIRMED_KIND

from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.history import without_nan
from ita_lib.analysis.levels import level_of

COLUMNS = ["fiscal_year", "field", "indicator", "shown", "others", "same_document", "shown_level", "other_levels"]
_SCORE_PREFIXES = ("indicator:", "instrument:", "overall_score")


def values_in_doubt(facts: pd.DataFrame, chosen: pd.DataFrame, config: AnalysisConfig) -> pd.DataFrame:
    """One row per year and score field with more than one value: the value used (`shown`), the
    others, whether they all come from one document, and the level each value would give."""
    disputed = chosen[chosen["disputed"] & chosen["field"].str.startswith(_SCORE_PREFIXES)] if len(chosen) else chosen
    if len(disputed):
        disputed = disputed[disputed["kind"] != CONFIRMED_KIND]  # the agency settled it
    rows = []
    for row in disputed.itertuples(index=False):
        same = facts[(facts["fiscal_year"] == row.fiscal_year) & (facts["field"] == row.field)
                     & facts["number"].notna()]
        others = sorted({round(float(v), 2) for v in same["number"]} - {round(float(row.number), 2)}, reverse=True)
        if not others:
            continue
        indicator = int(row.field.split(":")[1]) if row.field.startswith("indicator:") else None
        rows.append({"fiscal_year": int(row.fiscal_year), "field": row.field, "indicator": indicator,
                     "shown": float(row.number), "others": others,
                     "same_document": same["sha256" if "sha256" in same else "record_id"].nunique() == 1,
                     "shown_level": level_of(float(row.number), config),
                     "other_levels": [level_of(v, config) for v in others]})
    return without_nan(pd.DataFrame(rows, columns=COLUMNS))
