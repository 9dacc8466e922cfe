"""Stage 6, reports: the sections of an agency report as HTML (sections.py, html.py), charts
(plots.py, overview_plots.py), the notebook run and its rendering to HTML and PDF (render.py,
kernels.py, pdf.py, fonts.py, templates/), Word and Excel (word.py, excel.py), report parameters
(params.py), the province overview (overview.py) and the batch index page (index_page.py).

A new report section is a function in sections.py called from a cell of notebooks/agency_report.ipynb;
a new PDF engine goes in render.py next to `to_pdf`."""
