"""Hostile use of the command line: odd options, damaged stores, text that looks like markup or a
spreadsheet formula, outputs that cannot be written. Each ends in one line on stderr naming the
file or option, a documented exit status and no traceback."""
from __future__ import annotations

import argparse
import csv
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.cli import exit_codes
from ita_lib.cli.main import _table, main
from ita_lib.errors import OutputError
from ita_lib.model import ActionRow, Assessment, Source
from ita_lib.store.db import Store

INDICATORS = (93.76, 88.66, 95.22, 88.93, 95.18, 86.60, 76.62, 78.27, 79.85, 87.50)
MARKUP_NAME = "องค์การบริหารส่วนตำบลโนนแดง[/x][link=http://evil.example]คลิก"
FORMULA = '=HYPERLINK("http://evil.example","คลิก")'


def hostile_record(agency: str = MARKUP_NAME) -> Assessment:
    return Assessment(
        agency=agency, agency_type="อบต.", province="ลำพูน", fiscal_year=2567, overall_score=85.32,
        indicators={str(n): v for n, v in enumerate(INDICATORS, start=1)},
        actions=[ActionRow(indicator=9, measure=FORMULA, steps=["+เปิดเผยข้อมูลทุกไตรมาส"],
                           responsible="@สำนักปลัด", period="-ต.ค. 2567")],
        source=Source(path="hostile.txt", sha256="b" * 64, kind="agency_analysis"))


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, write_records) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "ita.duckdb"
    write_records(db, [hostile_record()])
    return db


@pytest.fixture(scope="module")
def hostile_id(hostile_db) -> str:
    with Store(hostile_db, read_only=True) as store:
        return store.agencies()["agency_id"].iloc[0]


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_lib", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


# ---------------------------------------------------------------- markup and formulas

def test_markup_in_store_text_is_printed_as_text(hostile_db, hostile_id, capsys) -> None:
    assert main(["agencies", "--db", str(hostile_db)]) == exit_codes.OK
    assert "[/x]" in capsys.readouterr().out.replace("\n", "").replace("│", "").replace(" ", "")
    assert main(["analyse", hostile_id, "--db", str(hostile_db)]) == exit_codes.OK
    out = capsys.readouterr().out
    assert "[/x][link=http://evil.example]คลิก" in out


def test_parse_table_prints_markup_as_text(capsys) -> None:
    _table([hostile_record()])
    assert "[link=http://evil.example]" in capsys.readouterr().out.replace("\n", "").replace("│", "").replace(" ", "")


def test_plan_csv_cells_cannot_start_a_formula(hostile_db, hostile_id, tmp_path) -> None:
    plan = tmp_path / "plan.csv"
    assert main(["analyse", hostile_id, "--db", str(hostile_db), "--plan-csv", str(plan)]) == exit_codes.OK
    rows = list(csv.reader(plan.read_text(encoding="utf-8-sig").splitlines()))
    own = [row for row in rows if FORMULA in "".join(row)]
    assert len(own) == 1
    assert "'" + FORMULA in own[0] and "'+เปิดเผยข้อมูลทุกไตรมาส" in own[0]
    assert "'@สำนักปลัด" in own[0] and "'-ต.ค. 2567" in own[0]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_csv_output_keeps_numbers_and_quotes_formula_names(capsys) -> None:
    from ita_lib.cli.main import _print

    _print([hostile_record(agency="=1+2 อบต.ทดลอง")], "csv")
    rows = list(csv.DictReader(capsys.readouterr().out.lstrip("\ufeff").splitlines()))
    assert {row["agency"] for row in rows} == {"'=1+2 อบต.ทดลอง"}
    assert rows[0]["overall_score"] == "85.32"


# ---------------------------------------------------------------- options

