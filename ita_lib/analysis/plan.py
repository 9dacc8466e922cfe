"""Next year's action-plan draft: knowledge-base measures for each weak or declining indicator,
followed by the agency's own action rows from its documents."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ita_lib.files import atomic_write
from ita_lib.rubric import load as load_rubric
from ita_lib.text.thai import thai_digits_to_arabic
from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.labels import thai_columns
from ita_lib.analysis.plan_dates import measure_period
from ita_lib.analysis.numbers import digits, fmt

GENERATED = "มาตรการเสนอเพิ่มเติม"  # a measure of the knowledge base, for an indicator the agency's plan leaves out
OWN = "มาตรการของหน่วยงาน"  # a row of the agency's own action plan
PLAN_COLUMNS = ["indicator", "name", "reason", "measure", "steps", "output", "responsible", "period",
                "origin", "measure_id"]


@lru_cache(maxsize=1)
def knowledge_base() -> pd.DataFrame:
    """The measures per indicator shipped in ita_lib/data/measures.csv."""
    with resources.files("ita_lib").joinpath("data/measures.csv").open(encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    frame["indicator"] = frame["indicator"].astype(int)
    for column in ("applies_from", "applies_to"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    return frame


def reasons(scores: pd.DataFrame, trends: pd.DataFrame, yoy: pd.DataFrame, year: int,
            config: AnalysisConfig) -> dict[int, list[str]]:
    """Why each indicator needs a measure in the plan: below the pass mark, or declining."""
    found: dict[int, list[str]] = {}
    latest = scores[(scores["fiscal_year"] == year) & (scores["scope"] == "indicator")]
    for row in latest.itertuples(index=False):
        if row.score < config.passing:
            urgent = " (เร่งด่วน ต่ำกว่า " + fmt(config.urgent, config, 0) + ")" if row.score < config.urgent else ""
            found.setdefault(int(row.indicator), []).append(
                f"ปี {fmt(year, config, None)} ได้ {fmt(row.score, config)} ต่ำกว่าเกณฑ์ "
                f"{fmt(config.passing, config, 0)}{urgent}")
    for row in trends[(trends["scope"] == "indicator") & (trends["trend"] == "declining")].itertuples(index=False):
        if row.years and row.years[-1] == year:
            found.setdefault(int(row.indicator), []).append(
                f"แนวโน้มลดลงปี {fmt(row.years[0], config, None)}–{fmt(row.years[-1], config, None)} "
                f"เฉลี่ย {fmt(abs(row.slope), config)} คะแนนต่อปี")
    return found


_SUB_INDICATOR = re.compile(r"ตัวชี้วัดย่อยที่\s*(\d+\.\d+)")
_ITEM = re.compile(r"(?<![A-Za-z])[Oo]\s*0?(\d{1,2})(?!\d)|ข้อ\s*[Oo]?\s*0(\d{2})(?!\d)")


_NAME_MIN = 15  # a sub-indicator named only by its name must be this long to be specific


def advised_indicators(recommendations: pd.DataFrame | None, year: int) -> list[int]:
    """The indicators the year's recommendations address."""
    if recommendations is None or recommendations.empty:
        return []
    rows = recommendations[(recommendations["fiscal_year"] == year) & recommendations["indicator"].notna()]
    return sorted({int(number) for number in rows["indicator"]})


def findings(recommendations: pd.DataFrame | None, year: int) -> tuple[set[str], set[str]]:
    """The OIT sub-indicators ("9.4") and items ("O25") the year's recommendations name: the NACC's
    specific findings, which the plan's measures must answer first. A sub-indicator counts when
    written as "ตัวชี้วัดย่อยที่ 9.4", or by its name in the plan year's rubric when that name is
    specific ("การบริหารและพัฒนาทรัพยากรบุคคล", not "การบริหารงาน", which longer phrases contain)."""
    if recommendations is None or recommendations.empty:
        return set(), set()
    texts = recommendations[recommendations["fiscal_year"] == year]["text"].dropna().astype(str)
    text = thai_digits_to_arabic(" ".join(texts))
    subs = set(_SUB_INDICATOR.findall(text))
    names = load_rubric().rules_for(year + 1).extra.get("oit_subindicators") or []
    subs |= {f"9.{n}" for n, name in enumerate(names, start=1) if len(name) >= _NAME_MIN and name in text}
    items = {f"O{int(a or b)}" for a, b in _ITEM.findall(text)}
    return subs, items


