"""Issue 25: kinds the blind sets still missed (blind8) and a blind set of real pages showed, each with
a text of our own (other names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text


def test_a_table_of_years_whose_cells_a_pdf_spaced_once() -> None:
    """blind8 009 kind: "ปีงบประมาณ IIT EIT OIT ITA ระดับ ผลต่าง ค่าเฉลี่ย" / "ประเทศ" over rows a year
    each, single spaces between cells, Thai digits: each row is its year's record, the instruments with
    it; the difference and the national average are nobody's score."""
    records = parse_text(
        "กรมพัฒนาที่ดิน                                                     ๒๒\n"
        "รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n"
        "ตารางที่ ๒ ผลการประเมินย้อนหลัง\n"
        "ปีงบประมาณ IIT EIT OIT ITA ระดับ ผลต่าง ค่าเฉลี่ย\n"
        "ประเทศ\n"
        "๒๕๖๕ ๙๔.๑๐ ๘๘.๒๕ ๙๖.๐๐ ๙๒.๙๙ A - ๘๗.๕๗\n"
        "๒๕๖๖ ๙๕.๒๐ ๘๙.๙๐ ๙๓.๔๐ ๙๒.๖๔ ผ่าน -๐.๓๕ -\n"
        "๒๕๖๗ ๙๖.๘๐ ๙๒.๕๐ ๙๗.๒๐ ๙๕.๖๖ ผ่านดี +๓.๐๒ -\n")
    assert [(r.agency, r.fiscal_year, r.overall_score, r.grade, r.result) for r in records] == [
        ("กรมพัฒนาที่ดิน", 2565, 92.99, "A", None),
        ("กรมพัฒนาที่ดิน", 2566, 92.64, None, "ผ่าน"),
        ("กรมพัฒนาที่ดิน", 2567, 95.66, None, "ผ่านดี")]
    assert records[1].instruments["IIT"] == 95.20 and records[1].instruments["OIT"] == 93.40


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.overall_score, r.grade, r.result) for r in parse_text(text))


def test_scores_dated_by_a_budget_year_and_led_by_ita_to_their_number() -> None:
    """Real-page kind (a police station's monthly meeting): "เมื่อปีงบประมาณ พ.ศ.2566 ได้คะแนนรวม ITA 90.12
    … ส่วนในปีงบประมาณ พ.ศ.2567 ได้คะแนนรวม ITA 96.55": each score is its own year's, not the page's."""
    assert _read("สภ.บ้านแพง ประชุมประจำเดือน เรื่อง การเตรียมความพร้อมการประเมินคุณธรรมและความโปร่งใส (ITA) "
                 "ประจำปีงบประมาณ พ.ศ.2568 ซึ่งเดิมเมื่อปีงบประมาณ พ.ศ.2566 ได้คะแนนรวม ITA 90.12 อยู่ในเกณฑ์ที่ผ่าน "
                 "ส่วนในปีงบประมาณ พ.ศ.2567 ได้คะแนนรวม ITA 96.55 ซึ่งเพิ่มขึ้น") == [
        ("สถานีตำรวจภูธรบ้านแพง", 2566, 90.12, None, "ผ่าน"),
        ("สถานีตำรวจภูธรบ้านแพง", 2567, 96.55, None, None)]


def test_the_nacc_ranked_among_the_independent_bodies_is_a_ranked_agency() -> None:
    """Real-page kind: "อันดับ 2 สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (ป.ป.ช.) 92.40 คะแนน": the
    announcer is assessed too; dropping its row would shift every later pairing."""
    assert _read("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 กลุ่มองค์กรอิสระ\n"
                 "อันดับ 1 คือ สำนักงานผู้ตรวจการแผ่นดิน ด้วยคะแนน 95.02 คะแนน\n"
                 "อันดับ 2 สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (ป.ป.ช.) 92.40 คะแนน\n"
                 "อันดับ 3 สำนักงานคณะกรรมการการเลือกตั้ง (กกต.) 91.75 คะแนน\n") == [
        ("สำนักงานคณะกรรมการการเลือกตั้ง", 2567, 91.75, None, None),
        ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", 2567, 92.40, None, None),
        ("สำนักงานผู้ตรวจการแผ่นดิน", 2567, 95.02, None, None)]


