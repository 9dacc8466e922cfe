"""Issue 25: kinds the real-page blind sets showed in session 36, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text


def test_a_letter_grade_without_a_year_still_says_whether_the_agency_passed() -> None:
    """Real-page kind (a municipality's award news with only the ceremony's date): "ได้รับผลการประเมิน ITA
    ในระดับดี (A)": letters exist only from 2562 on, and every such year passes at A and fails at B."""
    passed = parse_text("เทศบาลเมืองสระแก้ว ได้รับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
                        "(ITA) ในระดับดี (A) จากสำนักงาน ป.ป.ช.")
    assert [(r.agency, r.fiscal_year, r.grade, r.passed, r.passed_derived) for r in passed] == [
        ("เทศบาลเมืองสระแก้ว", None, "A", True, True)]
    failed = parse_text("อบต.หนองบัว ได้ผลการประเมิน ITA ระดับ C ต้องเร่งพัฒนาการเปิดเผยข้อมูล")
    assert [(r.grade, r.passed) for r in failed] == [("C", False)]


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.overall_score, r.grade, r.result, r.passed) for r in parse_text(text))


def test_a_fail_or_pass_written_as_an_exams() -> None:
    """Real-page kind (a headline over a list of provincial administrations): news writes a fail as
    "สอบตก" and a pass as "สอบผ่าน"; a count of agencies before it ("เกือบ 300 อปท. สอบตก") is nobody's."""
    assert _read("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2564 อบจ.ระนอง อบจ.ชุมพร และ อบจ.ตรัง สอบตก") == [
        ("องค์การบริหารส่วนจังหวัดชุมพร", 2564, None, None, "ไม่ผ่าน", False),
        ("องค์การบริหารส่วนจังหวัดตรัง", 2564, None, None, "ไม่ผ่าน", False),
        ("องค์การบริหารส่วนจังหวัดระนอง", 2564, None, None, "ไม่ผ่าน", False)]
    assert _read("ITA ปี 2566 เทศบาลตำบลหนองปลิง สอบผ่านการประเมิน ด้วยคะแนน 87.34 คะแนน") == [
        ("เทศบาลตำบลหนองปลิง", 2566, 87.34, None, "ผ่าน", True)]
    assert _read("ITA ปี 2566 เกือบ 300 อปท. สอบตก ส่วนเทศบาลตำบลหนองปลิง ได้ 87.34 คะแนน") == [
        ("เทศบาลตำบลหนองปลิง", 2566, 87.34, None, None, True)]


def test_a_score_named_in_full_and_given_by_the_assessor() -> None:
    """Real-page kind (two public organisations in one story): "ได้คะแนนการประเมินจากสำนักงานคณะกรรมการ
    ป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) อยู่ที่ 95.06" and "ซึ่งได้คะแนนการประเมินอยู่ที่ 95.94":
    who gave the score is an aside, "คะแนนการประเมิน" names the score."""
    assert _read("ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ 2563\n"
                 "ซึ่ง สสวท. หรือสถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี ได้คะแนนการประเมินจากสำนักงานคณะกรรมการ"
                 "ป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) อยู่ที่ 93.17 สูงเป็นอันดับ 3 รองจาก "
                 "สถาบันวิจัยระบบสาธารณสุข ซึ่งได้คะแนนการประเมินอยู่ที่ 94.02\n") == [
        ("สถาบันวิจัยระบบสาธารณสุข", 2563, 94.02, None, None, True),
        ("สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี", 2563, 93.17, None, None, True)]


def test_the_top_of_the_scale_after_from_is_no_second_score() -> None:
    """Real-page kinds: "ได้คะแนนผลการประเมินฯ 97.96 คะแนน จาก 100 คะแนนเต็ม" and "ได้ 89.81 คะแนนจาก 100
    คะแนน": 100 is the scale; but "ได้คะแนน … 100 เต็ม" is a full score."""
    assert _read("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ.2564 การท่าเรือแห่งประเทศไทย ได้คะแนนผลการประเมินฯ "
                 "96.31 คะแนน จาก 100 คะแนนเต็ม") == [("การท่าเรือแห่งประเทศไทย", 2564, 96.31, None, None, True)]
    assert _read("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ.2564 มหาวิทยาลัยราชภัฏเลย ได้ 87.45 คะแนนจาก 100 คะแนน") == [
        ("มหาวิทยาลัยราชภัฏเลย", 2564, 87.45, None, None, True)]


