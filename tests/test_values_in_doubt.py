"""A score printed twice with different values, in one document (a table and its own action plan)
or by two documents: listed by `conflicts`, chosen the same way every time, and shown to the
reader with both values where the score is shown."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ita_lib.cli import exit_codes
from ita_lib.cli.main import main
from ita_lib.store.ingest import ingest
from ita_lib.model import Assessment, Source
from ita_lib.analysis import prepare_analysis
from ita_lib.report.page import to_html
from ita_lib.report.sections import headline, indicator_table, strengths_weaknesses
from ita_lib.store.db import Store

FIXTURES = Path(__file__).parent / "fixtures"
STATUS_DOC = FIXTURES / "agency_analysis_status.txt"  # indicator 3: 95.50 and 92.75; 7: 86.40 and 83.90


def plain(part) -> str:
    """A section's text as the page shows it."""
    return " ".join(re.sub(r"<[^>]+>", " ", to_html(part)).split())


@pytest.fixture(scope="module")
def status_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("doubt") / "ita.duckdb"
    assert not ingest([STATUS_DOC], db=db, aliases=None, workers=1).failed
    return db


@pytest.fixture(scope="module")
def status_analysis(status_db):
    with Store(status_db, read_only=True) as store:
        name = store.agencies()["name"].iloc[0]
    return prepare_analysis(name, db=status_db)


def test_conflicts_lists_a_document_that_disagrees_with_itself(status_db, capsys) -> None:
    assert main(["conflicts", "--db", str(status_db), "--format", "csv"]) == exit_codes.OK
    rows = [line.split(",") for line in capsys.readouterr().out.strip().splitlines()[1:]]
    by_field = {}
    for row in rows:
        by_field.setdefault(row[3], set()).add((row[4], row[7]))
    assert by_field == {
        "indicator:3": {("95.50", "agency_analysis"), ("92.75", "agency_analysis (same document)")},
        "indicator:7": {("86.40", "agency_analysis"), ("83.90", "agency_analysis (same document)")},
    }


def test_the_first_printed_value_is_used_and_both_are_shown(status_analysis) -> None:
    a = status_analysis
    latest = a.scores[a.scores["fiscal_year"] == a.latest_year].set_index("field")["score"]
    assert (latest["indicator:3"], latest["indicator:7"]) == (95.5, 86.4)
    table = plain(indicator_table(a))
    assert "๙๕.๕๐ †" in table and "๘๖.๔๐ †" in table and "๘๘.๘๐ †" not in table
    assert ("† ตัวชี้วัดที่ ๓ การใช้อำนาจ: เอกสารฉบับเดียวกันระบุคะแนนไว้ ๒ ค่า คือ ๙๕.๕๐ (จุดแข็ง) และ "
            "๙๒.๗๕ (ผ่านเกณฑ์) รายงานนี้ใช้ ๙๕.๕๐ ซึ่งพิมพ์ไว้ก่อนในเอกสาร") in table
    assert "๘๖.๔๐ (ผ่านเกณฑ์) และ ๘๓.๙๐ (จุดอ่อน)" in table
    assert "๙๒.๗๕ (ผ่านเกณฑ์)" in plain(strengths_weaknesses(a))


def test_sources_that_disagree_are_marked_too(tmp_path, write_records) -> None:
    indicators = {str(n): 90.0 for n in range(1, 11)}
    records = [Assessment(agency="องค์การบริหารส่วนตำบลดอนมะนาว", agency_type="อบต.", province="สุพรรณบุรี",
                          fiscal_year=2567, overall_score=90.0, indicators={**indicators, "9": value},
                          source=Source(path=f"{kind}.txt", sha256=kind[0] * 64, kind=kind))
               for kind, value in (("itas_result", 96.0), ("agency_analysis", 84.5))]
    db = tmp_path / "ita.duckdb"
    write_records(db, records)
    a = prepare_analysis("องค์การบริหารส่วนตำบลดอนมะนาว", db=db)
    assert a.indicators.set_index("field").loc["indicator:9", "score"] == 96.0  # the ITAS page wins
    table = plain(indicator_table(a))
    assert ("แหล่งข้อมูลระบุคะแนนไว้ ๒ ค่า คือ ๙๖.๐๐ (จุดแข็ง) และ ๘๔.๕๐ (จุดอ่อน) รายงานนี้ใช้ ๙๖.๐๐ "
            "จากเอกสารประเภทที่น่าเชื่อถือที่สุด") in table


def test_a_computed_overall_is_marked_where_it_is_shown(tmp_path, write_records) -> None:
    record = Assessment(agency="องค์การบริหารส่วนตำบลหนองหญ้าไซ", agency_type="อบต.", province="สุพรรณบุรี",
                        fiscal_year=2567, indicators={str(n): 92.0 for n in range(1, 11)},
                        source=Source(path="a.txt", sha256="c" * 64, kind="agency_analysis"))
    db = tmp_path / "ita.duckdb"
    write_records(db, [record])
    text = plain(headline(prepare_analysis("องค์การบริหารส่วนตำบลหนองหญ้าไซ", db=db)))
    assert "คะแนนรวม ITA ปี ๒๕๖๗ (คำนวณ) ๙๒.๐๐" in text
    assert "ผ่านเกณฑ์ (คำนวณ)" in text
    assert "ไม่ใช่คะแนนที่ประกาศอย่างเป็นทางการ" in text


def test_a_store_from_before_second_values_still_reads(status_db, tmp_path) -> None:
    import duckdb

    old = tmp_path / "old.duckdb"
    old.write_bytes(status_db.read_bytes())
    with duckdb.connect(str(old)) as con:
        con.execute("DELETE FROM facts WHERE secondary")
        con.execute("ALTER TABLE facts DROP COLUMN secondary")
    with Store(old, read_only=True) as store:
        assert store.conflicts().empty
        assert "secondary" in store.facts().columns
    with Store(old) as store:  # opened for writing (ingest): the column comes back
        assert "secondary" in store.table("facts").columns


def test_the_agencys_own_analysis_is_kept_weakest_first_and_marked(status_analysis) -> None:
    from ita_lib.report.sections import own_analysis

    text = plain(own_analysis(status_analysis))
    assert text.startswith("ผลการวิเคราะห์ของหน่วยงาน ปีงบประมาณ ๒๕๖๘ ตัวชี้วัด คะแนน ระดับ ผลการวิเคราะห์ของหน่วยงาน "
                           "๑๐. การป้องกันการทุจริต ๘๐.๐๐ จุดอ่อน")
    assert "๓. การใช้อำนาจ ๙๕.๕๐ † จุดแข็ง" in text
