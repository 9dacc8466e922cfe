"""Finding an agency among a store's agencies: by id, by any spelling of its name, or by a bare
place name, with messages that say how to tell apart the agencies a name matches."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ita_lib.errors import AgencyNotFoundError


def first_row(frame: pd.DataFrame) -> pd.Series:
    """The first row with None for every missing value (pandas gives NaN for a NULL text), so
    callers can test `if row["province"]`."""
    row = frame.iloc[0].astype(object)
    return row.where(row.notna(), None)


def _text_or(value, default: str) -> str:
    """A text column's value, or *default* for NULL (which pandas hands over as None, NaN or NA)."""
    return value if isinstance(value, str) and value else default


class AgencyIndex:
    """The agencies of a store, looked up as Store.find_agency does: an id, any spelling of a name
    (abbreviated or not), or a bare place name, which names every tier of that place."""

    def __init__(self, agencies: pd.DataFrame, spellings: pd.DataFrame, path: str | Path):
        from ita_lib.store.names import name_key, split_tier

        self.agencies, self.path = agencies, path
        self._by_id = {agency_id: position for position, agency_id in enumerate(agencies["agency_id"])}
        self._by_name: dict[str, set[str]] = {}
        for agency_id, name in [*zip(spellings["agency_id"], spellings["agency"]),
                                *zip(agencies["agency_id"], agencies["name"])]:
            self._by_name.setdefault(name_key(name), set()).add(agency_id)
        self._by_place: dict[str, set[str]] = {}
        for agency_id, place in zip(agencies["agency_id"], agencies["place"]):
            if isinstance(place, str):
                self._by_place.setdefault(name_key(place), set()).add(agency_id)
        for agency_id, name in zip(spellings["agency_id"], spellings["agency"]):  # a place as once spelt
            tier, place = split_tier(name)
            if tier is not None:
                self._by_place.setdefault(name_key(place), set()).add(agency_id)

    def find(self, name_or_id: str, *, province: str | None = None) -> pd.Series:
        from ita_lib.store.names import name_key

        agencies = self.agencies
        if name_or_id in self._by_id:
            return first_row(agencies.iloc[[self._by_id[name_or_id]]])
        wanted = name_key(name_or_id)
        ids = self._by_name.get(wanted) or self._by_place.get(wanted, set())
        named = agencies[agencies["agency_id"].isin(ids)]
        found = named if province is None else named[named["province"] == province]
        if len(found) == 1:
            return first_row(found)
        if named.empty:
            raise AgencyNotFoundError(f"no agency named {name_or_id!r} in the store", path=self.path)
        if found.empty:
            places = ", ".join(sorted({_text_or(p, "no province") for p in named["province"]}))
            raise AgencyNotFoundError(f"{name_or_id!r} is in the store, but not in province {province!r} "
                                      f"(it is in: {places})", path=self.path)
        choices = "; ".join(f"{r.name} ({_text_or(r.district, '?')}, {_text_or(r.province, '?')}) id={r.agency_id}"
                            for r in found.itertuples())
        raise AgencyNotFoundError(f"{name_or_id!r} matches several agencies: {choices}; "
                                  "give the province or the id", path=self.path)
