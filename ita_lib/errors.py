"""One exception root for ita_lib.

Every error carries the file, the line (when known) and a reason, and survives pickling, so a
failure inside a worker process or on a dask cluster arrives intact in the driver.
"""
from __future__ import annotations

from pathlib import Path


class ItaError(Exception):
    """Root of every error ita_lib raises on purpose."""

    def __init__(self, reason: str, *, path: str | Path | None = None, line: int | None = None):
        self.reason = reason
        self.path = None if path is None else str(path)
        self.line = line
        super().__init__(reason)

    def __str__(self) -> str:
        from ita_lib.text.terminal import terminal_line

        # A file name or document text in the message is shown, never obeyed by a terminal.
        if self.path is None and self.line is None:
            return terminal_line(self.reason)  # about no file: no machine has a Thai font, say
        where = terminal_line(self.path or "<text>")
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {terminal_line(self.reason)}"

    def __reduce__(self):
        # Exception's default pickling re-calls __init__ with self.args only, losing keywords.
        return (_rebuild, (self.__class__, self.reason, self.path, self.line))


def _rebuild(cls, reason, path, line):
    return cls(reason, path=path, line=line)


class DocumentReadError(ItaError):
    """The file cannot be read as a document: missing, a directory, binary, undecodable."""


class ParserFailure(DocumentReadError):
    """The parser itself failed on a document: a fault of ita_lib's, reported as that file's error so
    that the other files of a run are still read."""


class EmptyDocumentError(DocumentReadError):
    """The file holds no text at all."""


class UnsupportedFormatError(DocumentReadError):
    """The file's type is not one ita_lib reads."""


class ParamsError(ItaError):
    """A parameters file does not match its schema."""


class ReviewError(ItaError):
    """A review file the agency returned that cannot be used (ita-report confirm)."""


class StoreError(ItaError):
    """The store cannot be opened or does not hold what was asked for."""


class AgencyNotFoundError(StoreError):
    """No agency in the store matches the name asked for, or several do."""


class NoResultsError(StoreError):
    """The agency is in the store, but none of its results is of the years asked for."""


class AliasFileError(ParamsError):
    """The agency aliases file (params/aliases.yaml) is not valid YAML or not in the documented shape."""


class RubricError(ItaError):
    """The rubric data file (or the copy ITA_RUBRIC names) cannot be read or lacks a part it needs."""


class ThaiFontNotFoundError(ItaError):
    """No font with Thai glyphs was found for charts and reports (or ITA_THAI_FONT names a bad one)."""


class PdfEngineError(ItaError):
    """WeasyPrint cannot be loaded: the Pango, GLib, HarfBuzz or fontconfig libraries it needs are missing."""


class OutputError(ItaError):
    """An output file or folder cannot be written: read-only, a folder in the way, a full disk."""


class RefusedOutputError(OutputError):
    """One output target is not the tool's to write: a link, a FIFO or a device where a file or a
    report folder should be. Only that target fails; the output folder itself is fine."""


class ReportBuildError(ItaError):
    """A report could not be built: names the agency and, for a failing cell, the cell."""


class NotFinalError(ReportBuildError):
    """build --final of an agency's report with something still to confirm."""


class NotebookCellError(ReportBuildError):
    """A cell of the report notebook raised (papermill's PapermillExecutionError): the reason names the
    agency, the cell and the error; the kernel is still usable."""


class CellTimeoutError(ReportBuildError):
    """A cell ran past the execution timeout (nbclient's CellTimeoutError); the reason is nbclient's
    message. The kernel may be stuck in the cell: a build starts a fresh one."""


class DeadKernelError(ReportBuildError):
    """The kernel died under the notebook (killed, out of memory; nbclient's DeadKernelError); the
    reason is nbclient's message. Not the notebook's fault: a batch tries the agency once more."""


class KernelStartError(ItaError):
    """The Jupyter kernel that runs report notebooks could not be started (a batch retries once)."""


class UsageError(ItaError):
    """A bad option or argument, found before any work was done (exit status USAGE)."""
