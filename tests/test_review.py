"""The review step on a made-up agency: the review file asks exactly what the documents leave open,
a filled-in file is stored as the agency's confirmation and wins from then on, and a file that
cannot be used is one line naming the file, the line and the reason."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.analysis import load
from ita_lib.errors import ReviewError
from ita_lib.model import Assessment, Source
from ita_lib.review.confirm import confirm
from ita_lib.store.ingest import ingest
from ita_lib.review.write import review_text
from review_answers import answered
from ita_lib.store.db import Store

NAME = "องค์การบริหารส่วนตำบลหนองแวงใหญ่"
# indicators 1-5 only: no overall printed, none computable; indicator 3 printed twice
FIRST_FIVE = {"1": 97.20, "2": 95.85, "3": 91.40, "4": 88.60, "5": 93.15}


@pytest.fixture()
def db(tmp_path, write_records) -> Path:
    path = tmp_path / "ita.duckdb"
    common = dict(agency=NAME, agency_type="อบต.", district="โนนศิลา", province="ขอนแก่น", fiscal_year=2568)
    write_records(path, [
        Assessment(**common, indicators=FIRST_FIVE, source=Source(path="analysis.txt", sha256="a" * 64,
                                                                  kind="agency_analysis")),
        Assessment(**common, indicators={"3": 89.90}, source=Source(path="news.txt", sha256="b" * 64, kind="prose")),
    ])
    return path


def test_the_review_file_asks_what_the_documents_leave_open(db) -> None:
    a = load(NAME, db)
    assert list(a.open_items["key"]) == ["result", "overall_score", "instrument:IIT", "instrument:EIT",
                                         "instrument:OIT", "indicator:6", "indicator:7", "indicator:8",
                                         "indicator:9", "indicator:10", "indicator:3"]
    assert a.open_items.set_index("key").loc["indicator:3", ["status", "found"]].tolist() == \
        ["disputed", "๙๑.๔๐, ๘๙.๙๐"]
    text = review_text(a)
    assert "  # ตัวชี้วัดที่ ๓: เอกสารให้ไว้มากกว่าหนึ่งค่า (๙๑.๔๐, ๘๙.๙๐)\n  indicator:3:\n" in text
    assert "  indicator:1:" not in text  # printed once: nothing to ask
    assert 'agency_id: "อบต.:ขอนแก่น:โนนศิลา:หนองแวงใหญ่"' in text


def _filled(a, tmp_path: Path, **answers: str) -> Path:
    text = review_text(a)
    for key, value in answers.items():  # the answer replaces what the line holds, before its comment
        text = re.sub(rf"\n{re.escape(key)}:[^\n#]*", lambda _: f"\n{key}: {value} ", text, count=1)
    path = tmp_path / "review.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ALL_SCORES = {"  overall_score": "92.47", "  instrument:IIT": "93.10", "  instrument:EIT": "๙๑.๕๐",
              "  instrument:OIT": "92.80", "  indicator:6": "90.25", "  indicator:7": "91.75",
              "  indicator:8": "92.40", "  indicator:9": "93.60", "  indicator:10": "92.00",
              "  indicator:3": "91.40", "result": '"ผ่าน"', "confirmed_by": '"นายทดสอบ ระบบดี ปลัด อบต."',
              "confirmed_on": "2568-12-02"}


def test_what_the_agency_confirms_wins_and_closes_the_review(db, tmp_path) -> None:
    path = _filled(load(NAME, db), tmp_path, **ALL_SCORES)
    done = confirm(path, db=db)
    assert (done.agency, done.fiscal_year, done.replaced) == (NAME, 2568, 0)
    a = load(NAME, db)
    assert a.open_items.empty
    scores = a.scores.set_index("field")
    assert scores.loc["overall_score", ["score", "score_source"]].tolist() == [92.47, "confirmed"]
    assert scores.loc["instrument:EIT", ["score", "score_source"]].tolist() == [91.50, "confirmed"]
    assert scores.loc["indicator:1", "score_source"] == "printed"
    assert a.doubts.empty  # indicator 3 settled by the agency
    assert (a.years.iloc[-1]["result"], a.confirmed["confirmed_on"]) == ("ผ่าน", "2025-12-02")
    # a second confirmation replaces the first
    again = _filled(load(NAME, db), tmp_path, **{**ALL_SCORES, "  overall_score": "92.50"})
    assert confirm(again, db=db).replaced == 1
    assert load(NAME, db).scores.set_index("field").loc["overall_score", "score"] == 92.50
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM records WHERE kind = 'confirmed'")["n"].iloc[0] == 1


def test_the_agency_confirms_its_name_district_and_sign_off(db, tmp_path) -> None:
    path = _filled(load(NAME, db), tmp_path, name='"องค์การบริหารส่วนตำบลหนองแวงใหญ่พัฒนา"',
                   confirmed_by='"นางทดลอง ตรวจดี"', report_date="2568-12-20")
    text = path.read_text(encoding="utf-8").replace('  approver:      # ผู้เห็นชอบ (หัวหน้าหน่วยงาน)\n    name:',
                                                    '  approver:      # ผู้เห็นชอบ (หัวหน้าหน่วยงาน)\n'
                                                    '    name: "นายใหญ่ ใจงาม"')
    path.write_text(text, encoding="utf-8")
    confirm(path, db=db)
    a = load(NAME, db)
    assert (a.agency["name"], a.agency["name_in_documents"]) == ("องค์การบริหารส่วนตำบลหนองแวงใหญ่พัฒนา", NAME)
    assert (a.confirmed["sign_off.approver.name"], a.confirmed["report_date"]) == ("นายใหญ่ ใจงาม", "2025-12-20")
    # listings (agencies, the batch's list, conflicts) show the confirmed name under the same id
    with Store(db, read_only=True) as store:
        listed = store.agencies().iloc[0]
        assert (listed["agency_id"], listed["name"], list(listed["aliases"])) == (
            "อบต.:ขอนแก่น:โนนศิลา:หนองแวงใหญ่", "องค์การบริหารส่วนตำบลหนองแวงใหญ่พัฒนา", [NAME])
        assert store.agency_list()["name"].tolist() == ["องค์การบริหารส่วนตำบลหนองแวงใหญ่พัฒนา"]
        assert store.conflicts()["agency"].unique().tolist() == ["องค์การบริหารส่วนตำบลหนองแวงใหญ่พัฒนา"]
    # a second confirmation joins the same agency: the documents' identity is unchanged
    assert confirm(_filled(load(NAME, db), tmp_path, confirmed_by='"นางทดลอง ตรวจดี"', district='"โนนศิลา"'),
                   db=db).replaced == 1


@pytest.mark.parametrize("answers, line, reason", [
    ({"  overall_score": "92.47"}, 14, "confirmed_by: write the name and position of the person who confirms"),
    ({"  overall_score": "101", "confirmed_by": '"นายทดสอบ"'}, 20, "overall_score: 101 is not a score from 0 to 100"),
    ({"confirmed_on": "2568-13-40", "confirmed_by": '"นายทดสอบ"'}, 15, "is not a date"),
])
def test_a_review_file_that_cannot_be_used_is_one_line(db, tmp_path, answers, line, reason) -> None:
    path = _filled(load(NAME, db), tmp_path, **answers)
    with pytest.raises(ReviewError) as error:
        confirm(path, db=db)
    assert error.value.line == line and reason in str(error.value)
    done = subprocess.run([sys.executable, "-m", "ita_lib", "confirm", str(path), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 4 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"ita-report: {error.value}"]
    assert load(NAME, db).open_items["key"].tolist()[:2] == ["result", "overall_score"]  # nothing stored


def test_a_weakness_without_a_cause_is_asked_for_and_the_agencys_cause_is_printed(tmp_path, write_records) -> None:

    db = tmp_path / "ita.duckdb"
    name = "องค์การบริหารส่วนตำบลนาเพียงใต้"
    write_records(db, [Assessment(agency=name, agency_type="อบต.", district="ชุมแพ", province="ขอนแก่น",
                                  fiscal_year=2567, indicators={"4": 80.35, "6": 90.10},
                                  source=Source(path="analysis.txt", sha256="d" * 64, kind="agency_analysis"))])
    a = load(name, db)
    row = a.open_items.set_index("key").loc["cause:indicator:4"]
    assert (row["label"], row["status"], row["found"]) == (
        "สาเหตุที่ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ ต่ำกว่าเกณฑ์", "missing", "คะแนน ๘๐.๓๕")
    text = answered(review_text(a), {"causes": {"indicator:4": "ยังไม่มีระเบียบการยืมพัสดุ"},
                                     "confirmed_by": "นายทดสอบ ปลัด อบต."})
    assert '\ncauses:\n  # สาเหตุที่ตัวชี้วัดที่ ๔' in text
    path = tmp_path / "review.yaml"
    path.write_text(text, encoding="utf-8")
    confirm(path, db=db)
    a = load(name, db)
    assert "cause:indicator:4" not in set(a.open_items["key"])
    assert a.confirmed["cause:indicator:4"] == "ยังไม่มีระเบียบการยืมพัสดุ"
    bad = path.read_text(encoding="utf-8").replace("  indicator:4:", "  indicator:44:")
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ReviewError, match="'indicator:44' is not an indicator"):
        confirm(path, db=db)


def test_the_review_file_shows_the_agencys_text_that_looks_damaged(tmp_path, write_records) -> None:
    from ita_lib.model import ActionRow

    db = tmp_path / "ita.duckdb"
    name = "องค์การบริหารส่วนตำบลโนนทองพัฒนา"
    write_records(db, [Assessment(
        agency=name, agency_type="อบต.", district="พล", province="ขอนแก่น", fiscal_year=2567,
        indicators={"1": 96.10}, actions=[
            ActionRow(indicator=1, measure="เผยแพร่คู่มือให้ผู้มีqxzติดต่อราชการทราบทางเว็บไซต์", line=8),
            ActionRow(indicator=5, analysis="กำหนดแนวทางป้องกัน การ ทุจริต และ ประ พ ลุ ต มิ ขอบ ภายในหน่วยงาน", line=9)],
        source=Source(path="analysis.txt", sha256="e" * 64, kind="agency_analysis"))])
    text = review_text(load(name, db))
    section = text[text.index("# ---- ข้อความของหน่วยงานที่อาจพิมพ์ผิด"):]
    assert section.splitlines()[4:8] == [
        '  # มาตรการ ตัวชี้วัดที่ 1: "คู่มือให้ผู้มีqxzติดต่อราชการ"',
        '  "เผยแพร่คู่มือให้ผู้มีqxzติดต่อราชการทราบทางเว็บไซต์":',
        '  # ผลการวิเคราะห์ ตัวชี้วัดที่ 5: "ทุจริต และ ประ พ ลุ ต มิ ขอบ ภายในหน่"',
        '  "และ ประ พ ลุ ต มิ ขอบ":']
    # the agency answers one span: the report's text carries its words, the other span stays listed
    path = tmp_path / "review.yaml"
    path.write_text(answered(text, {"corrections": {"และ ประ พ ลุ ต มิ ขอบ": "และประพฤติมิชอบ"},
                                    "confirmed_by": "นายทดสอบ ปลัด อบต."}), encoding="utf-8")
    confirm(path, db=db)
    a = load(name, db)
    analysis = a.actions.set_index("indicator").loc[5, "analysis"]
    assert analysis == "กำหนดแนวทางป้องกัน การ ทุจริต และประพฤติมิชอบ ภายในหน่วยงาน"
    again = review_text(a)
    assert '  "เผยแพร่คู่มือให้ผู้มีqxzติดต่อราชการทราบทางเว็บไซต์":\n' in again
    assert again.count("ประ พ ลุ ต") == 1  # the correction given, kept under "แก้ไว้แล้ว"
    assert '  # แก้ไว้แล้ว\n  "และ ประ พ ลุ ต มิ ขอบ": "และประพฤติมิชอบ"' in again


def test_the_review_file_checks_each_spelling_of_the_name_against_the_gazetteer(tmp_path) -> None:
    """A municipality's analysis that heads its table with a misspelt name and signs with the
    sub-district's: every spelling listed with what the gazetteer says, the report using the one
    that is a sub-district."""
    text = (Path(__file__).parent / "fixtures" / "agency_analysis_plan.txt").read_text("utf-8")
    text = text.replace("องค์การบริหารส่วนตำบลท่าทรายทอง อำเภอไชโย จังหวัดอ่างทอง",
                        "เทศบาลตำบลสาวะที อำเภอเมืองขอนแก่น จังหวัดขอนแก่น")
    text += ("\nเทศบาลตำบลสาวะถีจะรายงานผลการดำเนินงานตามมาตรการทุกหกเดือน\n\n(นายทดลอง ใจดี)\n"
             "นายกเทศมนตรีตำบลสาวะถี\n\nผู้อนุมัติ นายกเทศมนตรีตำบลสาวะถี\n")
    (tmp_path / "analysis.txt").write_text(text, encoding="utf-8")
    ingest([tmp_path / "analysis.txt"], db=tmp_path / "ita.duckdb")
    a = load("ทต.สาวะที", tmp_path / "ita.duckdb")
    assert a.agency["name"] == "เทศบาลตำบลสาวะถี"
    lines = review_text(a).splitlines()
    start = lines.index("# ---- หน่วยงาน ----")
    assert lines[start + 1:start + 5] == [
        "# ชื่อที่พบในเอกสาร:",
        "#   เทศบาลตำบลสาวะถี ๓ ครั้ง (ตรงกับชื่อตำบลสาวะถี อำเภอเมืองขอนแก่น จังหวัดขอนแก่น)",
        "#   เทศบาลตำบลสาวะที ๑ ครั้ง (ไม่ตรงกับชื่อตำบลใดในทะเบียนตำบล)",
        "# รายงานใช้ชื่อ: เทศบาลตำบลสาวะถี"]


def test_the_review_file_proposes_sub_districts_spelt_alike_to_a_name_that_is_none(tmp_path) -> None:
    text = (Path(__file__).parent / "fixtures" / "agency_analysis_plan.txt").read_text("utf-8")
    text = text.replace("องค์การบริหารส่วนตำบลท่าทรายทอง อำเภอไชโย จังหวัดอ่างทอง",
                        "องค์การบริหารส่วนตำบลพระลัพ จังหวัดขอนแก่น")
    (tmp_path / "analysis.txt").write_text(text, encoding="utf-8")
    ingest([tmp_path / "analysis.txt"], db=tmp_path / "ita.duckdb")
    a = load("อบต.พระลัพ", tmp_path / "ita.duckdb")
    assert a.agency["name"] == "องค์การบริหารส่วนตำบลพระลัพ"  # kept as written: never corrected by a guess
    lines = review_text(a).splitlines()
    start = lines.index("# ---- หน่วยงาน ----")
    assert lines[start + 2:start + 5] == [
        "#   องค์การบริหารส่วนตำบลพระลัพ ๑ ครั้ง (ไม่ตรงกับชื่อตำบลใดในทะเบียนตำบล)",
        "# รายงานใช้ชื่อ: องค์การบริหารส่วนตำบลพระลัพ",
        "# ชื่อตำบลที่สะกดใกล้เคียง: ตำบลพระลับ อำเภอเมืองขอนแก่น จังหวัดขอนแก่น"]


def test_the_review_file_asks_about_a_score_the_agencys_text_prints_otherwise(tmp_path, write_records) -> None:
    """The analysis of an indicator quotes a score its summary and the agency's confirmation do not
    give: the report would print two scores for one indicator, so the span is offered for correction."""
    from ita_lib.model import ActionRow

    db = tmp_path / "ita.duckdb"
    name = "องค์การบริหารส่วนตำบลดอนช้าง"
    write_records(db, [Assessment(
        agency=name, agency_type="อบต.", district="เมืองขอนแก่น", province="ขอนแก่น", fiscal_year=2568,
        indicators={"2": 88.40, "5": 97.25}, actions=[
            ActionRow(indicator=2, analysis="คะแนน (๗๘.๔๐) บุคลากรบางส่วนไม่ทราบแผนการใช้จ่ายงบประมาณ", score=78.40,
                      line=12),
            ActionRow(indicator=5, analysis="คะแนน (๙๗.๒๕) เป็นจุดแข็ง", score=97.25, line=13)],
        source=Source(path="analysis.txt", sha256="f" * 64, kind="agency_analysis"))])
    text = review_text(load(name, db))
    section = text[text.index("\ncorrections:\n"):].splitlines()
    assert section[2:4] == ['  # ผลการวิเคราะห์ ตัวชี้วัดที่ 2: คะแนนในข้อความไม่ตรงกับคะแนนที่รายงานใช้ (88.40): '
                            '"คะแนน (๗๘.๔๐) บุคลากรบาง"',
                            '  "คะแนน (๗๘.๔๐)":']
    assert "๙๗.๒๕" not in text  # the score that agrees is not asked about
