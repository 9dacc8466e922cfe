"""The report's colours, shared by the charts and the page's tables (no plotting import needed)."""
from __future__ import annotations

from ita_lib import fields

# ColorBrewer RdBu ends and middles: colour-blind safe, dark = far from the pass mark either way.
LEVEL_COLOURS: dict[str, str] = {"strength": "#2166AC", "pass": "#67A9CF", "weakness": "#F4A582",
                                 "urgent": "#B2182B"}
# Okabe–Ito bluish green / vermillion: tell apart with the common colour-vision deficiencies.
DELTA_COLOURS: dict[str, str] = {"up": "#009E73", "down": "#D55E00", "same": "#999999"}
OVERALL_COLOUR = "#222222"
# Okabe–Ito blue, orange, reddish purple, then sky blue, bluish green, yellow: the rubric's instruments in order.
INSTRUMENT_COLOURS = ("#0072B2", "#E69F00", "#CC79A7", "#56B4E9", "#009E73", "#F0E442")


def series_colours(instrument_codes) -> dict[str, str]:
    """The overall score's colour and each instrument's, by its place in the rubric."""
    return {fields.OVERALL_CODE: OVERALL_COLOUR, **dict(zip(instrument_codes, INSTRUMENT_COLOURS))}


def text_on(colour: str) -> str:
    """Black or white text, whichever reads better on a hex background."""
    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"
