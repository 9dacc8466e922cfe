"""A text with a table (its agency's years, or several agencies) and sentences around it: the table's
rows first, the sentences' records for an agency and year the table does not list added, and a
sentence that gives a listed agency and year another score leaves that score null with a warning
naming both."""
from __future__ import annotations

from ita_lib.model import Assessment
from ita_lib.parse.validate import TOLERANCE


def _key(record: Assessment) -> tuple[str | None, int | None]:
    return record.agency, record.fiscal_year


def with_sentences(table: list[Assessment], sentences: list[Assessment], *,
                   scored_only: bool = False) -> list[Assessment]:
    """`scored_only`: add only sentence records with a score (a list's title names its province or
    district with a result word, which is no agency's record)."""
    listed = {_key(record): record for record in table}
    out = list(table)
    for record in sentences:
        row = listed.get(_key(record))
        if row is None:
            if record.fiscal_year is not None and (record.overall_score is not None or not scored_only):
                out.append(record)
            continue
        said, printed = record.overall_score, row.overall_score
        if said is not None and printed is not None and abs(said - printed) > TOLERANCE:
            row.warn("ambiguous_score",
                     f"{row.agency}, {row.fiscal_year}: the table prints {printed:.2f} (line "
                     f"{row.source.lines.get('overall_score')}), the text says {said:.2f} (line "
                     f"{record.source.lines.get('overall_score')}); neither kept",
                     row.source.lines.get("overall_score"))
            row.overall_score = None
            if row.passed_derived:
                row.passed, row.passed_derived = None, False
    return out
