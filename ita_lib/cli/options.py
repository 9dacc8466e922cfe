"""Option types for the command line: a bad value stops at the usage line (exit status 2) naming
the option, before any work starts."""
from __future__ import annotations

import argparse
import math


def positive_int(text: str) -> int:
    """A count of processes: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a count of at least 1")
    return value


def positive_seconds(text: str) -> float:
    """A time limit: a finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return value


def fiscal_year(text: str) -> int:
    """A fiscal year B.E. (Thai or Arabic digits) in the range a user may name."""
    from ita_lib.text.thai import thai_digits_to_arabic
    from ita_lib.parse.years import FIRST_YEAR, LAST_YEAR, christian_era_hint

    try:
        value = int(thai_digits_to_arabic(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year") from None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"{value} is not a fiscal year B.E. between {FIRST_YEAR} and "
                                         f"{LAST_YEAR}{christian_era_hint(value)}")
    return value
