"""One agency, one year: ITAS result pages, announcements of them, and agency analysis documents."""
from __future__ import annotations

from ita_lib.parse.agency import main_agency
from ita_lib.io.document import Document
from ita_lib.model import Assessment
from ita_lib.parse.years import assessed_year
from ita_lib.parse.actions import read_action_tables, scores_from_actions
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.headline import read_headline
from ita_lib.parse.indicator_tables import read_indicator_tables, read_item_scores
from ita_lib.parse.recommendations import read_recommendations
from ita_lib.parse.prose import main_mention
from ita_lib.parse.scan import per_document
from ita_lib.parse.topic_prose import attach_topic_analysis, read_limitations

_document_year = per_document(assessed_year)

ANALYSIS_MARKERS = ("การวิเคราะห์ผลการประเมิน", "การวิเคราะห์และนำผลการประเมิน", "วิเคราะห์ผลการประเมิน")


def single_builder(document: Document, *, year: int | None = None,
                   agency: str | None = None) -> RecordBuilder | None:
    """The one agency's values, not yet built (None when the document holds none), so that the
    caller can add what the sentences say (`fill_from_sentences`) before building the record."""
    lines = document.lines
    actions_builder = RecordBuilder(document, "agency_analysis")
    builder = RecordBuilder(document, "itas_result")
    assessed = _document_year(lines)
    read_headline(lines, builder, year if year is not None else assessed.year if assessed else None)
    read_indicator_tables(lines, builder)
    actions = read_action_tables(lines, actions_builder)
    scores_from_actions(actions, builder)
    read_item_scores(lines, builder)
    attach_topic_analysis(lines, actions)
    builder.actions = actions
    builder.recommendations = read_recommendations(lines)
    if not builder.has_content() and not actions:
        return None
    if actions or any(marker in document.text[:2000] for marker in ANALYSIS_MARKERS):
        builder.kind = "agency_analysis"
        limitations = read_limitations(lines)
        if limitations:
            builder.set("limitations", *limitations)
    builder.set_agency(main_agency(lines))
    if agency and "agency" not in builder.values:
        builder.set("agency", agency.strip(), None)
    if "agency" not in builder.values:  # not a local government: a university, a department...
        mention = main_mention(document)
        if mention is not None:
            builder.set("agency", mention.name, None)
            builder.set("province", mention.province, None)
    set_year(builder, lines, year)
    return builder


def fill_from_sentences(builder: RecordBuilder, sentences: list[Assessment]) -> None:
    """The prose reader's record of this agency and year fills what the tables and headline lines do
    not hold (the overall score, a grade, instrument scores written in a sentence); a value they
    contradict is kept from the table, with a warning (RecordBuilder.set)."""
    key = (builder.values.get("agency"), builder.values.get("fiscal_year"))
    said = next((r for r in sentences if (r.agency, r.fiscal_year) == key), None)
    if said is None:
        return
    for name in ("overall_score", "grade", "result"):
        builder.set(name, getattr(said, name), said.source.lines.get(name))
    for code, score in said.instruments.items():
        if score is not None:
            builder.set_instrument(code, score, said.source.lines.get(f"instruments.{code}"))


def set_year(builder: RecordBuilder, lines, year: int | None) -> None:
    if year is not None:
        builder.set("fiscal_year", year, None)
        return
    mention = _document_year(lines)
    if mention is None:
        builder.warn("year_missing", "the document gives no fiscal year; pass --year")
        return
    builder.set("fiscal_year", mention.year, mention.line)
