"""Agency identity: decide which records, over the years and across spellings, are one agency.

The store hands over one ``AgencyRef`` per record (name as printed with abbreviations expanded,
tier, district, province, fiscal year); ``resolve`` returns the agencies and one ``Link`` per
record saying how it was matched. Decisions, in order (each one order-independent):

1. alias: spellings listed in ``params/aliases.yaml`` are first read as their canonical name.
2. exact: same tier, same ``name_key`` of the place, same province; districts equal or one missing
   (a district-less record joins the only district its name has in that province, else it stays
   apart). Non-local bodies (no tier) match on name key and province only.
3. location-inferred: a record without province joins the one agency with its tier and name key;
   with several candidates it stays its own agency (we never guess).
4. short-form: "เทศบาลX" (tier dropped) joins the one ทต./ทม./ทน. X of its province.
5. fuzzy: within one (tier, province, district) block, names at least ``fuzzy_threshold`` alike
   (``place_similarity``); best pairs first, and every name of a merged agency must be that alike
   to every other (complete linkage, so no chains). Two names never merge when one document names
   both (a province table listing both lists two agencies). In a year both names have, they merge
   only when each has a record from another document with the same overall score (an agency's
   own report repeating its official result under a misspelt name); records without a known
   source or score make any shared year block the merge.

Tiers are never merged, nor equal names in different provinces. Agency ids are
"tier:province:district:place key" ("-" for a missing part) of the cluster holding the agency's
canonical spelling, so they never depend on input order. A record reached in several steps
(location-inferred, then short-form ...) reports the least certain one as its link method.

Aliases file (``params/aliases.yaml``, edited by hand)::

    # canonical name: list of other spellings; optional province/district to scope it
    aliases:
      - name: องค์การบริหารส่วนตำบลหนองบัวทอง
        province: นครราชสีมา        # optional
        district: โชคชัย            # optional
        also: [อบต.หนองบัวทองใต้, องค์การบริหารส่วนตำบลหนองบัวทอง(เดิม)]

Spellings are compared by ``name_key`` (abbreviations, spacing and PDF damage do not matter).
A scoped entry applies to records in that province/district, and to records that give none (they
take the entry's location). A missing file means no aliases; a malformed one raises
``AliasFileError`` with the file, the line and the reason.
"""
from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import yaml
from pythainlp.util import normalize  # ita_lib/__init__ has set PYTHAINLP_OFFLINE already

from .agency import ABBREVIATIONS, TIERS
from .errors import AliasFileError
from .text import (  # the repairs text.clean_cell uses, so names and documents are cleaned alike
    needs_vowel_repair,  # cheap test: could pythainlp's vowel repair change this?
    dedupe_marks,
    fix_sara_am,
    remove_zero_width,
    replace_fffd,
    thai_digits_to_arabic,
)

__all__ = [
    "AgencyRef", "Agency", "Link", "Aliases", "AliasEntry", "METHODS", "SHORT_FORM",
    "clean_name", "name_key", "split_tier", "place_similarity", "load_aliases", "resolve",
]

SHORT_FORM = "เทศบาล"  # a municipality printed without its tier (เทศบาลX)
MUNICIPAL_TIERS = ("ทต.", "ทม.", "ทน.")
# Link methods from most to least certain; a record reached through several steps reports the
# least certain one.
METHODS = ("exact", "alias", "location-inferred", "short-form", "fuzzy")
_FULL_PREFIX = {abbr: full for full, abbr in TIERS}


# ---------------------------------------------------------------- records and results

@dataclass(frozen=True)
class AgencyRef:
    """One record's view of its agency."""

    ref_id: str  # record id, opaque
    name: str
    agency_type: str | None
    district: str | None
    province: str | None
    fiscal_year: int | None
    source: str | None = None  # the document the record comes from (sha256), when known
    overall_score: float | None = None  # the record's printed overall score, when known


@dataclass(frozen=True)
class Agency:
    agency_id: str  # "tier:province:district:place key", "-" for a missing part
    name: str  # canonical full name: the most frequent clean spelling, ties -> smallest
    agency_type: str | None  # "อบต.", "ทต.", ...; None for other bodies and unresolved เทศบาลX
    place: str  # name without the tier prefix
    district: str | None
    province: str | None


