"""The report as a small typed document: what the sections build and every writer reads.

The sections (ita_lib.report.sections) make these blocks from an AgencyAnalysis alone; the HTML
page (ita_lib.report.page, shown inline in Jupyter and exported through the nbconvert template),
the Word file (ita_lib.report.word) and the contents list are writers of it. Nothing parses a page
back. The blocks travel from the notebook's kernel to the build as plain JSON (`to_json`,
`from_json`), so they hold text, numbers and PNG bytes only.
"""
from __future__ import annotations

import base64
import math
from dataclasses import dataclass, field, fields
from typing import Union


_MISSING_TYPES = ("NAType", "NaTType")  # pandas' missing values, told without importing pandas


def _shown(value) -> str:
    if isinstance(value, str):
        return value
    if (value is None or (isinstance(value, float) and math.isnan(value))
            or type(value).__name__ in _MISSING_TYPES):
        return "–"
    return str(value)


@dataclass(frozen=True)
class Paragraph:
    """`leads_in`: a line that introduces what follows (a recommendation's indicator heading): it
    stays on the page of the block after it."""

    text: str
    leads_in: bool = False


@dataclass(frozen=True)
class Note:
    """A small remark under a table or chart; a doubt (a score printed twice) shows in colour."""

    text: str
    doubt: bool = False


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (the section's own title is its `title`)."""

    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """One table cell. `level` (strength, pass, weakness, urgent) colours it as the level legend;
    `lead` and `items` make a measure cell: the measure in bold, then its steps as a list; the
    agency's analysis is a paragraph and its list (`bold_lead` False)."""

    text: str = "–"
    number: bool = False
    level: str | None = None
    lead: str | None = None
    items: tuple[str, ...] = ()
    bold_lead: bool = True

    def __post_init__(self):  # any value a table gives: a missing one is a dash, a number its text
        object.__setattr__(self, "text", _shown(self.text))


@dataclass(frozen=True)
class Table:
    """`style`: the page's table classes (data, keep, compare, small, plan, own-analysis …);
    `columns`: a class per column for tables whose columns the page sizes (the plan)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    style: str = "data"
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tiles:
    """The headline's score cards: (label, value) pairs."""

    tiles: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Figure:
    png: bytes = field(repr=False)  # a chart's repr is its caption, not tens of kilobytes of PNG
    caption: str = ""


@dataclass(frozen=True)
class SignOff:
    """The signers' blocks, each a few lines (ลงชื่อ …, name, position, date)."""

    signers: tuple[tuple[str, ...], ...]


Block = Union[Paragraph, Note, Heading, Bullets, Table, Tiles, Figure, SignOff]


@dataclass(frozen=True)
class TitleBlock:
    kicker: str
    name: str
    facts: tuple[tuple[str, str], ...]
    note: str | None = None  # a remark under the facts (the province overview: what it covers)


@dataclass(frozen=True)
class Section:
    """A numbered part of the report: its title goes into the contents. `key` names what it shows
    (the section function), so showing it again in Jupyter replaces it rather than adding it."""

    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    number: int | None = None


Part = Union[TitleBlock, Section, Figure]


DRAFT_MARK = "ร่าง"  # on every page of a draft, in every format


@dataclass
class ReportDocument:
    """A whole report: its parts in reading order, with what the writers need around them."""

    title: str
    agency: str
    digits: str = "thai"
    audience: str = "agency"
    parts: list[Part] = field(default_factory=list)
    # What the agency must still settle (what, why it is open, what was found), report/checklist.py.
    open_items: tuple[tuple[str, str, str], ...] = ()

    @property
    def draft(self) -> bool:
        """An agency's report with anything left open is a draft: marked so on every page."""
        return self.audience == "agency" and bool(self.open_items)

    def sections(self) -> list[Section]:
        return [part for part in self.parts if isinstance(part, Section)]

    def title_block(self) -> TitleBlock | None:
        return next((part for part in self.parts if isinstance(part, TitleBlock)), None)


# ---------------------------------------------------------------- plain JSON, both ways

_TYPES = {cls.__name__: cls for cls in (Paragraph, Note, Heading, Bullets, Cell, Table, Tiles, Figure, SignOff,
                                        TitleBlock, Section)}


def _plain(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if type(value).__name__ in _TYPES:
        return {"type": type(value).__name__, **{f.name: _plain(getattr(value, f.name)) for f in fields(value)}}
    return value


def _frozen(value):
    """Lists back to tuples (the blocks are frozen and hashable), dicts back to blocks."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict) and value.get("type") in _TYPES:
        cls = _TYPES[value["type"]]
        known = {f.name for f in fields(cls)}
        values = {key: _frozen(item) for key, item in value.items() if key in known}
        if cls is Figure:
            values["png"] = base64.b64decode(value["png"])
        return cls(**values)
    return value


def to_json(document: ReportDocument) -> dict:
    return {"title": document.title, "agency": document.agency, "digits": document.digits,
            "audience": document.audience, "parts": [_plain(part) for part in document.parts],
            "open_items": [list(item) for item in document.open_items]}


def from_json(data: dict) -> ReportDocument:
    return ReportDocument(title=data["title"], agency=data["agency"], digits=data.get("digits", "thai"),
                          audience=data.get("audience", "agency"),
                          parts=[_frozen(part) for part in data.get("parts", [])],
                          open_items=tuple(tuple(item) for item in data.get("open_items", [])))


def _show_as_html(self) -> str:
    """Jupyter shows a block or a section inline as its HTML (IPython's display protocol)."""
    from ita_lib.report.page import to_html

    return to_html(self)


for _cls in (Paragraph, Note, Heading, Bullets, Table, Tiles, Figure, SignOff, TitleBlock, Section):
    _cls._repr_html_ = _show_as_html
