"""ita_lib: read Thai ITA result documents into validated records with provenance."""
from __future__ import annotations

import os

from ita_lib.errors import DocumentReadError, EmptyDocumentError, ItaError, UnsupportedFormatError
from ita_lib.folders import DEFAULT_DB  # a constant only: importing ita_lib loads no DuckDB

__version__ = "0.1.0"

# Imported on first use: the command line must be able to set up caches (ita_lib.cli.home) before
# pythainlp is imported, and `ita-report --help` should not pay for the parser.
_LAZY = {"ActionRow": "model", "Assessment": "model", "Recommendation": "model", "to_dataframe": "model",
         "parse_document": "parse", "parse_text": "parse"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(agency: str, db: str | os.PathLike = DEFAULT_DB, *, province: str | None = None,
         config: dict | None = None, years: list[int] | None = None):
    """One agency's history, analysis tables and Thai narrative from the store, as an AgencyAnalysis
    (it shows itself as a Thai summary in Jupyter). `agency`: any spelling seen or its id;
    `province` when the name is ambiguous; `config`: thresholds such as {"passing": 85, "digits":
    "arabic"}; `years`: only these fiscal years (B.E.)."""
    from ita_lib.analysis import load as load_analysis  # imported on use: parsing alone needs no DuckDB

    return load_analysis(agency, db, province=province, config=config, years=years)


__all__ = [
    "ActionRow", "Assessment", "DocumentReadError", "EmptyDocumentError", "ItaError", "Recommendation",
    "UnsupportedFormatError", "load", "parse_document", "parse_text", "to_dataframe", "__version__",
]
