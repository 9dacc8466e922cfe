"""Issue 25: kinds the real-page blind sets showed in session 38, each with a text of our own (other
names and numbers)."""
from __future__ import annotations

from ita_lib.parse import parse_text

_ITA = "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "


def _read(text: str) -> list[tuple]:
    return sorted((r.agency, r.fiscal_year, r.overall_score, r.grade) for r in parse_text(text))


def test_last_years_score_in_a_clause_after_the_comparison_is_last_years() -> None:
    """realblind7 002 / 021, realblind9 004 kind: news compares this year's score with last year's and
    then says what last year's was, in a relative clause ("สูงกว่าปีที่ผ่านมา ซึ่งในปี พ.ศ. 2563 ได้คะแนนเฉลี่ย"),
    with the year in brackets ("(ปี 63) ได้คะแนน") or as "ผลการประเมินปีที่ผ่านซึ่งมีคะแนนเท่ากับ"."""
    mean = (f"กรมป่าไม้ เปิดเผย{_ITA}ประจำปีงบประมาณ พ.ศ. 2565 โดยกรมป่าไม้ ได้คะแนนเฉลี่ย 90.12 คะแนน "
            "สูงกว่าปีที่ผ่านมา ซึ่งในปี พ.ศ. 2564 ได้คะแนนเฉลี่ย 86.31 คะแนน")
    assert _read(mean) == [("กรมป่าไม้", 2564, 86.31, None), ("กรมป่าไม้", 2565, 90.12, None)]
    bracketed = (f"การเคหะแห่งชาติ ได้รับ{_ITA}ประจำปี 2565 ได้ 94.20 คะแนน ระดับ A\n"
                 "ทั้งนี้การที่ กคช. ได้คะแนนสูงกว่าปีที่ผ่านมา (ปี 64) ได้คะแนน 81.65 ซึ่งสูงกว่า 12.55 คะแนน\n")
    assert _read(bracketed) == [("การเคหะแห่งชาติ", 2564, 81.65, None), ("การเคหะแห่งชาติ", 2565, 94.2, "A")]
    relative = (f"จังหวัดนนทบุรี ได้รับ{_ITA}ประจำปีงบประมาณ พ.ศ. 2564 ในระดับ A โดยได้ 90.76 คะแนน "
                "สูงกว่าผลการประเมินปีที่ผ่านซึ่งมีคะแนนเท่ากับ 87.30 คะแนน")
    assert _read(relative) == [("จังหวัดนนทบุรี", 2563, 87.3, None), ("จังหวัดนนทบุรี", 2564, 90.76, "A")]


def test_a_comparison_with_last_year_followed_by_what_this_year_got_is_this_years() -> None:
    """realblind7 013 kind: "ดีขึ้นกว่าปีที่ผ่านมา โดยผ่านเกณฑ์การประเมินที่คะแนน 91.57": the clause after โดย
    says what the year compared got, not last year and not the size of a change."""
    passed = (f"ในปี 2567 นี้ กรมชลประทาน ได้รับ{_ITA}คะแนนดีขึ้นกว่าปีที่ผ่านมา โดยผ่านเกณฑ์การประเมินที่คะแนน "
              "93.18 ก้าวขึ้นจากอันดับที่ 9 ในปีที่แล้ว")
    assert _read(passed) == [("กรมชลประทาน", 2567, 93.18, None)]
    better = f"กรมทางหลวงชนบท {_ITA}ปี 2565 ดีขึ้นกว่าปีที่แล้ว โดยได้คะแนน 92.40 คะแนน"
    assert _read(better) == [("กรมทางหลวงชนบท", 2565, 92.4, None)]
    # the size of the change after โดย stays a change
    change = f"กรมทางหลวงชนบท {_ITA}ปี 2565 ได้ 92.40 คะแนน ดีขึ้นกว่าปีที่แล้ว โดยเพิ่มขึ้น 3.15 คะแนน"
    assert _read(change) == [("กรมทางหลวงชนบท", 2565, 92.4, None)]


def test_a_groups_mean_dated_by_a_year_stays_a_groups() -> None:
    """The dated mean is an agency's only with that agency the nearest name before it: a country's or a
    province's mean in the same shape is no agency's score."""
    text = (f"กรมป่าไม้ ได้คะแนน 90.12 คะแนน ใน{_ITA}ปี 2565 ส่วนหน่วยงานทั้งประเทศในปี พ.ศ. 2564 "
            "ได้คะแนนเฉลี่ย 78.31 คะแนน")
    assert _read(text) == [("กรมป่าไม้", 2565, 90.12, None)]


