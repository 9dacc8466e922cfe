"""The Thai look of every chart: the Thai font registered with matplotlib, seaborn's whitegrid theme
with it, and the figure size and resolution of the report's charts."""
from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import seaborn as sns
from matplotlib import font_manager

from ita_lib.report.fonts import ThaiFont, find_thai_font

FIG_WIDTH = 7.0  # inches: A4 text width
DPI = 150
_registered_fonts: set[Path] = set()


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
