"""The analysis as an Excel workbook (report.xlsx): one sheet per table, Thai headings, numbers as
numbers, the action-plan draft ready to edit.

Sheets: ผลรายปี (scores by year), ตัวชี้วัด (the latest year's indicators), ลำดับความสำคัญ,
แผนปฏิบัติการ, ข้อเสนอแนะ (only when the documents give any). Text from documents is written as
text that cannot run as a formula (a cell starting with =, +, -, @, tab or CR is stored as a string
with Excel's quote prefix), and characters a workbook cannot hold are dropped.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ita_lib import fields, rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.labels import COLUMNS, LEVELS
from ita_lib.analysis.history import COMPUTED
from ita_lib.analysis.numbers import digits, document_digits, fmt
from ita_lib.io.csv_cells import FORMULA_STARTS

FONT_NAME = "TH Sarabun New"
FONT_SIZE = 14
SCORE_FORMAT = "0.00"
INTEGER_FORMAT = "0"
SHARE_FORMAT = "0.0%"
MAX_CELL_TEXT = 32767  # Excel's limit for one cell
# Excel's locale prefix for Thai digits (numeral shape D0, Thai calendar 07, Thai 041E): a workbook of
# a Thai-digit report shows its numbers as ๘๕.๐๐ and keeps them numbers.
THAI_DIGITS_FORMAT = "[$-D07041E]"
FOLLOW_UP = "ผลการติดตาม"  # the plan's last column: empty, for the agency to fill in during the year
WEIGHT_STATUS = {"C": "ยืนยันแล้ว", "L": "น่าจะถูกต้อง แต่ยังไม่ได้รับการยืนยัน", "U": "ยังไม่ทราบ"}
RESULT_WORDS = {True: "ผ่านเกณฑ์", False: "ไม่ผ่านเกณฑ์"}

SHEET_YEARS = "ผลรายปี"
SHEET_INDICATORS = "ตัวชี้วัด"
SHEET_PRIORITIES = "ลำดับความสำคัญ"
SHEET_PLAN = "แผนปฏิบัติการ"
SHEET_RECOMMENDATIONS = "ข้อเสนอแนะ"


@dataclass
class Column:
    """One column of a sheet: its Thai heading, cell kind (text, score, integer, share) and width cap."""

    heading: str | int
    kind: str = "text"
    cap: int = 40  # widest the column is fitted to (in characters); longer text wraps
    wrap: bool = False  # wrap text in every cell of the column, not only in cells wider than `cap`


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    freeze: str = "A2"
    autofilter: bool = True
    landscape: bool = False
    digits: str = "arabic"  # the report's: text, headings and number formats of the sheet all in it


# ---------------------------------------------------------------- cell values

def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _number(value) -> float | None:
    return None if _missing(value) else float(value)


def _integer(value) -> int | None:
    return None if _missing(value) else int(value)


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value) -> str | None:
    """Text for a cell: None when missing or empty, without characters XML cannot carry."""
    if _missing(value):
        return None
    text = _ILLEGAL.sub("", str(value))[:MAX_CELL_TEXT]
    return text if text.strip() else None


def display_width(text: str) -> int:
    """Columns the widest line of *text* takes: Thai vowel and tone marks above or below a letter
    (Unicode Mn, which unicodedata.combining() reports as 0 for ั ิ ี ึ ื ็ ํ ์) take no room; wide
    East Asian characters take two."""
    widest = 0
    for line in text.split("\n"):
        width = 0
        for char in line:
            category = unicodedata.category(char)
            if category in ("Mn", "Me", "Cf"):
                continue
            width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        widest = max(widest, width)
    return widest


# ---------------------------------------------------------------- the sheets

def _passing_label(a: AgencyAnalysis) -> str:
    return f"{a.config.passing:g}"


def years_sheet(a: AgencyAnalysis, audience: str = "agency") -> Sheet:
    """Rows: overall, grade, result, instruments, the ten indicators, notes; columns: the years. The
    agency's copy holds only printed or confirmed values; the analyst's also the computed ones, noted."""
    years = a.years.sort_values("fiscal_year") if not a.years.empty else a.years
    year_numbers = [int(y) for y in years.get("fiscal_year", [])]
    columns = [Column("ตัวชี้วัดที่", "integer"), Column("รายการ", cap=34), Column("แบบวัด")]
    columns += [Column(year, "score", cap=14) for year in year_numbers]
    records = list(years.to_dict("records")) if year_numbers else []
    keys = list(zip(a.scores["fiscal_year"], a.scores["field"]))  # the long scores, pivoted for this sheet
    scores, sources = dict(zip(keys, a.scores["score"])), dict(zip(keys, a.scores["score_source"]))

    def published(year: int, field: str) -> bool:
        return audience == "analyst" or sources.get((year, field)) != COMPUTED

    def by_year(field: str) -> list:
        return [_number(scores.get((y, field))) if published(y, field) else None for y in year_numbers]

    rows = [[None, "คะแนนรวม ITA", None, *[_number(r["overall_score"]) if audience == "analyst"
                                           or r.get("overall_source") != COMPUTED else None for r in records]]]
    grades = [_text(r.get("grade")) for r in records]
    if any(grades):
        rows.append([None, COLUMNS["grade"], None, *grades])
    # As the report's headline: the printed result, else (no grade either) pass or fail from the score.
    results = [_text(r.get("result")) or (None if grade or _missing(r.get("passed"))
                                          else RESULT_WORDS[bool(r["passed"])])
               for r, grade in zip(records, grades)]
    if any(results):
        rows.append([None, COLUMNS["result"], None, *results])
    for code in rubric.load().instrument_codes:
        rows.append([None, f"แบบวัด {code}", code, *by_year(fields.instrument(code))])
    for n in rubric.load().indicator_numbers:
        info = rubric.load().indicators[n]
        rows.append([n, info.name, info.instrument, *by_year(fields.indicator(n))])
    notes, previous_era = [], None
    for r in records:
        parts = []
        if r.get("overall_source") == COMPUTED and audience == "analyst":
            parts.append("คะแนนรวมคำนวณจากคะแนนรายตัวชี้วัด")
        computed = [code for code in rubric.load().instrument_codes
                    if sources.get((r["fiscal_year"], fields.instrument(code))) == COMPUTED]
        if computed and audience == "analyst":
            parts.append("แบบวัด " + ", ".join(computed) + " คำนวณจากค่าเฉลี่ยของตัวชี้วัด")
        era = rubric.load().era_of(int(r["fiscal_year"]))
        if era.id != previous_era:
            parts.append("ช่วงเกณฑ์: " + digits(era.label, a.config))
        previous_era = era.id
        notes.append("\n".join(parts) or None)
    if any(notes):
        rows.append([None, "หมายเหตุ", None, *notes])
    return Sheet(SHEET_YEARS, columns, rows, freeze="D2", autofilter=False)


def indicators_sheet(a: AgencyAnalysis) -> Sheet:
    passing = _passing_label(a)
    columns = [Column(COLUMNS["fiscal_year"], "integer"), Column(COLUMNS["indicator"], "integer"),
               Column(COLUMNS["name"], cap=30), Column(COLUMNS["instrument"]), Column(COLUMNS["score"], "score"),
               Column(COLUMNS["level"]), Column(COLUMNS["rank"], "integer"),
               Column(f"ห่างจาก {passing}", "score"), Column("เปลี่ยนแปลงจากปีก่อน", "score")]
    year = a.latest_year
    rows = []
    if year is not None:
        latest = a.indicators[a.indicators["fiscal_year"] == year].sort_values("indicator")
        yoy = a.yoy[(a.yoy["scope"] == "indicator") & (a.yoy["fiscal_year"] == year)]
        deltas = dict(zip(yoy["field"], yoy["delta"]))
        for r in latest.to_dict("records"):
            rows.append([int(year), _integer(r["indicator"]), _text(r["name"]), _text(r["instrument"]),
                         _number(r["score"]), LEVELS.get(r["level"]), _integer(r["rank"]),
                         _number(r["gap_to_pass"]), _number(deltas.get(r["field"]))])
    return Sheet(SHEET_INDICATORS, columns, rows)


def priorities_sheet(a: AgencyAnalysis, audience: str = "agency") -> Sheet:
    """The ranking; how sure the weights are is the analyst's concern (its column only in that copy)."""
    passing = _passing_label(a)
    columns = [Column(COLUMNS["priority"], "integer"), Column(COLUMNS["indicator"], "integer"),
               Column(COLUMNS["name"], cap=30), Column(COLUMNS["instrument"]), Column(COLUMNS["score"], "score"),
               Column(COLUMNS["weight"], "share"), Column(f"ห่างจาก {passing}", "score"),
               Column(COLUMNS["gap_to_full"], "score"), Column(f"คะแนนรวมเพิ่มหากถึง {passing}", "score"),
               Column(COLUMNS["gain_to_full"], "score")]
    analyst = audience == "analyst"
    if analyst:
        columns.append(Column(COLUMNS["weights_status"], cap=24))
    rows = [[_integer(r["priority"]), _integer(r["indicator"]), _text(r["name"]), _text(r["instrument"]),
             _number(r["score"]), _number(r["weight"]), _number(r["gap_to_pass"]), _number(r["gap_to_full"]),
             _number(r["gain_to_pass"]), _number(r["gain_to_full"])]
            + ([WEIGHT_STATUS.get(r["weights_status"], _text(r["weights_status"]))] if analyst else [])
            for r in a.priorities.to_dict("records")]
    return Sheet(SHEET_PRIORITIES, columns, rows)