@dataclass(frozen=True)
class Link:
    ref_id: str
    agency_id: str
    method: str  # one of METHODS
    similarity: float  # 1.0 unless fuzzy: then place_similarity to the canonical name
    matched_name: str  # the canonical name it was linked to


# ---------------------------------------------------------------- names

_THAI = "\u0e00-\u0e7f"
# Whitespace next to a Thai character: Thai writes names without spaces, so any space inside a
# Thai name is PDF or typing damage. Spaces between Latin words stay.
_RE_SPACE_IN_THAI = re.compile(f"(?<=[{_THAI}])\\s+|\\s+(?=[{_THAI}])")
_RE_SPACES = re.compile(r"\s+")


def _abbreviation_pattern(abbr: str) -> str:
    """อบต. -> อบต. / อบต / อ.บ.ต. / อ. บ. ต; ทต. -> ทต. / ท.ต. / "ทต " (dotless only before a space,
    because two-letter starts such as ทน are also the start of ordinary words)."""
    letters = [re.escape(letter) for letter in abbr.rstrip(".")]
    dotted = r"\.\s?".join(letters) + r"\.?"
    if len(letters) >= 3:
        return f"{dotted}|{''.join(letters)}\\.?"
    return f"{dotted}|{''.join(letters)}\\.|{''.join(letters)}(?=\\s)"


_RE_LEADING_ABBREVIATION = re.compile(
    r"^(?:" + "|".join(f"(?P<t{i}>{_abbreviation_pattern(abbr)})" for i, (_, abbr) in enumerate(TIERS))
    + r")\s*")

# Repairs pythainlp.util.normalize can make: vowel reordering / repeats (text.py's trigger), marks
# after a space or at the start. Checked first because normalize costs ~100 µs a call.
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_RE_NORMALIZE_CAN_CHANGE = re.compile(f"^[{_MARKS}]|\\s[{_MARKS}]|[\u200b\u200c]")


def _normalize(s: str) -> str:
    """pythainlp.util.normalize, skipped when none of its repairs can apply (same result)."""
    if needs_vowel_repair(s) or _RE_NORMALIZE_CAN_CHANGE.search(s):
        return normalize(s)
    return s


def _expand_leading_abbreviation(s: str) -> str:
    match = _RE_LEADING_ABBREVIATION.match(s)
    if not match:
        return s
    index = int(next(name for name, value in match.groupdict().items() if value)[1:])
    return TIERS[index][0] + s[match.end():]


# Anything one of the repairs below could change: white space, zero-width characters, Thai
# digits, U+FFFD, nikhahit (decomposed sara am), a mark at the start or doubled. Most names are
# clean already, and one search is much cheaper than the ten passes of _repair.
_RE_MAY_NEED_REPAIR = re.compile(
    f"[\\s\u200b\u200c\u200d\ufeff\u2060\u00ad\ufffd\u0e4d\u0e50-\u0e59]|^[{_MARKS}]|([{_MARKS}])\\1")


def _looks_clean(s: str) -> bool:
    return not (_RE_MAY_NEED_REPAIR.search(s) or needs_vowel_repair(s) or _RE_LEADING_ABBREVIATION.match(s))


def _repair(s: str) -> str:
    s = remove_zero_width(s)
    s = thai_digits_to_arabic(s)
    s = replace_fffd(s)  # before sara am and dedupe, as in text.clean_cell
    s = fix_sara_am(s)
    s = dedupe_marks(s)
    s = _RE_SPACES.sub(" ", s).strip()
    s = _expand_leading_abbreviation(s)  # before spaces go: "ทต X" is read by its space
    # Spaces go before normalize: it keeps the space in "เส ้า" and then drops the tone mark as
    # dangling, where the name means เส้า.
    s = _RE_SPACE_IN_THAI.sub("", s)
    return _normalize(s)


def _clean_once(s: str) -> str:
    return s if _looks_clean(s) else _repair(s)


def _fixpoint(step, s: str, limit: int = 6) -> str:
    """Apply step until nothing changes: makes the result idempotent even when one repair uncovers
    another (a removed space joining a mark to its base, a rebuilt ำ ...)."""
    for _ in range(limit):
        new = step(s)
        if new == s:
            return s
        s = new
    return s


