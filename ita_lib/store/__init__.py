"""Stage 4, the store: records in a DuckDB file (db.py), ingest of folders of documents (ingest.py)
and agency identity across years and spellings: names (names.py), the aliases file (aliases.py)
and the matching rules (resolve.py)."""
