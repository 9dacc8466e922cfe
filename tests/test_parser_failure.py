"""A fault of the parser's own on one text costs that file, not the run: one line naming the file,
the other files read, the exit status of a partial run."""
from __future__ import annotations

import json

import pytest

import ita_lib.parse.detect as detect
from ita_lib.cli import exit_codes
from ita_lib.cli.main import main
from ita_lib.store.ingest import ingest

PAGE = ("รายงานผลการประเมิน ประจำปีงบประมาณ 2565\n"
        "คะแนนภาพรวมหน่วยงานองค์การบริหารส่วนตำบลโคกสูง : 88.40 คะแนน\nระดับผลการประเมิน : A\n")


@pytest.fixture
def faulty_parser(monkeypatch):
    """The parser fails (as a bug would) on any text that names บ้านพัง."""
    real = detect.parse_loaded

    def parse(document, **kwargs):
        if any("บ้านพัง" in line.text for line in document.lines):
            raise IndexError("list index out of range")
        return real(document, **kwargs)
    monkeypatch.setattr(detect, "parse_loaded", parse)


@pytest.fixture
def two_files(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(PAGE.replace("โคกสูง", "บ้านพัง"), encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    return bad, good


def test_parse_reads_the_other_files_and_names_the_failed_one(faulty_parser, two_files, capsys) -> None:
    bad, good = two_files
    assert main(["parse", str(bad), str(good)]) == exit_codes.PARTIAL
    captured = capsys.readouterr()
    assert [r["agency"] for r in json.loads(captured.out)] == ["องค์การบริหารส่วนตำบลโคกสูง"]
    [line] = captured.err.strip().splitlines()
    assert line.startswith(f"ita-report: {bad}: the parser failed on this text (IndexError: list index out of range)")
    assert "Traceback" not in captured.err


def test_ingest_stores_the_other_files_and_lists_the_failed_one(faulty_parser, two_files, tmp_path) -> None:
    bad, good = two_files
    result = ingest([bad, good], db=tmp_path / "ita.duckdb", aliases=None, workers=1)
    assert [path for path, _ in result.failed] == [str(bad)]
    assert "the parser failed on this text (IndexError" in result.failed[0][1]
    assert len(result.added) == 1
