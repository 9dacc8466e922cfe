"""Issue 25: kinds two more blind sets (blind5: first score 69.3 %, 2 wrong values, 2 records from
non-ITA texts; blind6: 81.7 %, 8 wrong values, 8 records from non-ITA texts) showed, each with a text
of our own (other names and numbers)."""
from __future__ import annotations

import pytest

from ita_lib.parse import parse_text
from ita_lib.parse.mentions import find_mentions


@pytest.mark.parametrize("text", [
    # blind5 019 kind: an LPA page whose site menu names the ITA above the title
    "เทศบาลตำบลนาข่า อำเภอเมือง จังหวัดอุดรธานี\n"
    "หน้าหลัก | ข้อมูลทั่วไป | ข่าว | ITA 2568 | OIT 2568 | ติดต่อ\n"
    "ผลการประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA) ประจำปี 2568\n"
    "ภาพรวม ร้อยละ 90.12\n"
    "ผ่านเกณฑ์ทุกด้าน และจะนำผลไปเตรียมความพร้อมสำหรับการประเมิน ITA ต่อไป",
    # blind5 020 / blind6 005 kind: the health ministry's MOIT (the ITA's Thai name, not the ITA)
    "โรงพยาบาลวังสะพุง\n"
    "หน้าแรก  เกี่ยวกับเรา  บริการ  ข่าวสาร  ITA/MOIT\n"
    "ประกาศผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานในสังกัด ตามเกณฑ์ MOIT ปีงบประมาณ 2568\n"
    "ลำดับ\tหน่วยงาน\tร้อยละ\tผลการประเมิน\n"
    "1\tโรงพยาบาลวังสะพุง\t95.45\tผ่าน\n"
    "2\tโรงพยาบาลภูหลวง\t90.91\tผ่าน\n"
    "3\tโรงพยาบาลผาขาว\t81.82\tไม่ผ่าน\n",
    # blind6 005 kind: the text says it is no ITA result
    "ผลการตรวจประเมินหลักฐานของโรงพยาบาลในสังกัด ประจำปี 2568\n"
    "โรงพยาบาลนาแห้ว ได้ 92.40 คะแนน ผ่าน\n"
    "หมายเหตุ ผลนี้เป็นการประเมินภายใน มิใช่ผลการประเมิน ITA ของสำนักงาน ป.ป.ช.",
    # blind6 016 kind: worked examples under a heading, and what would happen
    "สถ.จ.ยโสธร จัดอบรมการประเมิน ITA ประจำปี 2569\n"
    "ตัวอย่างที่ 1 หน่วยงาน ก\n"
    "IIT = 91.00 EIT = 84.00 OIT = 96.00\n"
    "คะแนน ITA = 27.30 + 25.20 + 38.40 = 90.90 คะแนน\n"
    "ผลการประเมิน : ผ่าน\n"
    "\n"
    "- หน่วยงานที่ไม่ส่งข้อมูล OIT ในระบบ ITAS จะได้ 0 คะแนนในข้อนั้น",
])
def test_no_record_from_a_text_that_gives_no_ita_result(text) -> None:
    assert parse_text(text) == []


def test_a_pass_word_before_the_pass_mark_is_the_mark() -> None:
    """blind5 020 kind: "ระดับผ่านเกณฑ์ ร้อยละ 90 ขึ้นไป" and "ผ่านเกณฑ์ (85 คะแนนขึ้นไป) 40 แห่ง" are rules."""
    records = parse_text("ผลการประเมิน ITA ประจำปี 2567 ของ อปท. ในจังหวัดเลย ผ่านเกณฑ์ (85 คะแนนขึ้นไป) 40 แห่ง\n"
                         "เทศบาลตำบลนาด้วง ได้ 88.64 คะแนน\n"
                         "คณะทำงาน ITA กำหนดระดับผ่านเกณฑ์ ร้อยละ 90 ขึ้นไป สำหรับการติดตามภายใน")
    (record,) = records
    assert (record.agency, record.overall_score, record.passed) == ("เทศบาลตำบลนาด้วง", 88.64, True)
    assert record.result is None and record.passed_derived  # passed from the score; no line's word


