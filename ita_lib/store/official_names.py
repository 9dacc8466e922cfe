"""Official names of local governments, checked against the sub-district gazetteer (geothai).

An อบต. or a เทศบาล is named after a ตำบล nearly always, and the gazetteer holds every ตำบล with its
อำเภอ and จังหวัด. So when a document spells its agency's name more than one way and one spelling is a
sub-district (of the stated district and province, where stated), that spelling is the official one;
and a name that is a sub-district of one place only gives the district and province a document left
out. A name that is no sub-district (some municipalities are named otherwise, and a single misspelling
is never corrected by guessing) is kept as written; what the gazetteer has near it is only proposed,
for the agency's review.

Names are compared folded (sara am as sara aa), as ita_lib.parse.places does: PDF extraction drops
the nikhahit.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from ita_lib.parse.places import PROVINCE_WORDS, fold, province_index, strip_word
from ita_lib.store.names import FULL_PREFIX, key_similarity, location_key, name_key, name_parts

LOCAL_TIERS = ("อบต.", "ทต.", "ทม.", "ทน.")  # the tiers named after a sub-district (อบจ. is a province's)
# How a document also writes the agency's name: its tier in full or abbreviated, or the title of its
# head ("นายกเทศมนตรีตำบลX" signs for เทศบาลตำบลX).
MENTION_PREFIXES = {
    "อบต.": ("องค์การบริหารส่วนตำบล", "อบต.", "อ.บ.ต."),
    "ทต.": ("เทศบาลตำบล", "เทศมนตรีตำบล", "ทต.", "ท.ต."),
    "ทม.": ("เทศบาลเมือง", "เทศมนตรีเมือง", "ทม.", "ท.ม."),
    "ทน.": ("เทศบาลนคร", "เทศมนตรีนคร", "ทน.", "ท.น."),
}
MENTION_SIMILARITY = 0.75  # a name written near the agency's: หนองเส้า / หนองเสาเล้า are 0.84 alike
SUGGESTION_SIMILARITY = 0.8  # a sub-district proposed in review for a name that is none

# How a value was decided.
AS_WRITTEN = "as written"  # not a local government, or no spelling is a sub-district
SUBDISTRICT = "sub-district"  # the one spelling that is a sub-district
SEVERAL = "several sub-districts"  # more than one spelling is one: kept as written
AS_STATED = "as stated"
GAZETTEER = "gazetteer"  # filled from the one place the sub-district is in
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Place:
    subdistrict: str
    district: str
    province: str


@dataclass(frozen=True)
class Variant:
    spelling: str  # full name, tier spelled out
    count: int
    is_subdistrict: bool  # of the stated district and province, where stated


@dataclass(frozen=True)
class OfficialName:
    name: str  # full name, tier spelled out
    place: str
    district: str | None
    province: str | None
    name_how: str  # AS_WRITTEN, SUBDISTRICT or SEVERAL
    district_how: str  # AS_STATED, GAZETTEER or UNKNOWN
    province_how: str
    variants: tuple[Variant, ...]  # most frequent first
    suggestions: tuple[Place, ...] = ()  # sub-districts alike to a name that is none (review only)


def gazetteer_key(name: str) -> str:
    return fold(name_key(name))


@lru_cache(maxsize=1)
def subdistrict_index() -> dict[str, tuple[Place, ...]]:
    """Folded sub-district name -> every place of that name (7,436 sub-districts, ~0.1 s)."""
    from geothai import districts, provinces, subdistricts

    index: dict[str, list[Place]] = {}
    for province in provinces():
        for district in districts(province.code):
            for sub in subdistricts(district.code):
                place = Place(sub.name_th, district.name_th, province.name_th)
                index.setdefault(gazetteer_key(sub.name_th), []).append(place)
    return {key: tuple(places) for key, places in index.items()}


def _province_key(province: str | None) -> str:
    """geothai's name of a stated province (จ./จังหวัด, กทม. accepted), folded; "" when none."""
    if not province:
        return ""
    found = province_index().get(strip_word(fold(location_key(province)), PROVINCE_WORDS))
    return gazetteer_key(found[0]) if found else fold(location_key(province))


def _district_matches(stated: str, district: str) -> bool:
    """A stated district against geothai's; "เมือง" alone is the province's capital district."""
    return stated == district or (stated == fold("เมือง") and district.startswith(stated))


