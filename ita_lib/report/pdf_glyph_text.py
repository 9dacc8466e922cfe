"""Give every glyph in WeasyPrint's PDFs the text of the cluster it was drawn in, so Thai extracts
right in readers that ignore ActualText (pypdf, pdf.js and so Firefox and most web viewers).

WeasyPrint writes glyph ids as the PDF's character codes and maps each code to one text, taken from
the first cluster the glyph was drawn in. Thai shaping draws one cluster with several glyphs (sara am
ำ is nikhahit + sara aa; a tone mark over a lower vowel) and the same glyph in clusters of different
text, so "ตำบล" reads "ตาบล" in pypdf, and pdf.js, which shows the code itself when its text is empty,
reads "ตĺาบล". PDF allows several codes for one glyph: the font's /Encoding CMap maps each code to a
glyph (WeasyPrint already writes one when a glyph is missing). So, per cluster that needs it, the
first glyph is drawn with a new code whose text is the whole cluster, and the others with silent codes
whose text is empty; a silent code's number is a default-ignorable character (zero-width space and
the like), which is what pdf.js shows for a code without text. The glyphs drawn, their widths and
positions stay the same: only the codes and the maps change.
"""
from __future__ import annotations

from contextlib import contextmanager

# Codes for a cluster's own text: the Private Use Area, never a Thai glyph's id in a Thai font.
FIRST_CLUSTER_CODE = 0xE000
LAST_CLUSTER_CODE = 0xF8FF
# Default-ignorable code points (Unicode's DerivedCoreProperties), bidi controls left out: what pdf.js
# shows for a silent code is invisible and moves nothing.
# The format characters (Cf) first: text tools drop them more often than the invisible marks after them.
SILENT_CODES = (*range(0x200B, 0x200E), *range(0x2060, 0x2065), *range(0x206A, 0x2070), 0xFEFF, 0x180E,
                0x034F, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, *range(0xFE00, 0xFE10))


class GlyphCodes:
    """The extra codes of one WeasyPrint font: code -> the glyph it draws."""

    def __init__(self, font) -> None:
        self.font = font
        self.glyph_of_code: dict[int, int] = {}
        self._cluster_codes: dict[tuple[int, str], int] = {}
        self._silent_codes: dict[int, int] = {}
        self._next_cluster_code = FIRST_CLUSTER_CODE
        self._free_silent = [code for code in SILENT_CODES if code >= font.glyph_count + 256]

    def _usable(self, code: int) -> bool:
        # Never a code the font's glyphs or WeasyPrint's own codes for missing glyphs use.
        return code >= self.font.glyph_count + len(self.font.missing) + 256

    def cluster_code(self, glyph: int, text: str, width: int) -> int | None:
        code = self._cluster_codes.get((glyph, text))
        if code is None:
            if self._next_cluster_code > LAST_CLUSTER_CODE or not self._usable(self._next_cluster_code):
                return None
            code = self._next_cluster_code
            self._next_cluster_code += 1
            self._register(code, glyph, text, width)
            self._cluster_codes[glyph, text] = code
        return code

    def silent_code(self, glyph: int, width: int) -> int | None:
        code = self._silent_codes.get(glyph)
        if code is None:
            while self._free_silent and not self._usable(self._free_silent[0]):
                self._free_silent.pop(0)
            if not self._free_silent:
                return None
            code = self._free_silent.pop(0)
            self._register(code, glyph, "", width)
            self._silent_codes[glyph] = code
        return code

    def _register(self, code: int, glyph: int, text: str, width: int) -> None:
        font = self.font
        self.glyph_of_code[code] = glyph
        font.to_unicode[code] = text
        font.widths[code] = width


def _glyph_width(stream, pango_font, font, font_size: float, glyph: int) -> int:
    """The glyph's width as WeasyPrint computes it (draw/text.py), in thousandths of the font size."""
    from weasyprint.text.ffi import FROM_UNITS, pango

    if glyph in font.widths:
        return font.widths[glyph]
    pango.pango_font_get_glyph_extents(pango_font, glyph, stream.ink_rect, stream.logical_rect)
    return round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)


def _clusters(glyph_string, item_length: int):
    """(first glyph index, end glyph index, cluster's byte start, byte end) of a left-to-right run."""
    count = glyph_string.num_glyphs
    starts = glyph_string.log_clusters
    first = 0
    while first < count:
        end = first + 1
        while end < count and starts[end] == starts[first]:
            end += 1
        yield first, end, starts[first], starts[end] if end < count else item_length
        first = end


