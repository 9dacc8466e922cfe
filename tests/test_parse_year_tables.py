"""A table of one agency's years written with bars in plain text (a web table copied as text, a
Markdown table) and the sentences around it. Fixture: tests/fixtures/multi_year_pipe_table.txt (a
made-up institute, Thai digits, Markdown rule line, a level word of the old scheme, a page footer
with one bar). Covers realdocs2 012 (ten years of สสวท. in Thai digits, trailing bars)."""
from __future__ import annotations

from pathlib import Path

from ita_lib.io.document import Line
from ita_lib.io.pipe_tables import pipe_rows
from ita_lib.parse import parse_document, parse_text

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multi_year_pipe_table.txt"
AGENCY = "สถาบันส่งเสริมศิลปะการแสดงพื้นบ้าน"


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_rows_of_one_width_become_cells_and_the_rule_line_blank():
    lines = pipe_rows(_lines("| ปี | คะแนน |", "|---|:---:|", "| 2565 | 90.10 |", "2564 | 88.00 |"))
    assert [line.is_row for line in lines] == [True, False, True, True]
    assert [c.text for c in lines[0].cells] == ["ปี", "คะแนน"]
    assert lines[1].text == ""
    assert [c.text for c in lines[3].cells] == ["2564", "88.00"]  # no leading bar: same two cells


def test_one_line_with_a_bar_stays_text():
    lines = pipe_rows(_lines("ปรับปรุงล่าสุด 2 ธ.ค. 2568 | เข้าชม 312 ครั้ง", "ข่าวประชาสัมพันธ์"))
    assert not any(line.is_row for line in lines)


def test_a_line_of_another_width_ends_the_run():
    lines = pipe_rows(_lines("ปี | คะแนน", "2566 | 87.00", "หน้าแรก | ข่าว | ติดต่อเรา"))
    assert [line.is_row for line in lines] == [True, True, False]


def test_each_year_of_the_table_is_a_record_of_the_agency_the_text_is_about():
    records = parse_document(FIXTURE)
    by_year = {r.fiscal_year: r for r in records}
    assert sorted(by_year) == [2560, 2561, 2563, 2565, 2567, 2568]
    assert {r.agency for r in records} == {AGENCY}
    assert {y: r.overall_score for y, r in by_year.items()} == {
        2568: 93.40, 2567: 84.25, 2565: 88.09, 2563: 76.50, 2561: 81.67, 2560: 74.22}
    assert by_year[2568].result == "ผ่านดี" and by_year[2567].result == "ไม่ผ่าน"
    assert by_year[2565].grade == "A" and by_year[2563].grade == "B"
    assert by_year[2561].result == "สูง"  # the old scheme's level word, in a year of that scheme
    assert by_year[2560].grade is None and by_year[2560].result is None  # "–": no level
    assert by_year[2567].passed is False and by_year[2565].passed is True
    assert [r.source.lines["fiscal_year"] for r in records] == [5, 6, 7, 8, 9, 10]
    assert not any(w.code == "ambiguous_score" for r in records for w in r.warnings)


def test_an_old_level_word_in_a_row_of_an_itas_year_is_no_result():
    text = FIXTURE.read_text(encoding="utf-8").replace("| ๘๘.๐๙ | A |", "| ๘๘.๐๙ | สูง |")
    record = next(r for r in parse_text(text) if r.fiscal_year == 2565)
    assert record.overall_score == 88.09 and record.result is None and record.grade is None


