"""An agency's report folder name: its tier and place in ASCII and a digest of its store id, so it
is stable across builds, unique per agency and safe as a file name on every system."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from ita_lib.folders import SLUG_MAX
from ita_lib.store.names import split_tier

# Tier abbreviations as ASCII (by hand: royin reads อบต as "opt" and ทต as "thot").
_TIER_ASCII = {"อบจ.": "obj", "อบต.": "obt", "ทน.": "tn", "ทม.": "tm", "ทต.": "tt", "เทศบาล": "thetsaban"}
_HASH_CHARS = 6
_ROMANIZE_INPUT_MAX = 200  # characters of a name romanized: bounds the cost on odd input
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def agency_slug(name: str, agency_id: str) -> str:
    """ASCII file name for an agency: tier + romanized place + 6 hex of sha1(agency_id).

    Always matches ^[a-z0-9][a-z0-9-]*$ and is at most 80 characters, for any input.

    >>> agency_slug("องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา", "อบต.:นครราชสีมา:เมืองนครราชสีมา:โนนสะอาดพัฒนา")
    'obt-nonsaatphatna-7b6736'
    """
    digest = hashlib.sha1(agency_id.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_CHARS]
    words = _slug_words(name)[: SLUG_MAX - _HASH_CHARS - 1].strip("-")
    return f"{words or 'agency'}-{digest}"


def _slug_words(name: str) -> str:
    tier, place = split_tier(name)
    tier_part = _TIER_ASCII.get(tier, "") if tier else ""
    return _NOT_SLUG.sub("-", f"{tier_part} {_romanize(place)}".lower()).strip("-")


def _romanize(text: str) -> str:
    """RTGS romanization (pythainlp royin, offline); Latin letters with accents lose them."""
    from pythainlp.transliterate import romanize  # first call loads a word list (~0.5 s)

    latin = romanize(text[:_ROMANIZE_INPUT_MAX], engine="royin") if text.strip() else ""
    return unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")