def _answers(measure, subs: set[str], items: set[str]) -> bool:
    """Whether a knowledge-base measure answers one of the named sub-indicators or items."""
    own_subs = set(_SUB_INDICATOR.findall(measure.measure))
    own_items = {item.strip() for item in str(measure.items or "").split(";") if item.strip()}
    return bool(own_subs & subs or own_items & items)


def plan_draft(scores: pd.DataFrame, trends: pd.DataFrame, yoy: pd.DataFrame, actions: pd.DataFrame,
               year: int, config: AnalysisConfig, recommendations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Measures for each indicator that needs them: up to measures_per_indicator for an urgent one
    (below config.urgent), one for the others, so a plan where every indicator is weak stays a plan
    an agency can carry out. A measure answering a sub-indicator or item the year's recommendations
    name comes first, and is taken even past that number."""
    plan_year = year + 1
    kb = knowledge_base()
    fits = kb[(kb["applies_from"].fillna(0) <= plan_year) & (kb["applies_to"].fillna(9999) >= plan_year)]
    subs, items = findings(recommendations, year)
    rows = []
    latest = scores[(scores["fiscal_year"] == year) & (scores["scope"] == "indicator")]
    urgent = {int(row.indicator) for row in latest.itertuples(index=False) if row.score < config.urgent}
    # The agency's own measures come first; the knowledge base fills only the indicators they leave out.
    covered = {int(number) for number in actions["indicator"] if number is not None}
    why_by_number = reasons(scores, trends, yoy, year, config)
    for number in advised_indicators(recommendations, year):  # the NACC asks for it: a measure too
        why_by_number.setdefault(number, []).append(f"ข้อเสนอแนะของสำนักงาน ป.ป.ช. ปี {fmt(year, config, None)}")
    for number, why in sorted(why_by_number.items()):
        if number in covered:
            continue
        candidates = fits[fits["indicator"] == number]
        named = [m for m in candidates.itertuples() if _answers(m, subs, items)]
        others = [m for m in candidates.itertuples() if not _answers(m, subs, items)]
        wanted = config.measures_per_indicator if number in urgent else min(1, config.measures_per_indicator)
        chosen = named + others[:max(0, wanted - len(named))]
        for measure in chosen:
            reason = "; ".join(why)
            if measure in named:
                reason += f"; ข้อเสนอแนะปี {fmt(year, config, None)} ระบุประเด็นนี้"
            rows.append({"indicator": number, "name": load_rubric().indicators[number].name, "reason": reason,
                         "measure": digits(measure.measure, config), "steps": digits(measure.steps, config),
                         "output": digits(measure.output, config), "responsible": measure.responsible,
                         "period": measure_period(measure.period, plan_year, config),
                         "origin": GENERATED, "measure_id": measure.measure_id})
    for action in actions.itertuples(index=False):
        steps = json.loads(action.steps) if action.steps else []
        number = None if action.indicator is None else int(action.indicator)
        rows.append({"indicator": number, "name": load_rubric().indicators[number].name if number else action.topic,
                     "reason": action.analysis, "measure": action.measure, "steps": " | ".join(steps),
                     "output": None, "responsible": action.responsible, "period": action.period,
                     "origin": f"{OWN} ปี {fmt(int(action.fiscal_year), config, None)} "
                               f"({Path(action.path).name}"
                               + ("" if action.line is None else f":{int(action.line)}") + ")",
                     "measure_id": None})
    frame = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    frame["indicator"] = frame["indicator"].astype("Int64")
    return frame


def for_audience(plan: pd.DataFrame, audience: str = "agency") -> pd.DataFrame:
    """The plan as an audience receives it: the agency's copy (the one it publishes) names where a
    row came from without the source file and line ("เอกสารของหน่วยงาน ปี ๒๕๖๘"); the analyst's keeps
    them ("... (x_analysis-status.txt:39)") to check against the document."""
    if audience == "analyst" or plan.empty:
        return plan
    published = plan.copy()
    published["origin"] = published["origin"].map(
        lambda origin: origin.split(" (")[0] if isinstance(origin, str) else origin)
    return published


def plan_csv_text(plan: pd.DataFrame) -> str:
    """The plan with Thai headings as spreadsheet CSV (a BOM, so Excel opens Thai correctly), without
    the knowledge base's internal measure ids, which mean nothing to the agency editing it."""
    from ita_lib.io.csv_cells import spreadsheet_csv

    return spreadsheet_csv(thai_columns(plan.drop(columns=["measure_id"], errors="ignore")))


def write_plan_csv(plan: pd.DataFrame, path: str | Path) -> Path:
    """plan_csv_text written atomically to `path` (a regular file: a link or device is refused)."""
    return atomic_write(path, plan_csv_text(plan))
