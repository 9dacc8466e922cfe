"""Stage 1, reading: a file (text, HTML, DOCX, PDF) becomes a Document of numbered lines and table
rows (read.py, document.py), within size and safety limits; YAML with line numbers and limits
(yaml_limits.py); spreadsheet-safe CSV cells for every CSV the tool writes (csv_cells.py).

A new document format is added in read.py: a reader that returns Document lines."""
