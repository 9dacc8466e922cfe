"""ITA results written in English news prose: `read_english` is the entry point.

English news about ITA results carries many numbers that are not an agency's score: national and
group averages, pass thresholds and targets, ranks, counts, shares of agencies ("73%"), years,
magnitudes, deltas. It also names bodies that are not agencies (ministries and other groups whose
scores are averages, countries in a CPI table, companies, people). Reading it is three decisions,
each a weighed choice over evidence rather than the first regex that matches; each module's
docstring documents its part:

1. Is a number a score, and whose is it?  `scores` (the cue tables and the owner weights), `names`
   (agencies, groups, acronyms, places), `reader` (a shared score given to listed names,
   "respectively").
2. Which year, and did it pass?  `years` (assessed years, pass / fail statements, grades, a printed
   pass rule).
3. Which Thai agency is it?  `linking`: records take the agency's Thai name, or are left out.

`text` tells English text and ITA sentences from other assessments and splits paragraphs,
sentences and clauses; `reader` reads them into records.
"""
from __future__ import annotations

from ita_lib.io.document import Document
from ita_lib.parse.english.linking import link_to_thai
from ita_lib.parse.english.reader import read_printed
from ita_lib.parse.english.text import is_english
from ita_lib.parse.prose import ProseResult

__all__ = ["read_english"]


def read_english(document: Document, *, year: int | None = None, agency: str | None = None) -> ProseResult | None:
    """The records of an English text, named as their Thai agencies, with notes on the records left
    out; None when the text is not English."""
    if not is_english(document):
        return None
    records, acronyms = read_printed(document, year=year)
    return link_to_thai(records, acronyms, agency)