def _steps(value) -> str | None:
    """The plan's ' | '-separated steps, one per line."""
    text = _text(value)
    if text is None:
        return None
    return "\n".join(step.strip() for step in text.split("|") if step.strip()) or None


def _origin(value) -> str | None:
    text = _text(value)
    # An action row without a source line reads "(file.txt:<NA>)" in the plan table.
    return None if text is None else text.replace(":<NA>)", ")")


def plan_sheet(a: AgencyAnalysis, audience: str = "agency") -> Sheet:
    from ita_lib.analysis.plan import for_audience

    columns = [Column(COLUMNS["indicator"], "integer"), Column("ตัวชี้วัด", cap=22, wrap=True),
               Column(COLUMNS["reason"], cap=30, wrap=True), Column(COLUMNS["measure"], cap=40, wrap=True),
               Column(COLUMNS["steps"], cap=60, wrap=True), Column(COLUMNS["output"], cap=36, wrap=True),
               Column(COLUMNS["responsible"], cap=24, wrap=True), Column(COLUMNS["period"], cap=24, wrap=True),
               Column(COLUMNS["origin"], cap=26, wrap=True), Column(FOLLOW_UP, cap=30, wrap=True)]
    rows = [[_integer(r["indicator"]), _text(r["name"]), _text(r["reason"]), _text(r["measure"]),
             _steps(r["steps"]), _text(r["output"]), _text(r["responsible"]), _text(r["period"]),
             _origin(r["origin"]), None]
            for r in for_audience(a.plan, audience).to_dict("records")]
    return Sheet(SHEET_PLAN, columns, rows, landscape=True)


