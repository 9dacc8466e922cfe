"""CSV meant for spreadsheets: a text cell starting with =, +, -, @, tab or CR is a formula to
Excel and LibreOffice, so it gets a leading apostrophe (OWASP, "CSV Injection")."""
from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """*value* with a leading ' when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of *frame* whose text cells cannot start a formula; numbers stay numbers."""
    safe = frame.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_datetime64_any_dtype(safe[column])):
            safe[column] = safe[column].map(spreadsheet_text)
    return safe


def spreadsheet_csv(frame: pd.DataFrame, *, lineterminator: str | None = None) -> str:
    """*frame* as CSV text for Excel: a BOM first (Excel then reads Thai as UTF-8), no index, no cell
    that would run as a formula."""
    return "\ufeff" + spreadsheet_safe(frame).to_csv(index=False, lineterminator=lineterminator)
