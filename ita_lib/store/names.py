"""Agency names: cleaned spellings, comparison keys, tiers and place similarity, the ground
that aliases and identity resolution stand on."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from pythainlp.util import normalize

from ita_lib.parse.agency import ABBREVIATIONS, TIERS
from ita_lib.text.thai import (
    needs_vowel_repair, dedupe_marks, fix_sara_am, remove_zero_width, replace_fffd, thai_digits_to_arabic,
)


SHORT_FORM = "เทศบาล"  # a municipality printed without its tier (เทศบาลX)
MUNICIPAL_TIERS = ("ทต.", "ทม.", "ทน.")
FULL_PREFIX = {abbr: full for full, abbr in TIERS}

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
    return key_similarity(_place_key(a), _place_key(b))


def key_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a > b:
        a, b = b, a
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def similarity_bound(a: str, b: str) -> float:
    """Upper bound of the ratio from the lengths alone: skips hopeless pairs cheaply."""
    total = len(a) + len(b)
    return 2 * min(len(a), len(b)) / total if total else 1.0


_LOCATION_PREFIXES = ("จังหวัด", "จ.", "อำเภอ", "อ.", "กิ่งอำเภอ", "เขต")


@lru_cache(maxsize=1 << 14)
def location_key(value: str | None) -> str:
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
def name_parts(name: str, agency_type: str | None) -> tuple[str, str, str, str]:
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
    prefix = SHORT_FORM if tier == SHORT_FORM else FULL_PREFIX[tier]
    full = prefix + place
    return tier, full, place, _place_key(full) if place else ""


