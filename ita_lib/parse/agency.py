"""Agency names: find them in text, expand abbreviations, read district and province."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ita_lib.io.document import Line
from ita_lib.parse.places import fold

# Local-government tiers, longest first: (full prefix, abbreviation).
TIERS: tuple[tuple[str, str], ...] = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("เทศบาลนคร", "ทน."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลตำบล", "ทต."),
)
ABBREVIATIONS = {abbr: full for full, abbr in TIERS}
NACC_NAMES = ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", "สำนักงาน ป.ป.ช.")

_THAI_NAME = r"[\u0e01-\u0e4e][\u0e01-\u0e4e\-]*"
_TIER_RE = re.compile(
    "(" + "|".join(re.escape(full) for full, _ in TIERS) + "|"
    + "|".join(re.escape(abbr) for _, abbr in TIERS) + r")\s?(" + _THAI_NAME + ")")
_DISTRICT_RE = re.compile(r"(?:อำเภอ|อ\.)\s?(" + _THAI_NAME + ")")
_PROVINCE_RE = re.compile(r"(?<!ส่วน)(?:จังหวัด|จ\.)\s?(" + _THAI_NAME + ")")
_LABELS = ("ชื่อหน่วยงาน", "หน่วยงาน:", "หน่วยงาน :", "ประกาศ", "คะแนนภาพรวมหน่วยงาน")


@dataclass(frozen=True)
class AgencyName:
    name: str  # full name, abbreviation expanded
    agency_type: str | None  # "อบต.", "ทต.", ... for local governments
    place: str  # the place part of the name
    line: int | None = None
    district: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class AgencyType:
    """A kind of agency whose name is a type word followed by a name (data/agency_types.csv)."""

    prefix: str  # the type word in full: "องค์การบริหารส่วนตำบล", "มหาวิทยาลัยราชภัฏ", "กรม"
    short: str | None  # its abbreviation, which expands to prefix + name: "อบต.", "มรภ."
    kind: str  # local, province, district, police, hospital, university, central, enterprise, ...


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ita_lib").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def agency_types() -> tuple[AgencyType, ...]:
    """Every type word, longest first so that มหาวิทยาลัยราชภัฏ wins over มหาวิทยาลัย."""
    types = [AgencyType(row["prefix"], row["short"] or None, row["kind"])
             for row in _data_rows("agency_types.csv")]
    return tuple(sorted(types, key=lambda t: -len(t.prefix)))


def type_of(name: str) -> AgencyType | None:
    """The type a full agency name starts with, or None."""
    return next((t for t in agency_types() if name.startswith(t.prefix) and len(name) > len(t.prefix)), None)


@lru_cache(maxsize=1)
def known_abbreviations() -> dict[str, str]:
    """Abbreviations of whole agency names that are common knowledge (data/agency_abbreviations.csv):
    "สพฐ." -> "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"."""
    try:
        rows = _data_rows("agency_abbreviations.csv")
    except FileNotFoundError:
        return {}
    return {row["short"]: row["full"] for row in rows}


@lru_cache(maxsize=1)
def known_kinds() -> dict[str, str]:
    """The kind of every full name in the abbreviations data ("กระทรวงมหาดไทย" -> "ministry")."""
    try:
        rows = _data_rows("agency_abbreviations.csv")
    except FileNotFoundError:
        return {}
    return {row["full"]: row["kind"] for row in rows}


@lru_cache(maxsize=1)
def agency_categories() -> dict[str, tuple[str, bool]]:
    """Printed form -> (category name, needs a group word before it) of the kinds of agency the NACC
    reports an average for (data/agency_categories.csv): "อปท.รูปแบบพิเศษ" -> องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ."""
    return {row["printed"]: (row["name"], row["needs_group_word"] == "yes")
            for row in _data_rows("agency_categories.csv")}


def expand(prefix: str, place: str) -> tuple[str, str]:
    """("อบต.", "ลำปางรอง") -> ("องค์การบริหารส่วนตำบลลำปางรอง", "อบต.")."""
    if prefix in ABBREVIATIONS:
        return ABBREVIATIONS[prefix] + place, prefix
    abbr = dict(TIERS)[prefix]
    return prefix + place, abbr


def _location(text: str) -> tuple[str | None, str | None]:
    district = _DISTRICT_RE.search(text)
    province = _PROVINCE_RE.search(text)
    return (district.group(1) if district else None, province.group(1) if province else None)


def find_local_agencies(text: str) -> list[tuple[int, AgencyName]]:
    """Every local-government name in text as (position, name), with the location that follows it."""
    found = []
    for match in _TIER_RE.finditer(text):
        place = match.group(2)
        name, abbr = expand(match.group(1), place)
        tail = text[match.end():match.end() + 60]
        district, province = None, None
        tail_match = re.match(r"^[\s(]*((?:อำเภอ|อ\.)\s?" + _THAI_NAME + r")?[\s,]*((?:จังหวัด|จ\.)\s?"
                              + _THAI_NAME + ")?", tail)
        if tail_match:
            if tail_match.group(1):
                district = _DISTRICT_RE.search(tail_match.group(1)).group(1)
            if tail_match.group(2):
                province = _PROVINCE_RE.search(tail_match.group(2)).group(1)
        found.append((match.start(), AgencyName(name, abbr, place, None, district, province)))
    return found


def main_agency(lines: list[Line]) -> AgencyName | None:
    """The agency a document is about: a labelled line first, else the first local-government name,
    else a public body on a labelled line."""
    first: AgencyName | None = None
    labelled: AgencyName | None = None
    for line in lines:
        hits = find_local_agencies(line.text)
        if not hits:
            continue
        _, hit = hits[0]
        hit = AgencyName(hit.name, hit.agency_type, hit.place, line.number, hit.district, hit.province)
        if first is None:
            first = hit
        if labelled is None and any(label in line.text for label in _LABELS):
            labelled = hit
        if labelled is not None:
            break
    chosen = labelled or first
    if chosen is None:
        chosen = _labelled_public_body(lines)
    if chosen is not None and (chosen.district is None or chosen.province is None):
        chosen = _with_location_elsewhere(chosen, lines)
    return chosen


def _labelled_public_body(lines: list[Line]) -> AgencyName | None:
    for line in lines:
        text = line.text.strip().lstrip("#").strip()
        for label in _LABELS:
            if not text.startswith(label):
                continue
            rest = text[len(label):].strip(" :")
            if any(rest.startswith(nacc) for nacc in NACC_NAMES):
                continue
            # Other public bodies (type words of data/agency_types.csv): the name runs to the next space.
            for prefix in (kind.prefix for kind in agency_types() if kind.kind != "local"):
                if rest.startswith(prefix):
                    name = rest.split()[0]
                    district, province = _location(rest[len(name):])
                    return AgencyName(name, None, name, line.number, district, province)
    return None


def _with_location_elsewhere(agency: AgencyName, lines: list[Line]) -> AgencyName:
    """Fill district/province from another line that names the agency with its location."""
    district, province = agency.district, agency.province
    for line in lines:
        if agency.place not in line.text:
            continue
        for _, hit in find_local_agencies(line.text):
            if hit.name == agency.name:
                district = district or hit.district
                province = province or hit.province
    return AgencyName(agency.name, agency.agency_type, agency.place, agency.line, district, province)


# Type words as a printed name starts with them (full or abbreviated), for names read from list rows.
@dataclass(frozen=True)
class TypeWord:
    printed: str  # as it may start the printed name: full word or abbreviation
    full: str  # the full type word it stands for
    tier: str | None  # อบต., ทต., ... for local governments (Assessment.agency_type)

    @property
    def key(self) -> str:
        return fold(self.printed)


@lru_cache(maxsize=1)
def type_words() -> tuple[TypeWord, ...]:
    """Every type word and abbreviation as a printed name may start with it, longest first."""
    tiers = dict(TIERS)
    words = []
    for kind in agency_types():
        words.append(TypeWord(kind.prefix, kind.prefix, tiers.get(kind.prefix)))
        if kind.short:
            words.append(TypeWord(kind.short, kind.prefix, tiers.get(kind.prefix)))
    for abbr, full in ABBREVIATIONS.items():  # the tiers, whatever the data file holds
        words.append(TypeWord(abbr, full, abbr))
        words.append(TypeWord(full, full, abbr))
    return tuple(sorted(set(words), key=lambda w: (-len(w.printed), w.printed)))


@lru_cache(maxsize=1)
def type_keys() -> dict[str, TypeWord]:
    return {word.key: word for word in type_words()}


@lru_cache(maxsize=1)
def _type_re() -> re.Pattern:
    # One alternation, longest first, followed by at least one letter of the name: a regex scan is
    # much cheaper than ~90 startswith calls on every line that might be a row.
    return re.compile("(?:" + "|".join(re.escape(key) for key in type_keys()) + ")(?=.)")


def type_word(name: str) -> TypeWord | None:
    """The type word a printed name starts with (spaces and spelling folded), if any."""
    match = _type_re().match(fold(name))
    return type_keys()[match.group(0)] if match else None
