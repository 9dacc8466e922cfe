"""Option types for the command line: a bad value stops at the usage line (exit status 2) naming
the option, before any work starts."""
from __future__ import annotations

import argparse
import math

from ita_lib.cli.say import line, reason_text


MAX_PROCESSES = 256  # far above any machine's useful count; the batch caps it by cores and memory
MAX_SECONDS = 86_400  # one agency's notebook may run a day at most (a timer cannot wait for ever)


def positive_int(text: str) -> int:
    """A count of processes: a whole number from 1 to MAX_PROCESSES."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(line("{text!r} is not a whole number", text=text)) from None
    if not 1 <= value <= MAX_PROCESSES:
        raise argparse.ArgumentTypeError(line("{text} is not a count from 1 to {most}", text=text, most=MAX_PROCESSES))
    return value


def port_number(text: str) -> int:
    """A TCP port from 1 to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(line("{text!r} is not a port number", text=text)) from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(line("{text} is not a port from 1 to 65535", text=text))
    return value


def positive_seconds(text: str) -> float:
    """A time limit: a number of seconds above 0 and at most MAX_SECONDS."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(line("{text!r} is not a number of seconds", text=text)) from None
    if not math.isfinite(value) or not 0 < value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(line("{text!r} is not a number of seconds above 0 and at most {most:,}",
                                              text=text, most=MAX_SECONDS))
    return value


def path_text(text: str) -> str:
    """A file or folder name: never empty (an empty name would mean the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(line("an empty name is not a file or folder (use . for the current folder)"))
    return text


def agency_name(text: str) -> str:
    """An agency's name or id: never empty or only spaces (it would name no agency, or all of them)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(line("an empty name is not an agency"))
    return text.strip()


def fiscal_year(text: str) -> int:
    """A fiscal year B.E. (Thai or Arabic digits) in the range a user may name."""
    from ita_lib.text.thai import thai_digits_to_arabic
    from ita_lib.parse.years import FIRST_YEAR, LAST_YEAR, christian_era_hint

    try:
        value = int(thai_digits_to_arabic(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(line("{text!r} is not a year", text=text)) from None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(line("{value} is not a fiscal year B.E. between {first} and {last}{hint}",
                                              value=value, first=FIRST_YEAR, last=LAST_YEAR,
                                              hint=reason_text(christian_era_hint(value))))
    return value


def province(text: str) -> str:
    """A province as the store writes it, from any usual spelling (README, "The store"); a name that
    is none is a bad option, with the nearest provinces."""
    from ita_lib.parse.places import province_name, provinces_like

    found = province_name(text)
    if found is None:
        near = provinces_like(text)
        hint = line("; did you mean {names}?", names=line(" or ").join(near)) if near else ""
        raise argparse.ArgumentTypeError(line("{text!r} is not a province of Thailand{hint}", text=text, hint=hint))
    return found
