"""One agency's records from the shared store into a session's own store: the session then reads,
confirms and builds on its copy, and the shared store is only ever read (a moment's read-only open,
so two sessions never wait on each other, and an ingest holding it makes the copy wait, not fail)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ita_lib.store.db import Store
from ita_lib.store.rows import Rows
from ita_lib.store.schema import COLUMNS


def copy_agency(shared: Path, target: Path, agency_id: str) -> int:
    """Copy the records linked to `agency_id` (every table's rows of them and their sources' rows);
    returns how many records. A source already in the target is left as it is."""
    from ita_lib.store.ingest import relink

    with Store(shared, read_only=True) as store:
        ids = store.record_ids(agency_id)
        rows = Rows.empty()
        for table, columns in COLUMNS.items():
            names = ", ".join(columns)
            if table == "sources":
                frame = store.query(f"SELECT {names} FROM sources WHERE sha256 IN "
                                    "(SELECT sha256 FROM records WHERE record_id IN (SELECT unnest(?)))", [ids])
            elif table == "facts":  # a store written before `secondary` was kept has no such column
                frame = store.query(f"SELECT record_id, field, number, text, line, {store._secondary} AS secondary "
                                    "FROM facts f WHERE record_id IN (SELECT unnest(?))", [ids])
            else:
                frame = store.query(f"SELECT {names} FROM {table} WHERE record_id IN (SELECT unnest(?))", [ids])
            rows.tables[table] = [tuple(None if _missing(v) else v for v in row)
                                  for row in frame.itertuples(index=False, name=None)]
    with Store(target) as store:
        known = store.known_sources()
        kept = {row[0] for row in rows.tables["sources"] if row[0] not in known}
        fresh = Rows({"sources": [row for row in rows.tables["sources"] if row[0] in kept],
                      **{table: [row for row in rows.tables[table] if _sha_of(row[0]) in {k[:16] for k in kept}]
                         for table in COLUMNS if table != "sources"}})
        store.write(fresh)
        relink(store, None)
    return len(ids)


def _sha_of(record_id: str) -> str:
    return record_id.split("-", 1)[0]  # rows.record_id: the source's sha256[:16]-index


def _missing(value) -> bool:
    """None, NaN or pandas' NA: what a DataFrame makes of SQL's NULL."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)
