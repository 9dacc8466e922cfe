"""Shared fixtures."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def write_records() -> Callable[[Path, Iterable], None]:
    """write_records(db, assessments): made-up records straight into a store (one source each, by
    its sha256), then agency identity linked, as `ingest` leaves it."""
    from ita_lib.store.ingest import relink
    from ita_lib.store.db import Store
    from ita_lib.store.rows import Rows, document_rows

    def write(db: Path, records: Iterable) -> None:
        rows = Rows.empty()
        for record in records:
            rows.extend(document_rows(record.source.sha256, record.source.path, "text", [record], None))
        with Store(db) as store:
            store.write(rows)
            relink(store)

    return write


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """The bundled examples ingested once for the whole session; tests only read it."""
    from ita_lib.store.ingest import ingest

    db = tmp_path_factory.mktemp("examples") / "ita.duckdb"
    assert not ingest([EXAMPLES], db=db, aliases=None, workers=1).failed
    return db
