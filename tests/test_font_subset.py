"""The report page embeds its Thai font cut to the characters a report holds (a third of the file),
with Thai shaping intact; a font fontTools cannot cut is embedded whole."""
from __future__ import annotations

import base64
import io
import re
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

from ita_lib.report.font_subset import embedded_font_bytes
from ita_lib.report.fonts import BUNDLED, ThaiFont, font_face_css

SARABUN = ThaiFont("Sarabun", BUNDLED / "Sarabun-Regular.ttf", BUNDLED / "Sarabun-Bold.ttf")
THAI = [code for code in range(0x0E01, 0x0E5C) if unicodedata.name(chr(code), "")]  # every assigned Thai character


def embedded_fonts(css: str) -> list[TTFont]:
    return [TTFont(io.BytesIO(base64.b64decode(data))) for data in re.findall(r"base64,([A-Za-z0-9+/=]+)", css)]


def test_the_page_embeds_both_weights_cut_to_a_report_repertoire_with_thai_shaping() -> None:
    css = font_face_css(SARABUN)
    fonts = embedded_fonts(css)
    assert len(fonts) == 2
    for font, path in zip(fonts, (SARABUN.regular, SARABUN.bold)):
        whole = TTFont(str(path))
        assert len(font.getGlyphOrder()) < len(whole.getGlyphOrder()) * 0.6
        cmap = font.getBestCmap()
        assert all(code in cmap for code in THAI)
        assert all(code in cmap for code in range(0x21, 0x7F)) and {0x2013, 0x2022, 0x2192, 0x2265} <= set(cmap)
        assert 0x1EA1 not in cmap and 0x1EA1 in whole.getBestCmap()  # Vietnamese ạ: no report prints it
        # the mark positioning that stacks tone marks over upper vowels, and sara am's decomposition
        features = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
        assert {"mark", "mkmk"} <= features
        assert "ccmp" in {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    assert len(css) < 0.6 * sum(len(base64.b64encode(p.read_bytes())) for p in (SARABUN.regular, SARABUN.bold))


def test_a_font_that_cannot_be_cut_is_embedded_whole(tmp_path) -> None:
    damaged = tmp_path / "Damaged.ttf"
    damaged.write_bytes(b"\x00\x01\x00\x00" + bytes(range(256)) * 8)
    assert embedded_font_bytes(Path(damaged)) == damaged.read_bytes()
