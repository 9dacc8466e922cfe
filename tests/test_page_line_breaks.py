"""The batch's index, the province overview and a draft's checklist mark their Thai lines to break
between words only, as the report does (ita_lib.report.line_breaks): a place name and a dictionary
word stay whole, a number never breaks, and the index's filters and links read what they read before."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ita_lib.batch.jobs import Outcome
from ita_lib.batch.manifest import write_manifest
from ita_lib.report.checklist import checklist_html
from ita_lib.report.index_page import write_index
from ita_lib.report.line_breaks import unmarked

# Made-up agencies: names whose place part pythainlp's own list splits (ห้วย|ยาย|จิ๋ว, บ้าน|ไผ่).
HUAI = "องค์การบริหารส่วนตำบลห้วยยายจิ๋ว"
HUAI_MARKED = '<span class="w">องค์การบริหารส่วนตำบล</span><wbr><span class="w">ห้วยยายจิ๋ว</span>'
BAN_PHAI = "เทศบาลตำบลบ้านไผ่"
BAN_PHAI_MARKED = '<span class="w">เทศบาลตำบล</span><wbr><span class="w">บ้านไผ่</span>'
# Made-up names no dictionary knows, one a page (a name kept whole stays so in the process): the
# segmentation alone cuts them (ลำตะคอง|ทอง); the page keeps its agencies' own names whole.
LAM = "เทศบาลเมืองลำตะคองทอง"
KHOK = "เทศบาลตำบลโคกหินแก้ว"
NONG = "องค์การบริหารส่วนตำบลหนองกุ้งเงิน"


def _report_folder(output: Path, slug: str, name: str, district: str, year: int, score: float, result: str,
                   before: float) -> None:
    (output / slug).mkdir()
    data = {"agency": {"agency_id": slug, "name": name, "agency_type": "อบต.", "district": district,
                       "province": "ขอนแก่น"},
            "years": [{"fiscal_year": year - 1, "overall_score": before},
                      {"fiscal_year": year, "overall_score": score, "result": result, "passed": result == "ผ่าน"}],
            "yoy": [{"scope": "overall", "fiscal_year": year, "previous_year": year - 1, "delta": score - before}],
            "scores": [{"scope": "indicator", "fiscal_year": year, "indicator": 9, "name": "การเปิดเผยข้อมูลบนเว็บไซต์",
                        "instrument": "OIT", "score": score - 10}]}
    (output / slug / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (output / slug / "report.pdf").write_bytes(b"x")


@pytest.fixture
def batch(tmp_path) -> tuple[Path, list[Outcome]]:
    _report_folder(tmp_path, "huai", HUAI, "ภูเวียง", 2568, 91.25, "ผ่าน", 88.0)
    _report_folder(tmp_path, "ban-phai", BAN_PHAI, "บ้านไผ่", 2568, 72.5, "ไม่ผ่าน", 80.0)
    _report_folder(tmp_path, "lam", LAM, "บ้านไผ่", 2568, 90.0, "ผ่าน", 90.0)
    _report_folder(tmp_path, "nong", NONG, "ภูเวียง", 2568, 86.0, "ผ่าน", 82.5)
    outcomes = [Outcome(HUAI, "huai", "ขอนแก่น", "huai", "built"),
                Outcome(BAN_PHAI, "ban-phai", "ขอนแก่น", "ban-phai", "built"),
                Outcome(LAM, "lam", "ขอนแก่น", "lam", "built"), Outcome(NONG, "nong", "ขอนแก่น", "nong", "built")]
    write_manifest(outcomes, tmp_path / "manifest.csv")
    return tmp_path, outcomes


def _row(page: str, name: str) -> str:
    return re.search(rf'<tr data-province="[^"]*" data-type="[^"]*" data-name="{name}">(.*?)</tr>', page).group(1)


def test_the_index_keeps_names_whole_and_its_filters_and_links_as_they_were(batch):
    folder, outcomes = batch
    (folder / "province_overview.html").write_text("<p></p>", encoding="utf-8")
    page = write_index(folder, outcomes).read_text(encoding="utf-8")
    row = _row(page, HUAI)  # the filter data: the name as typed, unmarked
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[0] == HUAI_MARKED  # breaks only between the agency's type and its place
    assert cells[1] == '<span class="w">อบต.</span>' and cells[2] == '<span class="w">ภูเวียง</span>'
    assert cells[3] == '<span class="w">ขอนแก่น</span>'
    assert cells[4] == "๒๕๖๘" and cells[5] == "๙๑.๒๕"  # numbers unmarked: they never break inside
    assert '<td class="num" data-sort="91.25">๙๑.๒๕</td>' in row  # sorting reads data-sort
    assert cells[6] == '<span class="w">ผ่าน</span>' and cells[8] == '<a href="huai/report.pdf">PDF</a>'
    assert re.findall(r"<td[^>]*>(.*?)</td>", _row(page, BAN_PHAI))[2] == '<span class="w">บ้านไผ่</span>'
    assert re.findall(r"<td[^>]*>(.*?)</td>", _row(page, LAM))[0] == (
        '<span class="w">เทศบาลเมือง</span><wbr><span class="w">ลำตะคองทอง</span>')
    # The menus, the title and the script are as they were; the visible text is the text.
    assert '<option value="ขอนแก่น">ขอนแก่น</option>' in page and '<option value="อบต.">อบต.</option>' in page
    assert "<title>รายงานผลการประเมิน ITA</title>" in page
    script = page[page.index("<script>"):page.index("</script>")]
    assert "<span" not in script and "<wbr>" not in script and "row.dataset.name.includes" in script
    assert "<span" not in page[:page.index("<body")]
    assert ".w { white-space: nowrap; }" in page
    assert re.sub(r"<[^>]+>", "", row) == re.sub(r"<[^>]+>", "", unmarked(row))
    assert ('<a href="province_overview.html"><span class="w">ภาพรวม</span><wbr><span class="w">จังหวัด</span></a>'
            in page)


def test_the_checklist_keeps_words_whole_and_its_title_plain():
    page = checklist_html(KHOK, (("ข้อมูลบนเว็บไซต์", "ยังไม่ยืนยัน", "๙๕.๕๐"),
                                 ("ผู้ลงนามท้ายรายงาน", "ยังไม่ทราบชื่อและตำแหน่ง", "ผู้รับรอง ผู้เห็นชอบ")),
                          f'ita-report review "{KHOK}"')
    assert '<td><span class="w">ผู้รับรอง</span> <span class="w">ผู้เห็นชอบ</span></td>' in page  # titles whole
    assert f"<title>รายการที่ต้องยืนยันก่อนเผยแพร่: {KHOK}</title>" in page
    assert ('<h1><span class="w">รายงาน</span><wbr><span class="w">ของ</span> '
            '<span class="w">เทศบาลตำบล</span><wbr><span class="w">โคกหินแก้ว</span> ') in page
    assert ('<tr><td><span class="w">ข้อมูล</span><wbr><span class="w">บน</span><wbr><span class="w">เว็บไซต์</span>'
            '</td>') in page
    assert "<td>๙๕.๕๐</td>" in page  # a number is not cut
    assert '<span class="w">อีก</span> ๒ <span class="w">รายการ</span>' in page
    assert ".w { white-space: nowrap; }" in page
    assert "ต้องยืนยันอีก ๒ รายการ ก่อนเผยแพร่รายงานฉบับจริง" in unmarked(page)


def test_the_province_overview_keeps_names_whole(batch):
    from ita_lib.report.render import build_overview

    folder, _ = batch
    page = build_overview(folder, province="ขอนแก่น").read_text(encoding="utf-8")
    body = page[page.index("<body"):]
    assert HUAI_MARKED in body and BAN_PHAI_MARKED in body  # the movers table names them whole
    assert '<span class="w">องค์การบริหารส่วนตำบล</span><wbr><span class="w">หนองกุ้งเงิน</span>' in body
    assert '<span class="w">เว็บไซต์</span>' in body and "เว็บ|ไซต์" not in body
    assert "<title>ภาพรวมผลการประเมิน ITA จังหวัดขอนแก่น</title>" in page
    text = re.sub(r"<[^>]+>", "", unmarked(body))
    assert f"{HUAI}" in text and "ภาพรวมผลการประเมิน ITA จังหวัดขอนแก่น" in text
    assert re.search(r"<td[^>]*>๙๑\.๒๕</td>", body)  # a score is one unmarked run of digits
