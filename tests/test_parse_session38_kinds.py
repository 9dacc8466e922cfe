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
