"""What the notebook hands to the build: one tagged output that holds the report document and the
data beside it (data.json, plan.csv, the workbook's sheets). The notebook writes no file; the
build (ita_lib.report.render.build) reads this output from the executed notebook and writes them all.

In Jupyter, `Report.show` displays each part inline as it is made and keeps it (a part shown
again, e.g. a cell run twice, replaces the earlier one); `Report.publish` is the last cell's call.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from ita_lib.report.document import Figure, ReportDocument, Section, TitleBlock, from_json, to_json

MIME_TYPE = "application/vnd.ita-report.v1+json"
CELL_TAG = "ita-report-data"  # the cell whose output is this; the page leaves it out
TITLE_PART = {"ita-report": {"part": "title"}}  # the title block's output metadata: the contents go after it
TITLE = "รายงานผลการประเมิน ITA {name}"

if TYPE_CHECKING:  # the build reads what was published without the analysis (pandas) loaded
    from ita_lib.analysis import AgencyAnalysis


class Page:
    """The parts of a page, in the order the notebook shows them (the province overview's)."""

    def __init__(self, document: ReportDocument):
        self.document = document

    def show(self, *parts) -> None:
        """Display the parts (a section, the title block, a chart or a tuple of charts; None is
        nothing) and keep them for the writers."""
        from IPython.display import display

        for part in _flat(parts):
            part = self._keep(part)
            # Its HTML and a one-line text (not the part's repr: a chart's is its PNG bytes, which the
            # executed notebook would carry twice more); the title's output is marked: the page's
            # contents list goes after it.
            display({"text/html": part._repr_html_(), "text/plain": _label(part)}, raw=True,
                    metadata=TITLE_PART if isinstance(part, TitleBlock) else None)

    def _keep(self, part):
        kept = self.document.parts
        key = _key(part)
        place = next((i for i, old in enumerate(kept) if _key(old) == key), None)
        if isinstance(part, Section):  # numbered in reading order: the contents link to it
            number = (kept[place].number if place is not None
                      else 1 + sum(isinstance(old, Section) for old in kept))
            part = Section(part.key, part.title, part.blocks, number)
        if place is None:
            kept.append(part)
        else:
            kept[place] = part
        return part

    def publish(self) -> None:
        """The one output the build reads: the document (its contents come from it)."""
        self._publish({"document": to_json(self.document)})

    def _publish(self, data: dict) -> None:
        from IPython.display import display

        display({MIME_TYPE: data,
                 "text/plain": f"ita-report: {len(self.document.sections())} sections ready for the writers"},
                raw=True)


class Report(Page):
    """The parts of one agency's report, in the order the notebook shows them."""

    def __init__(self, a: AgencyAnalysis, *, audience: str = "agency", signoff: dict | None = None):
        from ita_lib.report.checklist import report_items, signers_of

        self.signers = signers_of(a, signoff)  # the params file's, else those the agency confirmed
        open_items = report_items(a, self.signers) if audience == "agency" else ()
        super().__init__(ReportDocument(title=TITLE.format(name=a.agency["name"]), agency=a.agency["name"],
                                        digits=a.config.digits, audience=audience, open_items=open_items))
        self.analysis = a

    def publish(self, formats=("html", "pdf")) -> None:
        """The one output the build reads: the document, data.json, plan.csv and the workbook."""
        self._publish(published_data(self.analysis, self.document, formats))


def _flat(parts):
    for part in parts:
        if isinstance(part, tuple | list):
            yield from _flat(part)
        elif part is not None:
            yield part


def _label(part) -> str:
    name = getattr(part, "title", None) or getattr(part, "caption", None) or getattr(part, "name", "")
    return f"{type(part).__name__}: {name}"


def _key(part) -> tuple:
    if isinstance(part, Section):
        return ("section", part.key)
    if isinstance(part, TitleBlock):
        return ("title",)
    if isinstance(part, Figure):
        return ("figure", part.caption)
    return ("other", id(part))


def published_data(a: AgencyAnalysis, document: ReportDocument, formats=("html", "pdf")) -> dict:
    """Everything the writers need, as plain JSON. The agency's plan and workbook name no source
    file or line; the analyst's do."""
    from ita_lib.analysis.export import analysis_json
    from ita_lib.analysis.plan import for_audience, plan_csv_text
    from ita_lib.report.excel import sheets

    # data.json as text: the notebook stores JSON outputs with their keys sorted, the file keeps its order.
    data = {"document": to_json(document), "data_json": json.dumps(analysis_json(a), ensure_ascii=False, indent=1),
            "plan_csv": plan_csv_text(for_audience(a.plan, document.audience))}
    if "xlsx" in formats:
        data["workbook"] = [asdict(sheet) for sheet in sheets(a, document.audience)]
    return data


@dataclass
class Published:
    """The build's side: what one executed notebook handed over."""

    document: ReportDocument
    data_json: str | None = None  # None: a page that is no agency's report (the province overview)
    plan_csv: str | None = None
    workbook: list[dict] | None = None


def read_published(notebook) -> Published | None:
    """The published output of an executed notebook (an nbformat node); None when it has none (a
    notebook of one's own that does not call Report.publish)."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get(MIME_TYPE)
            if data is not None:
                if isinstance(data, str):  # nbformat may keep JSON outputs as text
                    data = json.loads(data)
                return Published(document=from_json(data["document"]), data_json=data.get("data_json"),
                                 plan_csv=data.get("plan_csv"), workbook=data.get("workbook"))
    return None
