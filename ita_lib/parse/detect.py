"""Detect what a document is and read its ITA records with the parser that fits it (the entry
points `ita_lib.parse` exports)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ita_lib.errors import ItaError, ParserFailure
from ita_lib.io.document import Document
from ita_lib.parse.indicator_names import find_indicator_names
from ita_lib.parse.memo import parse_memo
from ita_lib.io.read import document_from_bytes, document_from_text, read_document
from ita_lib.model import Assessment
from ita_lib.parse.english import read_english
from ita_lib.parse.multi import parse_multi_agency_table, parse_multi_year_table, parse_province_list
from ita_lib.parse.province_rows import is_province_list
from ita_lib.parse.prose import read_prose
from ita_lib.parse.prose_words import heading, other_assessment_heading, says_not_ita
from ita_lib.parse.analysis_report import read_analysis
from ita_lib.parse.combine import with_sentences
from ita_lib.parse.ranked_tables import parse_ranked_table
from ita_lib.parse.scan import promote_loose_rows
from ita_lib.parse.single import fill_from_sentences, single_builder
from ita_lib.parse.wraps import rejoin_wrapped_values

__all__ = ["ParseReport", "load", "parse_document", "parse_loaded", "parse_report", "parse_text"]

ITA_MARKERS = ("ITA", "คุณธรรมและความโปร่งใส", "Integrity and Transparency", "ITAS", "nacc", "ป.ป.ช.",
               "คะแนนภาพรวมหน่วยงาน", "ผลการประเมินรายหน่วยงานภายในจังหวัด")


# "ประเมินคุณธรรม-ความโปร่งใส", "คุณธรรมความโปร่งใส", "คุณธรรม-โปร่งใส": the name as headlines shorten it
_SHORT_NAME = re.compile(r"คุณธรรม\s?[-–]?\s?(?:และ)?\s?(?:ความ)?โปร่งใส")


def _has_ita_marker(text: str) -> bool:
    """ITA's own words; "ITA" and "ITAS" in capitals only ("digital" holds the letters)."""
    lowered = text.lower()
    return any(marker in text if marker.isupper() else marker.lower() in lowered for marker in ITA_MARKERS) \
        or bool(_SHORT_NAME.search(text))


