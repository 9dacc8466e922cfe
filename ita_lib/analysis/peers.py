"""Peer context: the agency's rank and percentile among agencies of the same type and province."""
from __future__ import annotations

import pandas as pd

from ita_lib import fields
from ita_lib.rubric import load as load_rubric
from ita_lib.analysis.history import choose_values


def peer_ids(agencies: pd.DataFrame, agency: dict) -> list[str]:
    """Agencies of the same type in the same province (the agency itself included)."""
    if agency["province"] is None:
        return []
    same = agencies[(agencies["province"] == agency["province"])
                    & (agencies["agency_type"].fillna("") == (agency["agency_type"] or ""))]
    return same["agency_id"].tolist()


def peer_table(peer_facts: pd.DataFrame, agency_id: str) -> pd.DataFrame:
    """Per year and score (overall and indicators): peers with a score, the agency's rank (1 = best,
    ties share the best rank), its percentile (100 × (lower + ½·equal others) / (peers − 1)) and the
    peers' median. Only years where the agency and at least one other peer have the score."""
    columns = ["fiscal_year", "field", "code", "name", "score", "peers", "peer_rank", "percentile", "peer_median"]
    chosen = choose_values(peer_facts)
    wanted = chosen[chosen["field"].eq(fields.OVERALL) | chosen["field"].str.startswith(fields.indicator(""))]
    keys = ["fiscal_year", "field"]
    values = wanted[keys + ["agency_id"]].assign(number=wanted["number"].astype(float))
    own = values[values["agency_id"] == agency_id][keys + ["number"]].rename(columns={"number": "score"})
    others = values[values["agency_id"] != agency_id].merge(own, on=keys)  # one vectorised pass, not per group
    counts = (others.assign(lower=others["number"] < others["score"], equal=others["number"] == others["score"],
                            higher=others["number"] > others["score"])
              .groupby(keys).agg(lower=("lower", "sum"), equal=("equal", "sum"), higher=("higher", "sum"),
                                 others=("number", "size")))
    medians = values.merge(own[keys], on=keys).groupby(keys)["number"].median().rename("median")
    table = own.set_index(keys).join(counts, how="inner").join(medians).reset_index()
    rows = []
    for row in table.itertuples(index=False):
        code = fields.code_of(row.field)
        name = "คะแนนรวม ITA" if row.field == fields.OVERALL else load_rubric().indicators[int(code)].name
        rows.append({"fiscal_year": int(row.fiscal_year), "field": row.field, "code": code, "name": name,
                     "score": float(row.score), "peers": int(row.others) + 1,
                     "peer_rank": int(row.higher) + 1,
                     "percentile": round(100.0 * (int(row.lower) + 0.5 * int(row.equal)) / int(row.others), 1),
                     "peer_median": round(float(row.median), 2)})
    frame = pd.DataFrame(rows, columns=columns)
    order = {fields.OVERALL: 0, **{fields.indicator(n): n for n in load_rubric().indicator_numbers}}
    return (frame.assign(_order=frame["field"].map(order))
            .sort_values(["fiscal_year", "_order"]).drop(columns="_order").reset_index(drop=True))