def test_an_indicator_named_around_its_score_in_a_sentence_is_no_overall() -> None:
    """Real-page kinds: "ด้านตัวชี้วัดการป้องกันทุจริต … มีคะแนนแค่ 79.50 คะแนน ไม่ผ่านเกณฑ์" (the indicator's
    score and its pass word, not the agency's) and "โดยได้ 100 คะแนน ด้าน การป้องกันการทุจริต" (the name after)."""
    navy = parse_text("กองทัพเรือ ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565 ด้านตัวชี้วัดการป้องกันทุจริต "
                      "ได้ที่โหล่ มีคะแนนแค่ 79.50 คะแนน ไม่ผ่านเกณฑ์การประเมิน")
    assert [(r.agency, r.overall_score, r.passed, r.indicators) for r in navy] == [
        ("กองทัพเรือ", None, None, {"10": 79.50})]
    cmu = parse_text("มหาวิทยาลัยเชียงใหม่ได้รับคะแนนการประเมิน ITA ประจำปี 2565 ที่ 90.45 คะแนน (ระดับ A) "
                     "โดยได้ 100 คะแนน ด้าน การป้องกันการทุจริต")
    assert [(r.overall_score, r.grade, r.indicators) for r in cmu] == [(90.45, "A", {"10": 100.0})]
    assert not [w for r in cmu for w in r.warnings if w.code == "ambiguous_score"]


def test_a_provincial_education_office_and_a_grade_after_which() -> None:
    """Real-page kinds: "ศธจ.ลำพูน" is the province's education office, not the province; "ที่ได้คะแนน 90.10
    ซึ่งอยู่ในระดับ A" gives the grade the score's year."""
    assert _read("ศธจ.ลำพูน มีผลการประเมิน ITA ประจำปี ๒๕๖๓ อยู่ในระดับ AA") == [
        ("สำนักงานศึกษาธิการจังหวัดลำพูน", 2563, None, "AA", None)]
    assert _read("กรมชลประทาน มีผลคะแนนการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2563 91.20 คะแนน อยู่ในระดับ A "
                 "เมื่อเทียบกับปีงบประมาณ พ.ศ. 2562 ที่ผ่านมา ที่ได้คะแนน 90.10 ซึ่งอยู่ในระดับ A เช่นกัน") == [
        ("กรมชลประทาน", 2562, 90.10, "A", None), ("กรมชลประทาน", 2563, 91.20, "A", None)]


def test_a_result_level_before_a_year_is_no_plan_to_improve() -> None:
    """Real-page kind: "มากกว่าปีที่แล้วที่ได้เพียง 60.10 คะแนน อยู่ในระดับ “ต้องปรับปรุงโดยด่วน” คือปี 2567": the
    level's word "ปรับปรุง" does not make 2567 a plan year; the later "ข้อมูลเมื่อปี 2566" is background."""
    assert _read("กรมศุลกากร ผ่านการประเมิน ITA ครั้งแรก\n"
                 "ผลประเมินได้ 86.40 คะแนน มากกว่าปีที่แล้วที่ได้เพียง 60.10 คะแนน อยู่ในระดับ “ต้องปรับปรุงโดยด่วน” "
                 "คือปี 2567 เพิ่มขึ้น 26.30 คะแนน\n"
                 "ข้อมูลเมื่อปี 2566 หน่วยงานส่วนใหญ่เพิ่งเริ่มรู้จัก ITA\n") == [
        ("กรมศุลกากร", 2566, 60.10, None, "ต้องปรับปรุงโดยด่วน"), ("กรมศุลกากร", 2567, 86.40, None, "ผ่าน")]


def test_a_grade_shared_by_the_agencies_a_list_then_names() -> None:
    """Real-page kind: "…ประจำปี 2563 ในระดับดีเยี่ยม (AA) ซึ่งจังหวัดX มี จำนวน 3 หน่วยงาน ประกอบด้วย อบต.ก ,
    อบต.ข อำเภอ… และ อบต.ค": each named agency has the grade; the province only counts them."""
    assert _read("จังหวัดมหาสารคามมอบโล่ ITA AWARDS แก่หน่วยงานที่มีผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปี 2563 "
                 "ในระดับดีเยี่ยม (AA) ซึ่งจังหวัดมหาสารคาม มี จำนวน 2 หน่วยงาน ประกอบด้วย องค์การบริหารส่วนตำบลหนองโน , "
                 "และองค์การบริหารส่วนตำบลแวงน่าง อำเภอเมืองมหาสารคาม จากนั้นผู้ว่าราชการจังหวัดกล่าว") == [
        ("องค์การบริหารส่วนตำบลหนองโน", 2563, None, "AA", None),
        ("องค์การบริหารส่วนตำบลแวงน่าง", 2563, None, "AA", None)]