def recommendations_sheet(a: AgencyAnalysis, audience: str = "agency") -> Sheet | None:
    """The NACC's recommendations; the analyst's copy also says which file and line each came from."""
    recs = a.recommendations
    if recs.empty:
        return None
    sort = [c for c in ("fiscal_year", "position") if c in recs.columns]
    recs = recs.sort_values(sort, ascending=[False] + [True] * (len(sort) - 1), kind="stable") if sort else recs
    columns = [Column(COLUMNS["fiscal_year"], "integer"), Column(COLUMNS["instrument"]),
               Column(COLUMNS["indicator"], "integer"), Column("ตัวชี้วัด", cap=24),
               Column("ข้อเสนอแนะ", cap=70, wrap=True)] + (
                   [Column("แหล่งข้อมูล", cap=30)] if audience == "analyst" else [])
    rows = []
    for r in recs.to_dict("records"):
        number = _integer(r.get("indicator"))
        info = rubric.load().indicators.get(number) if number is not None else None
        source = None if _missing(r.get("path")) else Path(str(r["path"])).name
        if source and not _missing(r.get("line")):
            source += " บรรทัด " + fmt(int(r["line"]), a.config, None)
        rows.append([_integer(r.get("fiscal_year")), _text(r.get("instrument")), number,
                     info.name if info else None, _text(r.get("text"))]
                    + ([_text(source)] if audience == "analyst" else []))
    return Sheet(SHEET_RECOMMENDATIONS, columns, rows)


def sheets(a: AgencyAnalysis, audience: str = "agency") -> list[Sheet]:
    found = [years_sheet(a, audience), indicators_sheet(a), priorities_sheet(a, audience), plan_sheet(a, audience),
             recommendations_sheet(a, audience)]
    return [in_report_digits(sheet, a) for sheet in found if sheet is not None]


