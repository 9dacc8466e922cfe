"""What the store holds and where: its default file, its tables and their columns, the record
fields kept as facts and which kind of source wins a disagreement.

No DuckDB here: the command line reads DEFAULT_DB for its help before any store is opened, and
parse workers build rows (ita_lib.store.rows) without the database library.
"""
from __future__ import annotations

SCHEMA_VERSION = "1"

# Which source wins when sources disagree (lower first); the loser is still kept and listed. What the
# agency itself confirmed (ita-report confirm) wins over every document.
CONFIRMED_KIND = "confirmed"
# The text facts of a confirmation that say who the agency is; they win over the documents' in listings.
CONFIRMED_IDENTITY = {"agency_name": "name", "district": "district", "province": "province"}
KIND_PRIORITY = {CONFIRMED_KIND: -1, "itas_result": 0, "multi_agency_table": 1, "agency_analysis": 2,
                 "multi_year_table": 3, "province_list": 4, "prose": 5}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS sources (
    sha256 VARCHAR PRIMARY KEY, path VARCHAR, format VARCHAR, n_records INTEGER, note VARCHAR);
CREATE TABLE IF NOT EXISTS records (
    record_id VARCHAR PRIMARY KEY, sha256 VARCHAR, record_index INTEGER, kind VARCHAR,
    agency VARCHAR, agency_type VARCHAR, district VARCHAR, province VARCHAR, fiscal_year INTEGER,
    agency_line INTEGER, year_line INTEGER);
CREATE TABLE IF NOT EXISTS facts (
    record_id VARCHAR, field VARCHAR, number DOUBLE, text VARCHAR, line INTEGER, secondary BOOLEAN);
-- Stores written before in-document disagreements were kept: the column, false for their rows.
ALTER TABLE facts ADD COLUMN IF NOT EXISTS secondary BOOLEAN;
CREATE TABLE IF NOT EXISTS recommendations (
    record_id VARCHAR, position INTEGER, instrument VARCHAR, indicator INTEGER, text VARCHAR, line INTEGER);
CREATE TABLE IF NOT EXISTS actions (
    record_id VARCHAR, position INTEGER, indicator INTEGER, topic VARCHAR, measure VARCHAR,
    analysis VARCHAR, steps VARCHAR, period VARCHAR, responsible VARCHAR, score DOUBLE, line INTEGER);
CREATE TABLE IF NOT EXISTS warnings (
    record_id VARCHAR, position INTEGER, code VARCHAR, message VARCHAR, line INTEGER);
CREATE TABLE IF NOT EXISTS agencies (
    agency_id VARCHAR PRIMARY KEY, name VARCHAR, agency_type VARCHAR, place VARCHAR,
    district VARCHAR, province VARCHAR);
CREATE TABLE IF NOT EXISTS agency_links (
    record_id VARCHAR PRIMARY KEY, agency_id VARCHAR, method VARCHAR, similarity DOUBLE,
    matched_name VARCHAR);
CREATE TABLE IF NOT EXISTS name_spellings (record_id VARCHAR, spelling VARCHAR, mentions INTEGER, line INTEGER);
"""

COLUMNS = {
    "records": ("record_id", "sha256", "record_index", "kind", "agency", "agency_type", "district",
                "province", "fiscal_year", "agency_line", "year_line"),
    # secondary: a second value the same document printed for the field (the first is kept).
    "facts": ("record_id", "field", "number", "text", "line", "secondary"),
    "recommendations": ("record_id", "position", "instrument", "indicator", "text", "line"),
    "actions": ("record_id", "position", "indicator", "topic", "measure", "analysis", "steps", "period",
                "responsible", "score", "line"),
    "warnings": ("record_id", "position", "code", "message", "line"),
    "sources": ("sha256", "path", "format", "n_records", "note"),
    "name_spellings": ("record_id", "spelling", "mentions", "line"),
}
# Record fields stored as facts: (field, is_number).
SCALAR_FACTS = (("overall_score", True), ("overall_score_computed", True), ("grade", False),
                 ("result", False), ("passed", False), ("rank", True), ("limitations", False))