_ANALYSIS_HEAD = ("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. 2567\n"
                  "องค์การบริหารส่วนตำบลหนองหญ้าไซ อำเภอหนองหญ้าไซ จังหวัดสุพรรณบุรี\n")


def _indicators(text: str) -> dict[int, float]:
    (record,) = parse_text(text)
    return {int(number): score for number, score in record.indicators.items()}


def test_a_ranked_pdf_table_whose_names_wrap_without_a_dot_is_read_by_name() -> None:
    """blind6 015 kind: "อันดับ ตัวชี้วัด คะแนน" sorted by score, two names wrapped to the next line."""
    text = _ANALYSIS_HEAD + (
        "อันดับ          ตัวชี้วัด                         คะแนน\n"
        "   1      การปฏิบัติหน้าที่                    97.10\n"
        "   2      การแก้ไขปัญหาการ\n"
        "          ทุจริต                                95.20\n"
        "   3      การเปิดเผยข้อมูล                     93.75\n"
        "   4      การใช้ทรัพย์สินของ\n"
        "          ราชการ                                88.05\n")
    assert _indicators(text) == {1: 97.10, 5: 95.20, 9: 93.75, 4: 88.05}


def test_a_table_copied_one_piece_a_line_with_thai_digits() -> None:
    """blind5 011 kind: "๑. การปฏิบัติ" / "หน้าที่" / "๙๕.๔๒": number and name, the name wrapped, the score
    alone on its line; a page footer between two halves of the table."""
    text = _ANALYSIS_HEAD + (
        "ตัวชี้วัด\nคะแนน\n"
        "๑. การปฏิบัติ\nหน้าที่\n๙๒.๔๐\n"
        "๒. การใช้งบ\nประมาณ\n๘๗.๑๕\n"
        "รายงานการวิเคราะห์ผล ITA ๒๕๖๗ อบต.หนองหญ้าไซ หน้า ๑ จาก ๒\n"
        "ตัวชี้วัด\nคะแนน\n"
        "๙. การเปิดเผย\nข้อมูล\n๙๙.๒๐\n")
    assert _indicators(text) == {1: 92.40, 2: 87.15, 9: 99.20}


def test_a_ranked_table_with_target_and_difference_columns() -> None:
    """blind5 012 kind: the score column is the one headed คะแนน; the target and the difference are not."""
    text = _ANALYSIS_HEAD + (
        "อันดับ    ตัวชี้วัด                      คะแนน     ค่าเป้าหมาย   ผลต่าง\n"
        "1         การใช้อำนาจ                    96.30      90.00       +6.30\n"
        "2         คุณภาพการดำเนินงาน             91.10      90.00       +1.10\n"
        "3         ประสิทธิภาพการสื่อสาร            86.40      90.00       -3.60\n")
    assert _indicators(text) == {3: 96.30, 6: 91.10, 7: 86.40}


def test_a_row_whose_number_and_name_disagree_is_left_out_and_many_such_rows_are_an_order() -> None:
    """blind6 015 kind: a printed number the name contradicts is no evidence of the indicator."""
    one = _ANALYSIS_HEAD + ("ลำดับ\tตัวชี้วัด\tคะแนน\n1\tการปฏิบัติหน้าที่\t94.00\n2\tการใช้งบประมาณ\t91.00\n"
                            "3\tคุณภาพการดำเนินงาน\t90.50\n")
    (record,) = parse_text(one)
    assert {int(k): v for k, v in record.indicators.items()} == {1: 94.00, 2: 91.00}
    assert [w.message for w in record.warnings if w.code == "indicator_name_mismatch"] == [
        "indicator 3 is printed as 'คุณภาพการดำเนินงาน', which is the name of indicator 6; its score 90.50 is left out"]
    many = _ANALYSIS_HEAD + ("ลำดับ\tตัวชี้วัด\tคะแนน\n1\tการเปิดเผยข้อมูล\t98.00\n2\tการปฏิบัติหน้าที่\t93.00\n"
                             "3\tการใช้อำนาจ\t90.50\n")
    assert _indicators(many) == {9: 98.00, 1: 93.00, 3: 90.50}


