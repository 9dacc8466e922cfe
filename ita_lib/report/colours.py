"""The report's colours, shared by the charts and the page's tables (no plotting import needed)."""
from __future__ import annotations

# ColorBrewer RdBu ends and middles: colour-blind safe, dark = far from the pass mark either way.
LEVEL_COLOURS: dict[str, str] = {"strength": "#2166AC", "pass": "#67A9CF", "weakness": "#F4A582",
                                 "urgent": "#B2182B"}
# Okabe–Ito bluish green / vermillion: tell apart with the common colour-vision deficiencies.
DELTA_COLOURS: dict[str, str] = {"up": "#009E73", "down": "#D55E00", "same": "#999999"}
SERIES_COLOURS: dict[str, str] = {"ITA": "#222222", "IIT": "#0072B2", "EIT": "#E69F00", "OIT": "#CC79A7"}


def text_on(colour: str) -> str:
    """Black or white text, whichever reads better on a hex background."""
    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"
