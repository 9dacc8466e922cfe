"""Seaborn charts for the province overview, in the same Thai style as the agency charts."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ita_lib.analysis.labels import LEVELS
from ita_lib.analysis.numbers import fmt
from ita_lib.report.overview import Overview, dash_if_missing, indicator_means, movers_table
from ita_lib.report.colours import DELTA_COLOURS, LEVEL_COLOURS
from ita_lib.report.plots.frame import (
    fill_footer, new_figure, note_figure, pass_line, thai_tick_format, threshold_text, titles,
)

NO_SCORES = "ไม่มีคะแนนในปีนี้"


def _finish_score_chart(fig: Figure, ax, footer, title: str, o: Overview) -> Figure:
    """Pass-mark line, titles and the level legend that every score chart of the overview has."""
    pass_line(ax, o, vertical=True)
    titles(fig, ax, title, o)
    fill_footer(fig, footer, [], handles=[Patch(color=LEVEL_COLOURS[k], label=LEVELS[k]) for k in LEVEL_COLOURS])
    return fig


def score_distribution(o: Overview) -> Figure:
    """How many agencies scored in each 2.5-point band, coloured by level, with the pass mark."""
    import seaborn as sns

    title = "การกระจายของคะแนน ITA"
    scores = o.current["score"].astype(float)
    if scores.empty:
        return note_figure(title, o, [NO_SCORES])
    fig, ax, footer = new_figure(3.0, footer=(True, 0))
    low = min(np.floor(scores.min() / 5) * 5, o.config.urgent - 5)
    bins = np.arange(low, 100.0 + 2.5, 2.5)
    sns.histplot(x=scores, bins=bins, ax=ax, color=LEVEL_COLOURS["pass"], edgecolor="white")
    for patch in ax.patches:  # each bar in the colour of the level its band starts in
        start = patch.get_x()
        level = ("strength" if start >= o.config.strength else "pass" if start >= o.config.passing
                 else "weakness" if start >= o.config.urgent else "urgent")
        patch.set_facecolor(LEVEL_COLOURS[level])
    ax.set_xlabel("คะแนน ITA")
    ax.set_ylabel("จำนวนหน่วยงาน")
    thai_tick_format(ax.xaxis, o, 0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # whole agencies only
    thai_tick_format(ax.yaxis, o, 0)
    return _finish_score_chart(fig, ax, footer, title, o)


def indicator_chart(o: Overview) -> Figure:
    """The province's mean score per indicator, weakest at the top, with the pass mark."""
    title = "คะแนนเฉลี่ยรายตัวชี้วัด"
    means = indicator_means(o)
    if means.empty:
        return note_figure(title, o, [NO_SCORES])
    fig, ax, footer = new_figure(max(2.4, 0.36 * len(means) + 1.0), footer=(True, 0))
    labels = [f"{threshold_text(row.indicator, o)} {dash_if_missing(row.name)}" for row in means.itertuples()]
    ax.barh(range(len(means)), means["mean"], color=[LEVEL_COLOURS[level] for level in means["level"]])
    # The values in a column right of the plot, not at the bar ends: a mean near the pass mark
    # would print its label across the pass-mark line.
    for position, value in enumerate(means["mean"]):
        ax.annotate(fmt(value, o.config), xy=(1.0, position), xycoords=("axes fraction", "data"), xytext=(4, 0),
                    textcoords="offset points", va="center", ha="left", fontsize="small")
    ax.set_yticks(range(len(means)), labels)
    ax.invert_yaxis()
    ax.set_xlim(max(0.0, np.floor(min(means["mean"].min(), o.config.urgent) / 10) * 10 - 10), 100)
    ax.set_xlabel("คะแนนเฉลี่ย")
    thai_tick_format(ax.xaxis, o, 0)
    return _finish_score_chart(fig, ax, footer, title, o)


def movers_chart(o: Overview) -> Figure:
    """Change since the previous comparable year: the most improved and most declined agencies."""
    title = "คะแนนที่ดีขึ้นและลดลงจากปีก่อนหน้า"  # the section's heading above it is "…เปลี่ยนแปลงมากที่สุด"
    improved, declined = movers_table(o)
    rows = list(improved.itertuples()) + list(declined.iloc[::-1].itertuples())
    if not rows:
        return note_figure(title, o, ["ไม่มีคะแนนปีก่อนหน้าให้เปรียบเทียบ"])
    fig, ax, _ = new_figure(max(2.4, 0.3 * len(rows) + 1.2))
    changes = [row.change for row in rows]
    ax.barh(range(len(rows)), changes, color=[DELTA_COLOURS["up" if c > 0 else "down"] for c in changes])
    ax.set_yticks(range(len(rows)), [dash_if_missing(row.name) for row in rows], fontsize="small")
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", linewidth=0.8)
    reach = max(abs(c) for c in changes) * 1.25
    ax.set_xlim(-reach, reach)
    ax.set_xlabel("คะแนนที่เปลี่ยนไปจากปีก่อนหน้า")
    thai_tick_format(ax.xaxis, o, 0)
    titles(fig, ax, title, o)
    return fig
