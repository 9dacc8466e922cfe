"""Numbers and years in Thai text: Thai or Arabic digits, as the reader chose."""
from __future__ import annotations

import re

from pythainlp.util import arabic_digit_to_thai_digit

from ita_lib.analysis.config import AnalysisConfig


def fmt(value: float | int, config: AnalysisConfig, decimals: int | None = 2) -> str:
    """A score with `decimals` places (None: as an integer, for years), in the configured digits."""
    text = str(int(value)) if decimals is None else f"{value:,.{decimals}f}"
    return arabic_digit_to_thai_digit(text) if config.digits == "thai" else text


def digits(text: str, config: AnalysisConfig) -> str:
    """Text that carries numbers (e.g. an era label) in the configured digits."""
    return arabic_digit_to_thai_digit(text) if config.digits == "thai" else text


# A run of characters without spaces that holds a Latin letter or a character of addresses and
# codes: "www.abc123.go.th", "O16", "alert(1)", "a@b.go.th". Its digits are part of a name.
_LATIN_TOKEN = re.compile(r"\S*[A-Za-z/@:_=?&#]\S*")


def document_digits(text: str, config: AnalysisConfig) -> str:
    """Text quoted from a document in the configured digits, except digits inside Latin words,
    web addresses and codes, which must stay as written to keep working."""
    if config.digits != "thai":
        return text
    kept, position, out = _LATIN_TOKEN.finditer(text), 0, []
    for token in kept:
        out.append(arabic_digit_to_thai_digit(text[position:token.start()]))
        out.append(token.group())
        position = token.end()
    out.append(arabic_digit_to_thai_digit(text[position:]))
    return "".join(out)
