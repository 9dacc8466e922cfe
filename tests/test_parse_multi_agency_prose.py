"""Several agencies in one text: each value goes to the agency it is written with (issue 25, kind 2).

Fixtures tests/fixtures/prose_pao_address.txt, prose_agency_lists.txt, prose_provinces_two_years.txt
and prose_ranked_with_announcer.txt are made up (other names and numbers); every expected value was
read off them by hand. The real texts whose kind they copy are named in each test.
"""
from __future__ import annotations

from pathlib import Path

from ita_lib.io.read import document_from_text
from ita_lib.parse import parse_document, parse_report
from ita_lib.parse.detect import parse_loaded
from ita_lib.parse.mentions import ASSESSOR, PLACE, SUBJECT, find_mentions
from ita_lib.parse.owners import coordinated_list, value_owners, year_before

FIXTURES = Path(__file__).parent / "fixtures"


def summary(record):
    return (record.agency, record.fiscal_year, record.overall_score, record.grade, record.result,
            record.passed)


def test_a_provincial_administration_is_never_read_as_its_province():
    # realdocs2 025_thaireference-uttaradit-pao-2566: the score follows a project's address
    # "หมู่ที่ 7 ตำบลบ้านตุ่น อำเภอเมืองพะเยา จังหวัดพะเยา"; the province there is named in passing, so
    # 93.27 belongs to the text's own agency, องค์การบริหารส่วนจังหวัดพะเยา (its province: พะเยา).
    record, = parse_document(FIXTURES / "prose_pao_address.txt")
    assert summary(record) == ("องค์การบริหารส่วนจังหวัดพะเยา", 2566, 93.27, None, "ผ่าน", True)
    assert (record.agency_type, record.province) == ("อบจ.", "พะเยา")
    assert record.warnings == []


def test_a_place_in_an_address_is_skipped_but_a_province_as_subject_is_kept():
    text = "โครงการถนน หมู่ที่ 2 ตำบลแม่กา อำเภอเมืองพะเยา จังหวัดพะเยา ได้คะแนน 90.10"
    mentions = find_mentions(text)
    assert [(m.name, m.role) for m in mentions] == [("อำเภอเมืองพะเยา", PLACE), ("จังหวัดพะเยา", PLACE)]
    assert value_owners(text, mentions, text.index("90.10")).agencies == ()
    text = "จังหวัดพะเยา ได้คะแนน 90.10"
    mentions = find_mentions(text)
    assert [m.name for m in value_owners(text, mentions, text.index("90.10")).agencies] == ["จังหวัดพะเยา"]


def test_a_list_of_agencies_shares_its_grade_and_pairs_scores_only_in_order():
    # "อบต.ก, อบต.ข และอบต.ค ได้ระดับ AA" gives three records (issue 25's example); two scores after
    # two agencies pair only with "ตามลำดับ": 91.36 -> สันนาเม็ง, 88.74 -> เมืองเล็น. Without it
    # (หนองแหย่ง กับ หนองจ๊อม, 84.18 and 79.55) no score is given to either: no guess.
    records = parse_document(FIXTURES / "prose_agency_lists.txt")
    assert [summary(r) for r in records] == [
        ("องค์การบริหารส่วนตำบลหนองหาร", 2563, None, "AA", None, True),
        ("องค์การบริหารส่วนตำบลแม่แฝก", 2563, None, "AA", None, True),
        ("องค์การบริหารส่วนตำบลป่าไผ่", 2563, None, "AA", None, True),
        ("เทศบาลตำบลสันนาเม็ง", 2563, 91.36, None, None, True),
        ("เทศบาลตำบลเมืองเล็น", 2563, 88.74, None, None, True),
    ]
    assert all(r.agency_type in ("อบต.", "ทต.") for r in records)
    refused = [n for n in parse_report(FIXTURES / "prose_agency_lists.txt").notes if "84.18, 79.55" in n]
    assert [n.split(":")[0] for n in refused] == ["องค์การบริหารส่วนตำบลหนองแหย่ง", "องค์การบริหารส่วนตำบลหนองจ๊อม"]
    assert all("none kept" in n for n in refused)


def test_coordinated_list_needs_a_conjunction_or_a_comma():
    joined = "อบต.หนองหาร อบต.แม่แฝก และอบต.ป่าไผ่ ได้ระดับ AA"
    assert len(coordinated_list(joined, find_mentions(joined))) == 3
    apart = "อบต.หนองหาร อบต.แม่แฝก ได้ระดับ AA"
    assert [m.name for m in coordinated_list(apart, find_mentions(apart))] == ["องค์การบริหารส่วนตำบลแม่แฝก"]