@lru_cache(maxsize=1 << 16)
def clean_name(name: str) -> str:
    """An agency name as it should read: pythainlp normalize, zero-width and spaces removed inside
    Thai, sara am rebuilt (ํ+า and U+FFFD), doubled marks dropped, Thai digits as Arabic, a leading
    abbreviation spelled out. Idempotent.

    >>> clean_name("อ.บ.ต. ลำ ปางรอง")
    'องค์การบริหารส่วนตำบลลำปางรอง'
    >>> clean_name("เทศบาลต\\u0e4d\\u0e32บล หนองเส\\u0e49\\u0e49า")
    'เทศบาลตำบลหนองเส้า'
    """
    return _fixpoint(_clean_once, name or "")


# Characters that differ between printings of one name without meaning anything: hyphens and
# dashes, dots, quotes.
_RE_KEY_NOISE = re.compile("[\\-\u2010-\u2015\u2212.\u00b7'\"\u2018\u2019\u201c\u201d]")


def _key_once(s: str) -> str:
    return _RE_KEY_NOISE.sub("", clean_name(s)).casefold()


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Comparison key: clean_name without hyphens, dots and quotes, Latin case folded. Idempotent.

    >>> name_key("อบต.หนอง-บัวทอง") == name_key("องค์การบริหารส่วนตำบล หนองบัวทอง")
    True
    """
    return _fixpoint(_key_once, name or "")


def split_tier(name: str) -> tuple[str | None, str]:
    """(tier abbreviation, place) from any spelling of a name; (None, clean name) for other bodies;
    ("เทศบาล", X) for the short form เทศบาลX.

    >>> split_tier("อบต.ลำปางรอง")
    ('อบต.', 'ลำปางรอง')
    >>> split_tier("เทศบาลท่าช้าง")
    ('เทศบาล', 'ท่าช้าง')
    >>> split_tier("กรมการปกครอง")
    (None, 'กรมการปกครอง')
    """
    return _split_clean(clean_name(name))


_TIER_STARTS = ("องค์การบริหารส่วน", SHORT_FORM)


def _split_clean(clean: str) -> tuple[str | None, str]:
    if not clean.startswith(_TIER_STARTS):  # most calls: one check instead of six
        return None, clean
    for full, abbr in TIERS:  # longest first, so เทศบาลตำบล wins over the bare เทศบาล
        if clean.startswith(full):  # a tier without a place is no agency name: (None, clean)
            return (abbr, clean[len(full):]) if len(clean) > len(full) else (None, clean)
    if clean.startswith(SHORT_FORM) and len(clean) > len(SHORT_FORM):
        return SHORT_FORM, clean[len(SHORT_FORM):]
    return None, clean


def _place_key(name: str) -> str:
    return _split_clean(name_key(name))[1]


def place_similarity(a: str, b: str) -> float:
    """How alike two place names are, 0..1: difflib.SequenceMatcher.ratio (2*matches/total length,
    autojunk off) on the name keys with any tier prefix removed. Symmetric: the pair is compared
    in sorted order, because SequenceMatcher's ratio can depend on argument order.

    >>> round(place_similarity("หนองเส้า", "เทศบาลตำบลหนองเสาเล้า"), 3)
    0.842
    """
    return _key_similarity(_place_key(a), _place_key(b))


def _key_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a > b:
        a, b = b, a
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _similarity_bound(a: str, b: str) -> float:
    """Upper bound of the ratio from the lengths alone: skips hopeless pairs cheaply."""
    total = len(a) + len(b)
    return 2 * min(len(a), len(b)) / total if total else 1.0


_LOCATION_PREFIXES = ("จังหวัด", "จ.", "อำเภอ", "อ.", "กิ่งอำเภอ", "เขต")


@lru_cache(maxsize=1 << 14)
def _location_key(value: str | None) -> str:
    """Province or district as a comparison key ("" when missing); tolerates a left-over prefix."""
    if not value:
        return ""
    clean = clean_name(value)
    for prefix in _LOCATION_PREFIXES:
        if clean.startswith(prefix) and len(clean) > len(prefix):
            clean = clean[len(prefix):]
            break
    return name_key(clean)


def _tier_of_type(agency_type: str | None) -> str | None:
    """The record's agency_type as a tier abbreviation ("อบต" and full names accepted)."""
    if not agency_type:
        return None
    value = clean_name(agency_type)  # spells out อบต. / อ.บ.ต. / อบต as the full tier name
    if value + "." in ABBREVIATIONS:  # ทต without its dot
        return value + "."
    return dict(TIERS).get(value)


