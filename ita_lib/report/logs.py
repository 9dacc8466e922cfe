"""Library log noise, silenced by the programs that run reports (the command, batch workers)."""
from __future__ import annotations

import logging
import warnings


def quiet_library_logs() -> None:
    """The command's choice, once per process (the library itself leaves logging alone): pypdf logs
    the repairs it makes on damaged PDFs, WeasyPrint every CSS property it does not know, fontTools
    its subsetting; the one error line per file says what matters. nbclient (through papermill's
    and traitlets' loggers) logs a dead kernel as an error of its own, which the command's one line
    per failed target already says."""
    for name in ("pypdf", "weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    for name in ("papermill", "traitlets"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    # WeasyPrint warns on import when fontconfig knows no font (a container, Windows without fonts):
    # the reports bring their own (@font-face, the bundled Sarabun at worst), so it is no problem here.
    warnings.filterwarnings("ignore", message="No fonts configured in FontConfig", category=UserWarning)
