"""Recommendations under indicator and sub-indicator headings (an agency's announcement of its ITA
result that reproduces the NACC's recommendations): the parser keeps the headings each bullet stands
under, and the report prints the introduction, then each heading once above its bullets."""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.analysis import load
from ita_lib.parse import parse_document
from ita_lib.io.document import Line
from ita_lib.parse.recommendations import read_recommendations, split_headings
from ita_lib.report.document import Bullets, Heading, Paragraph
from ita_lib.report.sections import recommendations
from ita_lib.store.ingest import ingest

FIXTURE = Path(__file__).parent / "fixtures" / "announcement_subindicator_advice.txt"
AGENCY = "เทศบาลตำบลห้วยทรายงาม"
INDICATOR_10 = "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"
SUB_10_2 = "ตัวชี้วัดย่อยที่ 10.2 มาตรการภายในเพื่อป้องกันการทุจริต"
INDICATOR_9 = "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"
LEAD = "เทศบาลควรเร่งเผยแพร่ข้อมูลบนเว็บไซต์ให้ครบตามแบบวัด OIT ในเรื่องดังนี้"


def test_bullets_keep_the_indicator_and_sub_indicator_headings_they_stand_under():
    (record,) = parse_document(FIXTURE)
    oit = [(r.indicator, r.line, r.text) for r in record.recommendations if r.instrument == "OIT"]
    assert oit == [
        (None, 32, LEAD),  # the introduction names no indicator: no cause "ดังนี้" for one
        (10, 38, f"{INDICATOR_10}\n{SUB_10_2}\nเทศบาลต้องเผยแพร่มาตรการป้องกันการรับสินบนที่ผู้บริหารลงนามในปี พ.ศ. 2566"),
        (10, 40, f"{INDICATOR_10}\n{SUB_10_2}\nเทศบาลต้องรายงานผลการดำเนินการตามมาตรการในข้อ 041 ภายในปีงบประมาณ"),
        (9, 46, f"{INDICATOR_9}\nตัวชี้วัดย่อยที่ 9.2 การบริหารงาน\n"
                "เทศบาลต้องแสดงคู่มือการให้บริการประชาชนที่ระบุระยะเวลาของแต่ละขั้นตอน"),
        (9, 50, f"{INDICATOR_9}\nตัวชี้วัดย่อยที่ 9.3 การบริหารเงินงบประมาณ\n"
                "เทศบาลต้องแสดงรายงานการใช้จ่ายงบประมาณรอบหกเดือนแรกของปี"),
    ]
    # a paragraph that cites its indicator has no heading above it
    assert [(r.instrument, r.indicator, split_headings(r.text)[0]) for r in record.recommendations[:2]] == [
        ("IIT", 4, ()), ("EIT", 7, ())]


def test_a_sub_indicator_heading_alone_gives_its_indicator():
    lines = [Line(1, "ข้อเสนอแนะสำหรับการประเมินตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)"),
             Line(2, "ตัวชี้วัดย่อยที่ 10.1 การดำเนินการเพื่อป้องกันการทุจริต"),
             Line(3, "- ต้องเผยแพร่แผนปฏิบัติการป้องกันการทุจริต")]
    (found,) = read_recommendations(lines)
    assert (found.instrument, found.indicator, found.text) == (
        "OIT", 10, "ตัวชี้วัดย่อยที่ 10.1 การดำเนินการเพื่อป้องกันการทุจริต\nต้องเผยแพร่แผนปฏิบัติการป้องกันการทุจริต")


def test_split_headings_leaves_a_plain_recommendation_whole():
    assert split_headings("ตัวชี้วัดที่ 2 การใช้งบประมาณ ควรชี้แจงแผน") == ((), "ตัวชี้วัดที่ 2 การใช้งบประมาณ ควรชี้แจงแผน")
    assert split_headings(f"{INDICATOR_9}\nต้องแสดงแผน") == ((INDICATOR_9,), "ต้องแสดงแผน")


@pytest.fixture(scope="module")
def section(tmp_path_factory):
    db = tmp_path_factory.mktemp("headings") / "ita.duckdb"
    ingest([FIXTURE], db=db, workers=1)
    return recommendations(load(AGENCY, db))


def test_the_report_prints_the_introduction_then_each_heading_once_above_its_bullets(section):
    assert section.title == "ข้อเสนอแนะจากผลการประเมินของสำนักงาน ป.ป.ช. ปี ๒๕๖๖"
    assert section.blocks == (
        Heading("แบบวัด IIT"),
        Bullets(("เทศบาลควรทบทวนการดำเนินการตามตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ "
                 "โดยจัดทำคู่มือการยืมคืนพัสดุและแจ้งให้พนักงานทุกคนทราบขั้นตอน",)),
        Heading("แบบวัด EIT"),
        Bullets(("เทศบาลควรยกระดับตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร "
                 "โดยตอบคำถามของประชาชนผ่านเพจของเทศบาลภายในสามวันทำการ",)),
        Heading("แบบวัด OIT"),
        Paragraph(LEAD, leads_in=True),
        Paragraph("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต", leads_in=True),
        Paragraph("ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการภายในเพื่อป้องกันการทุจริต", leads_in=True),
        Bullets(("เทศบาลต้องเผยแพร่มาตรการป้องกันการรับสินบนที่ผู้บริหารลงนามในปี พ.ศ. ๒๕๖๖",
                 "เทศบาลต้องรายงานผลการดำเนินการตามมาตรการในข้อ ๐๔๑ ภายในปีงบประมาณ")),
        Paragraph("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", leads_in=True),
        Paragraph("ตัวชี้วัดย่อยที่ ๙.๒ การบริหารงาน", leads_in=True),
        Bullets(("เทศบาลต้องแสดงคู่มือการให้บริการประชาชนที่ระบุระยะเวลาของแต่ละขั้นตอน",)),
        Paragraph("ตัวชี้วัดย่อยที่ ๙.๓ การบริหารเงินงบประมาณ", leads_in=True),  # indicator 9's heading is not repeated
        Bullets(("เทศบาลต้องแสดงรายงานการใช้จ่ายงบประมาณรอบหกเดือนแรกของปี",)),
    )