@lru_cache(maxsize=1 << 16)
def _name_parts(name: str, agency_type: str | None) -> tuple[str, str, str, str]:
    """(tier or "" or SHORT_FORM, full clean name, clean place, place key) of one printed name.

    The tier printed in the name wins; the record's agency_type fills in when the name has none
    (a bare place, or เทศบาลX of a known municipal tier)."""
    clean = clean_name(name)
    name_tier, place = _split_clean(clean)
    type_tier = _tier_of_type(agency_type)
    tier = name_tier
    if name_tier is None and type_tier is not None:
        tier, place = type_tier, clean
    elif name_tier == SHORT_FORM and type_tier in MUNICIPAL_TIERS:
        tier = type_tier
    if tier is None:
        return "", clean, clean, name_key(clean)
    prefix = SHORT_FORM if tier == SHORT_FORM else _FULL_PREFIX[tier]
    full = prefix + place
    return tier, full, place, _place_key(full) if place else ""


# ---------------------------------------------------------------- aliases

@dataclass(frozen=True)
class AliasEntry:
    name: str  # canonical name, cleaned
    also: tuple[str, ...]  # other spellings, cleaned
    province: str | None  # location keys
    district: str | None
    line: int | None = None  # line of the entry in the file


def _scopes_overlap(a: AliasEntry, b: AliasEntry) -> bool:
    return all(x is None or y is None or x == y for x, y in ((a.province, b.province), (a.district, b.district)))


class Aliases:
    """Alias entries indexed by the name key of each listed spelling."""

    def __init__(self, entries: Iterable[AliasEntry] = (), *, path: str | Path | None = None):
        self.entries: tuple[AliasEntry, ...] = tuple(entries)
        self.path = None if path is None else str(path)
        self._by_spelling: dict[str, list[AliasEntry]] = defaultdict(list)
        canonical_keys: dict[str, list[AliasEntry]] = defaultdict(list)
        for entry in self.entries:
            canonical_keys[name_key(entry.name)].append(entry)
        for entry in self.entries:
            for spelling in entry.also:
                key = name_key(spelling)
                if key == name_key(entry.name):
                    continue  # the canonical spelling itself: already exact
                self._check_conflicts(entry, spelling, key, canonical_keys)
                self._by_spelling[key].append(entry)

    def _check_conflicts(self, entry: AliasEntry, spelling: str, key: str,
                         canonical_keys: dict[str, list[AliasEntry]]) -> None:
        for other in self._by_spelling.get(key, ()):
            same_scope = (other.province, other.district) == (entry.province, entry.district)
            if same_scope and name_key(other.name) != name_key(entry.name):
                raise AliasFileError(f"{spelling} is listed for both {other.name} (line {other.line}) "
                                     f"and {entry.name}", path=self.path, line=entry.line)
        for target in canonical_keys.get(key, ()):
            if _scopes_overlap(target, entry):
                # A -> B and B -> C would make the answer depend on how far we follow: say so instead.
                raise AliasFileError(f"{spelling} is listed as another spelling of {entry.name} but is "
                                     f"itself the canonical name of the entry on line {target.line}",
                                     path=self.path, line=entry.line)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Aliases({len(self.entries)} entries, path={self.path!r})"

    def lookup(self, full_name: str, province: str = "", district: str = "") -> AliasEntry | None:
        """The entry listing full_name (any spelling) whose scope fits the province and district
        given as location keys ("" = unknown); the most specific entry wins, and a tie between two
        canonical names gives None (we do not guess)."""
        candidates = [entry for entry in self._by_spelling.get(name_key(full_name), ())
                      if _fits(entry.province, province) and _fits(entry.district, district)]
        if not candidates:
            return None
        best = max(_specificity(entry) for entry in candidates)
        chosen = {name_key(e.name): e for e in candidates if _specificity(e) == best}
        return next(iter(chosen.values())) if len(chosen) == 1 else None


def _fits(scope: str | None, value: str) -> bool:
    return scope is None or not value or scope == value


def _specificity(entry: AliasEntry) -> int:
    return (entry.province is not None) + (entry.district is not None)


