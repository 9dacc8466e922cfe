"""The multi-year store: a DuckDB file of parsed records with provenance.

Every value a document gives is one row of `facts` (record, field, number or text, line), so two
sources that disagree both stay, and `conflicts()` is a plain query. Agency identity is recomputed
from all records after every ingest (ita_lib.store.resolve), so it never depends on ingest order.

Tables: sources (one per file content, by sha256), records (one per agency and year in a source),
facts, recommendations, actions, warnings, agencies, agency_links (ita_lib.store.schema); the rows a
document adds: ita_lib.store.rows; finding an agency by name: ita_lib.store.agency_index.
"""
from __future__ import annotations

import functools
import time
from pathlib import Path

import duckdb
import pandas as pd

from ita_lib.errors import StoreError
from ita_lib.store.agency_index import AgencyIndex, first_row
from ita_lib.store.rows import Rows
from ita_lib.folders import DEFAULT_DB
from ita_lib.store.schema import COLUMNS, CONFIRMED_IDENTITY, CONFIRMED_KIND, SCHEMA, SCHEMA_VERSION


def _store_errors(method):
    """DuckDB's errors (a cut or damaged file, a full disk) become one StoreError naming the store."""
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except duckdb.Error as error:
            raise StoreError(_store_problem(error), path=self.path) from None
    return guarded


# A writer (an ingest) holds the store's file lock while it writes; every other process, readers
# included, is refused until it lets go. An ingest commits at least every 20 s, so a reader waits
# that long and a little more before it gives up (a batch's agencies would otherwise all fail at once).
LOCK_WAIT_SECONDS = 30.0


