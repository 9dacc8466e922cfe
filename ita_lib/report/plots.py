"""Seaborn charts for the per-agency report, in Thai, drawn from an AgencyAnalysis.

Every chart function takes an `AgencyAnalysis` and returns a `matplotlib.figure.Figure` with its own
Agg canvas (not registered with pyplot: batch builds leak no figures, notebooks display it once). Charts
read the analysis tables (levels, deltas, eras) and never recompute them. Missing data is drawn as far
as it exists and said in Thai on the chart; a chart with nothing to draw is a short Thai note.

    use_thai_theme()            # register the Thai font, seaborn whitegrid theme
    indicator_bars(a)           # ten indicators of the latest year, coloured by level
    trend_lines(a)              # ITA and IIT/EIT/OIT across years, broken at era changes
    indicator_heatmap(a)        # indicators × years
    delta_bars(a)               # change per indicator since the previous comparable year
"""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager, patheffects
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter
from matplotlib.transforms import blended_transform_factory

from ita_lib import rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.labels import LEVELS
from ita_lib.analysis.numbers import fmt
from ita_lib.report.colours import DELTA_COLOURS, LEVEL_COLOURS, SERIES_COLOURS
from ita_lib.report.fonts import ThaiFont, find_thai_font

__all__ = ["LEVEL_COLOURS", "DELTA_COLOURS", "use_thai_theme", "indicator_bars", "trend_lines",
           "indicator_heatmap", "delta_bars", "save_png", "png_bytes"]

SERIES_LABELS: dict[str, str] = {"ITA": "คะแนนรวม ITA", "IIT": "IIT (ภายใน)", "EIT": "EIT (ภายนอก)",
                                 "OIT": "OIT (เปิดเผยข้อมูล)"}
NOTE_COLOUR = "#555555"
ERA_BREAK = "เปลี่ยนเกณฑ์"
NO_DATA = "ไม่มีข้อมูลคะแนน"

# A white outline keeps a label readable where a line runs behind it, without hiding the line.
HALO = [patheffects.withStroke(linewidth=3, foreground="white")]
FIG_WIDTH = 7.0  # inches: A4 text width
DPI = 150
_registered_fonts: set[Path] = set()


# --- theme -------------------------------------------------------------------------------------

def use_thai_theme() -> ThaiFont:
    """Register the Thai font with matplotlib and apply seaborn's whitegrid theme with it.

    Cheap on repeat calls: the files are registered once and the theme is re-applied only when
    something (e.g. another sns.set_theme) has changed the font family since."""
    font = find_thai_font()
    for path in (font.regular, font.bold):
        if path is not None and path not in _registered_fonts:
            font_manager.fontManager.addfont(str(path))
            _registered_fonts.add(path)
    if mpl.rcParams["font.family"] != [font.family]:
        # set_theme resets font.family, so the family goes in through it, not before it.
        sns.set_theme(style="whitegrid", font=font.family, font_scale=1.0, rc=_thai_rc(font.family))
    return font


def _thai_rc(family: str) -> dict:
    return {
        "font.family": [family],  # only the Thai font: a missing glyph warns instead of boxing silently
        "font.sans-serif": [family, *mpl.rcParamsDefault["font.sans-serif"]],
        "axes.unicode_minus": False,  # not every Thai font has U+2212
        "pdf.fonttype": 42, "ps.fonttype": 42,  # embed TrueType so Thai survives in PDF/PS
        "savefig.dpi": DPI, "savefig.bbox": "tight",
        "axes.titlelocation": "left",
    }


