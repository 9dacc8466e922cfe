"""Tables of named agencies and their scores in news and announcements: "อันดับ | มหาวิทยาลัย | คะแนน |
ระดับ" with "1 | มหาวิทยาลัยราชภัฏเลย | 97.64 | AA".

A row gives a record only when its name cell is one agency's whole name that needs no place to be
known: a university, a department, a state enterprise ("มรภ.นครปฐม" expanded). A local government
without its province in the row or the title ("อบต.หนองบัว": there are many) gives none; province
lists (province_rows.py) read those.
"""
from __future__ import annotations

from ita_lib.io.document import Document
from ita_lib.model import Assessment
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.mentions import whole_mention
from ita_lib.parse.multi import set_grade_or_result
from ita_lib.parse.scan import cell_score, find_tables
from ita_lib.parse.single import set_year
from ita_lib.parse.years import assessed_fiscal_year

NAME_HEADERS = ("หน่วยงาน", "มหาวิทยาลัย", "ส่วนราชการ", "สถาบัน", "ชื่อ", "Agency", "agency", "University",
                "university")
MIN_ROWS = 2


def _whole_name(cell: str):
    """The one agency a cell names, whole; None for a local government (its place is not enough)."""
    mention = whole_mention(cell)
    return None if mention is None or (mention.agency_type is not None and mention.province is None) else mention


def _name_column(table, taken: set) -> int | None:
    """The column whose cells are agencies' whole names in every row ("สำนักงานเขตพื้นที่การศึกษา" heads
    "สพป.นครราชสีมา เขต 1", …): what names the agencies, whatever its header says."""
    width = len(table.header.cells or ())
    for index in range(width):
        if index in taken:
            continue
        cells = [row.cells[index].text for row in table.rows if row.cells and index < len(row.cells)]
        if len(cells) >= MIN_ROWS and all(_whole_name(cell) is not None for cell in cells):
            return index
    return None


def parse_ranked_table(document: Document, *, year: int | None = None) -> list[Assessment]:
    records = []
    for table in find_tables(document.lines):
        score_col = table.score_column(year or assessed_fiscal_year(document.lines), "คะแนน", "score")
        rank_col = table.column("อันดับ", "ลำดับ", "rank")
        name_col = table.column(*NAME_HEADERS, exclude=("คะแนน",))
        if name_col is None and score_col is not None:
            name_col = _name_column(table, {score_col, rank_col})
        if name_col is None or score_col is None or name_col == score_col:
            continue
        rows = []
        for row in table.rows:
            cells = [c.text for c in row.cells or ()]
            if max(name_col, score_col) >= len(cells):
                continue
            mention, score = _whole_name(cells[name_col]), cell_score(cells[score_col])
            if mention is not None and score is not None:
                rows.append((row, cells, mention, score))
        if len(rows) < MIN_ROWS:
            continue
        for row, cells, mention, score in rows:
            builder = RecordBuilder(document, "multi_agency_table")
            builder.set("agency", mention.name, row.number)
            builder.set("agency_type", mention.agency_type, row.number)
            builder.set("province", mention.province, row.number)
            builder.set("overall_score", score, row.number)
            if rank_col is not None and rank_col < len(cells) and cells[rank_col].strip().isdigit():
                builder.set("rank", int(cells[rank_col]), row.number)
            set_year(builder, document.lines, year)  # first: an old scheme's level words are read by year
            set_grade_or_result(builder, [c for i, c in enumerate(cells) if i not in (name_col, score_col, rank_col)],
                                row.number, builder.values.get("fiscal_year"))
            records.append(builder.build())
    return records
