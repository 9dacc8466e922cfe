"""Item scores (O13, e3, i5): what a document gives below the indicators. Where indicators are
missing they are the only evidence of a weakness, so the report lists them. Also the agency's own
account of its limitations, the other text an analysis document gives outside its tables."""
from __future__ import annotations

import pandas as pd

from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.levels import level_of
from ita_lib.rubric import load as load_rubric

COLUMNS = ["fiscal_year", "code", "instrument", "score", "level"]


def item_table(chosen: pd.DataFrame, config: AnalysisConfig) -> pd.DataFrame:
    """One row per year and item with its score and level, weakest first within a year."""
    if chosen.empty:
        return pd.DataFrame(columns=COLUMNS)
    items = chosen[chosen["field"].str.startswith("item:") & chosen["number"].notna()]
    rubric = load_rubric()
    rows = [{"fiscal_year": int(row.fiscal_year), "code": row.field.split(":", 1)[1],
             "instrument": rubric.instrument_of_item(row.field.split(":", 1)[1]),
             "score": float(row.number), "level": level_of(float(row.number), config)}
            for row in items.itertuples(index=False)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["fiscal_year", "score", "code"]).reset_index(drop=True)


LIMITATION_COLUMNS = ["fiscal_year", "text", "line"]


def limitations_table(chosen: pd.DataFrame) -> pd.DataFrame:
    """The agency's own account of its limitations, one row per year whose documents give one."""
    if chosen.empty:
        return pd.DataFrame(columns=LIMITATION_COLUMNS)
    rows = chosen[chosen["field"].eq("limitations") & chosen["text"].notna()]
    frame = pd.DataFrame({"fiscal_year": rows["fiscal_year"].astype(int), "text": rows["text"].astype(str),
                          "line": rows["line"]}, columns=LIMITATION_COLUMNS)
    return frame.sort_values("fiscal_year").reset_index(drop=True)
