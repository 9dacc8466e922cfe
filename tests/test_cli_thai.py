"""The command in Thai (ita_lib.cli.language, say, help_th, messages_th): every line the command says
itself has a Thai template with the same fields, the help is Thai, the errors users meet most are
Thai, and English stays exactly as it was."""
from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.cli import language
from ita_lib.cli.help_th import ThaiHelpFormatter, columns, help_texts
from ita_lib.cli.main import _build_parser, main
from ita_lib.cli.messages_th import ARGPARSE, HELP, LINES, REASONS
from ita_lib.cli.say import error_line_text, line, reason_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# Where the command's own lines are said: every CLI module and the app's server.
SOURCES = sorted((ROOT / "ita_lib" / "cli").glob("*.py")) + [ROOT / "ita_lib" / "app" / "server.py"]
TRANSLATING = {"line", "tell"}
SAYING = {"say", "_say", "print"}


def run_cli(*args: str, lang: str | None = "th", **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    environment.pop("ITA_LANG", None)
    if lang is not None:
        environment["ITA_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "ita_lib", *args], capture_output=True, text=True,
                          timeout=300, env=environment)


def format_fields(template: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template)
            if field is not None}


def percent_fields(template: str) -> list[str]:
    return sorted(re.findall(r"%(?:\((\w+)\))?[srd]", template))


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            yield node


