"""Stage 6, reports. The sections (sections/) make a typed report document (document.py) from an
AgencyAnalysis alone; the notebook shows it through publish.Report and hands it to the build as one
output. render.build, the one orchestrator, runs the notebook (execute.py, kernels.py), exports each
format through the registry (exporters.py: the HTML page with html_export.py and templates/, the PDF
with pdf.py, Word with word*.py, Excel with excel.py) and writes the files (writer.py). Also: charts
(plots/, overview_plots.py), fonts (fonts.py), colours (colours.py), report parameters (params*.py),
the province overview (overview.py) and the batch index page (index_page.py).

A new section is a function in sections/ shown from a cell of notebooks/agency_report.ipynb; a new
output format is a module and a line in exporters.EXPORTERS (docs/architecture.md)."""
