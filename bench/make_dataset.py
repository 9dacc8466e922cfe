"""Seeded generator of a synthetic national ITA dataset in the real document formats.

Every agency, place, district name and score written here is made up. The 77 province names are
real; districts are invented from syllables (plus the real-style capital district เมือง<province>).
The layouts copy tests/fixtures and examples/:

- OUT/<year>/province/<slug>_<year>.txt   one multi-agency indicator table per province and year
                                          (format of tests/fixtures/province_indicator_table.txt)
- OUT/<year>/agency/<index>_itas-result.txt  ITAS result page (examples/nonsa-at-phatthana_2563_...)
- OUT/<year>/agency/<index>_analysis.txt     agency analysis, "plan" or "numbered" layout
                                          (examples/tha-chang-mai_2567_analysis-plan.txt,
                                           examples/nonsa-at-phatthana_2567_analysis-numbered.txt)
- OUT/truth.csv   one row per expected parsed record (file, agency) with the true values
- OUT/README.txt  what this is, the seed and the counts

    python bench/make_dataset.py OUT_DIR [--seed 2568] [--agencies 8300] [--detailed 1000]
                                         [--years 2562-2568]

The same seed gives byte-identical output: all randomness comes from random.Random instances seeded
with strings derived from the seed (string seeds do not depend on PYTHONHASHSEED), and nothing
iterates over a set or a hash-ordered container.
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

# ---------------------------------------------------------------------------------------------
# Domain constants
# ---------------------------------------------------------------------------------------------

# (Thai name, file slug, number of districts to invent). District counts follow the real amphoe
# counts roughly and double as the province's weight when agencies are spread; Bangkok (which has
# khet, not amphoe, and no อบจ. in reality) is kept small on purpose.
PROVINCES: tuple[tuple[str, str, int], ...] = (
    ("กรุงเทพมหานคร", "bangkok", 6), ("สมุทรปราการ", "samut-prakan", 6),
    ("นนทบุรี", "nonthaburi", 6), ("ปทุมธานี", "pathum-thani", 7),
    ("พระนครศรีอยุธยา", "phra-nakhon-si-ayutthaya", 16), ("อ่างทอง", "ang-thong", 7),
    ("ลพบุรี", "lopburi", 11), ("สิงห์บุรี", "sing-buri", 6), ("ชัยนาท", "chai-nat", 8),
    ("สระบุรี", "saraburi", 13), ("นครนายก", "nakhon-nayok", 4), ("นครปฐม", "nakhon-pathom", 7),
    ("สุพรรณบุรี", "suphan-buri", 10), ("สมุทรสาคร", "samut-sakhon", 3),
    ("สมุทรสงคราม", "samut-songkhram", 3), ("ชลบุรี", "chon-buri", 11), ("ระยอง", "rayong", 8),
    ("จันทบุรี", "chanthaburi", 10), ("ตราด", "trat", 7), ("ฉะเชิงเทรา", "chachoengsao", 11),
    ("ปราจีนบุรี", "prachin-buri", 7), ("สระแก้ว", "sa-kaeo", 9), ("ราชบุรี", "ratchaburi", 10),
    ("กาญจนบุรี", "kanchanaburi", 13), ("เพชรบุรี", "phetchaburi", 8),
    ("ประจวบคีรีขันธ์", "prachuap-khiri-khan", 8), ("ตาก", "tak", 9),
    ("เชียงใหม่", "chiang-mai", 25), ("เชียงราย", "chiang-rai", 18), ("ลำปาง", "lampang", 13),
    ("ลำพูน", "lamphun", 8), ("แม่ฮ่องสอน", "mae-hong-son", 7), ("น่าน", "nan", 15),
    ("พะเยา", "phayao", 9), ("แพร่", "phrae", 8), ("อุตรดิตถ์", "uttaradit", 9),
    ("สุโขทัย", "sukhothai", 9), ("พิษณุโลก", "phitsanulok", 9), ("พิจิตร", "phichit", 12),
    ("เพชรบูรณ์", "phetchabun", 11), ("กำแพงเพชร", "kamphaeng-phet", 11),
    ("นครสวรรค์", "nakhon-sawan", 15), ("อุทัยธานี", "uthai-thani", 8),
    ("นครราชสีมา", "nakhon-ratchasima", 32), ("บุรีรัมย์", "buri-ram", 23), ("สุรินทร์", "surin", 17),
    ("ศรีสะเกษ", "si-sa-ket", 22), ("อุบลราชธานี", "ubon-ratchathani", 25),
    ("ยโสธร", "yasothon", 9), ("ชัยภูมิ", "chaiyaphum", 16), ("อำนาจเจริญ", "amnat-charoen", 7),
    ("บึงกาฬ", "bueng-kan", 8), ("หนองบัวลำภู", "nong-bua-lam-phu", 6), ("ขอนแก่น", "khon-kaen", 26),
    ("อุดรธานี", "udon-thani", 20), ("เลย", "loei", 14), ("หนองคาย", "nong-khai", 9),
    ("มหาสารคาม", "maha-sarakham", 13), ("ร้อยเอ็ด", "roi-et", 20), ("กาฬสินธุ์", "kalasin", 18),
    ("สกลนคร", "sakon-nakhon", 18), ("นครพนม", "nakhon-phanom", 12), ("มุกดาหาร", "mukdahan", 7),
    ("นครศรีธรรมราช", "nakhon-si-thammarat", 23), ("กระบี่", "krabi", 8), ("พังงา", "phang-nga", 8),
    ("ภูเก็ต", "phuket", 3), ("สุราษฎร์ธานี", "surat-thani", 19), ("ระนอง", "ranong", 5),
    ("ชุมพร", "chumphon", 8), ("สงขลา", "songkhla", 16), ("สตูล", "satun", 7), ("ตรัง", "trang", 10),
    ("พัทลุง", "phatthalung", 11), ("ปัตตานี", "pattani", 12), ("ยะลา", "yala", 8),
    ("นราธิวาส", "narathiwat", 13),
)
# Capital districts that are not เมือง<province>.
PROVINCE_NAMES = tuple(name for name, _, _ in PROVINCES)
CAPITAL_DISTRICT = {"กรุงเทพมหานคร": "พระนคร", "พระนครศรีอยุธยา": "พระนครศรีอยุธยา"}
MIN_PER_PROVINCE = 20

TIER_FULL = {"อบจ.": "องค์การบริหารส่วนจังหวัด", "ทน.": "เทศบาลนคร", "ทม.": "เทศบาลเมือง",
             "ทต.": "เทศบาลตำบล", "อบต.": "องค์การบริหารส่วนตำบล"}
TIER_ORDER = tuple(TIER_FULL)
# Shares of the agencies other than the one อบจ. per province; อบต. takes the rest (~72 %).
TIER_SHARES = (("ทน.", 0.003), ("ทม.", 0.02), ("ทต.", 0.25))
PAIR_RATE = 0.06  # share of ทต. (beyond one per province) that reuse an อบต. place in its district
CROSS_PROVINCE_RATE = 0.01  # agencies that copy a place name from another province on purpose
PROVINCE_NAME_PLACE_RATE = 0.15  # provinces with one agency named after another province
SHORT_PROVINCE_NAMES = ("น่าน", "แพร่", "เลย", "ตาก", "ตรัง", "ยะลา", "สตูล", "ระนอง", "กระบี่",
                        "พังงา", "ลำปาง", "สุรินทร์", "ชุมพร", "ตราด", "ลำพูน", "พะเยา")

PLACE_HEADS = ("หนอง", "โนน", "บ้าน", "ท่า", "ดอน", "โคก", "ห้วย", "นา", "บึง", "สระ", "วัง", "บ่อ",
               "หัว", "ทุ่ง", "คลอง", "บาง", "ลำ", "กุด")
PLACE_CORES = ("บัว", "แก้ว", "ทอง", "หิน", "ยาง", "แดง", "ขาม", "จาน", "ไผ่", "สะแก", "กุง", "ม่วง",
               "เต่า", "ตาล", "หว้า", "กก", "ขี้เหล็ก", "โพธิ์", "ไทร", "ตะเคียน", "มะค่า", "กระทุ่ม",
               "เสือ", "ช้าง", "ม้า", "ปลาดุก", "คู", "แวง", "ผือ", "ขอน", "ซาง", "เรือ", "น้ำใส",
               "เสาเล้า", "แสง", "พลับ", "งิ้ว", "จิก", "กลาง", "เค็ง", "บก", "สามแยก", "โสก", "เม็ก")
PLACE_TAILS = ("ใหญ่", "น้อย", "ใต้", "เหนือ", "ใหม่", "พัฒนา", "งาม", "ทอง", "ตะวันออก", "ตะวันตก",
               "สามัคคี", "เจริญ", "สมบูรณ์")
DISTRICT_HEADS = ("วัง", "ศรี", "พระ", "บาง", "เชียง", "ลำ", "ด่าน", "กุด", "ปาก", "สาม", "โพธิ์",
                  "นาง", "เขา", "ชุม", "ห้วย", "ท่า", "นา", "โนน", "หนอง", "สัน", "แม่", "เกาะ")
DISTRICT_TAILS = ("สมบูรณ์", "ชัย", "ใหม่", "คำ", "สะอาด", "พัฒนา", "เจริญ", "ทอง", "ยาว", "แสง",
                  "ราษฎร์", "บุรี", "นคร", "พิมาน", "สวัสดิ์", "ไพศาล", "มงคล", "สุข", "วารี", "ธานี")

INDICATOR_NAMES = ("การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
                   "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
                   "การปรับปรุงระบบการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต")
# Spellings seen in real documents (shared/ita-reference.md); indicator number -> variants.
NAME_VARIANTS = {4: ("การใช้ทรัพย์สินของทางราชการ",), 8: ("การปรับปรุงการทำงาน", "การปรับปรุงการดำเนินงาน"),
                 10: ("การป้องกันและการทุจริต",)}
ITAS_NAMES = {8: "การปรับปรุงการทำงาน"}  # the ITAS result page's own wording
INSTRUMENTS = (("IIT", (1, 2, 3, 4, 5)), ("EIT", (6, 7, 8)), ("OIT", (9, 10)))
# Weight of one indicator in the overall, in hundredths: 0.3/5, 0.3/3, 0.4/2 [C for 2562-2565].
WEIGHT_HUNDREDTHS = (6, 6, 6, 6, 6, 10, 10, 10, 20, 20)

# National average ITA by fiscal year: 2563, 2564, 2565 and 2568 from the reference; 2562, 2566
# and 2567 are assumptions (interpolated) — change here.
YEAR_MEAN = {2562: 66.5, 2563: 67.9, 2564: 81.25, 2565: 87.57, 2566: 90.6, 2567: 92.4, 2568: 93.82}
GRADE_YEARS = range(2562, 2566)
GRADE_BANDS = (("AA", 9500), ("A", 8500), ("B", 7500), ("C", 6500), ("D", 5500), ("E", 5000), ("F", 0))
PASS_CENTS = 8500

# Score model on the log of the gap to 100 (so scores pile up near 100 as in later years).
SIGMA_AGENCY = 0.62  # persistent agency level
SIGMA_TREND = 0.07  # per-year agency drift (some improve faster)
SIGMA_OFFSET = (0.3,) * 8 + (0.45, 0.45)  # persistent agency x indicator offsets (OIT wider)
SIGMA_YEAR = 0.25  # yearly noise per indicator
INDICATOR_BIAS = (-0.45, -0.35, -0.55, -0.4, -0.3, 0.0, 0.15, 0.1, 0.45, 0.35)
PERFECT_GAP = 0.8  # a gap below this prints as 100.00 (perfect IIT scores are common)

THAI_DIGIT_RATE = 0.10
MISSPELL_RATE = 0.02
ABBREVIATED_AGENCY_LINE_RATE = 0.15
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

TRUTH_COLUMNS = ("file", "kind", "layout", "agency_key", "printed_name", "expected_name", "true_name",
                 "agency_type", "district", "province", "fiscal_year", "overall", "result", "rank",
                 "thai_digits", "misspelled", "traps") + tuple(f"i{n}" for n in range(1, 11))

# ---------------------------------------------------------------------------------------------
# Registry: provinces, districts, agencies
# ---------------------------------------------------------------------------------------------


@dataclass
class Agency:
    province: str
    district: str
    tier: str  # "อบต." ...
    place: str
    traps: list[str] = field(default_factory=list)
    index: int = 0  # 1-based, set once the registry is sorted

    @property
    def key(self) -> str:
        return f"AG{self.index:05d}"

    @property
    def full_name(self) -> str:
        return TIER_FULL[self.tier] + self.place

    @property
    def short_name(self) -> str:
        return self.tier + self.place


def capital_district(province: str) -> str:
    return CAPITAL_DISTRICT.get(province, "เมือง" + province)


def spread_agencies(total: int, rng: random.Random) -> list[int]:
    """Agencies per province: MIN_PER_PROVINCE each, the rest by district count with some jitter
    (largest remainder, so the sum is exact)."""
    if total < MIN_PER_PROVINCE * len(PROVINCES):
        raise ValueError(f"--agencies must be at least {MIN_PER_PROVINCE * len(PROVINCES)}")
    weights = [districts * rng.uniform(0.8, 1.2) for _, _, districts in PROVINCES]
    spare = total - MIN_PER_PROVINCE * len(PROVINCES)
    shares = [spare * w / sum(weights) for w in weights]
    counts = [MIN_PER_PROVINCE + int(s) for s in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(shares[i] - int(shares[i])), i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def invent_districts(province: str, count: int, rng: random.Random) -> list[str]:
    names = [capital_district(province)]
    while len(names) < count:
        name = rng.choice(DISTRICT_HEADS) + rng.choice(DISTRICT_TAILS)
        if name not in names and name not in PROVINCE_NAMES:  # อ.เชียงใหม่ in ขอนแก่น would mislead
            names.append(name)
    return names


def invent_place(rng: random.Random) -> str:
    place = rng.choice(PLACE_HEADS) + rng.choice(PLACE_CORES)
    if rng.random() < 0.45:
        place += rng.choice(PLACE_TAILS)
    return place


def draw_tier(rng: random.Random) -> str:
    r = rng.random()
    for tier, share in TIER_SHARES:
        if r < share:
            return tier
        r -= share
    return "อบต."


def build_province(province: str, size: int, district_count: int, rng: random.Random) -> list[Agency]:
    """One อบจ. in the capital district plus size-1 local agencies. Places are unique within the
    province except the deliberate อบต./ทต. pairs in one district."""
    districts = invent_districts(province, district_count, rng)
    district_weights = [2.0] + [rng.uniform(0.5, 1.5) for _ in districts[1:]]
    agencies = [Agency(province, districts[0], "อบจ.", province)]
    for _ in range(size - 1):
        tier = draw_tier(rng)
        if tier in ("ทน.", "ทม.") and rng.random() < 0.5:
            district = districts[0]  # city municipalities cluster in the capital district
        else:
            district = rng.choices(districts, district_weights)[0]
        agencies.append(Agency(province, district, tier, ""))
    used_places = [province]  # list, not set: membership only, but keep iteration deterministic
    for agency in agencies[1:]:
        if agency.tier != "ทต.":
            agency.place = fresh_place(used_places, rng)
    name_after_province(agencies, used_places, rng)
    first_pair_done = False
    for agency in agencies[1:]:
        if agency.tier != "ทต.":
            continue
        if (not first_pair_done or rng.random() < PAIR_RATE) and pair_with_tambon(agency, agencies):
            first_pair_done = True
            continue
        agency.place = fresh_place(used_places, rng)
    return agencies


def fresh_place(used: list[str], rng: random.Random) -> str:
    while True:
        place = invent_place(rng)
        if place not in used:
            used.append(place)
            return place


def name_after_province(agencies: list[Agency], used: list[str], rng: random.Random) -> None:
    """Identity trap: a place name equal to another province's name."""
    if rng.random() >= PROVINCE_NAME_PLACE_RATE:
        return
    candidates = [a for a in agencies if a.tier == "อบต."]
    names = [n for n in SHORT_PROVINCE_NAMES if n != agencies[0].province and n not in used]
    if candidates and names:
        agency = rng.choice(candidates)
        agency.place = rng.choice(names)
        used.append(agency.place)
        agency.traps.append("place_is_province_name")