def test_a_quoted_level_heading_a_list_is_each_members() -> None:
    """realblind8 001 kind: "หน่วยงานที่มีผลการประเมิน “ผ่านดีเยี่ยม” แบ่งเป็นกลุ่ม … ได้แก่ ก ได้ 99.31 คะแนน ข
    99.21 คะแนน …": the level heads the list and is every member's, up to the next quoted level."""
    text = ("สำนักงาน ป.ป.ช. ประกาศผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ "
            "พ.ศ. 2568 หน่วยงานที่มีผลการประเมิน “ผ่านดีเยี่ยม” กลุ่มกรมหรือเทียบเท่า ได้แก่ กรมธนารักษ์ได้ 99.41 คะแนน "
            "กรมศุลกากร 99.22 คะแนน และกรมสรรพสามิตได้ 98.37 คะแนน ส่วนที่มีผลการประเมิน “ผ่าน” ได้แก่ "
            "กรมสรรพากร 90.12 คะแนน")
    assert sorted((r.agency, r.overall_score, r.result) for r in parse_text(text)) == [
        ("กรมธนารักษ์", 99.41, "ผ่านดีเยี่ยม"), ("กรมศุลกากร", 99.22, "ผ่านดีเยี่ยม"),
        ("กรมสรรพสามิต", 98.37, "ผ่านดีเยี่ยม"), ("กรมสรรพากร", 90.12, "ผ่าน")]


def test_an_agencys_own_mean_written_out_with_its_ministry_between() -> None:
    """realblind7 028 kind: "กรมX (ย่อ) กระทรวงY ได้คะแนนการประเมินอยู่ที่ค่าเฉลี่ย 85.39 คะแนน": the mean is the
    department's own score; the ministry written right after its name is its parent, not a group."""
    text = (f"สำนักงาน ป.ป.ช. ได้ประกาศ{_ITA}ประจำปีงบประมาณ พ.ศ. 2566 โดยกรมทรัพยากรธรณี (ทธ.) "
            "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม ได้คะแนนการประเมินอยู่ที่ค่าเฉลี่ย 88.12 คะแนน ซึ่งอยู่ในระดับผ่าน")
    assert _read(text) == [("กรมทรัพยากรธรณี", 2566, 88.12, None)]
    # the ministry's own mean stays the ministry's
    ministry = (f"{_ITA}ประจำปีงบประมาณ พ.ศ. 2566 กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม ได้คะแนนการประเมินอยู่ที่"
                "ค่าเฉลี่ย 90.50 คะแนน")
    assert [(r.agency, r.level, r.overall_score) for r in parse_text(ministry)] == [
        ("กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", "ministry_average", 90.5)]


def test_a_score_written_as_a_percentage_after_its_verb() -> None:
    """realblind8 021 kind: "ได้คะแนนอยู่ที่ร้อยละ 89.62" is the score ("ร้อยละ" after อยู่ที่ as well as before)."""
    text = (f"กรมควบคุมโรค ได้รับ{_ITA}ประจำปีงบประมาณ พ.ศ. 2565 ซึ่งกรมควบคุมโรคได้คะแนนอยู่ที่ร้อยละ 91.47 "
            "อยู่ในอันดับที่ 22 ของหน่วยงานระดับกรม")
    assert _read(text) == [("กรมควบคุมโรค", 2565, 91.47, None)]


def test_a_row_of_grades_with_no_respectively_is_read_at_once() -> None:
    """realblind11 004 kind: a PDF's table row "ระดับ AA AA … A A" with no ตามลำดับ after it. The
    series reader once tried every way of cutting "AA" into "A A" and never ended; it must finish
    well inside the document time limit."""
    from ita_lib.parse.limits import DOCUMENT_TIME_LIMIT, time_limit

    grades = "  ".join(["AA"] * 14 + ["A"] * 14)
    text = f"{_ITA}ประจำปีงบประมาณ พ.ศ. 2564 ของหน่วยงานในจังหวัดพิจิตร\n ระดับ      {grades}\n"
    with time_limit(DOCUMENT_TIME_LIMIT):
        parse_text(text)


def test_a_ministrys_mean_of_its_departments_is_its_figure() -> None:
    """realblind10 021 kind: "กระทรวงแรงงานได้คะแนนเฉลี่ยรวมจากทุกกรม 93.69 จากคะแนนเต็ม 100 คะแนน": the ministry's
    mean of its departments, as a ministry_average record, though no "คะแนน" follows the number."""
    text = (f"{_ITA}ประจำปีงบประมาณ พ.ศ.2567 โดยในปีนี้ กระทรวงพลังงานได้คะแนนเฉลี่ยรวมจากทุกกรม 91.27 "
            "จากคะแนนเต็ม 100 คะแนน อยู่อันดับที่ 5 ของประเทศ")
    assert [(r.agency, r.level, r.fiscal_year, r.overall_score, r.passed) for r in parse_text(text)] == [
        ("กระทรวงพลังงาน", "ministry_average", 2567, 91.27, None)]


