"""Year-aware ITA facts: indicators, instruments, weights, grade bands.

[C] confirmed, [L] likely, [U] unknown, as in the domain reference. Change the rules here only.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndicatorInfo:
    number: int
    name: str  # canonical Thai name
    instrument: str  # IIT / EIT / OIT
    variants: tuple[str, ...] = ()  # other Thai spellings seen in real documents
    english: tuple[str, ...] = ()


INDICATORS: dict[int, IndicatorInfo] = {
    info.number: info
    for info in (
        IndicatorInfo(1, "การปฏิบัติหน้าที่", "IIT", (), ("performance of duty", "duty performance")),
        IndicatorInfo(2, "การใช้งบประมาณ", "IIT", (), ("budget use", "use of budget")),
        IndicatorInfo(3, "การใช้อำนาจ", "IIT", (), ("use of power", "use of authority")),
        IndicatorInfo(4, "การใช้ทรัพย์สินของราชการ", "IIT", ("การใช้ทรัพย์สินของทางราชการ",),
                      ("use of official property", "use of government property")),
        IndicatorInfo(5, "การแก้ไขปัญหาการทุจริต", "IIT", (),
                      ("solving corruption problems", "anti-corruption problem solving")),
        IndicatorInfo(6, "คุณภาพการดำเนินงาน", "EIT", (), ("quality of operation", "service quality")),
        IndicatorInfo(7, "ประสิทธิภาพการสื่อสาร", "EIT", (), ("communication efficiency",)),
        IndicatorInfo(8, "การปรับปรุงระบบการทำงาน", "EIT",
                      ("การปรับปรุงการทำงาน", "การปรับปรุงการดำเนินงาน"),
                      ("improvement of work system", "work system improvement")),
        IndicatorInfo(9, "การเปิดเผยข้อมูล", "OIT", (), ("open data", "information disclosure")),
        IndicatorInfo(10, "การป้องกันการทุจริต", "OIT", ("การป้องกันและการทุจริต",),
                      ("anti-corruption practice", "corruption prevention")),
    )
}

INSTRUMENT_INDICATORS: dict[str, tuple[int, ...]] = {
    "IIT": (1, 2, 3, 4, 5),
    "EIT": (6, 7, 8),
    "OIT": (9, 10),
}

# [C] 2562–2565, [L] 2566+: ITA = 0.3 IIT + 0.3 EIT + 0.4 OIT, each instrument the mean of its indicators.
INSTRUMENT_WEIGHTS: dict[str, float] = {"IIT": 0.30, "EIT": 0.30, "OIT": 0.40}

PASS_THRESHOLD = 85.0  # [C] every year from 2562

# [C] 2562–2565 letter grades: (grade, lower bound inclusive).
GRADE_BANDS: tuple[tuple[str, float], ...] = (
    ("AA", 95.0), ("A", 85.0), ("B", 75.0), ("C", 65.0), ("D", 55.0), ("E", 50.0), ("F", 0.0),
)
GRADES = tuple(grade for grade, _ in GRADE_BANDS)
GRADE_YEARS = range(2562, 2566)  # years whose grade must match the score band
FIRST_ITAS_YEAR = 2562  # ≤ 2561: older five-index schemes, not comparable [C]
RECOMPUTE_CONFIRMED_YEARS = range(2562, 2566)  # 2566+: weights only likely -> "cannot verify"

RESULT_WORDS = ("ผ่านดีเยี่ยม", "ผ่านดี", "ไม่ผ่าน", "ผ่าน")  # longest first


def grade_for_score(score: float) -> str:
    for grade, lower in GRADE_BANDS:
        if score >= lower:
            return grade
    return "F"


def era(fiscal_year: int) -> str:
    if fiscal_year < FIRST_ITAS_YEAR:
        return "pre-2562"
    if fiscal_year <= 2565:
        return "2562-2565"
    return "2566+"


def compute_overall(indicators: dict[int, float]) -> float | None:
    """30/30/40 weighted ITA score from all ten indicators; None when any is missing."""
    if any(indicators.get(n) is None for n in range(1, 11)):
        return None
    total = 0.0
    for instrument, numbers in INSTRUMENT_INDICATORS.items():
        mean = sum(indicators[n] for n in numbers) / len(numbers)
        total += INSTRUMENT_WEIGHTS[instrument] * mean
    return round(total, 2)


def indicator_weight(number: int) -> float:
    """Share of the overall score one indicator carries (0.06, 0.10 or 0.20)."""
    instrument = INDICATORS[number].instrument
    return INSTRUMENT_WEIGHTS[instrument] / len(INSTRUMENT_INDICATORS[instrument])
