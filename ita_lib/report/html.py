"""Small HTML builders for the report: every text goes through html.escape, so document text with
`<script>`, `<img onerror=…>` or markdown shows as text, never as markup."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

import pandas as pd


def text(value) -> str:
    """Escaped text of any value; missing values (None, NaN, NA) are an en dash."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return "–"
    return escape(str(value), quote=True)


def tag(name: str, content: str = "", **attributes: str) -> str:
    """An element whose content is already safe HTML; attribute values are escaped."""
    attrs = "".join(f' {key.rstrip("_").replace("_", "-")}="{escape(str(value), quote=True)}"'
                    for key, value in attributes.items() if value is not None)
    return f"<{name}{attrs}>{content}</{name}>"






def table(headers: Sequence[str], rows: Iterable[Sequence], *, class_: str = "data",
          numeric: Sequence[int] = (), row_classes: Sequence[str | None] | None = None) -> str:
    """A table of plain values (escaped). `rows` items may be (value, css_class) pairs to colour one
    cell; `numeric` columns are right-aligned."""
    head = tag("thead", tag("tr", "".join(tag("th", text(h)) for h in headers)))
    body = []
    for index, row in enumerate(rows):
        cells = []
        for column, value in enumerate(row):
            css = "num" if column in numeric else None
            if isinstance(value, tuple):
                value, extra = value
                css = " ".join(c for c in (css, extra) if c)
            cells.append(tag("td", text(value), class_=css))
        row_class = row_classes[index] if row_classes else None
        body.append(tag("tr", "".join(cells), class_=row_class))
    return tag("table", head + tag("tbody", "".join(body)), class_=class_)






def none_if_missing(value):
    """`value`, or None for a missing value pandas or numpy hands out (NaN, NaT, pd.NA, None)."""
    if value is None or isinstance(value, (str, bytes)):
        return value
    import pandas as pd

    return None if pd.api.types.is_scalar(value) and pd.isna(value) else value


def text_key(value) -> str:
    """A sort key that is always text: "" for a missing value."""
    value = none_if_missing(value)
    return "" if value is None else str(value)
