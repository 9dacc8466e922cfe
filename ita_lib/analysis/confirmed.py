"""What the agency confirmed as text (ita-report confirm): its name, district and province, the
sign-off and the report's date. Confirmed scores need nothing here: they are facts of the kind
`confirmed`, which wins over every document when values are chosen (history.choose_values)."""
from __future__ import annotations

import pandas as pd

from ita_lib.store.schema import CONFIRMED_IDENTITY, CONFIRMED_KIND


def confirmed_texts(chosen: pd.DataFrame) -> dict[str, str]:
    """field → text of the agency's confirmations, the latest year's winning where years differ."""
    if chosen.empty:
        return {}
    rows = chosen[(chosen["kind"] == CONFIRMED_KIND) & chosen["text"].notna()].sort_values("fiscal_year")
    return {row.field: str(row.text) for row in rows.itertuples(index=False)}


def with_confirmed_identity(agency: dict, confirmed: dict[str, str]) -> dict:
    """The agency as it confirmed itself: its name, district and province win over the documents'
    (the name as the documents gave it stays, as name_in_documents)."""
    given = {key: confirmed[field] for field, key in CONFIRMED_IDENTITY.items() if confirmed.get(field)}
    if not given:
        return agency
    return {**agency, "name_in_documents": agency.get("name"), **given}
