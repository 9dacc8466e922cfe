"""Issue 25: kinds the real-page blind sets showed in session 40, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.grade, r.passed) for r in parse_text(text))


def test_agencies_joined_by_dashes_share_the_result_after_them() -> None:
    """realblind9 023 kind: a headline joins agencies with dashes ("อัยการ - ตำรวจ - สำนักพุทธฯสอบตก"); each
    failed, not only the last one named. Spaced or not, and a grade the same way."""
    failed = "ผลประเมิน ITA ปี 64 กรมทางหลวงชนบท - กรมเจ้าท่า - กรมการขนส่งทางบก สอบตก\n"
    assert _read(failed) == [("กรมการขนส่งทางบก", 2564, None, False), ("กรมทางหลวงชนบท", 2564, None, False),
                             ("กรมเจ้าท่า", 2564, None, False)]
    graded = "ผลการประเมิน ITA ประจำปี 2563 กรมอุตุนิยมวิทยา–กรมประชาสัมพันธ์ ได้ระดับ AA\n"
    assert _read(graded) == [("กรมประชาสัมพันธ์", 2563, "AA", True), ("กรมอุตุนิยมวิทยา", 2563, "AA", True)]
    # a dash before a number joins nothing: the score stays the one agency's
    scored = "ผลการประเมิน ITA ประจำปี 2563 กรมอุตุนิยมวิทยา - 91.35 คะแนน\n"
    assert [(r.agency, r.overall_score) for r in parse_text(scored)] == [("กรมอุตุนิยมวิทยา", 91.35)]


def test_a_bare_district_of_the_capital_that_grabs_a_score_is_its_district_office() -> None:
    """realblind7 023 kind: "ภาษีเจริญ คว้า 98.60 คะแนน" in a text about Bangkok's district offices. A
    district of the capital has one agency, its district office; a bare district elsewhere stays nobody's,
    and so does a capital district in a text that does not name the capital."""
    text = ("ลาดกระบัง คว้า 96.12 คะแนน อันดับ 1 ITA ปี 2566\n"
            "ผู้ว่าราชการกรุงเทพมหานคร มอบรางวัลผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
            "(ITA) ประจำปีงบประมาณ พ.ศ. 2566 แก่สำนักงานเขต\n")
    assert [(r.agency, r.fiscal_year, r.overall_score) for r in parse_text(text)] == [
        ("สำนักงานเขตลาดกระบัง", 2566, 96.12)]
    assert parse_text(text.replace("ลาดกระบัง", "แม่สาย")) == []
    assert parse_text(text.replace("ผู้ว่าราชการกรุงเทพมหานคร", "ผู้ว่าราชการจังหวัด")) == []


def test_a_year_the_text_narrates_as_past_loses_a_tie_with_the_assessed_one() -> None:
    """realblind7 027 kind: "ที่ผ่านมาเมื่อปี 2556 TDRI ได้จัดอันดับ…" then "ในปี 2557 สำนักงาน ป.ป.ช. ได้ประเมิน…
    (ITA) … อยู่ในระดับสูงมาก": both years are weighed alike; "เมื่อปี" tells a past the text looks back on,
    so the level is the other year's."""
    text = ("การไฟฟ้าส่วนภูมิภาค โปร่งใสอันดับต้น\n"
            "ผู้ว่าการ กฟภ. กล่าวว่า ที่ผ่านมาเมื่อปี 2558 สถาบันแห่งหนึ่งได้จัดอันดับความโปร่งใสของเว็บไซต์รัฐวิสาหกิจ "
            "ซึ่ง กฟภ. อยู่ในกลุ่มที่ดีมาก และในปี 2559 สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (ป.ป.ช.) "
            "ได้ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) และจัดให้ กฟภ.มีผลการประเมิน"
            "อยู่ในระดับสูงมาก\n")
    assert [(r.agency, r.fiscal_year, r.result) for r in parse_text(text)] == [
        ("การไฟฟ้าส่วนภูมิภาค", 2559, "สูงมาก")]


def test_a_name_ends_where_the_sentence_goes_on() -> None:
    """realblind4 009 kind: "คดียิงกันศาลจันทบุรีแล้ว", "ย้ำศาลมุ่งพัฒนาคุณภาพ": แล้ว and มุ่ง go on with the
    sentence; they are no part of a name, and a type word left alone names nobody."""
    text = ("ผลการประเมิน ITA ประจำปี 2566 หลังการตรวจศาลจังหวัดลำพูนแล้ว ได้ 93.45 คะแนน\n"
            "ขณะที่ศาลมุ่งพัฒนาการให้บริการ ขึ้นแท่นครองแชมป์\n")
    assert [(r.agency, r.overall_score) for r in parse_text(text)] == [("ศาลจังหวัดลำพูน", 93.45)]


def test_a_pass_or_fail_stated_before_the_itas_years_is_kept() -> None:
    """realblind5 002 kind: "76 อบจ.ทั่วประเทศ 5 จว.สอบตก" for 2561. The old schemes have no pass mark to
    derive a pass from, but a text that states one ("สอบตก", "ผ่านการประเมิน") is read as stated; an old
    level word says nothing of a pass."""
    failed = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2560 กรมศิลปากร สอบตก\n"
    assert [(r.agency, r.fiscal_year, r.result, r.passed) for r in parse_text(failed)] == [
        ("กรมศิลปากร", 2560, "ไม่ผ่าน", False)]
    level = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2559 กรมศิลปากร ได้ระดับสูงมาก\n"
    assert [(r.agency, r.fiscal_year, r.result, r.passed) for r in parse_text(level)] == [
        ("กรมศิลปากร", 2559, "สูงมาก", None)]


def test_a_laws_year_is_never_the_assessed_year() -> None:
    """realblind9 022 kind: "ตามพระราชบัญญัติป้องกันและปราบปรามทุจริตแห่งชาติ พ.ศ.2560" is the only year a text
    prints: it names the law, so the result has no year rather than the law's."""
    text = ("ตามพระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561 หน่วยงานของรัฐต้องเข้ารับ"
            "การประเมินคุณธรรมและความโปร่งใส (ITA) ซึ่งกรมเจ้าท่าได้ 92.40 คะแนน\n")
    assert [(r.agency, r.fiscal_year, r.overall_score) for r in parse_text(text)] == [("กรมเจ้าท่า", None, 92.4)]
    dated = text.replace("ซึ่งกรมเจ้าท่าได้", "ประจำปีงบประมาณ พ.ศ. 2566 ซึ่งกรมเจ้าท่าได้")
    assert [(r.agency, r.fiscal_year, r.overall_score) for r in parse_text(dated)] == [("กรมเจ้าท่า", 2566, 92.4)]
