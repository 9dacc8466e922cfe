"""Checks on the abbreviation table ita_lib/data/agency_abbreviations.csv."""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from ita_lib.parse.agency import agency_types, known_abbreviations

CSV = Path(__file__).resolve().parents[1] / "ita_lib" / "data" / "agency_abbreviations.csv"
HEADER = ["short", "full", "kind"]
KINDS = {"central", "independent", "university", "enterprise", "public_org", "local", "ministry", "military"}
# Thai letters and signs, plus the space, dot and brackets that official names may contain
THAI_NAME = re.compile(r"^[\u0e01-\u0e3a\u0e40-\u0e4e .()]+$")
SHORT = re.compile(r"^(?:[\u0e01-\u0e3a\u0e40-\u0e4e .]+|[A-Z]+)$")
DECOMPOSED_SARA_AM = "\u0e4d\u0e32"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    text = CSV.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0].split(",") == HEADER
    return list(csv.DictReader(lines))


def test_file_starts_with_a_comment_block():
    first = CSV.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#")


def test_loads_through_known_abbreviations(rows):
    table = known_abbreviations()
    assert len(table) == len({row["short"] for row in rows})
    assert 150 <= len(rows) <= 300
    for row in rows:
        assert table[row["short"]] == row["full"]


def test_every_row_has_three_filled_fields(rows):
    for row in rows:
        assert set(row) == set(HEADER), row
        assert all(row[col] for col in HEADER), row


def test_no_short_form_twice(rows):
    fulls: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        fulls[row["short"]].add(row["full"])
        counts[row["short"]] += 1
    assert {short: names for short, names in fulls.items() if len(names) > 1} == {}
    assert {short: n for short, n in counts.items() if n > 1} == {}


def test_no_collision_with_type_abbreviations(rows):
    type_shorts = {t.short for t in agency_types() if t.short}
    assert "อบต." in type_shorts  # the type table really loaded
    assert {row["short"] for row in rows} & type_shorts == set()


def test_kinds_are_allowed(rows):
    assert {row["kind"] for row in rows} <= KINDS
    # every kind the brief names is represented
    assert {row["kind"] for row in rows} == KINDS


def test_full_names_are_clean_nfc_thai(rows):
    for row in rows:
        full = row["full"]
        assert full == full.strip(), full
        assert "  " not in full, full
        assert unicodedata.normalize("NFC", full) == full, full
        assert DECOMPOSED_SARA_AM not in full, full
        assert THAI_NAME.match(full), full


def test_short_forms_are_clean(rows):
    for row in rows:
        short = row["short"]
        assert short == short.strip(), short
        assert unicodedata.normalize("NFC", short) == short, short
        assert DECOMPOSED_SARA_AM not in short, short
        assert SHORT.match(short), short
        assert short != row["full"], short


def test_sorted_by_kind_then_short(rows):
    keys = [(row["kind"], row["short"]) for row in rows]
    assert keys == sorted(keys)


def test_public_organisation_suffix_is_spelled_exactly(rows):
    for row in rows:
        if "องค์การมหาชน" in row["full"]:
            assert row["full"].endswith(" (องค์การมหาชน)"), row["full"]
            assert row["kind"] == "public_org", row


@pytest.mark.parametrize("short, full, kind", [
    ("สพฐ.", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "central"),
    ("กกต.", "สำนักงานคณะกรรมการการเลือกตั้ง", "independent"),
    ("ป.ป.ช.", "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", "independent"),
    ("สตง.", "สำนักงานการตรวจเงินแผ่นดิน", "independent"),
    ("ผู้ตรวจการแผ่นดิน", "สำนักงานผู้ตรวจการแผ่นดิน", "independent"),
    ("อัยการสูงสุด", "สำนักงานอัยการสูงสุด", "independent"),
    ("มฟล.", "มหาวิทยาลัยแม่ฟ้าหลวง", "university"),
    ("จุฬาฯ", "จุฬาลงกรณ์มหาวิทยาลัย", "university"),
    ("กทม.", "กรุงเทพมหานคร", "local"),
    ("ธ.ก.ส.", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", "enterprise"),
    ("ธอส.", "ธนาคารอาคารสงเคราะห์", "enterprise"),
    ("ธ.อ.ส.", "ธนาคารอาคารสงเคราะห์", "enterprise"),
    ("กฟผ.", "การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย", "enterprise"),
    ("EGAT", "การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย", "enterprise"),
    ("อพท.", "องค์การบริหารการพัฒนาพื้นที่พิเศษเพื่อการท่องเที่ยวอย่างยั่งยืน (องค์การมหาชน)", "public_org"),
    ("มท.", "กระทรวงมหาดไทย", "ministry"),
    ("อว.", "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "ministry"),
    ("ทร.", "กองทัพเรือ", "military"),
])
def test_well_known_entries(rows, short, full, kind):
    assert known_abbreviations()[short] == full
    assert [row["kind"] for row in rows if row["short"] == short] == [kind]


@pytest.mark.parametrize("short", [
    "ทช.",  # กรมทางหลวงชนบท and กรมทรัพยากรทางทะเลและชายฝั่ง
    "ทบ.",  # กองทัพบก and กรมทรัพยากรน้ำบาดาล
    "สช.",  # สำนักงานคณะกรรมการส่งเสริมการศึกษาเอกชน and สำนักงานคณะกรรมการสุขภาพแห่งชาติ
    "ก.พ.",  # also the month กุมภาพันธ์
])
def test_ambiguous_forms_are_left_out(short):
    assert short not in known_abbreviations()
