"""Chart 1: the ten indicators of one year as bars coloured by level, with the pass mark."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.numbers import fmt
from ita_lib.report.colours import LEVEL_COLOURS
from ita_lib.report.plots.frame import (
    HALO, NO_DATA, NOTE_COLOUR, fill_footer, indicator_label, level_handles, lower_bound, new_figure, note_figure,
    pass_line, thai_tick_format, titles, year_text,
)


def indicator_bars(a: AgencyAnalysis, year: int | None = None) -> Figure:
    """Horizontal bars of the ten indicators of one year (default the latest), coloured by level,
    with the pass mark and each score at the bar's end."""
    year = a.latest_year if year is None else int(year)
    title = "คะแนนรายตัวชี้วัด" if year is None else f"คะแนนรายตัวชี้วัด ปีงบประมาณ {year_text(year, a)}"
    if year is None:
        return note_figure(title, a, [NO_DATA])
    rows = a.indicators[a.indicators["fiscal_year"] == year].set_index("indicator")
    if rows.empty:
        return note_figure(title, a, [no_indicators_note(a, year)])
    missing = [n for n in load_rubric().indicators if n not in rows.index]
    notes = [f"ไม่มีข้อมูลตัวชี้วัดที่ {', '.join(fmt(n, a.config, None) for n in missing)}"] if missing else []

    fig, ax, footer = new_figure(4.4, (True, len(notes)))
    titles(fig, ax, title, a)
    low = lower_bound(rows["score"].tolist(), a)
    label_room = (100 - low) * 0.14
    for position, number in enumerate(load_rubric().indicators):
        if number in rows.index:
            _bar_with_label(ax, position, rows.loc[number], a, label_room)
        else:
            ax.text(low + 0.5, position, "ไม่มีข้อมูล", va="center", ha="left", color=NOTE_COLOUR,
                    fontsize="small")
    _instrument_separators(ax)
    ax.set_yticks(range(len(load_rubric().indicators)), [indicator_label(n, a) for n in load_rubric().indicators])
    ax.set_ylim(len(load_rubric().indicators) - 0.5, -0.5)  # indicator 1 on top
    ax.set_xlim(low, 100 + label_room)
    ax.xaxis.set_major_locator(FixedLocator(np.arange(low, 100.1, 10)))  # no tick past 100
    thai_tick_format(ax.xaxis, a)
    ax.set_xlabel("คะแนน")
    ax.grid(axis="y", visible=False)
    pass_line(ax, a, vertical=True)
    fill_footer(fig, footer, notes, level_handles(a))
    return fig


def _bar_with_label(ax: Axes, position: int, row: pd.Series, a: AgencyAnalysis, room: float) -> None:
    ax.barh(position, row["score"], height=0.68, color=LEVEL_COLOURS[row["level"]], zorder=2)
    ax.text(row["score"] + room * 0.06, position, fmt(row["score"], a.config), va="center", ha="left",
            fontsize="small", zorder=4, path_effects=HALO)


def _instrument_separators(ax: Axes) -> None:
    """Thin lines between the IIT (1–5), EIT (6–8) and OIT (9–10) groups, codes at the right edge."""
    start = 0
    for instrument, numbers in load_rubric().instrument_indicators(None).items():
        end = start + len(numbers)
        if start:
            ax.axhline(start - 0.5, color="#BBBBBB", linewidth=0.8, zorder=1)
        ax.annotate(instrument, xy=(1.0, (start + end - 1) / 2), xycoords=("axes fraction", "data"),
                    xytext=(4, 0), textcoords="offset points", ha="left", va="center",
                    color=NOTE_COLOUR, fontsize="small")
        start = end


def no_indicators_note(a: AgencyAnalysis, year: int) -> str:
    overall = a.scores[(a.scores["fiscal_year"] == year) & (a.scores["scope"] == "overall")]
    if overall.empty:
        return f"ปี {year_text(year, a)} ไม่มีคะแนนรายตัวชี้วัด"
    score = fmt(overall["score"].iloc[0], a.config)
    return f"ปี {year_text(year, a)} มีเฉพาะคะแนนรวม ITA ({score}) ไม่มีคะแนนรายตัวชี้วัด"
