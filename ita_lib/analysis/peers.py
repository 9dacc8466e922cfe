"""Peer context: the agency's rank and percentile among agencies of the same type and province."""
from __future__ import annotations

import pandas as pd

from ita_lib import rubric
from ita_lib.analysis.history import choose_values


def peer_ids(agencies: pd.DataFrame, agency: pd.Series) -> list[str]:
    """Agencies of the same type in the same province (the agency itself included)."""
    if agency["province"] is None or pd.isna(agency["province"]):
        return []
    same = agencies[(agencies["province"] == agency["province"])
                    & (agencies["agency_type"].fillna("") == (agency["agency_type"] or ""))]
    return same["agency_id"].tolist()


def peer_table(peer_facts: pd.DataFrame, agency_id: str) -> pd.DataFrame:
    """Per year and score (overall and indicators): peers with a score, the agency's rank (1 = best,
    ties share the best rank), its percentile (100 × (lower + ½·equal others) / (peers − 1)) and the
    peers' median. Only years where the agency and at least one other peer have the score."""
    columns = ["fiscal_year", "code", "name", "score", "peers", "peer_rank", "percentile", "peer_median"]
    chosen = choose_values(peer_facts)
    wanted = chosen[chosen["field"].eq("overall_score") | chosen["field"].str.startswith("indicator:")]
    rows = []
    for (year, field), group in wanted.groupby(["fiscal_year", "field"]):
        own = group[group["agency_id"] == agency_id]
        if own.empty or len(group) < 2:
            continue
        score = float(own["number"].iloc[0])
        others = group[group["agency_id"] != agency_id]["number"].astype(float)
        lower, equal = int((others < score).sum()), int((others == score).sum())
        code = "ITA" if field == "overall_score" else field.split(":")[1]
        rows.append({"fiscal_year": int(year), "code": code,
                     "name": "คะแนนรวม ITA" if code == "ITA" else rubric.INDICATORS[int(code)].name,
                     "score": score, "peers": len(group),
                     "peer_rank": int((others > score).sum()) + 1,
                     "percentile": round(100.0 * (lower + 0.5 * equal) / len(others), 1),
                     "peer_median": round(float(group["number"].median()), 2)})
    frame = pd.DataFrame(rows, columns=columns)
    order = {"ITA": 0, **{str(n): n for n in rubric.INDICATOR_NUMBERS}}
    return (frame.assign(_order=frame["code"].map(order))
            .sort_values(["fiscal_year", "_order"]).drop(columns="_order").reset_index(drop=True))