def places_of(place: str, district: str | None = None, province: str | None = None) -> tuple[Place, ...]:
    """The sub-districts named `place`, of the stated district and province where stated."""
    province_key, district_key = _province_key(province), fold(location_key(district))
    return tuple(p for p in subdistrict_index().get(gazetteer_key(place), ())
                 if (not province_key or gazetteer_key(p.province) == province_key)
                 and (not district_key or _district_matches(district_key, gazetteer_key(p.district))))


def suggestions(place: str, district: str | None = None, province: str | None = None) -> tuple[Place, ...]:
    """Sub-districts at least SUGGESTION_SIMILARITY alike to a name that is none, most alike first."""
    key = gazetteer_key(place)
    scored = []
    for other, places in subdistrict_index().items():
        score = key_similarity(key, other)
        if score >= SUGGESTION_SIMILARITY:
            scored += [(-score, p.province, p.district, p) for p in places_of(places[0].subdistrict, district,
                                                                               province)]
    return tuple(p for *_, p in sorted(scored))


def official_name(agency_type: str | None, spellings: Iterable[tuple[str, int]], district: str | None = None,
                  province: str | None = None) -> OfficialName:
    """The official name, district and province of an agency from the spellings a document gives
    (name, times written; the first is the name as written), with how each was decided. Spellings
    that differ only as PDF extraction damages them (a dropped nikhahit) are one; a sub-district is
    spelt as the gazetteer spells it.

    >>> o = official_name("ทต.", [("ทต.หนองเส้า", 2), ("เทศบาลตำบลหนองเสาเล้า", 4)], "ชุมแพ", None)
    >>> o.name, o.name_how, o.province, o.province_how
    ('เทศบาลตำบลหนองเสาเล้า', 'sub-district', 'ขอนแก่น', 'gazetteer')
    """
    counts: Counter[str] = Counter()  # by folded key, in the order first given
    shown: dict[str, tuple[str, str]] = {}  # key -> (full name, place) as first given
    tier = ""
    for spelling, count in spellings:
        tier, full, place, _ = name_parts(spelling, agency_type)
        key = gazetteer_key(full)
        counts[key] += count
        shown.setdefault(key, (full, place))
    if not counts:
        raise ValueError("official_name needs at least one spelling")
    written = next(iter(counts))
    local = tier in LOCAL_TIERS
    found = {key: places_of(place, district, province) if local else () for key, (_, place) in shown.items()}
    if local:  # spelt as the gazetteer spells it
        shown.update({key: (FULL_PREFIX[tier] + places[0].subdistrict, places[0].subdistrict)
                      for key, places in found.items() if places})
    variants = tuple(Variant(shown[key][0], n, bool(found[key]))
                     for key, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    candidates = [key for key in counts if found[key]]
    chosen, how = written, AS_WRITTEN
    if written in candidates or len(candidates) == 1:
        chosen, how = (written if written in candidates else candidates[0]), SUBDISTRICT
    elif candidates:
        how = SEVERAL
    if how == SUBDISTRICT:
        district_out, district_how = _filled(district, {(p.district, p.province) for p in found[chosen]}, 0)
        province_out, province_how = _filled(province, {p.province for p in found[chosen]})
    else:
        district_out, district_how = district, AS_STATED if district else UNKNOWN
        province_out, province_how = province, AS_STATED if province else UNKNOWN
    name, place = shown[chosen]
    proposed = suggestions(place, district, province) if local and how == AS_WRITTEN else ()
    return OfficialName(name, place, district_out, province_out, how, district_how, province_how,
                        variants, proposed)


def _filled(stated: str | None, gazetteer: set, part: int | None = None) -> tuple[str | None, str]:
    """The stated value, else the gazetteer's when it has one only (a district counts as one only
    with its province: two provinces may have districts of one name)."""
    if stated:
        return stated, AS_STATED
    if len(gazetteer) == 1:
        value = next(iter(gazetteer))
        return (value if part is None else value[part]), GAZETTEER
    return None, UNKNOWN


# ---------------------------------------------------------------- spellings in a document's text

_THAI_RUN = "[\u0e01-\u0e4e]+"


@lru_cache(maxsize=None)
def _mention_pattern(tier: str) -> re.Pattern:
    """Matched on folded text (fold keeps every character's place, so spans are the original's)."""
    prefixes = sorted({fold(p) for p in MENTION_PREFIXES[tier]}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(p) for p in prefixes) + f")\\s?({_THAI_RUN})")


