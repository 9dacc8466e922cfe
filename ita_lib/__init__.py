"""ita_lib: read Thai ITA result documents into validated records with provenance."""
from __future__ import annotations

import os

# pythainlp must never try the network (government networks are often offline).
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from .errors import DocumentReadError, EmptyDocumentError, ItaError, UnsupportedFormatError  # noqa: E402
from .model import ActionRow, Assessment, Recommendation, to_dataframe  # noqa: E402
from .parse import parse_document, parse_text  # noqa: E402

__version__ = "0.1.0"


def load(agency: str, db="outputs/ita.duckdb", **options):
    """One agency's history, analysis tables and Thai narrative from the store (see ita_lib.analysis.load)."""
    from .analysis import load as load_analysis  # imported on use: parsing alone needs no DuckDB

    return load_analysis(agency, db, **options)

__all__ = [
    "ActionRow", "Assessment", "DocumentReadError", "EmptyDocumentError", "ItaError", "Recommendation",
    "UnsupportedFormatError", "load", "parse_document", "parse_text", "to_dataframe", "__version__",
]
