"""Numbers and years in Thai text: Thai or Arabic digits, as the reader chose."""
from __future__ import annotations

from pythainlp.util import arabic_digit_to_thai_digit

from .config import AnalysisConfig


def fmt(value: float | int, config: AnalysisConfig, decimals: int | None = 2) -> str:
    """A score with `decimals` places (None: as an integer, for years), in the configured digits."""
    text = str(int(value)) if decimals is None else f"{value:,.{decimals}f}"
    return arabic_digit_to_thai_digit(text) if config.digits == "thai" else text


def digits(text: str, config: AnalysisConfig) -> str:
    """Text that carries numbers (e.g. an era label) in the configured digits."""
    return arabic_digit_to_thai_digit(text) if config.digits == "thai" else text