def mention_place(run: str, place: str) -> str | None:
    """The agency's place in the Thai run after a tier word, or None: the run itself when alike
    enough, else its beginning when the name is glued to the next word ("หนองเสาเล้าได้ดำเนินการ")
    and that beginning is the place as written or a sub-district alike to it."""
    key = gazetteer_key(place)
    if key_similarity(gazetteer_key(run), key) >= MENTION_SIMILARITY:
        return run
    for end in range(len(run) - 1, 1, -1):  # longest first: "หนองเสาเล้า" before "หนองเสา"
        head = run[:end]
        head_key = gazetteer_key(head)
        if head_key == key or (head_key in subdistrict_index()
                               and key_similarity(head_key, key) >= MENTION_SIMILARITY):
            return head
    return None


def document_spellings(lines: Iterable[tuple[int, str]], name: str, agency_type: str | None
                       ) -> list[tuple[str, int, int]]:
    """(full name, times written, first line) of each spelling of a local government's name in a
    document's (line number, text) lines, most written first; [] for other bodies."""
    tier, _, place, _ = name_parts(name, agency_type)
    if tier not in LOCAL_TIERS or not place:
        return []
    pattern, prefix = _mention_pattern(tier), FULL_PREFIX[tier]
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for number, text in lines:
        for match in pattern.finditer(fold(text)):
            found = mention_place(text[match.start(1):match.end(1)], place)
            if found:
                full = name_parts(prefix + found, agency_type)[1]
                counts[full] += 1
                first.setdefault(full, number)
    return [(full, n, first[full]) for full, n in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))]


# ---------------------------------------------------------------- identity: official readings

def official_refs(refs: list) -> list:
    """resolve's AgencyRefs with each local government read under its official name and the
    district and province the gazetteer gives (dataclasses.replace: the ref id is kept).

    A ref's spellings are its `spellings` field (what its document writes) with its own name first;
    a ref whose document writes one spelling is kept as it is (resolve places it by the store's
    own records: filling it from the gazetteer would move ids without a document asking for it).
    A correction one document proves (หนองเส้า -> หนองเสาเล้า in ชุมแพ) is applied to the same
    misspelling in other records of its tier and a compatible place, which print it alone; two
    documents that prove different corrections of one misspelling apply none of them."""
    decided: dict[tuple, OfficialName | None] = {}
    officials = []
    corrections: dict[tuple[str, str], tuple | None] = {}
    for ref in refs:
        fields = (ref.name, ref.agency_type, ref.district, ref.province, tuple(getattr(ref, "spellings", ())))
        if fields not in decided:
            decided[fields] = _decide(ref, fields[4])
        official = decided[fields]
        officials.append(official)
        if official is not None and official.name_how == SUBDISTRICT and official.name != _full(ref):
            key, value = _misspelling(ref), (official.name, official.district, official.province)
            corrections[key] = value if corrections.get(key, value) == value else None
    out = []
    for ref, official in zip(refs, officials):
        settled = official is not None and official.name_how == SUBDISTRICT
        correction = None if settled else corrections.get(_misspelling(ref))
        if correction is not None and _compatible(ref, correction[1:]):
            out.append(replace(ref, name=correction[0], district=ref.district or correction[1],
                               province=ref.province or correction[2]))
        else:
            out.append(_apply(ref, official))
    return _stated_first(refs, out)


def _stated_first(refs: list, read: list) -> list:
    """The store's own evidence before the gazetteer: a district or province is filled only when
    no record of the agency's tier and name states one (resolve then joins the district-less
    record to the located ones, or keeps it apart when they are several)."""
    provinces, districts = set(), set()
    for ref, new in zip(refs, read):
        tier, key = _misspelling(new)
        if ref.province:
            provinces.add((tier, key))
            if ref.district:
                districts.add((tier, key, location_key(ref.province)))
    out = []
    for ref, new in zip(refs, read):
        tier, key = _misspelling(new)
        if not ref.province and new.province and (tier, key) in provinces:
            new = replace(new, district=ref.district, province=None)
        elif not ref.district and new.district and (tier, key, location_key(new.province)) in districts:
            new = replace(new, district=None)
        out.append(new)
    return out


def _full(ref) -> str:
    return name_parts(ref.name or "", ref.agency_type)[1]


def _misspelling(ref) -> tuple[str, str]:
    tier, full, _, _ = name_parts(ref.name or "", ref.agency_type)
    return tier, gazetteer_key(full)


