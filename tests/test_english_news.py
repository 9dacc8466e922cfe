"""English news about ITA results (ita_lib.parse.english), on made-up fixtures.

Every agency, place and number in these fixtures is invented, except the national agencies whose
English names and abbreviations are common knowledge (the linking tests). Expected values were read
off the fixture text by hand; the reasoning is written next to each one.

The reading decisions are checked on the records as the text names them (`read_printed`); what
`parse_*` returns is those records named as their Thai agency, or left out with a note
(`test_*link*`, at the end).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ita_lib.io.read import document_from_text, read_document
from ita_lib.parse import load, parse_loaded, parse_report, parse_text
from ita_lib.parse.english import read_english
from ita_lib.parse.english.reader import read_printed
from ita_lib.parse.english.text import is_english
from ita_lib.parse.scan import promote_loose_rows
from ita_lib.store.ingest import ingest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def printed(source, year=None):
    """The records as the text names them, read as `parse_document` reads an English text."""
    document = load(source)
    return read_printed(replace(document, lines=promote_loose_rows(document.lines)), year=year)[0]


def rows(records):
    return [(r.agency, r.fiscal_year, r.overall_score, r.passed) for r in records]


def test_is_english():
    assert is_english(read_document(FIXTURES / "english_news_single_fiscal.txt"))
    assert is_english(read_document(FIXTURES / "news_english.txt"))
    assert not is_english(read_document(FIXTURES / "news_thai.txt"))
    assert not is_english(read_document(FIXTURES / "itas_result_arabic.txt"))


def test_one_agency_with_a_fiscal_year():
    # "recorded a score of 93.62 ... for the 2021 fiscal year" -> 2021 + 543 = 2564.
    # Not the year: the dateline 14 March 2022, the plan "fiscal 2022" (a target sentence).
    # Not scores: 4th of 96 (rank, count), up 2.15 points (change), national average 81.25,
    # 8,310 agencies, "above 90" (target), 053-120-447 ext. 31.
    # No pass rule is printed: passed comes from the score (93.62 >= 85) and is marked derived.
    records = printed(FIXTURES / "english_news_single_fiscal.txt")
    assert rows(records) == [("Khlong Sai Hospital", 2564, 93.62, True)]
    record = records[0]
    assert record.passed_derived is True
    assert record.province == "Lamduan"  # "Khlong Sai Hospital in Lamduan province"
    assert record.grade is None
    assert record.source.kind == "prose"
    assert record.source.lines["overall_score"] == 3


def test_ranked_agencies_with_an_acronym_and_group_averages():
    # "ITA 2023" / "2023 Integrity and Transparency Assessment" -> 2566.
    # "The Rural Waterways Authority (RWA)" then "The RWA earned a score of 97.18": the acronym
    # names the same body; the NACC is the source ("announced"), not the agency scored.
    # "(96.40)", "(95.87)", "(94.09)" follow the names they belong to ("ahead of" does not move them).
    # No records for: the Ministry of Fisheries (94.02) and the Culture and Heritage Ministry (83.77)
    # (ministries are group averages), the northern cluster (90.11), the courts category (92.55),
    # 79% of agencies, "85 or higher", the national average 88.14, 8,291 agencies.
    records = printed(FIXTURES / "english_news_ranked_acronym.txt")
    assert rows(records) == [
        ("Rural Waterways Authority", 2566, 97.18, True),
        ("Office of the Coastal Survey", 2566, 96.40, True),
        ("Seed Testing Bureau", 2566, 95.87, True),
        ("Lamduan Port Authority", 2566, 94.09, True),
    ]
    assert all(r.passed_derived for r in records)  # no pass rule printed
    assert not any("Ministry" in r.agency or "cluster" in r.agency for r in records)


def test_police_and_district_office_with_a_pass_rule_and_a_shared_zero():
    # No assessed year printed ("this round") -> fiscal_year None and a year_missing warning.
    # Pass rule printed: "passes only if it scores at least 85" (95 = excellent is not the pass mark).
    #   Ban Rai Police Station 96.45 >= 85 -> passed; Nong Phai district office 82.30 < 85 -> failed.
    # "17 police stations scored zero ... These include Huai Sai and Pha Daeng in Lamduan province,
    #   and Khok Noi station in Si Mueang": each listed station scored 0 -> failed.
    # Not scores: 78%, 312 stations, average 71.06, national average 74.90, 69 / 243 stations,
    #   41,000 residents.
    records = printed(FIXTURES / "english_news_police_district.txt")
    assert rows(records) == [
        ("Ban Rai Police Station", None, 96.45, True),
        ("Nong Phai district office", None, 82.30, False),
        ("Huai Sai police station", None, 0.0, False),
        ("Pha Daeng police station", None, 0.0, False),
        ("Khok Noi police station", None, 0.0, False),
    ]
    assert not any(r.passed_derived for r in records)  # all from the printed rule
    assert all(any(w.code == "year_missing" for w in r.warnings) for r in records)
    assert [r.province for r in records] == ["Lamduan", None, "Lamduan", "Lamduan", "Si Mueang"]


def test_year_argument_fills_a_missing_year():
    records = printed(FIXTURES / "english_news_police_district.txt", year=2567)
    assert {r.fiscal_year for r in records} == {2567}


@pytest.mark.parametrize("name", ["english_news_cpi_trap.txt", "english_news_background.txt"])
def test_texts_without_an_ita_result_give_nothing(name):
    # CPI piece: Norway "a score of 84", Iceland (83), Uruguay 18th (71) are countries in another index;
    # the PACC workshop is about raising scores, not a result. Background page: weights 30/30/40,
    # "85 or above", a target of 80 percent by fiscal 2027, room and phone numbers.
    report = parse_report(FIXTURES / name)
    assert report.records == []
    assert report.notes


def test_existing_english_fixture_still_reads():
    record, = printed(FIXTURES / "news_english.txt")
    assert record.fiscal_year == 2567 and record.overall_score == 91.27


# --------------------------------------------------------------------------------------------
# Single decisions, on one-line texts
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, year", [
    ("The Lamduan Land Office scored 91.04 in the 2020 fiscal year ITA.", 2563),
    ("The Lamduan Land Office scored 91.04 in the ITA for fiscal 2020.", 2563),
    ("The Lamduan Land Office scored 91.04 in ITA 2020.", 2563),
    ("The Lamduan Land Office scored 91.04 in the 2020 Integrity and Transparency Assessment.", 2563),
    ("On 3 May 2021 the Lamduan Land Office said it scored 91.04 in the ITA.", None),
    ("The Lamduan Land Office scored 91.04 in the ITA, which began in 2013.", None),
])
def test_only_assessed_years_count(text, year):
    record, = printed(text)
    assert record.overall_score == 91.04
    assert record.fiscal_year == year


@pytest.mark.parametrize("text", [
    "State agencies scored an average of 88.40 in the ITA.",
    "Each agency needs a minimum ITA score of 85 to pass.",
    "The Lamduan Land Office aims to score at least 95 in the next ITA.",
    "The Lamduan Land Office ranked 12 of 80 land offices in the ITA.",
    "In the ITA, 86% of land offices failed, the Lamduan Land Office said.",
    "The Ministry of Lands topped the ITA ranking of ministries with a score of 93.30.",
    "Denmark is ranked 1 with a score of 90 in the ITA-like Corruption Perceptions Index.",
    "The Lamduan Land Office's ITA score was 4.20 points higher than a year earlier.",
])
def test_traps_give_no_record(text):
    assert printed(text) == []


def test_score_goes_to_the_agency_it_is_written_with():
    text = ("In ITA 2022 the Lamduan Land Office scored 92.15, while the Lamduan Revenue Office came "
            "second (90.80) and the Ministry of Lands averaged 88.00, the NACC said.")
    assert rows(printed(text)) == [("Lamduan Land Office", 2565, 92.15, True),
                                      ("Lamduan Revenue Office", 2565, 90.80, True)]


def test_printed_pass_statement_wins_over_the_score():
    # The text says it failed although 86.10 >= 85: kept as printed, and no derived flag.
    record, = printed("The Lamduan Land Office failed the ITA 2022 assessment despite scoring 86.10.")
    assert record.passed is False and record.passed_derived is False


def test_indicator_and_instrument_scores_of_one_agency():
    text = ("The Lamduan Land Office scored 90.55 in ITA 2024. It scored 88.20 for the IIT, "
            "91.00 for the EIT and 92.10 for the OIT. Open Data scored 93.75.")
    record, = printed(text)
    assert record.overall_score == 90.55
    assert [record.instruments[code] for code in ("IIT", "EIT", "OIT")] == [88.20, 91.00, 92.10]
    assert record.indicators == {"9": 93.75}


def test_reading_needs_an_ita_mention():
    assert read_printed(document_from_text("The Lamduan Land Office scored 92.15 in the award.")) == ([], {})


def test_respectively_pairs_names_and_numbers_in_order():
    text = ("In ITA 2024 the Khao Kiao Land Office, the Nong Bua Revenue Office and Pha Daeng Hospital "
            "scored 98.11, 97.40 and 96.02 respectively.")
    assert rows(printed(text)) == [("Khao Kiao Land Office", 2567, 98.11, True),
                                      ("Nong Bua Revenue Office", 2567, 97.40, True),
                                      ("Pha Daeng Hospital", 2567, 96.02, True)]


def test_lines_wrapped_mid_sentence_are_read_as_one_sentence():
    # A PDF abstract: the name and the score are on different lines; "passed the evaluation
    # criteria" is a printed pass statement; the national average 87.57 and "85 points or more" are not
    # scores; the numbered list below is not joined to the paragraph.
    text = ("Abstract\n"
            "This study reports the Integrity and Transparency Assessment (ITA) of the Lamduan Rajabhat\n"
            "University for the 2022 fiscal year. The university scored 94.17 points, above the national\n"
            "average of 87.57, and passed the evaluation criteria (85 points or more).\n"
            "1. Lamduan Land Office 97.85\n"
            "2. Khao Kiao Revenue Office 96.30\n")
    records = printed(text)
    assert rows(records) == [("Lamduan Rajabhat University", 2565, 94.17, True),
                             ("Lamduan Land Office", 2565, 97.85, True),
                             ("Khao Kiao Revenue Office", 2565, 96.30, True)]
    assert records[0].source.lines["overall_score"] == 3
    assert records[0].passed_derived is False


# --------------------------------------------------------------------------------------------
# Linking: records named as the Thai agency, or left out
# --------------------------------------------------------------------------------------------

def test_an_agency_known_by_its_abbreviation_gets_its_thai_name():
    # "Metropolitan Water Authority" is not the agency's English name; the acronym the text gives it,
    # MWA, is in data/agency_abbreviations.csv: การประปานครหลวง. The NACC is the source ("said"),
    # 88.30 an average. The place printed in Latin script is dropped (it would keep the records apart).
    text = ("The Metropolitan Water Authority (MWA) in Lamduan province scored 95.12 in ITA 2023, "
            "ahead of the national average of 88.30, the NACC said.")
    record, = parse_text(text)
    assert rows([record]) == [("การประปานครหลวง", 2566, 95.12, True)]
    assert (record.province, record.district) == (None, None)
    assert printed(text)[0].province == "Lamduan"  # as printed, before linking


def test_an_agency_known_by_its_english_name_gets_its_thai_name():
    # "Office of the Ombudsman" is in data/agency_english_names.csv (no acronym printed). The
    # Lamduan Land Office has no known Thai name: kept as printed, with a note and a warning.
    report = parse_loaded(document_from_text(
        "In ITA 2024 the Office of the Ombudsman scored 93.35, while the Lamduan Land Office came second "
        "(92.80)."))
    assert rows(report.records) == [("สำนักงานผู้ตรวจการแผ่นดิน", 2567, 93.35, True),
                                    ("Lamduan Land Office", 2567, 92.80, True)]
    assert report.notes == ["line 1: 'Lamduan Land Office' is named only in English and no Thai agency is "
                            "known by that name: a store leaves it out"]
    assert [w.code for w in report.records[1].warnings] == ["english_name_unlinked"]


def test_an_unknown_agency_is_not_stored_and_the_note_says_why(tmp_path):
    text = "The Lamduan Land Office scored 91.04 in the 2020 fiscal year ITA."
    report = parse_loaded(document_from_text(text))
    assert rows(report.records) == [("Lamduan Land Office", 2563, 91.04, True)]  # as printed
    assert report.notes == ["line 1: 'Lamduan Land Office' is named only in English and no Thai agency is known "
                            "by that name: a store leaves it out (pass --agency NAME if the text is about this "
                            "agency)"]
    source = tmp_path / "land_office.txt"
    source.write_text(text, encoding="utf-8")
    result = ingest([source], db=tmp_path / "ita.duckdb", aliases=None, workers=1)
    assert (result.records, result.agencies) == (0, 0)
    assert result.not_ita == [(str(source), report.notes[0])]


def test_agency_argument_names_the_one_agency_of_an_english_text():
    record, = parse_text("The Lamduan Land Office scored 91.04 in the 2020 fiscal year ITA.",
                         agency="สำนักงานที่ดินจังหวัดลำดวน")
    assert rows([record]) == [("สำนักงานที่ดินจังหวัดลำดวน", 2563, 91.04, True)]


def test_two_english_names_of_one_agency_with_two_scores_keep_the_first():
    # State Audit Office and Office of the Auditor General are both สำนักงานการตรวจเงินแผ่นดิน.
    report = parse_loaded(document_from_text(
        "In ITA 2024 the State Audit Office scored 95.55 and the Office of the Auditor General scored 91.20."))
    assert rows(report.records) == [("สำนักงานการตรวจเงินแผ่นดิน", 2567, 95.55, True)]
    assert report.notes == ["line 1: 'Office of the Auditor General' is สำนักงานการตรวจเงินแผ่นดิน again, with "
                            "another score (91.2 after 95.55): left out"]


def test_read_english_is_none_for_a_thai_text():
    assert read_english(read_document(FIXTURES / "news_thai.txt")) is None


def test_english_and_thai_records_of_one_agency_join_in_the_store(tmp_path):
    # The English text's PWA (data/agency_abbreviations.csv) and the Thai announcement of
    # การประปาส่วนภูมิภาค are one agency with two years.
    english = tmp_path / "english.txt"
    english.write_text("The Provincial Waterworks Authority (PWA) scored 92.37 in the 2022 fiscal year ITA, "
                       "up 1.05 points.", encoding="utf-8")
    thai = tmp_path / "thai.txt"
    thai.write_text("การประปาส่วนภูมิภาค ประกาศผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ "
                    "พ.ศ. 2566 ได้คะแนน 94.21 คะแนน", encoding="utf-8")
    result = ingest([english, thai], db=tmp_path / "ita.duckdb", aliases=None, workers=1)
    assert (result.records, result.agencies) == (2, 1)