def save_png(fig: Figure, path: str | Path, *, dpi: int = DPI) -> Path:
    """Write the figure as a PNG (parent folders created) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_bytes(fig, dpi=dpi))
    return path


def png_bytes(fig: Figure, *, dpi: int = DPI) -> bytes:
    """The figure as PNG bytes, as savefig(bbox_inches="tight") makes it, in one drawing pass.

    savefig draws a figure with a layout engine twice (once to lay it out, once to paint), and
    Thai text is measured again each time. Here the Agg canvas lays out and paints once and the
    pixels are cropped to the drawn content plus savefig's pad; only a figure whose content runs
    past its edges (a label beside the axes) is drawn again by savefig, to take that part in."""
    import io

    from PIL import Image

    if fig.dpi != dpi:
        fig.set_dpi(dpi)
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    content = fig.get_tightbbox(canvas.get_renderer())  # inches, from the bottom left
    x0, x1, y0, y1 = content.x0 * dpi, content.x1 * dpi, height - content.y1 * dpi, height - content.y0 * dpi
    buffer = io.BytesIO()
    if x0 < 0 or y0 < 0 or x1 > width or y1 > height:  # drawn past the canvas: savefig takes it in
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        return buffer.getvalue()
    pad = mpl.rcParams["savefig.pad_inches"] * dpi
    drawn = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    # The content and savefig's pad around it, which may reach past the canvas: the figure's colour there.
    size = (int(x1 - x0 + 2 * pad), int(y1 - y0 + 2 * pad))
    # savefig keeps the content's bottom left corner `pad` from the image's: the same rows and columns here.
    left, top = round(x0 - pad), round(height + pad - content.y0 * dpi - size[1])
    image = Image.new("RGBA", size, tuple(round(255 * c) for c in fig.get_facecolor()))
    image.paste(drawn.crop((max(left, 0), max(top, 0), min(left + image.width, width),
                            min(top + image.height, height))), (max(-left, 0), max(-top, 0)))
    if fig.get_facecolor()[3] == 1.0:
        image = image.convert("RGB")  # opaque, as the theme's figures are: no alpha channel to store
    image.save(buffer, format="png", dpi=(dpi, dpi))
    return buffer.getvalue()


# --- small helpers -----------------------------------------------------------------------------

def _number(value: float, a: AgencyAnalysis) -> str:
    """A threshold like 85 without decimals, 85.5 with them, in the configured digits."""
    return fmt(value, a.config, None if float(value).is_integer() else 2)


def _year(year: int, a: AgencyAnalysis) -> str:
    return fmt(int(year), a.config, None)


def _years_text(years: list[int], a: AgencyAnalysis) -> str:
    """2563, 2564, 2565, 2567 → "๒๕๖๓–๒๕๖๕, ๒๕๖๗": runs of consecutive years joined by a dash."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(_year(r[0], a) if len(r) == 1 else f"{_year(r[0], a)}–{_year(r[-1], a)}" for r in runs)


def _indicator_label(number: int, a: AgencyAnalysis) -> str:
    return f"{fmt(number, a.config, None)} {rubric.INDICATORS[number].name}"


def _all_years(a: AgencyAnalysis) -> list[int]:
    return [] if a.years.empty else sorted(int(y) for y in a.years["fiscal_year"])


def _agency_name(a: AgencyAnalysis) -> str:
    return a.agency.get("name") or ""


def _new_figure(height: float, footer: tuple[bool, int] = (False, 0)) -> tuple[Figure, Axes, Axes | None]:
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


def _fill_footer(fig: Figure, footer: Axes | None, notes: list[str], handles: list | None = None,
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


def _titles(fig: Figure, ax: Axes, title: str, a: AgencyAnalysis, pad: float = 20) -> None:
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize="x-large")
    # The pad leaves a band between the agency line and the axes for labels such as "เกณฑ์ ๘๕".
    subtitle = ax.set_title(_agency_name(a), loc="left", color=NOTE_COLOUR, fontsize="medium", pad=pad)
    # Under the title at the page's left edge, not at the axes' (which moves with the label widths).
    subtitle.set_x(0.01)
    subtitle.set_transform(blended_transform_factory(fig.transFigure, ax.transAxes) + ax.titleOffsetTrans)


def _note_figure(title: str, a: AgencyAnalysis, notes: list[str]) -> Figure:
    """A small figure that only says, in Thai, why there is nothing to draw."""
    fig, ax, _ = _new_figure(1.1 + 0.3 * len(notes))
    ax.set_axis_off()
    _titles(fig, ax, title, a, pad=6)
    ax.text(0.0, 0.5, "\n".join(notes), transform=ax.transAxes, ha="left", va="center",
            color=NOTE_COLOUR, linespacing=1.8)
    return fig


def _thai_tick_format(axis: Axis, a: AgencyAnalysis, decimals: int | None = None) -> None:
    """Tick labels in the configured digits (matplotlib would print Arabic ones)."""
    axis.set_major_formatter(FuncFormatter(lambda value, _: fmt(value, a.config, decimals)))


