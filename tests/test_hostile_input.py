"""Hostile and damaged input: what is refused, within which limits, and with which one-line reason.

Bombs are made in tmp_path by the tests themselves; the heavy ones run in a child process so their
time and peak memory can be measured (and an unguarded reader cannot take the test run down).
"""
from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from pathlib import Path

import pytest

import ita_lib.store.ingest as ingest_module
import ita_lib.io.limits as io_limits
from ita_lib.errors import AliasFileError, DocumentReadError, ParamsError
from ita_lib.store.aliases import load_aliases
from ita_lib.store.ingest import find_documents, ingest
from ita_lib.io.read import document_from_bytes, read_document
from ita_lib.report.params import load_params
from ita_lib.parse import parse_report
from ita_lib.store.db import Store
from ita_lib.io.yaml_limits import MAX_YAML_CHARS, MAX_YAML_DEPTH

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "ita_lib"]
WORKED = (93.76, 88.66, 95.22, 88.93, 95.18, 86.60, 76.62, 78.27, 79.85, 87.50)  # ITA 85.32


def itas_page(agency: str, year: int = 2564, overall: float = 85.32) -> str:
    """A short ITAS result page (made-up content), one agency."""
    from ita_lib.rubric import load as load_rubric

    rows = "\n".join(f"{n}\t{load_rubric().indicators[n].name}\t{WORKED[n - 1]:.2f}" for n in range(1, 11))
    return (f"รายงานผลการประเมิน ITA ประจำปีงบประมาณ {year}\n\n"
            f"คะแนนภาพรวมหน่วยงาน{agency} : {overall:.2f} คะแนน\n\nระดับผลการประเมิน : A\n\n"
            f"คะแนนสูงสุดรายตัวชี้วัด\n\nอันดับ\tตัวชี้วัด\tคะแนน\n{rows}\n")


def measured(code: str, timeout: float = 60) -> tuple[str, float, float]:
    """Run *code* (which prints one line) in a child process limited to 4 GB of address space:
    (its output, seconds, peak resident MB). The peak is the child's own (VmHWM): ru_maxrss would
    carry over the resident size of the pytest process it was forked from."""
    wrapper = textwrap.dedent("""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
        try:
        {body}
        finally:
            sys.stdout.flush()
            with open("/proc/self/status") as status:
                peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
            print(peak / 1024, file=sys.stderr)
    """).format(body=textwrap.indent(textwrap.dedent(code), "    "))
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, timeout=timeout,
                         cwd=ROOT)
    seconds = time.perf_counter() - started
    assert "Traceback" not in run.stderr, run.stderr
    return run.stdout.strip(), seconds, float(run.stderr.strip().splitlines()[-1])


def reason_of(path: Path) -> str:
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    return str(caught.value)


# ---------------------------------------------------------------- not a regular file, too large

def test_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[str] = []
    reader = threading.Thread(target=lambda: outcome.append(reason_of(fifo)), daemon=True)
    reader.start()
    reader.join(5)  # opening a FIFO for reading would wait for a writer forever
    assert outcome == [f"{fifo}: not a regular file (a FIFO)"]


def test_character_device_is_refused_not_read_forever():
    out, seconds, _ = measured("""
        from ita_lib.errors import DocumentReadError
        from ita_lib.io.read import read_document
        try:
            read_document("/dev/zero")
        except DocumentReadError as error:
            print(error)
    """, timeout=30)
    assert out == "/dev/zero: not a regular file (a character device)"


def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    if len(str(path)) > 100:
        pytest.skip("tmp_path too long for a unix socket name")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert reason_of(path) == f"{path}: not a regular file (a socket)"


