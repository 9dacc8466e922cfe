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


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """The report of each of the five seed agencies (../shared/seeds), built once for the session as an
    agency publishes it (html, pdf, docx): agency name -> format -> path. Skips without ../shared."""
    from ita_lib.parse import parse_document
    from ita_lib.report.render import build
    from ita_lib.store.ingest import ingest

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    files = sorted(SEEDS.glob("*.txt"))
    folder = tmp_path_factory.mktemp("seed-reports")
    db = folder / "ita.duckdb"
    assert not ingest(files, db=db, aliases=None, workers=1).failed
    names = sorted({record.agency for file in files for record in parse_document(file) if record.agency})
    return {name: build({"agency": name, "db": str(db), "output_dir": str(folder / "out"),
                         "formats": ["html", "pdf", "docx"]}).outputs for name in names}