def in_report_digits(sheet: Sheet, a: AgencyAnalysis) -> Sheet:
    """The sheet in one digit system, the report's: headings (a year too) and text, the documents' own
    included (codes and addresses keep theirs, as in the report); numbers stay numbers, their format
    shows them in it."""
    def heading(value):
        return fmt(value, a.config, None) if isinstance(value, int) and a.config.digits == "thai" else (
            digits(value, a.config) if isinstance(value, str) else value)

    columns = [Column(heading(c.heading), c.kind, c.cap, c.wrap) for c in sheet.columns]
    rows = [[document_digits(v, a.config) if isinstance(v, str) else v for v in row] for row in sheet.rows]
    return Sheet(sheet.name, columns, rows, sheet.freeze, sheet.autofilter, sheet.landscape, a.config.digits)


# ---------------------------------------------------------------- writing

_FORMATS = {"score": SCORE_FORMAT, "integer": INTEGER_FORMAT, "share": SHARE_FORMAT}


def _shown(value, kind: str) -> str:
    """The text a cell shows, for fitting its column."""
    if isinstance(value, str):
        return value
    if kind == "share":
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _fill_sheet(ws, sheet: Sheet, styles: dict) -> None:
    from openpyxl.utils import get_column_letter

    prefix = THAI_DIGITS_FORMAT if sheet.digits == "thai" else ""
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.heading)
        cell.font, cell.alignment, cell.fill = styles["bold"], styles["header"], styles["header_fill"]
        if isinstance(column.heading, int):
            cell.number_format = prefix + INTEGER_FORMAT
    widths = [min(display_width(str(c.heading)), 16 if c.kind != "text" else c.cap) for c in sheet.columns]
    for row_index, row in enumerate(sheet.rows, start=2):
        for index, (column, value) in enumerate(zip(sheet.columns, row), start=1):
            cell = ws.cell(row=row_index, column=index)
            cell.font = styles["font"]
            if value is None:
                cell.alignment = styles["wrap"] if column.wrap else styles["top"]
                continue
            cell.value = value
            if isinstance(value, str):
                if value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"  # openpyxl would store "=..." as a formula
                    cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
                width = display_width(value)
                wrap = column.wrap or "\n" in value or width > column.cap
                cell.alignment = styles["wrap"] if wrap else styles["top"]
            else:
                cell.number_format = prefix + _FORMATS.get(column.kind, SCORE_FORMAT if isinstance(value, float)
                                                           else INTEGER_FORMAT)
                cell.alignment = styles["top"]
                width = len(_shown(value, column.kind))
            widths[index - 1] = max(widths[index - 1], min(width, column.cap))
    for index, (column, width) in enumerate(zip(sheet.columns, widths), start=1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = max(width, 6) + 2
        # Cells typed later into the column get the Thai font too.
        dimension.font = styles["font"]
        if column.wrap:
            dimension.alignment = styles["wrap"]
    ws.freeze_panes = sheet.freeze
    if sheet.autofilter and sheet.columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(1, len(sheet.rows) + 1)}"
    if sheet.landscape:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def sheets_from_json(data: list[dict]) -> list[Sheet]:
    """The sheets as the notebook published them (ita_lib.report.publish)."""
    return [Sheet(**{**sheet, "columns": [Column(**column) for column in sheet["columns"]]}) for sheet in data]


def workbook_bytes(sheets_: list[Sheet], agency_name: str) -> bytes:
    """The workbook as .xlsx bytes; the agency's copy names no source file (README, audiences)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    styles = {"font": Font(name=FONT_NAME, size=FONT_SIZE),
              "bold": Font(name=FONT_NAME, size=FONT_SIZE, bold=True),
              "header": Alignment(vertical="center", wrap_text=True),
              "header_fill": PatternFill("solid", fgColor="DDEBF7"),
              "top": Alignment(vertical="top"),
              "wrap": Alignment(vertical="top", wrap_text=True)}
    workbook = Workbook()
    workbook.remove(workbook.active)
    name = _text(agency_name) or ""
    workbook.properties.title = _text(f"ผลการประเมิน ITA {name}".strip())
    workbook.properties.creator = name  # the agency publishes it; no tool name in its file
    header = name.replace("&", "&&")[:200]  # & starts a code in Excel's print header
    for sheet in sheets_:
        ws = workbook.create_sheet(sheet.name)
        _fill_sheet(ws, sheet, styles)
        if header:
            ws.oddHeader.center.text = header
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_xlsx(export) -> dict[str, bytes]:
    """The workbook format (ita_lib.report.exporters): the sheets the notebook published."""
    from ita_lib.errors import ReportBuildError

    if export.published.workbook is None:
        raise ReportBuildError("the notebook published no workbook (Report.publish was not given xlsx)")
    return {"report.xlsx": workbook_bytes(sheets_from_json(export.published.workbook),
                                          export.published.document.agency)}