def recode_line(stream, textbox, fonts_of_file: dict) -> list[tuple[object, int]]:
    """Give the glyphs of the textbox's first line the codes their clusters need; returns what to
    undo afterwards (the glyph info and its original id)."""
    from weasyprint.text.ffi import ffi, pango

    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)  # as draw_first_line does
    first_line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    changed: list[tuple[object, int]] = []
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        if glyph_item.item.analysis.level % 2:  # right-to-left: no Thai, left as WeasyPrint writes it
            continue
        pango_font = glyph_item.item.analysis.font
        font, font_size = stream.add_font(pango_font)
        if font.bitmap or font.png or font.svg or getattr(font, "colr", None) or font.type == "otf":
            continue  # a CFF font's CIDs are not glyph ids: no CIDToGIDMap to give a glyph two codes
        if pango.pango_version() < 14802:
            font_size = textbox.style["font_size"]
        codes = getattr(font, "ita_glyph_codes", None)
        if codes is None:
            codes = font.ita_glyph_codes = GlyphCodes(font)
            fonts_of_file.setdefault(font.hash, []).append(font)
        glyphs = glyph_item.glyphs.glyphs
        offset = glyph_item.item.offset
        for first, end, start, stop in _clusters(glyph_item.glyphs, glyph_item.item.length):
            drawn = [index for index in range(first, end) if _real(glyphs[index].glyph)]
            if not drawn:
                continue
            text = utf8[offset + start:offset + stop].decode(errors="replace")
            lead = glyphs[drawn[0]].glyph
            if len(drawn) == 1 and font.to_unicode.setdefault(lead, text) == text:
                continue  # the glyph's own code means this text (set now, as WeasyPrint would while drawing)
            new_codes = []
            for position, index in enumerate(drawn):
                glyph = glyphs[index].glyph
                width = _glyph_width(stream, pango_font, font, font_size, glyph)
                new_codes.append(codes.cluster_code(glyph, text, width) if position == 0
                                 else codes.silent_code(glyph, width))
            if None in new_codes:
                continue  # out of codes: this cluster keeps WeasyPrint's mapping
            for index, code in zip(drawn, new_codes):
                changed.append((glyphs[index], glyphs[index].glyph))
                glyphs[index].glyph = code
    return changed


def _real(glyph: int) -> bool:
    from weasyprint.text.ffi import pango

    return glyph != pango.PANGO_GLYPH_EMPTY and not glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG


def _cid_to_gid_map(font, compress: bool):
    """The font's /CIDToGIDMap: each code (a CID under Identity-H) to the glyph it draws: the glyph's
    own id up to the font's glyph count, the added codes to theirs, anything else to .notdef."""
    import pydyf

    glyph_of_code = font.ita_glyph_codes.glyph_of_code
    table = bytearray(2 * (max(max(glyph_of_code), font.glyph_count - 1) + 1))
    for glyph in range(font.glyph_count):
        table[2 * glyph:2 * glyph + 2] = glyph.to_bytes(2, "big")
    for code, glyph in glyph_of_code.items():
        table[2 * code:2 * code + 2] = glyph.to_bytes(2, "big")
    return pydyf.Stream([bytes(table)], compress=compress)


@contextmanager
def cluster_codes():
    """While active, WeasyPrint draws Thai clusters with the codes above and writes the fonts' /Encoding."""
    from weasyprint.draw import text as draw_text_module
    from weasyprint.pdf import fonts as pdf_fonts

    original_line = draw_text_module.draw_first_line
    original_font = pdf_fonts._build_vector_font_dictionary
    original_clean = pdf_fonts.Font.clean
    fonts_of_file: dict[str, list] = {}  # a font file's WeasyPrint fonts that have added codes

    def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
        changed = []
        if text_overflow != "ellipsis" and block_ellipsis == "none" and textbox.text.strip():
            changed = recode_line(stream, textbox, fonts_of_file)
        try:
            return original_line(stream, textbox, text_overflow, block_ellipsis, matrix)
        finally:
            for glyph_info, glyph in changed:  # the layout stays as Pango made it
                glyph_info.glyph = glyph

    def build_vector_font_dictionary(font_dictionary, pdf, font, widths, compress, *args, **kwargs):
        result = original_font(font_dictionary, pdf, font, widths, compress, *args, **kwargs)
        codes = getattr(font, "ita_glyph_codes", None)
        if codes is not None and codes.glyph_of_code:
            glyph_map = _cid_to_gid_map(font, compress)
            pdf.add_object(glyph_map)
            descendant = int(font_dictionary["DescendantFonts"][0].split()[0])
            pdf.objects[descendant]["CIDToGIDMap"] = glyph_map.reference
        return result

    def clean(font, to_unicode, hinting):
        # The glyphs drawn only under added codes stay in the subset (it keeps the ids it is given).
        kept = dict(to_unicode)
        for other in fonts_of_file.get(font.hash, ()):
            kept.update(dict.fromkeys(other.ita_glyph_codes.glyph_of_code.values(), ""))
        return original_clean(font, kept, hinting)

    draw_text_module.draw_first_line = draw_first_line
    pdf_fonts._build_vector_font_dictionary = build_vector_font_dictionary
    pdf_fonts.Font.clean = clean
    try:
        yield
    finally:
        draw_text_module.draw_first_line = original_line
        pdf_fonts._build_vector_font_dictionary = original_font
        pdf_fonts.Font.clean = original_clean
