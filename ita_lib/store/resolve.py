"""Agency identity: decide which records, over the years and across spellings, are one agency.

The store hands over one ``AgencyRef`` per record (name as printed with abbreviations expanded,
tier, district, province, fiscal year); ``resolve`` returns the agencies and one ``Link`` per
record saying how it was matched. Decisions, in order (each one order-independent):

0. official names: a local government's record is read under the spelling that is a sub-district,
   with the district and province the gazetteer gives (ita_lib.store.official_names).
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
"""
from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple



from ita_lib.store.names import (
    FULL_PREFIX, MUNICIPAL_TIERS, SHORT_FORM, key_similarity, location_key, name_parts, similarity_bound,
)
from ita_lib.store.aliases import Aliases
from ita_lib.store.official_names import official_refs

# Link methods from most to least certain; a record reached through several steps reports the
# least certain one.
METHODS = ("exact", "alias", "location-inferred", "short-form", "fuzzy")

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
    spellings: tuple[tuple[str, int], ...] = ()  # how its document writes the name (store.official_names)


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
    tier, full, place, key = name_parts(name, agency_type)
    province_key, district_key = location_key(province), location_key(district)
    entry = aliases.lookup(full, province_key, district_key) if aliases else None
    if entry is None:
        return _Reading(tier, full, place, key, province_key, district_key, False)
    tier, full, place, key = name_parts(entry.name, agency_type)
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
        if tier in FULL_PREFIX and province and district:
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
            if similarity_bound(a[1], b[1]) < threshold or not _may_merge(years[a], years[b]):
                continue
            score = key_similarity(a[1], b[1])
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
    with _heap_frozen():
        readings = _readings(official_refs(refs), aliases)
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
def _heap_frozen():
    """resolve allocates a few hundred thousand small objects; each collection would rescan the
    caller's whole heap (all the store's records) again and again, ~40% of the run time on 75,000
    records. gc.freeze moves what exists now out of the collector's sight (it is not garbage in the
    meantime) while the collector keeps running on new objects: nothing is paused."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


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
        agency_type=tier if tier in FULL_PREFIX else None,
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
