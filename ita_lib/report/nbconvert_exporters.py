"""The report's formats as nbconvert exporters, registered by entry point (pyproject.toml:
ita_html, ita_pdf, ita_docx, ita_xlsx): `jupyter nbconvert --to ita_pdf report.ipynb` and
JupyterLab's "Save and Export Notebook As" make the Thai report from a notebook an analyst ran, with
the same writers as `ita-report build` (report/exporters.py).

The notebook must be an executed report notebook: its last cell's `Report.publish()` output holds
the report. Any other notebook is refused with one line saying so."""
from __future__ import annotations

from pathlib import Path

from nbconvert.exporters import Exporter
from traitlets import default

from ita_lib.errors import ReportBuildError

NOT_A_REPORT = ("holds no ita-report report: run notebooks/agency_report.ipynb to its end (its last cell, "
                "Report.publish(), puts the report in the notebook), save it, then export")


class _ItaExporter(Exporter):
    """One of the report's formats; subclasses name it."""

    kind = ""  # a key of report.exporters.EXPORTERS
    extension = ""

    @default("file_extension")
    def _file_extension_default(self):
        return self.extension

    def from_notebook_node(self, nb, resources=None, **kw):
        from ita_lib.report.exporters import Export, exporter
        from ita_lib.report.publish import read_published

        nb, resources = super().from_notebook_node(nb, resources, **kw)
        published = read_published(nb)
        if published is None:
            name = (resources.get("metadata") or {}).get("name") or "the notebook"
            raise ReportBuildError(NOT_A_REPORT, path=name)
        folder = Path((resources.get("metadata") or {}).get("path") or ".")
        export = Export(notebook=nb, published=published, digits=published.document.digits, folder=folder)
        files = exporter(self.kind)(export)
        return files[f"report{self.extension}"], resources


class ItaHTMLExporter(_ItaExporter):
    """The report as an offline Thai page (the font embedded)."""
    export_from_notebook = "ITA report (HTML)"
    output_mimetype = "text/html"
    kind, extension = "html", ".html"


class ItaPDFExporter(_ItaExporter):
    """The report as an A4 PDF (WeasyPrint), page numbers and running heads."""
    export_from_notebook = "ITA report (PDF)"
    output_mimetype = "application/pdf"
    kind, extension = "pdf", ".pdf"


class ItaDocxExporter(_ItaExporter):
    """The report as a Word document to edit and sign."""
    export_from_notebook = "ITA report (Word)"
    output_mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    kind, extension = "docx", ".docx"


class ItaXlsxExporter(_ItaExporter):
    """The report's tables as an Excel workbook."""
    export_from_notebook = "ITA report (Excel)"
    output_mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    kind, extension = "xlsx", ".xlsx"
