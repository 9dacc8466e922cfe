"""An agency's analysis of its ITA result: the record of the year it analyses, and nothing else.

The kind: a title that says it analyses the result of a year, the agency named under it, then a
summary of the result (the overall, the result word or grade, the instruments), the indicator
table, and what the analysis adds: a table of earlier years, strengths and weaknesses that quote
scores ("ตัวชี้วัดที่ 3 การใช้อำนาจ (93.20)", "(82.75 → 91.40)"), what to improve first, the NACC's
recommendations, the measures for the next year with targets. ita-report's own reports (HTML,
DOCX, PDF) are of this kind, and so are the analyses agencies write by hand.

Only the parts that state the assessed year's result are read: the overall, result and
instruments from the summary (its labelled values and its sentences), the indicators from
the tables of one score column (the table of earlier years is left out), items, the agency's
own analysis and measures (action tables), its limitations, and the NACC's recommendations when
they are the assessed year's. A value the summary gives twice differently is refused with a
warning. The sentences that quote scores name indicators and other years, not agencies: they make
no record. The earlier years of a document that has a table of them are history (such a table is
what ita-report prints, partly computed); a hand-written analysis without one may state an
earlier year's result in a sentence ("(ปี 2565 ได้ 88.02 คะแนน ระดับ A)"), which stays that year's
record, as the parse contract has it.
"""
from __future__ import annotations

from dataclasses import replace

from ita_lib.io.document import Document, Line
from ita_lib.model import Assessment, OtherValue
from ita_lib.parse.analysis_summary import read_summary
from ita_lib.parse.actions import is_action_table, read_action_tables, scores_from_actions
from ita_lib.parse.analysis_title import AnalysisTitle, TitledAgency, analysis_title, titled_agency
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.contents import body_with_headings
from ita_lib.parse.history_tables import history_lines
from ita_lib.parse.places import fold
from ita_lib.parse.prose import read_prose
from ita_lib.parse.indicator_tables import is_indicator_table, read_indicator_table, read_item_scores
from ita_lib.parse.recommendation_section import recommendation_lines
from ita_lib.parse.recommendations import read_recommendations
from ita_lib.parse.report_rows import first_loose_indicator_row, read_item_rows, read_loose_indicator_rows
from ita_lib.parse.scan import find_tables
from ita_lib.parse.summary_values import doubts, without_marks
from ita_lib.parse.topic_prose import attach_topic_analysis, read_limitations

KIND = "agency_analysis"


def read_analysis(document: Document, *, year: int | None = None,
                  agency: str | None = None) -> list[Assessment] | None:
    """The records of an analysis document; None when the document is not one (no analysis title
    with its year near the top, or no agency named under it)."""
    title = analysis_title(document.lines)
    if title is None:
        return None
    named = titled_agency(document.lines, title)
    if named is None and not agency:
        return None
    assessed = year if year is not None else title.year
    history = history_lines(document.lines)
    lines = [Line(line.number, "") if index in history else without_marks(line)
             for index, line in enumerate(document.lines)]
    read = replace(document, lines=lines)
    builder = RecordBuilder(read, KIND)
    _set_identity(builder, named, agency)
    builder.set("fiscal_year", assessed, title.line if year is None else None)
    prose = read_prose(read, year=year, agency=agency).records
    said = next((r for r in prose if r.fiscal_year == assessed and _same_agency(r.agency, builder.values["agency"])),
                None)
    read_summary(lines[title.end:_summary_end(lines, history)], builder, assessed, said)
    _read_tables(lines, builder, assessed)
    _add_doubts(lines, builder)
    builder.recommendations = _recommendations(lines, assessed)
    if not builder.has_content() and not builder.actions:
        return None
    record = builder.build()
    if history:  # a table of earlier years: history, which may hold values computed for it
        return [record]
    return [record, *(r for r in prose if _same_agency(r.agency, record.agency) and r.fiscal_year is not None
                      and r.fiscal_year < record.fiscal_year and r.overall_score is not None)]


def _same_agency(a: str | None, b: str | None) -> bool:
    return bool(a and b) and fold(a.replace(" ", "")) == fold(b.replace(" ", ""))


def _set_identity(builder: RecordBuilder, named: TitledAgency | None, agency: str | None) -> None:
    if agency:
        builder.set("agency", agency.strip(), None)
    builder.set_agency(named)  # the name under the title, with its type and place


def _summary_end(lines: list[Line], history: set[int]) -> int:
    """Where the summary ends: at the first indicator or action table, or the table of years."""
    stops = [min(history)] if history else []
    positions = {id(line): index for index, line in enumerate(lines)}
    for table in find_tables(lines):
        if is_indicator_table(table) or is_action_table(table):
            # a table of rows under no header has a header made for it, which is no line of the text
            at = [positions[id(line)] for line in (table.header, *table.rows[:1]) if id(line) in positions]
            stops += at[:1]
    loose = first_loose_indicator_row(lines)
    if loose is not None:
        stops.append(loose)
    return min(stops, default=len(lines))


def _read_tables(lines: list[Line], builder: RecordBuilder, year: int) -> None:
    """Indicators from the tables (and PDF lines) of one score column, items, the agency's own
    analysis and measures, its limitations."""
    for table in find_tables(lines):
        if is_indicator_table(table):
            read_indicator_table(table, builder, year)
    read_loose_indicator_rows(lines, builder)
    actions_builder = RecordBuilder(builder.document, KIND)
    actions = read_action_tables(lines, actions_builder)
    scores_from_actions(actions, builder)
    read_item_scores(lines, builder)
    read_item_rows(lines, builder)
    body = body_with_headings(lines)  # the agency's prose ends at the next section the contents name
    attach_topic_analysis(body, actions)
    builder.actions = actions
    limitations = read_limitations(body)
    if limitations:
        builder.set("limitations", *limitations)


def _add_doubts(lines: list[Line], builder: RecordBuilder) -> None:
    """A value the document marks as given twice keeps the value it went on with; the others are
    kept apart with a warning, as for any score a document gives twice."""
    for doubt in doubts(lines):
        if doubt.field.startswith("indicators."):
            number = int(doubt.field.split(".")[1])
            if builder.indicators.get(number) == doubt.used:
                for other in doubt.others:
                    builder.set_indicator(number, other, doubt.line, what="a value the document marks as doubtful",
                                          context="doubt_note")
            continue
        overall = doubt.field == "overall_score"
        kept = builder.values.get(doubt.field) if overall else builder.instruments.get(doubt.field)
        if kept != doubt.used:
            continue
        name = doubt.field if overall else f"instruments.{doubt.field}"
        for other in doubt.others:
            builder.warn("conflicting_scores",
                         f"{name}: {kept:.2f} and {other:.2f} (line {doubt.line}); kept {kept:.2f}", doubt.line)
            builder.other_values.append(OtherValue(field=name, value=other, line=doubt.line, context="doubt_note"))


def _recommendations(lines: list[Line], year: int) -> list:
    """The NACC's recommendations under a heading "ข้อเสนอแนะ…" of the assessed year (a report may
    print an earlier year's, the latest it has), up to the next table or section."""
    for section in recommendation_lines(lines, year):  # the first is often the table of contents'
        found = read_recommendations(section)
        if found:
            return found
    return []


__all__ = ["AnalysisTitle", "read_analysis"]
