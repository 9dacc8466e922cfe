"""Issue 25: kinds the real-page blind sets showed in session 39, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.io.read import document_from_text
from ita_lib.parse import parse_text
from ita_lib.parse.detect import parse_loaded

_ITA = "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.overall_score, r.grade) for r in parse_text(text))


def test_a_score_grabbed_by_a_name_the_parser_does_not_know_is_not_the_texts_agencys() -> None:
    """realblind7 023 kind: a headline "เกาะสมุย คว้า 97.45 คะแนน" names an agency by a bare district (its
    district office, municipality or อบต.); the text's body is about the city that held the ceremony. The
    score is the unnamed agency's, not the city's: no record rather than a wrong one. A short form of the
    text's own agency still takes it. (A district of the capital is its district office: session 40.)"""
    headline = (f"เกาะสมุย คว้า 97.45 คะแนน สูงสุดใน{_ITA}ปี 66\n"
                "รองปลัดกรุงเทพมหานคร ร่วมงานประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 "
                "ของหน่วยงานระดับต่ำกว่ากรม\n")
    assert _read(headline) == []
    assert "เกาะสมุย" in " ".join(parse_loaded(document_from_text(headline)).notes)
    short = (f"ป่าไม้ คว้า 93.27 คะแนน ใน{_ITA}ปี 2566\n"
             "อธิบดีกรมป่าไม้ เปิดเผยผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566\n")
    assert _read(short) == [("กรมป่าไม้", 2566, 93.27, None)]
    grade = (f"ท่าศาลา คว้าระดับ AA ใน{_ITA}ปี 2564\n"
             "ผู้ว่าราชการจังหวัดนครศรีธรรมราช มอบโล่ ITA ประจำปีงบประมาณ พ.ศ. 2564 ที่ศาลากลางจังหวัดนครศรีธรรมราช\n")
    assert _read(grade) == []


def test_the_mean_of_a_ministrys_agencies_is_the_ministrys_and_so_is_what_it_rose_from() -> None:
    """realblind10 025 kind: "หน่วยงานในสังกัดกระทรวงX ผ่านเกณฑ์ 7 หน่วยงาน … คิดเป็น 87.50% มีคะแนนเฉลี่ยภาพรวม
    91.22 คะแนน เพิ่มขึ้นจากปีงบประมาณ 2565 ซึ่งอยู่ที่ 88.40 คะแนน": the share between the name and the mean is no
    score; the dated value the mean rose from is the ministry's mean of that year."""
    text = (f"ปลัดกระทรวงแรงงาน เปิดเผยว่า {_ITA}ประจำปีงบประมาณ 2566 หน่วยงานในสังกัดกระทรวงแรงงาน ผ่านเกณฑ์การประเมิน"
            "จำนวน 7 หน่วยงาน จากทั้งหมด 8 หน่วยงาน คิดเป็น 87.50% มีคะแนนเฉลี่ยภาพรวม 91.22 คะแนน "
            "เพิ่มขึ้นจากปีงบประมาณ 2565 ซึ่งอยู่ที่ 88.40 คะแนน")
    assert _read(text) == [("กระทรวงแรงงาน", 2565, 88.4, None), ("กระทรวงแรงงาน", 2566, 91.22, None)]
    # the value a mean rose from with no year is no year's
    undated = text.replace("เพิ่มขึ้นจากปีงบประมาณ 2565 ซึ่งอยู่ที่ 88.40 คะแนน", "เพิ่มขึ้นจาก 88.40 คะแนน")
    assert _read(undated) == [("กระทรวงแรงงาน", 2566, 91.22, None)]


def test_provinces_listed_bare_with_grades_in_a_text_about_provinces() -> None:
    """realblind10 002 kind: a headline of bare province names and grades, in a text that says its units
    are provinces ("จำแนกรายจังหวัด", "N จว.สอบตก"). Names with no grade after them take none; the same
    headline in a text about provincial administrative organisations (อบจ.) or naming another agency gives
    nothing, since a bare name may be the province's อบจ. there."""
    text = ("ผลประเมินคุณธรรมความโปร่งใส ปี 2563 จำแนกรายจังหวัด 12 จว.สอบตก ลำปาง ดับเบิ้ลเอ รองลงมา ชุมพร ระนอง - "
            "สอบตก 12 สตูล บึงกาฬ ติด D ขณะที่ ชัยนาท E ส่วน ตาก ไม่ถูกประเมิน\n"
            "สำนักงาน ป.ป.ช. ได้ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
            "ประจำปีงบประมาณ 2563 ส่วนราชการระดับจังหวัด 76 หน่วยงาน\n")
    got = sorted((r.agency, r.fiscal_year, r.grade, r.passed) for r in parse_text(text))
    assert got == [("จังหวัดชัยนาท", 2563, "E", False), ("จังหวัดบึงกาฬ", 2563, "D", False),
                   ("จังหวัดลำปาง", 2563, "AA", True), ("จังหวัดสตูล", 2563, "D", False)]
    local = text.replace("ส่วนราชการระดับจังหวัด 76 หน่วยงาน", "องค์การบริหารส่วนจังหวัด 76 แห่ง")
    assert parse_text(local) == []
    other = text + "ส่วนกรมป่าไม้ ได้ระดับ A\n"
    assert [r.agency for r in parse_text(other)] == ["กรมป่าไม้"]


