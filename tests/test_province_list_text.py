"""ITAS province lists copied as plain text (single spaces between cells, no tabs).

The fixtures tests/fixtures/province_list_text_*.txt are made up: real provinces and districts,
invented agency names and scores. Every expected value below was read off the fixture text by hand:
the district is the printed one without อำเภอ/อ. and spelled as the district's official name (Bangkok:
as printed), the agency is the printed name with abbreviations expanded and stray spaces removed.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from ita_lib.parse import parse_document, parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REALDOCS = Path(os.environ.get("ITA_REALDOCS") or Path(__file__).resolve().parents[2] / "shared" / "realdocs"
                / "docs")

OBT, TT, TM, OBJ = "องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "องค์การบริหารส่วนจังหวัด"


def fx(name: str) -> Path:
    return FIXTURES / name


def codes(record) -> list[str]:
    return [warning.code for warning in record.warnings]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path.name}")


def check_rows(records, expected, province: str) -> None:
    """expected: (rank, agency, agency_type, district, score) per row, in list order."""
    got = [(r.rank, r.agency, r.agency_type, r.district, r.overall_score) for r in records]
    assert got == expected
    for record in records:
        assert record.province == province
        assert record.source.kind == "province_list"
        assert record.grade is None


# --------------------------------------------------------------------------------------------
# 1. Web copy, อุดรธานี: title, header "# หน่วยงาน อำเภอ จังหวัด คะแนนเฉลี่ย", page chrome around it
# --------------------------------------------------------------------------------------------
WEB = fx("province_list_text_web.txt")
WEB_ROWS = [
    (1, OBJ + "อุดรธานี", "อบจ.", "เมืองอุดรธานี", 97.84),  # capital district
    (2, TT + "หนองหาน", "ทต.", "หนองหาน", 96.51),  # name equals its district
    (3, OBT + "โคกสะอาดใต้", "อบต.", "โนนสะอาด", 95.27),
    (4, TM + "หนองนาคำใต้", "ทม.", "เมืองอุดรธานี", 94.63),
    (5, OBT + "นาข่าตะวันตก", "อบต.", "เมืองอุดรธานี", 93.08),  # printed อบต.นาข่าตะวันตก
    (6, TT + "กุดจับเหนือ", "ทต.", "กุดจับ", 91.45),  # printed ทต.
    (7, OBT + "เชียงแหวใต้", "อบต.", "กุมภวาปี", 90.02),
    (8, TT + "บ้านผือพัฒนา", "ทต.", "บ้านผือ", 88.77),
    (9, OBT + "น้ำโสมเหนือ", "อบต.", "น้ำโสม", 87.30),
    (10, OBT + "ไชยวานทอง", "อบต.", "ไชยวาน", 85.00),
    (11, TM + "หนองสำโรงใหม่", "ทม.", "เมืองอุดรธานี", 83.96),  # printed ทม.
    (12, OBT + "เพ็ญใต้", "อบต.", "เพ็ญ", 79.41),
]


def test_web_copy_with_year():
    records = parse_document(WEB, year=2567)
    check_rows(records, WEB_ROWS, "อุดรธานี")
    for record in records:
        assert record.fiscal_year == 2567
        assert record.warnings == []
    # 2567: passed = score >= 85, derived; 85.00 passes, 83.96 does not
    assert [r.passed for r in records] == [True] * 10 + [False, False]
    assert all(r.passed_derived for r in records)
    first = records[0]
    row_line = line_of(WEB, "องค์การบริหารส่วนจังหวัดอุดรธานี")  # line 7
    assert first.source.lines["agency"] == first.source.lines["overall_score"] == row_line
    assert first.source.lines["district"] == first.source.lines["province"] == row_line


def test_pre_2562_year_gives_records_without_pass():
    # the old methodology had no 85 pass line: the scores are kept, nothing is derived from them
    records = parse_document(WEB, year=2561)
    check_rows(records, WEB_ROWS, "อุดรธานี")
    for record in records:
        assert record.fiscal_year == 2561
        assert record.passed is None
        assert record.passed_derived is False
        assert "pre_itas_year" in codes(record)


def test_web_copy_as_pdf(tmp_path):
    # the same list printed to a PDF and read back: the layout is one line per row again
    from test_parse_fixtures import build_pdf

    path = build_pdf(WEB.read_text(encoding="utf-8").splitlines(), tmp_path / "list.pdf")
    records = parse_document(path, year=2567)
    check_rows(records, WEB_ROWS, "อุดรธานี")
    assert all(r.source.format == "pdf" for r in records)


# --------------------------------------------------------------------------------------------
# 2. PDF-extracted text, นครราชสีมา: stray spaces inside names, a page break inside row 7, cut row 13
# --------------------------------------------------------------------------------------------
PDF = fx("province_list_text_pdf.txt")
PDF_ROWS = [
    (1, OBT + "โนนสูงใหม่", "อบต.", "โนนสูง", 98.12),  # "ตำบล โนนสูงใหม่ โนน สูง นครราช สีมา"
    (2, TT + "ปักธงชัยพัฒนา", "ทต.", "ปักธงชัย", 96.40),  # "ปัก ธงชัยพัฒนา ปัก ธงชัย"
    (3, OBJ + "นครราชสีมา", "อบจ.", "เมืองนครราชสีมา", 95.06),  # "เมือง นครราชสีมา นครราช สีมา"
    (4, OBT + "หนองบุญมากเหนือ", "อบต.", "หนองบุญมาก", 93.71),  # "อบต. หนองบุญ มากเหนือ"
    (5, TM + "ปากช่องใต้", "ทม.", "ปากช่อง", 92.33),  # "ปาก ช่อง"
    (6, OBT + "พิมายใต้", "อบต.", "พิมาย", 90.88),  # printed ตาบล (sara am lost in extraction)
    (7, OBT + "ลำทะเมนชัยพัฒนา", "อบต.", "ลำทะเมนชัย", 89.57),  # across the page break
    (8, TT + "เฉลิมพระเกียรติ", "ทต.", "เฉลิมพระเกียรติ", 87.19),  # "เฉลิม พระเกียรติ เฉลิมพระ เกียรติ"
    (9, OBT + "บัวลายทอง", "อบต.", "บัวลาย", 86.02),  # "บัว ลาย"
    (10, OBT + "ด่านขุนทดใต้", "อบต.", "ด่านขุนทด", 84.75),
    (11, TT + "โชคชัยพัฒนา", "ทต.", "โชคชัย", 82.60),  # printed อำเภอโชคชัย
    (12, OBT + "เมืองยางใต้", "อบต.", "เมืองยาง", 80.34),  # district เมืองยาง, not the capital
]


def test_pdf_extracted_list():
    records = parse_document(PDF, year=2567)
    check_rows(records, PDF_ROWS, "นครราชสีมา")  # rows 1, 3 and 10 print "นครราช สีมา"
    assert all(r.fiscal_year == 2567 for r in records)
    # row 7 starts before the page footer and ends after the repeated header
    seventh = records[6]
    assert seventh.source.lines["agency"] == line_of(PDF, "7 องค์การบริหารส่วนตำบลลำทะเมน")  # line 10
    assert seventh.source.lines["overall_score"] == line_of(PDF, "ชัยพัฒนา ลำทะเมนชัย")  # line 15


def test_pdf_cut_last_row_gives_warning_not_record():
    records = parse_document(PDF, year=2567)
    assert len(records) == 12  # "13 เทศบาลตำบลหนองบัว ด่านขุน" has no province and no score
    cut_line = line_of(PDF, "13 เทศบาลตำบลหนองบัว")  # line 21
    warnings = [w for r in records for w in r.warnings if w.code == "province_row_incomplete"]
    assert len(warnings) == 1
    assert warnings[0].line == cut_line
    assert f"line {cut_line}" in warnings[0].message
    assert "province_row_incomplete" in codes(records[-1])  # on the row just before it
    assert all(not r.agency.endswith("หนองบัว") for r in records)


# --------------------------------------------------------------------------------------------
# 3. Bangkok: สำนักงานเขต agencies in เขต districts, no header line, district printed with or without เขต
# --------------------------------------------------------------------------------------------
BKK = fx("province_list_text_bangkok.txt")
BKK_ROWS = [
    (1, "สำนักงานเขตพระนคร", None, "เขตพระนคร", 96.88),
    (2, "สำนักงานเขตทวีวัฒนา", None, "เขตทวีวัฒนา", 95.40),  # "เขตทวี วัฒนา": not เขตวัฒนา
    (3, "สำนักงานเขตวัฒนา", None, "เขตวัฒนา", 94.12),
    (4, "สำนักงานเขตบางกะปิ", None, "บางกะปิ", 92.75),  # printed without เขต: kept as printed
    (5, "สำนักงานเขตจตุจักร", None, "เขตจตุจักร", 91.03),
    (6, "สำนักงานเขตลาดกระบัง", None, "เขตลาดกระบัง", 89.66),
    (7, "สำนักงานเขตหนองจอก", None, "เขตหนองจอก", 86.20),
    (8, "สำนักงานเขตบางขุนเทียน", None, "เขตบางขุนเทียน", 84.91),
]


def test_bangkok_list():
    records = parse_document(BKK, year=2567)
    check_rows(records, BKK_ROWS, "กรุงเทพมหานคร")
    assert all(r.warnings == [] for r in records)


# --------------------------------------------------------------------------------------------
# 4. Thai digits, สิงห์บุรี, a result column, the year in the title (no --year)
# --------------------------------------------------------------------------------------------
THAI = fx("province_list_text_thai_digits.txt")
THAI_ROWS = [
    (1, OBJ + "สิงห์บุรี", "อบจ.", "เมืองสิงห์บุรี", 98.25),
    (2, TT + "ค่ายบางระจัน", "ทต.", "ค่ายบางระจัน", 95.60),  # "ค่าย บางระจัน": not บางระจัน
    (3, OBT + "บางระจันใต้", "อบต.", "บางระจัน", 91.44),
    (4, TT + "พรหมบุรี", "ทต.", "พรหมบุรี", 88.09),
    (5, OBT + "ท่าช้างเหนือ", "อบต.", "ท่าช้าง", 86.50),  # printed อ.ท่าช้าง จ.สิงห์บุรี
    (6, TM + "อินทร์บุรีใหม่", "ทม.", "อินทร์บุรี", 84.77),
    (7, OBT + "ม่วงหมู่ใต้", "อบต.", "เมืองสิงห์บุรี", 79.12),  # printed "เมือง": the capital district
]


def test_thai_digit_list():
    records = parse_document(THAI)
    check_rows(records, THAI_ROWS, "สิงห์บุรี")
    assert [r.fiscal_year for r in records] == [2567] * 7  # ๒๕๖๗ in the title
    assert [r.result for r in records] == ["ผ่าน"] * 5 + ["ไม่ผ่าน"] * 2
    assert [r.passed for r in records] == [True] * 5 + [False] * 2
    assert not any(r.passed_derived for r in records)  # printed, not derived
    assert all(r.warnings == [] for r in records)


# --------------------------------------------------------------------------------------------
# 5. Scores that are not complete, unknown districts, a row cut after its rank (inline texts)
# --------------------------------------------------------------------------------------------
HEADER_ONLY = """# หน่วยงาน อำเภอ จังหวัด คะแนนเฉลี่ย
1 องค์การบริหารส่วนตำบลหนองโพใต้ โพธาราม ราชบุรี 92.10
2 เทศบาลตำบลบ้านโป่ง บ้าน โป่ง ราชบุรี 88.
3 อบต.ดอนตะโก เมือง ราชบุรี ราชบุรี 88.4
4 อบต.บ้านคา บ้านคา ราชบุรี 100
5 อบต.จอมบึง จอมบึง ราชบุรี 100.50
6 ทต.บ้านใหม่ทอง บ้านใหม่ทอง ราชบุรี 90.10
7
หน้า 2
อบต.วัดเพลง วัดเพลง ราชบุรี 85.25
8 อบต.ปากท่อ - ราชบุรี 84.00
9 อบต.บางแพใต้ บางแพ ราชบุรี
"""


def test_incomplete_scores_are_left_empty_with_a_warning():
    # no title and no ITA wording: the header and the rows make it a list. A row whose score is cut
    # ("88.", "88.4", "100" where the list prints 100.00), over 100 or missing keeps its agency and
    # place (they are complete) with an empty score: a wrong number is worse than a missing one.
    records = parse_text(HEADER_ONLY, year=2567)
    assert [(r.rank, r.agency, r.district, r.overall_score) for r in records] == [
        (1, OBT + "หนองโพใต้", "โพธาราม", 92.10),
        (2, TT + "บ้านโป่ง", "บ้านโป่ง", None),
        (3, OBT + "ดอนตะโก", "เมืองราชบุรี", None),
        (4, OBT + "บ้านคา", "บ้านคา", None),
        (5, OBT + "จอมบึง", "จอมบึง", None),
        (6, TT + "บ้านใหม่ทอง", "บ้านใหม่ทอง", 90.10),  # no such district: last cell taken, warned
        (7, OBT + "วัดเพลง", "วัดเพลง", 85.25),  # rank and row split by a page break
        (8, OBT + "ปากท่อ", None, 84.00),  # "-": an empty district cell
    ]  # row 9 ends the text with no score at all: a cut row, reported on the row before it
    assert all(r.province == "ราชบุรี" for r in records)
    assert "district_unknown" in codes(records[5])
    cut, = [w for w in records[-1].warnings if w.code == "province_row_incomplete"]
    assert cut.line == 12 and "line 12" in cut.message
    for record in records[:-1]:
        incomplete = [w for w in record.warnings if w.code == "province_row_incomplete"]
        assert len(incomplete) == (record.overall_score is None)
        if incomplete:
            assert incomplete[0].line == record.source.lines["agency"]
            assert f"line {incomplete[0].line}" in incomplete[0].message
        assert record.passed is (None if record.overall_score is None else record.overall_score >= 85)


def test_three_rows_without_title_in_an_ita_text():
    text = ("ข่าว ITA ประจำปี 2567 หน่วยงานที่ได้คะแนนสูงสุดของจังหวัด\n"
            "1 อบต.หนองโพใต้ โพธาราม ราชบุรี 99.10\n"
            "2 ทต.บ้านคา บ้านคา ราชบุรี 98.20\n"
            "3 อบต.จอมบึงใต้ จอมบึง ราชบุรี 97.00\n")
    records = parse_text(text)
    assert [(r.rank, r.agency, r.district, r.province, r.overall_score, r.fiscal_year) for r in records] == [
        (1, OBT + "หนองโพใต้", "โพธาราม", "ราชบุรี", 99.10, 2567),
        (2, TT + "บ้านคา", "บ้านคา", "ราชบุรี", 98.20, 2567),
        (3, OBT + "จอมบึงใต้", "จอมบึง", "ราชบุรี", 97.00, 2567),
    ]


# --------------------------------------------------------------------------------------------
# 6. Documents that are not province lists
# --------------------------------------------------------------------------------------------
OTHER_ASSESSMENT = """ผลการประเมิน LPA ประจำปี 2567 (T-score) เทียบกับ ITA
1 อบต.หนองโพใต้ โพธาราม ราชบุรี 59.10
2 ทต.บ้านคา บ้านคา ราชบุรี 58.20
3 อบต.จอมบึงใต้ จอมบึง ราชบุรี 57.00
"""
TWO_ROWS = """ข่าว ITA ประจำปี 2567
1 อบต.หนองโพใต้ โพธาราม ราชบุรี 99.10
2 ทต.บ้านคา บ้านคา ราชบุรี 98.20
"""
INDICATOR_ROWS = """ผลการประเมิน ITA ปี 2567 อบต.หนองโพใต้
1 การปฏิบัติหน้าที่ 93.50
2 การใช้งบประมาณ 90.00
3 การใช้อำนาจ 88.00
"""


@pytest.mark.parametrize("text", [OTHER_ASSESSMENT, TWO_ROWS, INDICATOR_ROWS])
def test_other_texts_are_not_province_lists(text):
    assert all(r.source.kind != "province_list" for r in parse_text(text, year=2567))


def _non_list_documents() -> list[Path]:
    paths = [p for p in sorted(FIXTURES.glob("*")) if p.suffix in (".txt", ".html")
             and not p.name.startswith("province_list")]
    if REALDOCS.is_dir():
        paths += sorted(REALDOCS.glob("*.txt"))
    return paths


@pytest.mark.parametrize("path", _non_list_documents(), ids=lambda p: p.name)
def test_no_province_list_records_from_other_documents(path):
    assert all(r.source.kind != "province_list" for r in parse_document(path, year=2567))


def test_one_cell_per_line_as_some_pages_copy_a_table():
    # Each cell on its own line; the last score is cut to one decimal; a page footer follows.
    records = parse_document(fx("province_list_text_cells.txt"), year=2566)
    assert [(r.rank, r.agency, r.district, r.province, r.overall_score) for r in records] == [
        (1, OBT + "บ้านตุ่น", "เมืองพะเยา", "พะเยา", 98.47),
        (2, TT + "เชียงม่วน", "เชียงม่วน", "พะเยา", 97.03),
        (3, "องค์การบริหารส่วนจังหวัดพะเยา", "เมืองพะเยา", "พะเยา", 95.62),
        (4, OBT + "ห้วยข้าวก่ำ", "จุน", "พะเยา", 88.19),
        (5, TT + "แม่ใจ", "แม่ใจ", "พะเยา", None),
    ]
    assert "province_row_incomplete" in codes(records[-1])
    assert all(r.fiscal_year == 2566 for r in records)