_NULL_TAG = "tag:yaml.org,2002:null"
_ENTRY_KEYS = ("name", "province", "district", "also")


def load_aliases(path: str | Path) -> Aliases:
    """Read params/aliases.yaml (format in the module docstring); a missing file gives no aliases."""
    path = Path(path)
    if not path.exists():
        return Aliases(path=path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AliasFileError(f"cannot read the aliases file: {error}", path=path) from None
    from .yaml_limits import compose_limited

    root = compose_limited(text, path, AliasFileError)  # size, aliases, nesting; errors with the line
    return Aliases(_read_entries(root, path), path=path)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node, allowed: tuple[str, ...], what: str, path: Path) -> dict[str, yaml.Node]:
    """A YAML mapping as {key: value node}; unknown or repeated keys are errors."""
    if not isinstance(node, yaml.MappingNode):
        raise AliasFileError(f"{what} must be a mapping", path=path, line=_line(node))
    found: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in allowed:
            raise AliasFileError(f"unknown key {key!r} in {what} (allowed: {', '.join(allowed)})",
                                 path=path, line=_line(key_node))
        if key in found:
            raise AliasFileError(f"key {key!r} given twice in {what}", path=path, line=_line(key_node))
        found[key] = value_node
    return found


def _text(node: yaml.Node | None, what: str, path: Path, *, required: bool) -> str | None:
    """A scalar as text (raw, so YAML 1.1 never turns a name into a bool or number)."""
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
        if required:
            raise AliasFileError(f"{what} is missing", path=path, line=None if node is None else _line(node))
        return None
    if not isinstance(node, yaml.ScalarNode):
        raise AliasFileError(f"{what} must be a single name", path=path, line=_line(node))
    value = clean_name(node.value)
    if not value:
        raise AliasFileError(f"{what} is empty", path=path, line=_line(node))
    return value


def _read_entries(root: yaml.Node | None, path: Path) -> list[AliasEntry]:
    if root is None:  # empty file or comments only
        return []
    top = _mapping(root, ("aliases",), "the file", path)
    listing = top.get("aliases")
    if listing is None or (isinstance(listing, yaml.ScalarNode) and listing.tag == _NULL_TAG):
        return []
    if not isinstance(listing, yaml.SequenceNode):
        raise AliasFileError("aliases must be a list of entries (- name: ...)", path=path, line=_line(listing))
    return [_read_entry(node, path) for node in listing.value]


def _read_entry(node: yaml.Node, path: Path) -> AliasEntry:
    fields = _mapping(node, _ENTRY_KEYS, "an alias entry", path)
    if "name" not in fields:
        raise AliasFileError("alias entry has no name", path=path, line=_line(node))
    name = _text(fields["name"], "name", path, required=True)
    province = _text(fields.get("province"), "province", path, required=False)
    district = _text(fields.get("district"), "district", path, required=False)
    also_node = fields.get("also")
    if also_node is None:
        raise AliasFileError(f"alias entry {name} has no 'also' list", path=path, line=_line(node))
    if not isinstance(also_node, yaml.SequenceNode):
        raise AliasFileError("also must be a list of spellings, e.g. [อบต.หนองบัวทองใต้]",
                             path=path, line=_line(also_node))
    also = tuple(_text(item, "a spelling in also", path, required=True) for item in also_node.value)
    return AliasEntry(name, also, _location_key(province) or None, _location_key(district) or None,
                      _line(node))


# ---------------------------------------------------------------- resolve

# A cluster: records that are one agency by name and location alone.
# Coordinates: (tier or "" or SHORT_FORM, place key, province key, district key); "" = unknown.
Coord = tuple[str, str, str, str]
Parent = dict[Coord, tuple[Coord, str]]  # cluster -> (cluster it joined, method)


class _Reading(NamedTuple):
    """What identity compares of a record. Records of one agency over the years mostly read the
    same, so the work below runs once per distinct reading, not once per record."""

    tier: str  # "อบต." ..., SHORT_FORM, or "" for other bodies
    full_name: str  # clean, tier prefix spelled out
    place: str
    key: str  # name key of the place
    province: str  # location keys, "" when unknown
    district: str
    alias: bool  # read through the aliases file


