"""The report document as HTML: what Jupyter shows inline and the nbconvert template lays out
into the page WeasyPrint prints. Every text is escaped (ita_lib.report.html)."""
from __future__ import annotations

import base64
from functools import singledispatch

from ita_lib.report.document import (Bullets, Cell, Figure, Heading, Note, Paragraph, Section, SignOff, Table,
                                     Tiles, TitleBlock)
from ita_lib.report.html import tag, text

CONTENTS_TITLE = "สารบัญ"


def anchor(number: int) -> str:
    return f"section-{number}"


@singledispatch
def to_html(block) -> str:
    raise TypeError(f"no HTML for {type(block).__name__}")


@to_html.register
def _(block: Paragraph) -> str:
    return tag("p", text(block.text), class_="leads-in") if block.leads_in else tag("p", text(block.text))


@to_html.register
def _(block: Note) -> str:
    return tag("p", text(block.text), class_="note doubt" if block.doubt else "note")


@to_html.register
def _(block: Heading) -> str:
    return tag("h3", text(block.text))


@to_html.register
def _(block: Bullets) -> str:
    return tag("ul", "".join(tag("li", text(item)) for item in block.items)) if block.items else ""


def _cell_content(cell: Cell) -> str:
    if cell.lead is None and not cell.items:
        return text(cell.text)
    items = to_html(Bullets(cell.items))
    if cell.lead is None:
        return items or text(None)
    return (tag("strong", text(cell.lead)) if cell.bold_lead else tag("p", text(cell.lead))) + items


def _cell_class(cell: Cell, column: str | None) -> str | None:
    classes = ["num"] if cell.number else []
    if cell.level:
        classes += ["level", f"level-{cell.level}"]
    if column:
        classes.append(column)
    return " ".join(classes) or None


@to_html.register
def _(block: Table) -> str:
    columns = list(block.columns) + [None] * (len(block.header) - len(block.columns))
    head = tag("thead", tag("tr", "".join(tag("th", text(h), class_=c) for h, c in zip(block.header, columns))))
    rows = "".join(tag("tr", "".join(tag("td", _cell_content(cell), class_=_cell_class(cell, column))
                                     for cell, column in zip(row, columns)))
                   for row in block.rows)
    return tag("table", head + tag("tbody", rows), class_=block.style)


@to_html.register
def _(block: Tiles) -> str:
    cards = "".join(tag("div", tag("span", text(label), class_="label") + tag("span", text(value), class_="value"),
                        class_="tile") for label, value in block.tiles)
    return tag("div", cards, class_="tiles")


@to_html.register
def _(block: Figure) -> str:
    data = base64.b64encode(block.png).decode("ascii")
    image = f'<img src="data:image/png;base64,{data}" alt="{text(block.caption)}">'
    return tag("figure", image + tag("figcaption", text(block.caption)), class_="chart")


@to_html.register
def _(block: SignOff) -> str:
    signers = "".join(tag("div", "".join(tag("p", text(line)) for line in lines), class_="signer")
                      for lines in block.signers)
    return tag("div", signers, class_="signoff")


@to_html.register
def _(block: TitleBlock) -> str:
    details = "".join(tag("div", tag("dt", text(k)) + tag("dd", text(v))) for k, v in block.facts)
    remark = "" if block.note is None else to_html(Note(block.note))
    return tag("header", tag("p", text(block.kicker), class_="kicker") + tag("h1", text(block.name))
               + tag("dl", details, class_="facts") + remark, class_="report-title")


@to_html.register
def _(block: Section) -> str:
    heading = tag("h2", text(block.title), id=None if block.number is None else anchor(block.number))
    return tag("section", heading + "".join(to_html(b) for b in block.blocks), class_="report-section")


def contents(sections: list[Section]) -> str:
    """The linked list of numbered sections that follows the title block (empty without sections)."""
    numbered = [s for s in sections if s.number is not None]
    if not numbered:
        return ""
    items = "".join(tag("li", tag("a", text(s.title), href="#" + anchor(s.number))) for s in numbered)
    return tag("nav", tag("h2", text(CONTENTS_TITLE)) + tag("ol", items), class_="toc")