def test_one_score_after_a_list_is_shared_and_two_without_order_are_refused():
    text = "อบต.หนองหาร และอบต.แม่แฝก ได้คะแนน 100.00 คะแนน"
    mentions = find_mentions(text)
    assert len(value_owners(text, mentions, text.index("100.00"), is_score=True).agencies) == 2
    text = "อบต.หนองหาร และอบต.แม่แฝก ได้คะแนน 97.10 และ 95.20 คะแนน"
    owners = value_owners(text, find_mentions(text), text.index("95.20"), is_score=True)
    assert owners.agencies == () and owners.blocked


def test_provinces_glued_to_the_word_before_and_a_year_before_the_name():
    # realdocs2 017_mgronline-provinces-2565: "ได้แก่จ.X" and "ในขณะที่จ.Y" are written without a space;
    # "ในปี 2564 จ.X ผ่านการประเมิน ได้คะแนน …" dates that clause. Before, the second province was
    # not seen and its score went to the first one (a wrong value).
    records = parse_document(FIXTURES / "prose_provinces_two_years.txt")
    assert sorted(summary(r) for r in records) == [
        ("จังหวัดตาก", 2565, 71.06, "C", None, False),
        ("จังหวัดแพร่", 2564, 91.40, "A", "ผ่าน", True),
        ("จังหวัดแพร่", 2565, 62.40, "D", "ไม่ผ่าน", False),
    ]
    text = "ทั้งที่ในปี 2564 จ.แพร่ ผ่านการประเมิน"
    assert year_before(text, find_mentions(text)[0]) == 2564


def test_abbreviations_glued_to_a_word_and_the_pao_is_not_a_province():
    names = [m.name for m in find_mentions("ได้แก่จ.แพร่ และอบต.ป่าไผ่ กับนายก อบจ.น่าน")]
    assert names == ["จังหวัดแพร่", "องค์การบริหารส่วนตำบลป่าไผ่", "องค์การบริหารส่วนจังหวัดน่าน"]
    assert find_mentions("ในระดับจ.ข้างเคียง") == []  # not a province: no mention


def test_the_announcer_ranked_among_the_agencies_gets_its_own_score():
    # realdocs2 021_nationthailand-2568-english-multi (its kind in Thai): the NACC announces the
    # results and is itself ranked third; the national average (91.40) is nobody's score.
    records = parse_document(FIXTURES / "prose_ranked_with_announcer.txt")
    assert [summary(r) for r in records] == [
        ("สำนักงานการตรวจเงินแผ่นดิน", 2567, 96.05, None, None, True),
        ("สำนักงานคณะกรรมการการเลือกตั้ง", 2567, 94.62, None, None, True),
        ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", 2567, 92.87, None, None, True),
    ]
    roles = [m.role for m in find_mentions("สำนักงาน ป.ป.ช. ประกาศผลการประเมิน")]
    assert roles == [ASSESSOR]
    roles = [m.role for m in find_mentions("และสำนักงาน ป.ป.ช. อยู่อันดับ 3 ด้วยคะแนน 92.87")]
    assert roles == [SUBJECT]


def test_the_capital_written_after_a_name_is_its_place_not_an_agency():
    # A city named in passing (issue 25, kind 2): "สำนักงานเขตดุสิต กรุงเทพมหานคร ได้คะแนน …" is the
    # district office's score; กรุงเทพมหานคร alone is an agency of its own.
    record, = parse_document(FIXTURES / "prose_capital_after_name.txt")
    assert summary(record) == ("สำนักงานเขตดุสิต", 2566, 94.48, None, "ผ่าน", True)
    assert record.province == "กรุงเทพมหานคร"
    assert [m.name for m in find_mentions("กรุงเทพมหานคร ได้ 90.10")] == ["กรุงเทพมหานคร"]


def test_a_province_named_by_its_government_building_takes_no_grade():
    # realdocs2 029_lamphuncity-2565-grade-only: "ณ … ศูนย์ราชการจังหวัดX … ในระดับ AA และระดับ A" names the
    # award's levels; the province there is where the ceremony was, so no record of the province.
    record, = parse_document(FIXTURES / "prose_building_place.txt")
    assert summary(record) == ("เทศบาลเมืองน่าน", 2564, None, "A", None, True)
    assert [w.message for w in record.warnings] == ["grade A (line 1); the text also writes AA"]
    text = "ณ ห้องประชุม ศูนย์ราชการจังหวัดน่าน ในระดับ AA"
    assert value_owners(text, find_mentions(text), text.index("ในระดับ")).agencies == ()