def test_an_average_whose_word_a_pdf_wrapped_to_the_line_above_is_no_score() -> None:
    """blind5 011/012 kind: "…สูงกว่าค่าเฉลี่ยของกลุ่มองค์การ" / "มหาชน (48 หน่วยงาน) อยู่ที่ 90.66 คะแนน": the
    average is the category's own record (session 37), never the agency's score."""
    record, category = parse_text(
        "ประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566\n"
        "        สถาบันวิจัยวิทยาศาสตร์และเทคโนโลยีแห่งประเทศไทย ได้รับผลการประเมิน ITA ประจำปี\n"
        "งบประมาณ พ.ศ. 2566 เท่ากับ 93.61 คะแนน อยู่ในระดับผ่านดี ทั้งนี้ค่าเฉลี่ยของกลุ่มองค์การ\n"
        "มหาชน (48 หน่วยงาน) อยู่ที่ 90.66 คะแนน\n")
    assert (record.overall_score, record.result, record.fiscal_year) == (93.61, "ผ่านดี", 2566)
    assert not [w for w in record.warnings if w.code == "ambiguous_score"]
    assert (category.agency, category.level, category.overall_score, category.passed) == (
        "องค์การมหาชน", "category_average", 90.66, None)


def test_a_grade_in_brackets_dated_to_last_year_is_not_this_years() -> None:
    """blind6 015 kind: an analysis document's headline "(ปี 2565 ได้ 88.02 คะแนน ระดับ A)"."""
    records = parse_text(_ANALYSIS_HEAD + (
        "1. ผลการประเมินในภาพรวม\n"
        "องค์การบริหารส่วนตำบลหนองหญ้าไซ ได้คะแนน 90.44 คะแนน ผลการประเมินอยู่ในระดับ ผ่าน "
        "(ปี 2566 ได้ 86.30 คะแนน ระดับ A)\n"
        "ตัวชี้วัด\tคะแนน\n1. การปฏิบัติหน้าที่\t94.00\n"))
    assert sorted((r.fiscal_year, r.overall_score, r.grade, r.result) for r in records) == [
        (2566, 86.30, "A", None), (2567, 90.44, None, "ผ่าน")]


def test_both_of_the_agencies_just_named_share_a_level() -> None:
    """blind6 006 kind: "ทั้งสองสถานีอยู่ในระดับ ผ่านดีเยี่ยม" after two stations each with its score."""
    records = parse_text("ผลการประเมิน ITA ปีงบประมาณ 2568 ของตำรวจภูธรจังหวัดแพร่ สภ.เมืองแพร่ ได้ 97.40 คะแนน "
                         "รองลงมาคือ สภ.สูงเม่น 96.10 คะแนน ทั้งสองสถานีอยู่ในระดับ ผ่านดีเยี่ยม ถัดมาคือ สภ.ลอง "
                         "92.15 คะแนน ระดับผ่านดี")
    assert sorted((r.agency, r.overall_score, r.result) for r in records) == [
        ("สถานีตำรวจภูธรลอง", 92.15, "ผ่านดี"), ("สถานีตำรวจภูธรสูงเม่น", 96.10, "ผ่านดีเยี่ยม"),
        ("สถานีตำรวจภูธรเมืองแพร่", 97.40, "ผ่านดีเยี่ยม")]


def test_years_written_as_budget_years_first_years_and_a_rise_from_an_old_score() -> None:
    """blind6 008/010 kinds: "ปีงบ 67 ได้ …"; "ในปี 2563 ซึ่งเป็นปีแรกของระบบ ITAS กรมฯ ได้ …" ("ปีแรก" is no other
    year); "เพิ่มขึ้นอย่างต่อเนื่อง จาก 70.15 คะแนน ในปี 2559 ซึ่ง… เป็น 94.20 คะแนนในปี 2567"."""
    records = parse_text(
        "กรมส่งเสริมสหกรณ์ ประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้ 94.20 คะแนน\n"
        "อธิบดีกล่าวว่า คะแนนของกรมเพิ่มขึ้นอย่างต่อเนื่อง จาก 70.15 คะแนน ในปี 2559 ซึ่งยังประเมินตามหลักเกณฑ์เดิม "
        "เป็น 94.20 คะแนนในปี 2567 โดยในปี 2562 ซึ่งเป็นปีแรกของระบบ ITAS กรมส่งเสริมสหกรณ์ ได้ 85.60 คะแนน\n"
        "เพิ่มขึ้นจากปีที่แล้ว (ปีงบ 66 ได้ 91.35 คะแนน)")
    assert sorted((r.fiscal_year, r.overall_score) for r in records) == [
        (2559, 70.15), (2562, 85.60), (2566, 91.35), (2567, 94.20)]