def pair_with_tambon(municipality: Agency, agencies: list[Agency]) -> bool:
    """Identity trap: ทต.X next to อบต.X in the same district (two different agencies)."""
    taken = [a.place for a in agencies if a.tier == "ทต." and a.place]
    for other in agencies:
        if (other.tier == "อบต." and other.district == municipality.district and other.place
                and other.place not in taken and not other.traps):
            municipality.place = other.place
            municipality.traps.append("two_tier_pair")
            other.traps.append("two_tier_pair")
            return True
    return False


def copy_places_across_provinces(registry: list[Agency], rng: random.Random) -> None:
    """Identity trap: the same place name in two provinces, on purpose (chance adds more)."""
    by_province: dict[str, list[Agency]] = {}
    for agency in registry:
        by_province.setdefault(agency.province, []).append(agency)
    count = int(len(registry) * CROSS_PROVINCE_RATE)
    for _ in range(count):
        target = rng.choice(registry)
        source = rng.choice(registry)
        if (target.tier == "อบจ." or source.tier == "อบจ." or target.province == source.province
                or target.traps or source.traps):
            continue
        if any(a.place == source.place for a in by_province[target.province]):
            continue
        target.place = source.place
        target.traps.append("place_in_other_province")


def build_registry(total: int, seed: int) -> list[Agency]:
    rng = random.Random(f"{seed}/registry")
    sizes = spread_agencies(total, rng)
    registry: list[Agency] = []
    for (province, _, districts), size in zip(PROVINCES, sizes):
        registry += build_province(province, size, districts, rng)
    copy_places_across_provinces(registry, rng)
    province_order = {name: i for i, (name, _, _) in enumerate(PROVINCES)}
    registry.sort(key=lambda a: (province_order[a.province], a.district != capital_district(a.province),
                                 a.district, TIER_ORDER.index(a.tier), a.place))
    for index, agency in enumerate(registry, start=1):
        agency.index = index
    mark_cross_province_names(registry)
    return registry