def test_a_province_whose_administration_is_named_without_values_gets_none():
    # The province for its provincial administration (issue 25, kind 2; realdocs2 025 is this kind):
    # a text about อบจ.น่าน writing "ของจังหวัดน่าน ได้คะแนน 94.02" may mean either; no record and a note.
    # When both are given values of their own, each keeps its own.
    report = parse_report(FIXTURES / "prose_pao_or_province.txt")
    assert report.records == []
    assert [n for n in report.notes if n.startswith("จังหวัดน่าน: its values are left out")]
    records = parse_document(FIXTURES / "prose_pao_and_province.txt")
    assert [summary(r) for r in records] == [
        ("จังหวัดน่าน", 2566, 90.66, None, None, True),
        ("องค์การบริหารส่วนจังหวัดน่าน", 2566, 95.31, None, None, True),
    ]


def test_a_local_title_glued_to_the_name_does_not_hide_it():
    names = [m.name for m in find_mentions("นายกองค์การบริหารส่วนจังหวัดน่าน และรองปลัดเทศบาลตำบลบ้านกลาง")]
    assert names == ["องค์การบริหารส่วนจังหวัดน่าน", "เทศบาลตำบลบ้านกลาง"]


def test_a_meeting_room_of_an_agency_is_a_venue_and_a_place_name_holding_a_verb_stays_whole():
    # Set D b/010 kind (made up: ร้อยเอ็ด, other numbers): the provincial administration named only as
    # the meeting room ("ณ ห้องประชุมองค์การบริหารส่วนจังหวัด…") does not make the province's own score
    # doubtful; "อบต.อาจสามารถ" (สามารถ is also a verb) is the sub-district's name, not "อบต.อาจ".
    records = parse_document(FIXTURES / "prose_province_venue_list.txt")
    assert [summary(r) for r in records] == [
        ("จังหวัดร้อยเอ็ด", 2563, 89.72, "A", None, True),
        ("เทศบาลเมืองร้อยเอ็ด", 2563, 96.43, None, None, True),
        ("องค์การบริหารส่วนตำบลอาจสามารถ", 2563, 95.80, None, None, True),
    ]
    assert records[2].district == "อาจสามารถ"
    line = "ณ ห้องประชุมองค์การบริหารส่วนจังหวัดร้อยเอ็ด ปลัดจังหวัด"
    assert [m.role for m in find_mentions(line)][0] == "venue"


def test_a_post_with_grades_in_brackets_after_scores_and_next_years_plan():
    # Set D b/012 kind (made up: ท่าม่วง, other numbers): "98.72 คะแนน (AA)" and "87.05 (A)" print the
    # grade in brackets after the score; "ให้ทันการประเมินปีงบประมาณ 2565" is next year's plan, so the
    # year is 2564 from "ปี 64" and "#ITA2564".
    records = parse_document(FIXTURES / "prose_post_grades_in_brackets.txt")
    assert [summary(r) for r in records] == [
        ("เทศบาลเมืองท่าม่วง", 2564, 98.72, "AA", None, True),
        ("องค์การบริหารส่วนตำบลวังขนาย", 2564, 91.30, "A", None, True),
        ("เทศบาลตำบลม่วงชุม", 2564, 87.05, "A", None, True),
    ]
    assert not [w for r in records for w in r.warnings]


def test_lists_paired_respectively_with_scores_and_levels():
    # Set D b/005 kind (made up: เชียงราย, other numbers). "ได้คะแนน 96.72, 93.18 และ 90.44 คะแนน
    # ตามลำดับ": the middle number, with no word of its own, is a score as its series is; the levels
    # "ผ่านดีเยี่ยม ผ่านดี และผ่าน ตามลำดับ" go one to each; "เขต 1 และเขต 3" names two offices; 1.05 is
    # the distance to the pass mark; สพฐ. only sets an aim ("กำหนดให้ทุกเขตพื้นที่ผ่านการประเมิน").
    records = parse_document(FIXTURES / "prose_respective_lists.txt")
    area = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงราย เขต "
    assert [summary(r) for r in records] == [
        (area + "2", 2567, 96.72, None, "ผ่านดีเยี่ยม", True),
        (area + "4", 2567, 93.18, None, "ผ่านดี", True),
        ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงราย", 2567, 90.44, None, "ผ่าน", True),
        (area + "1", 2567, 88.61, None, None, True),
        (area + "3", 2567, 87.09, None, None, True),
        (area + "5", 2567, 83.95, None, "ไม่ผ่าน", False),
    ]
    assert not [w for r in records for w in r.warnings]