def _connect_when_free(path: Path, read_only: bool):
    """duckdb.connect, retried with a growing pause while another process holds the file's lock."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() + pause > deadline:
                raise StoreError(f"in use by another process (an ingest?) for over {LOCK_WAIT_SECONDS:g} s; "
                                 "run again when it is done", path=path) from None
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def _store_problem(error: Exception) -> str:
    text = " ".join(str(error).split())
    if "No space left" in text:
        return "cannot write the store: no space left on device"
    if "Could not read enough bytes" in text or "Corrupt database" in text or "checksum" in text:
        return "the store file is damaged (cut short or corrupted); restore it or ingest again into a new file"
    return f"cannot use the store: {text[:200]}"



class Store:
    """A DuckDB store file. Use as a context manager or call close()."""

    _secondary = "coalesce(f.secondary, false)"  # SQL for "a second value of the same document"

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError("no store here; run `ita-report ingest` first", path=self.path)
        if self.path.is_dir():
            raise StoreError("is a folder, not a store file", path=self.path)
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = _connect_when_free(self.path, read_only)
        except OSError as error:
            raise StoreError(f"cannot create the store: {error.strerror}", path=self.path) from None
        except duckdb.Error as error:
            raise StoreError(_store_problem(error), path=self.path) from None
        try:
            if read_only:  # a damaged file may open and fail only when a table is read
                self.con.execute("SELECT count(*) FROM meta").fetchall()
                columns = {row[0] for row in self.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'facts'").fetchall()}
                if "secondary" not in columns:  # written by an older version; `ingest` adds the column
                    self._secondary = "false"
            else:
                self.con.execute(SCHEMA)
                self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        except duckdb.Error as error:
            self.con.close()
            raise StoreError(_store_problem(error), path=self.path) from None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- writing ------------------------------------------------------------------------------

    @_store_errors
    def known_sources(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT sha256 FROM sources").fetchall()}

    @_store_errors
    def write(self, rows: Rows) -> None:
        """Insert many documents' rows in one transaction: a crash leaves each source all or nothing."""
        if not len(rows):
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, columns in COLUMNS.items():
                data = rows.tables[name]
                if data:
                    self.con.register("rows_frame", pd.DataFrame(data, columns=list(columns)))
                    names = ", ".join(columns)
                    self.con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM rows_frame")
                    self.con.unregister("rows_frame")
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise

    @_store_errors
    @_store_errors
    def remove_sources(self, sha256s: list[str]) -> None:
        """Take documents out with everything they gave (a confirmation replaced by a newer one);
        identity is then stale until relink."""
        if not sha256s:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            records = "(SELECT record_id FROM records WHERE sha256 IN (SELECT unnest(?)))"
            for table in ("facts", "recommendations", "actions", "warnings", "agency_links", "name_spellings"):
                self.con.execute(f"DELETE FROM {table} WHERE record_id IN {records}", [sha256s])
            self.con.execute("DELETE FROM records WHERE sha256 IN (SELECT unnest(?))", [sha256s])
            self.con.execute("DELETE FROM sources WHERE sha256 IN (SELECT unnest(?))", [sha256s])
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise

    def replace_identity(self, agencies: pd.DataFrame, links: pd.DataFrame) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM agencies")
            self.con.execute("DELETE FROM agency_links")
            if len(agencies):
                self.con.register("agencies_frame", agencies)
                self.con.execute("INSERT INTO agencies SELECT agency_id, name, agency_type, place, district, "
                                 "province FROM agencies_frame")
                self.con.unregister("agencies_frame")
            if len(links):
                self.con.register("links_frame", links)
                self.con.execute("INSERT INTO agency_links SELECT record_id, agency_id, method, similarity, "
                                 "matched_name FROM links_frame")
                self.con.unregister("links_frame")
            self.con.execute("COMMIT")
        except Exception:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # After a failed write (a full disk) the rollback may fail too; the first error is the one to tell.
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    # --- reading ------------------------------------------------------------------------------

    @_store_errors
    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def identity_refs(self) -> pd.DataFrame:
        return self.query("""SELECT r.record_id, r.agency, r.agency_type, r.district, r.province, r.fiscal_year,
                                    r.sha256, f.number AS overall_score
                             FROM records r LEFT JOIN facts f
                                  ON f.record_id = r.record_id AND f.field = 'overall_score'
                             WHERE r.agency IS NOT NULL ORDER BY r.record_id""")

    @staticmethod
    def _listed_agencies() -> str:
        """SQL of the agencies as listings show them: the name, district and province the agency
        confirmed (its latest confirmation) over the documents'. Finding an agency and confirming
        use the documents' identity, which the agency id is made of."""
        picks = ",\n".join(f"arg_max(f.text, r.fiscal_year) FILTER (WHERE f.field = '{field}') AS {column}"
                           for field, column in CONFIRMED_IDENTITY.items())
        fields = ", ".join(f"'{field}'" for field in CONFIRMED_IDENTITY)
        return f"""(WITH confirmed AS (
                        SELECT l.agency_id, {picks}
                        FROM facts f JOIN records r USING (record_id) JOIN agency_links l USING (record_id)
                        WHERE r.kind = '{CONFIRMED_KIND}' AND f.field IN ({fields}) AND f.text IS NOT NULL
                        GROUP BY l.agency_id)
                    SELECT x.agency_id, coalesce(c.name, x.name) AS name, x.agency_type, x.place,
                           coalesce(c.district, x.district) AS district, coalesce(c.province, x.province) AS province
                    FROM agencies x LEFT JOIN confirmed c USING (agency_id))"""

    def agencies(self) -> pd.DataFrame:
        """One row per agency: name, type, location (as the agency confirmed them), years held and
        the other spellings seen."""
        return self.query(f"""
            SELECT a.agency_id, a.name, a.agency_type, a.district, a.province,
                   list(DISTINCT r.fiscal_year ORDER BY r.fiscal_year)
                       FILTER (WHERE r.fiscal_year IS NOT NULL) AS years,
                   count(DISTINCT r.sha256) AS sources,
                   list(DISTINCT r.agency ORDER BY r.agency) FILTER (WHERE r.agency <> a.name) AS aliases,
                   list(DISTINCT l.method || CASE WHEN l.method = 'fuzzy'
                        THEN ' ' || printf('%.2f', l.similarity) || ' ' || r.agency ELSE '' END
                        ORDER BY 1) FILTER (WHERE l.method <> 'exact') AS links
            FROM {self._listed_agencies()} a JOIN agency_links l USING (agency_id) JOIN records r USING (record_id)
            GROUP BY ALL ORDER BY a.province NULLS LAST, a.name, a.agency_id""")

    def facts(self, agency_ids: list[str] | None = None) -> pd.DataFrame:
        """Every fact with its agency, year, source path, kind and line."""
        where, params = "", []
        if agency_ids is not None:
            where, params = "WHERE l.agency_id IN (SELECT unnest(?))", [agency_ids]
        return self.query(f"""
            SELECT l.agency_id, r.fiscal_year, f.field, f.number, f.text, f.line, r.record_id, r.kind,
                   s.path, s.sha256, {self._secondary} AS secondary
            FROM facts f JOIN records r USING (record_id) JOIN agency_links l USING (record_id)
                 JOIN sources s ON s.sha256 = r.sha256
            {where} ORDER BY l.agency_id, r.fiscal_year, f.field, r.record_id""", params)

    def conflicts(self) -> pd.DataFrame:
        """Facts of one agency, year and field on which sources disagree, or one document disagrees
        with itself: every value, with its source."""
        return self.query(f"""
            WITH f AS (
                SELECT l.agency_id, r.fiscal_year, f.field,
                       coalesce(printf('%.2f', f.number), f.text) AS value,
                       s.path, f.line, r.kind || CASE WHEN {self._secondary} THEN ' (same document)' ELSE '' END AS kind
                FROM facts f JOIN records r USING (record_id) JOIN agency_links l USING (record_id)
                     JOIN sources s ON s.sha256 = r.sha256
                WHERE f.field NOT IN ('overall_score_computed', 'rank') AND r.fiscal_year IS NOT NULL),
            disputed AS (
                SELECT agency_id, fiscal_year, field FROM f GROUP BY ALL HAVING count(DISTINCT value) > 1)
            SELECT a.name AS agency, a.province, f.fiscal_year, f.field, f.value, f.path, f.line, f.kind,
                   f.agency_id
            FROM f JOIN disputed USING (agency_id, fiscal_year, field)
                 JOIN {self._listed_agencies()} a USING (agency_id)
            ORDER BY a.province NULLS LAST, a.name, f.fiscal_year, f.field, f.value, f.path""")

    def find_agency(self, name_or_id: str, *, province: str | None = None) -> pd.Series:
        """The one agency a name (any spelling seen, abbreviated or not) or an id refers to."""
        agencies = self.query("SELECT * FROM agencies")
        exact = agencies[agencies["agency_id"] == name_or_id]
        if len(exact) == 1:  # an id, as every build gives: no need to key every spelling in the store
            return first_row(exact)
        return self.agency_index(agencies).find(name_or_id, province=province)

    def agency_index(self, agencies: pd.DataFrame | None = None) -> AgencyIndex:
        """Every agency by id, by each spelling of its name and by its place, read once: for
        finding many agencies (a batch's list) without a query per name."""
        return AgencyIndex(self.query("SELECT * FROM agencies") if agencies is None else agencies,
                           self.query("SELECT DISTINCT l.agency_id, r.agency FROM records r "
                                      "JOIN agency_links l USING (record_id)"), self.path)

    def table(self, name: str) -> pd.DataFrame:
        if name not in (*COLUMNS, "agencies", "agency_links", "meta"):
            raise StoreError(f"no table {name!r}", path=self.path)
        return self.query(f"SELECT * FROM {name}")

    # ---------------------------------------------------------------- named reads (analysis, batch)

    def agency_list(self) -> pd.DataFrame:
        """agency_id, name, province of every agency, by province and name (a batch's targets)."""
        return self.query(f"SELECT agency_id, name, province FROM {self._listed_agencies()} "
                          "ORDER BY province, name, agency_id")

    def record_ids(self, agency_id: str, years: list[int] | None = None) -> list[str]:
        """The records linked to an agency, of `years` only when given."""
        return self.query("""SELECT l.record_id FROM agency_links l JOIN records r USING (record_id)
                             WHERE l.agency_id = ? AND (? OR r.fiscal_year IN (SELECT unnest(?)))""",
                          [agency_id, years is None, years or []])["record_id"].tolist()

    def rows_of_records(self, table: str, record_ids: list[str]) -> pd.DataFrame:
        """A table's rows (warnings, actions, recommendations) of the records, with each record's
        fiscal year and source path, in year, path and document order."""
        if table not in ("warnings", "actions", "recommendations"):
            raise StoreError(f"no per-record table {table!r}", path=self.path)
        return self.query(f"""SELECT t.*, r.fiscal_year, s.path FROM {table} t
                              JOIN records r USING (record_id) JOIN sources s ON s.sha256 = r.sha256
                              WHERE t.record_id IN (SELECT unnest(?))
                              ORDER BY r.fiscal_year, s.path, t.position""", [record_ids])

    def sources_of(self, record_ids: list[str]) -> pd.DataFrame:
        """path, sha256, kind and fiscal year of the documents the records come from."""
        return self.query("""SELECT DISTINCT s.path, s.sha256, r.kind, r.fiscal_year FROM records r
                             JOIN sources s ON s.sha256 = r.sha256 WHERE r.record_id IN (SELECT unnest(?))
                             ORDER BY r.fiscal_year, s.path""", [record_ids])

    def agency_content_hashes(self) -> pd.DataFrame:
        """agency_id, own: a hash of everything stored about each agency (facts with their sources,
        recommendations, actions, warnings, its identity row), so a batch sees what changed."""
        return self.query("""
            WITH rows AS (
                SELECT l.agency_id,
                       concat_ws('|', r.record_id, r.fiscal_year, s.path, f.field, f.number, f.text, f.line) AS row
                FROM facts f JOIN records r USING (record_id) JOIN agency_links l USING (record_id)
                     JOIN sources s ON s.sha256 = r.sha256
                UNION ALL SELECT l.agency_id, concat_ws('|', 'rec', t.record_id, t.position, t.instrument, t.text)
                FROM recommendations t JOIN agency_links l USING (record_id)
                UNION ALL SELECT l.agency_id, concat_ws('|', 'act', t.record_id, t.position, t.measure, t.steps,
                                                        t.period, t.responsible, t.analysis, t.line)
                FROM actions t JOIN agency_links l USING (record_id)
                UNION ALL SELECT l.agency_id, concat_ws('|', 'warn', t.record_id, t.position, t.code, t.message, t.line)
                FROM warnings t JOIN agency_links l USING (record_id)
                UNION ALL SELECT agency_id, concat_ws('|', 'agency', name, agency_type, district, province)
                FROM agencies)
            SELECT agency_id, sha256(string_agg(row, chr(10) ORDER BY row)) AS own FROM rows GROUP BY agency_id""")

    def peer_groups(self) -> pd.DataFrame:
        """agency_id, peer_group ("type:province"): the agencies an agency is compared with."""
        return self.query(f"""SELECT agency_id, coalesce(agency_type, '') || ':' || coalesce(province, '')
                                     AS peer_group FROM {self._listed_agencies()}""")