def _read(name: str, agency_type: str | None, province: str | None, district: str | None,
          aliases: Aliases | None) -> _Reading:
    tier, full, place, key = _name_parts(name, agency_type)
    province_key, district_key = _location_key(province), _location_key(district)
    entry = aliases.lookup(full, province_key, district_key) if aliases else None
    if entry is None:
        return _Reading(tier, full, place, key, province_key, district_key, False)
    tier, full, place, key = _name_parts(entry.name, agency_type)
    return _Reading(tier, full, place, key, province_key or entry.province or "",
                    district_key or entry.district or "", True)


def _readings(refs: list[AgencyRef], aliases: Aliases | None) -> dict[_Reading, list[AgencyRef]]:
    """Records grouped by their reading; each distinct (name, type, province, district) is read once."""
    by_fields: dict[tuple, list[AgencyRef]] = {}
    for ref in refs:
        fields = (ref.name, ref.agency_type, ref.province, ref.district)
        same = by_fields.get(fields)
        if same is None:
            by_fields[fields] = [ref]
        else:
            same.append(ref)
    grouped: dict[_Reading, list[AgencyRef]] = {}
    for (name, agency_type, province, district), same in by_fields.items():
        reading = _read(name or "", agency_type, province, district, aliases)
        if reading in grouped:  # two printings that read the same
            grouped[reading] = grouped[reading] + same
        else:
            grouped[reading] = same
    return grouped


def _exact_clusters(readings: Iterable[_Reading]) -> dict[Coord, list[_Reading]]:
    """Rule 1: group by (tier, key, province), then split by district; a district-less record joins
    the only district its bucket has, else the district-less records stay one cluster apart."""
    buckets: dict[tuple[str, str, str], list[_Reading]] = defaultdict(list)
    for reading in readings:
        buckets[(reading.tier, reading.key, reading.province)].append(reading)
    clusters: dict[Coord, list[_Reading]] = {}
    for (tier, key, province), members in buckets.items():
        if tier == "":  # other bodies: name and province only
            clusters[(tier, key, province, "")] = members
            continue
        districts = {reading.district for reading in members if reading.district}
        lone = next(iter(districts)) if len(districts) == 1 else ""
        for reading in members:
            clusters.setdefault((tier, key, province, reading.district or lone), []).append(reading)
    return clusters


def _compatible_district(a: str, b: str) -> bool:
    return not a or not b or a == b


def _attach_unique(coords: Iterable[Coord], candidates_of, parent: Parent, method: str) -> None:
    """Attach each cluster to its only candidate; with none or several it stays an agency."""
    for coord in coords:
        candidates = [c for c in candidates_of(coord) if c != coord and _compatible_district(c[3], coord[3])]
        if len(candidates) == 1:
            parent[coord] = (candidates[0], method)


def _infer_locations(clusters: Iterable[Coord], parent: Parent) -> None:
    """Rule 5: a cluster without province joins the one cluster with its tier and key elsewhere."""
    located: dict[tuple[str, str], list[Coord]] = defaultdict(list)
    for coord in clusters:
        if coord[2]:
            located[coord[:2]].append(coord)
    _attach_unique((c for c in clusters if not c[2]), lambda c: located.get(c[:2], ()), parent,
                   "location-inferred")


def _attach_short_forms(clusters: Iterable[Coord], parent: Parent) -> None:
    """Rule 7: เทศบาลX joins the one ทต./ทม./ทน. X of its province."""
    municipal: dict[tuple[str, str], list[Coord]] = defaultdict(list)
    for coord in clusters:
        if coord[0] in MUNICIPAL_TIERS and coord[2]:
            municipal[(coord[1], coord[2])].append(coord)
    short = (c for c in clusters if c[0] == SHORT_FORM and c[2] and c not in parent)
    _attach_unique(short, lambda c: municipal.get((c[1], c[2]), ()), parent, "short-form")


def _root(coord: Coord, parent: Parent) -> tuple[Coord, tuple[str, ...]]:
    """The cluster at the top of coord's chain, and the methods of the steps on the way."""
    steps: list[str] = []
    while coord in parent:
        coord, method = parent[coord]
        steps.append(method)
    return coord, tuple(steps)


class _YearEvidence(NamedTuple):
    sources: frozenset  # documents of the year's records (None: unknown, blocks any merge)
    scores: frozenset  # printed overall scores of the year's records