def mark_cross_province_names(registry: list[Agency]) -> None:
    """Tag every agency whose place name also names an agency in another province."""
    provinces_of: dict[str, list[str]] = {}
    for agency in registry:
        seen = provinces_of.setdefault(agency.place, [])
        if agency.province not in seen:
            seen.append(agency.province)
    for agency in registry:
        if agency.tier != "อบจ." and len(provinces_of[agency.place]) > 1 and \
                "place_in_other_province" not in agency.traps:
            agency.traps.append("place_in_other_province")


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    indicators: tuple[int, ...]  # hundredths, 0..10000
    overall: int  # hundredths, from the two-decimal indicators

    def result(self, year: int) -> str:
        if year in GRADE_YEARS:
            return next(grade for grade, low in GRADE_BANDS if self.overall >= low)
        return "ผ่าน" if self.overall >= PASS_CENTS else "ไม่ผ่าน"


def overall_hundredths(indicators: Sequence[int]) -> int:
    """0.3·mean(1–5) + 0.3·mean(6–8) + 0.4·mean(9–10) in exact integer arithmetic, half up."""
    weighted = sum(w * v for w, v in zip(WEIGHT_HUNDREDTHS, indicators))  # ten-thousandths
    return (weighted + 50) // 100


def year_target_gap(year: int) -> float:
    return 100.0 - YEAR_MEAN.get(year, YEAR_MEAN[max(YEAR_MEAN)] if year > max(YEAR_MEAN) else 66.0)


def latent_gaps(count: int, years: Sequence[int], seed: int) -> list[list[list[float]]]:
    """[agency][year][indicator] relative gap to 100 (log-normal), before the yearly scale."""
    rng = random.Random(f"{seed}/scores")
    mid = (min(years) + max(years)) / 2
    out = []
    for _ in range(count):
        level = rng.gauss(0, SIGMA_AGENCY)
        trend = rng.gauss(0, SIGMA_TREND)
        offsets = [rng.gauss(0, s) for s in SIGMA_OFFSET]
        per_year = []
        for year in years:
            base = level + trend * (year - mid)
            per_year.append([math.exp(base + INDICATOR_BIAS[i] + offsets[i] + rng.gauss(0, SIGMA_YEAR))
                             for i in range(10)])
        out.append(per_year)
    return out


def saturate(gap: float) -> float:
    """Soft ceiling: a gap near 0 stays as it is, a huge one approaches 100 (score 0) smoothly, so
    the low tail holds few exact zeros."""
    return 100.0 * (1.0 - math.exp(-gap / 100.0))


def year_scale(gaps: list[list[float]], target_gap: float) -> float:
    """Scale so that the mean weighted (saturated) gap hits the year's target."""
    scale = 1.0
    for _ in range(12):  # fixed point on a concave map: converges in a few rounds
        mean = sum(sum(w * saturate(scale * g) for w, g in zip(WEIGHT_HUNDREDTHS, row)) / 100
                   for row in gaps) / len(gaps)
        scale *= target_gap / mean
    return scale


def to_hundredths(gap: float) -> int:
    if gap < PERFECT_GAP:
        return 10000
    return max(0, 10000 - int(math.floor(saturate(gap) * 100 + 0.5)))