def test_a_year_the_sentences_add_and_a_year_they_contradict():
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("ได้ ๙๓.๔๐ คะแนน", "ได้ ๙๓.๐๔ คะแนน")  # the headline now disagrees with row 2568
    text = text.replace("ปรับปรุงล่าสุด", "ในปีงบประมาณ พ.ศ. ๒๕๖๖ สศพ. ได้คะแนน ITA ๘๗.๑๒ คะแนน\nปรับปรุงล่าสุด")
    by_year = {r.fiscal_year: r for r in parse_text(text)}
    assert by_year[2566].overall_score == 87.12 and by_year[2566].agency == AGENCY
    contradicted = by_year[2568]
    assert contradicted.overall_score is None
    warning = next(w for w in contradicted.warnings if w.code == "ambiguous_score")
    assert "93.40" in warning.message and "93.04" in warning.message
    assert contradicted.result == "ผ่านดี"  # the level word is not in doubt


def test_a_bar_chart_copied_as_text_keeps_its_numbers():
    # set E 003 kind: a web page's bar chart of years, blocks before each score
    text = ("มหาวิทยาลัยราชภัฏพิบูลสงคราม ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้ 94.20 คะแนน\n"
            "ปีงบประมาณ\tคะแนน\tผลการประเมิน\n2565\t██████████████████▋ 91.35\tA\n2566\t███████████████████ 93.80\tผ่าน\n"
            "2567\t███████████████████▎ 94.20\tผ่าน\n")
    assert [(r.fiscal_year, r.overall_score) for r in parse_text(text)] == [(2565, 91.35), (2566, 93.80), (2567, 94.20)]


def test_a_posts_bulleted_indicator_list_under_no_header():
    # set E 002 kind (made up: หนองโพ, other numbers): "✅ ๑. การปฏิบัติหน้าที่ ๙๓.๑๐" rows under no header are
    # an indicator table; "ITA64" in the headline is the year, not a score of 64.
    fixture = FIXTURE.parent / "post_indicator_bullets.txt"
    (record,) = parse_document(fixture)
    assert (record.agency, record.fiscal_year, record.overall_score, record.grade) == (
        "เทศบาลตำบลหนองโพ", 2564, 81.80, "B")
    assert record.indicators == {"1": 93.10, "2": 88.20, "3": 90.40, "4": 84.70, "5": 89.90, "6": 86.50,
                                 "7": 83.30, "8": 82.60, "9": 75.00, "10": 62.50}


def test_the_assessor_after_from_is_no_subject():
    # set E 008 kind: "ได้รับผลการประเมิน … จากสำนักงาน ป.ป.ช. ได้คะแนน 95.63": the NACC assesses here
    text = ("การไฟฟ้าส่วนภูมิภาค ได้รับผลการประเมิน ITA ประจำปีงบประมาณ 2564 จากสำนักงาน ป.ป.ช. ได้คะแนน 94.18 คะแนน "
            "อยู่ในระดับ A เพิ่มขึ้นจากปีงบประมาณ 2563 ที่ได้ 91.20 คะแนน")
    records = sorted(parse_text(text), key=lambda r: r.fiscal_year)
    assert [(r.agency, r.fiscal_year, r.overall_score) for r in records] == [
        ("การไฟฟ้าส่วนภูมิภาค", 2563, 91.20), ("การไฟฟ้าส่วนภูมิภาค", 2564, 94.18)]


def test_indicator_lines_that_start_with_the_word_for_indicator():
    # blind set 002 kind (made up: other names and numbers): "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่   96.12" lines, a
    # PR text's list under no header, are the indicator table
    lines = "\n".join(f"ตัวชี้วัดที่ {n} {name}   {score}" for n, (name, score) in enumerate([
        ("การปฏิบัติหน้าที่", "92.10"), ("การใช้งบประมาณ", "85.40"), ("การใช้อำนาจ", "90.75")], start=1))
    text = ("เทศบาลตำบลบ้านใหม่ ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565 ได้คะแนนรวม 87.20 คะแนน\n"
            "โดยมีรายละเอียดคะแนนรายตัวชี้วัด ดังนี้\n" + lines)
    (record,) = parse_text(text)
    assert record.indicators == {"1": 92.10, "2": 85.40, "3": 90.75}
    assert record.overall_score == 87.20
