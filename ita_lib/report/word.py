"""The report document as a Word file (report.docx), for agencies to open, edit and sign.

A writer of ita_lib.report.document, like the HTML page: the title block centred in the Title style,
then a table of contents field; section titles and their headings become Word's Heading 1 and 2
(navigation pane, TOC), paragraphs and notes their styles, bullets List Bullet, tables
real Word tables with the page's level colours, charts inline pictures with a caption. The page,
the styles and the tables' sizing are in word_style and word_tables.
"""
from __future__ import annotations

import io

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ita_lib.report.colours import LEVEL_COLOURS, text_on
from ita_lib.report.document import DRAFT_MARK
from ita_lib.report.document import (Bullets, Cell, Figure, Heading, Note, Paragraph, ReportDocument, Section,
                                     SignOff, Table, Tiles, TitleBlock)
from ita_lib.report.page import CONTENTS_TITLE
from ita_lib.report.word_style import CONTENTS, KICKER_PT, TITLE, contents_field, draft_mark
from ita_lib.report.word_style import (HEADER_FILL, HEADING_PT, MAX_PICTURE_HEIGHT, MUTED, NOT_XML, NOTE, NOTE_PT,
                                       TABLE_PT, TABLE_TEXT, TEXT_WIDTH, set_bold, set_italic, set_size, set_up)
from ita_lib.report.word_tables import (KEEP_ROW_HEIGHT, GridCell, cell_width, column_widths, fix_layout, in_cell,
                                        last_block, row_flags, row_height, separate, shade)

LEVEL_FILLS = {level: (colour.lstrip("#").upper(), RGBColor.from_string(text_on(colour).lstrip("#").upper()))
               for level, colour in LEVEL_COLOURS.items()}  # the PDF's level cells, as Word fills


def export_docx(export) -> dict[str, bytes]:
    """The Word format (ita_lib.report.exporters)."""
    return {"report.docx": document_to_docx(export.published.document)}