def build_scores(count: int, years: Sequence[int], seed: int) -> list[dict[int, Score]]:
    """Per agency (registry order): year -> Score."""
    latent = latent_gaps(count, years, seed)
    scores: list[dict[int, Score]] = [{} for _ in range(count)]
    for y, year in enumerate(years):
        rows = [latent[a][y] for a in range(count)]
        scale = year_scale(rows, year_target_gap(year))
        for a, row in enumerate(rows):
            values = tuple(to_hundredths(scale * g) for g in row)
            scores[a][year] = Score(values, overall_hundredths(values))
    return scores


# ---------------------------------------------------------------------------------------------
# Rendering helpers
# ---------------------------------------------------------------------------------------------


def fmt(hundredths: int) -> str:
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def indicator_label(number: int, rng: random.Random, *, variants: bool) -> str:
    if variants and number in NAME_VARIANTS and rng.random() < 0.3:
        return rng.choice(NAME_VARIANTS[number])
    return INDICATOR_NAMES[number - 1]


def printed_location(agency: Agency) -> str:
    return f"อำเภอ{agency.district} จังหวัด{agency.province}"


def misspell(place: str, avoid: Sequence[str], rng: random.Random) -> str | None:
    """A slight misspelling: a look-alike consonant, a dropped tone mark, or a dropped consonant
    cluster (never the first letter, never leaving a mark without its base)."""
    similar = {"ส": "ศ", "ศ": "ส", "ท": "ธ", "ธ": "ท", "น": "ณ", "ล": "ร", "ร": "ล", "ด": "ต", "ต": "ด",
               "บ": "ป", "ป": "บ", "ข": "ค", "ค": "ข", "พ": "ภ", "ภ": "พ", "ช": "ฉ", "ง": "ว", "ก": "ข"}
    edits: list[str] = []
    for i, ch in enumerate(place):
        if i == 0:
            continue
        if ch in similar:
            edits.append(place[:i] + similar[ch] + place[i + 1:])
        if ch in "\u0e48\u0e49":  # mai ek / mai tho
            edits.append(place[:i] + place[i + 1:])
        if "\u0e01" <= ch <= "\u0e2e" and place[i - 1] not in "เแโใไ":
            end = i + 1
            while end < len(place) and ("\u0e31" == place[end] or "\u0e34" <= place[end] <= "\u0e3a"
                                         or "\u0e47" <= place[end] <= "\u0e4e"):
                end += 1
            if end < len(place) and place[end] not in "ะาำ":
                edits.append(place[:i] + place[end:])
    edits = [e for e in edits if e != place and len(e) >= 3 and e not in avoid]
    return rng.choice(edits) if edits else None


def with_digits(text: str, thai: bool) -> str:
    return text.translate(THAI_DIGITS) if thai else text


@dataclass
class Rendered:
    """One file's text and the truth rows it should parse into."""
    path: str
    text: str
    truth: list[dict]


def truth_row(path: str, kind: str, layout: str, agency: Agency, year: int, score: Score, *,
              printed_name: str, expected_name: str, rank: int | None, thai: bool,
              misspelled: bool = False) -> dict:
    row = {"file": path, "kind": kind, "layout": layout, "agency_key": agency.key,
           "printed_name": printed_name, "expected_name": expected_name, "true_name": agency.full_name,
           "agency_type": agency.tier, "district": agency.district, "province": agency.province,
           "fiscal_year": year, "overall": fmt(score.overall), "result": score.result(year),
           "rank": rank if rank is not None else "", "thai_digits": int(thai),
           "misspelled": int(misspelled), "traps": ";".join(agency.traps)}
    row.update({f"i{n}": fmt(v) for n, v in enumerate(score.indicators, start=1)})
    return row


# ---------------------------------------------------------------------------------------------
# Province indicator tables
# ---------------------------------------------------------------------------------------------


def province_table(province: str, slug: str, year: int, members: list[tuple[Agency, Score]],
                   seed: int) -> Rendered:
    rng = random.Random(f"{seed}/province/{year}/{slug}")
    path = f"{year}/province/{slug}_{year}.txt"
    thai = rng.random() < THAI_DIGIT_RATE
    abbreviate = rng.choice((0.0, 0.15, 0.5, 0.85))  # print habits differ by file (= by year)
    district_prefix = rng.choice((0.0, 0.0, 0.3, 1.0))
    province_prefix = rng.choice((0.0, 0.0, 0.3, 1.0))
    header = "\t".join(["ลำดับ", "หน่วยงาน", "อำเภอ", "จังหวัด"]
                       + [f"ตัวชี้วัดที่ {n} {indicator_label(n, rng, variants=True)}" for n in range(1, 11)]
                       + ["คะแนน ITA", "ผลการประเมิน"])
    page_rows = 50 if len(members) > 60 and rng.random() < 0.5 else 0  # header repeated per page
    lines = [f"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
             f"ประจำปีงบประมาณ พ.ศ. {year}",
             f"รายหน่วยงานในจังหวัด{province} (ข้อมูลสังเคราะห์ที่แต่งขึ้น)", "", header]
    truth = []
    ranked = sorted(members, key=lambda m: (-m[1].overall, m[0].index))
    for rank, (agency, score) in enumerate(ranked, start=1):
        if page_rows and rank > 1 and (rank - 1) % page_rows == 0:
            lines += ["", header]
        name = agency.short_name if rng.random() < abbreviate else agency.full_name
        district = prefixed(agency.district, district_prefix, ("อ.", "อำเภอ"), rng)
        province_cell = prefixed(province, province_prefix, ("จ.", "จังหวัด"), rng)
        cells = [str(rank), name, district, province_cell] + [fmt(v) for v in score.indicators]
        cells += [fmt(score.overall), score.result(year)]
        lines.append("\t".join(cells))
        truth.append(truth_row(path, "province_table", "table", agency, year, score, printed_name=name,
                               expected_name=agency.full_name, rank=rank, thai=thai))
    return Rendered(path, with_digits("\n".join(lines) + "\n", thai), truth)


def prefixed(name: str, rate: float, prefixes: tuple[str, str], rng: random.Random) -> str:
    if rng.random() >= rate:
        return name
    return (prefixes[1] if rng.random() < 0.1 else prefixes[0]) + name


# ---------------------------------------------------------------------------------------------
# ITAS result pages
# ---------------------------------------------------------------------------------------------

ADVICE = {
    1: "ชี้แจงขั้นตอนและระยะเวลาการให้บริการให้เจ้าหน้าที่ทุกคนถือปฏิบัติอย่างเดียวกัน",
    2: "ชี้แจงแผนการใช้จ่ายงบประมาณประจำปีให้บุคลากรทุกคนทราบและเปิดช่องทางทักท้วง",
    3: "ประกาศหลักเกณฑ์การมอบหมายงานและการประเมินผลการปฏิบัติงานให้ชัดเจน",
    4: "จัดทำแนวปฏิบัติการยืมทรัพย์สินของราชการและตรวจสอบทะเบียนการยืมเป็นประจำ",
    5: "สื่อสารนโยบายต่อต้านการทุจริตของผู้บริหารและช่องทางแจ้งเบาะแสให้ทั่วถึง",
    6: "ชี้แจงขั้นตอนการให้บริการให้ประชาชนทราบอย่างทั่วถึง และจัดอบรมเจ้าหน้าที่ผู้ให้บริการเป็นประจำ",
    7: "ปรับหน้าเว็บไซต์ให้ค้นหาข้อมูลได้ง่าย และตอบคำถามผ่านช่องทางออนไลน์ภายในเวลาที่กำหนด",
    8: "ลดจำนวนเอกสารที่ผู้มาติดต่อต้องยื่น และเพิ่มการรับคำขอทางออนไลน์",
    9: "จัดหมวดหมู่ข้อมูลบนเว็บไซต์ตามรายการที่กำหนด และระบุวันที่ปรับปรุงข้อมูลกำกับไว้ทุกรายการ",
    10: "จัดทำแผนป้องกันการทุจริตประจำปีและรายงานผลการดำเนินงานให้ครบทั้ง 2 รอบ",
}