def test_file_over_the_size_limit_is_refused_from_its_size(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: costs no disk
        handle.truncate(io_limits.MAX_FILE_BYTES + 1)
    assert io_limits.MAX_FILE_BYTES == 50_000_000
    assert reason_of(big) == f"{big}: file too large: 50,000,001 bytes (the limit is 50 MB)"


def test_file_that_reads_longer_than_its_size_stops_at_the_limit(monkeypatch):
    status = Path("/proc/self/status")  # a regular file whose stat says 0 bytes
    if not status.exists() or status.stat().st_size:
        pytest.skip("needs Linux /proc")
    monkeypatch.setattr(io_limits, "MAX_FILE_BYTES", 100)
    assert reason_of(status) == f"{status}: file too large: grew past the limit of 100 bytes while being read"


def test_bytes_over_the_size_limit_are_refused(monkeypatch):
    monkeypatch.setattr(io_limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(DocumentReadError) as caught:
        document_from_bytes(b"x" * 101, name="a.txt")
    assert str(caught.value) == "a.txt: file too large: 101 bytes (the limit is 100 bytes)"


# ---------------------------------------------------------------- DOCX bombs

def _docx_with(path: Path, name: str = "", chunks: tuple[tuple[bytes, int], ...] = ()) -> Path:
    """python-docx's blank document with part *name* replaced by *chunks*, each (bytes, times),
    streamed so that the test never holds the inflated part in memory."""
    docx = pytest.importorskip("docx")
    blank = io.BytesIO()
    docx.Document().save(blank)
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part in source.namelist():
            if part != name:
                out.writestr(part, source.read(part))
        if name:
            with out.open(name, "w") as handle:
                for chunk, times in chunks:
                    for _ in range(times):
                        handle.write(chunk)
    return path


def _bomb(path: Path, paragraphs: int) -> Path:
    """A DOCX whose document.xml holds *paragraphs* one-letter paragraphs (36 bytes each)."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    thousand = "<w:p><w:r><w:t>ก</w:t></w:r></w:p>".encode() * 1000
    return _docx_with(path, "word/document.xml",
                      ((head, 1), (thousand, paragraphs // 1000), (b"</w:body></w:document>", 1)))


def test_docx_bomb_is_refused_fast_and_small(tmp_path):
    bomb = _bomb(tmp_path / "bomb.docx", 5_600_000)  # ~200 MB of XML in a ~0.5 MB file
    assert bomb.stat().st_size < 1_000_000
    out, seconds, peak_mb = measured(f"""
        from ita_lib.errors import DocumentReadError
        from ita_lib.io.read import read_document
        try:
            read_document({str(bomb)!r})
        except DocumentReadError as error:
            print(error)
    """, timeout=120)
    inflated = zipfile.ZipFile(bomb).getinfo("word/document.xml").file_size
    assert out == (f"{bomb}: DOCX part word/document.xml inflates to {inflated:,} bytes "
                   "(the limit is 20 MB)")
    assert seconds < 10 and peak_mb < 300


def test_docx_compressed_like_a_bomb_is_refused(tmp_path):
    bomb = _bomb(tmp_path / "dense.docx", 100_000)  # 3.6 MB of XML, compressed ~340 to 1
    with pytest.raises(DocumentReadError) as caught:
        read_document(bomb)
    info = zipfile.ZipFile(bomb).getinfo("word/document.xml")
    ratio = info.file_size / info.compress_size
    assert ratio > io_limits.MAX_DOCX_RATIO == 200
    assert caught.value.reason == (f"DOCX part word/document.xml is compressed {ratio:.0f} to 1, like a zip "
                                   "bomb (the limit is 200 to 1)")


def test_docx_parts_over_the_total_limit_are_refused(tmp_path, monkeypatch):
    path = _docx_with(tmp_path / "a.docx")
    total = sum(part.file_size for part in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(io_limits, "MAX_DOCX_TOTAL_BYTES", 100_000)
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    assert caught.value.reason == f"DOCX parts inflate to {total:,} bytes in all (the limit is 100,000 bytes)"


def test_docx_part_lying_about_its_size_is_cut_at_the_declared_size(tmp_path):
    # The zip directory says 1,000 bytes; the data inflates to 30 MB. zipfile stops at the declared
    # size and its CRC check fails, so checking the declared sizes bounds the real work.
    path = _bomb(tmp_path / "liar.docx", 830_000)
    data = bytearray(path.read_bytes())
    _declare_size(data, b"word/document.xml", 1000)
    path.write_bytes(bytes(data))
    started = time.perf_counter()
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    assert time.perf_counter() - started < 5
    assert caught.value.reason == ("not a valid DOCX file (BadZipFile: Bad CRC-32 for file "
                                   "'word/document.xml')")


def _declare_size(data: bytearray, name: bytes, size: int) -> None:
    """Rewrite the inflated size the zip's central directory gives for part *name*."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_length] == name:
            data[at + 24:at + 28] = size.to_bytes(4, "little")
            return
        at = data.find(b"PK\x01\x02", at + 46)
    raise AssertionError(f"no part {name!r}")


# ---------------------------------------------------------------- YAML

BILLION_LAUGHS = "\n".join(
    ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]) + "\n"


def test_params_alias_bomb_is_refused_at_the_first_alias(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text("agency: อบต.บ้านดี\n" + BILLION_LAUGHS, encoding="utf-8")
    out, seconds, peak_mb = measured(f"""
        from ita_lib.errors import ParamsError
        from ita_lib.report.params import load_params
        try:
            load_params({str(path)!r})
        except ParamsError as error:
            print(error)
    """)
    assert out == f"{path}:3: YAML aliases (*a0) are not allowed in this file: write the value out in full"
    assert seconds < 10 and peak_mb < 300


def test_aliases_file_with_an_alias_is_refused_at_its_line(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("aliases:\n  - name: องค์การบริหารส่วนตำบลหนองบัวทอง\n    also: &s [อบต.หนองบัวทองใต้]\n"
                    "  - name: เทศบาลตำบลบ้านดี\n    also: *s\n", encoding="utf-8")
    with pytest.raises(AliasFileError) as caught:
        load_aliases(path)
    assert str(caught.value) == (f"{path}:5: YAML aliases (*s) are not allowed in this file: write the value "
                                 "out in full")


def test_yaml_nested_too_deep_is_one_line_not_a_recursion_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("agency: x\nyears: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    assert str(caught.value) == f"{path}:2: nested more than {MAX_YAML_DEPTH} levels deep"


def test_yaml_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("aliases:\n" + "# padding\n" * (MAX_YAML_CHARS // 10), encoding="utf-8")
    size = len(path.read_text(encoding="utf-8"))
    with pytest.raises(AliasFileError) as caught:
        load_aliases(path)
    assert str(caught.value) == (f"{path}: file too large for a hand-written YAML file: {size:,} characters "
                                 "(the limit is 1,000,000)")


def test_yaml_errors_keep_their_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("agency: x\nyears: [2566\n", encoding="utf-8")
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    assert caught.value.path == str(path) and caught.value.line == 3
    assert caught.value.reason.startswith("not valid YAML: ")


# ---------------------------------------------------------------- damaged UTF-8

THAI = "รายงานผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"


def _damaged(line3: bytes) -> bytes:
    return (f"{THAI}\n{THAI}\n".encode() + line3 + f"\n{THAI}\n".encode())


def test_stray_byte_is_dropped_and_named_not_made_a_vowel():
    # U+FFFD after a consonant is "repaired" to ำ by text cleaning: the byte must go, not become one.
    document = document_from_bytes(_damaged("ด".encode() + b"\xff" + "เนินการ".encode()), name="a.txt")
    assert document.encoding == "utf-8"
    assert document.lines[2].text == "ดเนินการ"
    assert document.notes == ["line 3: 1 undecodable byte dropped"]


def test_cut_off_last_character_is_dropped():
    data = f"{THAI}\n{THAI}\nผ่านเกณฑ์".encode()[:-1]  # ์ is 3 bytes: 2 are left
    document = document_from_bytes(data, name="a.txt")
    assert [line.text for line in document.lines] == [THAI, THAI, "ผ่านเกณฑ"]
    assert document.notes == ["line 3: 2 undecodable bytes dropped"]


def test_single_nul_is_dropped():
    document = document_from_bytes(_damaged("ผ่าน\x00เกณฑ์".encode()), name="a.txt")
    assert document.lines[2].text == "ผ่านเกณฑ์"
    assert document.notes == ["line 3: 1 NUL byte dropped"]


def test_utf8_with_bom_and_damage_on_several_lines():
    lines = [f"{THAI} {n}".encode() + (b"\xfe" if n % 2 else b"\x00") for n in range(1, 9)]
    document = document_from_bytes(b"\xef\xbb\xbf" + b"\n".join(lines), name="a.txt")
    assert document.encoding == "utf-8-sig"
    assert document.notes == ["line 1: 1 undecodable byte dropped", "line 2: 1 NUL byte dropped",
                              "line 3: 1 undecodable byte dropped", "line 4: 1 NUL byte dropped",
                              "line 5: 1 undecodable byte dropped", "bytes dropped on 3 more lines"]


def test_damaged_html_names_the_source_line():
    data = f"<html><body>\n<p>{THAI}</p>\n<p>ก".encode() + b"\x80" + "ข</p>\n</body></html>\n".encode()
    document = document_from_bytes(data, name="a.html")
    assert document.format == "html" and [line.text for line in document.lines][-1] == "กข"
    assert document.notes == ["line 3: 1 undecodable byte dropped"]


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,  # binary
    THAI.encode() + b"\xff" * 10,  # 10 bad bytes in 226: more than 1 %
    THAI.encode() + b"\x00" * 10,
], ids=["binary", "many-bad-bytes", "many-nuls"])
def test_binary_or_badly_damaged_is_still_refused(data):
    with pytest.raises(DocumentReadError) as caught:
        document_from_bytes(data, name="a.txt")
    assert caught.value.reason == "not a text document (binary content)"


def test_tis620_is_not_mistaken_for_damaged_utf8():
    data = ("ITA " * 2000 + THAI).encode("cp874")  # mostly ASCII: few high bytes, all undecodable
    document = document_from_bytes(data, name="a.txt")
    assert document.encoding == "cp874" and document.text.endswith(THAI) and document.notes == []


def test_parse_report_and_cli_pass_the_note_on(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(itas_page("องค์การบริหารส่วนตำบลบ้านดี").replace("ระดับ", "ระดับ\x00", 1).encode())
    report = parse_report(path)
    assert report.records and report.notes == ["line 5: 1 NUL byte dropped"]
    run = subprocess.run([*CLI, "parse", str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    assert run.stderr.splitlines() == [f"ita-report: {path}: line 5: 1 NUL byte dropped"]
    db = tmp_path / "ita.duckdb"
    result = ingest([path], db=db, aliases=None)
    assert result.noted == [(str(path), "line 5: 1 NUL byte dropped")]
    with Store(db, read_only=True) as store:
        assert store.table("sources")["note"].tolist() == ["line 5: 1 NUL byte dropped"]


# ---------------------------------------------------------------- finding files

def test_broken_link_fifo_and_unlistable_folder_are_reported(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_text(itas_page("อบต.ซ่อน"), encoding="utf-8")
    (folder / "good.txt").write_text(itas_page("อบต.บ้านดี"), encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    real_scandir = os.scandir

    def scandir(path="."):  # what a folder without read permission does, even for root
        if Path(path) == folder / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found, failed = find_documents([folder, tmp_path / "missing.txt", folder / "pipe.txt"])
    assert found == [folder / "good.txt"]
    assert failed == [(str(folder / "locked"), "permission denied"),
                      (str(folder / "gone.txt"), "broken symbolic link"),
                      (str(folder / "pipe.txt"), "not a regular file (a FIFO)"),
                      (str(tmp_path / "missing.txt"), "no such file or folder"),
                      (str(folder / "pipe.txt"), "not a regular file (a FIFO)")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list a folder without read permission")
def test_folder_without_read_permission_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert find_documents([tmp_path]) == ([], [(str(locked), "permission denied")])
    finally:
        locked.chmod(0o755)


def test_ingest_cli_names_each_bad_file_and_keeps_the_good(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(itas_page("องค์การบริหารส่วนตำบลบ้านดี"), encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    db = tmp_path / "ita.duckdb"
    run = subprocess.run([*CLI, "ingest", str(folder), str(fifo), "--db", str(db), "--quiet"],
                         capture_output=True, text=True, timeout=60)
    assert "Traceback" not in run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("ita-report: skipped ")]
    assert skipped == [f"ita-report: skipped {folder / 'gone.txt'}: broken symbolic link",
                       f"ita-report: skipped {fifo}: not a regular file (a FIFO)"]
    with Store(db, read_only=True) as store:
        assert [Path(p).name for p in store.table("sources")["path"]] == ["good.txt"]


# ---------------------------------------------------------------- parse time limit

def _slow_when_named_slow(real):
    def parse(path, **kwargs):
        if Path(path).name == "slow.txt":
            try:
                time.sleep(30)
            except Exception:  # a reader's catch-all must not swallow the time limit
                time.sleep(30)
        return real(path, **kwargs)
    return parse


@pytest.mark.parametrize("count", [3, 45], ids=["in-process", "process-pool"])
def test_a_document_over_the_time_limit_is_skipped_and_the_others_go_in(tmp_path, monkeypatch, count):
    import ita_lib.parse

    monkeypatch.setattr(ingest_module, "PARSE_TIME_LIMIT", 0.5)
    monkeypatch.setattr(ita_lib.parse, "parse_report", _slow_when_named_slow(ita_lib.parse.parse_report))
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "slow.txt").write_text(itas_page("อบต.ช้า"), encoding="utf-8")
    for n in range(count - 1):
        (folder / f"{n:02d}.txt").write_text(f"บันทึกการประชุม ครั้งที่ {n}\n", encoding="utf-8")
    handler = signal.getsignal(signal.SIGALRM)
    started = time.perf_counter()
    result = ingest([folder], db=tmp_path / "ita.duckdb", aliases=None, workers=2)
    assert time.perf_counter() - started < 20
    assert result.failed == [(str(folder / "slow.txt"), "took longer than 0.5 s to parse")]
    assert len(result.added) == count - 1
    assert signal.getsignal(signal.SIGALRM) is handler
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_puts_back_an_alarm_set_before(monkeypatch):
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with ingest_module._time_limit(5):
            pass
        time.sleep(1)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------- checkpoints

def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    names = ["บ้านดี", "หนองบัว", "โนนสะอาด", "ท่าช้าง", "บ้านใหม่", "ดอนแก้ว"]
    paths = []
    for n in range(count):
        path = folder / f"{n}.txt"
        path.write_text(itas_page(f"องค์การบริหารส่วนตำบล{names[n]}"), encoding="utf-8")
        paths.append(path)
    return paths


def _stop_after(files: int):
    def progress(done: int, total: int) -> None:
        if done == files:
            raise KeyboardInterrupt
    return progress


def _stored(db: Path) -> tuple[list[str], int, int, int]:
    """(stored file names, records, records linked to an agency, agencies)."""
    with Store(db, read_only=True) as store:
        names = sorted(Path(p).name for p in store.table("sources")["path"])
        return (names, len(store.table("records")), len(store.table("agency_links")),
                len(store.table("agencies")))


@pytest.mark.parametrize("every_files, every_seconds, spacing, kept",
                         [(2, 1e9, 0, 2), (1000, 0, 0, 3), (1000, 0, 1e9, 1)],
                         ids=["by-count", "by-time", "spaced-by-the-cost-of-the-last"])
def test_interrupted_ingest_keeps_its_checkpoints_with_agencies(tmp_path, monkeypatch, every_files,
                                                                every_seconds, spacing, kept):
    monkeypatch.setattr(ingest_module, "COMMIT_EVERY_FILES", every_files)
    monkeypatch.setattr(ingest_module, "COMMIT_EVERY_SECONDS", every_seconds)
    monkeypatch.setattr(ingest_module, "CHECKPOINT_SPACING", spacing)
    paths = _pages(tmp_path / "docs", 5)
    db = tmp_path / "ita.duckdb"
    with pytest.raises(KeyboardInterrupt):
        ingest(paths, db=db, aliases=None, progress=_stop_after(3))
    assert _stored(db) == ([f"{n}.txt" for n in range(kept)], kept, kept, kept)
    result = ingest(paths, db=db, aliases=None)
    assert sorted(result.already_in) == [str(p) for p in paths[:kept]]
    assert sorted(result.added) == [str(p) for p in paths[kept:]]
    assert _stored(db) == ([f"{n}.txt" for n in range(5)], 5, 5, 5) and result.agencies == 5


def test_crash_between_write_and_relink_is_repaired_by_the_next_ingest(tmp_path, monkeypatch):
    paths = _pages(tmp_path / "docs", 3)
    db = tmp_path / "ita.duckdb"
    real_relink = ingest_module.relink

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "relink", crash)
    with pytest.raises(KeyboardInterrupt):
        ingest(paths, db=db, aliases=None)
    assert _stored(db) == (["0.txt", "1.txt", "2.txt"], 3, 0, 0)  # records in, no agency yet
    monkeypatch.setattr(ingest_module, "relink", real_relink)
    result = ingest(paths, db=db, aliases=None)  # nothing new, but identity is recomputed
    assert result.added == [] and result.agencies == 3
    assert _stored(db) == (["0.txt", "1.txt", "2.txt"], 3, 3, 3)