def test_double_a_spelt_in_thai_is_aa() -> None:
    """"ดับเบิ้ล A", "ดับเบิลเอ": Thai news spells AA so; a target so spelt is no result."""
    assert _read(f"จังหวัดลำปาง ได้{_ITA}ปี 2563 ระดับดับเบิ้ล A") == [("จังหวัดลำปาง", 2563, None, "AA")]
    assert _read(f"จังหวัดลำปาง {_ITA}ปี 2563 ตั้งเป้าหมายให้ได้ระดับดับเบิลเอ") == []


def test_an_agency_reported_with_an_outcome_and_no_number_is_recorded_as_assessed() -> None:
    """realblind9 021 / realblind8 018 kinds: "ขณะที่ กรมX ITA ลดลง", "กรมX ขึ้นแท่นครองแชมป์โปร่งใส": the text
    reports the agency's result without a number; the record holds its name and year (and warns), for
    another agency named in passing too. An aim ("ได้กำหนดให้ทุกเขตผ่านการประเมิน") is no outcome."""
    text = (f"สำนักงาน ป.ป.ช. ประกาศ{_ITA}ประจำปีงบประมาณ 2564 การท่าเรือแห่งประเทศไทย ได้ระดับ AA "
            "ขณะที่ กรมเจ้าท่า ITA ลดลง แต่ กรมทางหลวง ยังอยู่ในระดับ A\n")
    assert _read(text) == [("กรมทางหลวง", 2564, None, "A"), ("กรมเจ้าท่า", 2564, None, None),
                           ("การท่าเรือแห่งประเทศไทย", 2564, None, "AA")]
    champion = (f"กรมศุลกากร ขึ้นแท่นครองแชมป์โปร่งใสสูงสุดในกระทรวงการคลัง\n"
                f"อธิบดีกรมศุลกากร เปิดเผยว่า {_ITA}ประจำปีงบประมาณ 2561 ปรากฏว่า\n")
    assert _read(champion) == [("กรมศุลกากร", 2561, None, None)]
    # realblind9 027 kind: the award a few words after the name
    award = ("ป.ป.ช.คัดเลือกเทศบาลนครยะลาหน่วยงานภาครัฐบริหารงานอย่างโปร่งใส รับรางวัลเกียรติยศ ITA Awards "
             "ประจำปี 2565\nนายกเทศมนตรีนครยะลา ได้เข้ารับมอบโล่รางวัลเกียรติยศ\n")
    assert _read(award) == [("เทศบาลนครยะลา", 2565, None, None)]
    aim = (f"กรมเจ้าท่า ได้ระดับ A ใน{_ITA}ปี 2564 ซึ่งกรมทางหลวง ได้กำหนดให้ทุกแขวงผ่านการประเมินในปี 2565\n")
    assert _read(aim) == [("กรมเจ้าท่า", 2564, None, "A")]


def test_a_department_written_without_kan_is_the_department_the_text_names_in_full() -> None:
    """realblind7 014 kind: the headline says "กรมจัดหางาน" (as news often shortens กรมการX), the body
    กรมการจัดหางาน: one agency, one record. Without the full name in the text the short one stays."""
    text = (f"\"กรมจัดหางาน\" ปลื้ม คว้าเกรด A {_ITA}\n"
            "กรมการจัดหางาน พอใจผลประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ 2564 ได้ 92.15 คะแนน\n")
    assert _read(text) == [("กรมการจัดหางาน", 2564, 92.15, "A")]
    alone = f"กรมจัดหางาน คว้าเกรด A ใน{_ITA}ปี 2564\n"
    assert _read(alone) == [("กรมจัดหางาน", 2564, None, "A")]


def test_old_level_of_integrity_in_operation_and_the_agency_that_ran_the_assessment() -> None:
    """realblind8 008 kind: "จัดเป็นหน่วยงานที่มีระดับคุณธรรมและความโปร่งใสในการดำเนินงานสูงมาก จากการประเมินโดย
    สำนักงาน ป.ป.ท.": the old level after the ITA's words; the agency the assessment was run by is the
    assessor, not an agency with a result."""
    text = ("กรมทรัพยากรน้ำ ปลื้มผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ "
            "พ.ศ. 2558 ได้คะแนน 86.12 จัดเป็นหน่วยงานที่มีระดับคุณธรรมและความโปร่งใสในการดำเนินงานสูงมาก "
            "จากการประเมินโดยสำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ ติดอันดับที่ 20\n")
    assert sorted((r.agency, r.fiscal_year, r.overall_score, r.result) for r in parse_text(text)) == [
        ("กรมทรัพยากรน้ำ", 2558, 86.12, "สูงมาก")]


