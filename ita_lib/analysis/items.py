"""Item scores (O13, e3, i5): what a document gives below the indicators. Where indicators are
missing they are the only evidence of a weakness, so the report lists them."""
from __future__ import annotations

import pandas as pd

from .config import AnalysisConfig
from .levels import level_of

COLUMNS = ["fiscal_year", "code", "instrument", "score", "level"]
_INSTRUMENT_OF = {"O": "OIT", "E": "EIT", "I": "IIT"}  # by the code's letter, as the NACC numbers items


def item_table(chosen: pd.DataFrame, config: AnalysisConfig) -> pd.DataFrame:
    """One row per year and item with its score and level, weakest first within a year."""
    if chosen.empty:
        return pd.DataFrame(columns=COLUMNS)
    items = chosen[chosen["field"].str.startswith("item:") & chosen["number"].notna()]
    rows = [{"fiscal_year": int(row.fiscal_year), "code": row.field.split(":", 1)[1],
             "instrument": _INSTRUMENT_OF.get(row.field.split(":", 1)[1][:1].upper()),
             "score": float(row.number), "level": level_of(float(row.number), config)}
            for row in items.itertuples(index=False)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["fiscal_year", "score", "code"]).reset_index(drop=True)
