"""ita-report doctor: one line per check in Thai, each failure with its fix; status 4 when a check
fails that stops builds, 0 otherwise; nothing left behind (no kernel, no file outside the folder)."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ita_lib.cli import exit_codes
from ita_lib.cli.doctor import WORDS_TH, _marks
from ita_lib.cli.main import main
from ita_lib.report import doctor_checks, fonts, kernels
from ita_lib.report.doctor_checks import FAIL, PASS, Check, Words

PACKAGE_FONTS = Path(fonts.__file__).resolve().parent / "fonts"
CHECK_LINE = re.compile(r"^[✓!✗–] ")
THAI_FONT_FIX = "apt-get install fonts-thai-tlwg-ttf"


def _doctor(*args: str, env: dict | None = None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "ita_lib", "doctor", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=300, env={**os.environ, **(env or {})})


def _check_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if CHECK_LINE.match(line)]


def _own_kernel_folders() -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"{kernels.FOLDER_PREFIX}{os.getpid()}-*"))


@pytest.fixture
def fresh_font_lookup():
    fonts.find_thai_font.cache_clear()
    yield
    fonts.find_thai_font.cache_clear()  # the next test finds the machine's font again


def test_doctor_passes_on_this_machine(tmp_path):
    out = tmp_path / "not-yet" / "outputs"
    done = _doctor("--output-dir", str(out), env={"ITA_LANG": "", "ITA_THAI_FONT": "", "ITA_KERNEL_TRANSPORT": ""})
    assert done.returncode == exit_codes.OK, done.stdout + done.stderr
    lines = _check_lines(done.stdout)
    assert len(lines) == 9, done.stdout  # python, report, jupyter, font, matplotlib, pdf, folder, disk, kernel
    assert not [line for line in lines if line.startswith("✗")], done.stdout
    assert lines[0] == f"✓ Python {'.'.join(map(str, sys.version_info[:3]))} ({sys.executable})"
    assert lines[1].startswith("✓ ส่วนเสริม report (papermill, nbclient, ipykernel, matplotlib, seaborn, weasyprint)")
    font = fonts.find_thai_font()
    assert lines[3] == f"✓ ฟอนต์ไทย: {font.family} ({font.regular})"
    assert re.fullmatch(rf"✓ matplotlib [\d.]+ วาดกราฟภาษาไทยด้วย {font.family} ได้", lines[4])
    assert re.fullmatch(r"✓ WeasyPrint [\d.]+ กับ Pango \d+\.\d+\.\d+ ทำ PDF ภาษาไทยได้ \(ฟอนต์ ITA-Thai\)", lines[5])
    assert lines[6] == f"✓ โฟลเดอร์ผลลัพธ์ {out} ยังไม่มี แต่สร้างและเขียนได้"
    assert re.fullmatch(rf"✓ พื้นที่ว่าง [\d.]+ GB ที่ {re.escape(str(tmp_path))}", lines[7])
    transport = "IPC" if __import__("zmq").has("ipc") else "TCP"
    assert re.fullmatch(rf"✓ เคอร์เนล Jupyter เริ่มได้และตอบ 1\+1 = 2 ใน [\d.]+ วินาที \(ผ่าน {transport}\)", lines[8])
    assert done.stdout.splitlines()[-1].startswith("ผ่านทุกข้อ: เครื่องนี้ทำรายงานได้")
    assert list(tmp_path.iterdir()) == []  # the folder made for the test is gone, nothing else written


def _unshare_or_skip() -> tuple[str, ...]:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("hiding folders needs root and unshare")
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare --mount is not permitted here")
    return ("unshare", "--mount", "--propagation", "private")


def _hidden(folders: list[Path], empty: Path, command: str) -> str:
    """A shell line: each existing folder covered by the empty one, then the command."""
    mounts = " && ".join(f"mount --bind {empty} {folder}" for folder in folders if folder.is_dir())
    return f"{mounts} && {command}" if mounts else command


def test_without_system_fonts_the_bundled_sarabun_is_used_and_the_fix_named(tmp_path):
    prefix = _unshare_or_skip()
    empty = tmp_path / "empty"
    empty.mkdir()
    system = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
              Path.home() / ".local/share/fonts"]
    command = (f"{sys.executable} -m ita_lib doctor --output-dir {tmp_path / 'out'} > {tmp_path / 'said'}; "
               f"echo $? > {tmp_path / 'status'}")
    shell = _hidden(system, empty, command)
    done = subprocess.run([*prefix, "sh", "-c", shell], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "ITA_THAI_FONT": "", "ITA_LANG": ""})
    said = (tmp_path / "said").read_text(encoding="utf-8")
    assert done.returncode == 0 and (tmp_path / "status").read_text().strip() == "0", said + done.stderr
    lines = said.splitlines()
    font_line = next(i for i, line in enumerate(lines) if "Sarabun" in line)
    assert lines[font_line] == (f"! ใช้ฟอนต์ Sarabun ที่ติดมากับ ita-report ({PACKAGE_FONTS / 'Sarabun-Regular.ttf'}): "
                                "เครื่องนี้ไม่มีฟอนต์ไทย PDF และกราฟใช้ได้ แต่ไฟล์ Word จะแสดงภาษาไทยได้เมื่อเครื่องที่เปิดมีฟอนต์ไทย")
    assert lines[font_line + 1] == (f"    วิธีแก้: มีสิทธิ์ root: {THAI_FONT_FIX}; ไม่มี root (JupyterHub): "
                                    f"mkdir -p ~/.local/share/fonts && cp {PACKAGE_FONTS}/Sarabun-*.ttf "
                                    "~/.local/share/fonts/ หรือ export ITA_THAI_FONT=/path/to/Sarabun-Regular.ttf")
    assert "✓ matplotlib" in said and "ด้วย Sarabun ได้" in said
    assert "ทำ PDF ภาษาไทยได้ (ฟอนต์ ITA-Thai)" in said


def test_with_no_thai_font_at_all_doctor_fails_and_names_the_fix(tmp_path, monkeypatch, capsys, fresh_font_lookup):
    # No system font and the bundled Sarabun gone (a damaged install): the font check fails, the
    # checks that draw with it are skipped, and the kernel is still tried, after the font.
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.delenv("ITA_THAI_FONT", raising=False)
    monkeypatch.delenv("ITA_LANG", raising=False)
    monkeypatch.setattr(fonts, "search_directories", lambda: [empty])
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    monkeypatch.setattr(fonts, "BUNDLED", empty)
    order = []
    monkeypatch.setattr(doctor_checks, "kernel", lambda t: order.append("kernel") or Check(PASS, "kernel stub"))
    real_font = doctor_checks.thai_font
    monkeypatch.setattr(doctor_checks, "thai_font", lambda t: order.append("font") or real_font(t))

    status = main(["doctor", "--output-dir", str(tmp_path / "out")])
    lines = capsys.readouterr().out.splitlines()
    assert status == exit_codes.STOPPED
    assert order == ["font", "kernel"]
    at = lines.index("✗ ไม่พบฟอนต์ไทยในเครื่อง และฟอนต์ Sarabun ที่ติดมากับ ita-report ก็หายไป")
    assert lines[at + 1].startswith(f"    วิธีแก้: มีสิทธิ์ root: {THAI_FONT_FIX}; ไม่มี root (JupyterHub): ")
    assert lines[at + 1].endswith("; หรือติดตั้ง ita-report ใหม่: pip install --force-reinstall ita-report")
    assert lines[at + 2] == "– ข้ามการวาดกราฟภาษาไทย: ไม่มีฟอนต์ไทย (แก้ข้อฟอนต์ไทยก่อน)"
    assert lines[at + 3].startswith("– WeasyPrint ") and lines[at + 3].endswith("แต่ข้ามการทำ PDF ภาษาไทย: ไม่มีฟอนต์ไทย "
                                                                                "(แก้ข้อฟอนต์ไทยก่อน)")
    assert lines[-1] == "ไม่ผ่าน 1 ข้อ: แก้ตามวิธีด้านบน แล้วรัน ita-report doctor อีกครั้ง"


def test_a_bad_ita_thai_font_names_the_variable(tmp_path, monkeypatch, fresh_font_lookup):
    monkeypatch.setenv("ITA_THAI_FONT", str(tmp_path / "gone.ttf"))
    check, font = doctor_checks.thai_font(Words())
    assert font is None
    assert check == Check(FAIL, f"ฟอนต์ที่ ITA_THAI_FONT ระบุใช้ไม่ได้ ({tmp_path / 'gone.ttf'}): ITA_THAI_FONT names "
                                "a file that does not exist",
                          "แก้ ITA_THAI_FONT ให้ชี้ไปยังไฟล์ฟอนต์ไทย .ttf/.otf ที่มีอยู่จริง หรือลบตัวแปรนี้ออก")


def test_a_read_only_output_folder_fails_the_write_check_with_the_fix(tmp_path):
    folder = tmp_path / "outputs"
    folder.mkdir()
    code = ("import json, pathlib, sys; from ita_lib.report.doctor_checks import Words, output_folder; "
            "c = output_folder(Words(), pathlib.Path(sys.argv[1])); print(json.dumps([c.status, c.line, c.fix]))")
    if os.geteuid() == 0:  # root writes through permissions: a read-only mount of the folder instead
        prefix = _unshare_or_skip()
        shell = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
                 f"{sys.executable} -c '{code}' {folder}")
        done = subprocess.run([*prefix, "sh", "-c", shell], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        status, line, fix = json.loads(done.stdout)
        reason = "Read-only file system"
    else:
        folder.chmod(0o555)
        try:
            check = doctor_checks.output_folder(Words(), folder)
        finally:
            folder.chmod(0o755)
        status, line, fix = check.status, check.line, check.fix
        reason = "Permission denied"
    assert status == FAIL
    assert line == f"เขียนโฟลเดอร์ผลลัพธ์ {folder} ไม่ได้: {reason}"
    assert fix == ("ใช้โฟลเดอร์ที่เขียนได้ เช่นในโฟลเดอร์บ้าน: ita-report build ... --output-dir ~/ita-outputs "
                   "(หรือขอสิทธิ์เขียนโฟลเดอร์นี้)")
    assert list(folder.iterdir()) == []


def test_the_write_check_leaves_nothing_behind(tmp_path):
    (tmp_path / "kept").mkdir()
    assert doctor_checks.output_folder(Words(), tmp_path / "kept") == Check(
        PASS, f"เขียนโฟลเดอร์ผลลัพธ์ {tmp_path / 'kept'} ได้")
    assert doctor_checks.output_folder(Words(), tmp_path / "a" / "b") == Check(
        PASS, f"โฟลเดอร์ผลลัพธ์ {tmp_path / 'a' / 'b'} ยังไม่มี แต่สร้างและเขียนได้")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["kept"]
    (tmp_path / "file").write_text("x")
    assert doctor_checks.output_folder(Words(), tmp_path / "file").status == FAIL


def test_low_disk_space_is_a_warning_with_the_fix(tmp_path):
    check = doctor_checks.disk_space(Words(), tmp_path, low=1 << 60)
    assert check.status == doctor_checks.WARN
    assert check.line.startswith("พื้นที่ว่างเหลือ ") and check.line.endswith(f" ที่ {tmp_path} (น้อยกว่า 1073741824 GB)")
    assert check.fix == "ลบรายงานเก่าที่ไม่ใช้แล้ว หรือเลือกดิสก์อื่น: --output-dir /path/on/another/disk"


def test_a_kernel_that_dies_at_start_is_reported_not_raised(monkeypatch):
    from jupyter_client.kernelspec import KernelSpec

    dying = KernelSpec(argv=[sys.executable, "-c", "import sys; sys.exit(3)", "{connection_file}"],
                       display_name="dies", language="python", metadata={})
    monkeypatch.setattr(kernels, "own_kernel_spec", lambda: dying)
    check = doctor_checks.kernel(Words(), timeout=20)
    assert check.status == FAIL
    assert check.line.startswith("เคอร์เนล Jupyter ของ Python นี้เริ่มไม่ได้: ")
    assert check.fix.startswith(f"{sys.executable} -m pip install --force-reinstall ipykernel pyzmq แล้วลอง ")
    assert _own_kernel_folders() == []  # each try's folder removed, the process gone with it
    assert "ITA_KERNEL_TRANSPORT" not in os.environ or os.environ["ITA_KERNEL_TRANSPORT"] != "tcp"


def test_a_kernel_that_starts_over_tcp_only_names_the_variable(monkeypatch):
    monkeypatch.setattr(kernels, "kernel_transport", lambda: "ipc")

    def run(timeout, force_tcp=False):
        if not force_tcp:
            raise RuntimeError("Kernel didn't respond in 60 seconds")
        return "tcp", 1.5

    monkeypatch.setattr(doctor_checks, "_run_kernel", run)
    check = doctor_checks.kernel(Words())
    assert check == Check(FAIL, "เคอร์เนล Jupyter เริ่มผ่าน IPC ไม่ได้ (Kernel didn't respond in 60 seconds) แต่ผ่าน TCP ได้",
                          "export ITA_KERNEL_TRANSPORT=tcp (ใส่ใน ~/.bashrc หรือตั้งค่าตัวแปรของระบบ) หรือตั้ง TMPDIR "
                          "เป็นโฟลเดอร์บนดิสก์ในเครื่อง")


def test_the_kernel_check_really_runs_one_plus_one():
    transport, seconds = doctor_checks._run_kernel(60)
    assert transport in ("ipc", "tcp") and 0 < seconds < 60
    assert _own_kernel_folders() == []


def test_english_when_asked(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ITA_LANG", "en")
    monkeypatch.setattr(doctor_checks, "kernel", lambda t: Check(PASS, "kernel stub"))
    status = main(["doctor", "--output-dir", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert status == exit_codes.OK
    assert out[0] == "ita-report doctor: can this machine make the reports?"
    assert f"✓ the output folder {tmp_path} can be written" in out


def test_a_console_without_check_marks_gets_words():
    thai_code_page = io.TextIOWrapper(io.BytesIO(), encoding="cp874")  # a Thai Windows console
    assert _marks(thai_code_page, thai=True) == WORDS_TH
    assert _marks(io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), thai=True)["fail"] == "✗"


def test_a_chart_font_without_thai_glyphs_fails_the_matplotlib_check(monkeypatch):
    import matplotlib

    from ita_lib.report.fonts import ThaiFont
    from ita_lib.report.plots import theme

    def latin_only():
        matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
        return ThaiFont("DejaVu Sans", Path("DejaVuSans.ttf"))

    monkeypatch.setattr(theme, "use_thai_theme", latin_only)
    check = doctor_checks.matplotlib_thai(Words(), font=object())
    assert check.status == FAIL
    assert check.line.startswith("matplotlib วาดภาษาไทยด้วย DejaVu Sans ไม่ครบ: Glyph ")
    assert check.line.endswith(") missing from font(s) DejaVu Sans.")
    assert check.fix.startswith(f"มีสิทธิ์ root: {THAI_FONT_FIX}; ")


def test_without_pango_the_pdf_check_fails_with_the_fix(tmp_path, monkeypatch):
    from ita_lib.report import preflight

    fake = tmp_path / "weasyprint"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0': not found\")\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    check = doctor_checks.pdf_engine(Words(), font=fonts.find_thai_font())
    assert check == Check(FAIL, "WeasyPrint โหลด Pango ไม่ได้ จึงทำ PDF ไม่ได้ (PDF reports need Pango, which WeasyPrint "
                                "cannot load (cannot load library 'libpango-1.0-0': not found))",
                          f"ติดตั้ง Pango: {preflight.PANGO_FIX}")


def _ipykernel_major() -> int:
    from importlib.metadata import version

    return int(version("ipykernel").split(".")[0])


@pytest.mark.skipif(_ipykernel_major() < 7, reason="with ipykernel 6 (the floor) doctor does not yet stop on Ctrl-C "
                    "during the kernel check: found at the floors, not fixed yet")
def test_ctrl_c_during_the_kernel_check_leaves_no_kernel(tmp_path):
    import signal
    import time

    import psutil

    doctor = subprocess.Popen([sys.executable, "-m", "ita_lib", "doctor", "--output-dir", str(tmp_path)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                              env={**os.environ, "ITA_LANG": "", "ITA_KERNEL_TRANSPORT": ""})
    for line in doctor.stdout:
        if line.startswith("✓ พื้นที่ว่าง"):  # the check before the kernel's
            break
    kernel = []
    deadline = time.monotonic() + 30
    while not kernel and time.monotonic() < deadline:
        kernel = [p for p in psutil.Process(doctor.pid).children(recursive=True) if "ipykernel_launcher" in p.cmdline()]
        time.sleep(0.01)
    assert kernel, "no kernel was started"
    doctor.send_signal(signal.SIGINT)
    try:
        rest, _ = doctor.communicate(timeout=60)
    except subprocess.TimeoutExpired:  # a doctor that does not stop fails the test, never hangs it
        for process in kernel:
            process.kill()
        doctor.kill()
        raise
    assert doctor.returncode == exit_codes.INTERRUPTED, rest
    psutil.wait_procs(kernel, timeout=5)
    assert not [p for p in kernel if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert list(Path(tempfile.gettempdir()).glob(f"{kernels.FOLDER_PREFIX}{doctor.pid}-*")) == []
    assert list(tmp_path.iterdir()) == []


def test_without_jupyter_client_the_kernel_check_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "ita_lib.report.kernels", None)  # as when jupyter_client is not installed
    check = doctor_checks.kernel(Words())
    assert check.status == FAIL and check.line.startswith("เริ่มเคอร์เนล Jupyter ไม่ได้: ")
    assert check.fix == 'pip install "ita-report[report]"'
