"""English news about ITA results (ita_lib.parse.english), on made-up fixtures.

Every agency, place and number in these fixtures is invented. Expected values were read off the
fixture text by hand; the reasoning is written next to each one.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.io.read import read_document
from ita_lib.parse import parse_document, parse_report, parse_text
from ita_lib.parse.english import is_english, parse_english

FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
    records = parse_document(FIXTURES / "english_news_single_fiscal.txt")
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
    records = parse_document(FIXTURES / "english_news_ranked_acronym.txt")
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
    records = parse_document(FIXTURES / "english_news_police_district.txt")
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
    records = parse_document(FIXTURES / "english_news_police_district.txt", year=2567)
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
    record, = parse_document(FIXTURES / "news_english.txt")
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
    record, = parse_text(text)
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
    assert parse_text(text) == []


def test_score_goes_to_the_agency_it_is_written_with():
    text = ("In ITA 2022 the Lamduan Land Office scored 92.15, while the Lamduan Revenue Office came "
            "second (90.80) and the Ministry of Lands averaged 88.00, the NACC said.")
    assert rows(parse_text(text)) == [("Lamduan Land Office", 2565, 92.15, True),
                                      ("Lamduan Revenue Office", 2565, 90.80, True)]


def test_printed_pass_statement_wins_over_the_score():
    # The text says it failed although 86.10 >= 85: kept as printed, and no derived flag.
    record, = parse_text("The Lamduan Land Office failed the ITA 2022 assessment despite scoring 86.10.")
    assert record.passed is False and record.passed_derived is False


def test_indicator_and_instrument_scores_of_one_agency():
    text = ("The Lamduan Land Office scored 90.55 in ITA 2024. It scored 88.20 for the IIT, "
            "91.00 for the EIT and 92.10 for the OIT. Open Data scored 93.75.")
    record, = parse_text(text)
    assert record.overall_score == 90.55
    assert [record.instruments[code] for code in ("IIT", "EIT", "OIT")] == [88.20, 91.00, 92.10]
    assert record.indicators == {"9": 93.75}


def test_parse_english_directly_needs_an_ita_mention():
    from ita_lib.io.read import document_from_text

    assert parse_english(document_from_text("The Lamduan Land Office scored 92.15 in the award.")) == []


def test_respectively_pairs_names_and_numbers_in_order():
    text = ("In ITA 2024 the Khao Kiao Land Office, the Nong Bua Revenue Office and Pha Daeng Hospital "
            "scored 98.11, 97.40 and 96.02 respectively.")
    assert rows(parse_text(text)) == [("Khao Kiao Land Office", 2567, 98.11, True),
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
    records = parse_text(text)
    assert rows(records) == [("Lamduan Rajabhat University", 2565, 94.17, True),
                             ("Lamduan Land Office", 2565, 97.85, True),
                             ("Khao Kiao Revenue Office", 2565, 96.30, True)]
    assert records[0].source.lines["overall_score"] == 3
    assert records[0].passed_derived is False