def _level_handles(a: AgencyAnalysis) -> list[Patch]:
    c = a.config
    # Words, not ≥: not every TLWG fallback font has the math signs.
    ranges = {"strength": f"ตั้งแต่ {_number(c.strength, a)}",
              "pass": f"{_number(c.passing, a)}–{_number(c.strength, a)}",
              "weakness": f"{_number(c.urgent, a)}–{_number(c.passing, a)}",
              "urgent": f"ต่ำกว่า {_number(c.urgent, a)}"}
    return [Patch(color=LEVEL_COLOURS[level], label=f"{LEVELS[level]} ({ranges[level]})") for level in LEVEL_COLOURS]


def _pass_line(ax: Axes, a: AgencyAnalysis, *, vertical: bool) -> None:
    """The dashed pass-mark line, labelled "เกณฑ์ ๘๕" just outside the plotting area."""
    passing = a.config.passing
    label = f"เกณฑ์ {_number(passing, a)}"
    style = dict(color="#333333", linestyle="--", linewidth=1.2, zorder=3)
    if vertical:
        ax.axvline(passing, **style)
        ax.annotate(label, xy=(passing, 1.0), xycoords=("data", "axes fraction"), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize="small")
    else:
        ax.axhline(passing, **style)
        ax.annotate(label, xy=(1.0, passing), xycoords=("axes fraction", "data"), xytext=(4, 0),
                    textcoords="offset points", ha="left", va="center", fontsize="small")


def _lower_bound(values: list[float], a: AgencyAnalysis, margin: float = 10.0, step: float = 10.0) -> float:
    """A round axis start below every value and the pass mark (scores cluster in 70–100)."""
    low = min([*values, a.config.passing]) - margin
    return max(0.0, math.floor(low / step) * step)


# --- 1. indicator bars -------------------------------------------------------------------------

def indicator_bars(a: AgencyAnalysis, year: int | None = None) -> Figure:
    """Horizontal bars of the ten indicators of one year (default the latest), coloured by level,
    with the pass mark and each score at the bar's end."""
    year = a.latest_year if year is None else int(year)
    title = "คะแนนรายตัวชี้วัด" if year is None else f"คะแนนรายตัวชี้วัด ปีงบประมาณ {_year(year, a)}"
    if year is None:
        return _note_figure(title, a, [NO_DATA])
    rows = a.indicators[a.indicators["fiscal_year"] == year].set_index("indicator")
    if rows.empty:
        return _note_figure(title, a, [_no_indicators_note(a, year)])
    missing = [n for n in rubric.INDICATORS if n not in rows.index]
    notes = [f"ไม่มีข้อมูลตัวชี้วัดที่ {', '.join(fmt(n, a.config, None) for n in missing)}"] if missing else []

    fig, ax, footer = _new_figure(4.4, (True, len(notes)))
    _titles(fig, ax, title, a)
    low = _lower_bound(rows["score"].tolist(), a)
    label_room = (100 - low) * 0.14
    for position, number in enumerate(rubric.INDICATORS):
        if number in rows.index:
            _bar_with_label(ax, position, rows.loc[number], a, label_room)
        else:
            ax.text(low + 0.5, position, "ไม่มีข้อมูล", va="center", ha="left", color=NOTE_COLOUR,
                    fontsize="small")
    _instrument_separators(ax)
    ax.set_yticks(range(len(rubric.INDICATORS)), [_indicator_label(n, a) for n in rubric.INDICATORS])
    ax.set_ylim(len(rubric.INDICATORS) - 0.5, -0.5)  # indicator 1 on top
    ax.set_xlim(low, 100 + label_room)
    ax.xaxis.set_major_locator(FixedLocator(np.arange(low, 100.1, 10)))  # no tick past 100
    _thai_tick_format(ax.xaxis, a)
    ax.set_xlabel("คะแนน")
    ax.grid(axis="y", visible=False)
    _pass_line(ax, a, vertical=True)
    _fill_footer(fig, footer, notes, _level_handles(a))
    return fig


def _bar_with_label(ax: Axes, position: int, row: pd.Series, a: AgencyAnalysis, room: float) -> None:
    ax.barh(position, row["score"], height=0.68, color=LEVEL_COLOURS[row["level"]], zorder=2)
    ax.text(row["score"] + room * 0.06, position, fmt(row["score"], a.config), va="center", ha="left",
            fontsize="small", zorder=4, path_effects=HALO)