def test_a_type_word_used_as_a_common_noun_names_nobody() -> None:
    """blind6 013 kind: "ซึ่งเป็นกรมเดียวในกลุ่ม", "คะแนนของกรมเพิ่มขึ้น" name no department."""
    records = parse_text("ผลการประเมิน ITA ปี 2560 กรมสรรพากร ได้ 83.15 คะแนน ระดับสูงมาก ส่วนกรมศุลกากรได้ 78.40 คะแนน "
                         "อยู่ในระดับสูง ซึ่งเป็นกรมเดียวในกลุ่มที่ไม่ถึงระดับสูงมาก และคะแนนของกรมเพิ่มขึ้นทุกปี")
    assert sorted((r.agency, r.overall_score, r.result) for r in records) == [
        ("กรมศุลกากร", 78.40, "สูง"), ("กรมสรรพากร", 83.15, "สูงมาก")]


def test_a_name_a_pdf_cut_from_its_type_word_with_its_place_on_the_next_line() -> None:
    """blind6 014 kind: "…แจ้งผลการประเมินของเทศบาลตำบล" / "ปากน้ำ อำเภอเมืองระนอง จังหวัดระนอง เรียบร้อยแล้ว ได้
    คะแนนรวม …": the score is the agency's, not the province's."""
    (record,) = parse_text(
        "ประกาศเทศบาลตำบลปากน้ำ เรื่อง รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2563\n"
        "            ตามที่สำนักงาน ป.ป.ช. ได้ดำเนินการประเมิน บัดนี้ ได้แจ้งผลการประเมินของเทศบาลตำบล\n"
        "ปากน้ำ อำเภอเมืองระนอง จังหวัดระนอง เรียบร้อยแล้ว ได้คะแนนรวม 88.31 คะแนน ระดับ A\n")
    assert (record.agency, record.overall_score, record.grade, record.province) == (
        "เทศบาลตำบลปากน้ำ", 88.31, "A", "ระนอง")


