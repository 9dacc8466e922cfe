"""Chart 3: indicators × fiscal years, each cell its score, with the era breaks marked."""
from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.numbers import fmt
from ita_lib.report.plots.frame import (
    ERA_BREAK, NO_DATA, NOTE_COLOUR, all_years, fill_footer, indicator_label, lower_bound, new_figure, note_figure,
    thai_tick_format, titles, year_text, years_text,
)
from ita_lib.report.plots.trends import era_breaks


def indicator_heatmap(a: AgencyAnalysis) -> Figure:
    """Indicators × fiscal years, each cell its score (blue above the pass mark, red below, white
    near it); years without indicator scores are blank columns."""
    title = "คะแนนรายตัวชี้วัดแต่ละปี"
    years = all_years(a)
    if a.indicators.empty:
        return note_figure(title, a, ["ไม่มีคะแนนรายตัวชี้วัดในปีใดเลย" if years else NO_DATA])
    matrix = (a.indicators.pivot(index="indicator", columns="fiscal_year", values="score")
              .reindex(index=list(load_rubric().indicators), columns=years).astype(float))
    notes = _heatmap_notes(a, matrix)

    fig, ax, footer = new_figure(4.6, (False, len(notes)))
    titles(fig, ax, title, a)
    values = matrix.to_numpy()
    low = lower_bound(list(values[~np.isnan(values)]), a, margin=0, step=5)
    annotations = matrix.map(lambda v: "" if pd.isna(v) else fmt(v, a.config))
    sns.heatmap(matrix, ax=ax, cmap="RdBu", center=a.config.passing, vmin=min(low, a.config.passing - 15),
                vmax=100, annot=annotations, fmt="", annot_kws={"fontsize": "small"}, linewidths=1.5,
                linecolor="white", cbar_kws={"shrink": 0.85, "pad": 0.02})
    ax.grid(False)  # the theme's grid would show through the blank (missing) cells
    colorbar = ax.collections[0].colorbar
    colorbar.ax.set_title("คะแนน", fontsize="small", loc="left")
    ax.set_yticks(np.arange(len(matrix.index)) + 0.5, [indicator_label(n, a) for n in matrix.index], rotation=0)
    ax.set_xticks(np.arange(len(years)) + 0.5, [year_text(y, a) for y in years], rotation=0)
    ax.set_xlabel("ปีงบประมาณ (พ.ศ.)")
    ax.set_ylabel("")
    ax.tick_params(length=0)
    thai_tick_format(colorbar.ax.yaxis, a, None)
    for i in era_breaks(years):
        column = i + 1  # the boundary before the first column of the new era
        ax.axvline(column, color="#333333", linewidth=2)
        ax.annotate(ERA_BREAK, xy=(column, 1.0), xycoords=("data", "axes fraction"), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize="small", color=NOTE_COLOUR)
    fill_footer(fig, footer, notes)
    return fig


def _heatmap_notes(a: AgencyAnalysis, matrix: pd.DataFrame) -> list[str]:
    empty_years = [int(y) for y in matrix.columns if matrix[y].isna().all()]
    partial = [int(y) for y in matrix.columns if matrix[y].isna().any() and not matrix[y].isna().all()]
    notes = []
    if empty_years:
        notes.append(f"ช่องว่าง: ปี {years_text(empty_years, a)} ไม่มีคะแนนรายตัวชี้วัด")
    if partial:
        notes.append(f"ปี {years_text(partial, a)} มีคะแนนไม่ครบทุกตัวชี้วัด (ช่องว่าง = ไม่มีข้อมูล)")
    return notes
