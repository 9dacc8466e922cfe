"""Chart 4: the change of each indicator since the previous comparable year, up green and down red."""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.numbers import fmt
from ita_lib.report.colours import DELTA_COLOURS
from ita_lib.report.plots.frame import (
    ERA_BREAK, NO_DATA, NOTE_COLOUR, fill_footer, indicator_label, new_figure, note_figure, titles, year_text,
)
from ita_lib.report.plots.levels import no_indicators_note


def delta_bars(a: AgencyAnalysis) -> Figure:
    """Change of each indicator in the latest year from its previous comparable year (a.yoy), green
    up and red down; a short note instead when there is nothing comparable."""
    year = a.latest_year
    title = "การเปลี่ยนแปลงคะแนนรายตัวชี้วัด"
    if year is None:
        return note_figure(title, a, [NO_DATA])
    title = f"{title} ปี {year_text(year, a)}"
    changes = a.yoy[(a.yoy["fiscal_year"] == year) & (a.yoy["scope"] == "indicator")].set_index("indicator")
    comparable = changes[changes["delta"].notna()]
    if comparable.empty:
        return note_figure(title, a, _no_delta_notes(a, year, changes))
    previous = sorted({int(y) for y in comparable["previous_year"]})
    if len(previous) == 1:
        title = f"{title} เทียบกับปี {year_text(previous[0], a)}"
    notes = _delta_notes(a, year, comparable)

    fig, ax, footer = new_figure(4.2, (False, len(notes)))
    titles(fig, ax, title, a)
    left, right = _delta_limits(comparable["delta"].astype(float).tolist())
    for position, number in enumerate(load_rubric().indicators):
        if number in comparable.index:
            _delta_bar(ax, position, comparable.loc[number], a, right - left, show_previous=len(previous) > 1)
        else:
            roomier_right = right >= -left
            ax.text(0, position, " ไม่มีข้อมูลเทียบ ", va="center", ha="left" if roomier_right else "right",
                    color=NOTE_COLOUR, fontsize="small")
    ax.axvline(0, color="#333333", linewidth=1)
    ax.set_yticks(range(len(load_rubric().indicators)), [indicator_label(n, a) for n in load_rubric().indicators])
    ax.set_ylim(len(load_rubric().indicators) - 0.5, -0.5)
    ax.set_xlim(left, right)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _signed(v, a, decimals=0)))
    ax.set_xlabel("คะแนนที่เปลี่ยน (จุด)")
    ax.grid(axis="y", visible=False)
    fill_footer(fig, footer, notes)
    return fig


def _signed(value: float, a: AgencyAnalysis, decimals: int = 2) -> str:
    text = fmt(abs(value), a.config, decimals)
    if round(value, decimals) == 0:
        return text
    return f"+{text}" if value > 0 else f"-{text}"


def _delta_limits(deltas: list[float]) -> tuple[float, float]:
    """x limits around zero: room for the labels on the sides that have bars, a sliver on a side
    without (all up or all down does not waste half the chart)."""
    low, high = min(0.0, *deltas), max(0.0, *deltas)
    span = max(high - low, 1.0)
    return (low - 0.3 * span if low < 0 else -0.06 * span), (high + 0.3 * span if high > 0 else 0.06 * span)


def _delta_bar(ax: Axes, position: int, row: pd.Series, a: AgencyAnalysis, reach: float,
               show_previous: bool) -> None:
    delta = float(row["delta"])
    colour = DELTA_COLOURS["up" if delta > 0 else "down" if delta < 0 else "same"]
    ax.barh(position, delta, height=0.62, color=colour, zorder=2)
    label = _signed(delta, a)
    if show_previous:
        label += f" (จากปี {year_text(row['previous_year'], a)})"
    gap = reach * 0.01
    ax.text(delta + (gap if delta >= 0 else -gap), position, label, va="center",
            ha="left" if delta >= 0 else "right", fontsize="small", zorder=4)


def _no_delta_notes(a: AgencyAnalysis, year: int, changes: pd.DataFrame) -> list[str]:
    """Why there is no comparison: an era break, or no earlier indicator scores at all."""
    if not changes.empty and changes["era_break"].any():
        before = int(changes["previous_year"].max())
        return [f"ไม่มีปีก่อนหน้าที่เทียบได้: ปี {year_text(before, a)} ใช้เกณฑ์ต่างจากปี {year_text(year, a)} "
                f"({ERA_BREAK}) จึงไม่เทียบคะแนนรายตัวชี้วัด"]
    if a.indicators[a.indicators["fiscal_year"] == year].empty:
        return [no_indicators_note(a, year)]
    return [f"ไม่มีปีก่อนหน้าที่เทียบได้: ไม่มีคะแนนรายตัวชี้วัดก่อนปี {year_text(year, a)}"]


def _delta_notes(a: AgencyAnalysis, year: int, comparable: pd.DataFrame) -> list[str]:
    notes = []
    overall = a.yoy[(a.yoy["fiscal_year"] == year) & (a.yoy["scope"] == "overall") & a.yoy["delta"].notna()]
    if not overall.empty:
        row = overall.iloc[0]
        notes.append(f"คะแนนรวม ITA จาก {fmt(row['previous_score'], a.config)} เป็น {fmt(row['score'], a.config)} "
                     f"({_signed(float(row['delta']), a)} จุด)")
    missing = [n for n in load_rubric().indicators if n not in comparable.index]
    if missing:
        numbers = ", ".join(fmt(n, a.config, None) for n in missing)
        notes.append(f"ตัวชี้วัดที่ {numbers} ไม่มีคะแนนปีก่อนหน้าที่เทียบได้")
    return notes