def test_a_table_whose_name_column_is_headed_by_the_kind_of_agency() -> None:
    """blind6 007 kind: "ลำดับ | สำนักงานเขตพื้นที่การศึกษา | คะแนน | ระดับผลการประเมิน | อันดับประเทศ" names its
    agencies by short forms; "ผ่านเกณฑ์ทุกเขต" is the group's pass, nobody's."""
    records = parse_text(
        "สำนักงานศึกษาธิการจังหวัดอุบลราชธานี รายงานผล ITA ประจำปีงบประมาณ 2567 ของเขตพื้นที่ พบว่าผ่านเกณฑ์ทุกเขต\n"
        "ลำดับ\tสำนักงานเขตพื้นที่การศึกษา\tคะแนน\tระดับผลการประเมิน\tอันดับประเทศ (245 เขต)\n"
        "1\tสพป.อุบลราชธานี เขต 2\t96.40\tผ่านดีเยี่ยม\t20\n"
        "2\tสพม.อุบลราชธานี อำนาจเจริญ\t93.15\tผ่านดี\t88\n"
        "3\tสพป.อุบลราชธานี เขต 5\t88.80\tผ่าน\t170\n")
    assert [(r.agency, r.overall_score, r.result, r.rank) for r in records] == [
        ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุบลราชธานี เขต 2", 96.40, "ผ่านดีเยี่ยม", 1),
        ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาอุบลราชธานี อำนาจเจริญ", 93.15, "ผ่านดี", 2),
        ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุบลราชธานี เขต 5", 88.80, "ผ่าน", 3)]


@pytest.mark.parametrize("text, names", [
    # blind6 002/010 kinds: two departments joined by และ are two names
    ("กรมหม่อนไหมและกรมการข้าว", ["กรมหม่อนไหม", "กรมการข้าว"]),
    ("กรมป้องกันและบรรเทาสาธารณภัย", ["กรมป้องกันและบรรเทาสาธารณภัย"]),  # one name holding และ
    # a type word used for a class names nobody
    ("สถานีตำรวจในสังกัดทั้ง 6 แห่ง", []),
    ("ผลของสำนักงานเขตพื้นที่การศึกษาในจังหวัด", []),
    ("สำนักงานเขตบางรัก", ["สำนักงานเขตบางรัก"]),  # a Bangkok district office is an agency
])
def test_names_joined_by_and_and_class_words(text, names) -> None:
    assert [m.name for m in find_mentions(text) if m.role == "subject"] == names


def test_a_pdf_list_of_one_province_whose_rows_end_with_a_district() -> None:
    """blind5 013 kind: "ลำดับ หน่วยงาน อำเภอ คะแนน ระดับ" under a title naming the province; "ต ำบล" as PDFs
    print it; a row wrapped over three lines; a page header repeated; an old scheme's grades. The count
    of agencies that passed is nobody's result."""
    records = parse_text(
        "สำนักงาน ป.ป.ช. ประจำจังหวัดน่าน\n"
        "สรุปผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2563 องค์กรปกครองส่วนท้องถิ่นในจังหวัดน่าน\n"
        "ผ่านเกณฑ์ (85 คะแนนขึ้นไป) 70 แห่ง ร้อยละ 71.43\n"
        "ล ำดับ หน่วยงาน อ ำเภอ คะแนน ระดับ\n"
        "1 เทศบาลต ำบลปัว ปัว 96.70 AA\n"
        "2 องค์การบริหารส่วน\n"
        "ต ำบลศิลาแลง\n"
        "ปัว 90.15 A\n"
        "- ๑ -\n"
        "ล ำดับ หน่วยงาน อ ำเภอ คะแนน ระดับ\n"
        "3 เทศบาลเมืองน่าน เมืองน่าน 88.42 A\n"
        "4 องค์การบริหารส่วนต ำบลบ่อเกลือใต้ บ่อเกลือ 66.05 D\n")
    assert [(r.agency, r.district, r.province, r.overall_score, r.grade, r.rank) for r in records] == [
        ("เทศบาลตำบลปัว", "ปัว", "น่าน", 96.70, "AA", 1),
        ("องค์การบริหารส่วนตำบลศิลาแลง", "ปัว", "น่าน", 90.15, "A", 2),
        ("เทศบาลเมืองน่าน", "เมืองน่าน", "น่าน", 88.42, "A", 3),
        ("องค์การบริหารส่วนตำบลบ่อเกลือใต้", "บ่อเกลือ", "น่าน", 66.05, "D", 4)]


def test_an_old_overall_after_the_count_of_its_indices() -> None:
    """blind5 016 kind: "ซึ่งประเมินจาก 5 ดัชนี ผลการประเมินได้คะแนนรวม 84.12": the overall; "ดัชนีความโปร่งใส
    90.10" is an index's."""
    (record,) = parse_text("การไฟฟ้าส่วนภูมิภาค ได้เข้ารับการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2559 ซึ่งประเมินจาก 5 ดัชนี "
                           "ผลการประเมินได้คะแนนรวม 84.12 คะแนน อยู่ในระดับ สูงมาก\n"
                           "1. ดัชนีความโปร่งใส 90.10\n2. ดัชนีความพร้อมรับผิด 86.45\n")
    assert (record.agency, record.fiscal_year, record.overall_score, record.result) == (
        "การไฟฟ้าส่วนภูมิภาค", 2559, 84.12, "สูงมาก")


def test_a_paragraph_wrapped_at_a_page_width_is_read_as_one_sentence() -> None:
    """A PDF's paragraph: the year after "ประจำปี" on the next line, a word cut in two ("นิทรรศ" / "การ")
    joined without a space, an average named on another line than its number."""
    text = ("รายงานประจำปี 2565 ของสำนักงานส่งเสริมการจัดประชุมและนิทรรศการ (องค์การมหาชน) หน้า 12\n"
            "          ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปี\n"
            "งบประมาณ พ.ศ. 2565 สำนักงานส่งเสริมการจัดประชุมและนิทรรศ\n"
            "การ (องค์การมหาชน) ได้คะแนนรวม 91.37 คะแนน อยู่ในระดับ A ซึ่งสูงกว่าค่าเฉลี่ยของ\n"
            "หน่วยงานในกลุ่มองค์การมหาชนที่อยู่ที่ 88.02 คะแนน และเพิ่มขึ้นจากปี 2564 ที่ได้ 87.45 คะแนน\n")
    records = parse_text(text)
    assert sorted((r.agency, r.fiscal_year, r.overall_score, r.grade) for r in records) == [
        ("สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ (องค์การมหาชน)", 2564, 87.45, None),
        ("สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ (องค์การมหาชน)", 2565, 91.37, "A")]


def test_an_itas_result_page_copied_one_cell_a_line_with_its_past_years() -> None:
    """blind7 006 kind: "คะแนน" / "90.27", "IIT" / "95.10", "1 การปฏิบัติหน้าที่" / "96.40", and a table of
    past years copied with spaces ("2566   87.35   ผ่าน"): each year's score is that year's."""
    text = ("ITAS  ระบบการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ\n"
            "ปีงบประมาณ  2567\n\nหน่วยงาน\nเทศบาลตำบลวังชิ้น\nอำเภอวังชิ้น จังหวัดแพร่\nประเภท  เทศบาลตำบล\n\n"
            "คะแนน\n90.27\nระดับ\nผ่าน\n\nIIT\n95.10\nEIT\n84.20\nOIT\n91.05\n\n"
            "ผลการประเมินรายตัวชี้วัด\n1 การปฏิบัติหน้าที่\n96.40\n9 การเปิดเผยข้อมูล\n93.10\n\n"
            "ผลการประเมินย้อนหลัง\nปีงบประมาณ   คะแนน   ระดับ\n2566   87.35   ผ่าน\n")
    records = sorted(parse_text(text), key=lambda r: r.fiscal_year)
    assert [(r.fiscal_year, r.overall_score) for r in records] == [(2566, 87.35), (2567, 90.27)]
    latest = records[-1]
    assert (latest.agency, latest.result, dict(latest.instruments)) == (
        "เทศบาลตำบลวังชิ้น", "ผ่าน", {"IIT": 95.10, "EIT": 84.20, "OIT": 91.05, "EIT_part1": None, "EIT_part2": None})
    assert {int(k): v for k, v in latest.indicators.items()} == {1: 96.40, 9: 93.10}


def test_a_post_with_arrows_and_a_bracketed_aside_after_a_name() -> None:
    """blind7 017 kind: "⭐ จังหวัดตรัง (ราชการส่วนภูมิภาค) : 94.10 ➡️ ผ่านดี", "• ทต.นาโยงเหนือ ..... 90.15 (ผ่าน)"."""
    records = parse_text("ผลการประเมิน ITA ปี 2567 หน่วยงานในจังหวัดตรัง\n"
                         "⭐ จังหวัดตรัง (ราชการส่วนภูมิภาค) : 94.10 ➡️ ผ่านดี\n"
                         "⭐ อบจ.ตรัง : 96.30 ➡️ ผ่านดีเยี่ยม\n"
                         "• ทต.นาโยงเหนือ อ.นาโยง ..... 90.15 (ผ่าน)\n")
    assert sorted((r.agency, r.overall_score, r.result) for r in records) == [
        ("จังหวัดตรัง", 94.10, "ผ่านดี"), ("องค์การบริหารส่วนจังหวัดตรัง", 96.30, "ผ่านดีเยี่ยม"),
        ("เทศบาลตำบลนาโยงเหนือ", 90.15, "ผ่าน")]


def test_an_analysis_table_with_instrument_codes_and_status_words_under_a_running_head() -> None:
    """blind7 004 kind: "IIT  ๑  การปฏิบัติหน้าที่  ๙๔.๘๖  ผ่าน"; a running head "…ITA มรภ.สข." abbreviates the
    place too, which names nobody; a purchase's notice for an ITA web site gives no result."""
    text = ("รายงานการวิเคราะห์ผลการประเมิน ITA มรภ.สข.                           หน้า ๑\n"
            "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๕\n"
            "มหาวิทยาลัยราชภัฏสงขลา\n"
            "ตัวชี้วัด        ประเด็น                          คะแนน     ผลการประเมิน\n"
            "IIT    ๑    การปฏิบัติหน้าที่                   ๙๔.๘๖   ผ่าน\n"
            "       ๒    การใช้งบประมาณ                    ๙๐.๑๒   ผ่าน\n"
            "EIT    ๘    การปรับปรุงระบบการทํางาน           ๘๔.๕๖   ไม่ผ่าน\n")
    (record,) = parse_text(text)
    assert (record.agency, record.fiscal_year) == ("มหาวิทยาลัยราชภัฏสงขลา", 2565)
    assert {int(k): v for k, v in record.indicators.items()} == {1: 94.86, 2: 90.12, 8: 84.56}
    notice = ("ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชัยภูมิ เขต ๑ เรื่อง ประกาศผู้ชนะการเสนอราคา จ้างเหมา"
              "ปรับปรุงเว็บไซต์เพื่อรองรับการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n"
              "ผู้เสนอราคาได้คะแนนด้านคุณภาพ ๙๐.๒๕ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน\n")
    assert parse_text(notice) == []


def test_a_list_with_a_score_column_for_each_of_two_years_gives_each_year_its_record() -> None:
    """blind8 008 kind: "คะแนนปี 2559 | คะแนนปี 2560": each column is its year's score; the level column
    stays with the assessed year, and "-" (not assessed that year) gives nothing."""
    records = parse_text("ผลการประเมิน ITA ขององค์กรปกครองส่วนท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2560 จังหวัดอำนาจเจริญ\n"
                         "ลำดับ\tหน่วยงาน\tอำเภอ\tคะแนนปี 2559\tคะแนนปี 2560\tระดับ\n"
                         "1\tองค์การบริหารส่วนจังหวัดอำนาจเจริญ\tเมืองอำนาจเจริญ\t80.15\t86.90\tสูงมาก\n"
                         "2\tเทศบาลเมืองอำนาจเจริญ\tเมืองอำนาจเจริญ\t77.02\t82.44\tสูงมาก\n"
                         "3\tองค์การบริหารส่วนตำบลโนนหนามแท่ง\tเมืองอำนาจเจริญ\t-\t71.30\tสูง\n")
    assert sorted((r.agency, r.fiscal_year, r.overall_score, r.result, r.province) for r in records) == [
        ("องค์การบริหารส่วนจังหวัดอำนาจเจริญ", 2559, 80.15, None, "อำนาจเจริญ"),
        ("องค์การบริหารส่วนจังหวัดอำนาจเจริญ", 2560, 86.90, "สูงมาก", "อำนาจเจริญ"),
        ("องค์การบริหารส่วนตำบลโนนหนามแท่ง", 2560, 71.30, "สูง", "อำนาจเจริญ"),
        ("เทศบาลเมืองอำนาจเจริญ", 2559, 77.02, None, "อำนาจเจริญ"),
        ("เทศบาลเมืองอำนาจเจริญ", 2560, 82.44, "สูงมาก", "อำนาจเจริญ")]


def test_a_spending_report_published_for_an_item_of_the_ita_gives_no_result() -> None:
    """blind8 020 kind: "O13 รายงานผลการใช้จ่ายงบประมาณ…", "ผลการเบิกจ่ายภาพรวม ร้อยละ 97.20", then "เผยแพร่เพื่อ
    ประกอบการประเมิน (ITA)" on the next line."""
    text = ("O13 รายงานผลการใช้จ่ายงบประมาณประจำปี รอบ 12 เดือน\n"
            "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 1\n"
            "รายงานผลการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. 2567\n"
            "สรุป ผลการเบิกจ่ายภาพรวม ร้อยละ 97.20 ผ่านเป้าหมายรายจ่ายลงทุน แต่ต่ำกว่าเป้าหมายภาพรวมของรัฐบาล\n"
            "เผยแพร่เพื่อประกอบการประเมินคุณธรรมและความโปร่งใส (ITA) ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\n")
    assert parse_text(text) == []


def test_a_list_row_whose_agency_name_a_pdf_cut_after_its_type_word() -> None:
    """blind8 007 kind: "3 องค์การบริหารส่วนตําบล" / "ลําปาว เมืองกาฬสินธุ์ 95.73 ผ่านดี" under "ลําดับ ชื่อหน่วยงาน
    อําเภอ คะแนน ระดับผลการประเมิน": the score is the อบต.'s, never the province's."""
    records = parse_text("สรุปผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 องค์กรปกครองส่วนท้องถิ่นในพื้นที่จังหวัดมหาสารคาม\n"
                         "ลําดับ ชื่อหน่วยงาน อําเภอ คะแนน ระดับผลการประเมิน\n"
                         "1 เทศบาลเมืองมหาสารคาม เมืองมหาสารคาม 95.20 ผ่านดีเยี่ยม\n"
                         "2 องค์การบริหารส่วนตําบล\n"
                         "เขวา เมืองมหาสารคาม 92.48 ผ่านดี\n"
                         "3 เทศบาลตำบลโกสุมพิสัย โกสุมพิสัย 88.10 ผ่าน\n")
    assert [(r.agency, r.district, r.province, r.overall_score, r.result) for r in records] == [
        ("เทศบาลเมืองมหาสารคาม", "เมืองมหาสารคาม", "มหาสารคาม", 95.20, "ผ่านดีเยี่ยม"),
        ("องค์การบริหารส่วนตำบลเขวา", "เมืองมหาสารคาม", "มหาสารคาม", 92.48, "ผ่านดี"),
        ("เทศบาลตำบลโกสุมพิสัย", "โกสุมพิสัย", "มหาสารคาม", 88.10, "ผ่าน")]


def test_a_table_of_years_under_a_caption_is_not_joined_into_a_sentence() -> None:
    """blind8 009 kind: a caption naming "2562 – 2568" and rows "2566 96.02 90.35 95.38 94.06 ผ่าน" stay lines:
    no record of 2562 with 2566's level; the title's year stays the text's."""
    text = ("กรมพัฒนาที่ดิน\n"
            "รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568\n"
            "        กรมพัฒนาที่ดิน ได้เข้ารับการประเมินตามระบบ ITAS ตั้งแต่ปีงบประมาณ พ.ศ. 2562 โดยในปีงบประมาณ\n"
            "พ.ศ. 2568 ได้คะแนน 94.70 คะแนน ระดับผ่านดี\n"
            "ตารางที่ 3.1 เปรียบเทียบผลการประเมินปีงบประมาณ พ.ศ. 2562 – 2568\n"
            "ปีงบประมาณ IIT EIT OIT ITA ระดับ\n"
            "2566 95.02 90.35 95.38 94.06 ผ่าน\n"
            "2567 96.40 95.62 98.75 97.10 ผ่านดีเยี่ยม\n")
    assert [(r.fiscal_year, r.overall_score, r.result) for r in parse_text(text) if r.fiscal_year != 2566
            and r.fiscal_year != 2567] == [(2568, 94.70, "ผ่านดี")]


def test_an_indicator_table_comparing_two_years_reads_the_assessed_years_column() -> None:
    """blind8 003 kind: "ลำดับ ตัวชี้วัด ค่าน้ำหนัก(ร้อยละ) คะแนนปี 2566 คะแนนปี 2567 ผลต่าง ผลการประเมิน"."""
    text = (_ANALYSIS_HEAD +
            "ลำดับ ตัวชี้วัด ค่าน้ำหนัก(ร้อยละ) คะแนนปี 2566 คะแนนปี 2567 ผลต่าง ผลการประเมิน\n"
            "1 การปฏิบัติหน้าที่ 6 93.10 95.80 +2.70 ผ่าน\n"
            "9 การเปิดเผยข้อมูล 20 90.25 98.50 +8.25 ผ่าน\n")
    assert _indicators(text) == {1: 95.80, 9: 98.50}


def test_a_docx_table_a_cell_a_line_with_short_indicator_names() -> None:
    """blind8 006 kind: "1" / "ปฏิบัติหน้าที่" / "95.40": number, a short name (no "การ", or cut with ฯ) and score
    each on its line; a row counts only when its number is the named indicator's."""
    text = (_ANALYSIS_HEAD + "ตารางที่ 1\nตัวชี้วัดที่\nประเด็น\nคะแนน\n"
            "1\nปฏิบัติหน้าที่\n95.40\n4\nใช้ทรัพย์สินฯ\n94.11\n5\nแก้ไขปัญหาทุจริต\n95.08\n3\nป้องกันทุจริต\n91.00\n")
    assert _indicators(text) == {1: 95.40, 4: 94.11, 5: 95.08}  # "3 ป้องกันทุจริต" names indicator 10: no row