def test_a_ministry_named_short_with_its_own_score_beside_an_agency_of_it() -> None:
    """Real-page kind: "กระทรวงพาณิชย์ฯ … ได้คะแนน 95.10 อยู่ในระดับ AA" is the ministry's figure (no agency's,
    its grade too: a ministry_average record, session 36); "สำนักงานปลัดกระทรวงพาณิชย์ฯ ได้คะแนน 93.50
    เพิ่มขึ้นจาก 90.25 คะแนนเมื่อปี 2563" is the agency's, with its earlier year."""
    assert _read("รมว. เผย ป.ป.ช. ประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2564\n"
                 "ผลปรากฏว่า กระทรวงทรัพยากรธรรมชาติฯ ได้คะแนน 95.10 อยู่ในระดับ AA สูงสุดในระดับกระทรวง\n"
                 "ในส่วนของสำนักงานปลัดกระทรวงทรัพยากรธรรมชาติฯ ได้คะแนน 93.50 เพิ่มขึ้นจาก 90.25 คะแนนเมื่อปี 2563\n") == [
        ("กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", 2564, 95.10, "AA", None),
        ("สำนักงานปลัดกระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", 2563, 90.25, None, None),
        ("สำนักงานปลัดกระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", 2564, 93.50, None, None)]


def test_an_indicator_named_right_before_a_whole_score_and_an_earlier_year_after_kue() -> None:
    """Real-page kinds: "ได้คะแนนเรื่องการป้องกันทุจริต 100 เต็ม" is indicator 10's; "สูงกว่าปี 2561 คือ 70.15"
    dates the earlier score."""
    forest = parse_text("ป.ป.ช. ประเมินให้ กรมป่าไม้ได้เกรด A ได้คะแนนเรื่องการป้องกันทุจริต 100 เต็ม 3 ปี ซ้อน")
    assert [(r.agency, r.grade, r.overall_score, r.indicators) for r in forest] == [
        ("กรมป่าไม้", "A", None, {"10": 100.0})]
    assert _read("ผลการประเมิน ITA ประจำปี 2562 การกีฬาแห่งประเทศไทย ได้รับคะแนน ITA 88.10 คะแนน อยู่ในระดับ A "
                 "(โดยมีค่าคะแนนสูงกว่าปี 2561 คือ 70.15)") == [
        ("การกีฬาแห่งประเทศไทย", 2561, 70.15, None, None), ("การกีฬาแห่งประเทศไทย", 2562, 88.10, "A", None)]


def test_an_agencys_own_mean_is_its_score_and_a_number_called_an_average_anywhere_is_nobodys() -> None:
    """Real-page kinds: "กรุงเทพมหานครได้คะแนนเฉลี่ย 88.98" and "กรมX ผ่านการประเมิน (ITA) ด้วยคะแนนเฉลี่ย 86.48" are
    the agency's own scores; "คะแนน 95.10 ได้ที่ 2 จาก 20 กระทรวง … ค่าคะแนนเฉลี่ย 95.10" is a ministry's average,
    and the department named later does not take it."""
    assert _read("สำหรับผลการประเมิน ITA 2566 เทศบาลนครเชียงใหม่ได้คะแนนเฉลี่ย 90.15 อยู่ในระดับผ่าน") == [
        ("เทศบาลนครเชียงใหม่", 2566, 90.15, None, "ผ่าน")]
    assert _read("กรมศิลปากรผ่านการประเมินค่า (ITA) ด้วยคะแนนเฉลี่ย 87.20 ประจำปี 2563") == [
        ("กรมศิลปากร", 2563, 87.20, None, "ผ่าน")]
    assert _read("ศูนย์ต่อต้านการทุจริต สรุป \"ITA ปี68\" คะแนน 95.10 ได้ที่ 2 จาก 20 กระทรวง เฉพาะ 12 หน่วยงานสังกัด "
                 "ค่าคะแนนเฉลี่ย 95.10 เผย \"กรมสรรพากร\" แชมป์ 3 สมัย") == []


def test_the_two_parts_of_the_eit_written_in_a_sentence() -> None:
    """Real-page kind: "เครื่องมือ EIT แบบวัด…ภายนอกส่วนที่ 1 ได้ 79.40 คะแนน เครื่องมือ EIT ส่วนที่ 2 ได้ 82.24 คะแนน":
    each part's own score, neither the overall nor the EIT's."""
    records = parse_text("ผลการประเมิน ITA 2566 เทศบาลนครขอนแก่นได้ 90.02 คะแนน อยู่ในระดับผ่าน "
                         "โดยมีผลการประเมินรายเครื่องมือ ดังนี้ เครื่องมือ IIT ได้ 85.10 คะแนน "
                         "เครื่องมือ EIT แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอกส่วนที่ 1 ได้ 80.40 คะแนน "
                         "เครื่องมือ EIT ส่วนที่ 2 ได้ 83.25 คะแนน")
    assert [(r.overall_score, r.instruments["IIT"], r.instruments["EIT"], r.instruments["EIT_part1"],
             r.instruments["EIT_part2"]) for r in records] == [(90.02, 85.10, None, 80.40, 83.25)]