def test_a_name_glued_to_a_verb_or_to_every_ends_before_it() -> None:
    """Real-page kinds: "การเคหะแห่งชาติเปิดผลประเมิน ITA…" (a headline's verb glued to the name) and
    "ผู้บริหารสำนักงานศาลปกครองทุกระดับชั้น" (every level of it) are no longer names."""
    assert _read("การท่าเรือแห่งประเทศไทยเปิดผลประเมิน ITA หน่วยงานรัฐปี 2567 อยู่ในระดับผ่านดี 95.12 คะแนน") == [
        ("การท่าเรือแห่งประเทศไทย", 2567, 95.12, None, "ผ่านดี", True)]


def test_a_body_and_its_office_named_in_one_text_are_one_agency() -> None:
    """Real-page kind (a court's news): "ศาลยุติธรรม ได้คะแนน … 93.10 คะแนน อยู่ในระดับ A" and later
    "สำนักงานศาลยุติธรรม ได้รับคะแนนการประเมินผลในภาพรวม 93.10": the office is the assessed agency, one
    record; both lines' values are its."""
    records = parse_text("ศาลยุติธรรม ได้คะแนนประเมิน ITA สูงสุด ประเภทองค์กรศาล ประจำปีงบประมาณ พ.ศ. 2564 "
                         "โดยได้รับคะแนนประเมินผล 93.10 คะแนน อยู่ในระดับ A\n"
                         "สำนักงานศาลยุติธรรม ได้รับคะแนนการประเมินผลในภาพรวม 93.10 คะแนน โดยเป็นหน่วยงานที่มีคะแนน"
                         "สูงสุดอันดับ 1\n")
    assert [(r.agency, r.fiscal_year, r.overall_score, r.grade) for r in records] == [
        ("สำนักงานศาลยุติธรรม", 2564, 93.10, "A")]


def _figures(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.overall_score, r.grade, r.passed, r.level) for r in parse_text(text))


def test_a_ministrys_own_figure_is_its_record_marked_as_a_mean() -> None:
    """Real-page kinds: "กระทรวงดิจิทัลฯ ได้คะแนน 95.42 อยู่ในระดับ AA … อันดับ 1 ในระดับกระทรวง" and "มท.
    ได้อันดับที่ 2 จาก 20 กระทรวง โดยมีคะแนนเฉลี่ย 96.02 คะแนน": the ministry's figure (the mean of its
    agencies), kept as a ministry_average record that passes or fails nothing, beside its agencies'."""
    assert _figures("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565\n"
                    "ผลปรากฏว่า กระทรวงพลังงาน ได้คะแนน 94.18 อยู่ในระดับ A เป็นอันดับ 3 ในระดับกระทรวง\n"
                    "ส่วนกรมธุรกิจพลังงาน ได้คะแนน 96.40 คะแนน\n") == [
        ("กรมธุรกิจพลังงาน", 2565, 96.40, None, True, None),
        ("กระทรวงพลังงาน", 2565, 94.18, "A", None, "ministry_average")]
    assert _figures("ผลการประเมิน ITA ปี 2567 ภาพรวมรายกระทรวง กษ. ได้อันดับที่ 4 จาก 20 กระทรวง "
                    "โดยมีคะแนนเฉลี่ย 92.77 คะแนน") == [
        ("กระทรวงเกษตรและสหกรณ์", 2567, 92.77, None, None, "ministry_average")]


def test_a_countrys_or_a_groups_mean_after_a_ministry_is_not_its() -> None:
    """"กระทรวงX … ค่าเฉลี่ยทั้งประเทศ 93.82" is the country's; the second mean after a ministry's own
    ("…มีคะแนนเฉลี่ย 83.75 คะแนน สูงกว่าค่าเฉลี่ยของส่วนราชการระดับกรมทั้งหมด … ซึ่งอยู่ที่ 80.22") is another's:
    the departments' own category record since session 37."""
    assert _figures("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 กระทรวงพาณิชย์ มีหน่วยงานผ่านเกณฑ์ 9 แห่ง "
                    "ค่าเฉลี่ยทั้งประเทศ 93.82 คะแนน") == []
    assert _figures("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2559 ภาพรวมกระทรวงพาณิชย์มีคะแนนเฉลี่ย 82.15 คะแนน "
                    "สูงกว่าค่าเฉลี่ยของส่วนราชการระดับกรมทั้งหมด 146 กรม ซึ่งอยู่ที่ 80.22 คะแนน") == [
        ("กระทรวงพาณิชย์", 2559, 82.15, None, None, "ministry_average"),
        ("ส่วนราชการระดับกรมหรือเทียบเท่า", 2559, 80.22, None, None, "category_average")]


