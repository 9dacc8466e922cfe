"""Next year's action-plan draft: knowledge-base measures for each weak or declining indicator,
followed by the agency's own action rows from its documents."""
from __future__ import annotations

import io
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ..files import atomic_write
from ..rubric import INDICATORS
from .config import AnalysisConfig
from .labels import thai_columns
from .numbers import digits, fmt

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


def plan_draft(scores: pd.DataFrame, trends: pd.DataFrame, yoy: pd.DataFrame, actions: pd.DataFrame,
               year: int, config: AnalysisConfig) -> pd.DataFrame:
    plan_year = year + 1
    kb = knowledge_base()
    fits = kb[(kb["applies_from"].fillna(0) <= plan_year) & (kb["applies_to"].fillna(9999) >= plan_year)]
    rows = []
    for number, why in sorted(reasons(scores, trends, yoy, year, config).items()):
        for measure in fits[fits["indicator"] == number].head(config.measures_per_indicator).itertuples():
            rows.append({"indicator": number, "name": INDICATORS[number].name, "reason": "; ".join(why),
                         "measure": digits(measure.measure, config), "steps": digits(measure.steps, config),
                         "output": digits(measure.output, config), "responsible": measure.responsible,
                         "period": f"ปีงบประมาณ {fmt(plan_year, config, None)}: {digits(measure.period, config)}",
                         "origin": "คลังมาตรการ ita-report", "measure_id": measure.measure_id})
    for action in actions.itertuples(index=False):
        steps = json.loads(action.steps) if action.steps else []
        number = None if pd.isna(action.indicator) else int(action.indicator)
        rows.append({"indicator": number, "name": INDICATORS[number].name if number else action.topic,
                     "reason": action.analysis, "measure": action.measure, "steps": " | ".join(steps),
                     "output": None, "responsible": action.responsible, "period": action.period,
                     "origin": f"เอกสารของหน่วยงาน ปี {fmt(int(action.fiscal_year), config, None)} "
                               f"({Path(action.path).name}" + ("" if pd.isna(action.line) else f":{int(action.line)}") + ")",
                     "measure_id": None})
    frame = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    frame["indicator"] = frame["indicator"].astype("Int64")
    return frame


def write_plan_csv(plan: pd.DataFrame, path: str | Path) -> Path:
    """Write the plan with Thai headings as UTF-8 with a BOM (Excel opens Thai correctly), atomically;
    without the knowledge base's internal measure ids, which mean nothing to the agency editing it."""
    from ..csv_cells import spreadsheet_safe

    buffer = io.StringIO()
    spreadsheet_safe(thai_columns(plan.drop(columns=["measure_id"], errors="ignore"))).to_csv(buffer, index=False)
    return atomic_write(path, "\ufeff" + buffer.getvalue())