def test_an_area_office_of_the_old_numbering_and_a_level_of_quality() -> None:
    """Real-page kind: "สพม.2 มีผลคะแนนรวม 84.10 คะแนน อยู่ในระดับคุณภาพ “สูงมาก”" (ITA Online of 2561): the area
    named by its number alone (not the social-development ministry "พม." inside it) and its old level."""
    assert _read("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ได้ประกาศผล การประเมิน ITA Online ประจำปีงบประมาณ 2561 "
                 "สพม.2 มีผลคะแนนรวม  84.10  คะแนน อยู่ในระดับคุณภาพ “สูงมาก”  ติดอันดับ 3 ใน 100") == [
        ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา เขต 2", 2561, 84.10, None, "สูงมาก")]


def test_a_ministry_named_as_where_an_agency_ranks_does_not_own_its_score() -> None:
    """Real-page kind: "X คว้าอันดับที่ 1 การประเมิน… (ITA) ประจำปีงบประมาณ พ.ศ. 2564 สูงสุดในกระทรวง อว. ด้วยคะแนน
    98.20 คะแนน": the score is the agency's; the ministry is the scope of its rank."""
    assert _read("สถาบันวิจัยแสงซินโครตรอน (องค์การมหาชน) คว้าอันดับที่ 1 การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ"
                 "หน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2564 สูงสุดในกระทรวง อว. ด้วยคะแนน 98.20 คะแนน") == [
        ("สถาบันวิจัยแสงซินโครตรอน (องค์การมหาชน)", 2564, 98.20, None, None)]


def test_the_assessments_name_shortened_by_a_headline_names_the_ita() -> None:
    """Real-page kind: "…ประเมินคุณธรรม-ความโปร่งใส" with no "ITA": still the ITA."""
    assert _read("กรมบังคับคดี ได้คะแนน 93.40 ระดับ AA ผลประเมินคุณธรรม-ความโปร่งใส ประจำปี 2564") == [
        ("กรมบังคับคดี", 2564, 93.40, "AA", None)]


def test_agencies_a_news_text_ranks_without_scores_are_recorded_as_assessed() -> None:
    """Real-page kinds: "ระดับจังหวัด สสจ.น่าน ได้อันดับหนึ่ง", "3 อันดับแรกคือ สป.ยธ. สรพ. กรมราชทัณฑ์" (a
    glued "รพ." inside "สรพ." is no hospital): each ranked agency was assessed that year, with no value."""
    records = parse_text("ป.ป.ช. ประกาศผลการประเมิน ITA ประจำปีงบประมาณ 2562 หน่วยงานที่ได้คะแนนสูงสุด 3 อันดับแรกคือ "
                         "สป.สธ. สรพ. กรมอนามัย\n"
                         "ส่วนหน่วยงานระดับจังหวัด สสจ.น่านได้อันดับหนึ่ง")
    assert sorted((r.agency, r.fiscal_year, r.overall_score, [w.code for w in r.warnings]) for r in records) == [
        ("กรมอนามัย", 2562, None, ["no_score"]),
        ("สถาบันรับรองคุณภาพสถานพยาบาล (องค์การมหาชน)", 2562, None, ["no_score"]),
        ("สำนักงานปลัดกระทรวงสาธารณสุข", 2562, None, ["no_score"]),
        ("สำนักงานสาธารณสุขจังหวัดน่าน", 2562, None, ["no_score"])]


def test_an_agency_that_receives_an_ita_shield_was_assessed() -> None:
    """Real-page kind: "จังหวัดX รับโล่เกียรติยศ ITA AWARDS … ประจำปี 2564" with no score: a record of the
    agency and year, no value, and a warning."""
    records = parse_text("จังหวัดกระบี่ รับโล่เกียรติยศ ITA AWARDS 2021 อันดับ 2 ระดับประเทศ ผลการประเมิน ITA "
                         "ประจำปี 2564 ผู้สื่อข่าวรายงาน ที่ห้องประชุมศาลากลางจังหวัดกระบี่")
    assert [(r.agency, r.fiscal_year, r.overall_score, [w.code for w in r.warnings]) for r in records] == [
        ("จังหวัดกระบี่", 2564, None, ["no_score"])]
