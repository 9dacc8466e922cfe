"""Detect what a document is and read its ITA records.

`parse_document(path)` and `parse_text(text)` return a list of Assessment records; a document that
is not an ITA result returns [] and `parse_report` says why. The parsers load at first use
(`detect`), so that importing a helper such as `ita_lib.parse.agency` or `.years` stays cheap.
"""
from __future__ import annotations

__all__ = ["ParseReport", "load", "parse_document", "parse_loaded", "parse_report", "parse_text"]


def __getattr__(name: str):
    if name in __all__:
        from ita_lib.parse import detect

        return getattr(detect, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