def test_an_old_schemes_level_of_the_ita_with_no_year_says_its_era() -> None:
    """realblind10 026 kind: "ได้รับการประเมินคุณธรรมและความโปร่งใสระดับสูงมากด้วยค่าคะแนนร้อยละ 88.22" with no
    year printed: สูงมาก is the old scheme's level (kept, a word may follow it unspaced), so no pass
    is derived from the score and no mismatch is claimed. "ระดับสูงสุด" is no level, nor is a senior rank
    ("ผู้บริหารระดับสูง") with no ITA name before it once the year is unknown."""
    text = ("กรมอนามัย ได้รับการประเมินคุณธรรมและความโปร่งใสระดับสูงมากด้วยค่าคะแนนร้อยละ 87.14 เป็นอันดับ 5 "
            "ของประเทศ")
    [record] = parse_text(text)
    assert (record.agency, record.fiscal_year, record.overall_score, record.result, record.passed) == (
        "กรมอนามัย", None, 87.14, "สูงมาก", None)
    assert "result_score_mismatch" not in [w.code for w in record.warnings]
    senior = ("กรมอนามัย ได้คะแนน 87.14 คะแนน จากการประเมินคุณธรรมและความโปร่งใส (ITA) "
              "โดยผู้บริหารระดับสูง และให้ความสำคัญในระดับสูงสุด")
    [record] = parse_text(senior)
    assert (record.overall_score, record.result, record.passed) == (87.14, None, True)


def test_two_indicators_named_together_share_the_score_after_them() -> None:
    """realblind9 015 and realblind8 010 kind: "ตัวชี้วัดด้านการเปิดเผยข้อมูล และการป้องกันการทุจริตที่ กนอ.ได้รับ
    คะแนน 100 คะแนนเต็ม", "มีผลคะแนนการเปิดเผยข้อมูลและการป้องกันการทุจริต ร้อยละ 100": both indicators got it,
    with the agency in a relative clause between the names and the number, and never the overall."""
    relative = (f"การไฟฟ้านครหลวง ได้รับ{_ITA}ประจำปี 2565 อยู่ที่ 93.40 คะแนน โดยเฉพาะตัวชี้วัดด้านการเปิดเผย"
                "ข้อมูล และการป้องกันการทุจริตที่ การไฟฟ้านครหลวงได้รับคะแนน 100 คะแนนเต็ม")
    [record] = parse_text(relative)
    assert (record.overall_score, record.indicators) == (93.4, {"9": 100.0, "10": 100.0})
    percent = (f"กรมอุตุนิยมวิทยา ได้รับ{_ITA}ประจำปี 2563 เป็นลำดับที่ 7 จาก 144 หน่วยงานระดับกรม "
               "มีผลคะแนนการเปิดเผยข้อมูลและการป้องกันการทุจริต ร้อยละ 100")
    [record] = parse_text(percent)
    assert (record.fiscal_year, record.overall_score, record.indicators) == (2563, None, {"9": 100.0, "10": 100.0})


def test_the_named_members_of_a_failing_class_each_failed() -> None:
    """realblind8 015 kind: "มีหน่วยงานสอบตกเกือบ 30 เปอร์เซ็นต์ ในจำนวนนั้น มี สมช. สำนักงานตำรวจแห่งชาติ และ ปภ.
    รวมอยู่ด้วย": each named member failed; the members end where the list does, a kind of agency named
    there is no agency, and a class that passed gives no level (a 2566+ pass may be any of three)."""
    text = (f"ป.ป.ช. เปิด{_ITA}ประจำปี 2565 มีหน่วยงานไม่ผ่านการประเมินเกือบ 25 เปอร์เซ็นต์ ในจำนวนนี้มี "
            "สศช. กรมศิลปากร และ กรมเจ้าท่า รวมอยู่ด้วย และหน่วยงานที่ได้คะแนนสูงสุดคือกรมบัญชีกลาง")
    assert sorted((r.agency, r.result, r.passed) for r in parse_text(text)) == [
        ("กรมศิลปากร", "ไม่ผ่าน", False), ("กรมเจ้าท่า", "ไม่ผ่าน", False),
        ("สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ", "ไม่ผ่าน", False)]
    listed = f"{_ITA}ประจำปี 2564 หน่วยงานที่ไม่ผ่านเกณฑ์ ได้แก่ กรมการค้าภายใน กรมประมง และกรมปศุสัตว์"
    assert sorted((r.agency, r.result) for r in parse_text(listed)) == [
        ("กรมการค้าภายใน", "ไม่ผ่าน"), ("กรมประมง", "ไม่ผ่าน"), ("กรมปศุสัตว์", "ไม่ผ่าน")]
    passed = f"{_ITA}ประจำปี 2567 หน่วยงานที่ผ่านเกณฑ์ ได้แก่ กรมการค้าภายใน กรมประมง และกรมปศุสัตว์"
    assert [r.result for r in parse_text(passed)] == []
