"""A chart as a PNG picture (bytes, or a file), cropped as savefig(bbox_inches="tight") crops it."""
from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ita_lib.report.plots.theme import DPI


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
