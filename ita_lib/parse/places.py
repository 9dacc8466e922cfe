"""Thailand's provinces and districts, as province lists and prose print them.

pythainlp's and geothai's lists of the 77 provinces, geothai's districts per province; names are
compared "folded" (sara am as sara aa) because PDF extraction often drops its nikhahit.
"""
from __future__ import annotations

import re
from functools import lru_cache

BANGKOK = "10"  # geothai's code
DISTRICT_WORDS = ("กิ่งอำเภอ", "อำเภอ", "อ.", "เขต")
PROVINCE_WORDS = ("จังหวัด", "จ.")
PROVINCE_ALIASES = {"กรุงเทพฯ": BANGKOK, "กรุงเทพ": BANGKOK, "กทม.": BANGKOK, "กทม": BANGKOK}
# Short names of provinces as everyone writes them (headlines above all)
# (a name cut with ฯ is listed, never guessed: "นายกฯ" is the Prime Minister, not นครนายก)
PROVINCE_SHORT_FORMS = {"อยุธยา": "พระนครศรีอยุธยา", "โคราช": "นครราชสีมา", "อุบลฯ": "อุบลราชธานี",
                        "สารคามฯ": "มหาสารคาม", "นครศรีฯ": "นครศรีธรรมราช", "สุราษฎร์ฯ": "สุราษฎร์ธานี",
                        "ประจวบฯ": "ประจวบคีรีขันธ์", "กาญจน์ฯ": "กาญจนบุรี"}


def fold(text: str) -> str:
    """PDF extraction often drops the nikhahit of sara am (ตำบล -> ตาบล): compare without it."""
    return text.replace("\u0e33", "\u0e32")


def strip_word(text: str, words: tuple[str, ...]) -> str:
    for word in words:
        if text.startswith(fold(word)) and len(text) > len(word):
            return text[len(word):]
    return text


@lru_cache(maxsize=1)
def province_index() -> dict[str, tuple[str, str | None]]:
    """Folded name -> (name, geothai code). pythainlp's list and geothai's hold the same 77."""
    from geothai import provinces
    from pythainlp.corpus.common import provinces as thai_provinces

    index: dict[str, tuple[str, str | None]] = {fold(name): (name, None) for name in thai_provinces()}
    index.update({fold(p.name_th): (p.name_th, p.code) for p in provinces()})
    bangkok = index[fold("กรุงเทพมหานคร")]
    index.update({fold(alias): bangkok for alias in PROVINCE_ALIASES})
    return index


def _latin_key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


@lru_cache(maxsize=1)
def _english_provinces() -> dict[str, str]:
    """geothai's English names, letters and digits only, lower case -> the Thai name."""
    from geothai import provinces

    return {_latin_key(p.name_en): p.name_th for p in provinces()}


def province_name(text: str) -> str | None:
    """The province a person means, as the store writes it ("นครราชสีมา"): with or without จังหวัด or
    จ., a listed short form (โคราช), กทม., or the English name in any case (Nakhon Ratchasima); None
    for anything else."""
    given = " ".join(str(text).split())
    folded = fold(strip_word(fold(given.replace(" ", "")), PROVINCE_WORDS))
    found = province_index().get(folded) or province_index().get(fold(PROVINCE_SHORT_FORMS.get(folded, "")))
    if found:
        return found[0]
    return _english_provinces().get(_latin_key(given).removeprefix("changwat").removesuffix("province"))


def provinces_like(text: str, count: int = 3) -> list[str]:
    """The provinces spelt nearest to `text` (Thai or English), for "did you mean"."""
    import difflib

    thai = [name for name, _ in province_index().values()]
    near = difflib.get_close_matches(fold(strip_word(fold(text.replace(" ", "")), PROVINCE_WORDS)),
                                     [fold(name) for name in thai], n=count, cutoff=0.6)
    english = difflib.get_close_matches(_latin_key(text), list(_english_provinces()), n=count, cutoff=0.6)
    names = [province_index()[name][0] for name in near] + [_english_provinces()[key] for key in english]
    return list(dict.fromkeys(names))[:count]


@lru_cache(maxsize=None)
def district_index(province_code: str) -> dict[str, str]:
    """Folded name without อำเภอ/เขต -> geothai's name; "เมือง" alone is the capital district."""
    from geothai import districts

    index = {}
    for district in districts(province_code):
        index[strip_word(fold(district.name_th), DISTRICT_WORDS)] = district.name_th
        if district.code.endswith("01") and province_code != BANGKOK:
            index["เมือง"] = district.name_th
    return index


@lru_cache(maxsize=1)
def all_district_names() -> frozenset[str]:
    """Every district of every province, folded and without อำเภอ/เขต."""
    from geothai import provinces

    return frozenset(name for p in provinces() for name in district_index(p.code))


def is_province(name: str) -> bool:
    return strip_word(fold(name), PROVINCE_WORDS) in province_index()


def is_district(name: str) -> bool:
    return strip_word(fold(name), DISTRICT_WORDS) in all_district_names()


@lru_cache(maxsize=1)
def all_subdistrict_names() -> frozenset[str]:
    """Every sub-district (ตำบล) of geothai, folded (7,436 names, loaded on first use)."""
    from geothai import districts, provinces, subdistricts

    return frozenset(fold(sub.name_th) for p in provinces() for d in districts(p.code)
                     for sub in subdistricts(d.code))


def is_place(name: str) -> bool:
    """A province, district or sub-district name ("อาจสามารถ", "เมืองนครพนม")."""
    return is_province(name) or is_district(name) or fold(name) in all_subdistrict_names()


_TITLE_PROVINCE = re.compile(r"จังหวัด\s*([\u0e00-\u0e7f]+)")


def title_province(lines, before: int) -> tuple[str, int] | None:
    """The one province named by "จังหวัดX" in the text above a table (a sheet's title) and the line
    that names it; None when none is, or more than one."""
    found: dict[str, int] = {}
    for line in lines:
        if line.number >= before:
            break
        if line.is_row:
            continue
        for match in _TITLE_PROVINCE.finditer(line.text):
            name = match.group(1)
            for end in range(len(name), 1, -1):  # "ขอนแก่นประจำปี": the longest prefix that is a province
                known = province_index().get(strip_word(fold(name[:end]), PROVINCE_WORDS))
                if known is not None:
                    found.setdefault(known[0], line.number)
                    break
    return next(iter(found.items())) if len(found) == 1 else None
