"""Stage 1, reading: a file (text, HTML, DOCX, PDF, CSV, XLSX) becomes a Document of numbered lines and
table rows (read.py, the entry points; decode.py, the text encodings; one *_reader.py per format;
document.py), within size and safety limits (limits.py, office_zip.py); YAML with line numbers and
limits (yaml_limits.py); spreadsheet-safe CSV cells for every CSV the tool writes (csv_cells.py).

A new document format is a reader module returning a Document, registered in read.py."""