def test_an_abbreviation_ending_a_longer_one_names_nothing() -> None:
    """Made-up kind from a table's note: "ค่าเฉลี่ย สพม. ทั้ง 62 เขต = 93.41": "พม." (the social development
    ministry) inside "สพม." is not named; the average is nobody's."""
    assert _figures("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 ค่าเฉลี่ย สพม. ทั้ง 62 เขต = 93.41 คะแนน") == []


def test_the_store_keeps_no_ministry_figure(tmp_path) -> None:
    from ita_lib.store.db import Store
    from ita_lib.store.ingest import ingest

    news = tmp_path / "docs" / "energy.txt"
    news.parent.mkdir()
    news.write_text("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565\nกระทรวงพลังงาน ได้คะแนน 94.18 อยู่ในระดับ A\n"
                    "ส่วนกรมธุรกิจพลังงาน ได้คะแนน 96.40 คะแนน\n", encoding="utf-8")
    result = ingest([news.parent], db=tmp_path / "ita.duckdb", workers=1)
    assert result.records == 1
    with Store(tmp_path / "ita.duckdb", read_only=True) as store:
        assert list(store.agencies()["name"]) == ["กรมธุรกิจพลังงาน"]


def test_a_ministry_the_text_points_back_to_and_a_ministry_written_as_an_agencys_own() -> None:
    """Real-page kinds: "ในส่วนของกระทรวงX ผลการประเมิน ภาพรวมของกระทรวงอยู่ที่ 91.70" is the ministry's figure,
    not the agency the column is about; "โดยกรมX (ตัวย่อ) กระทรวงY ได้คะแนน… 85.39" is the department's, its
    ministry only written after its name."""
    assert _figures("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ในส่วนของกระทรวงพาณิชย์ ผลการประเมิน "
                    "ภาพรวมของกระทรวงอยู่ที่ 93.25 คะแนน\nแต่กรมการค้าภายใน ได้เพียง 88.10 คะแนน\n") == [
        ("กรมการค้าภายใน", 2567, 88.10, None, True, None),
        ("กระทรวงพาณิชย์", 2567, 93.25, None, None, "ministry_average")]
    assert _figures("สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565 โดยกรมทรัพย์สินทางปัญญา "
                    "(ทป.) กระทรวงพาณิชย์ ได้คะแนนการประเมินอยู่ที่ 91.06 คะแนน ซึ่งอยู่ในระดับ A") == [
        ("กรมทรัพย์สินทางปัญญา", 2565, 91.06, "A", True, None)]


def test_an_aimed_grade_or_level_is_no_result() -> None:
    """Real-page kinds: "กทม. ได้ผลประเมินคุณธรรมความโปร่งใส 88.5 คะแนน ตั้งเป้าหมายปี 63 สู่ระดับ AA" (the
    score is named with the ITA's name between; AA is the aim) and "มหาวิทยาลัยจะต้องมีผลประเมินคุณธรรม…
    (ITA) อยู่ในระดับสูง" (a plan's aim, however long the name between)."""
    assert _figures("อบจ.ชลบุรี ได้ผลประเมินคุณธรรมความโปร่งใส 87.4 คะแนน ประจำปี 2563 ตั้งเป้าหมายปี 64 "
                    "สู่ระดับ AA") == [("องค์การบริหารส่วนจังหวัดชลบุรี", 2563, 87.4, None, True, None)]
    assert _figures("แผนยุทธศาสตร์มหาวิทยาลัยนเรศวร ระยะ 20 ปี (พ.ศ. 2561 - 2580) มหาวิทยาลัยจะต้องมีผลประเมิน"
                    "คุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: "
                    "ITA) อยู่ในระดับสูงมาก") == []


def test_a_year_joined_to_the_agency_by_it_turned_out_that() -> None:
    """Real-page kind (a meeting in the next budget year): "ได้รับทราบผลการประเมินคุณธรรม ฯ ประจำปี 2562
    ปรากฎว่ากรมX ได้คะแนน ITA ร้อยละ 84.43 … ไม่ผ่านเกณฑ์": the result is 2562's, not the meeting's year."""
    assert _figures("การประชุมคณะทำงานเพื่อการประเมินคุณธรรมและความโปร่งใสของกรมชลประทาน ประจำปีงบประมาณ พ.ศ. 2564 "
                    "ที่ประชุมได้รับทราบผลการประเมินคุณธรรม ฯ ประจำปี 2563 ปรากฏว่ากรมชลประทาน ได้คะแนน ITA "
                    "ร้อยละ 83.16 ซึ่งไม่ผ่านเกณฑ์การประเมิน") == [
        ("กรมชลประทาน", 2563, 83.16, None, False, None)]