def _instrument_separators(ax: Axes) -> None:
    """Thin lines between the IIT (1–5), EIT (6–8) and OIT (9–10) groups, codes at the right edge."""
    start = 0
    for instrument, numbers in rubric.INSTRUMENT_INDICATORS.items():
        end = start + len(numbers)
        if start:
            ax.axhline(start - 0.5, color="#BBBBBB", linewidth=0.8, zorder=1)
        ax.annotate(instrument, xy=(1.0, (start + end - 1) / 2), xycoords=("axes fraction", "data"),
                    xytext=(4, 0), textcoords="offset points", ha="left", va="center",
                    color=NOTE_COLOUR, fontsize="small")
        start = end


def _no_indicators_note(a: AgencyAnalysis, year: int) -> str:
    overall = a.scores[(a.scores["fiscal_year"] == year) & (a.scores["scope"] == "overall")]
    if overall.empty:
        return f"ปี {_year(year, a)} ไม่มีคะแนนรายตัวชี้วัด"
    score = fmt(overall["score"].iloc[0], a.config)
    return f"ปี {_year(year, a)} มีเฉพาะคะแนนรวม ITA ({score}) ไม่มีคะแนนรายตัวชี้วัด"


# --- 2. trend lines ----------------------------------------------------------------------------

def trend_lines(a: AgencyAnalysis) -> Figure:
    """Overall ITA and the three instruments across fiscal years; lines stop at an era break, which
    is marked with a grey band and "เปลี่ยนเกณฑ์"."""
    title = "แนวโน้มคะแนน ITA รายปี"
    years = _all_years(a)
    if not years:
        return _note_figure(title, a, [NO_DATA])
    series = a.scores[a.scores["scope"].isin(["overall", "instrument"])]
    notes = _trend_notes(a, series, years)
    codes = [code for code in SERIES_COLOURS if code in set(series["code"])]

    fig, ax, footer = _new_figure(4.2, (True, len(notes)))
    _titles(fig, ax, title, a)
    for code in codes:
        points = series[series["code"] == code].sort_values("fiscal_year")
        _plot_series(ax, code, points)
    low = _lower_bound(series["score"].tolist(), a, margin=4, step=5)
    ax.set_ylim(low, 101)
    for x in _era_break_positions(years):
        _mark_era_break(ax, x)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    _year_and_overall_ticks(ax, years, series, a)
    _thai_tick_format(ax.yaxis, a)
    ax.set_ylabel("คะแนน")
    ax.grid(axis="x", visible=False)
    _pass_line(ax, a, vertical=False)
    handles = [Line2D([], [], color=SERIES_COLOURS[c], marker="o", linewidth=2.4 if c == "ITA" else 1.6,
                      label=SERIES_LABELS[c]) for c in codes]
    _fill_footer(fig, footer, notes, handles)
    return fig


def _segments(years: list[int]) -> list[list[int]]:
    """Split consecutive observations where the two years are not comparable (rubric.same_era)."""
    parts: list[list[int]] = []
    for i, year in enumerate(years):
        if i and rubric.same_era(years[i - 1], year):
            parts[-1].append(i)
        else:
            parts.append([i])
    return parts


def _plot_series(ax: Axes, code: str, points: pd.DataFrame) -> None:
    years = points["fiscal_year"].astype(int).tolist()
    scores = points["score"].astype(float).tolist()
    overall = code == "ITA"
    for part in _segments(years):
        ax.plot([years[i] for i in part], [scores[i] for i in part], color=SERIES_COLOURS[code],
                marker="o", markersize=6 if overall else 4.5, linewidth=2.4 if overall else 1.6,
                zorder=5 if overall else 4, gid=f"trend-{code}")


def _year_and_overall_ticks(ax: Axes, years: list[int], series: pd.DataFrame, a: AgencyAnalysis) -> None:
    """Each year's tick reads the year and, below it, the overall score: values stay readable
    without labels colliding with the instrument lines."""
    overall = series[series["scope"] == "overall"].set_index("fiscal_year")["score"]
    labels = [_year(y, a) + (f"\n{fmt(overall[y], a.config)}" if y in overall.index else "") for y in years]
    ax.set_xticks(years, labels)  # integer fiscal years only
    ax.set_xlabel("ปีงบประมาณ (พ.ศ.) และคะแนนรวม ITA" if len(overall) else "ปีงบประมาณ (พ.ศ.)")