def _decide(ref, spellings: tuple) -> OfficialName | None:
    if not ref.name or name_parts(ref.name, ref.agency_type)[0] not in LOCAL_TIERS:
        return None
    if len({gazetteer_key(name_parts(s, ref.agency_type)[1]) for s, _ in spellings}) < 2:
        return None  # one spelling: nothing to choose; resolve's location rules place it
    own = gazetteer_key(_full(ref))
    found = any(gazetteer_key(name_parts(s, ref.agency_type)[1]) == own for s, _ in spellings)
    named = ((ref.name, 0 if found else 1), *spellings)  # the record's own name is the one as written
    return official_name(ref.agency_type, named, ref.district, ref.province)


def _compatible(ref, location: tuple[str | None, str | None]) -> bool:
    return all(not stated or not known or location_key(stated) == location_key(known)
               for stated, known in zip((ref.district, ref.province), location))


def _apply(ref, official: OfficialName | None):
    if official is None:
        return ref
    name = official.name if official.name_how == SUBDISTRICT else ref.name
    if (name, official.district, official.province) == (ref.name, ref.district, ref.province):
        return ref
    return replace(ref, name=name, district=official.district, province=official.province)


# ---------------------------------------------------------------- the store: spellings and variants

SPELLINGS_TABLE = "name_spellings"  # record_id, spelling, mentions, line: what a document writes
SPELLINGS_DDL = (f"CREATE TABLE IF NOT EXISTS {SPELLINGS_TABLE} "
                 "(record_id VARCHAR, spelling VARCHAR, mentions INTEGER, line INTEGER)")


def spelling_rows(lines: Iterable[tuple[int, str]], record_ids: Iterable[str], records: Iterable) -> list[tuple]:
    """The name_spellings rows of one document's records (pure: runs in parse workers)."""
    lines = list(lines)
    return [(rid, spelling, n, line) for rid, record in zip(record_ids, records)
            for spelling, n, line in document_spellings(lines, record.agency or "", record.agency_type)]


def stored_spellings(store, record_ids: list[str] | None = None) -> dict[str, tuple[tuple[str, int], ...]]:
    """record_id -> (spelling, mentions) of its document (of `record_ids` only, when given), from a
    store that has the table."""
    has = store.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?", [SPELLINGS_TABLE])
    if not int(has["n"].iloc[0]):
        return {}
    found: dict[str, list] = {}
    where = "" if record_ids is None else "WHERE record_id IN (SELECT unnest(?))"
    rows = store.query(f"SELECT * FROM {SPELLINGS_TABLE} {where} ORDER BY record_id, mentions DESC, line",
                       [] if record_ids is None else [record_ids])
    for row in rows.itertuples():
        found.setdefault(row.record_id, []).append((row.spelling, int(row.mentions)))
    return {rid: tuple(pairs) for rid, pairs in found.items()}


def record_spellings(store, record_ids: list[str], agency_type: str | None) -> list[tuple[str, int]]:
    """(full name, times written) of the agency in its documents' records, most written first: as
    often as each document writes each spelling where the store has them, else its record's name once.
    The agency's own confirmation is not a spelling found."""
    from ita_lib.store.schema import CONFIRMED_KIND

    rows = store.query(f"""SELECT record_id, agency FROM records WHERE record_id IN (SELECT unnest(?))
                           AND kind <> '{CONFIRMED_KIND}' AND agency IS NOT NULL ORDER BY record_id""",
                       [record_ids])
    spellings = stored_spellings(store, record_ids)
    counter: Counter[str] = Counter()
    for row in rows.itertuples(index=False):
        for spelling, n in spellings.get(row.record_id, ((row.agency, 1),)):
            counter[name_parts(spelling, agency_type)[1]] += n
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def spelling_places(spelling: str, agency_type: str | None, district: str | None,
                    province: str | None) -> tuple[Place, ...]:
    """The sub-districts a local government's spelling of its name is (of its district and province
    where known): none for a name that is no sub-district, or a body that is no local government."""
    tier, _, place, _ = name_parts(spelling, agency_type)
    return places_of(place, district, province) if tier in LOCAL_TIERS and place else ()


def near_subdistricts(name: str, agency_type: str | None, district: str | None,
                      province: str | None) -> tuple[Place, ...]:
    """For a local government whose name is no sub-district: the sub-districts spelt nearly alike."""
    tier, _, place, _ = name_parts(name, agency_type)
    if tier not in LOCAL_TIERS or not place or places_of(place, district, province):
        return ()
    return suggestions(place, district, province)
