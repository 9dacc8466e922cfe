"""The agency report of each real seed document (../shared/seeds, five agencies' own texts): every
section an agency publishes, in Thai, one digit system, and no English of ours: a Latin word on
the page must be the document's own ("E-Service", "No Gift Policy") or an instrument's name.

Built from the report's sections (the notebook's cells call the same functions) so the five seeds
take seconds; tests/test_agency_report.py reads a whole built PDF back. Skips without ../shared.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from ita_lib.store.ingest import ingest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")

OURS_ALLOWED = {"ITA", "IIT", "EIT", "OIT"}  # the NACC's own names for the assessment and instruments
ITEM_CODE = re.compile(r"[OoEeIi][0-9๐-๙]{1,2}")  # the NACC's item numbers (O13, e๓), in either digit system
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9๐-๙-]*")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> tuple[Path, list[Path]]:
    db = tmp_path_factory.mktemp("seeds") / "ita.duckdb"
    files = sorted(SEEDS.glob("*.txt"))
    assert not ingest(files, db=db, aliases=None, workers=1).failed
    return db, files


def agency_page(db: Path, name: str) -> tuple[str, object]:
    from ita_lib.analysis import prepare_analysis
    from ita_lib.report import sections as report
    from ita_lib.report.page import to_html

    a = prepare_analysis(name, db=db)
    sections = (report.title_block(a), report.headline(a), report.instrument_scores(a), report.indicator_table(a),
                report.item_findings(a), report.comparison(a), report.strengths_weaknesses(a),
                report.own_analysis(a), report.priorities(a), report.recommendations(a), report.plan(a, "agency"),
                report.sign_off(a, {}, "agency"), report.peers(a, "agency"), report.appendix(a, "agency"))
    page = html.unescape(" ".join(re.sub(r"<[^>]+>", " ", to_html(part)) for part in sections if part))
    return " ".join(page.split()), a


def names_in(files: list[Path]) -> list[str]:
    from ita_lib.parse import parse_document

    return sorted({r.agency for f in files for r in parse_document(f) if r.agency})


def test_every_seed_agency_report_has_the_published_sections_in_thai(seeds) -> None:
    db, files = seeds
    source_words = {w.lower() for f in files for w in LATIN_WORD.findall(f.read_text(encoding="utf-8"))}
    names = names_in(files)
    assert len(names) == 5
    for name in names:
        page, a = agency_page(db, name)
        year, plan_year = a.latest_year, a.latest_year + 1
        thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
        assert f"ประจำปีงบประมาณ {year}".translate(thai) in page, name  # the assessed year
        assert f"มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ {plan_year}".translate(thai) in page, name
        for heading in ("อำเภอ", "จังหวัด", "คะแนนรายตัวชี้วัด", "จุดแข็ง", "จุดอ่อน",
                        "ติดตามผลการดำเนินการ ๒ รอบ", "การรับรองรายงาน", "ผู้รายงาน", "ผู้รับรอง", "ผู้เห็นชอบ"):
            assert heading in page, (name, heading)
        # the NACC's recommendations where the documents give them; no section saying there are none
        assert ("ข้อเสนอแนะจากผลการประเมินของสำนักงาน ป.ป.ช." in page) == (not a.recommendations.empty), name
        assert re.findall(r"[0-9]", " ".join(w for w in page.split() if not LATIN_WORD.search(w))) == [], name
        ours = {w for w in LATIN_WORD.findall(page) if w.lower() not in source_words and w not in OURS_ALLOWED
                and not ITEM_CODE.fullmatch(w)}
        assert ours == set(), (name, ours)
        for internal in ("ภาคผนวก", "ita-report", "SHA", ".txt", "nan", "None"):
            assert internal not in page, (name, internal)


def test_the_seed_with_an_analysis_by_topic_keeps_it_and_its_limitations(seeds) -> None:
    db, files = seeds
    page, _ = agency_page(db, "องค์การบริหารส่วนตำบลบึงนคร")
    assert "ข้อจำกัดของหน่วยงาน" in page
    assert "๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ เมื่อพิจารณาจากผลคะแนน" in page