def _era_breaks(years: list[int]) -> list[int]:
    """Indexes i where a new era starts between years[i] and years[i + 1]."""
    return [i for i, (before, after) in enumerate(zip(years, years[1:])) if rubric.era(before) != rubric.era(after)]


def _era_break_positions(years: list[int]) -> list[float]:
    """Where each era break is drawn on a year axis: half a year before the new era's first year
    when that lies between the two years, else midway."""
    positions = []
    for i in _era_breaks(years):
        before, after = years[i], years[i + 1]
        first = rubric.era_of(after).first
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
        notes.append("ไม่มีคะแนนรายแบบวัด (IIT/EIT/OIT) ในปีใดเลย")
    elif overall_only:
        notes.append(f"ปี {_years_text(overall_only, a)} มีเฉพาะคะแนนรวม ไม่มีคะแนนรายแบบวัด")
    if neither:
        notes.append(f"ปี {_years_text(neither, a)} ไม่มีคะแนนรวมและคะแนนรายแบบวัด")
    if len(years) == 1:
        notes.append("มีข้อมูลเพียงปีเดียว จึงยังไม่เห็นแนวโน้ม")
    if _era_breaks(years):
        notes.append("เส้นไม่ต่อข้ามช่วงเปลี่ยนเกณฑ์ เพราะคะแนนก่อนและหลังเทียบกันโดยตรงไม่ได้")
    return notes


# --- 3. heatmap --------------------------------------------------------------------------------

def indicator_heatmap(a: AgencyAnalysis) -> Figure:
    """Indicators × fiscal years, each cell its score (blue above the pass mark, red below, white
    near it); years without indicator scores are blank columns."""
    title = "คะแนนรายตัวชี้วัดแต่ละปี"
    years = _all_years(a)
    if a.indicators.empty:
        return _note_figure(title, a, ["ไม่มีคะแนนรายตัวชี้วัดในปีใดเลย" if years else NO_DATA])
    matrix = (a.indicators.pivot(index="indicator", columns="fiscal_year", values="score")
              .reindex(index=list(rubric.INDICATORS), columns=years).astype(float))
    notes = _heatmap_notes(a, matrix)

    fig, ax, footer = _new_figure(4.6, (False, len(notes)))
    _titles(fig, ax, title, a)
    values = matrix.to_numpy()
    low = _lower_bound(list(values[~np.isnan(values)]), a, margin=0, step=5)
    annotations = matrix.map(lambda v: "" if pd.isna(v) else fmt(v, a.config))
    sns.heatmap(matrix, ax=ax, cmap="RdBu", center=a.config.passing, vmin=min(low, a.config.passing - 15),
                vmax=100, annot=annotations, fmt="", annot_kws={"fontsize": "small"}, linewidths=1.5,
                linecolor="white", cbar_kws={"shrink": 0.85, "pad": 0.02})
    ax.grid(False)  # the theme's grid would show through the blank (missing) cells
    colorbar = ax.collections[0].colorbar
    colorbar.ax.set_title("คะแนน", fontsize="small", loc="left")
    ax.set_yticks(np.arange(len(matrix.index)) + 0.5, [_indicator_label(n, a) for n in matrix.index], rotation=0)
    ax.set_xticks(np.arange(len(years)) + 0.5, [_year(y, a) for y in years], rotation=0)
    ax.set_xlabel("ปีงบประมาณ (พ.ศ.)")
    ax.set_ylabel("")
    ax.tick_params(length=0)
    _thai_tick_format(colorbar.ax.yaxis, a, None)
    for i in _era_breaks(years):
        column = i + 1  # the boundary before the first column of the new era
        ax.axvline(column, color="#333333", linewidth=2)
        ax.annotate(ERA_BREAK, xy=(column, 1.0), xycoords=("data", "axes fraction"), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize="small", color=NOTE_COLOUR)
    _fill_footer(fig, footer, notes)
    return fig


def _heatmap_notes(a: AgencyAnalysis, matrix: pd.DataFrame) -> list[str]:
    empty_years = [int(y) for y in matrix.columns if matrix[y].isna().all()]
    partial = [int(y) for y in matrix.columns if matrix[y].isna().any() and not matrix[y].isna().all()]
    notes = []
    if empty_years:
        notes.append(f"ช่องว่าง: ปี {_years_text(empty_years, a)} ไม่มีคะแนนรายตัวชี้วัด")
    if partial:
        notes.append(f"ปี {_years_text(partial, a)} มีคะแนนไม่ครบทุกตัวชี้วัด (ช่องว่าง = ไม่มีข้อมูล)")
    return notes