def itas_name(number: int) -> str:
    return ITAS_NAMES.get(number, INDICATOR_NAMES[number - 1])


def recommendations(score: Score, year: int) -> str:
    """One paragraph in the ITAS style: instruments from the weakest, two weakest indicators each."""
    means = []
    for code, numbers in INSTRUMENTS:
        means.append((sum(score.indicators[n - 1] for n in numbers) / len(numbers), code, numbers))
    means.sort(key=lambda m: (m[0], m[1]))
    standing = ("ผ่านเกณฑ์ 85 คะแนนแล้ว" if score.overall >= PASS_CENTS
                else "ยังต่ำกว่าเกณฑ์ 85 คะแนน")
    parts = [f"ผลคะแนนรวมของหน่วยงานในปี {year} {standing} เมื่อแยกดูทั้ง 3 แบบวัด พบว่าแบบวัด "
             f"{means[0][1]} ได้คะแนนน้อยที่สุด รองลงมาคือแบบวัด {means[1][1]} ส่วนแบบวัด {means[2][1]} "
             f"อยู่ในเกณฑ์ดีกว่า จึงเสนอให้ปรับปรุงตามลำดับดังนี้"]
    for _, code, numbers in means[:2]:
        weakest = sorted(numbers, key=lambda n: (score.indicators[n - 1], n))[:2]
        items = " ".join(f"{k}) {itas_name(n)} {ADVICE[n]}" for k, n in enumerate(weakest, start=1))
        parts.append(f"แบบวัด {code} ควรดำเนินการดังนี้ {items}")
    return " ".join(parts)


def itas_result(agency: Agency, year: int, score: Score, seed: int) -> Rendered:
    rng = random.Random(f"{seed}/itas/{year}/{agency.index}")
    path = f"{year}/agency/{agency.index:05d}_itas-result.txt"
    thai = rng.random() < THAI_DIGIT_RATE
    verdict = (f"ระดับผลการประเมิน : {score.result(year)}" if year in GRADE_YEARS
               else f"ผลการประเมิน : {score.result(year)}")
    ranked = sorted(range(1, 11), key=lambda n: (-score.indicators[n - 1], n))
    table = ["อันดับ\tตัวชี้วัด\tคะแนน"] + [f"{rank}\t{itas_name(n)}\t{fmt(score.indicators[n - 1])}"
                                           for rank, n in enumerate(ranked, start=1)]
    lines = ["", "", f"รายงานผลการประเมิน ประจำปีงบประมาณ {year}", "",
             f"ชื่อหน่วยงาน {agency.full_name} {printed_location(agency)}", "",
             f"คะแนนภาพรวมหน่วยงาน{agency.full_name} : {fmt(score.overall)} คะแนน", "", " ", verdict,
             "", "", "", "คะแนนสูงสุดรายตัวชี้วัด", "", *table, "", "กราฟแนวโน้ม", "", "", "",
             "ข้อเสนอแนะ/หมายเหตุ", "", recommendations(score, year)]
    truth = [truth_row(path, "itas_result", "itas", agency, year, score, printed_name=agency.full_name,
                       expected_name=agency.full_name, rank=None, thai=thai)]
    return Rendered(path, with_digits("\n".join(lines) + "\n", thai), truth)


# ---------------------------------------------------------------------------------------------
# Agency analysis documents
# ---------------------------------------------------------------------------------------------