def _evidence(refs: Iterable[AgencyRef]) -> dict[int, _YearEvidence]:
    sources: dict[int, set] = defaultdict(set)
    scores: dict[int, set] = defaultdict(set)
    for ref in refs:
        if ref.fiscal_year is None:
            continue
        sources[ref.fiscal_year].add(ref.source)
        if ref.overall_score is not None:
            scores[ref.fiscal_year].add(round(ref.overall_score, 2))
    return {year: _YearEvidence(frozenset(sources[year]), frozenset(scores[year])) for year in sources}


def _may_merge(a: dict[int, _YearEvidence], b: dict[int, _YearEvidence]) -> bool:
    """False when the records show two agencies: one document names both, or a shared year
    without the same printed score from different documents."""
    for year in a.keys() & b.keys():
        here, there = a[year], b[year]
        if None in here.sources or None in there.sources or here.sources & there.sources:
            return False
        if not here.scores & there.scores:
            return False
    return True


def _fuzzy_groups(root_years: dict[Coord, dict[int, _YearEvidence]], threshold: float
                  ) -> tuple[dict[Coord, Coord], dict[frozenset, float]]:
    """Rule 6 within each (tier, province, district) block: merge the most alike pairs first when
    their years never overlap and every pair across the two groups is alike enough.

    Returns each root's group leader (the smallest coordinate of its group) and the similarities
    measured."""
    blocks: dict[tuple[str, str, str], list[Coord]] = defaultdict(list)
    for coord in root_years:
        tier, _, province, district = coord
        if tier in _FULL_PREFIX and province and district:
            blocks[(tier, province, district)].append(coord)
    leader = {coord: coord for coord in root_years}
    similar: dict[frozenset, float] = {}
    for members in blocks.values():
        if len(members) > 1:
            _merge_block(sorted(members), root_years, threshold, leader, similar)
    return leader, similar


def _merge_block(members: list[Coord], years: dict[Coord, dict[int, _YearEvidence]], threshold: float,
                 leader: dict[Coord, Coord], similar: dict[frozenset, float]) -> None:
    pairs = []
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if _similarity_bound(a[1], b[1]) < threshold or not _may_merge(years[a], years[b]):
                continue
            score = _key_similarity(a[1], b[1])
            if score >= threshold:
                similar[frozenset((a, b))] = score
                pairs.append((-score, a, b))
    groups = {coord: [coord] for coord in members}
    for _, a, b in sorted(pairs):
        group_a, group_b = groups[leader[a]], groups[leader[b]]
        if group_a is group_b:
            continue
        if all(frozenset((x, y)) in similar for x in group_a for y in group_b):
            merged = sorted(group_a + group_b)
            for coord in merged:
                leader[coord] = merged[0]
            groups[merged[0]] = merged


def resolve(refs: list[AgencyRef], aliases: Aliases | None = None, *,
            fuzzy_threshold: float = 0.8) -> tuple[list[Agency], list[Link]]:
    """Group records into agencies (rules in the module docstring).

    Returns the agencies sorted by id and one link per record sorted by ref_id; the result is
    the same for any order of refs."""
    with _cyclic_gc_paused():
        readings = _readings(refs, aliases)
        clusters = _exact_clusters(readings)
        parent: Parent = {}
        _infer_locations(clusters, parent)
        _attach_short_forms(clusters, parent)
        tree = _trees(clusters, parent)
        root_years = {root: _evidence(ref for coord, _ in members for reading in clusters[coord]
                                      for ref in readings[reading])
                      for root, members in tree.items()}
        leader, similar = _fuzzy_groups(root_years, fuzzy_threshold)
        return _agencies_and_links(tree, leader, similar, clusters, readings)


