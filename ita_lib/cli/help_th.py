"""ita-report's help and argparse's own words ("usage:", "options", "error:", "invalid choice…") in
Thai, when the command speaks Thai (ita_lib.cli.language).

argparse asks gettext for its words through the names `_` and `ngettext` of its module; for one run
of the command they are a translations object whose catalogue is messages_th.ARGPARSE (gettext's
own interface: NullTranslations, looked up by the English msgid). The help texts stay English where
the parser is built; `translate_parser` replaces each with its Thai entry (messages_th.HELP) after,
so the parser's code reads as before and a help text without Thai stays English.
"""
from __future__ import annotations

import argparse
import gettext
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from ita_lib.cli import language


class _Catalogue(gettext.NullTranslations):
    """gettext's translations object over a dict of msgid → Thai; an unknown msgid is itself."""

    def __init__(self, catalogue: dict[str, str]) -> None:
        super().__init__()
        self._catalogue = catalogue

    def gettext(self, message: str) -> str:
        return self._catalogue.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        # Thai has one form for every count: the singular's entry serves both.
        return self._catalogue.get(singular, singular if n == 1 else plural)


@contextmanager
def argparse_words() -> Iterator[None]:
    """argparse in Thai while the command runs in Thai (nothing changes in English); as it was after."""
    if not language.thai():
        yield
        return
    from ita_lib.cli.messages_th import ARGPARSE

    catalogue = _Catalogue(ARGPARSE)
    before = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = catalogue.gettext, catalogue.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before


class ThaiHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, wrapping Thai at its spaces by the columns a terminal gives it: textwrap
    counts vowel and tone marks above and below a letter, which take no column, and cuts a run of Thai
    (written without spaces between words) anywhere, even between a letter and its vowel."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines: list[str] = []
        for word in text.split():
            if lines and columns(lines[-1]) + 1 + columns(word) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return lines


def columns(text: str) -> int:
    """The columns `text` takes on a terminal: a combining mark (Thai vowels above and below, tone marks) none."""
    return sum(unicodedata.category(char) != "Mn" for char in text)


def translate_parser(parser: argparse.ArgumentParser) -> None:
    """Every description, help and epilog line of `parser` and its subcommands by its Thai entry."""
    from ita_lib.cli.messages_th import HELP

    def thai(text):
        return HELP.get(text, text) if isinstance(text, str) else text

    parser.formatter_class = ThaiHelpFormatter
    parser.description = thai(parser.description)
    if parser.epilog:
        parser.epilog = "\n".join(HELP.get(text, text) for text in parser.epilog.split("\n"))
    for action in parser._actions:
        action.help = thai(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:  # the one-line help of each subcommand in the list
                choice.help = thai(choice.help)
            for subparser in {id(p): p for p in action.choices.values()}.values():  # an alias is the same parser
                translate_parser(subparser)


def help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every help text of `parser` and its subcommands, as `translate_parser` looks them up (tests)."""
    if parser.description:
        yield parser.description
    yield from (text for text in (parser.epilog or "").split("\n") if text)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            yield from (choice.help for choice in action._choices_actions if choice.help)
            for subparser in {id(p): p for p in action.choices.values()}.values():
                yield from help_texts(subparser)