# Indicator -> (measures, findings, steps); prose carries no numbers on purpose (they would be
# distractors the parser must not read as scores, and the truth has no place for them).
PLANS: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    1: (("มาตรฐานการให้บริการตามคู่มือ", "กิจกรรมยกย่องเจ้าหน้าที่ผู้ปฏิบัติงานดีเด่น"),
        ("เจ้าหน้าที่ปฏิบัติงานตามขั้นตอนเกือบทุกเรื่อง แต่คู่มือบางฉบับยังไม่เป็นปัจจุบัน",
         "ผู้รับบริการบางส่วนเห็นว่าระยะเวลาการให้บริการยังไม่แน่นอน"),
        ("ทบทวนคู่มือการให้บริการทุกงาน", "เสนอคู่มือให้ผู้บริหารให้ความเห็นชอบ",
         "เผยแพร่คู่มือทางเว็บไซต์และบอร์ดประชาสัมพันธ์")),
    2: (("เปิดเผยผลการเบิกจ่ายงบประมาณรายไตรมาส", "ประกาศแผนการจัดซื้อจัดจ้างประจำปีต่อบุคลากร"),
        ("บุคลากรต้องการทราบความคืบหน้าการเบิกจ่ายของโครงการก่อสร้าง",
         "บุคลากรบางส่วนยังไม่ทราบแผนการใช้จ่ายงบประมาณ"),
        ("สรุปผลการเบิกจ่ายทุกสิ้นไตรมาส", "แจ้งเวียนสรุปให้ทุกกองทราบ", "ประกาศผลการจัดซื้อจัดจ้างทางเว็บไซต์")),
    3: (("คณะกรรมการกลั่นกรองการประเมินผลการปฏิบัติงาน", "ควบคุมการใช้อำนาจในการบริหารงานบุคคล"),
        ("บุคลากรบางส่วนยังไม่ทราบหลักเกณฑ์การประเมินผลการปฏิบัติงาน",
         "มีข้อสังเกตเรื่องการมอบหมายงานที่ไม่เกี่ยวกับราชการ"),
        ("แต่งตั้งคณะกรรมการกลั่นกรอง", "ประกาศหลักเกณฑ์การประเมินให้บุคลากรทราบ",
         "รายงานผลการกลั่นกรองต่อผู้บริหาร")),
    4: (("แนวปฏิบัติการยืมทรัพย์สินของราชการ", "ระบบจองรถส่วนกลางล่วงหน้า"),
        ("การยืมทรัพย์สินยังไม่มีการบันทึกทุกครั้ง", "การใช้รถส่วนกลางยังไม่มีการจองล่วงหน้า"),
        ("จัดทำแบบฟอร์มการยืมทรัพย์สิน", "แจ้งเวียนแนวปฏิบัติให้บุคลากรทราบ", "ตรวจสอบทะเบียนการยืมทุกเดือน")),
    5: (("ช่องทางแจ้งเบาะแสโดยไม่ต้องเปิดเผยตัวตน", "ประกาศเจตนารมณ์ต่อต้านการทุจริต"),
        ("บุคลากรบางส่วนยังไม่มั่นใจว่าผู้แจ้งเบาะแสจะได้รับความคุ้มครอง",
         "ผู้บริหารควรสื่อสารนโยบายต่อต้านการทุจริตให้ทั่วถึง"),
        ("เปิดกล่องรับเรื่องร้องเรียนแบบไม่ระบุชื่อ", "ชี้แจงขั้นตอนคุ้มครองผู้แจ้งเบาะแส",
         "รายงานผลการจัดการเรื่องร้องเรียนทุกไตรมาส")),
    6: (("จุดบริการเบ็ดเสร็จที่ชั้นล่างของสำนักงาน", "กิจกรรมพัฒนาคุณภาพการให้บริการ"),
        ("ผู้มาติดต่อต้องเดินไปหลายจุดกว่าจะได้รับบริการครบ", "ผู้รับบริการต้องการให้ชี้แจงขั้นตอนให้ชัดเจนขึ้น"),
        ("รวมงานรับคำขอไว้ที่จุดเดียว", "ติดป้ายบอกขั้นตอนหน้าจุดบริการ", "อบรมเจ้าหน้าที่ผู้ให้บริการ")),
    7: (("สื่อประชาสัมพันธ์สำหรับชุมชน", "โครงการสื่อสารถึงชุมชน"),
        ("ประชาชนบางหมู่บ้านยังไม่ได้รับข่าวสารของหน่วยงาน", "ช่องทางสื่อสารออนไลน์ยังตอบคำถามได้ช้า"),
        ("ประกาศข่าวผ่านผู้ใหญ่บ้านและหอกระจายข่าว", "เพิ่มช่องทางประชาสัมพันธ์ผ่านกลุ่มไลน์ชุมชน",
         "ตอบคำถามทางออนไลน์ภายในเวลาที่กำหนด")),
    8: (("นัดหมายรับบริการทางออนไลน์", "โครงการสำรวจความพึงพอใจ"),
        ("ผู้รับบริการต้องรอคิวนานในช่วงต้นเดือน", "ยังไม่ได้นำข้อเสนอของผู้รับบริการมาปรับปรุงงาน"),
        ("เปิดระบบนัดหมายล่วงหน้า", "สำรวจความพึงพอใจผู้รับบริการ",
         "ประชุมหัวหน้าส่วนราชการเพื่อกำหนดแนวทางปรับปรุง")),
    9: (("ปรับโครงสร้างหน้าเว็บไซต์ตามหัวข้อการประเมิน", "กิจกรรมจัดระเบียบข้อมูลบนเว็บไซต์"),
        ("ข้อมูลหลายหัวข้อมีอยู่แล้วแต่ผู้ตรวจหาไม่พบ เพราะวางไว้ผิดหมวด",
         "ข้อมูลบางหัวข้อบนเว็บไซต์ยังไม่เป็นปัจจุบัน"),
        ("จัดหมวดหมู่หน้าเว็บไซต์ใหม่", "ทำหน้ารวมลิงก์สำหรับการประเมิน",
         "มอบหมายผู้ดูแลเว็บไซต์ตรวจสอบข้อมูลทุกเดือน")),
    10: (("แผนป้องกันการทุจริตประจำปี", "มาตรการป้องกันการทุจริตเชิงรุก"),
         ("แผนป้องกันการทุจริตยังไม่ครอบคลุมงานจัดเก็บรายได้", "มาตรการภายในยังไม่ได้ติดตามผลอย่างเป็นรูปธรรม"),
         ("ทบทวนมาตรการภายในทุกต้นปีงบประมาณ", "จัดกิจกรรมเสริมสร้างวัฒนธรรมสุจริต",
          "รายงานผลตามแผนต่อผู้บริหารทุกหกเดือน")),
}
TOPICS = {1: "ขั้นตอนการให้บริการ", 2: "การบริหารงบประมาณอย่างโปร่งใส", 3: "การบริหารงานบุคคลอย่างเป็นธรรม",
          4: "การดูแลทรัพย์สินของราชการ", 5: "การรับเรื่องร้องเรียนการทุจริต", 6: "คุณภาพการให้บริการ",
          7: "การสื่อสารข้อมูลถึงประชาชน", 8: "การรับฟังความเห็นผู้รับบริการ",
          9: "ความครบถ้วนของข้อมูลสาธารณะ", 10: "การป้องกันการทุจริตภายในหน่วยงาน"}
RESPONSIBLE = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองยุทธศาสตร์และงบประมาณ", "คณะทำงาน ITA")


def plan_periods(year: int) -> tuple[str, ...]:
    """Periods of next year's measures: they carry month words, so the parser never takes them for
    the assessed year."""
    return (f"1 ต.ค. {year} - 30 ก.ย. {year + 1}", f"ต.ค. - ธ.ค. {year}", f"ม.ค. - ก.ย. {year + 1}",
            f"1 ต.ค. {year} - 30 ก.ย. {year + 1}")


def verdict_phrase(score: Score, year: int) -> str:
    return f"อยู่ในระดับ {score.result(year)}"


def agency_line_name(agency: Agency, place: str, rng: random.Random) -> str:
    tier = agency.tier if rng.random() < ABBREVIATED_AGENCY_LINE_RATE else TIER_FULL[agency.tier]
    return tier + place


def analysis_plan(agency: Agency, year: int, score: Score, name: str, rng: random.Random) -> list[str]:
    """Layout of examples/tha-chang-mai_2567_analysis-plan.txt: a header before every row, scores
    quoted in the analysis cells."""
    header = (f"ตัวชี้วัด ITA {year}\tมาตรการ หรือโครงการ หรือกิจกรรม\tผลการวิเคราะห์\t"
              "ขั้นตอนหรือวิธีปฏิบัติการ\tช่วงระยะเวลา การดำเนินการ\tผู้รับผิดชอบ")
    lines = ["", "", "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
             f"ในปีงบประมาณ พ.ศ.{year}", "",
             "และการนำผลการวิเคราะห์ไปสู่การปรับปรุงหรือพัฒนาองค์กร หรือรักษาระดับ "
             f"ในปีงบประมาณ พ.ศ.{year + 1}", "",
             f"ชื่อหน่วยงาน {name} {printed_location(agency)}", "",
             f"ได้รับคะแนนการประเมินรวม {fmt(score.overall)} คะแนน {verdict_phrase(score, year)}", "",
             "....."]
    html = rng.random() < 0.5
    for n in range(1, 11):
        measures, findings, steps = PLANS[n]
        value = score.indicators[n - 1]
        quoted = "100" if value == 10000 else fmt(value)
        label = f"ตัวชี้วัดที่ {n} {indicator_label(n, rng, variants=True)}"
        opening = f"จากผลการประเมิน ตัวชี้วัดที่ {n} {INDICATOR_NAMES[n - 1]} ปรากฏว่า โดยรวมได้คะแนน {quoted} คะแนน"
        finding = rng.choice(findings)
        if html and rng.random() < 0.5:
            analysis = f"<p>{opening}</p> <p>{finding}</p>"
            step_cell = " ".join(f"<p>{k}.{s}</p>" for k, s in enumerate(steps, start=1))
        else:
            analysis = f"{opening} {finding}"
            step_cell = " ".join(f"{k}.{s}" for k, s in enumerate(steps, start=1))
        lines += ["", header, "\t".join([label, rng.choice(measures), analysis, step_cell,
                                         rng.choice(plan_periods(year)), rng.choice(RESPONSIBLE)])]
    return lines