@dataclass
class ParseReport:
    document: Document
    records: list[Assessment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # bytes the reader dropped; why nothing was found; for stderr


_NO_AGENCY_NOTE = "a result but no agency named: no record; pass --agency NAME if the text is about one agency"


def parse_loaded(document: Document, *, year: int | None = None, agency: str | None = None) -> ParseReport:
    """The records of a document read, with notes for stderr. A record must name its agency: a
    spreadsheet row with an empty agency cell (or a formula whose value was never cached) gives no
    record but a note naming its line, rather than a nameless agency in the store."""
    with parse_memo():
        report = _read_records(document, year=year, agency=agency)
    if len(report.records) == 1 and not (report.records[0].agency or "").strip():  # one agency's document
        report.records = []
        report.notes.append(_NO_AGENCY_NOTE)
        return report
    named = []
    for record in report.records:
        if record.agency and record.agency.strip():
            named.append(record)
        else:
            line = record.source.lines.get("overall_score") or max(
                (n for n in record.source.lines.values() if isinstance(n, int)), default=None)
            where = f"line {line}: " if line else ""
            report.notes.append(f"{where}a result without an agency name: left out")
    report.records = named
    return report


def _read_records(document: Document, *, year: int | None, agency: str | None) -> ParseReport:
    # Province-list rows are not indicator rows: fuzzy-matching hundreds of them is slow.
    if not any(line.is_row for line in document.lines) and not is_province_list(document):
        document = replace(document, lines=promote_loose_rows(document.lines))
    document = replace(document, lines=rejoin_wrapped_values(document.lines))
    report = ParseReport(document, notes=list(document.notes))  # what reading repaired comes first
    text = document.text
    indicator_mentions = len({n for _, n in find_indicator_names(text)})
    if (not _has_ita_marker(text) and indicator_mentions < 3
            and not is_province_list(document)):  # a list copied without its ITAS title
        report.notes.append("not an ITA result: no ITA wording and no ITA indicator names")
        return report
    disclaimer = next((line for line in document.lines if says_not_ita(line.text)), None)
    if disclaimer is not None:
        report.notes.append(f"not an ITA result: line {disclaimer.number} says so")
        return report
    if other_assessment_heading(heading(line.text for line in document.lines)):
        # headed by another assessment (LPA, MOIT, a survey): only a sentence that names the ITA counts
        prose = read_prose(document, year=year, agency=agency)
        report.records, report.notes = prose.records, [*report.notes, *prose.notes]
        if not report.records:
            report.notes.append("not an ITA result: the text is about another assessment")
        return report
    english = read_english(document, year=year, agency=agency)
    if english is not None:
        report.records = english.records
        report.notes.extend(english.notes)  # records named only in English, left out
        if not english.records and not english.notes:
            report.notes.append("mentions ITA but gives no score, grade or indicator table")
        return report
    analysis = read_analysis(document, year=year, agency=agency)
    if analysis is not None:  # one agency's analysis of one year's result (ita-report's own reports too)
        report.records = analysis
        return report
    for parser in (parse_province_list, parse_multi_agency_table):
        records = parser(document, year=year)
        if records:  # a news page's list: its sentences add the agencies the list does not hold
            rows = {n for r in records for n in r.source.lines.values() if isinstance(n, int)}
            around = replace(document, lines=[line for line in document.lines if line.number not in rows])
            prose = read_prose(around, year=year, agency=agency)  # the list's own rows are read once
            report.records = with_sentences(records, prose.records, scored_only=True)
            return report
    years_table = parse_multi_year_table(document, agency=agency)
    current = _result_beside_its_history(document, years_table, year=year, agency=agency)
    if current:
        report.records = current
        return report
    tables = years_table or parse_ranked_table(document, year=year)
    if tables:  # the sentences around a table add what it does not list
        prose = read_prose(document, year=year, agency=agency)
        report.records = with_sentences(tables, prose.records)
        report.notes.extend(prose.notes)
        return report
    builder = single_builder(document, year=year, agency=agency)
    single = [builder.build()] if builder is not None else []
    if single and _from_tables(single[0], document):
        report.records = _filled_by_sentences(document, builder, year=year, agency=agency)
        return report
    prose = read_prose(document, year=year, agency=agency)
    report.notes.extend(prose.notes)
    report.records = prose.records
    if report.records:
        return report
    if prose.notes:
        return report
    if single and not single[0].agency:
        report.notes.append(_NO_AGENCY_NOTE)
        return report
    report.notes.append("mentions ITA but gives no score, grade or indicator table")
    return report


def _result_beside_its_history(document: Document, history: list[Assessment], *, year: int | None,
                               agency: str | None) -> list[Assessment]:
    """A result page (indicator rows, instrument lines) with a table of the agency's earlier years
    under it: the page's own result first, then the years the table adds."""
    if not history:
        return []
    builder = single_builder(document, year=year, agency=agency)
    record = builder.build() if builder is not None else None
    if (record is None or not _from_tables(record, document) or not record.agency
            or record.fiscal_year in {r.fiscal_year for r in history}):
        return []
    return _filled_by_sentences(document, builder, year=year, agency=agency, history=history)


def _filled_by_sentences(document: Document, builder, *, year: int | None, agency: str | None,
                         history: list[Assessment] = ()) -> list[Assessment]:
    """A one-agency record read from tables: the sentences fill what the tables leave out and add the
    agency's other years, as do the rows of a table of its years (`history`)."""
    prose = read_prose(document, year=year, agency=agency)
    fill_from_sentences(builder, prose.records)
    filled = builder.build()
    earlier = [r for r in history if r.agency == filled.agency]
    return with_sentences([filled, *earlier], [r for r in prose.records if r.agency == filled.agency])


def _from_tables(record: Assessment, document: Document) -> bool:
    """A one-agency record read from tables (indicators, actions, a summary row) or instrument
    lines, not only from headline sentences, which the prose reader weighs better."""
    rows = {line.number for line in document.lines if line.is_row}
    return bool(record.indicators or record.actions or record.items
                or any(v is not None for v in record.instruments.values())
                or record.source.lines.get("overall_score") in rows)


def parse_report(source: str | Path, *, year: int | None = None, agency: str | None = None) -> ParseReport:
    """A document's records and notes. A fault of the parser's on this text is that file's
    ParserFailure (one line, the file named), so a run over many files reads the others."""
    document = read_document(source)
    try:
        return parse_loaded(document, year=year, agency=agency)
    except ItaError:
        raise
    except Exception as error:  # noqa: BLE001 - ita_lib's own fault: this file's error, not the run's
        raise ParserFailure(f"the parser failed on this text ({type(error).__name__}: {error}); left out. "
                            "Please report it with the file", path=document.path or source) from error


_PATH_SUFFIXES = (".txt", ".md", ".text", ".csv", ".tsv", ".html", ".htm", ".docx", ".pdf")


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > 1024:
        return False
    return text.lower().endswith(_PATH_SUFFIXES) or "/" in text or Path(text).exists()


def load(source: str | Path | bytes | Document) -> Document:
    """A Document from a path, the text of a document, its bytes, or a Document."""
    if isinstance(source, Document):
        return source
    if isinstance(source, (bytes, bytearray)):
        return document_from_bytes(bytes(source))
    if isinstance(source, Path) or _looks_like_path(source):
        return read_document(source)
    return document_from_text(source)


def parse_document(source: str | Path | bytes | Document, *, year: int | None = None,
                   agency: str | None = None) -> list[Assessment]:
    """Records of one document: a path (Path, or a str naming a file), the document's text (a str
    with line breaks or no file name), its raw bytes, or a Document already read."""
    return parse_loaded(load(source), year=year, agency=agency).records


def parse_text(text: str, *, year: int | None = None, path: str | None = None,
               agency: str | None = None) -> list[Assessment]:
    """Records of a document given as text."""
    return parse_loaded(document_from_text(text, path=path), year=year, agency=agency).records
