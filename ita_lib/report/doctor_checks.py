"""The checks of `ita-report doctor`: can this machine make the reports? Each check returns a Check:
pass, warn (reports are made, something is worth fixing) or fail (builds stop), a line that says what
was found and, unless it passed, the fix with the exact command. In Thai (the analysts' language),
English when asked. No check raises: a failure is a Check. Nothing is written outside the output
folder and nothing outlives a check (the kernel is stopped however the check ends, Ctrl-C too).

The font is checked before the kernel starts (run_checks), as `build` and `batch` do
(ita_lib.report.preflight)."""
from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PASS, WARN, FAIL, SKIP = "pass", "warn", "fail", "skip"  # SKIP: not tried, an earlier check failed
MIN_PYTHON = (3, 11)  # pyproject.toml's requires-python
LOW_DISK = 1 << 30  # bytes: below this, warn (a report folder takes a few MB; a province's batch, hundreds)
KERNEL_TIMEOUT = 60.0  # seconds for the kernel to start and answer (a cold hub can be slow)
THAI_SAMPLE = "ภาษาไทย ตำบล ๑๒๓"
WINDOWS = sys.platform == "win32"


@dataclass(frozen=True)
class Check:
    status: str  # PASS, WARN, FAIL or SKIP
    line: str
    fix: str = ""


class Words:
    """Thai by default; English when asked (`--lang en`, ITA_LANG=en)."""

    def __init__(self, language: str = "th"):
        self.thai = language != "en"

    def __call__(self, thai: str, english: str) -> str:
        return thai if self.thai else english


# --- Python and the extras -------------------------------------------------------------------------

def python_version(t: Words) -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    where = f"Python {version} ({sys.executable})"
    if sys.version_info[:2] >= MIN_PYTHON:
        return Check(PASS, where)
    wanted = ".".join(map(str, MIN_PYTHON))
    command = "py -3.12 -m venv .venv" if WINDOWS else "python3.12 -m venv .venv"
    return Check(FAIL, t(f"{where}: ita-report ต้องใช้ Python {wanted} ขึ้นไป",
                         f"{where}: ita-report needs Python {wanted} or newer"),
                 t(f"ติดตั้ง Python {wanted} ขึ้นไป แล้วสร้าง venv ใหม่: {command} "
                   "(หรือใช้ conda: conda env create -f environment.yml)",
                   f"install Python {wanted} or newer and make a new venv: {command} "
                   "(or conda: conda env create -f environment.yml)"))


def _requirements(extra: str) -> list[str]:
    """The requirement strings of one of ita-report's extras, as installed (its metadata)."""
    try:
        required = importlib.metadata.requires("ita-report") or []
    except importlib.metadata.PackageNotFoundError:
        return []
    marker = f'extra == "{extra}"'
    return [spec.split(";")[0].strip() for spec in required if marker in spec]


def _unmet(specs: list[str]) -> list[str]:
    """Each requirement not installed or installed at a version outside its bounds, as
    "name (found version, wanted bounds)"."""
    try:
        from packaging.requirements import Requirement
    except ImportError:  # packaging comes with the report extra's packages; without it, names only
        Requirement = None
    unmet = []
    for spec in specs:
        if Requirement is None:
            name, bounds = spec.split(">")[0].split("<")[0].strip(), None
        else:
            requirement = Requirement(spec)
            name, bounds = requirement.name, requirement.specifier
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            unmet.append(f"{name} (-)")
            continue
        if bounds is not None and not bounds.contains(version, prereleases=True):
            unmet.append(f"{name} ({version}, {bounds})")
    return unmet


def report_extra(t: Words) -> Check:
    """The report extra: papermill, nbclient, ipykernel, matplotlib, seaborn, weasyprint…"""
    from ita_lib.cli.main import modules_of

    missing = [module for module in modules_of("report") if importlib.util.find_spec(module) is None]
    unmet = _unmet(_requirements("report"))
    command = 'pip install "ita-report[report,jupyter]"'
    if not missing and not unmet:
        return Check(PASS, t("ส่วนเสริม report (papermill, nbclient, ipykernel, matplotlib, seaborn, weasyprint) "
                             "ติดตั้งครบ", "the report extra (papermill, nbclient, ipykernel, matplotlib, seaborn, "
                             "weasyprint) is installed"))
    listed = ", ".join(unmet or missing)
    return Check(FAIL, t(f"ส่วนเสริม report ไม่ครบ: {listed}", f"the report extra is incomplete: {listed}"),
                 t(f"{command} (จากโฟลเดอร์ของโครงการ: pip install -e \".[report,jupyter]\")",
                   f"{command} (from the project's folder: pip install -e \".[report,jupyter]\")"))