def analysis_numbered(agency: Agency, year: int, score: Score, name: str, rng: random.Random) -> list[str]:
    """Layout of examples/nonsa-at-phatthana_2567_analysis-numbered.txt: numbered indicator table,
    analysis topics, an action-plan table split over two pages."""
    lines = [" ", "", "", f"# ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน {name} {printed_location(agency)}",
             "", "", "", "## ผลการประเมินรายตัวชี้วัด", ""]
    chart_years = [y for y in range(year - 4, year + 1) if y >= 2562]
    if len(chart_years) >= 3:  # two chart tabs would outweigh the assessed year (see report)
        lines += [" ".join(f"ปี {y}" for y in chart_years), ""]
    lines += ["", "", "## สรุปผลการประเมินรายตัวชี้วัด", "", "ตัวชี้วัด\tรายละเอียดตัวชี้วัด\tคะแนน"]
    lines += [f"{n}\t{indicator_label(n, rng, variants=True)}\t{fmt(score.indicators[n - 1])}"
              for n in range(1, 11)]
    weakest = sorted(range(1, 11), key=lambda n: (score.indicators[n - 1], n))[: rng.randint(3, 5)]
    standing = "ผ่านเกณฑ์" if score.overall >= PASS_CENTS else "ยังไม่ถึงเกณฑ์"
    lines += ["", "### 1. การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
              f"ในปี พ.ศ. {year}", "",
              f"ในปี พ.ศ. {year} หน่วยงานได้รับคะแนนรวม {fmt(score.overall)} คะแนน ผลการประเมิน"
              f"{verdict_phrase(score, year)} ซึ่ง{standing} 85 คะแนน"]
    for k, n in enumerate(weakest[:2], start=1):
        lines += ["", f"#### {k}) {TOPICS[n]}", "", f"{rng.choice(PLANS[n][1])} จึงควร{PLANS[n][2][0]}"]
    lines += ["", "2. แสดงการกำหนดวิธีการนำผลการวิเคราะห์แต่ละประเด็นไปสู่การปฏิบัติ", ""]
    header = ("มาตรการ\tวิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ/แนวทางการปฏิบัติ\tขั้นตอน/วิธีการปฏิบัติ\t"
              "ผู้รับผิดชอบ\tระยะเวลา/การกำกับติดตาม")
    lines.append(header)
    split_at = 3 if len(weakest) > 3 else len(weakest)
    for k, n in enumerate(weakest, start=1):
        if k == split_at + 1:
            lines += ["", header]
        measures, _, steps = PLANS[n]
        if k > split_at:  # second page: list markup, as real exports do
            approach = f'<ul style="list-style-type: none"> <li>-{rng.choice(measures)}</li> </ul>'
            step_cell = ('<ul style="list-style-type: none"> '
                         + " ".join(f"<li>-{s}</li>" for s in steps[:2]) + " </ul>")
        else:
            approach, step_cell = f"-{rng.choice(measures)}", f"-{steps[0]}"
        lines.append("\t".join([f"{k}) {TOPICS[n]}", approach, step_cell, rng.choice(RESPONSIBLE),
                                "รายงานผลการดำเนินงาน - รอบ 6 เดือน - รอบ 12 เดือน"]))
    lines += ["", "3. ข้อจำกัดของหน่วยงาน", "",
              "หน่วยงานมีเจ้าหน้าที่ดูแลเว็บไซต์จำนวนจำกัด และหลักเกณฑ์การประเมินเปลี่ยนแปลงทุกปี"]
    return lines


def analysis_document(agency: Agency, year: int, score: Score, neighbours: Sequence[str],
                      seed: int) -> Rendered:
    rng = random.Random(f"{seed}/analysis/{year}/{agency.index}")
    path = f"{year}/agency/{agency.index:05d}_analysis.txt"
    thai = rng.random() < THAI_DIGIT_RATE
    place, misspelled = agency.place, False
    if rng.random() < MISSPELL_RATE:
        wrong = misspell(agency.place, neighbours, rng)
        if wrong is not None:
            place, misspelled = wrong, True
    name = agency_line_name(agency, place, rng)
    layout = "plan" if rng.random() < 0.5 else "numbered"
    render = analysis_plan if layout == "plan" else analysis_numbered
    lines = render(agency, year, score, name, rng)
    truth = [truth_row(path, "analysis", layout, agency, year, score, printed_name=name,
                       expected_name=TIER_FULL[agency.tier] + place, rank=None, thai=thai,
                       misspelled=misspelled)]
    return Rendered(path, with_digits("\n".join(lines) + "\n", thai), truth)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

OWNED_FILE = re.compile(r"^25\d\d/(?:province/[a-z0-9-]+_25\d\d\.txt|agency/\d{5}_(?:itas-result|analysis)\.txt)$")
TEMP_SUFFIX = ".make_dataset.tmp"


def write_atomic(path: Path, data: bytes) -> None:
    """Readers never see a half-written file: write a sibling temp file, then rename over."""
    temp = path.with_name(f".{path.name}{TEMP_SUFFIX}")
    with open(temp, "wb") as handle:
        handle.write(data)
    os.replace(temp, path)


def remove_stale(out: Path, written: set[str]) -> int:
    """Delete files this generator owns (by name pattern) that the current run did not write."""
    removed = 0
    for year_dir in sorted(p for p in out.iterdir() if p.is_dir() and re.fullmatch(r"25\d\d", p.name)):
        for sub in ("province", "agency"):
            folder = year_dir / sub
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                rel = path.relative_to(out).as_posix()
                if path.name.endswith(TEMP_SUFFIX) or (OWNED_FILE.match(rel) and rel not in written):
                    path.unlink()
                    removed += 1
            if not any(folder.iterdir()):
                folder.rmdir()
        if not any(year_dir.iterdir()):
            year_dir.rmdir()
    return removed


@dataclass
class Summary:
    out_dir: str
    seed: int
    years: list[int]
    provinces: int
    agencies: int
    detailed: int
    province_files: int = 0
    agency_files: int = 0
    truth_rows: int = 0
    thai_digit_files: int = 0
    misspelled_documents: int = 0
    two_tier_pair_agencies: int = 0
    cross_province_place_agencies: int = 0
    province_name_place_agencies: int = 0
    tier_counts: dict[str, int] = field(default_factory=dict)
    national_mean: dict[int, float] = field(default_factory=dict)
    pass_rate: dict[int, float] = field(default_factory=dict)
    total_bytes: int = 0
    stale_removed: int = 0
    seconds: float = 0.0

    @property
    def files(self) -> int:
        return self.province_files + self.agency_files


def parse_years(text: str | Iterable[int]) -> list[int]:
    """'2562-2568', '2562,2565' or an iterable of ints."""
    if not isinstance(text, str):
        years = sorted(int(y) for y in text)
    else:
        years = []
        for part in text.split(","):
            start, _, end = part.strip().partition("-")
            years += range(int(start), int(end or start) + 1)
        years = sorted(dict.fromkeys(years))
    if not years or years[0] < 2562:
        raise ValueError("years must be 2562 or later (earlier years used another scheme)")
    return years


