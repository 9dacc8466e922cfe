"""The Thai font a report page embeds, cut down to the characters a report can hold.

A page carries its font as base64 (it must show Thai offline, on a machine without the font), and a
whole font is 90-115 KB a weight, 300 KB of base64 for two. Kept: Basic Latin and Latin-1, Thai, general
punctuation, arrows, mathematical operators and geometric shapes (– • → ≥ ✓ …), with the OpenType
features Thai shaping needs (marks above and below, sara am's decomposition). A character outside
these falls back to the next font of the page's stack, as any missing glyph does. The PDF needs none
of this: WeasyPrint embeds only the glyphs it drew.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

KEPT_RANGES = ((0x0020, 0x007E), (0x00A0, 0x00FF), (0x0E00, 0x0E7F), (0x2000, 0x206F), (0x2190, 0x21FF),
               (0x2200, 0x22FF), (0x25A0, 0x25FF), (0x2713, 0x2717))


@lru_cache(maxsize=4)
def embedded_font_bytes(path: Path) -> bytes:
    """The font file's bytes for a page to embed: its subset, or the whole file when fontTools cannot
    cut it (an unusual font still shows, only larger)."""
    import logging

    from fontTools import subset
    from fontTools.ttLib import TTFont

    whole = path.read_bytes()
    quiet = logging.getLogger("fontTools.subset")
    level, quiet.level = quiet.level, logging.ERROR  # "FFTM NOT subset; dropped": a table nobody reads
    try:
        options = subset.Options()
        options.layout_features = ["*"]  # every feature of the kept glyphs: Thai marks need ccmp, mark, mkmk…
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False  # browsers hint Thai themselves; the instructions are a third of the file
        options.desubroutinize = True
        font = TTFont(io.BytesIO(whole), fontNumber=0)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[code for low, high in KEPT_RANGES for code in range(low, high + 1)])
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    except Exception:  # noqa: BLE001 - any failure of the cut leaves the whole font, never a broken page
        return whole
    finally:
        quiet.level = level
    cut = out.getvalue()
    return cut if len(cut) < len(whole) else whole
