"""Action-plan tables: measure, analysis, steps, period, responsible, one row per measure.

Column roles come from the header's words, so any year's wording works. The first column names
the indicator ("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "๑. การปฏิบัติหน้าที่") or, in some documents,
an analysis topic ("๑) กระบวนการปฏิบัติงาน..."), whose list number is not an indicator number.
"""
from __future__ import annotations

import re

from ita_lib.io.document import Cell, Line
from ita_lib.parse.indicator_names import indicator_from_name, indicator_number_prefix
from ita_lib.model import ActionRow
from ita_lib.text.steps import numbered_steps
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.scan import Table, cell, find_tables

# Role -> header words, checked in this order; each column takes the first role it matches.
_ROLES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("steps", ("ขั้นตอน",), ()),
    ("responsible", ("ผู้รับผิดชอบ", "สำนัก/กอง", "หน่วยงานรับผิดชอบ", "responsible"), ()),
    ("period", ("ระยะเวลา", "ช่วงเวลา", "period"), ()),
    ("analysis", ("ผลการวิเคราะห์",), ("ไปสู่",)),
    ("measure", ("มาตรการ", "โครงการ", "กิจกรรม", "แนวทาง", "วิธีการ"), ()),
)
# Analysis cells quote the indicator's own score: "โดยรวมได้คะแนน ๑๐๐ คะแนน", "คะแนนสูง (๑๐๐)".
_QUOTED_SCORE = (
    re.compile(r"โดยรวม\s*ได้คะแนน\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.])"),
    re.compile(r"^\s*คะแนน(?:สูง|ต่ำ|ปานกลาง)?\s*\(\s*(\d{1,3}(?:\.\d{1,2})?)\s*\)"),  # high/low: not the rubric's
    # "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน ๙๓.๑๕ คะแนน", unless an item ("หัวข้อ e1", "ข้อ ๐๑๓")
    # was named first: then the score is the item's.
    re.compile(r"^(?:(?!หัวข้อ|ข้อ\s*[0-9OoEeIi]).){0,160}?ได้คะแนน\s*(?:เท่ากับ\s*)?"
               r"(\d{1,3}(?:\.\d{1,2})?)(?![\d.])\s*คะแนน"),
)
_LEADING_MARKER = re.compile(r"^\s*(?:[-•*]|\d{1,2}\s*[.)])\s*")


def is_action_table(table: Table) -> bool:
    return table.column("ขั้นตอน") is not None and (
        table.column("มาตรการ", "โครงการ", "กิจกรรม", "แนวทาง") is not None)


def _roles(table: Table) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, name in enumerate(table.columns):
        if index == 0:
            continue
        for role, words, excluded in _ROLES:
            if role in roles:
                continue
            if any(w in name for w in words) and not any(x in name for x in excluded):
                roles[role] = index
                break
    return roles


def _steps(item: Cell | None) -> list[str]:
    if item is None or not item.text:
        return []
    parts = list(item.parts) if len(item.parts) >= 2 else numbered_steps(item.text)
    if not parts:
        parts = [item.text]
    steps = [_LEADING_MARKER.sub("", part).strip() for part in parts]
    return [step for step in steps if step]


def _text(item: Cell | None) -> str | None:
    return item.text.strip() or None if item is not None else None


def _row_indicator(first: str, first_header: str) -> int | None:
    if "ตัวชี้วัด" in first_header:
        printed = indicator_number_prefix(first)
        if printed:
            return printed
    # A topic column ("มาตรการ") names an indicator only when the topic is the indicator's name.
    return indicator_from_name(_LEADING_MARKER.sub("", first), fuzzy=False, contained=False)


def _quoted_score(analysis: str | None) -> float | None:
    if not analysis:
        return None
    for pattern in _QUOTED_SCORE:
        match = pattern.search(analysis)
        if match:
            return float(match.group(1))
    return None


def read_action_tables(lines: list[Line], builder: RecordBuilder) -> list[ActionRow]:
    rows: list[ActionRow] = []
    for table in find_tables(lines):
        if not is_action_table(table):
            continue
        roles = _roles(table)
        first_header = table.columns[0]
        if "measure" not in roles and "มาตรการ" in first_header:
            roles["measure"] = 0
        for line in table.rows:
            first = _text(cell(line, 0)) or ""
            analysis = _text(cell(line, roles.get("analysis")))
            row = ActionRow(
                indicator=_row_indicator(first, first_header),
                topic=first or None,
                measure=_text(cell(line, roles.get("measure"))),
                analysis=analysis,
                steps=_steps(cell(line, roles.get("steps"))),
                period=_text(cell(line, roles.get("period"))),
                responsible=_text(cell(line, roles.get("responsible"))),
                score=_quoted_score(analysis),
                line=line.number,
            )
            rows.append(row)
    return rows


def scores_from_actions(rows: list[ActionRow], builder: RecordBuilder) -> None:
    """Scores quoted in action rows count as indicator scores; a different earlier value wins and
    the disagreement is a warning naming both lines."""
    for row in rows:
        if row.indicator is not None and row.score is not None:
            builder.set_indicator(row.indicator, row.score, row.line, what="quoted in the action plan",
                                  context="action_plan")