def document_to_docx(report: ReportDocument) -> bytes:
    document = docx.Document()
    set_up(document, title=_clean(report.title), running=_clean(report.agency), digits=report.digits)
    if report.draft:
        draft_mark(document.sections[0], DRAFT_MARK)
    writer = _Writer(document, contents_entries(report))
    for part in report.parts:
        writer.part(part, document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def contents_entries(report: ReportDocument) -> list[tuple[int, str]]:
    """The table of contents as the headings will fill it: each section (Heading 1) and its parts (Heading 2)."""
    entries = []
    for section in report.sections():
        entries.append((1, " ".join(_clean(section.title).split())))
        entries += [(2, " ".join(_clean(b.text).split())) for b in section.blocks if isinstance(b, Heading)]
    return [(level, title) for level, title in entries if title]


def _clean(text) -> str:
    """Text as XML can hold it: characters it cannot (C0 controls, non-characters) are dropped."""
    return NOT_XML.sub("", "" if text is None else str(text))


def _bold(paragraph) -> None:
    for run in paragraph.runs:
        set_bold(run._r.get_or_add_rPr(), True)


class _Writer:
    """Writes parts into a container: the document body or a table cell (both have add_paragraph
    and add_table)."""

    def __init__(self, document, contents: list[tuple[int, str]] | None = None):
        self.document = document
        self.contents = contents or []
        self.style_ids: dict[str, str] = {}

    def part(self, part, container) -> None:
        if isinstance(part, TitleBlock):
            self.title_block(part, container)
        elif isinstance(part, Section):
            self.paragraph(container, part.title, "Heading 1")
            for block in part.blocks:
                self.part(block, container)
        elif isinstance(part, Paragraph):
            paragraph = self.paragraph(container, part.text)
            if paragraph is not None and part.leads_in:
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(part, Note):
            self.paragraph(container, part.text, NOTE)
        elif isinstance(part, Heading):
            self.paragraph(container, part.text, "Heading 2")
        elif isinstance(part, Bullets):
            self.bullets(part.items, container)
        elif isinstance(part, Table):
            self.table(part, container)
        elif isinstance(part, Tiles):
            self.tiles(part, container)
        elif isinstance(part, Figure):
            self.figure(part, container)
        elif isinstance(part, SignOff):
            for lines in part.signers:
                self.signer(lines, container)

    def paragraph(self, container, text: str, style: str | None = None, size: float | None = None):
        """One paragraph of text; nothing when it holds none, as an empty <p> shows nothing."""
        text = " ".join(_clean(text).split())
        if not text:
            return None
        paragraph = self.new_paragraph(container, style)
        run = paragraph.add_run(text)
        if size:
            set_size(run._r.get_or_add_rPr(), size)
        return paragraph

    def new_paragraph(self, container, style: str | None = None):
        """An empty paragraph in `style`, by its style id: python-docx looks a style up by name
        with a search of the whole styles part each time."""
        after_table = last_block(container) == qn("w:tbl")
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

    def bullets(self, items, container) -> None:
        size = TABLE_PT if in_cell(container) else None
        for item in items:
            paragraph = self.paragraph(container, item, "List Bullet", size)
            if paragraph is not None and size:
                paragraph.paragraph_format.space_after = Pt(0)

    def title_block(self, block: TitleBlock, container) -> None:
        """Centred and bold: the kind of report and the agency's name in the Title style, then "term:
        value" lines, the value in bold; then the table of contents (a Word field) of the sections."""
        kicker = self.paragraph(container, block.kicker, TITLE, KICKER_PT)
        if kicker is not None:
            kicker.paragraph_format.space_after = Pt(0)
        self.paragraph(container, block.name, TITLE)
        paragraph = None
        for term, value in block.facts:
            paragraph = self.new_paragraph(container)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.add_run(f"{_clean(term)}: ")
            set_bold(paragraph.add_run(_clean(value))._r.get_or_add_rPr(), True)
        if paragraph is not None:
            paragraph.paragraph_format.space_after = Pt(8)
        if block.note:
            note = self.paragraph(container, block.note, NOTE)
            if note is not None:
                note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if self.contents and container is self.document:
            self.paragraph(container, CONTENTS_TITLE, CONTENTS)
            contents_field(self.document, self.contents)

    def signer(self, lines, container) -> None:
        """One signer (ลงชื่อ …, name, position, date): centred lines that stay on one page, with room
        above the dotted line for the signature. One under another, not side by side as in the PDF:
        at 16 pt a dotted line is wider than half the page."""
        written = [p for p in (self.paragraph(container, line) for line in lines) if p is not None]
        for index, paragraph in enumerate(written):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = index < len(written) - 1
        if written:
            written[0].paragraph_format.space_before = Pt(30)

    # ---------------------------------------------------------------- tables

    def table(self, block: Table, container) -> None:
        """A real Word table: the header row repeats on every page, numbers right-aligned, level
        cells coloured as in the PDF, columns sized to their text within the page width."""
        width = len(block.header)
        if not width:
            return
        grid = [[GridCell(_clean(h), (_clean(h),), header=True) for h in block.header]]
        grid += [[_grid_cell(cell) for cell in row] for row in block.rows]
        separate(container)
        table = container.add_table(len(grid), width)
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER if in_cell(container) else WD_TABLE_ALIGNMENT.LEFT
        widths = column_widths(grid, width, cell_width(container))
        fix_layout(table, widths)
        for index, (row, cells) in enumerate(zip(table.rows, [list(block.header), *block.rows])):
            row_flags(row, header=index == 0, keep=row_height(grid[index], widths) <= KEEP_ROW_HEIGHT)
            for word_cell, cell, column_width in zip(row.cells, cells, widths):
                word_cell.width = column_width
                self.cell(word_cell, cell if isinstance(cell, Cell) else Cell(cell), header=index == 0)

    def cell(self, word_cell, cell: Cell, *, header: bool) -> None:
        """A cell's content as paragraphs in the table text style (a measure in bold and its steps
        as a bullet list stay separate paragraphs)."""
        blank = word_cell.paragraphs[0]
        if cell.lead is None and not cell.items:
            self.paragraph(word_cell, cell.text, TABLE_TEXT)
        else:
            if cell.lead is not None:
                lead = self.paragraph(word_cell, cell.lead, TABLE_TEXT)
                if lead is not None and cell.bold_lead:
                    _bold(lead)
            self.bullets(cell.items, word_cell)
            if len(word_cell._tc.p_lst) == 1:  # neither a measure nor a step: a dash, as the page shows
                self.paragraph(word_cell, "–", TABLE_TEXT)
        if len(word_cell._tc.p_lst) > 1:
            word_cell._tc.remove(blank._p)  # the empty paragraph every new cell starts with
        else:
            blank._p.style = self.style_id(TABLE_TEXT)
        for paragraph in word_cell.paragraphs:
            if cell.number:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if header or cell.level:
                _bold(paragraph)
        if header:
            shade(word_cell, HEADER_FILL)
        elif cell.level in LEVEL_FILLS:
            fill, ink = LEVEL_FILLS[cell.level]
            shade(word_cell, fill)
            for paragraph in word_cell.paragraphs:
                for run in paragraph.runs:
                    run.font.color.rgb = ink

    def tiles(self, block: Tiles, container) -> None:
        """The headline's score cards as one row of boxes: the label small, the value in bold."""
        if not block.tiles:
            return
        separate(container)
        table = container.add_table(1, len(block.tiles))
        table.style = self.document.styles["Table Grid"]
        widths = [int(cell_width(container) / len(block.tiles))] * len(block.tiles)
        fix_layout(table, widths)
        for word_cell, (label, value), width in zip(table.rows[0].cells, block.tiles, widths):
            word_cell.width = width
            shown = self.paragraph(word_cell, label, TABLE_TEXT, NOTE_PT)
            if shown is not None:
                for run in shown.runs:
                    run.font.color.rgb = MUTED
            shown = self.paragraph(word_cell, value, TABLE_TEXT, HEADING_PT["Heading 2"])
            if shown is not None:
                _bold(shown)
            if len(word_cell._tc.p_lst) > 1:
                word_cell._tc.remove(word_cell._tc.p_lst[0])

    # ---------------------------------------------------------------- pictures

    def figure(self, block: Figure, container) -> None:
        """A chart as an inline picture as wide as the text, its caption centred below; an image
        Word cannot show is replaced by its caption in italics."""
        paragraph = self.new_paragraph(container)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True  # the caption stays with its chart
        try:
            image = Image.from_blob(block.png)
            width = min(cell_width(container), TEXT_WIDTH)
            height = int(width * image.px_height / image.px_width)
            if height > MAX_PICTURE_HEIGHT:
                width, height = int(width * MAX_PICTURE_HEIGHT / height), MAX_PICTURE_HEIGHT
            paragraph.add_run().add_picture(io.BytesIO(block.png), width=width, height=height)
        except (UnrecognizedImageError, ZeroDivisionError, ValueError):
            set_italic(paragraph.add_run(_clean(block.caption))._r.get_or_add_rPr())
        self.paragraph(container, block.caption, "Caption")


def _grid_cell(cell: Cell) -> GridCell:
    parts = ([cell.lead] if cell.lead is not None else []) + list(cell.items)
    paragraphs = tuple(_clean(p) for p in parts) if parts else (_clean(cell.text),)
    return GridCell(" ".join(paragraphs), paragraphs, one_line=cell.number or bool(cell.level))