def test_two_scores_respectively_after_one_name_read_are_nobodys():
    # Names we cannot read as two ("อบต.หนองบัว และแห่งที่สอง") with two scores "ตามลำดับ": no score is
    # given to the one name read, and the record says why.
    text = "ผลการประเมิน ITA ปี 2566 อบต.หนองบัว และแห่งที่สอง ได้ 91.20 และ 88.40 คะแนน ตามลำดับ"
    report = parse_loaded(document_from_text(text))
    assert report.records == []
    assert report.notes == ["องค์การบริหารส่วนตำบลหนองบัว: scores 91.20, 88.40 (line 1) follow agencies without "
                            "a score for each in a stated order (ตามลำดับ): none kept"]


def test_a_ranked_table_of_named_agencies_in_news():
    # Set D b/006 kind (made up: the ราชมงคล group, other numbers). A tab table "อันดับ | มหาวิทยาลัย |
    # คะแนน | ระดับ": each row whose name is one agency known without a place is a record (มทร.ธัญบุรี
    # expanded); "อบต.หนองบัว" with no province is not (there are many). The sentence below names
    # มทร.พระนคร with a rank only, and the group's average 90.36 after "9 แห่ง" is nobody's score.
    records = parse_document(FIXTURES / "ranked_table_universities.txt")
    assert [(r.agency, r.fiscal_year, r.overall_score, r.grade, r.rank) for r in records] == [
        ("มหาวิทยาลัยเทคโนโลยีราชมงคลล้านนา", 2564, 96.12, "AA", 1),
        ("มหาวิทยาลัยเทคโนโลยีราชมงคลธัญบุรี", 2564, 95.40, "AA", 2),
        ("มหาวิทยาลัยเทคโนโลยีราชมงคลอีสาน", 2564, 92.77, "A", 3),
    ]
    assert {r.source.kind for r in records} == {"multi_agency_table"}


def test_grades_of_a_count_a_bound_an_office_and_an_agency_compared_with():
    # Set D b/003 kind (made up: ลำพูน, other names and numbers). "2 แห่งได้ระดับ AA" is a count's
    # grade; "สถ.จ.ลำพูน" is the department's provincial office, not the department; "มีทั้ง อบต. และ
    # ทต." names no agency; "ระดับ A ขึ้นไป" is a bound of the scale; in "ทต.บ้านเรือน … ซึ่งเป็นคนละ
    # หน่วยงานกับ อบต.บ้านเรือน ของอำเภอป่าซาง ได้ 89.37" the score is the subject's, not the one compared.
    records = parse_document(FIXTURES / "prose_local_grades_compared.txt")
    assert [(r.agency, r.district, r.fiscal_year, r.overall_score, r.grade) for r in records] == [
        ("องค์การบริหารส่วนตำบลบ้านเรือน", None, 2564, None, "AA"),
        ("เทศบาลตำบลมะกอก", None, 2564, None, "AA"),
        ("เทศบาลตำบลบ้านเรือน", "เมืองลำพูน", 2564, 89.37, "A"),
    ]
    assert not [w for r in records for w in r.warnings]


def test_numbered_lists_under_a_groups_grade():
    # Set D b/004 kind (made up: the commerce ministry, other numbers). "หน่วยงานที่ได้ระดับ AA … ได้แก่
    # 1) กรมก 96.84 คะแนน 2) …": each named department has the group's grade; "และ 3)" is the list's next
    # item, not a score of the one before; "ผ่านเกณฑ์ 9 แห่ง" and "AA 3 แห่ง" in the headline are counts'.
    records = parse_document(FIXTURES / "prose_numbered_lists_group_grade.txt")
    assert [(r.agency, r.fiscal_year, r.overall_score, r.grade, r.result) for r in records] == [
        ("กรมทรัพย์สินทางปัญญา", 2564, 96.84, "AA", None),
        ("กรมการค้าภายใน", 2564, 95.60, "AA", None),
        ("กรมพัฒนาธุรกิจการค้า", 2564, 95.12, "AA", None),
        ("กรมการค้าต่างประเทศ", 2564, 94.30, "A", None),
        ("กรมเจรจาการค้าระหว่างประเทศ", 2564, 92.18, "A", None),
    ]
    assert not [w for r in records for w in r.warnings]
