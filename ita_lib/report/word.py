"""The report page as a Word document (report.docx), for agencies to open, edit and sign.

`html_to_docx` walks the same HTML page WeasyPrint prints, so the Word file follows the report's
sections as they change: h1/h2/h3 become Word headings (navigation pane, TOC), p paragraphs,
ul/ol List Bullet/List Number, table.data real Word tables, figure.chart inline pictures with a
caption. Text is TH Sarabun New 16 pt on A4 with Thai government margins; the fonts are set for
every script (Thai is a complex script in Word: w:cs, w:szCs, w:bCs), in the styles, so text an
agency types later looks the same.
"""
from __future__ import annotations

import base64
import binascii
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator

import docx
from bs4 import BeautifulSoup, NavigableString, Tag
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "TH Sarabun New"  # the Thai government's standard font, on every agency's computer
LANGUAGE = "th-TH"
PAGE_SIZE = (Cm(21), Cm(29.7))  # A4
MARGINS = {"top": Cm(2.5), "bottom": Cm(2), "left": Cm(3), "right": Cm(2)}  # Thai official documents
TEXT_WIDTH = PAGE_SIZE[0] - MARGINS["left"] - MARGINS["right"]  # 16 cm
MAX_PICTURE_HEIGHT = Cm(18)  # a tall chart still leaves room for its caption on the page
BODY_PT, TABLE_PT, NOTE_PT, SMALL_PT = 16, 15, 14, 12
HEADINGS = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "h4": "Heading 3", "h5": "Heading 3",
            "h6": "Heading 3"}
HEADING_PT = {"Heading 1": 20, "Heading 2": 18, "Heading 3": 18}
ACCENT, INK, MUTED = RGBColor(0x1D, 0x4E, 0x89), RGBColor(0x1F, 0x29, 0x33), RGBColor(0x52, 0x60, 0x6D)
HEADER_FILL = "EEF2F7"  # the page's table.data th background
NOTE, TABLE_TEXT = "ITA Note", "ITA Table Text"  # the document's own paragraph styles

# The order WordprocessingML (ECMA-376 part 1, 17.3 and 17.4) gives the properties this module sets.
SCHEMA_ORDER = {
    "rPr": ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
            "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
            "vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split(),
    "pPr": ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
            "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
            "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
            "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split(),
    "pBdr": "top left bottom right between bar".split(),
    "trPr": ("cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc "
             "hidden ins del trPrChange").split(),
    "tcPr": ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
             "hideMark").split(),
    "tblPr": ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
              "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook").split(),
}
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
              "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
              "header", "hr", "html", "img", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
              "table", "ul"}
SKIP_TAGS = {"audio", "button", "canvas", "embed", "head", "iframe", "input", "link", "math", "meta",
             "noscript", "object", "script", "select", "style", "svg", "template", "textarea", "title", "video"}
# nav.toc: Word's navigation pane replaces it; the rest are hidden on screen or in print, or notebook chrome.
SKIP_CLASSES = {"toc", "print-only", "screen-only", "no-print", "noprint", "visually-hidden", "sr-only",
                "jp-InputArea", "jp-InputPrompt", "jp-OutputPrompt", "jp-Collapser"}
NO_WRAP = {"num", "level"}  # cells the page keeps on one line (white-space: nowrap)
THAI = re.compile(r"[\u0e01-\u0e4f]")  # Thai letters (Thai digits break like numbers)
SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's collapsible white space (not U+00A0 or U+200B)
LEVEL_CSS = re.compile(r"td\.level-([\w-]+)\s*\{\s*background:\s*#([0-9a-fA-F]{6});\s*color:\s*#([0-9a-fA-F]{6})")