@pytest.mark.parametrize("argv, option", [
    (["parse", "x.txt", "--year", "99999999999999999999"], "--year"),
    (["parse", "x.txt", "--year", "2025"], "--year"),
    (["ingest", "x.txt", "--year", "25x8"], "--year"),
    (["ingest", "x.txt", "--workers", "0"], "--workers"),
    (["batch", "--all", "--jobs", "0"], "--jobs"),
    (["batch", "--all", "--jobs", "-1"], "--jobs"),
    (["batch", "--all", "--timeout", "0"], "--timeout"),
    (["batch", "--all", "--timeout", "-5"], "--timeout"),
    (["batch", "--all", "--timeout", "nan"], "--timeout"),
])
def test_bad_option_values_stop_at_the_usage_line(argv, option, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == exit_codes.USAGE
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert f"argument {option}" in last


def test_christian_year_gets_a_hint(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["parse", "x.txt", "--year", "2025"])
    assert "2025 C.E. is 2568 B.E." in capsys.readouterr().err


def test_thai_digit_year_is_accepted(tmp_path, capsys) -> None:
    page = tmp_path / "list.txt"
    page.write_text("ลำดับ\tหน่วยงาน\tอำเภอ\tจังหวัด\tคะแนนเฉลี่ย\n1\tเทศบาลตำบลบ้านโฮ่ง\tบ้านโฮ่ง\tลำพูน\t91.25\n",
                    encoding="utf-8")
    assert main(["parse", str(page), "--year", "๒๕๖๗"]) == exit_codes.OK
    assert '"fiscal_year": 2567' in capsys.readouterr().out


# ---------------------------------------------------------------- the store

@pytest.mark.parametrize("damage", ["cut", "flipped"])
@pytest.mark.parametrize("command", [["agencies"], ["conflicts"], ["analyse", "โนนแดง"], ["params", "init"]])
def test_damaged_store_is_one_line_and_stopped(hostile_db, tmp_path, damage, command, capsys) -> None:
    data = bytearray(hostile_db.read_bytes())
    if damage == "cut":
        data = data[: len(data) // 2]
    else:
        for position in range(12288, len(data), 997):
            data[position] ^= 0xFF
    db = tmp_path / "damaged.duckdb"
    db.write_bytes(bytes(data))
    argv = command[:1] + (["init", "--out", str(tmp_path / "p")] if command[0] == "params" else command[1:])
    assert main([*argv, "--db", str(db)]) == exit_codes.STOPPED
    line = one_line(capsys.readouterr().err)
    assert str(db) in line and "damaged" in line


def test_ingest_into_a_damaged_store_leaves_it_as_it_was(hostile_db, tmp_path) -> None:
    db = tmp_path / "damaged.duckdb"
    db.write_bytes(hostile_db.read_bytes()[: hostile_db.stat().st_size // 2])
    before = db.read_bytes()
    page = tmp_path / "doc.txt"
    page.write_text("ผลการประเมิน ITA ปี 2567 เทศบาลตำบลบ้านโฮ่ง ได้ 91.25 คะแนน\n", encoding="utf-8")
    run = run_cli("ingest", str(page), "--db", str(db), "--quiet")
    assert run.returncode == exit_codes.STOPPED
    assert "damaged" in one_line(run.stderr)
    assert db.read_bytes() == before


def test_store_path_that_is_a_folder(tmp_path, capsys) -> None:
    assert main(["agencies", "--db", str(tmp_path)]) == exit_codes.STOPPED
    assert "is a folder" in one_line(capsys.readouterr().err)


def test_wrong_province_says_so(hostile_db, capsys) -> None:
    assert main(["analyse", MARKUP_NAME, "--db", str(hostile_db), "--province", "นครปฐม"]) == exit_codes.STOPPED
    line = one_line(capsys.readouterr().err)
    assert "not in province 'นครปฐม'" in line and "ลำพูน" in line


# ---------------------------------------------------------------- outputs

def test_plan_csv_onto_a_folder_is_one_line(hostile_db, hostile_id, tmp_path, capsys) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    assert main(["analyse", hostile_id, "--db", str(hostile_db), "--plan-csv", str(folder)]) == exit_codes.STOPPED
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert str(folder) in line and "a folder of that name is in the way" in line
    assert list(tmp_path.iterdir()) == [folder] and not list(folder.iterdir())


def test_params_init_onto_a_file_is_one_line(hostile_db, tmp_path, capsys) -> None:
    target = tmp_path / "existing.txt"
    target.write_text("keep me", encoding="utf-8")
    assert main(["params", "init", "--db", str(hostile_db), "--out", str(target)]) == exit_codes.STOPPED
    assert "is a file, not a folder" in one_line(capsys.readouterr().err)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_full_disk_leaves_no_half_file(tmp_path, monkeypatch) -> None:
    from ita_lib import files

    def no_space(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", no_space)
    with pytest.raises(OutputError) as error:
        files.atomic_write(tmp_path / "index.html", "<p>x</p>")
    assert str(error.value) == f"{tmp_path / 'index.html'}: cannot write: No space left on device"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder_is_one_line(hostile_db, hostile_id, tmp_path, capsys) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code = main(["analyse", hostile_id, "--db", str(hostile_db), "--plan-csv", str(folder / "plan.csv")])
        assert code == exit_codes.STOPPED
        assert "Permission denied" in capsys.readouterr().err.strip().splitlines()[-1]
        assert main(["params", "init", "--db", str(hostile_db), "--out", str(folder / "p")]) == exit_codes.STOPPED
    finally:
        folder.chmod(0o755)


def test_unwritable_home_still_parses(tmp_path) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("", encoding="utf-8")
    page = tmp_path / "doc.txt"
    page.write_text("ผลการประเมิน ITA ปี 2567 เทศบาลตำบลบ้านโฮ่ง ได้ 91.25 คะแนน\n", encoding="utf-8")
    run = run_cli("parse", str(page), HOME=str(home))
    assert run.returncode == exit_codes.OK, run.stderr
    assert '"overall_score": 91.25' in run.stdout
    assert "HOME is not a writable folder" in one_line(run.stderr)


# ---------------------------------------------------------------- build targets

def build_args(**given) -> argparse.Namespace:
    fields = {"db": None, "output_dir": None, "province": None, "digits": None, "format": None}
    return argparse.Namespace(**{**fields, **given})


def test_build_options_win_over_the_params_file(tmp_path) -> None:
    from ita_lib.cli.store import _build_params

    path = tmp_path / "agency.yaml"
    path.write_text('agency: "เทศบาลตำบลบ้านโฮ่ง"\ndb: "elsewhere/ita.duckdb"\noutput_dir: "elsewhere/out"\n'
                    'digits: "arabic"\n', encoding="utf-8")
    given = _build_params(str(path), build_args(db="mine.duckdb", output_dir="mine", format="html"))
    assert (given.db, given.output_dir, given.formats, given.digits) == ("mine.duckdb", "mine", ["html"], "arabic")
    from_file = _build_params(str(path), build_args())
    folder = tmp_path.resolve()  # a params file's relative paths are from its folder
    assert (from_file.db, from_file.output_dir) == (str(folder / "elsewhere" / "ita.duckdb"),
                                                    str(folder / "elsewhere" / "out"))
    by_name = _build_params("เทศบาลตำบลบ้านโฮ่ง", build_args())
    assert (by_name.db, by_name.output_dir) == ("outputs/ita.duckdb", "outputs")


def test_missing_params_file_is_named_as_such(hostile_db, tmp_path, capsys, monkeypatch) -> None:
    from ita_lib.report import kernels

    started = []
    monkeypatch.setattr(kernels, "start_early", started.append)  # nothing to build: no kernel is started
    missing = tmp_path / "nonexist.yaml"
    code = main(["build", str(missing), "--db", str(hostile_db), "--output-dir", str(tmp_path / "out")])
    assert code == exit_codes.PARTIAL
    assert started == []
    assert one_line(capsys.readouterr().err) == f"ita-report: {missing}: file not found"
    assert not (tmp_path / "out").exists()


def test_no_stray_files_in_the_working_folder(hostile_db, tmp_path, monkeypatch, capsys) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    main(["agencies", "--db", str(hostile_db), "--format", "json"])
    main(["parse", str(work / "none.txt")])
    assert list(work.iterdir()) == []
    shutil.rmtree(work)


def test_build_with_a_wrong_format_stops_before_any_work(hostile_db, tmp_path, capsys) -> None:
    code = main(["build", "โนนแดง", "--db", str(hostile_db), "--output-dir", str(tmp_path / "out"), "--format", "xyz"])
    assert code == exit_codes.USAGE
    assert one_line(capsys.readouterr().err) == (
        "ita-report: --format: unknown format 'xyz' (choose from html, pdf, docx, xlsx)")
    assert not (tmp_path / "out").exists()


def test_importing_the_library_changes_no_environment_variable(tmp_path):
    """The library sets nothing process-wide when imported (the command sets PYTHAINLP_OFFLINE for
    itself and its workers)."""
    probe = ("import os; before = dict(os.environ); import ita_lib, ita_lib.parse, ita_lib.text.thai, "
             "ita_lib.report.sections; print(sorted(set(os.environ.items()) ^ set(before.items())))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHAINLP_OFFLINE"}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
