"""What a machine needs to make a report, checked before any kernel or worker starts: a Thai font
(ita_lib.report.fonts) and, for PDFs, WeasyPrint with the Pango libraries it loads. Without this a
machine that cannot make the report finds out inside the notebook, after the kernels started, once
per agency; with it the command stops at once with one line and the fix (`ita-report doctor` checks
the rest)."""
from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterable

from ita_lib.errors import PdfEngineError

if sys.platform == "win32":  # pragma: no cover - the fix depends on the platform
    PANGO_FIX = ("on Windows the easy way is conda-forge, which brings Pango: conda env create -f environment.yml; "
                 "or install MSYS2 and, in its UCRT64 shell, pacman -S mingw-w64-ucrt-x86_64-pango (WeasyPrint "
                 "looks in C:\\msys64\\ucrt64\\bin; elsewhere set WEASYPRINT_DLL_DIRECTORIES to that bin folder)")
elif sys.platform == "darwin":  # pragma: no cover
    PANGO_FIX = "brew install pango (or conda env create -f environment.yml)"
else:
    PANGO_FIX = ("apt-get install libpango-1.0-0 libpangoft2-1.0-0 (Debian/Ubuntu), or without root: "
                 "conda env create -f environment.yml (conda-forge brings Pango)")


def load_weasyprint():
    """WeasyPrint, imported; PdfEngineError naming the fix when the libraries it loads (Pango, GLib,
    HarfBuzz, fontconfig) are missing. WeasyPrint's own banner about it (printed on stdout, where the
    command's paths go) is kept out. ModuleNotFoundError (the report extra not installed) is left to
    the command, which names the extra."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except OSError as error:  # cffi's dlopen: "cannot load library 'libgobject-2.0-0': ..."
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        first = first.split(".  Additionally")[0]  # cffi's long tail about ctypes.util.find_library
        raise PdfEngineError(f"PDF reports need Pango, which WeasyPrint cannot load ({first[:200]}); install it: "
                             f"{PANGO_FIX}; or leave pdf out of --format. ita-report doctor checks the machine",
                             path="weasyprint") from None
    return weasyprint


def check_font() -> None:
    """ThaiFontNotFoundError (with the fix) when no Thai font can be used."""
    from ita_lib.report.fonts import find_thai_font

    find_thai_font()


def check_pdf_engine(formats: Iterable[str]) -> None:
    """PdfEngineError (with the fix) when a PDF is asked for and WeasyPrint cannot be loaded."""
    if "pdf" in formats:
        load_weasyprint()


def check_machine(formats: Iterable[str]) -> None:
    """Both checks: the Thai font, then (for PDFs) WeasyPrint and Pango."""
    check_font()
    check_pdf_engine(tuple(formats))
