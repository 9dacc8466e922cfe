"""Where an analysis quotes the NACC's recommendations, and whether they are the assessed year's.

"ข้อเสนอแนะจากผลการประเมินของสำนักงาน ป.ป.ช. ปี 2564" heads them; an analysis of 2568 may quote the
latest it has, another year's, which belong to that year's result and are not read with this one.
The section runs to the next table or the next section: the year after's measures or plan
("มาตรการส่งเสริม… ประจำปีงบประมาณ 2569", "ร่างแผนปฏิบัติการ ประจำปีงบประมาณ 2569"), the sign-off, a
comparison with peers, an appendix.
"""
from __future__ import annotations

import re

from ita_lib.io.document import Line

_HEADING = re.compile(r"^[#*\s\d.๐-๙)]*ข้อเสนอแนะ")
_FROM_NACC = ("ป.ป.ช.", "ปปช", "คณะกรรมการป้องกันและปราบปรามการทุจริต", "ผลการประเมิน")
_YEAR = re.compile(r"(?<!\d)(25\d\d)(?!\d)")
_PLAN_WORDS = ("มาตรการ", "ร่างแผน", "แผนปฏิบัติ", "แผนการ")
_CLOSING = ("การรับรองรายงาน", "ลงชื่อ", "(ลงชื่อ)", "เปรียบเทียบกับหน่วยงาน", "ภาคผนวก")


def recommendation_lines(lines: list[Line], year: int) -> list[list[Line]]:
    """Each heading of the recommendations of `year` with the lines under it (a heading naming no
    year counts as the assessed year's; the table of contents repeats the heading): none when the
    document quotes none, or another year's."""
    sections = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        if line.is_row or not _HEADING.match(text) or not any(word in text for word in _FROM_NACC):
            continue
        years = {int(y) for y in _YEAR.findall(text)}
        if years and year not in years:
            continue
        section = [line]
        for following in lines[index + 1:]:
            if _ends(following, year):
                break
            section.append(following)
        sections.append(section)
    return sections


def _ends(line: Line, year: int) -> bool:
    text = line.text.strip()
    if line.is_row:
        return True
    if text.startswith(_CLOSING):
        return True
    return text.startswith(_PLAN_WORDS) and any(int(y) > year for y in _YEAR.findall(text))
