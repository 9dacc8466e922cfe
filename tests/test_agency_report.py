"""The report an agency publishes (audience "agency") and the analyst's (audience "analyst"), built
through the real notebook from a made-up agency analysis in the format of a real one, and read back
from the PDF: Thai only in one digit system, the assessed and plan years, the scores as printed,
values in doubt marked, measures with follow-up, the sign-off; the analyst's adds the appendix."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ita_lib.store.ingest import ingest
from ita_lib.report.page import to_html

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")

FIXTURE = Path(__file__).parent / "fixtures" / "agency_analysis_status.txt"
AGENCY = "เทศบาลตำบลโคกม่วงงาม"  # ภูเวียง, ขอนแก่น; 2568: 88.40, IIT 97.50, EIT 98.20 / 90.60, OIT 81.25
SIGNOFF = {"reporter": {"name": "นางสาวพิมพ์ชนก แสงทอง", "position": "นักวิเคราะห์นโยบายและแผน"},
           "approver": {"name": "นายวีระพงษ์ มั่นคง", "position": "นายกเทศมนตรีตำบลโคกม่วงงาม"}}


def build_text(tmp_path_factory, audience: str) -> str:
    from ita_lib.report.render import build

    folder = tmp_path_factory.mktemp(audience)
    db = folder / "ita.duckdb"
    assert not ingest([FIXTURE], db=db, aliases=None, workers=1).failed
    result = build({"agency": AGENCY, "db": str(db), "output_dir": str(folder / "out"), "formats": ["pdf"],
                    "audience": audience, "signoff": SIGNOFF})
    run = subprocess.run(["pdftotext", "-layout", str(result.outputs["pdf"]), "-"], capture_output=True,
                         text=True, check=True)
    return run.stdout


@pytest.fixture(scope="module")
def agency_text(tmp_path_factory) -> str:
    return build_text(tmp_path_factory, "agency")


@pytest.fixture(scope="module")
def analyst_text(tmp_path_factory) -> str:
    return build_text(tmp_path_factory, "analyst")


def flat(text: str) -> str:
    return " ".join(text.split())


def joined(text: str) -> str:
    """Without white space: a PDF line may break anywhere between Thai words."""
    return re.sub(r"\s+", "", text)


def test_title_names_the_assessed_year_the_plan_year_and_the_place(agency_text) -> None:
    assert joined("ประจำปีงบประมาณ ๒๕๖๘ และมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ ๒๕๖๙") in joined(agency_text)
    text = flat(agency_text)
    assert AGENCY in text and "อำเภอ ภูเวียง" in text and "จังหวัด ขอนแก่น" in text


def test_scores_as_printed_with_both_parts_of_eit(agency_text) -> None:
    text = flat(agency_text)
    for label, value in (("คะแนนรวม ITA", "๘๘.๔๐"), ("(IIT)", "๙๗.๕๐"), ("ภายนอก (EIT) ส่วนที่ ๑", "๙๘.๒๐"),
                         ("ภายนอก (EIT) ส่วนที่ ๒", "๙๐.๖๐"), ("(OIT)", "๘๑.๒๕")):
        assert re.search(re.escape(label) + r" " + re.escape(value), text), label  # as printed: no source column


def test_values_in_doubt_are_marked_at_the_indicator_in_thai(agency_text) -> None:
    text = flat(agency_text)
    assert "๙๕.๕๐ †" in text
    assert "คือ ๙๕.๕๐ (จุดแข็ง) และ ๙๒.๗๕ (ผ่านเกณฑ์)" in text


def test_measures_have_their_year_follow_up_and_sign_off(agency_text) -> None:
    text = flat(agency_text)
    assert "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ ๒๕๖๙" in text
    assert "รอบ ๖ เดือน (สิ้นเดือนมีนาคม ๒๕๖๙) และรอบ ๑๒ เดือน (สิ้นเดือนกันยายน ๒๕๖๙)" in text
    assert "การรับรองรายงาน" in text
    for person in SIGNOFF.values():
        assert f"({person['name']})" in text and f"ตำแหน่ง {person['position']}" in text
    assert text.count("ผู้รับรอง") == 1 and "(........................................)" in text  # no certifier given


def test_the_agency_report_is_thai_in_one_digit_system(agency_text) -> None:
    assert re.findall(r"[0-9]", agency_text) == []
    assert "หน้า ๑ / " in agency_text
    for internal in ("SHA", "ita-report", ".txt", "agency_analysis", "itas_result", "ภาคผนวก", "conflicting",
                     "plan.csv", "measure_id", "nan", "None"):
        assert internal not in agency_text, internal


def test_the_analyst_report_keeps_sources_and_checks(analyst_text) -> None:
    text = flat(analyst_text)
    assert "ภาคผนวก" in text and "agency_analysis_status.txt" in text and "ร่างแผนปฏิบัติการ" in text
    assert "การรับรองรายงาน" not in text
    # In Thai too: document kinds and parse warnings by their meaning, not their codes.
    assert "เอกสารวิเคราะห์ของหน่วยงาน" in text and "เอกสารให้คะแนนเดียวกันไว้สองค่า" in text
    for code in ("agency_analysis ", "conflicting_scores", "overall_unverifiable", "indicator:"):
        assert code not in text, code


def test_the_batch_index_is_thai_in_the_reports_digits(tmp_path) -> None:
    import json

    from ita_lib.batch.jobs import Outcome
    from ita_lib.report.index_page import write_index
    from ita_lib.report.line_breaks import unmarked

    folder = tmp_path / "tt-khokmuangngam"
    folder.mkdir()
    data = {"agency": {"agency_type": "ทต.", "district": "ภูเวียง"},
            "years": [{"fiscal_year": 2568, "overall_score": 88.4, "result": "ผ่าน", "passed": True}],
            "yoy": [{"scope": "overall", "fiscal_year": 2568, "delta": -1.25}]}
    (folder / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for name in ("report.pdf", "report.docx"):
        (folder / name).write_bytes(b"x")
    (tmp_path / "province_overview.html").write_text("<p></p>", encoding="utf-8")
    page = unmarked(write_index(tmp_path, [Outcome(AGENCY, "id", "ขอนแก่น", folder.name, "built")])
                    .read_text(encoding="utf-8"))
    body = page[page.index("<body>"):page.index("<script>")]
    assert ">๒๕๖๘<" in body and ">๘๘.๔๐<" in body and ">-๑.๒๕<" in body and 'data-sort="88.4"' in body
    assert "(province overview)" not in body and ">ภาพรวมจังหวัด<" in body
    assert ">PDF<" in body and ">Word<" in body and ">หน้าเว็บ<" not in body  # links only to what exists
    visible = re.sub(r"<[^>]+>", " ", body).replace("manifest.csv", "")
    assert re.findall(r"[0-9]", visible) == []


def test_document_text_takes_thai_digits_but_addresses_and_codes_keep_theirs() -> None:
    from ita_lib.analysis.config import AnalysisConfig
    from ita_lib.analysis.numbers import document_digits

    text = "เผยแพร่ภายใน 30 วัน ที่ www.nongkhai2.go.th ตามข้อ O16 และ 9.4 ภายในมีนาคม 2569"
    assert document_digits(text, AnalysisConfig()) == (
        "เผยแพร่ภายใน ๓๐ วัน ที่ www.nongkhai2.go.th ตามข้อ O16 และ ๙.๔ ภายในมีนาคม ๒๕๖๙")
    assert document_digits(text, AnalysisConfig(digits="arabic")) == text


def test_items_below_the_pass_mark_are_weaknesses_where_indicators_are_missing(tmp_path, write_records) -> None:
    from ita_lib.model import Assessment, Source
    from ita_lib.analysis import prepare_analysis
    from ita_lib.report.sections import item_findings, strengths_weaknesses

    name = "องค์การบริหารส่วนตำบลเขาดิน"
    record = Assessment(agency=name, agency_type="อบต.", province="ราชบุรี", fiscal_year=2568,
                        indicators={str(n): 100.0 for n in range(1, 6)},
                        items={"O13": 50.0, "O2": 100.0, "E3": 97.6},
                        source=Source(path="a.txt", sha256="d" * 64, kind="agency_analysis"))
    write_records(tmp_path / "ita.duckdb", [record])
    a = prepare_analysis(name, db=tmp_path / "ita.duckdb")
    assert a.items[["code", "instrument", "score"]].values.tolist() == [["O13", "OIT", 50.0], ["E3", "EIT", 97.6],
                                                                         ["O2", "OIT", 100.0]]
    found = flat(re.sub(r"<[^>]+>", " ", to_html(item_findings(a))))
    assert found == ("ผลรายข้อ ปีงบประมาณ ๒๕๖๘ เอกสารให้คะแนนรายข้อ ๓ ข้อ ต่ำกว่าเกณฑ์ ๘๕ คะแนน ๑ ข้อ "
                     "ข้อ แบบวัด คะแนน ระดับ O๑๓ OIT ๕๐.๐๐ จุดอ่อนเร่งด่วน")  # the item's code in the report's digits
    assert "ข้อ O๑๓ (แบบวัด OIT) ได้ ๕๐.๐๐" in re.sub(r"<[^>]+>", " ", to_html(strengths_weaknesses(a)))
    # Every indicator given is at 100: no table of zero gains, the weak item named instead.
    from ita_lib.report.sections import priorities
    text = flat(re.sub(r"<[^>]+>", " ", to_html(priorities(a))))
    assert text == ("ประเด็นที่ควรเร่งพัฒนา ตัวชี้วัดที่มีคะแนนทุกตัวได้เต็ม ๑๐๐ คะแนน จึงไม่มีตัวชี้วัดที่ต้องเร่งยกระดับ "
                    "จุดที่ควรแก้ไขอยู่ที่คะแนนรายข้อ: ข้อ O๑๓ (๕๐.๐๐)")


def test_the_agencys_analysis_by_topic_its_limitations_and_its_plan_rows_are_kept(tmp_path) -> None:
    """Layout of an analysis by topic (as seed 001): the prose under each topic heading, the
    limitations section, and the plan rows with the topic each answers; no outputs column when the
    agency's table names none."""
    from ita_lib.analysis import prepare_analysis
    from ita_lib.report.sections import own_analysis, plan

    db = tmp_path / "ita.duckdb"
    assert not ingest([FIXTURE.with_name("agency_analysis_numbered.txt")], db=db, aliases=None, workers=1).failed
    a = prepare_analysis("องค์การบริหารส่วนตำบลโคกสำราญเหนือ", db=db)
    own = flat(re.sub(r"<[^>]+>", " ", to_html(own_analysis(a))))
    assert own.startswith("ผลการวิเคราะห์ของหน่วยงาน ปีงบประมาณ ๒๕๖๖ ประเด็น ผลการวิเคราะห์ของหน่วยงาน "
                          "๑) ขั้นตอนการให้บริการ ผลคะแนนด้านการให้บริการอยู่ในเกณฑ์ดี บางข้อได้คะแนนเต็ม ๑๐๐")
    assert "ทบทวนคู่มือการให้บริการทุกปี ติดแผนผังขั้นตอนไว้ที่จุดบริการ ๒) การเปิดเผยข้อมูลบนเว็บไซต์" in own  # a list
    assert own.endswith("ข้อจำกัดของหน่วยงาน หลักเกณฑ์การประเมินเปลี่ยนแปลงทุกปี เจ้าหน้าที่ผู้รับผิดชอบจึงต้อง "
                        "ศึกษาหลักเกณฑ์ใหม่อยู่เสมอ")
    page = to_html(plan(a))
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", page)
    # the targets of the indicators scored, then the agency's own plan (its period cells hold its follow-up)
    assert headers == ["ตัวชี้วัด", "คะแนนปี ๒๕๖๖", "เป้าหมายปี ๒๕๖๗",
                       "ตัวชี้วัด/ประเด็น", "มาตรการและขั้นตอน", "ผู้รับผิดชอบ", "การติดตามผล"]
    rows = flat(re.sub(r"<[^>]+>", " ", page))
    assert ("๑) ขั้นตอนการให้บริการ ปรับปรุงคู่มือการให้บริการให้เป็นปัจจุบันและเผยแพร่ให้ประชาชนทราบ "
            "เจ้าหน้าที่ผู้รับผิดชอบทบทวนคู่มือและเสนอผู้บริหารอนุมัติ สำนักปลัด") in rows


