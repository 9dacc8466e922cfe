"""The ita-report command line: the parse contract and clear errors for bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.cli import exit_codes
from ita_lib.cli.main import main

RESULT_PAGE = """รายงานผลการประเมิน ประจำปีงบประมาณ 2564
คะแนนภาพรวมหน่วยงานองค์การบริหารส่วนตำบลหนองบัวแดง : 70.00 คะแนน
ระดับผลการประเมิน : A
อันดับ\tตัวชี้วัด\tคะแนน
1\tการปฏิบัติหน้าที่\t70.00
"""


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_lib", *args], capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def result_page(tmp_path: Path) -> Path:
    path = tmp_path / "result.txt"
    path.write_text(RESULT_PAGE, encoding="utf-8")
    return path


def test_json_follows_the_contract(result_page: Path, capsys) -> None:
    assert main(["parse", str(result_page), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 1
    record = records[0]
    assert record["agency"] == "องค์การบริหารส่วนตำบลหนองบัวแดง"
    assert record["agency_type"] == "อบต."
    assert record["fiscal_year"] == 2564
    assert record["overall_score"] == 70.0
    assert record["grade"] == "A"
    assert record["passed"] is None  # "A" passes and 70.00 does not: neither decides the pass
    assert record["indicators"] == {"1": 70.0}
    assert record["source"]["kind"] == "itas_result"
    assert record["source"]["lines"]["overall_score"] == 2
    assert {"instruments", "items", "recommendations", "actions", "warnings"} <= record.keys()
    # Grade A does not fit 70.00 in 2564: a warning, on the grade's line.
    assert [(w["code"], w["line"]) for w in record["warnings"]] == [("grade_score_mismatch", 3)]


def test_strict_turns_warnings_into_exit_1(result_page: Path, capsys) -> None:
    assert main(["parse", str(result_page), "--strict"]) == 1
    assert "grade_score_mismatch" in capsys.readouterr().err


def test_csv_is_tidy(result_page: Path, capsys) -> None:
    assert main(["parse", str(result_page), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")  # so Excel reads Thai as UTF-8
    lines = out.lstrip("\ufeff").strip().splitlines()
    assert lines[0].split(",")[:5] == ["agency", "agency_type", "district", "province", "fiscal_year"]
    assert len(lines) == 2  # one indicator -> one row


def test_not_ita_gives_no_records_and_says_so(tmp_path: Path, capsys) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("บันทึกการประชุมคณะกรรมการหมู่บ้าน ครั้งที่ 3/2567\nวาระที่ 1 เรื่องแจ้งเพื่อทราบ\n",
                    encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "not an ITA result" in captured.err and str(path) in captured.err


@pytest.mark.parametrize("kind", ["empty", "binary", "missing", "directory"])
def test_unreadable_input_is_one_line_and_exit_partial(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    elif kind == "directory":
        path.mkdir()
    result = run_cli("parse", str(path))
    assert result.returncode == exit_codes.PARTIAL
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr


def test_one_bad_file_does_not_stop_the_others(result_page: Path, tmp_path: Path) -> None:
    result = run_cli("parse", str(tmp_path / "missing.txt"), str(result_page))
    assert result.returncode == exit_codes.PARTIAL
    assert [r["agency"] for r in json.loads(result.stdout)] == ["องค์การบริหารส่วนตำบลหนองบัวแดง"]
    assert "file not found" in result.stderr


def test_year_option_fills_documents_without_a_year(tmp_path: Path, capsys) -> None:
    path = tmp_path / "list.txt"
    path.write_text("ผลการประเมินรายหน่วยงานภายในจังหวัด\nลำดับ\tหน่วยงาน\tอำเภอ\tจังหวัด\tคะแนนเฉลี่ย\n"
                    "1\tเทศบาลตำบลนาโพธิ์\tนาโพธิ์\tบุรีรัมย์\t97.15\n", encoding="utf-8")
    assert main(["parse", str(path), "--year", "2567"]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert (record["agency"], record["fiscal_year"], record["overall_score"]) == ("เทศบาลตำบลนาโพธิ์", 2567, 97.15)


def test_store_listings_for_spreadsheets_machines_and_narrow_terminals(example_store, capsys, monkeypatch) -> None:
    """agencies --format csv: a BOM and plain cells ("2563; 2565", never numpy's "[2563 2565]");
    analyse --format json: every analysis table; a terminal under 120 columns gets the columns that fit."""
    import csv
    import io
    import unicodedata

    assert main(["agencies", "--db", str(example_store), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    years = {row["name"]: row["years"] for row in rows}
    assert years["องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"] == "2563; 2565; 2567; 2568"
    assert not any("[" in value for row in rows for value in row.values())

    assert main(["analyse", "อบต.โนนสะอาดพัฒนา", "--db", str(example_store), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agency"]["name"] == "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
    assert [row["fiscal_year"] for row in data["years"]] == [2563, 2565, 2567, 2568]

    monkeypatch.setenv("COLUMNS", "90")
    assert main(["agencies", "--db", str(example_store)]) == 0
    table = capsys.readouterr().out
    assert "(--format csv for every column)" in table and "agency_id" not in table
    shown = [sum(unicodedata.category(c) not in ("Mn", "Me", "Cf") for c in line) for line in table.splitlines()]
    assert max(shown) <= 90  # Thai marks take no column of their own


def test_every_command_help_ends_with_an_example() -> None:
    for command in (["parse"], ["ingest"], ["conflicts"], ["agencies"], ["analyse"], ["build"], ["batch"],
                    ["params", "init"]):
        run = run_cli(*command, "--help")
        assert run.returncode == 0
        tail = run.stdout.strip().splitlines()[-2:]
        assert tail[0] == "example:" and tail[1].strip().startswith("ita-report " + " ".join(command)), command
