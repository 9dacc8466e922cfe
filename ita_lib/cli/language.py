"""The language of the command's own lines and help: Thai or English.

Thai when ITA_LANG=th, or when ITA_LANG is unset and the locale is Thai (LC_ALL, LC_MESSAGES or LANG
starting with "th", as POSIX reads them; on Windows, whose locale names are like "Thai_Thailand",
the process's locale); English otherwise, and always with ITA_LANG=en. `ita-report --lang th|en`
wins over both (ita_lib.cli.main). The library's own errors and results stay English: only what the
command says is translated (ita_lib.cli.say, catalogue ita_lib.cli.messages_th).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

LANGUAGES = ("th", "en")
ENV_VAR = "ITA_LANG"

_chosen: str | None = None  # set by `chosen` for one run of the command; None: from the environment


def from_environment(environ: Mapping[str, str] = os.environ, windows_locale: str | None = None) -> str:
    """'th' or 'en' from ITA_LANG, else from the locale (see the module's docstring)."""
    asked = environ.get(ENV_VAR, "").strip().lower()
    if asked in LANGUAGES:
        return asked
    # POSIX: the first of these that is set decides (LC_ALL over LC_MESSAGES over LANG).
    posix = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    if posix:
        return "th" if posix.lower().startswith("th") else "en"
    if windows_locale is None and sys.platform == "win32":  # pragma: no cover - Windows only
        import locale

        windows_locale = locale.getlocale()[0] or ""
    return "th" if (windows_locale or "").lower().startswith("th") else "en"


def current() -> str:
    return _chosen or from_environment()


def thai() -> bool:
    return current() == "th"


@contextmanager
def chosen(language: str | None) -> Iterator[None]:
    """The command's language for one run: `language` ('th' or 'en', from --lang), else the
    environment's, decided once; the one before it comes back after (a test calling main() twice)."""
    global _chosen
    before = _chosen
    _chosen = language if language in LANGUAGES else from_environment()
    try:
        yield
    finally:
        _chosen = before


def option_in(argv: list[str]) -> str | None:
    """The value of a global `--lang X` or `--lang=X` before the subcommand, read ahead of the parser
    (the help it builds is already in that language); the parser itself checks the value."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--lang":
            return next(tokens, None)
        if token.startswith("--lang="):
            return token.removeprefix("--lang=")
        if not token.startswith("-"):  # the subcommand: its options are its own
            return None
    return None
