"""The Word file's page and styles: TH Sarabun New 16 pt on A4 with Thai government margins, the
fonts set for every script (Thai is a complex script in Word: w:cs, w:szCs, w:bCs) in the styles, so
text an agency types later looks the same; page numbers and the running agency name."""
from __future__ import annotations

import re

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ita_lib.report.colours import LEVEL_COLOURS

FONT = "TH Sarabun New"  # the Thai government's standard font, on every agency's computer
LANGUAGE = "th-TH"
PAGE_SIZE = (Cm(21), Cm(29.7))  # A4
MARGINS = {"top": Cm(2.5), "bottom": Cm(2), "left": Cm(3), "right": Cm(2)}  # Thai official documents
TEXT_WIDTH = PAGE_SIZE[0] - MARGINS["left"] - MARGINS["right"]  # 16 cm
MAX_PICTURE_HEIGHT = Cm(18)  # a tall chart still leaves room for its caption on the page
BODY_PT, TABLE_PT, NOTE_PT, SMALL_PT = 16, 15, 14, 12
HEADING_PT = {"Heading 1": 20, "Heading 2": 18, "Heading 3": 18}
TITLE_PT, KICKER_PT = 24, 20  # the title block: the agency's name, the kind of report above it
TITLE, CONTENTS = "Title", "TOC Heading"  # the template's styles for the title block and "สารบัญ"
CONTENTS_LEVELS = "1-2"  # the TOC lists the sections (Heading 1) and their parts (Heading 2)
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
# The settings that follow w:updateFields in CT_Settings (ECMA-376 part 1, 17.15.1.78).
SETTINGS_AFTER_UPDATE = ("w:hdrShapeDefaults w:footnotePr w:endnotePr w:compat w:docVars w:rsids w:attachedSchema "
                         "w:themeFontLang w:clrSchemeMapping w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures "
                         "w:forceUpgrade w:captions w:readModeInkLockDown w:smartTagType w:shapeDefaults "
                         "w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator").split()
MAX_PROPERTY_CHARACTERS = 255
# Characters XML 1.0 cannot hold (python-docx refuses them): C0 controls but tab, newline and carriage
# return, and the two non-characters. Document text may carry them; they are dropped, never shown.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def set_up(document, *, title: str, running: str, digits: str = "thai") -> None:
    set_styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_SIZE
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Cm(1.2)
    page_furniture(section, running, digits)
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:  # the template's; Thai for complex-script text Word adds itself
        theme_language.set(qn("w:bidi"), LANGUAGE)
    core = document.core_properties
    # Word's core properties hold at most 255 characters (python-docx refuses more): a long name is cut.
    title = title if len(title) <= MAX_PROPERTY_CHARACTERS else title[:MAX_PROPERTY_CHARACTERS - 1] + "…"
    # The agency publishes the file: its name is the author (Word shows it under File > Info).
    author = running if len(running) <= MAX_PROPERTY_CHARACTERS else running[:MAX_PROPERTY_CHARACTERS - 1] + "…"
    core.title, core.language, core.author, core.last_modified_by = title, LANGUAGE, author, author
    core.comments, core.keywords, core.subject = "", "ITA", ""