def html_to_docx(page: str, digits: str = "thai") -> bytes:
    """The report page (render.to_html) as the bytes of a .docx file with the same content; page
    numbers in `digits`, like the page's own."""
    soup = BeautifulSoup(_NOT_XML.sub("", page), "lxml")
    document = docx.Document()
    running = soup.select_one("header.report-title h1")
    _set_up(document, title=_text(soup.title) if soup.title else "", running=_text(running) if running else "",
            digits=digits)
    _Writer(document, _level_fills(soup)).flow(soup.body or soup, document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- page, styles, properties

MAX_PROPERTY_CHARACTERS = 255
# Characters XML 1.0 cannot hold (lxml refuses them): C0 controls but tab, newline and carriage
# return, and the two non-characters. Document text may carry them; they are dropped, never shown.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _set_up(document, *, title: str, running: str, digits: str = "thai") -> None:
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_SIZE
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Cm(1.2)
    _page_furniture(section, running, digits)
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:  # the template's; Thai for complex-script text Word adds itself
        theme_language.set(qn("w:bidi"), LANGUAGE)
    core = document.core_properties
    # Word's core properties hold at most 255 characters (python-docx refuses more): a long name is cut.
    title = title if len(title) <= MAX_PROPERTY_CHARACTERS else title[:MAX_PROPERTY_CHARACTERS - 1] + "…"
    core.title, core.language, core.author, core.last_modified_by = title, LANGUAGE, "ita-report", "ita-report"
    core.comments, core.keywords, core.subject = "", "ITA", ""


def _styles(document) -> None:
    """Every style in the template in TH Sarabun New (the template points at theme fonts, Calibri
    and Cambria, which would win over an explicit font), Thai as the language, then sizes."""
    styles = document.styles
    for fonts in styles.element.iter(qn("w:rFonts")):
        _set_fonts(fonts)
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_size(defaults, BODY_PT)
    _set_language(defaults)
    normal = styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts())
    _set_size(normal.element.get_or_add_rPr(), BODY_PT)
    _set_language(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_before, normal.paragraph_format.space_after = Pt(0), Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    for name, points in HEADING_PT.items():
        _heading_style(styles[name], points)
    _set_border(styles["Heading 2"].element.get_or_add_pPr(), "bottom", ACCENT, size=12)  # h2's rule in the PDF
    caption = styles["Caption"]
    _style_text(caption, NOTE_PT, colour=MUTED, bold=False)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_after = Pt(10)
    note = _add_style(styles, NOTE)
    _style_text(note, NOTE_PT, colour=MUTED)
    table_text = _add_style(styles, TABLE_TEXT)
    _style_text(table_text, TABLE_PT)
    table_text.paragraph_format.space_after = Pt(0)
    grid = styles["Table Grid"].element.get_or_add_rPr()  # a table the user inserts gets the font too
    _set_fonts(grid.get_or_add_rFonts())
    _set_size(grid, TABLE_PT)
    for name in ("Header", "Footer"):
        _style_text(styles[name], SMALL_PT, colour=MUTED)


def _add_style(styles, name: str):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True  # listed in Word's style gallery, for the user's own notes
    return style


def _heading_style(style, points: int) -> None:
    _style_text(style, points, colour=INK if style.name == "Heading 3" else ACCENT, bold=True)
    style.font.italic = False
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.keep_with_next = Pt(12 if points > 18 else 10), Pt(4), True


def _style_text(style, points: float, *, colour: RGBColor | None = None, bold: bool | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    _set_size(rpr, points)
    if colour is not None:
        style.font.color.rgb = colour
    if bold is not None:
        _set_bold(rpr, bold)


def _set_fonts(fonts) -> None:
    """One font for Latin (ascii, hAnsi), East Asian and complex script (cs: Thai) text."""
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)


def _set_size(rpr, points: float) -> None:
    """w:sz for Latin text and w:szCs for Thai: Word sizes complex-script text by szCs only."""
    for name in ("w:sz", "w:szCs"):
        _child(rpr, name).set(qn("w:val"), str(round(points * 2)))


def _set_bold(rpr, bold: bool) -> None:
    """w:b and w:bCs: Word makes Thai (complex script) text bold only with bCs."""
    for name in ("w:b", "w:bCs"):
        _child(rpr, name).set(qn("w:val"), "1" if bold else "0")


def _set_italic(rpr) -> None:
    for name in ("w:i", "w:iCs"):
        _child(rpr, name)


def _set_language(rpr) -> None:
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:bidi"), LANGUAGE)


def _child(parent, name: str):
    """The child element `name` (w:b, w:szCs …) of an rPr, pPr, trPr, tcPr, tblPr or pBdr, added
    in its place in the schema's order if missing: Word calls a file with properties out of
    order unreadable."""
    found = parent.find(qn(name))
    if found is None:
        found = OxmlElement(name)
        order = SCHEMA_ORDER[parent.tag.rsplit("}", 1)[-1]]
        later = {qn(f"w:{tag}") for tag in order[order.index(name[2:]) + 1:]}
        following = next((sibling for sibling in parent if sibling.tag in later), None)
        if following is None:
            parent.append(found)
        else:
            following.addprevious(found)
    return found


def _set_border(ppr, side: str, colour: RGBColor, *, size: int) -> None:
    borders = _child(ppr, "w:pBdr")
    line = _child(borders, f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", "1"), ("color", str(colour))):
        line.set(qn(f"w:{key}"), value)


def _page_furniture(section, running: str, digits: str = "thai") -> None:
    """The page number centred in the footer ("หน้า ๓"; the section's number format gives Word
    Thai digits, which a NUMPAGES field would not follow); the agency's name as a running header
    from page 2, where the title block no longer shows it.

    LibreOffice (checked with 7.4 and its current DOCX import source) prints this page number in
    Arabic digits and nothing in the file changes that: it reads pgNumType thaiNumbers as decimal
    (unmapped in writerfilter's ConvertNumberingType), turns a PAGE \\* ThaiArabic switch into Thai
    letters (ก ข ค), and ignores the runs' Thai language. Only its application option Numerals:
    Context (Tools > Options > Complex Text Layout) draws ๒, and that is not stored in a .docx."""
    section.different_first_page_header_footer = True
    if digits == "thai":
        number_type = OxmlElement("w:pgNumType")  # in its place in sectPr: Word refuses it elsewhere
        number_type.set(qn("w:fmt"), "thaiNumbers")
        section._sectPr.insert_element_before(number_type, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                                              "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
                                              "w:docGrid", "w:printerSettings", "w:sectPrChange")
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("หน้า ")
        _field(paragraph, "PAGE", "๑" if digits == "thai" else "1")  # no \* switch: Word follows pgNumType
    if running:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(running)


def _field(paragraph, instruction: str, result: str = "1") -> None:
    """A Word field (begin, instruction, separate, result, end): Word and LibreOffice fill in the
    number of every page when they lay the document out."""
    for kind, value in (("fldChar", "begin"), ("instrText", f" {instruction} "), ("fldChar", "separate"),
                        ("t", result), ("fldChar", "end")):
        run = paragraph.add_run()
        if kind == "t":  # the number shown until the application updates it
            run.text = value
            continue
        part = OxmlElement(f"w:{kind}")
        if kind == "fldChar":
            part.set(qn("w:fldCharType"), value)
        else:
            part.set(qn("xml:space"), "preserve")
            part.text = value
        run._r.append(part)


def _level_fills(soup) -> dict[str, tuple[str, RGBColor]]:
    """The level cells' colours (td.level-pass …) from the page's own CSS, as the PDF shows them."""
    css = "".join(style.get_text() for style in soup.find_all("style"))
    return {level: (fill.upper(), RGBColor.from_string(ink.upper())) for level, fill, ink in LEVEL_CSS.findall(css)}


# ---------------------------------------------------------------- the walk

class _Writer:
    """Walks the page's elements in order and writes each into a container: the document body or
    a table cell (both have add_paragraph and add_table)."""

    def __init__(self, document, fills: dict[str, tuple[str, RGBColor]]):
        self.document = document
        self.fills = fills
        self.depth = 0  # list nesting: List Bullet, List Bullet 2, List Bullet 3
        self.written: list = []  # paragraphs written so far (a list marks its own)
        self.style_ids: dict[str, str] = {}

    def flow(self, node: Tag, container, style: str | None = None, size: float | None = None) -> None:
        """A block's children: inline content gathers into one paragraph; a block child ends it
        and is written in its place (as a browser makes anonymous block boxes)."""
        inline: list = []
        for child in node.children:
            if isinstance(child, Tag) and _hidden(child):
                continue
            if isinstance(child, Tag) and child.name in BLOCK_TAGS:
                self.paragraph(container, inline, style, size)
                inline = []
                self.block(child, container)
            else:
                inline.append(child)
        self.paragraph(container, inline, style, size)

    def block(self, node: Tag, container) -> None:
        name, classes = node.name, set(node.get("class") or ())
        if name in HEADINGS:
            self.paragraph(container, node.contents, HEADINGS[name])
        elif name == "p" and node.find("img") is None:
            self.paragraph(container, node.contents, NOTE if classes & {"note", "kicker"} else None)
        elif name == "p":  # a picture inside a paragraph becomes a paragraph of its own
            self.flow(node, container, NOTE if classes & {"note", "kicker"} else None)
        elif name in ("ul", "ol"):
            self.listing(node, container)
        elif name == "table":
            self.table(node, container)
        elif name == "figure":
            self.figure(node, container)
        elif name == "img":
            self.picture(node, container)
        elif name == "dl":
            self.definitions(node, container)
        elif name == "pre":
            self.preformatted(node, container)
        elif "tiles" in classes:
            self.tiles(node, container)
        elif "signer" in classes:
            self.signer(node, container)
        elif name != "hr":
            self.flow(node, container)

    def paragraph(self, container, nodes: Iterable, style: str | None = None, size: float | None = None):
        """One paragraph of the inline content of `nodes` (strong → bold, em → italic, br → line
        break); nothing when it holds no text, as an empty <p> shows nothing."""
        pieces = _tidy(_inline(nodes))
        if not pieces:
            return None
        paragraph = self.new_paragraph(container, style)
        self.written.append(paragraph)
        for text, bold, italic in pieces:
            run = paragraph.add_run()
            if text is None:
                run.add_break()
                continue
            run.text = text
            rpr = run._r.get_or_add_rPr()
            if bold:
                _set_bold(rpr, True)
            if italic:
                _set_italic(rpr)
            if size:
                _set_size(rpr, size)
        return paragraph

    def new_paragraph(self, container, style: str | None = None):
        """An empty paragraph in `style`, by its style id: python-docx looks a style up by name
        with a search of the whole styles part each time, most of the time a report took."""
        after_table = _last_block(container) == qn("w:tbl")
        paragraph = container.add_paragraph()
        if after_table:
            paragraph.paragraph_format.space_before = Pt(6)  # air between a table and the text below
        if style:
            paragraph._p.style = self.style_id(style)
        return paragraph

    def style_id(self, name: str) -> str:
        if name not in self.style_ids:
            self.style_ids[name] = self.document.styles[name].style_id
        return self.style_ids[name]

    def listing(self, node: Tag, container) -> None:
        """ul → List Bullet, ol → List Number (numbered from 1 again for each list), nested
        lists one level deeper."""
        kind = "List Number" if node.name == "ol" else "List Bullet"
        style = kind if self.depth == 0 else f"{kind} {min(self.depth + 1, 3)}"
        number = _restarted_numbering(self.document, style) if node.name == "ol" else None
        size = TABLE_PT if _in_cell(container) else None
        self.depth += 1
        try:
            for item in node.find_all("li", recursive=False):
                first = len(self.written)
                self.flow(item, container, style, size)
                made = self.written[first:]
                if made and not any(p._p.style == self.style_id(style) for p in made):
                    made[0]._p.style = self.style_id(style)  # <li><p>…</p></li> keeps its bullet
                for paragraph in made:
                    if paragraph._p.style == self.style_id(style):
                        if number is not None:
                            _use_numbering(paragraph, number)
                        if size:
                            paragraph.paragraph_format.space_after = Pt(0)
        finally:
            self.depth -= 1

    def definitions(self, node: Tag, container) -> None:
        """dt/dd pairs (the title block's facts) as "term: value" lines, the value in bold."""
        paragraph = None
        for item in node.find_all(["dt", "dd"]):
            text = _text(item)
            if item.name == "dt" or paragraph is None:
                paragraph = self.new_paragraph(container)
                paragraph.paragraph_format.space_after = Pt(0)
                if item.name == "dt":
                    paragraph.add_run(f"{text}: ")
                    continue
            run = paragraph.add_run(text)
            _set_bold(run._r.get_or_add_rPr(), True)
        if paragraph is not None:
            paragraph.paragraph_format.space_after = Pt(8)

    def preformatted(self, node: Tag, container) -> None:
        """<pre> keeps its lines (a notebook's text output, were one ever shown)."""
        lines = node.get_text().strip("\n").split("\n")
        if not any(line.strip() for line in lines):
            return
        paragraph = self.new_paragraph(container, NOTE)
        for index, line in enumerate(lines):
            run = paragraph.add_run()
            if index:
                run.add_break()
            run.add_text(line)

    def signer(self, node: Tag, container) -> None:
        """One signer of the sign-off block (ลงชื่อ …, name, position, date): centred lines that stay
        on one page, with room above the dotted line for the signature. One under another, not
        side by side as in the PDF: at 16 pt a dotted line is wider than half the page."""
        first = len(self.written)
        self.flow(node, container)
        lines = self.written[first:]
        for index, paragraph in enumerate(lines):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = index < len(lines) - 1
        if lines:
            lines[0].paragraph_format.space_before = Pt(30)

    # ---------------------------------------------------------------- tables

    def table(self, node: Tag, container) -> None:
        """A real Word table: thead rows repeat on every page, numeric (td.num) cells right-aligned,
        level cells coloured as in the PDF, columns sized to their text within the page width."""
        head, rows = _table_rows(node)
        grid = [[cell for cell in row.find_all(["th", "td"], recursive=False)] for row in head + rows]
        width = max((len(cells) for cells in grid), default=0)
        if not width:
            return
        _separate(container)
        table = container.add_table(len(grid), width)
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER if _in_cell(container) else WD_TABLE_ALIGNMENT.LEFT
        widths = _column_widths(grid, width, _cell_width(container))
        _fix_layout(table, widths)
        repeat = _header_rows(len(head), grid)
        for index, (row, cells) in enumerate(zip(table.rows, grid)):
            _row_flags(row, header=index < repeat, keep=_row_height(cells, widths) <= KEEP_ROW_HEIGHT)
            for word_cell, cell, column_width in zip(row.cells, cells, widths):
                word_cell.width = column_width
                self.cell(word_cell, cell, header=index < repeat or cell.name == "th")

    def cell(self, word_cell, cell: Tag, *, header: bool) -> None:
        """A cell's content as paragraphs (a measure in bold and its steps as a bullet list stay
        separate paragraphs), in the table text style."""
        classes = set(cell.get("class") or ())
        blank = word_cell.paragraphs[0]
        self.flow(cell, word_cell, TABLE_TEXT)
        if len(word_cell._tc.p_lst) > 1:
            word_cell._tc.remove(blank._p)  # the empty paragraph every new cell starts with
        else:
            blank._p.style = self.style_id(TABLE_TEXT)
        for paragraph in word_cell.paragraphs:
            if "num" in classes:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if header or classes & {"level"}:
                for run in paragraph.runs:
                    _set_bold(run._r.get_or_add_rPr(), True)
        level = next((c[len("level-"):] for c in classes if c.startswith("level-")), None)
        if header:
            _shade(word_cell, HEADER_FILL)
        elif level in self.fills:
            fill, ink = self.fills[level]
            _shade(word_cell, fill)
            for paragraph in word_cell.paragraphs:
                for run in paragraph.runs:
                    run.font.color.rgb = ink

    def tiles(self, node: Tag, container) -> None:
        """The headline's score cards as one row of boxes: the label small, the value in bold."""
        tiles = node.find_all(class_="tile")
        if not tiles:
            self.flow(node, container)
            return
        _separate(container)
        table = container.add_table(1, len(tiles))
        table.style = self.document.styles["Table Grid"]
        widths = [int(_cell_width(container) / len(tiles))] * len(tiles)
        _fix_layout(table, widths)
        for word_cell, tile, width in zip(table.rows[0].cells, tiles, widths):
            word_cell.width = width
            parts = [p for p in tile.find_all(True, recursive=False) if not _hidden(p)] or [tile]
            for part in parts:
                value = "value" in (part.get("class") or ())
                paragraph = self.paragraph(word_cell, part.contents, TABLE_TEXT, HEADING_PT["Heading 2"] if value
                                           else NOTE_PT)
                if paragraph is not None and value:
                    for run in paragraph.runs:
                        _set_bold(run._r.get_or_add_rPr(), True)
                elif paragraph is not None:
                    for run in paragraph.runs:
                        run.font.color.rgb = MUTED
            if len(word_cell._tc.p_lst) > 1:
                word_cell._tc.remove(word_cell._tc.p_lst[0])

    # ---------------------------------------------------------------- pictures

    def figure(self, node: Tag, container) -> None:
        """A chart: its pictures, then the caption centred below in the Caption style."""
        for child in node.children:
            if isinstance(child, Tag) and child.name != "figcaption" and not _hidden(child):
                if child.name in BLOCK_TAGS:
                    self.block(child, container)
                else:  # an image inside a link or span
                    self.flow(child, container)
        for caption in node.find_all("figcaption", recursive=False):
            if not _hidden(caption):
                self.paragraph(container, caption.contents, "Caption")

    def picture(self, node: Tag, container) -> None:
        """An embedded (data: URI) image as an inline picture as wide as the text; never fetched
        from anywhere. An image Word cannot show is replaced by its alt text."""
        data = _data_uri(node.get("src", ""))
        paragraph = self.new_paragraph(container)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True  # the caption stays with its chart
        try:
            if data is None:
                raise UnrecognizedImageError
            image = Image.from_blob(data)
            width = min(_cell_width(container), TEXT_WIDTH)
            height = int(width * image.px_height / image.px_width)
            if height > MAX_PICTURE_HEIGHT:
                width, height = int(width * MAX_PICTURE_HEIGHT / height), MAX_PICTURE_HEIGHT
            paragraph.add_run().add_picture(io.BytesIO(data), width=width, height=height)
        except (UnrecognizedImageError, ZeroDivisionError, ValueError):
            alt = _clean(node.get("alt", ""))
            if alt:
                _set_italic(paragraph.add_run(alt)._r.get_or_add_rPr())
            else:
                paragraph._p.getparent().remove(paragraph._p)


# ---------------------------------------------------------------- inline text

def _inline(nodes: Iterable, bold: bool = False, italic: bool = False) -> Iterator[tuple[str | None, bool, bool]]:
    """(text, bold, italic) pieces of inline content, text None for a line break; markup is never
    text (comments, doctype, CDATA and processing instructions are skipped)."""
    for node in nodes:
        if isinstance(node, Tag):
            if _hidden(node) or node.name == "img":
                continue
            if node.name == "br":
                yield None, bold, italic
            else:
                yield from _inline(node.children, bold or node.name in ("strong", "b"),
                                   italic or node.name in ("em", "i", "cite"))
        elif type(node) is NavigableString:
            yield str(node), bold, italic


def _tidy(pieces: Iterable[tuple[str | None, bool, bool]]) -> list[tuple[str | None, bool, bool]]:
    """Collapse white space as a browser does, trim each line's ends, merge equal neighbours."""
    merged: list[list] = []
    for text, bold, italic in pieces:
        if text is None:  # a line break
            if merged and merged[-1][0] is not None:
                merged[-1][0] = merged[-1][0].rstrip(" ")
            merged.append([None, bold, italic])
            continue
        text = SPACES.sub(" ", text)
        previous = merged[-1] if merged else None
        if previous is None or previous[0] is None or previous[0].endswith(" "):
            text = text.lstrip(" ")
        if not text:
            continue
        if previous and previous[0] is not None and previous[1:] == [bold, italic]:
            previous[0] += text
        else:
            merged.append([text, bold, italic])
    if merged and merged[-1][0] is not None:
        merged[-1][0] = merged[-1][0].rstrip(" ")
    pieces = [tuple(piece) for piece in merged if piece[0] != ""]
    return pieces if any(text for text, _, _ in pieces) else []


def _text(node: Tag) -> str:
    return _clean(node.get_text(" "))


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def _hidden(node: Tag) -> bool:
    """Not shown on the page or in print: style/script and the like, hidden elements, the HTML
    table of contents, notebook prompts."""
    if node.name in SKIP_TAGS or node.has_attr("hidden") or node.get("aria-hidden") == "true":
        return True
    style = node.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(set(node.get("class") or ()) & SKIP_CLASSES)


def _data_uri(src: str) -> bytes | None:
    """The bytes of a base64 data: URI; None for anything else (no file or network reads)."""
    match = re.match(r"data:image/[\w.+-]+;base64,", src.strip(), re.I)
    if not match:
        return None
    try:
        return base64.b64decode(src.strip()[match.end():], validate=False)
    except (binascii.Error, ValueError):
        return None


# ---------------------------------------------------------------- table helpers

def _table_rows(node: Tag) -> tuple[list[Tag], list[Tag]]:
    """(header rows, other rows): thead's, then tbody's, the table's own and tfoot's, in order."""
    head, rows = [], []
    for part in node.find_all(["thead", "tbody", "tfoot", "tr"], recursive=False):
        if part.name == "tr":
            rows.append(part)
        else:
            (head if part.name == "thead" else rows).extend(part.find_all("tr", recursive=False))
    return head, rows


def _header_rows(head: int, grid: list[list[Tag]]) -> int:
    """How many rows repeat on each page: thead's, or a first row of th cells. Word repeats header
    rows only from the top of a table."""
    count = 0
    for cells in grid:
        if not (count < head or (cells and all(cell.name == "th" for cell in cells))):
            break
        count += 1
    return count


def _column_widths(grid: list[list[Tag]], columns: int, total: int) -> list[int]:
    """Column widths (EMU) summing to `total`, between each column's narrowest (its longest word,
    or all of a number) and its natural width (its longest text on one line): numbers never wrap,
    text columns wrap as much as the page needs. Numbers and levels (NO_WRAP) count as numbers."""
    natural, narrowest, numeric = [0] * columns, [0] * columns, [True] * columns
    for cells in grid:
        for column, cell in enumerate(cells):
            text = _text(cell)
            length = min(_visible_length(text), 6 if cell.name == "th" else 80)  # a header wraps
            if cell.name != "th":
                numeric[column] &= bool(NO_WRAP & set(cell.get("class") or ()))
            number = cell.name != "th" and bool(NO_WRAP & set(cell.get("class") or ()))
            natural[column] = max(natural[column], _number_width(length) if number else _text_width(length))
            narrowest[column] = max(narrowest[column], _text_width(_longest_word(text)))
    narrowest = [natural[c] if numeric[c] else min(narrowest[c], natural[c]) for c in range(columns)]
    spare = total - sum(natural)
    if spare >= 0:  # everything fits on one line: the text columns take the rest
        text = [c for c in range(columns) if not numeric[c]] or list(range(columns))
        weight = sum(natural[c] for c in text)
        return [natural[c] + (int(spare * natural[c] / weight) if c in text else 0) for c in range(columns)]
    if sum(narrowest) >= total:  # not even the longest words fit: everything shrinks alike
        return [int(width * total / sum(narrowest)) for width in narrowest]
    # Too long for one line: share the width by natural width, and give a column whose share is
    # narrower than its longest word that word's width, from the others' shares.
    floored: set[int] = set()
    while True:
        room = total - sum(narrowest[c] for c in floored)
        weight = sum(natural[c] for c in range(columns) if c not in floored)
        widths = [narrowest[c] if c in floored else int(room * natural[c] / weight) for c in range(columns)]
        short = {c for c in range(columns) if c not in floored and widths[c] < narrowest[c]}
        if not short:
            return widths
        floored |= short


LINE_HEIGHT = Cm(0.62)  # a line of 15 pt table text
KEEP_ROW_HEIGHT = Cm(10)  # rows taller than this may split across pages (the text area is 24.7 cm)


def _text_width(characters: int) -> int:
    """About how wide a line of `characters` is at 15 pt in TH Sarabun New (0.3 cm a character, measured
    on its TLWG twin Laksaman), with the cell margins."""
    return int(Cm(0.45 + 0.3 * max(characters, 2)))


def _number_width(characters: int) -> int:
    """A number or level on one line: Thai digits are wider than the average letter (๑๐๐.๐๐ is 1.9 cm
    at 15 pt in Laksaman, 100.00 1.6 cm), and the cell's own margins come on top."""
    return int(Cm(0.55 + 0.34 * max(characters, 2)))


def _longest_word(text: str) -> int:
    """The longest stretch a line cannot break: Word breaks Thai between words it finds in its
    dictionary (a few letters each), other text only at spaces (numbers, file names; up to 12)."""
    return max((min(_visible_length(word), 6 if THAI.search(word) else 12) for word in text.split()), default=0)


def _visible_length(text: str) -> int:
    return sum(1 for char in text if unicodedata.category(char) not in ("Mn", "Me", "Cf"))


def _fix_layout(table, widths: list[int]) -> None:
    """Fixed layout with the grid and table widths set: Word and LibreOffice both keep the table
    inside the margins instead of growing it to its longest line."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(int(width / 635)))  # EMU → twentieths of a point
    tblw = _child(table._tbl.tblPr, "w:tblW")
    tblw.set(qn("w:w"), str(int(sum(widths) / 635)))
    tblw.set(qn("w:type"), "dxa")


def _row_height(cells: list[Tag], widths: list[int]) -> int:
    """About how tall a row is (EMU): its tallest cell's lines at the table text's line height."""
    def lines(cell: Tag, width: int) -> int:
        per_line = max(1, int((width - Cm(0.45)) / Cm(0.3)))
        paragraphs = [p for p in cell.get_text("\n").split("\n") if p.strip()] or [""]
        return sum(-(-_visible_length(p) // per_line) or 1 for p in paragraphs)
    return max((lines(cell, width) for cell, width in zip(cells, widths)), default=1) * LINE_HEIGHT


def _row_flags(row, *, header: bool, keep: bool = True) -> None:
    """Rows do not split across pages (as the PDF's tr break-inside: avoid) unless `keep` is false:
    a row taller than KEEP_ROW_HEIGHT may split, since a row that cannot split and is taller than
    a page is cut off at the page's foot in LibreOffice. A header row repeats on every page."""
    trpr = row._tr.get_or_add_trPr()
    if keep or header:
        _child(trpr, "w:cantSplit")
    if header:
        _child(trpr, "w:tblHeader")


def _shade(cell, fill: str) -> None:
    shading = _child(cell._tc.get_or_add_tcPr(), "w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shading.set(qn(f"w:{key}"), value)


def _separate(container) -> None:
    """An empty paragraph between two tables in a row, which Word would otherwise join into one."""
    if _last_block(container) == qn("w:tbl"):
        container.add_paragraph().paragraph_format.space_after = Pt(0)


def _last_block(container) -> str | None:
    """The tag of the last paragraph or table in the container (the body ends with its sectPr)."""
    for child in _element_of(container).iterchildren(reversed=True):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            return child.tag
    return None


def _element_of(container):
    return container._tc if _in_cell(container) else container.element.body


def _in_cell(container) -> bool:
    return hasattr(container, "_tc")


def _cell_width(container) -> int:
    """The width text can take: the page's text width, or a cell's width less its margins."""
    if _in_cell(container) and container.width:
        return max(int(container.width) - int(Cm(0.4)), int(Cm(1)))
    return int(TEXT_WIDTH)


# ---------------------------------------------------------------- numbering

def _restarted_numbering(document, style: str) -> str | None:
    """A new numbering instance of the style's list that starts at 1, so the second numbered list
    in a document does not go on from the first one's last number."""
    numpr = document.styles[style].element.pPr.numPr if document.styles[style].element.pPr is not None else None
    if numpr is None or numpr.numId is None:
        return None
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(numpr.numId.val).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return str(num.numId)


def _use_numbering(paragraph, number: str) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = int(number)
