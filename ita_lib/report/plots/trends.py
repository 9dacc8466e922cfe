"""Chart 2: overall ITA and the three instruments across fiscal years, broken where the rubric's era
changes (scores of two eras are not compared)."""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ita_lib import fields
from ita_lib.rubric import load as load_rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.numbers import fmt
from ita_lib.report.colours import series_colours
from ita_lib.report.plots.frame import (
    ERA_BREAK, NO_DATA, NOTE_COLOUR, all_years, fill_footer, lower_bound, new_figure, note_figure, pass_line,
    thai_tick_format, titles, year_text, years_text,
)



def series_labels() -> dict[str, str]:
    """"คะแนนรวม ITA" and each instrument as "IIT (ภายใน)"."""
    instruments = load_rubric().instruments.values()
    return {fields.OVERALL_CODE: "คะแนนรวม ITA", **{i.code: f"{i.code} ({i.brief})" for i in instruments}}


def trend_lines(a: AgencyAnalysis) -> Figure:
    """Overall ITA and the three instruments across fiscal years; lines stop at an era break, which
    is marked with a grey band and "เปลี่ยนเกณฑ์"."""
    title = "แนวโน้มคะแนน ITA รายปี"
    years = all_years(a)
    if not years:
        return note_figure(title, a, [NO_DATA])
    series = a.scores[a.scores["scope"].isin(["overall", "instrument"])]
    notes = _trend_notes(a, series, years)
    colours = series_colours(load_rubric().instrument_codes)
    codes = [code for code in colours if code in set(series["code"])]

    fig, ax, footer = new_figure(4.2, (True, len(notes)))
    titles(fig, ax, title, a)
    for code in codes:
        points = series[series["code"] == code].sort_values("fiscal_year")
        _plot_series(ax, code, points)
    low = lower_bound(series["score"].tolist(), a, margin=4, step=5)
    ax.set_ylim(low, 101)
    for x in _era_break_positions(years):
        _mark_era_break(ax, x)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    _year_and_overall_ticks(ax, years, series, a)
    thai_tick_format(ax.yaxis, a)
    ax.set_ylabel("คะแนน")
    ax.grid(axis="x", visible=False)
    pass_line(ax, a, vertical=False)
    handles = [Line2D([], [], color=colours[c], marker="o", linewidth=2.4 if c == fields.OVERALL_CODE else 1.6,
                      label=series_labels()[c]) for c in codes]
    fill_footer(fig, footer, notes, handles)
    return fig


def _segments(years: list[int]) -> list[list[int]]:
    """Split consecutive observations where the two years are not comparable (rubric.same_era)."""
    parts: list[list[int]] = []
    for i, year in enumerate(years):
        if i and load_rubric().same_era(years[i - 1], year):
            parts[-1].append(i)
        else:
            parts.append([i])
    return parts


def _plot_series(ax: Axes, code: str, points: pd.DataFrame) -> None:
    years = points["fiscal_year"].astype(int).tolist()
    scores = points["score"].astype(float).tolist()
    overall = code == fields.OVERALL_CODE
    colour = series_colours(load_rubric().instrument_codes)[code]
    for part in _segments(years):
        ax.plot([years[i] for i in part], [scores[i] for i in part], color=colour,
                marker="o", markersize=6 if overall else 4.5, linewidth=2.4 if overall else 1.6,
                zorder=5 if overall else 4, gid=f"trend-{code}")


def _year_and_overall_ticks(ax: Axes, years: list[int], series: pd.DataFrame, a: AgencyAnalysis) -> None:
    """Each year's tick reads the year and, below it, the overall score: values stay readable
    without labels colliding with the instrument lines."""
    overall = series[series["scope"] == "overall"].set_index("fiscal_year")["score"]
    labels = [year_text(y, a) + (f"\n{fmt(overall[y], a.config)}" if y in overall.index else "") for y in years]
    ax.set_xticks(years, labels)  # integer fiscal years only
    ax.set_xlabel("ปีงบประมาณ (พ.ศ.) และคะแนนรวม ITA" if len(overall) else "ปีงบประมาณ (พ.ศ.)")


def era_breaks(years: list[int]) -> list[int]:
    """Indexes i where a new era starts between years[i] and years[i + 1]."""
    rubric = load_rubric()
    return [i for i, (before, after) in enumerate(zip(years, years[1:])) if rubric.era(before) != rubric.era(after)]


def _era_break_positions(years: list[int]) -> list[float]:
    """Where each era break is drawn on a year axis: half a year before the new era's first year
    when that lies between the two years, else midway."""
    positions = []
    for i in era_breaks(years):
        before, after = years[i], years[i + 1]
        first = load_rubric().era_of(after).first
        positions.append(first - 0.5 if first is not None and before < first <= after else (before + after) / 2)
    return positions


def _mark_era_break(ax: Axes, x: float) -> None:
    ax.axvspan(x - 0.12, x + 0.12, color="#DDDDDD", zorder=1, linewidth=0)
    ax.axvline(x, color="#888888", linestyle=":", linewidth=1.2, zorder=1)
    ax.annotate(ERA_BREAK, xy=(x, 0.0), xycoords=("data", "axes fraction"), xytext=(0, 4),
                textcoords="offset points", ha="center", va="bottom", fontsize="small", color=NOTE_COLOUR,
                bbox=dict(boxstyle="square,pad=0.15", facecolor="white", edgecolor="none"))


def _trend_notes(a: AgencyAnalysis, series: pd.DataFrame, years: list[int]) -> list[str]:
    def years_with(scope: str) -> set[int]:
        return set(series.loc[series["scope"] == scope, "fiscal_year"].astype(int))

    overall, instruments = years_with("overall"), years_with("instrument")
    overall_only = [y for y in years if y in overall and y not in instruments]
    neither = [y for y in years if y not in overall and y not in instruments]
    notes = []
    if not instruments:
        notes.append(f"ไม่มีคะแนนรายแบบวัด ({'/'.join(load_rubric().instrument_codes)}) ในปีใดเลย")
    elif overall_only:
        notes.append(f"ปี {years_text(overall_only, a)} มีเฉพาะคะแนนรวม ไม่มีคะแนนรายแบบวัด")
    if neither:
        notes.append(f"ปี {years_text(neither, a)} ไม่มีคะแนนรวมและคะแนนรายแบบวัด")
    if len(years) == 1:
        notes.append("มีข้อมูลเพียงปีเดียว จึงยังไม่เห็นแนวโน้ม")
    if era_breaks(years):
        notes.append("เส้นไม่ต่อข้ามช่วงเปลี่ยนเกณฑ์ เพราะคะแนนก่อนและหลังเทียบกันโดยตรงไม่ได้")
    return notes
