"""Seaborn charts for the per-agency report, in Thai, drawn from an AgencyAnalysis: the charts the
notebook and the sections call, one module per kind of chart.

Every chart function takes an `AgencyAnalysis` and returns a `matplotlib.figure.Figure` with its own
Agg canvas (not registered with pyplot: batch builds leak no figures, notebooks display it once). Charts
read the analysis tables (levels, deltas, eras) and never recompute them. Missing data is drawn as far
as it exists and said in Thai on the chart; a chart with nothing to draw is a short Thai note.

    use_thai_theme()            # register the Thai font, seaborn whitegrid theme
    indicator_bars(a)           # ten indicators of the latest year, coloured by level
    trend_lines(a)              # ITA and IIT/EIT/OIT across years, broken at era changes
    indicator_heatmap(a)        # indicators × years
    delta_bars(a)               # change per indicator since the previous comparable year
    png_bytes(fig)              # the chart as a PNG, cropped as savefig's tight box

theme.py (font, theme, size), png.py (pictures), frame.py (what every chart shares: figure, footer,
titles, pass mark, notes), then levels.py, trends.py, heatmap.py and deltas.py, one chart each.
"""
from ita_lib.report.plots.deltas import delta_bars
from ita_lib.report.plots.heatmap import indicator_heatmap
from ita_lib.report.plots.levels import indicator_bars
from ita_lib.report.plots.png import png_bytes, save_png
from ita_lib.report.plots.theme import DPI, use_thai_theme
from ita_lib.report.plots.trends import trend_lines

__all__ = ["DPI", "use_thai_theme", "indicator_bars", "trend_lines", "indicator_heatmap", "delta_bars", "save_png",
           "png_bytes"]