def test_bare_provinces_in_a_text_about_provincial_administrations_are_their_paos() -> None:
    """realblind5 002 kind: "ป.ป.ช.เปิดคะแนน 76 อบจ.ทั่วประเทศ 4 จว.สอบตก ‘ตาก-อยุธยา-อุบลฯ-น่าน’": in a text
    whose units are อบจ., the bare names (short forms too) are each province's อบจ., and the fail word is
    theirs. A text naming another tier of local government gives nothing."""
    text = ("ป.ป.ช.เปิดคะแนนโปร่งใส 76 อบจ.ทั่วประเทศ 4 จว.สอบตก ‘ตาก-อยุธยา-อุบลฯ-น่าน’ ลำปาง ได้ AA\n"
            "สำนักงาน ป.ป.ช. เผยแพร่ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
            "ประจำปีงบประมาณ พ.ศ. 2563\n")
    got = sorted((r.agency, r.fiscal_year, r.grade, r.passed) for r in parse_text(text))
    assert got == [("องค์การบริหารส่วนจังหวัดตาก", 2563, None, False),
                   ("องค์การบริหารส่วนจังหวัดน่าน", 2563, None, False),
                   ("องค์การบริหารส่วนจังหวัดพระนครศรีอยุธยา", 2563, None, False),
                   ("องค์การบริหารส่วนจังหวัดลำปาง", 2563, "AA", True),
                   ("องค์การบริหารส่วนจังหวัดอุบลราชธานี", 2563, None, False)]
    other_tier = text + "ส่วนเทศบาลนครลำปาง ได้ระดับ A\n"
    assert [(r.agency, r.grade) for r in parse_text(other_tier)] == [("เทศบาลนครลำปาง", "A")]


def test_an_agencys_mean_with_the_year_named_before_the_word_mean_is_its_own() -> None:
    """realblind11 006 kind: "มหาวิทยาลัยX ได้คะแนนประเมิน ITA ปี 2565 เฉลี่ย 91.28 คะแนน": the year between
    the name and "เฉลี่ย" does not make the number a group's, so the headline's copy of it is the score too.
    A country's mean so written stays a group's."""
    text = ("ผลประเมิน ITA ปี 2565 เชียงใหม่ ได้คะแนน 91.28 อยู่ในระดับ A\n"
            "มหาวิทยาลัยเชียงใหม่ ได้คะแนนประเมิน ITA ปี 2565 เฉลี่ย 91.28 คะแนน ผลการประเมินอยู่ในระดับ A\n")
    assert _read(text) == [("มหาวิทยาลัยเชียงใหม่", 2565, 91.28, "A")]
    country = ("มหาวิทยาลัยเชียงใหม่ ได้ระดับ A ส่วนหน่วยงานทั้งประเทศ ได้คะแนนประเมิน ITA ปี 2565 เฉลี่ย "
               "88.12 คะแนน\n")
    assert _read(country) == [("มหาวิทยาลัยเชียงใหม่", 2565, None, "A")]


def test_a_grade_so_many_years_running_is_the_grade_of_the_years_before_on_the_same_scale() -> None:
    """realblind8 020 kind: "กรมX คว้าระดับ AA 3 ปีซ้อน" in a text of 2564 says 2563 and 2562 were AA too; a
    year on the old scale (before 2562) takes nothing."""
    text = f"กรมชลประทานคว้าระดับ AA 3 ปีซ้อน จาก{_ITA}ประจำปีงบประมาณ พ.ศ. 2564\n"
    assert _read(text) == [("กรมชลประทาน", 2562, None, "AA"), ("กรมชลประทาน", 2563, None, "AA"),
                           ("กรมชลประทาน", 2564, None, "AA")]
    old_scale = f"กรมชลประทานได้ระดับ A ติดต่อกัน 2 ปี จาก{_ITA}ประจำปีงบประมาณ พ.ศ. 2562\n"
    assert _read(old_scale) == [("กรมชลประทาน", 2562, None, "A")]
    words = f"กรมชลประทานได้ระดับ A เป็นปีที่สอง ติดต่อกัน ใน{_ITA}ประจำปีงบประมาณ พ.ศ. 2565\n"
    assert _read(words) == [("กรมชลประทาน", 2564, None, "A"), ("กรมชลประทาน", 2565, None, "A")]


def test_a_range_of_years_ends_at_the_texts_own_year() -> None:
    """realblind8 009 kind: "ผลคะแนน ITA ปี พ.ศ. 2562-2564 … ในปีนี้ได้ 92.10": the text's year is the
    range's end, not its start, however the range is written."""
    text = (f"กรมบังคับคดี พอใจผลคะแนน{_ITA}ปี พ.ศ. 2562-2564 ที่ดีมาโดยตลอด "
            "และในปีนี้ได้ 92.10 คะแนน\n")
    assert _read(text) == [("กรมบังคับคดี", 2564, 92.1, None)]
    assert _read(text.replace("2562-2564", "2562 – 64")) == [("กรมบังคับคดี", 2564, 92.1, None)]
