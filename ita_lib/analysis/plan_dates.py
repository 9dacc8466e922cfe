"""When a measure of the plan happens, as dates: the knowledge base says "ไตรมาสที่ 1" or "ตลอด
ปีงบประมาณ"; the published plan gives the days of the plan's fiscal year (1 ต.ค. of the year before
to 30 ก.ย.), with the knowledge base's words beside them."""
from __future__ import annotations

import datetime
import re

from pythainlp.util import thai_strftime

from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.numbers import digits
from ita_lib.parse.years import BE_OFFSET

# (month, day) a quarter of the fiscal year starts and ends, and whether it falls in the calendar
# year before the fiscal year's own (October to December do).
QUARTERS = {1: ((10, 1), (12, 31), True), 2: ((1, 1), (3, 31), False), 3: ((4, 1), (6, 30), False),
            4: ((7, 1), (9, 30), False)}
_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*([1-4])")
_WHOLE_YEAR = ("ตลอดปี", "ทุกรอบ")
_BY_MARCH = "ภายในเดือนมีนาคม"
_MONTHS = re.compile(r"\s*\([^()]*\)")


def _day(plan_year: int, quarter: int, end: bool) -> datetime.date:
    (month, day) = QUARTERS[quarter][1 if end else 0]
    christian = plan_year - BE_OFFSET - (1 if QUARTERS[quarter][2] else 0)
    return datetime.date(christian, month, day)


def measure_period(period: str, plan_year: int, config: AnalysisConfig) -> str:
    """"๑ ต.ค. ๒๕๖๘ – ๓๑ ธ.ค. ๒๕๖๘ (ไตรมาสที่ ๑ ...)"; the words alone when they name no time."""
    quarters = [int(q) for q in _QUARTER.findall(period)]
    if period.startswith(_WHOLE_YEAR):
        first, last = 1, 4
    elif period.startswith(_BY_MARCH):
        first, last = 1, 2
    elif quarters:
        first, last = quarters[0], 4 if "ทุกไตรมาส" in period else max(quarters)
    else:
        return digits(period, config)
    thai = config.digits == "thai"
    start, end = (thai_strftime(datetime.datetime.combine(day, datetime.time()), "%-d %b %Y", thaidigit=thai)
                  for day in (_day(plan_year, first, False), _day(plan_year, last, True)))
    words = _MONTHS.sub("", period).strip()  # "(ต.ค.–ธ.ค.)": the dates say it now
    return f"{start} – {end} ({digits(words, config)})"