# --- 4. delta bars -----------------------------------------------------------------------------

def delta_bars(a: AgencyAnalysis) -> Figure:
    """Change of each indicator in the latest year from its previous comparable year (a.yoy), green
    up and red down; a short note instead when there is nothing comparable."""
    year = a.latest_year
    title = "การเปลี่ยนแปลงคะแนนรายตัวชี้วัด"
    if year is None:
        return _note_figure(title, a, [NO_DATA])
    title = f"{title} ปี {_year(year, a)}"
    changes = a.yoy[(a.yoy["fiscal_year"] == year) & (a.yoy["scope"] == "indicator")].set_index("indicator")
    comparable = changes[changes["delta"].notna()]
    if comparable.empty:
        return _note_figure(title, a, _no_delta_notes(a, year, changes))
    previous = sorted({int(y) for y in comparable["previous_year"]})
    if len(previous) == 1:
        title = f"{title} เทียบกับปี {_year(previous[0], a)}"
    notes = _delta_notes(a, year, comparable)

    fig, ax, footer = _new_figure(4.2, (False, len(notes)))
    _titles(fig, ax, title, a)
    left, right = _delta_limits(comparable["delta"].astype(float).tolist())
    for position, number in enumerate(rubric.INDICATORS):
        if number in comparable.index:
            _delta_bar(ax, position, comparable.loc[number], a, right - left, show_previous=len(previous) > 1)
        else:
            roomier_right = right >= -left
            ax.text(0, position, " ไม่มีข้อมูลเทียบ ", va="center", ha="left" if roomier_right else "right",
                    color=NOTE_COLOUR, fontsize="small")
    ax.axvline(0, color="#333333", linewidth=1)
    ax.set_yticks(range(len(rubric.INDICATORS)), [_indicator_label(n, a) for n in rubric.INDICATORS])
    ax.set_ylim(len(rubric.INDICATORS) - 0.5, -0.5)
    ax.set_xlim(left, right)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _signed(v, a, decimals=0)))
    ax.set_xlabel("คะแนนที่เปลี่ยน (จุด)")
    ax.grid(axis="y", visible=False)
    _fill_footer(fig, footer, notes)
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
        label += f" (จากปี {_year(row['previous_year'], a)})"
    gap = reach * 0.01
    ax.text(delta + (gap if delta >= 0 else -gap), position, label, va="center",
            ha="left" if delta >= 0 else "right", fontsize="small", zorder=4)


def _no_delta_notes(a: AgencyAnalysis, year: int, changes: pd.DataFrame) -> list[str]:
    """Why there is no comparison: an era break, or no earlier indicator scores at all."""
    if not changes.empty and changes["era_break"].any():
        before = int(changes["previous_year"].max())
        return [f"ไม่มีปีก่อนหน้าที่เทียบได้: ปี {_year(before, a)} ใช้เกณฑ์ต่างจากปี {_year(year, a)} "
                f"({ERA_BREAK}) จึงไม่เทียบคะแนนรายตัวชี้วัด"]
    if a.indicators[a.indicators["fiscal_year"] == year].empty:
        return [_no_indicators_note(a, year)]
    return [f"ไม่มีปีก่อนหน้าที่เทียบได้: ไม่มีคะแนนรายตัวชี้วัดก่อนปี {_year(year, a)}"]


def _delta_notes(a: AgencyAnalysis, year: int, comparable: pd.DataFrame) -> list[str]:
    notes = []
    overall = a.yoy[(a.yoy["fiscal_year"] == year) & (a.yoy["scope"] == "overall") & a.yoy["delta"].notna()]
    if not overall.empty:
        row = overall.iloc[0]
        notes.append(f"คะแนนรวม ITA จาก {fmt(row['previous_score'], a.config)} เป็น {fmt(row['score'], a.config)} "
                     f"({_signed(float(row['delta']), a)} จุด)")
    missing = [n for n in rubric.INDICATORS if n not in comparable.index]
    if missing:
        numbers = ", ".join(fmt(n, a.config, None) for n in missing)
        notes.append(f"ตัวชี้วัดที่ {numbers} ไม่มีคะแนนปีก่อนหน้าที่เทียบได้")
    return notes