@contextmanager
def _cyclic_gc_paused():
    """resolve allocates a few hundred thousand small objects and makes no reference cycles; the
    cyclic collector would rescan the caller's whole heap (all the store's records) again and
    again, ~40% of the run time on 75,000 records."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _trees(clusters: dict[Coord, list[_Reading]], parent: Parent
           ) -> dict[Coord, list[tuple[Coord, tuple[str, ...]]]]:
    """Each root cluster with the clusters attached under it (itself included) and their steps."""
    tree: dict[Coord, list[tuple[Coord, tuple[str, ...]]]] = defaultdict(list)
    for coord in clusters:
        root, steps = _root(coord, parent)
        tree[root].append((coord, steps))
    return tree


def _agencies_and_links(tree, leader: dict[Coord, Coord], similar: dict[frozenset, float],
                        clusters: dict[Coord, list[_Reading]], readings: dict[_Reading, list[AgencyRef]]
                        ) -> tuple[list[Agency], list[Link]]:
    groups: dict[Coord, list[Coord]] = defaultdict(list)
    for root in tree:
        groups[leader[root]].append(root)
    agencies, links = [], []
    for roots in groups.values():
        members = [_Member(root, coord, steps, reading, readings[reading])
                   for root in roots for coord, steps in tree[root] for reading in clusters[coord]]
        agency, home = _agency(members)
        agencies.append(agency)
        links.extend(_links(members, agency, home, similar))
    _check_unique_ids(agencies)
    agencies.sort(key=attrgetter("agency_id"))
    links.sort(key=attrgetter("ref_id"))
    if len({link.ref_id for link in links}) < len(links):  # repeated ref ids: order them fully
        links.sort(key=attrgetter("ref_id", "agency_id", "method", "similarity", "matched_name"))
    return agencies, links


class _Member(NamedTuple):
    """One distinct reading inside an agency, with the way its cluster joined the agency."""

    root: Coord  # the cluster's root (several roots only after fuzzy merging)
    coord: Coord
    steps: tuple[str, ...]  # methods from the cluster up to its root
    reading: _Reading
    refs: list[AgencyRef]


def _canonical_name(members: list[_Member], tier: str) -> str:
    """An aliases file's canonical name if one was used, else the most frequent spelling of the
    agency's own tier (so a short form never becomes the name), else any; counted per record,
    ties -> the smallest."""
    if len(members) == 1:
        return members[0].reading.full_name
    alias, own, any_tier = Counter(), Counter(), Counter()
    for member in members:
        reading, n = member.reading, len(member.refs)
        any_tier[reading.full_name] += n
        if reading.tier == tier:
            own[reading.full_name] += n
            if reading.alias:
                alias[reading.full_name] += n
    counts = alias or own or any_tier
    return min(counts, key=lambda s: (-counts[s], s))


def _agency(members: list[_Member]) -> tuple[Agency, Coord]:
    """The agency and its home cluster (the root holding its canonical spelling)."""
    tier = members[0].root[0]  # one tier per agency: blocks and attachments never cross tiers
    name = _canonical_name(members, tier)
    home = next(m for m in members if m.reading.full_name == name)
    district = home.root[3] or None
    if tier == "":  # other bodies ignore districts when matching; show one when all records agree
        districts = {m.reading.district for m in members if m.reading.district}
        district = next(iter(districts)) if len(districts) == 1 else None
    agency = Agency(
        agency_id=_agency_id(home.root),
        name=name,
        agency_type=tier if tier in _FULL_PREFIX else None,
        place=home.reading.place,
        district=district,
        province=home.root[2] or None,
    )
    return agency, home.root


def _agency_id(coord: Coord) -> str:
    tier, key, province, district = coord
    return ":".join((tier or "-", province or "-", district or "-", key or "-"))


def _links(members: list[_Member], agency: Agency, home: Coord, similar: dict[frozenset, float]) -> list[Link]:
    """One link per record; the method is the least certain step on the way to the agency."""
    links = []
    for member in members:
        methods = list(member.steps)
        if member.reading.alias:
            methods.append("alias")
        similarity = 1.0
        if member.root != home:
            methods.append("fuzzy")
            similarity = similar[frozenset((member.root, home))]
        method = max(methods, key=METHODS.index) if methods else "exact"
        agency_id, name = agency.agency_id, agency.name
        links.extend([Link(ref.ref_id, agency_id, method, similarity, name) for ref in member.refs])
    return links


def _check_unique_ids(agencies: list[Agency]) -> None:
    """Ids come from each agency's home cluster, which belongs to it alone, so they are unique;
    checked because the store uses them as primary keys."""
    counts = Counter(agency.agency_id for agency in agencies)
    duplicated = [agency_id for agency_id, n in counts.items() if n > 1]
    if duplicated:  # pragma: no cover - would be a bug in the clustering above
        raise AssertionError(f"agency ids not unique: {duplicated[:3]}")