def set_styles(document) -> None:
    """Every style in the template in TH Sarabun New (the template points at theme fonts, Calibri
    and Cambria, which would win over an explicit font), Thai as the language, then sizes."""
    styles = document.styles
    for fonts in styles.element.iter(qn("w:rFonts")):
        set_fonts(fonts)
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_size(defaults, BODY_PT)
    set_language(defaults)
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts())
    set_size(normal.element.get_or_add_rPr(), BODY_PT)
    set_language(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_before, normal.paragraph_format.space_after = Pt(0), Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    for name, points in HEADING_PT.items():
        heading_style(styles[name], points)
    set_border(styles["Heading 1"].element.get_or_add_pPr(), "bottom", ACCENT, size=12)  # h2's rule in the PDF
    title_style(styles[TITLE])
    contents = styles[CONTENTS]
    style_text(contents, HEADING_PT["Heading 2"], colour=ACCENT, bold=True)
    contents.paragraph_format.space_before, contents.paragraph_format.space_after = Pt(12), Pt(4)
    caption = styles["Caption"]
    style_text(caption, NOTE_PT, colour=MUTED, bold=False)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_after = Pt(10)
    note = add_style(styles, NOTE)
    style_text(note, NOTE_PT, colour=MUTED)
    table_text = add_style(styles, TABLE_TEXT)
    style_text(table_text, TABLE_PT)
    table_text.paragraph_format.space_after = Pt(0)
    grid = styles["Table Grid"].element.get_or_add_rPr()  # a table the user inserts gets the font too
    set_fonts(grid.get_or_add_rFonts())
    set_size(grid, TABLE_PT)
    for name in ("Header", "Footer"):
        style_text(styles[name], SMALL_PT, colour=MUTED)


def title_style(style) -> None:
    """The title block's style: centred, bold, larger than any heading, without the template's rule,
    theme colour and letter spacing (spaced-out Thai reads as separate letters)."""
    rpr, ppr = style.element.get_or_add_rPr(), style.element.get_or_add_pPr()
    for name in ("w:color", "w:spacing", "w:kern"):
        found = rpr.find(qn(name))
        if found is not None:
            rpr.remove(found)
    for name in ("w:pBdr", "w:contextualSpacing"):
        found = ppr.find(qn(name))
        if found is not None:
            ppr.remove(found)
    style_text(style, TITLE_PT, colour=ACCENT, bold=True)
    fmt = style.paragraph_format
    fmt.alignment, fmt.space_before, fmt.space_after, fmt.keep_with_next = WD_ALIGN_PARAGRAPH.CENTER, Pt(0), Pt(6), True


def add_style(styles, name: str):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True  # listed in Word's style gallery, for the user's own notes
    return style


def heading_style(style, points: int) -> None:
    style_text(style, points, colour=INK if style.name == "Heading 3" else ACCENT, bold=True)
    style.font.italic = False
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.keep_with_next = Pt(12 if points > 18 else 10), Pt(4), True


def style_text(style, points: float, *, colour: RGBColor | None = None, bold: bool | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    set_size(rpr, points)
    if colour is not None:
        style.font.color.rgb = colour
    if bold is not None:
        set_bold(rpr, bold)


def set_fonts(fonts) -> None:
    """One font for Latin (ascii, hAnsi), East Asian and complex script (cs: Thai) text."""
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)


def set_size(rpr, points: float) -> None:
    """w:sz for Latin text and w:szCs for Thai: Word sizes complex-script text by szCs only."""
    for name in ("w:sz", "w:szCs"):
        child_element(rpr, name).set(qn("w:val"), str(round(points * 2)))


def set_bold(rpr, bold: bool) -> None:
    """w:b and w:bCs: Word makes Thai (complex script) text bold only with bCs."""
    for name in ("w:b", "w:bCs"):
        child_element(rpr, name).set(qn("w:val"), "1" if bold else "0")


def set_italic(rpr) -> None:
    for name in ("w:i", "w:iCs"):
        child_element(rpr, name)


def set_language(rpr) -> None:
    lang = child_element(rpr, "w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:bidi"), LANGUAGE)


def child_element(parent, name: str):
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


def set_border(ppr, side: str, colour: RGBColor, *, size: int) -> None:
    borders = child_element(ppr, "w:pBdr")
    line = child_element(borders, f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", "1"), ("color", str(colour))):
        line.set(qn(f"w:{key}"), value)


def page_furniture(section, running: str, digits: str = "thai") -> None:
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
        field(paragraph, "PAGE", "๑" if digits == "thai" else "1")  # no \* switch: Word follows pgNumType
    if running:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(running)


def draft_mark(section, mark: str) -> None:
    """A draft says so at the top of every page, the first included, in the levels' red."""
    for header in (section.header, section.first_page_header):
        paragraph = header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(mark)
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(LEVEL_COLOURS["urgent"].lstrip("#").upper())


def field(paragraph, instruction: str, result: str = "1") -> None:
    """A Word field (begin, instruction, separate, result, end): Word and LibreOffice fill in the
    number of every page when they lay the document out."""
    for kind, value in (("fldChar", "begin"), ("instrText", f" {instruction} "), ("fldChar", "separate"),
                        ("t", result), ("fldChar", "end")):
        run = paragraph.add_run()
        if kind == "t":  # the number shown until the application updates it
            run.text = value
            continue
        run._r.append(field_part(kind, value))


def field_part(kind: str, value: str):
    """One part of a field's runs: a fldChar (begin, separate, end) or its instrText."""
    part = OxmlElement(f"w:{kind}")
    if kind == "fldChar":
        part.set(qn("w:fldCharType"), value)
    else:
        part.set(qn("xml:space"), "preserve")
        part.text = value
    return part


def contents_field(document, entries: list[tuple[int, str]]) -> None:
    """A table of contents field (TOC \\o "1-2" \\h \\z \\u) whose result, until Word or LibreOffice
    update it (Word on opening: settings updateFields), lists the section titles (level, text) without
    page numbers, so the contents read right even where nothing updates it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def run_with(kind: str, value: str):
        run = OxmlElement("w:r")
        run.append(field_part(kind, value))
        return run

    rows = entries or [(1, "")]
    paragraphs = []
    for level, title in rows:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.left_indent = Cm(0.75 * (level - 1))
        paragraphs.append(paragraph)
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    for run in (run_with("fldChar", "begin"), run_with("instrText", f' TOC \\o "{CONTENTS_LEVELS}" \\h \\z \\u '),
                run_with("fldChar", "separate")):
        first.append(run)
    for paragraph, (_, title) in zip(paragraphs, rows):
        if title:
            paragraph._p.append(run_with("t", title))
    last.append(run_with("fldChar", "end"))
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:  # in its place in CT_Settings: Word checks the order
        update = parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
        settings.insert_element_before(update, *SETTINGS_AFTER_UPDATE)
