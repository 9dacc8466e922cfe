"""An HTML page: block elements become lines (numbered by their source line), table rows become
rows of cells; scripts, styles and the head are skipped."""
from __future__ import annotations

from ita_lib.errors import DocumentReadError, EmptyDocumentError
from ita_lib.io import limits
from ita_lib.io.document import Cell, Document, Line
from ita_lib.text.fragments import node_parts
from ita_lib.text.thai import clean_cell

_HTML_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article", "header", "footer", "nav", "main", "aside", "dl", "dt", "dd",
    "address", "figure", "figcaption", "caption", "form", "fieldset", "hr", "body", "center",
}
_HTML_SKIP = {"script", "style", "head", "noscript", "template", "title", "iframe", "svg"}


def html_document(text: str, path: str | None, sha: str, encoding: str | None,
                  notes: list[str] = ()) -> Document:
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import PreformattedString  # comments, doctype, CDATA, <?pi?>

    if text.count("<") > limits.MAX_HTML_TAGS:  # counted before parsing: the tree of a flood costs minutes
        raise DocumentReadError(f"too many HTML tags for an ITA page: over {limits.MAX_HTML_TAGS:,}", path=path)
    soup = BeautifulSoup(text, "html.parser")  # html.parser records Tag.sourceline
    lines: list[Line] = []
    buf: list[str] = []
    # Text nodes have no sourceline, so we track a cursor: the line of the last tag seen plus
    # the newlines of the text read since; ``where`` is the line the current run started on.
    where = [1]
    cursor = [1]

    def flush() -> None:
        run = clean_cell(" ".join("".join(buf).split()))
        buf.clear()
        if run:
            lines.append(Line(where[0], run))

    def seen(tag) -> None:
        if getattr(tag, "sourceline", None):
            cursor[0] = tag.sourceline

    def add_text(s: str) -> None:
        if s.strip() and not "".join(buf).strip():  # first visible text of a new run
            where[0] = cursor[0] + s[: len(s) - len(s.lstrip())].count("\n")
        buf.append(s)
        cursor[0] += s.count("\n")

    def skip_past(tag) -> None:
        # End tags have no line number; the newlines inside the element's text nodes do.
        seen(tag)
        cursor[0] += sum(
            str(s).count("\n") for s in tag.descendants if isinstance(s, NavigableString)
        )

    def table_rows(table) -> None:
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue  # a nested table: flattened into its outer cell by node_parts
            cells = tuple(
                Cell(*node_parts(td)) for td in tr.find_all(["td", "th"], recursive=False)
            )
            if any(c.text for c in cells):
                number = tr.sourceline or cursor[0]
                lines.append(Line(number, "\t".join(c.text for c in cells), cells))

    # Iterative walk (an explicit stack) so deeply nested markup cannot hit the recursion limit.
    stack: list = list(reversed(list(soup.children)))
    while stack:
        child = stack.pop()
        if child is flush:  # end of a block element
            flush()
            continue
        if isinstance(child, PreformattedString):
            continue
        if isinstance(child, NavigableString):
            add_text(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in _HTML_SKIP:
            skip_past(child)
            continue
        if name == "table":
            flush()
            table_rows(child)
            skip_past(child)
            continue
        seen(child)
        if name == "br":
            flush()
            continue
        if name in _HTML_BLOCKS:
            flush()
            stack.append(flush)
        stack.extend(reversed(list(child.children)))

    flush()
    if not lines:
        raise EmptyDocumentError("empty document", path=path)
    return Document(path=path, sha256=sha, format="html", lines=lines, encoding=encoding, notes=list(notes))

