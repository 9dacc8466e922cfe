"""What every chart shares: a figure with its own Agg canvas and a footer for legend and notes, the
titles, a Thai note in place of an empty chart, the pass-mark line, level legend and numbers in the
configured digits. The province overview's charts (overview_plots.py) use them too."""
from __future__ import annotations

import math

from matplotlib import font_manager, patheffects
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import blended_transform_factory

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.labels import LEVELS
from ita_lib.analysis.numbers import fmt
from ita_lib.report.colours import LEVEL_COLOURS
from ita_lib.report.plots.theme import DPI, FIG_WIDTH, use_thai_theme

NOTE_COLOUR = "#555555"
ERA_BREAK = "เปลี่ยนเกณฑ์"
NO_DATA = "ไม่มีข้อมูลคะแนน"

# A white outline keeps a label readable where a line runs behind it, without hiding the line.
HALO = [patheffects.withStroke(linewidth=3, foreground="white")]


def threshold_text(value: float, a: AgencyAnalysis) -> str:
    """A threshold like 85 without decimals, 85.5 with them, in the configured digits."""
    return fmt(value, a.config, None if float(value).is_integer() else 2)


def year_text(year: int, a: AgencyAnalysis) -> str:
    return fmt(int(year), a.config, None)


def years_text(years: list[int], a: AgencyAnalysis) -> str:
    """2563, 2564, 2565, 2567 → "๒๕๖๓–๒๕๖๕, ๒๕๖๗": runs of consecutive years joined by a dash."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(year_text(r[0], a) if len(r) == 1 else f"{year_text(r[0], a)}–{year_text(r[-1], a)}" for r in runs)


def indicator_label(number: int, a: AgencyAnalysis) -> str:
    return f"{fmt(number, a.config, None)} {load_rubric().indicators[number].name}"


def all_years(a: AgencyAnalysis) -> list[int]:
    return [] if a.years.empty else sorted(int(y) for y in a.years["fiscal_year"])


def agency_name(a: AgencyAnalysis) -> str:
    return a.agency.get("name") or ""


def new_figure(height: float, footer: tuple[bool, int] = (False, 0)) -> tuple[Figure, Axes, Axes | None]:
    """A figure with its own Agg canvas, the main axes, and (if asked) a footer axes below it sized
    for (legend?, number of note lines), so legend and notes never overlap or get cut off."""
    use_thai_theme()
    footer_height = _footer_points(*footer) / 72
    fig = Figure(figsize=(FIG_WIDTH, height + footer_height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    if not footer_height:
        return fig, fig.add_subplot(), None
    grid = fig.add_gridspec(2, 1, height_ratios=[height, footer_height])
    main = fig.add_subplot(grid[0])  # first, so fig.axes[0] is always the chart
    bottom = fig.add_subplot(grid[1])
    bottom.set_axis_off()
    return fig, main, bottom


def _small_points() -> float:
    return font_manager.FontProperties(size="small").get_size_in_points()


def _footer_points(legend: bool, notes: int) -> float:
    # Generous line heights: Thai stacks vowels and tone marks above and below the Latin line.
    return (2.6 * _small_points() if legend else 0.0) + 2.0 * _small_points() * notes


def fill_footer(fig: Figure, footer: Axes | None, notes: list[str], handles: list | None = None,
                 ncol: int = 4) -> None:
    """Legend on top (centred on the page), then one note per line (aligned with the title)."""
    if footer is None:
        return
    page_x = blended_transform_factory(fig.transFigure, footer.transAxes)
    if handles:
        footer.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 1.0), bbox_transform=page_x,
                      ncol=ncol, frameon=False, fontsize="small", borderaxespad=0, handlelength=1.4,
                      columnspacing=1.2)
    top = 2.6 * _small_points() if handles else 0.0
    for i, note in enumerate(notes):
        footer.annotate(note, xy=(0.01, 1.0), xycoords=page_x, xytext=(0, -(top + 2.0 * _small_points() * i)),
                        textcoords="offset points", ha="left", va="top", color=NOTE_COLOUR, fontsize="small")


def titles(fig: Figure, ax: Axes, title: str, a: AgencyAnalysis, pad: float = 20) -> None:
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize="x-large")
    # The pad leaves a band between the agency line and the axes for labels such as "เกณฑ์ ๘๕".
    subtitle = ax.set_title(agency_name(a), loc="left", color=NOTE_COLOUR, fontsize="medium", pad=pad)
    # Under the title at the page's left edge, not at the axes' (which moves with the label widths).
    subtitle.set_x(0.01)
    subtitle.set_transform(blended_transform_factory(fig.transFigure, ax.transAxes) + ax.titleOffsetTrans)


def note_figure(title: str, a: AgencyAnalysis, notes: list[str]) -> Figure:
    """A small figure that only says, in Thai, why there is nothing to draw."""
    fig, ax, _ = new_figure(1.1 + 0.3 * len(notes))
    ax.set_axis_off()
    titles(fig, ax, title, a, pad=6)
    ax.text(0.0, 0.5, "\n".join(notes), transform=ax.transAxes, ha="left", va="center",
            color=NOTE_COLOUR, linespacing=1.8)
    return fig


def thai_tick_format(axis: Axis, a: AgencyAnalysis, decimals: int | None = None) -> None:
    """Tick labels in the configured digits (matplotlib would print Arabic ones)."""
    axis.set_major_formatter(FuncFormatter(lambda value, _: fmt(value, a.config, decimals)))


def level_handles(a: AgencyAnalysis) -> list[Patch]:
    c = a.config
    # Words, not ≥: not every TLWG fallback font has the math signs.
    ranges = {"strength": f"ตั้งแต่ {threshold_text(c.strength, a)}",
              "pass": f"{threshold_text(c.passing, a)}–{threshold_text(c.strength, a)}",
              "weakness": f"{threshold_text(c.urgent, a)}–{threshold_text(c.passing, a)}",
              "urgent": f"ต่ำกว่า {threshold_text(c.urgent, a)}"}
    return [Patch(color=LEVEL_COLOURS[level], label=f"{LEVELS[level]} ({ranges[level]})") for level in LEVEL_COLOURS]


def pass_line(ax: Axes, a: AgencyAnalysis, *, vertical: bool) -> None:
    """The dashed pass-mark line, labelled "เกณฑ์ ๘๕" just outside the plotting area."""
    passing = a.config.passing
    label = f"เกณฑ์ {threshold_text(passing, a)}"
    style = dict(color="#333333", linestyle="--", linewidth=1.2, zorder=3)
    if vertical:
        ax.axvline(passing, **style)
        ax.annotate(label, xy=(passing, 1.0), xycoords=("data", "axes fraction"), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize="small")
    else:
        ax.axhline(passing, **style)
        ax.annotate(label, xy=(1.0, passing), xycoords=("axes fraction", "data"), xytext=(4, 0),
                    textcoords="offset points", ha="left", va="center", fontsize="small")


def lower_bound(values: list[float], a: AgencyAnalysis, margin: float = 10.0, step: float = 10.0) -> float:
    """A round axis start below every value and the pass mark (scores cluster in 70–100)."""
    low = min([*values, a.config.passing]) - margin
    return max(0.0, math.floor(low / step) * step)