def jupyter_extra(t: Words) -> Check:
    """JupyterLab to open the notebooks here, or this Python registered as a kernel for a hub's own
    JupyterLab. Builds need neither: a warning at most."""
    if importlib.util.find_spec("jupyterlab") is not None:
        return Check(PASS, t(f"JupyterLab {_version('jupyterlab')} ติดตั้งแล้ว (เปิดโน้ตบุ๊กรายงานได้)",
                             f"JupyterLab {_version('jupyterlab')} is installed (the report notebooks open here)"))
    kernel = _registered_kernel()
    if kernel:
        return Check(PASS, t(f"ลงทะเบียน Python นี้เป็นเคอร์เนล '{kernel}' แล้ว (เลือกได้ใน JupyterLab ของ hub)",
                             f"this Python is registered as the kernel '{kernel}' (a hub's JupyterLab offers it)"))
    return Check(WARN, t("ไม่มี JupyterLab ใน Python นี้ และยังไม่ได้ลงทะเบียนเป็นเคอร์เนล: build และ batch ใช้ได้ "
                         "แต่เปิดโน้ตบุ๊กด้วย Python นี้ไม่ได้",
                         "no JupyterLab in this Python and it is not registered as a kernel: build and batch work, "
                         "but the notebooks cannot be opened with this Python"),
                 t('pip install "ita-report[jupyter]"; บน JupyterHub ที่มี JupyterLab อยู่แล้ว: '
                   'python -m ipykernel install --user --name ita-report --display-name "ita-report"',
                   'pip install "ita-report[jupyter]"; on a JupyterHub that has JupyterLab already: '
                   'python -m ipykernel install --user --name ita-report --display-name "ita-report"'))


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _registered_kernel() -> str:
    """The name of a kernelspec that starts this interpreter, or ""."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        specs = KernelSpecManager().get_all_specs()
    except Exception:  # noqa: BLE001 - no jupyter_client, or a broken kernelspec folder: none found
        return ""
    here = _same_file_key(sys.executable)
    for name, found in sorted(specs.items()):
        argv = found.get("spec", {}).get("argv") or [""]
        if _same_file_key(argv[0]) == here:
            return name
    return ""


def _same_file_key(path: str) -> str:
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):
        return path


# --- the Thai font ---------------------------------------------------------------------------------

def font_fix(t: Words) -> str:
    """How to give the machine a Thai font of its own, with and without root."""
    from ita_lib.report.fonts import BUNDLED

    if WINDOWS:
        return t(f"ดับเบิลคลิก {BUNDLED / 'Sarabun-Regular.ttf'} แล้วกด ติดตั้ง (Install; ไม่ต้องเป็นผู้ดูแลระบบ) "
                 "หรือตั้งตัวแปร ITA_THAI_FONT ให้ชี้ไปยังไฟล์ฟอนต์ไทย .ttf: "
                 "setx ITA_THAI_FONT C:\\path\\to\\Sarabun-Regular.ttf",
                 f"double-click {BUNDLED / 'Sarabun-Regular.ttf'} and press Install (no administrator needed), "
                 "or point ITA_THAI_FONT at a Thai .ttf: setx ITA_THAI_FONT C:\\path\\to\\Sarabun-Regular.ttf")
    return t("มีสิทธิ์ root: apt-get install fonts-thai-tlwg-ttf; ไม่มี root (JupyterHub): "
             f"mkdir -p ~/.local/share/fonts && cp {BUNDLED}/Sarabun-*.ttf ~/.local/share/fonts/ "
             "หรือ export ITA_THAI_FONT=/path/to/Sarabun-Regular.ttf",
             "with root: apt-get install fonts-thai-tlwg-ttf; without root (JupyterHub): "
             f"mkdir -p ~/.local/share/fonts && cp {BUNDLED}/Sarabun-*.ttf ~/.local/share/fonts/ "
             "or export ITA_THAI_FONT=/path/to/Sarabun-Regular.ttf")


def thai_font(t: Words) -> tuple[Check, object | None]:
    """Which Thai font the reports use (and the font, for the checks that draw with it)."""
    from ita_lib.errors import ThaiFontNotFoundError
    from ita_lib.report.fonts import BUNDLED, ENV_VAR, find_thai_font

    find_thai_font.cache_clear()  # this run's environment, not an earlier call's
    try:
        font = find_thai_font()
    except ThaiFontNotFoundError as error:
        if os.environ.get(ENV_VAR):
            reason = error.reason.split(". ")[0]
            return Check(FAIL, t(f"ฟอนต์ที่ {ENV_VAR} ระบุใช้ไม่ได้ ({error.path}): {reason}",
                                 f"the font {ENV_VAR} names cannot be used ({error.path}): {reason}"),
                         t(f"แก้ {ENV_VAR} ให้ชี้ไปยังไฟล์ฟอนต์ไทย .ttf/.otf ที่มีอยู่จริง หรือลบตัวแปรนี้ออก",
                           f"point {ENV_VAR} at a Thai .ttf/.otf file that exists, or unset it")), None
        return Check(FAIL, t("ไม่พบฟอนต์ไทยในเครื่อง และฟอนต์ Sarabun ที่ติดมากับ ita-report ก็หายไป",
                             "no Thai font on this machine, and the Sarabun that comes with ita-report is missing"),
                     font_fix(t) + t("; หรือติดตั้ง ita-report ใหม่: pip install --force-reinstall ita-report",
                                     "; or reinstall ita-report: pip install --force-reinstall ita-report")), None
    except Exception as error:  # noqa: BLE001 - matplotlib or fontTools missing or broken
        return Check(FAIL, t(f"หาฟอนต์ไทยไม่ได้: {_reason(error)}", f"cannot look for a Thai font: {_reason(error)}"),
                     'pip install "ita-report[report]"'), None
    where = f"{font.family} ({font.regular})"
    if os.environ.get(ENV_VAR):
        return Check(PASS, t(f"ฟอนต์ไทย: {where} จาก {ENV_VAR}", f"Thai font: {where}, from {ENV_VAR}")), font
    if Path(font.regular).resolve().parent == BUNDLED:
        return Check(WARN, t(f"ใช้ฟอนต์ Sarabun ที่ติดมากับ ita-report ({font.regular}): เครื่องนี้ไม่มีฟอนต์ไทย "
                             "PDF และกราฟใช้ได้ แต่ไฟล์ Word จะแสดงภาษาไทยได้เมื่อเครื่องที่เปิดมีฟอนต์ไทย",
                             f"using the Sarabun that comes with ita-report ({font.regular}): this machine has no "
                             "Thai font; PDFs and charts are fine, Word files need one where they are opened"),
                     font_fix(t)), font
    return Check(PASS, t(f"ฟอนต์ไทย: {where}", f"Thai font: {where}")), font


def matplotlib_thai(t: Words, font) -> Check:
    """The report's chart theme (ita_lib.report.plots.theme) draws Thai with the font: no glyph
    missing, in memory."""
    if font is None:
        return Check(SKIP, t("ข้ามการวาดกราฟภาษาไทย: ไม่มีฟอนต์ไทย (แก้ข้อฟอนต์ไทยก่อน)",
                             "Thai in charts not tried: no Thai font (fix that first)"))
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        from ita_lib.report.plots.theme import use_thai_theme

        # rc_context: the theme is undone after (doctor run from a notebook or a test leaves no trace)
        with warnings.catch_warnings(record=True) as caught, matplotlib.rc_context():
            warnings.simplefilter("always")
            used = use_thai_theme()
            figure, axes = plt.subplots(figsize=(2, 1))
            try:
                axes.set_title(THAI_SAMPLE)
                figure.canvas.draw()
            finally:
                plt.close(figure)
    except Exception as error:  # noqa: BLE001 - said as a failed check
        return Check(FAIL, t(f"matplotlib วาดภาษาไทยไม่ได้: {_reason(error)}",
                             f"matplotlib cannot draw Thai: {_reason(error)}"), 'pip install "ita-report[report]"')
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "findfont" in str(w.message)]
    if missing:
        return Check(FAIL, t(f"matplotlib วาดภาษาไทยด้วย {used.family} ไม่ครบ: {missing[0][:120]}",
                             f"matplotlib draws Thai with {used.family} incompletely: {missing[0][:120]}"),
                     font_fix(t))
    return Check(PASS, t(f"matplotlib {matplotlib.__version__} วาดกราฟภาษาไทยด้วย {used.family} ได้",
                         f"matplotlib {matplotlib.__version__} draws Thai with {used.family}"))


# --- WeasyPrint and Pango --------------------------------------------------------------------------

def pdf_engine(t: Words, font) -> Check:
    """WeasyPrint loads Pango and lays out a line of Thai into a PDF, in memory, with the Thai font
    embedded and its text extractable as written."""
    from ita_lib.errors import PdfEngineError
    from ita_lib.report.preflight import PANGO_FIX, load_weasyprint

    try:
        weasyprint = load_weasyprint()
    except PdfEngineError as error:
        reason = error.reason.split("; install it")[0]
        return Check(FAIL, t(f"WeasyPrint โหลด Pango ไม่ได้ จึงทำ PDF ไม่ได้ ({reason})",
                             f"WeasyPrint cannot load Pango, so no PDF ({reason})"),
                     t(f"ติดตั้ง Pango: {PANGO_FIX}", f"install Pango: {PANGO_FIX}"))
    except ImportError as error:
        return Check(FAIL, t(f"ไม่มี WeasyPrint ({_reason(error)})", f"no WeasyPrint ({_reason(error)})"),
                     'pip install "ita-report[report]"')
    if font is None:
        return Check(SKIP, t(f"WeasyPrint {weasyprint.__version__} โหลด Pango {_pango_version()} ได้ แต่ข้ามการทำ PDF "
                             "ภาษาไทย: ไม่มีฟอนต์ไทย (แก้ข้อฟอนต์ไทยก่อน)",
                             f"WeasyPrint {weasyprint.__version__} loads Pango {_pango_version()}; a Thai PDF not "
                             "tried: no Thai font (fix that first)"))
    pango = _pango_version()
    try:
        text, fonts = _thai_pdf(font)
    except Exception as error:  # noqa: BLE001 - said as a failed check
        return Check(FAIL, t(f"WeasyPrint {weasyprint.__version__} ทำ PDF ภาษาไทยไม่ได้: {_reason(error)}",
                             f"WeasyPrint {weasyprint.__version__} cannot make a Thai PDF: {_reason(error)}"),
                     t(f"ติดตั้ง Pango รุ่นใหม่ (1.44 ขึ้นไป): {PANGO_FIX}", f"install Pango 1.44 or newer: {PANGO_FIX}"))
    if THAI_SAMPLE.split()[0] not in text.replace("\n", " ") or not fonts:
        return Check(FAIL, t(f"PDF ทดสอบไม่มีข้อความไทยที่ถูกต้อง (ได้ {text.strip()[:40]!r}, ฟอนต์ {fonts})",
                             f"the test PDF lacks the Thai text (got {text.strip()[:40]!r}, fonts {fonts})"),
                     font_fix(t))
    return Check(PASS, t(f"WeasyPrint {weasyprint.__version__} กับ Pango {pango} ทำ PDF ภาษาไทยได้ (ฟอนต์ {fonts[0]})",
                         f"WeasyPrint {weasyprint.__version__} with Pango {pango} makes a Thai PDF "
                         f"(font {fonts[0]})"))


def _pango_version() -> str:
    try:
        from weasyprint.text.ffi import pango

        number = pango.pango_version()
    except Exception:  # noqa: BLE001 - only for the line
        return "?"
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def _thai_pdf(font) -> tuple[str, list[str]]:
    """A one-line Thai PDF made in memory as the report's PDFs are (the font from its file): its
    text as pypdf extracts it and the fonts it embeds."""
    import io

    from pypdf import PdfReader
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from ita_lib.report.fonts import font_face_css

    fonts = FontConfiguration()
    try:
        pdf = HTML(string=f"<html><head><style>{font_face_css(font, embed=False)} body {{ font-family: "
                          f"var(--ita-thai-font); }}</style></head><body><p>{THAI_SAMPLE}</p></body></html>"
                   ).write_pdf(font_config=fonts)
    finally:
        fonts.__del__()  # removes its temporary folder now (ita_lib.report.pdf._own_fonts says why)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    fonts_used = page["/Resources"].get_object().get("/Font")
    fonts_used = {} if fonts_used is None else fonts_used.get_object()  # pypdf 4.0 leaves it a reference
    embedded = [str(f.get_object().get("/BaseFont", "")).split("+")[-1].lstrip("/") for f in fonts_used.values()]
    return page.extract_text(), embedded


# --- the output folder -----------------------------------------------------------------------------

def output_folder(t: Words, folder: Path) -> Check:
    """A file can be made and removed in the output folder. A folder that does not exist yet is made
    for the test and removed after, so nothing is left behind; nothing is written anywhere else."""
    folder = Path(os.path.abspath(folder))
    if folder.exists() and not folder.is_dir():
        return Check(FAIL, t(f"{folder} เป็นไฟล์ ไม่ใช่โฟลเดอร์", f"{folder} is a file, not a folder"),
                     t("เลือกโฟลเดอร์อื่น: --output-dir ~/ita-outputs", "choose another: --output-dir ~/ita-outputs"))
    made: list[Path] = []
    try:
        for missing in reversed([p for p in (folder, *folder.parents) if not p.exists()]):
            missing.mkdir()
            made.append(missing)
        handle, name = tempfile.mkstemp(prefix=".ita-doctor-", dir=folder)
        try:
            os.write(handle, b"ita-report doctor\n")
        finally:
            os.close(handle)
            os.unlink(name)
    except OSError as error:
        return Check(FAIL, t(f"เขียนโฟลเดอร์ผลลัพธ์ {folder} ไม่ได้: {error.strerror or error}",
                             f"cannot write in the output folder {folder}: {error.strerror or error}"),
                     t("ใช้โฟลเดอร์ที่เขียนได้ เช่นในโฟลเดอร์บ้าน: ita-report build ... --output-dir ~/ita-outputs "
                       "(หรือขอสิทธิ์เขียนโฟลเดอร์นี้)",
                       "use a folder you can write, e.g. in your home: ita-report build ... --output-dir "
                       "~/ita-outputs (or get write access to this one)"))
    finally:
        for path in reversed(made):
            try:
                path.rmdir()
            except OSError:
                pass
    if made:
        return Check(PASS, t(f"โฟลเดอร์ผลลัพธ์ {folder} ยังไม่มี แต่สร้างและเขียนได้",
                             f"the output folder {folder} does not exist yet but can be made and written"))
    return Check(PASS, t(f"เขียนโฟลเดอร์ผลลัพธ์ {folder} ได้", f"the output folder {folder} can be written"))


def disk_space(t: Words, folder: Path, low: int = LOW_DISK) -> Check:
    folder = Path(os.path.abspath(folder))
    existing = next((p for p in (folder, *folder.parents) if p.exists()), folder.anchor)
    try:
        free = shutil.disk_usage(existing).free
    except OSError as error:
        return Check(WARN, t(f"ดูพื้นที่ว่างของ {existing} ไม่ได้: {error.strerror or error}",
                             f"cannot see the free space of {existing}: {error.strerror or error}"))
    size = f"{free / (1 << 30):.1f} GB"
    if free < low:
        return Check(WARN, t(f"พื้นที่ว่างเหลือ {size} ที่ {existing} (น้อยกว่า {low / (1 << 30):.0f} GB)",
                             f"{size} free at {existing} (under {low / (1 << 30):.0f} GB)"),
                     t("ลบรายงานเก่าที่ไม่ใช้แล้ว หรือเลือกดิสก์อื่น: --output-dir /path/on/another/disk",
                       "remove old reports, or use another disk: --output-dir /path/on/another/disk"))
    return Check(PASS, t(f"พื้นที่ว่าง {size} ที่ {existing}", f"{size} free at {existing}"))


# --- the kernel ------------------------------------------------------------------------------------

def kernel(t: Words, timeout: float = KERNEL_TIMEOUT) -> Check:
    """Start this interpreter's kernel as a build does (ita_lib.report.kernels), run `1+1` in it and
    stop it. When IPC sockets fail, TCP is tried, to name the fix."""
    try:
        from ita_lib.report.kernels import TRANSPORT_VARIABLE
    except ImportError as error:  # jupyter_client or pyzmq missing: the report extra
        return Check(FAIL, t(f"เริ่มเคอร์เนล Jupyter ไม่ได้: {_reason(error)}",
                             f"cannot start a Jupyter kernel: {_reason(error)}"), 'pip install "ita-report[report]"')
    try:
        transport, seconds = _run_kernel(timeout)
    except Exception as error:  # noqa: BLE001 - a failing kernel is a failed check, not a traceback
        first = _reason(error)
        if _transport() == "ipc":
            try:
                _, seconds = _run_kernel(timeout, force_tcp=True)
            except Exception:  # noqa: BLE001 - TCP fails too: the fix below
                pass
            else:
                set_tcp = (f"set {TRANSPORT_VARIABLE}=tcp" if WINDOWS else f"export {TRANSPORT_VARIABLE}=tcp")
                return Check(FAIL, t(f"เคอร์เนล Jupyter เริ่มผ่าน IPC ไม่ได้ ({first}) แต่ผ่าน TCP ได้",
                                     f"the Jupyter kernel does not start over IPC ({first}) but does over TCP"),
                             t(f"{set_tcp} (ใส่ใน ~/.bashrc หรือตั้งค่าตัวแปรของระบบ) หรือตั้ง TMPDIR เป็นโฟลเดอร์บนดิสก์ในเครื่อง",
                               f"{set_tcp} (in ~/.bashrc or the system's variables), or set TMPDIR to a folder "
                               "on a local disk"))
        return Check(FAIL, t(f"เคอร์เนล Jupyter ของ Python นี้เริ่มไม่ได้: {first}",
                             f"this Python's Jupyter kernel does not start: {first}"),
                     t(f"{sys.executable} -m pip install --force-reinstall ipykernel pyzmq แล้วลอง "
                       f"{sys.executable} -m ipykernel_launcher --version; ตรวจว่าเขียน {tempfile.gettempdir()} "
                       "ได้ (หรือตั้ง TMPDIR) และไฟร์วอลล์ไม่กั้น 127.0.0.1",
                       f"{sys.executable} -m pip install --force-reinstall ipykernel pyzmq, then try "
                       f"{sys.executable} -m ipykernel_launcher --version; check that {tempfile.gettempdir()} is "
                       "writable (or set TMPDIR) and that no firewall blocks 127.0.0.1"))
    via = f"ผ่าน {transport.upper()}"  # not the rubric's: ผ่าน here is "by way of"
    return Check(PASS, t(f"เคอร์เนล Jupyter เริ่มได้และตอบ 1+1 = 2 ใน {seconds:.1f} วินาที ({via})",
                         f"the Jupyter kernel starts and answers 1+1 = 2 in {seconds:.1f} s (over "
                         f"{transport.upper()})"))


def _transport() -> str:
    from ita_lib.report.kernels import kernel_transport

    try:
        return kernel_transport()
    except Exception:  # noqa: BLE001 - pyzmq missing: the kernel check says so
        return "tcp"


def _run_kernel(timeout: float, force_tcp: bool = False) -> tuple[str, float]:
    """(transport, seconds): a kernel started, asked `1+1`, stopped (in the `finally` of
    kernel_manager, so on Ctrl-C too). RuntimeError when it does not answer 2 in time."""
    from jupyter_client.utils import run_sync

    from ita_lib.report.kernels import TRANSPORT_VARIABLE, kernel_manager

    before = os.environ.get(TRANSPORT_VARIABLE)
    if force_tcp:
        os.environ[TRANSPORT_VARIABLE] = "tcp"
    try:
        started = time.perf_counter()
        with kernel_manager() as manager:
            transport = manager.transport
            run_sync(manager.start_kernel)()
            client = manager.client()
            try:
                client.start_channels()
                run_sync(client.wait_for_ready)(timeout=timeout)
                answers: list[str] = []

                def output(message) -> None:
                    if message["msg_type"] == "execute_result":
                        answers.append(message["content"]["data"].get("text/plain", ""))

                left = max(1.0, timeout - (time.perf_counter() - started))
                reply = run_sync(client.execute_interactive)("1+1", store_history=False, timeout=left,
                                                             output_hook=output)
            finally:
                manager.stop_clients()
            if reply["content"].get("status") != "ok" or answers != ["2"]:
                raise RuntimeError(f"the kernel answered {answers or reply['content'].get('status')!r} to 1+1")
        return transport, time.perf_counter() - started
    finally:
        if force_tcp:
            if before is None:
                os.environ.pop(TRANSPORT_VARIABLE, None)
            else:
                os.environ[TRANSPORT_VARIABLE] = before


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:200]


def run_checks(t: Words, output_dir: Path) -> Iterator[Check]:
    """Every check, one at a time (each is printed as it ends): the font, and what draws with it,
    before the kernel starts."""
    yield python_version(t)
    yield report_extra(t)
    yield jupyter_extra(t)
    font_check, font = thai_font(t)
    yield font_check
    yield matplotlib_thai(t, font)
    yield pdf_engine(t, font)
    yield output_folder(t, output_dir)
    yield disk_space(t, output_dir)
    yield kernel(t)
