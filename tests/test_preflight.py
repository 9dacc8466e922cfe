"""build and batch check the machine before any kernel or worker starts: without a usable Thai font
(or, for PDFs, without Pango) they stop at once with one line naming the fix, status 4, instead of
failing inside the notebook once per agency."""
from __future__ import annotations

import sys
from contextlib import contextmanager

import pytest

from ita_lib.batch import run as batch_run
from ita_lib.cli import exit_codes
from ita_lib.cli.main import main
from ita_lib.errors import PdfEngineError
from ita_lib.report import fonts, kernels, preflight

AGENCY = "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
FONT_FIX = fonts.FIX_HINT


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("ITA_LANG", "en")  # the lines as the library writes them, whatever the locale


@pytest.fixture
def no_thai_font(tmp_path, monkeypatch):
    """ITA_THAI_FONT naming a file that is gone: the font lookup fails."""
    monkeypatch.setenv("ITA_THAI_FONT", str(tmp_path / "gone.ttf"))
    fonts.find_thai_font.cache_clear()
    yield
    fonts.find_thai_font.cache_clear()


@pytest.fixture
def kernels_started(monkeypatch):
    """Every kernel manager the command makes, recorded as ["in", "out"] pairs instead of started."""
    seen = []

    class Manager:
        has_kernel = True  # start_early leaves it alone

    @contextmanager
    def kernel_manager():
        seen.append("in")
        try:
            yield Manager()
        finally:
            seen.append("out")

    monkeypatch.setattr(kernels, "kernel_manager", kernel_manager)
    return seen


@pytest.fixture
def no_pango(tmp_path, monkeypatch):
    """A weasyprint whose import fails as WeasyPrint's does without Pango: its banner on stdout, then
    cffi's OSError."""
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "print('WeasyPrint could not import some external libraries.')\n"
        "raise OSError(\"cannot load library 'libgobject-2.0-0': libgobject-2.0-0: cannot open shared object "
        "file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate "
        "a library called 'libgobject-2.0-0'\")\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(fake.parent))
    for name in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)


def test_build_without_a_thai_font_stops_before_any_kernel(tmp_path, example_store, no_thai_font, kernels_started,
                                                          capsys):
    status = main(["build", AGENCY, "--db", str(example_store), "--output-dir", str(tmp_path / "out"),
                   "--format", "html"])
    said = capsys.readouterr().err.strip().splitlines()
    assert status == exit_codes.STOPPED
    assert kernels_started == []
    assert len(said) == 1 and said[0].startswith(f"ita-report: {tmp_path / 'gone.ttf'}: ITA_THAI_FONT names a file "
                                                 "that does not exist.")
    assert said[0].endswith(FONT_FIX)
    assert not (tmp_path / "out").exists()


def test_batch_without_a_thai_font_stops_before_any_worker(tmp_path, example_store, no_thai_font, monkeypatch,
                                                          capsys):
    started = []
    monkeypatch.setattr(batch_run, "run_local", lambda *args, **kwargs: started.append(args) or iter(()))
    status = main(["batch", "--all", "--db", str(example_store), "--output-dir", str(tmp_path / "out"),
                   "--format", "html"])
    said = capsys.readouterr().err.strip().splitlines()
    assert status == exit_codes.STOPPED
    assert started == []
    assert said[-1].startswith(f"ita-report: {tmp_path / 'gone.ttf'}: ITA_THAI_FONT names a file that does not exist")
    assert said[-1].endswith(FONT_FIX)
    assert not (tmp_path / "out").exists()  # nothing prepared or written


def test_pango_missing_is_one_line_with_the_fix(no_pango, capsys):
    with pytest.raises(PdfEngineError) as caught:
        preflight.check_pdf_engine(["html", "pdf"])
    assert str(caught.value) == (
        "weasyprint: PDF reports need Pango, which WeasyPrint cannot load (cannot load library 'libgobject-2.0-0': "
        "libgobject-2.0-0: cannot open shared object file: No such file or directory); install it: "
        f"{preflight.PANGO_FIX}; or leave pdf out of --format. ita-report doctor checks the machine")
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in preflight.PANGO_FIX
    assert capsys.readouterr().out == ""  # WeasyPrint's banner kept off stdout, where paths go
    preflight.check_pdf_engine(["html", "docx"])  # no PDF asked for: Pango is not needed


def test_build_of_a_pdf_without_pango_stops_before_the_notebook(tmp_path, example_store, no_pango, kernels_started,
                                                               capsys):
    status = main(["build", AGENCY, "--db", str(example_store), "--output-dir", str(tmp_path / "out"),
                   "--format", "pdf"])
    said = capsys.readouterr().err.strip().splitlines()
    assert status == exit_codes.STOPPED
    assert kernels_started == ["in", "out"]  # started early to overlap the import, stopped at once
    assert len(said) == 1 and said[0].startswith("ita-report: weasyprint: PDF reports need Pango")
    assert not (tmp_path / "out").exists()


def test_batch_of_pdfs_without_pango_stops_before_any_worker(tmp_path, example_store, no_pango, monkeypatch, capsys):
    started = []
    monkeypatch.setattr(batch_run, "run_local", lambda *args, **kwargs: started.append(args) or iter(()))
    status = main(["batch", "--all", "--db", str(example_store), "--output-dir", str(tmp_path / "out")])
    said = capsys.readouterr().err.strip().splitlines()
    assert status == exit_codes.STOPPED
    assert started == []
    assert said[-1].startswith("ita-report: weasyprint: PDF reports need Pango")
    assert not (tmp_path / "out").exists()


def test_the_error_survives_pickling():
    import pickle

    error = pickle.loads(pickle.dumps(PdfEngineError("no Pango", path="weasyprint")))
    assert (type(error), error.reason, error.path) == (PdfEngineError, "no Pango", "weasyprint")


def test_an_error_about_no_file_is_said_without_a_file_name(monkeypatch) -> None:
    """No Thai font anywhere is about the machine, not a file: its line has no "<text>:" in front."""
    from ita_lib.cli import say
    from ita_lib.errors import ThaiFontNotFoundError

    error = ThaiFontNotFoundError("no Thai font found: install one")
    assert str(error) == "no Thai font found: install one"
    assert say.error_text(error) == "no Thai font found: install one"
    monkeypatch.setenv("ITA_LANG", "th")
    assert not say.error_text(error).startswith("<text>")
    assert str(ThaiFontNotFoundError("x", path="a.ttf")) == "a.ttf: x"
