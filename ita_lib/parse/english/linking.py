"""Name each record as the Thai agency it is about, or leave it out.

English texts print an agency's English name ("State Audit Office"), sometimes with an acronym
("(SAO)"). The store joins records by their Thai names, so a record named in English would become an
agency of its own, never joined to the same agency's Thai records. A record therefore takes the full
Thai name found for its English name (data/agency_english_names.csv) or for the acronym the text
defines for it (the Latin abbreviations of data/agency_abbreviations.csv). A record with neither keeps
the name as printed, as the parse contract has it, with a note and a warning; a store leaves it out
(store.ingest: a name without a Thai letter is no agency of its own), so it never stands apart from
the same agency's Thai records.
"""
from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

from ita_lib.model import Assessment
from ita_lib.parse.agency import known_abbreviations
from ita_lib.parse.prose import ProseResult

_LATIN_SHORT = re.compile(r"[A-Za-z][A-Za-z&.\-]*")


def english_key(name: str) -> str:
    """'Office of the Attorney-General' and 'attorney general' give the same key."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"[’']", "", name.casefold()).replace("&", " and "))
    words = [word for word in words if word != "the"]
    return " ".join(words[2:] if words[:2] == ["office", "of"] else words)


@cache
def thai_names() -> dict[str, str]:
    """English key of an English name or a Latin abbreviation -> the agency's full Thai name."""
    names = {english_key(short): full for short, full in known_abbreviations().items()
             if _LATIN_SHORT.fullmatch(short)}
    text = resources.files("ita_lib").joinpath("data", "agency_english_names.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    names.update((english_key(row["english"]), row["full"]) for row in rows)
    return names


def thai_name(printed: str, acronym: str | None = None) -> str | None:
    """The full Thai name of an agency printed in English, or None when it is not known."""
    names = thai_names()
    return names.get(english_key(printed)) or (names.get(english_key(acronym)) if acronym else None)


def link_to_thai(records: list[Assessment], acronyms: dict[str, str], agency: str | None = None) -> ProseResult:
    """Records named as their Thai agency (`acronyms`: printed name -> the acronym the text gives it).
    `agency` (--agency) names the one agency of a text whose records all print one name."""
    if agency and agency.strip() and len({record.agency for record in records}) == 1:
        return ProseResult([_named(record, agency.strip()) for record in records], [])
    linked: dict[tuple[str, int | None], Assessment] = {}
    notes = []
    hint = " (pass --agency NAME if the text is about this agency)" if len(records) == 1 else ""
    for record in records:
        printed = record.agency or ""
        where = f"line {record.source.lines.get('overall_score') or record.source.lines.get('agency')}: "
        thai = thai_name(printed, acronyms.get(printed))
        if thai is None:
            said = f"{printed!r} is named only in English and no Thai agency is known by that name"
            notes.append(f"{where}{said}: a store leaves it out{hint}")
            record.warn("english_name_unlinked", f"{said}; a store leaves it out",
                        record.source.lines.get("agency"))
            linked.setdefault((printed, record.fiscal_year), record)
            continue
        first = linked.setdefault((thai, record.fiscal_year), _named(record, thai))
        if first.overall_score != record.overall_score:
            notes.append(f"{where}{printed!r} is {thai} again, with another score ({record.overall_score} after "
                         f"{first.overall_score}): left out")
    return ProseResult(list(linked.values()), notes)


def _named(record: Assessment, name: str) -> Assessment:
    # Places printed in Latin script cannot be compared with the Thai ones of the agency's other
    # records, and would keep the two apart in the store.
    return record.model_copy(update={"agency": name, "district": None, "province": None})