def test_a_year_without_an_overall_score_says_why_its_tiles_are_empty(tmp_path, write_records) -> None:
    from ita_lib.model import Assessment, Source
    from ita_lib.analysis import prepare_analysis
    from ita_lib.report.sections import headline

    name = "องค์การบริหารส่วนตำบลห้วยไผ่"
    record = Assessment(agency=name, agency_type="อบต.", province="ราชบุรี", fiscal_year=2568,
                        indicators={str(n): 100.0 for n in range(1, 6)},
                        source=Source(path="a.txt", sha256="e" * 64, kind="agency_analysis"))
    write_records(tmp_path / "ita.duckdb", [record])
    text = flat(re.sub(r"<[^>]+>", " ", to_html(headline(prepare_analysis(name, db=tmp_path / "ita.duckdb")))))
    assert "คะแนนรวม ITA ปี ๒๕๖๘ ไม่มีในเอกสาร ผลการประเมิน ไม่มีในเอกสาร" in text and " – " not in text
    assert "ให้คะแนนรายตัวชี้วัด ๕ จาก ๑๐ ตัวชี้วัด จึงคำนวณคะแนนรวมไม่ได้" in text


def test_the_year_table_wraps_its_text_rows_so_many_years_fit_the_page(tmp_path, write_records) -> None:
    """Scores stay on one line; the era label ("ปี ๒๕๖๖ เป็นต้นไป (ผ่าน/ไม่ผ่าน)") and grades wrap,
    or four years' columns run off the right edge of an A4 page."""
    from ita_lib.model import Assessment, Source
    from ita_lib.analysis import prepare_analysis
    from ita_lib.report.sections import comparison

    name = "องค์การบริหารส่วนตำบลหนองหญ้าปล้อง"
    records = [Assessment(agency=name, agency_type="อบต.", province="ราชบุรี", fiscal_year=year, overall_score=score,
                          grade=grade, indicators={str(n): score for n in range(1, 11)},
                          source=Source(path=f"{year}.txt", sha256=str(year % 10) * 64, kind="itas_result"))
               for year, score, grade in ((2563, 81.5, "B"), (2564, 84.0, "B"), (2567, 90.5, None), (2568, 92.0, None))]
    write_records(tmp_path / "ita.duckdb", records)
    page = to_html(comparison(prepare_analysis(name, db=tmp_path / "ita.duckdb")))
    rows = {re.sub(r"<[^>]+>", "", row.split("</td>")[0]): re.findall(r"<td( class=\"[^\"]*\")?>", row)[1:]
            for row in re.findall(r"<tr>(.*?)</tr>", page) if "<td" in row}
    assert rows["คะแนนรวม ITA"] == [' class="num"'] * 4
    assert rows["ช่วงเกณฑ์"] == [""] * 4 and rows["ระดับ/ผล"][0] == ""
    assert "ปี ๒๕๖๖ เป็นต้นไป (ผ่าน/ไม่ผ่าน)" in page


def test_the_headline_target_is_the_itas_pass_mark_whatever_the_users_threshold(tmp_path, write_records) -> None:
    from ita_lib.model import Assessment, Source
    from ita_lib.analysis import prepare_analysis
    from ita_lib.report import sections

    name = "องค์การบริหารส่วนตำบลดงเย็น"
    record = Assessment(agency=name, agency_type="อบต.", province="ราชบุรี", fiscal_year=2568, overall_score=86.5,
                        indicators={str(n): 86.5 for n in range(1, 11)},
                        source=Source(path="a.txt", sha256="f" * 64, kind="itas_result"))
    write_records(tmp_path / "ita.duckdb", [record])
    a = prepare_analysis(name, db=tmp_path / "ita.duckdb", config={"passing": 90, "strength": 95})
    text = flat(re.sub(r"<[^>]+>", " ", to_html(sections.headline(a))))
    assert "เป้าหมาย ๘๕ คะแนน ถึงเกณฑ์แล้ว" in text  # 86.50 passes the ITA; the user's 90 is for indicators
    assert a.indicators["level"].eq("weakness").all()  # below the user's 90: every indicator a weakness
