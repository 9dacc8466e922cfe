"""ITA results written in English news prose.

English news about ITA results carries many numbers that are not an agency's score: national and
group averages, pass thresholds and targets, ranks, counts, shares of agencies ("73%"), years,
magnitudes, deltas. It also names bodies that are not agencies (ministries and other groups whose
scores are averages, countries in a CPI table, companies, people). Reading it is three decisions,
each a weighed choice over evidence rather than the first regex that matches; each module's
docstring documents its part:

1. Is a number a score?  `cues` (the cue tables and their weights), `owners` (weighing candidates).
2. Whose score is it?  `names` (agencies, groups, acronyms, places), `owners` (the owner weights),
   `lists` (a shared score given to listed names, "respectively").
3. Which year, and did it pass?  `years` (assessed years), `pass_rules` (pass / fail statements,
   grades, a printed pass rule).

`topic` tells English text and ITA sentences from other assessments; `clauses` splits paragraphs,
sentences and clauses; `reader` reads them into records.
"""
from __future__ import annotations

from ita_lib.parse.english.cues import ACCEPT
from ita_lib.parse.english.reader import parse_english
from ita_lib.parse.english.topic import is_english

__all__ = ["is_english", "parse_english", "ACCEPT"]
