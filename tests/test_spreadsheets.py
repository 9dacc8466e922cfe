"""Scores kept in spreadsheets (a province office's sheet of its agencies, as CSV or XLSX): rows are
read as table rows, the province comes from the title when no column gives it, and a folder ingest
names every file it leaves out and why."""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.parse import parse_document
from ita_lib.store.ingest import ingest

FIXTURES = Path(__file__).parent / "fixtures"
SHEET = FIXTURES / "province_sheet.csv"  # semicolons, a title line above, a blank row and a note below
# (agency, type, district, score, result, passed, rank, line) as the sheet gives them; province from
# the title "จังหวัดกาฬสินธุ์", year from "พ.ศ. 2567".
EXPECTED = [
    ("องค์การบริหารส่วนตำบลนาจำปา", "อบต.", "ห้วยเม็ก", 97.45, "ผ่าน", True, 1, 3),
    ("เทศบาลตำบลโนนศิลา", "ทต.", "ห้วยเม็ก", 86.30, "ผ่าน", True, 2, 4),
    ("องค์การบริหารส่วนตำบลหนองอีบุตร", "อบต.", "ห้วยผึ้ง", 79.88, "ไม่ผ่าน", False, 3, 5),
]


def summary(records) -> list[tuple]:
    return [(r.agency, r.agency_type, r.district, r.overall_score, r.result, r.passed, r.rank,
             r.source.lines["overall_score"]) for r in records]


def test_a_csv_sheet_with_the_province_in_its_title() -> None:
    records = parse_document(SHEET)
    assert summary(records) == EXPECTED
    assert {(r.province, r.fiscal_year, r.source.kind, r.source.format) for r in records} == {
        ("กาฬสินธุ์", 2567, "province_list", "csv")}
    assert {r.source.lines["province"] for r in records} == {1}  # read from the title line, not the row
    assert all(not r.warnings for r in records)


def test_an_xlsx_sheet_gives_the_same_records(tmp_path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "ITA 2567"
    sheet.append(["ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
                  "ประจำปีงบประมาณ พ.ศ. 2567 จังหวัดกาฬสินธุ์"])
    sheet.append(["ลำดับ", "หน่วยงาน", "อำเภอ", "คะแนน ITA", "ผลการประเมิน"])
    for name, _, district, score, result, _, rank, _ in EXPECTED:
        sheet.append([rank, name, district, score, result])  # numbers stored as numbers
    path = tmp_path / "kalasin.xlsx"
    workbook.save(path)
    records = parse_document(path)
    # Line 1 is the sheet's title, line 2 the sheet's first row: each row one line after.
    assert summary(records) == [(*row[:-1], row[-1] + 1) for row in EXPECTED]
    assert {(r.province, r.fiscal_year, r.source.format) for r in records} == {("กาฬสินธุ์", 2567, "xlsx")}


def test_a_sheet_that_never_says_whose_agencies_gives_nothing(tmp_path) -> None:
    """No province column and no province in the title: a bare list of names and numbers is not
    evidence enough to store (it could be any list)."""
    path = tmp_path / "list.csv"
    path.write_text("".join(SHEET.read_text(encoding="utf-8").splitlines(keepends=True)[1:]), encoding="utf-8")
    assert parse_document(path, year=2567) == []


def test_a_folder_ingest_names_what_it_leaves_out(tmp_path) -> None:
    folder = tmp_path / "from-the-province"
    folder.mkdir()
    (folder / "kalasin.csv").write_bytes(SHEET.read_bytes())
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".DS_Store").write_bytes(b"x")
    (folder / "README.txt").write_text("วิธีใช้", encoding="utf-8")
    result = ingest([folder], db=tmp_path / "ita.duckdb", aliases=None, workers=1)
    assert result.added == [str(folder / "kalasin.csv")] and result.records == 3 and not result.failed
    assert [(Path(p).name, why.split(" (")[0]) for p, why in result.left_out] == [
        (".DS_Store", "a hidden file"), ("README.txt", "a README"), ("photo.jpg", ".jpg files are not read")]
