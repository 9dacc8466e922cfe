"""The command's own lines: every message on stderr and every path on stdout goes through here, so a
name holding an escape sequence or a newline is shown, never obeyed (ita_lib.text.terminal).

Every line the command writes itself is a template with named placeholders, written in English at
the place that says it: `tell("{count} files added", count=3)`. In Thai (ita_lib.cli.language) the
template is looked up in ita_lib.cli.messages_th, as gettext looks up a msgid, and filled with the
same values; a template with no Thai entry is said in English (tests/test_cli_thai.py fails on it).
The library's errors are English (the app and library users read them); `error_text` says the ones
the catalogue knows in Thai, matching the whole reason against the English templates there.
"""
from __future__ import annotations

import re
import string
import sys
from functools import lru_cache

from ita_lib.cli import language
from ita_lib.text.terminal import terminal_line

PREFIX = "ita-report: "


def say(message: str) -> None:
    """One line on stderr (nothing when stderr is closed: there is nobody to tell)."""
    if sys.stderr is not None:
        print(terminal_line(message), file=sys.stderr, flush=True)


def say_path(path: object) -> None:
    """A path the command made, one per line on stdout, for scripts to read."""
    if sys.stdout is not None:
        print(terminal_line(path))


def line(template: str, /, **values: object) -> str:
    """`template` in the user's language, filled with `values` (str.format's named fields)."""
    if language.thai():
        from ita_lib.cli.messages_th import LINES

        template = LINES.get(template, template)
    return template.format(**values) if values else template


def tell(template: str, /, **values: object) -> None:
    """One line "ita-report: …" on stderr: `template` in the user's language (see `line`)."""
    say(PREFIX + line(template, **values))


def error_text(error: BaseException) -> str:
    """An error of the library's as the command says it: "FILE: reason", the reason in Thai when the
    catalogue knows it (ita_lib.cli.messages_th.REASONS), else as the library wrote it."""
    from ita_lib.errors import ItaError

    if not isinstance(error, ItaError) or not language.thai():
        return str(error)
    reason = terminal_line(reason_text(error.reason))
    if error.path is None and error.line is None:
        return reason
    where = terminal_line(error.path or "<text>") + (f":{error.line}" if error.line is not None else "")
    return f"{where}: {reason}"


def tell_error(error: BaseException) -> None:
    say(PREFIX + error_text(error))


def error_line_text(text: str) -> str:
    """An error that arrives already written, "FILE: reason" (a batch worker's, from another process),
    with its reason in the user's language when the catalogue knows it: the reason is the rest of the
    text after some ": " (a name may hold one), and only a whole-reason match counts."""
    if not language.thai():
        return text
    cut = text.find(": ")
    while cut != -1:
        reason = text[cut + 2:]
        thai = reason_text(reason)
        if thai != reason:
            return text[:cut + 2] + thai
        cut = text.find(": ", cut + 2)
    return reason_text(text)


def reason_text(reason: str) -> str:
    """An English reason (an error's, a parser's note) in the user's language when the catalogue
    has its template; its values (names, numbers, a library's own words) are kept as written."""
    if not language.thai():
        return reason
    for pattern, thai in _reason_patterns():
        found = pattern.fullmatch(reason)
        if found:
            return thai.format(**found.groupdict())
    return reason


@lru_cache(maxsize=1)
def _reason_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each English template of REASONS as a pattern of the whole reason: its literal text exact, each
    named field any text (the shortest that fits, so the literal words decide)."""
    from ita_lib.cli.messages_th import REASONS

    patterns = []
    for english, thai in REASONS.items():
        parts = [re.escape(text) + (f"(?P<{field}>.*?)" if field is not None else "")
                 for text, field, _, _ in string.Formatter().parse(english)]
        patterns.append((re.compile("".join(parts), re.DOTALL), thai))
    return patterns
