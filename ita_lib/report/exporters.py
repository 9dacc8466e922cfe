"""The output formats, found by name: each is one function that turns an executed report into
files. A new format is a module with such a function and one line in EXPORTERS (loaded on use, so
a build that does not ask for Word never imports python-docx)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from pathlib import Path

from ita_lib.errors import UsageError
from ita_lib.report.publish import Published

EXPORTERS: dict[str, str] = {  # format -> "module:function", the function taking an Export
    "html": "ita_lib.report.exporters:export_html",
    "pdf": "ita_lib.report.exporters:export_pdf",
    "docx": "ita_lib.report.word:export_docx",
    "xlsx": "ita_lib.report.excel:export_xlsx",
}
FORMATS = tuple(EXPORTERS)


def check_formats(text: str) -> list[str]:
    """The formats of a --format option ("html,pdf"), in order, once each; a wrong one stops the
    command before any work (UsageError), instead of failing every report."""
    formats = list(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    choices = ", ".join(FORMATS)
    if not formats:
        raise UsageError(f"no format given (choose from {choices})", path="--format")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r} (choose from {choices})", path="--format")
    return formats


@dataclass
class Export:
    """One executed report, as every exporter sees it. `folder`: where the files will be (the
    PDF's base for relative links); nothing is written there by an exporter."""

    notebook: object  # the executed notebook (nbformat node)
    published: Published
    digits: str
    folder: Path

    @property
    def title(self) -> str:
        return self.published.document.title

    @cached_property
    def page(self) -> str:
        """The HTML page, made once for the html and pdf formats."""
        from ita_lib.report.html_export import notebook_to_html
        from ita_lib.report.line_breaks import keep_whole

        block = self.published.document.title_block()
        keep_whole([block.name] if block else [])  # the agency's own name, dictionary word or not
        return notebook_to_html(self.notebook, title=self.title, digits=self.digits, published=self.published,
                                word_breaks=True)


def exporter(name: str) -> Callable[[Export], dict[str, bytes | str]]:
    module, function = EXPORTERS[name].split(":")
    return getattr(import_module(module), function)


def export_html(export: Export) -> dict[str, bytes | str]:
    return {"report.html": export.page}


def export_pdf(export: Export) -> dict[str, bytes | str]:
    from ita_lib.report.pdf import page_to_pdf

    return {"report.pdf": page_to_pdf(export.page, export.folder)}