def choose_detailed(registry: list[Agency], count: int, seed: int) -> list[Agency]:
    """Agencies that get their own documents: a few identity-trap agencies on purpose, the rest at
    random; in registry order."""
    rng = random.Random(f"{seed}/detailed")
    count = min(count, len(registry))
    trapped = [a for a in registry if a.traps]
    chosen = rng.sample(trapped, min(len(trapped), count // 20))
    picked = {a.index for a in chosen}  # ints, membership only: no hash-order dependence
    rest = [a for a in registry if a.index not in picked]
    chosen += rng.sample(rest, count - len(chosen))
    return sorted(chosen, key=lambda a: a.index)


def national_stats(registry: list[Agency], scores: list[dict[int, Score]], years: Sequence[int],
                   summary: Summary) -> None:
    for year in years:
        values = [scores[a.index - 1][year].overall for a in registry]
        summary.national_mean[year] = round(sum(values) / len(values) / 100, 2)
        summary.pass_rate[year] = round(100 * sum(v >= PASS_CENTS for v in values) / len(values), 2)


def trap_counts(registry: list[Agency], summary: Summary) -> None:
    for agency in registry:
        summary.tier_counts[agency.tier] = summary.tier_counts.get(agency.tier, 0) + 1
        summary.two_tier_pair_agencies += "two_tier_pair" in agency.traps
        summary.cross_province_place_agencies += "place_in_other_province" in agency.traps
        summary.province_name_place_agencies += "place_is_province_name" in agency.traps


def render_all(registry: list[Agency], scores: list[dict[int, Score]], detailed: list[Agency],
               years: Sequence[int], seed: int) -> Iterable[Rendered]:
    by_province: dict[str, list[Agency]] = {}
    for agency in registry:
        by_province.setdefault(agency.province, []).append(agency)
    for year in years:
        for province, slug, _ in PROVINCES:
            members = [(a, scores[a.index - 1][year]) for a in by_province[province]]
            yield province_table(province, slug, year, members, seed)
        for agency in detailed:
            score = scores[agency.index - 1][year]
            neighbours = [a.place for a in by_province[agency.province]]
            yield itas_result(agency, year, score, seed)
            yield analysis_document(agency, year, score, neighbours, seed)


def truth_csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TRUTH_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def readme_text(summary: Summary) -> str:
    tiers = ", ".join(f"{t} {summary.tier_counts.get(t, 0)}" for t in TIER_ORDER)
    means = ", ".join(f"{y}: {summary.national_mean[y]:.2f} ({summary.pass_rate[y]:.1f} % ≥ 85)"
                      for y in summary.years)
    return f"""SYNTHETIC ITA DATASET - MADE-UP DOCUMENTS
ชุดข้อมูลสังเคราะห์: เอกสารทุกฉบับในโฟลเดอร์นี้แต่งขึ้น หน่วยงาน ชื่อสถานที่ อำเภอ และคะแนนไม่มีอยู่จริง

Every document here was generated by bench/make_dataset.py. Agencies, place names, districts and
scores are invented (the 77 province names are real; district names other than the capital
district are made up from syllables). The layouts copy the parser fixtures, so the files look
like real ITA documents, but they are not real data and must never be reported as such.

seed: {summary.seed}
years: {summary.years[0]}-{summary.years[-1]} ({len(summary.years)})
provinces: {summary.provinces}
agencies: {summary.agencies} ({tiers})
agencies with their own documents: {summary.detailed}
files: {summary.files} ({summary.province_files} province tables, {summary.agency_files} agency documents)
truth rows: {summary.truth_rows} (truth.csv: one row per expected parsed record)
files written in Thai digits: {summary.thai_digit_files}
analysis documents with a misspelled agency name: {summary.misspelled_documents} (truth.csv misspelled=1)
identity traps: {summary.two_tier_pair_agencies} agencies in อบต./ทต. same-place pairs, \
{summary.cross_province_place_agencies} sharing a place name with another province, \
{summary.province_name_place_agencies} named after another province
national mean ITA (pass rate): {means}

Layout:
  <year>/province/<province-slug>_<year>.txt   all agencies of one province, ranked, 10 indicators
  <year>/agency/<index>_itas-result.txt          ITAS result page of one agency
  <year>/agency/<index>_analysis.txt             the agency's analysis and plan ("plan" or "numbered")
  truth.csv                                      expected values; agency_key identifies the true agency

Overall = 0.3*mean(1-5) + 0.3*mean(6-8) + 0.4*mean(9-10) of the printed two-decimal indicators,
rounded half up. Result: letter grade for 2562-2565, ผ่าน/ไม่ผ่าน (85 or more) from 2566.

Known differences from real documents: Bangkok gets an อบจ., อบต. and เทศบาล and "อำเภอ" districts
like every other province (in reality it has the BMA and khet); ITAS result pages carry an extra
"ชื่อหน่วยงาน ... อำเภอ... จังหวัด..." line so the location can be read (real pages print none).
"""


def make_dataset(out_dir: str | os.PathLike, seed: int = 2568, agencies: int = 8300,
                 detailed: int = 1000, years: str | Iterable[int] = "2562-2568") -> Summary:
    started = time.perf_counter()
    year_list = parse_years(years)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    registry = build_registry(agencies, seed)
    scores = build_scores(len(registry), year_list, seed)
    chosen = choose_detailed(registry, detailed, seed)
    summary = Summary(str(out), seed, year_list, len(PROVINCES), len(registry), len(chosen))
    trap_counts(registry, summary)
    national_stats(registry, scores, year_list, summary)
    truth: list[dict] = []
    written: set[str] = set()
    made_dirs: set[str] = set()
    for doc in render_all(registry, scores, chosen, year_list, seed):
        target = out / doc.path
        if target.parent.as_posix() not in made_dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(target.parent.as_posix())
        data = doc.text.encode("utf-8")
        write_atomic(target, data)
        written.add(doc.path)
        truth += doc.truth
        summary.total_bytes += len(data)
        if "/province/" in doc.path:
            summary.province_files += 1
        else:
            summary.agency_files += 1
        summary.thai_digit_files += doc.truth[0]["thai_digits"]
        summary.misspelled_documents += doc.truth[0]["misspelled"]
    summary.truth_rows = len(truth)
    summary.stale_removed = remove_stale(out, written)
    data = truth_csv(truth)
    write_atomic(out / "truth.csv", data)
    summary.total_bytes += len(data)
    summary.seconds = time.perf_counter() - started  # README stays byte-identical: no time in it
    write_atomic(out / "README.txt", readme_text(summary).encode("utf-8"))
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=2568)
    parser.add_argument("--agencies", type=int, default=8300)
    parser.add_argument("--detailed", type=int, default=1000)
    parser.add_argument("--years", default="2562-2568")
    args = parser.parse_args(argv)
    try:
        summary = make_dataset(args.out_dir, seed=args.seed, agencies=args.agencies,
                               detailed=args.detailed, years=args.years)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"wrote {summary.files} files ({summary.province_files} province tables, "
          f"{summary.agency_files} agency documents), {summary.truth_rows} truth rows, "
          f"{summary.total_bytes / 2**20:.1f} MiB in {summary.seconds:.1f} s to {summary.out_dir}")
    tiers = ", ".join(f"{t} {summary.tier_counts.get(t, 0)}" for t in TIER_ORDER)
    print(f"agencies {summary.agencies} ({tiers}); "
          f"Thai-digit files {summary.thai_digit_files}; misspelled {summary.misspelled_documents}; "
          f"stale files removed {summary.stale_removed}")
    print("national mean / pass rate: " + ", ".join(
        f"{y} {summary.national_mean[y]:.2f}/{summary.pass_rate[y]:.1f}%" for y in summary.years))
    return 0


if __name__ == "__main__":
    sys.exit(main())