def _words_outside_line(node: ast.AST) -> bool:
    """English words said without line(): a string literal or an f-string anywhere in the expression
    except inside a call that translates."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
            TRANSLATING | {"error_text", "reason_text", "terminal_line"}):
        return node.func.id == "terminal_line" and any(map(_words_outside_line, node.args))
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(re.search(r"[A-Za-z]{2}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.Constant) and re.search(r"[A-Za-z]{2}", part.value) for part in node.values)
    return any(_words_outside_line(child) for child in ast.iter_child_nodes(node))


def test_every_template_the_code_says_has_thai_with_the_same_fields() -> None:
    used, missing, unlike, not_literal = set(), [], [], []
    for source in SOURCES:
        if source.name == "say.py":  # where line and tell are defined: tell passes its template on
            continue
        for call in _calls(ast.parse(source.read_text(encoding="utf-8"))):
            if call.func.id not in TRANSLATING:
                continue
            where = f"{source.name}:{call.lineno}"
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                not_literal.append(where)  # a template the catalogue cannot be checked against
                continue
            used.add(first.value)
            if first.value not in LINES:
                missing.append(f"{where}: {first.value!r}")
            elif format_fields(LINES[first.value]) != format_fields(first.value):
                unlike.append(f"{where}: {first.value!r}")
            given = {keyword.arg for keyword in call.keywords}
            if None not in given and given != format_fields(first.value):
                unlike.append(f"{where}: values {sorted(given)} for {first.value!r}")
    assert not_literal == [] and missing == [] and unlike == []
    assert len(used) > 60  # the scan saw the command's lines (a renamed function would leave it empty)
    assert set(LINES) - used == set()  # no Thai left behind for a line the code no longer says


def test_no_line_of_the_command_bypasses_the_catalogue() -> None:
    """say(f"ita-report: …") would be English whatever the language: every say goes through line()."""
    bare = []
    for source in SOURCES:
        if source.name in ("say.py", "doctor.py"):  # say's own definition; doctor speaks Thai by itself
            continue
        for call in _calls(ast.parse(source.read_text(encoding="utf-8"))):
            if call.func.id in SAYING and any(map(_words_outside_line, call.args)):
                bare.append(f"{source.name}:{call.lineno}")
    assert bare == []


def test_catalogue_entries_keep_their_fields() -> None:
    for english, thai in {**LINES, **REASONS}.items():
        assert format_fields(thai) == format_fields(english), english
        thai.format(**dict.fromkeys(format_fields(english), 0))  # a Thai template that str.format accepts
    for english, thai in {**ARGPARSE, **HELP}.items():
        assert percent_fields(thai) == percent_fields(english), english
        assert re.search("[ก-๙]", thai), english


def test_every_help_text_has_thai(monkeypatch) -> None:
    monkeypatch.setenv("ITA_LANG", "en")
    # An example line that is only a command needs no Thai; one with words in parentheses does.
    untranslated = [text for text in help_texts(_build_parser()) if text not in HELP and text not in ARGPARSE
                    and not (text.startswith("  ita-report ") and "(" not in text)]
    assert untranslated == []


@pytest.mark.parametrize(("environ", "windows", "expected"), [
    ({"ITA_LANG": "th"}, None, "th"),
    ({"ITA_LANG": "TH", "LANG": "en_US.UTF-8"}, None, "th"),
    ({"ITA_LANG": "en", "LANG": "th_TH.UTF-8"}, None, "en"),
    ({"LANG": "th_TH.UTF-8"}, None, "th"),
    ({"LC_ALL": "C.UTF-8", "LANG": "th_TH.UTF-8"}, None, "en"),  # LC_ALL wins, as in POSIX
    ({"LC_MESSAGES": "th_TH", "LANG": "en_GB.UTF-8"}, None, "th"),
    ({"ITA_LANG": "fr", "LANG": "th_TH"}, None, "th"),  # an unknown ITA_LANG: the locale decides
    ({}, "Thai_Thailand", "th"),
    ({}, "English_United States", "en"),
    ({"LANG": "C.UTF-8"}, "Thai_Thailand", "en"),
    ({}, None, "en"),
])
def test_language_from_the_environment(environ, windows, expected) -> None:
    assert language.from_environment(environ, windows_locale=windows or "") == expected


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "th", "parse", "x"], "th"), (["--lang=en", "build", "a"], "en"), (["parse", "--lang", "th"], None),
    (["--version"], None), ([], None), (["--lang"], None)])
def test_lang_option_is_read_before_the_parser(argv, expected) -> None:
    assert language.option_in(argv) == expected


def test_parse_of_a_missing_file_in_thai() -> None:
    run = run_cli("parse", "missing.pdf")
    assert (run.returncode, run.stdout, run.stderr) == (3, "[]\n", "ita-report: missing.pdf: ไม่พบไฟล์\n")


def test_english_unless_thai_is_asked_for() -> None:
    assert run_cli("parse", "missing.pdf", lang=None, LANG="C.UTF-8", LC_ALL="").stderr == \
        "ita-report: missing.pdf: file not found\n"
    assert run_cli("--lang", "en", "parse", "missing.pdf").stderr == "ita-report: missing.pdf: file not found\n"
    assert run_cli("parse", "missing.pdf", lang=None, LANG="th_TH.UTF-8", LC_ALL="").stderr == \
        "ita-report: missing.pdf: ไม่พบไฟล์\n"
    assert run_cli("--lang", "th", "parse", "missing.pdf", lang="en").stderr == "ita-report: missing.pdf: ไม่พบไฟล์\n"


def test_the_errors_users_meet_most_in_thai(tmp_path, example_store, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ITA_LANG", "th")
    binary = tmp_path / "program.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    other = tmp_path / "letter.txt"
    other.write_text("ขอเชิญประชุมคณะกรรมการหมู่บ้าน วันจันทร์ที่ 5\n", encoding="utf-8")
    assert main(["parse", str(binary), str(other), str(tmp_path)]) == 3
    assert capsys.readouterr().err.splitlines() == [
        f"ita-report: {binary}: ไม่ใช่เอกสาร (เป็นข้อมูลไบนารี)",
        f"ita-report: {other}: ไม่ใช่ผลการประเมิน ITA: ไม่มีคำว่า ITA และไม่มีชื่อตัวชี้วัด ITA",
        f"ita-report: {tmp_path}: เป็นโฟลเดอร์ ไม่ใช่ไฟล์"]
    assert main(["analyse", "อบต.ไม่มีจริง", "--db", str(example_store)]) == 4
    assert capsys.readouterr().err == f"ita-report: {example_store}: ในฐานข้อมูลไม่มีหน่วยงานชื่อ 'อบต.ไม่มีจริง'\n"
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(example_store.read_bytes()[:5000])
    assert main(["agencies", "--db", str(damaged)]) == 4
    assert capsys.readouterr().err == (f"ita-report: {damaged}: ไฟล์ฐานข้อมูลเสียหาย (ขาดหายหรือผิดรูป) "
                                       "ให้กู้คืนจากสำรอง หรือ ingest ใหม่ลงไฟล์ใหม่\n")
    assert main(["agencies", "--db", str(tmp_path / "none.duckdb")]) == 4
    assert capsys.readouterr().err == (f"ita-report: {tmp_path / 'none.duckdb'}: ไม่มีฐานข้อมูลที่นี่ "
                                       "ให้รัน `ita-report ingest` ก่อน\n")
    with pytest.raises(SystemExit) as stop:
        main(["batch", "--jobs", "0"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == \
        "ita-report batch: ข้อผิดพลาด: อาร์กิวเมนต์ --jobs: 0 ไม่ใช่จำนวนตั้งแต่ 1 ถึง 256"


def test_a_store_in_use_in_thai(example_store, tmp_path, capsys, monkeypatch) -> None:
    from ita_lib.store import db as store_db

    monkeypatch.setenv("ITA_LANG", "th")
    monkeypatch.setattr(store_db, "LOCK_WAIT_SECONDS", 0.3)
    busy = tmp_path / "busy.duckdb"
    busy.write_bytes(example_store.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"con = duckdb.connect({str(busy)!r}); print('holding', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        assert main(["agencies", "--db", str(busy)]) == 4
    finally:
        holder.kill()
        holder.wait()
    assert capsys.readouterr().err == (f"ita-report: {busy}: โปรแกรมอื่น (อาจเป็น ingest) ใช้ฐานข้อมูลนี้อยู่นานเกิน "
                                       "0.3 วินาที ให้รันใหม่เมื่อโปรแกรมนั้นทำงานเสร็จ\n")


def test_an_unknown_reason_stays_as_the_library_wrote_it(monkeypatch) -> None:
    monkeypatch.setenv("ITA_LANG", "th")
    assert reason_text("a reason nobody translated") == "a reason nobody translated"
    assert reason_text("file not found, twice") == "file not found, twice"  # the whole reason, or nothing
    assert reason_text("--agencies: file not found") == "--agencies: ไม่พบไฟล์"
    # an error written in another process: its reason after some ": " (a name may hold one)
    assert error_line_text("a: b.duckdb: no agency named 'x: y' in the store") == \
        "a: b.duckdb: ในฐานข้อมูลไม่มีหน่วยงานชื่อ 'x: y'"
    assert error_line_text("agency x: ValueError: boom") == "agency x: ValueError: boom"
    monkeypatch.setenv("ITA_LANG", "en")
    assert reason_text("file not found") == "file not found"
    assert line("{count} agencies", count=3) == "3 agencies"


def test_help_in_thai_and_english_unchanged(capsys, monkeypatch) -> None:
    monkeypatch.setenv("ITA_LANG", "th")
    with pytest.raises(SystemExit):
        main(["review", "--help"])
    thai = capsys.readouterr().out
    assert thai.startswith("วิธีใช้: ita-report review [-h] [--db DB] [--province PROVINCE] [--out FILE]")
    assert "\nอาร์กิวเมนต์ตามตำแหน่ง:\n" in thai and "\nตัวเลือก:\n" in thai
    assert "  -h, --help           แสดงคำอธิบายนี้แล้วจบ\n" in thai
    assert "  --db DB              ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: outputs/ita.duckdb)\n" in thai
    assert thai.endswith('ตัวอย่าง:\n  ita-report review "อบต.บ้านพราน"   (แล้วกรอก params/review/<slug>.yaml)\n')
    with pytest.raises(SystemExit):
        main(["--lang", "en", "review", "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: ita-report review") and "\noptions:\n" in english
    assert "  --db DB              store file (default: outputs/ita.duckdb)\n" in english
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    assert "    parse               แสดงผลการประเมิน ITA ที่อ่านได้จากเอกสาร\n" in top
    assert "  --version             แสดงรุ่นของโปรแกรมแล้วจบ\n" in top


def test_thai_help_wraps_at_spaces_by_columns() -> None:
    text = "คัดลอกโน้ตบุ๊กรายงาน และเอกสารตัวอย่าง ไปยังโฟลเดอร์ของคุณ"
    lines = ThaiHelpFormatter("x")._split_lines(text, 30)
    assert lines == ["คัดลอกโน้ตบุ๊กรายงาน", "และเอกสารตัวอย่าง", "ไปยังโฟลเดอร์ของคุณ"]
    assert columns("ของคุณ") == 5  # the vowel under ค takes no column


def test_batch_summary_in_thai(tmp_path) -> None:
    db = tmp_path / "ita.duckdb"
    assert run_cli("ingest", str(EXAMPLES), "--db", str(db), "--quiet").stderr.splitlines() == [
        f"ita-report: ไม่ได้อ่าน {EXAMPLES / 'README.md'}: เป็นไฟล์ README",
        f"ita-report: เพิ่ม 11 ไฟล์ (ผลการประเมิน 22 รายการ) มีอยู่ในฐานข้อมูลแล้ว 0 ไฟล์ ไม่มีผล ITA 0 ไฟล์ ข้าม 0 ไฟล์ "
        f"ไม่ได้อ่าน 1 ไฟล์ (ไม่ใช่เอกสาร); ใน {db} มี 9 หน่วยงาน"]
    out = tmp_path / "out"
    command = ("batch", "อบต.ไม่มีจริง", "อบต.โนนสะอาดพัฒนา", "--db", str(db), "--format", "html", "--jobs", "1",
               "--output-dir", str(out))
    first = run_cli(*command)
    assert first.returncode == 3, first.stderr
    unknown, built, summary = first.stderr.splitlines()
    # the worker's English error, said in Thai by its template
    assert re.fullmatch(rf"\[1/2\] ไม่สำเร็จ อบต.ไม่มีจริง \(\d+\.\d วินาที\): {re.escape(str(db))}: "
                        "ในฐานข้อมูลไม่มีหน่วยงานชื่อ 'อบต.ไม่มีจริง'", unknown)
    assert re.fullmatch(r"\[2/2\] สร้างแล้ว องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา \(\d+\.\d วินาที\)", built)
    assert summary == (f"ita-report: สร้างแล้ว 1 ไม่เปลี่ยน 0 ไม่สำเร็จ 1; ผลรายหน่วยงาน {out / 'manifest.csv'}, "
                       f"หน้ารวมรายงาน {out / 'index.html'}, ภาพรวมจังหวัด {out / 'province_overview.html'}")
    again = run_cli(*command)
    assert again.stderr.splitlines()[-1].startswith("ita-report: สร้างแล้ว 0 ไม่เปลี่ยน 1 ไม่สำเร็จ 1; ")

def test_a_missing_extra_an_interrupt_and_a_full_disk_in_thai(example_store, tmp_path, capsys, monkeypatch) -> None:
    import errno

    from ita_lib.cli import store as cli_store

    monkeypatch.setitem(sys.modules, "voila", None)  # as if not installed
    assert main(["--lang", "th", "app", "--no-browser", "--db", str(example_store)]) == 4
    assert capsys.readouterr().err.splitlines()[-1] == \
        'ita-report: คำสั่ง app ต้องติดตั้งส่วนเสริม app ก่อน (ยังไม่มี voila): pip install "ita-report[app]"'

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_store, "cmd_agencies", interrupted)
    assert main(["--lang", "th", "agencies", "--db", str(example_store)]) == 130
    assert capsys.readouterr().err == "ita-report: หยุดกลางคัน งานที่เสร็จแล้วยังเก็บไว้ครบ\n"

    def disk_full(args):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "agencies.csv"))

    monkeypatch.setattr(cli_store, "cmd_agencies", disk_full)
    assert main(["--lang", "th", "agencies", "--db", str(example_store)]) == 4
    assert capsys.readouterr().err == f"ita-report: {tmp_path / 'agencies.csv'}: พื้นที่ดิสก์เต็ม\n"
    assert main(["--lang", "en", "agencies", "--db", str(example_store)]) == 4
    assert capsys.readouterr().err == f"ita-report: {tmp_path / 'agencies.csv'}: No space left on device\n"
