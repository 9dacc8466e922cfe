"""Documents with many records: multi-year tables, multi-agency indicator tables, province lists."""
from __future__ import annotations

import re

from ita_lib.parse.agency import AgencyName, find_local_agencies, main_agency
from ita_lib.io.document import Document, Line
from ita_lib.parse.indicator_names import indicator_from_name, indicator_number_prefix
from ita_lib.parse.places import title_province
from ita_lib.model import Assessment
from ita_lib.parse.years import assessed_fiscal_year, to_buddhist_era
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.headline import headline_patterns
from ita_lib.rubric import load as load_rubric
from ita_lib.parse.province_rows import parse_text_rows
from ita_lib.parse.scan import Table, cell_score, find_tables
from ita_lib.parse.single import set_year
from ita_lib.parse.prose import main_mention
from ita_lib.parse.mentions import whole_mention

PROVINCE_LIST_MARKER = "ผลการประเมินรายหน่วยงานภายในจังหวัด"
# "2566", "ปี 2566", "พ.ศ. 2566"; two digits only after ปี ("ปี 61": a bare 61 could be a score).
_YEAR_CELL = re.compile(r"^\s*(?:(?:ปี(?:งบประมาณ)?\s*)?(?:พ\.ศ\.\s*)?(25\d\d|20\d\d)"
                        r"|ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.\s*)?([4-9]\d))\s*$")
_ITA_COLUMN = ("คะแนน ITA", "ITA", "คะแนนรวม", "ภาพรวม", "overall")


def _agency_from_cell(text: str, line: int) -> AgencyName:
    hits = find_local_agencies(text)
    if hits and hits[0][0] == 0:
        hit = hits[0][1]
        return AgencyName(hit.name, hit.agency_type, hit.place, line, hit.district, hit.province)
    mention = whole_mention(text)  # "สพป.ลำปาง เขต 1", "มรภ.ลำปาง": a short form of one agency
    if mention is not None:
        return AgencyName(mention.name, None, text.strip(), line, None, mention.province)
    return AgencyName(text.strip(), None, text.strip(), line)


# --- province lists -------------------------------------------------------------------------

def _is_province_list(table: Table) -> bool:
    # A province table with indicator columns is a multi-agency indicator table instead. Without a
    # province column (a province office's own sheet) the province comes from the title above.
    return (table.column("หน่วยงาน") is not None and table.column("คะแนน") is not None
            and len(_indicator_columns(table)) < 5)


def parse_province_list(document: Document, *, year: int | None = None) -> list[Assessment]:
    # Tab-separated tables first; a list copied from a web page or a PDF has spaces between cells.
    return _parse_province_tables(document, year=year) or parse_text_rows(document, year=year)


def _parse_province_tables(document: Document, *, year: int | None = None) -> list[Assessment]:
    tables = [t for t in find_tables(document.lines) if _is_province_list(t)]
    if not tables or (PROVINCE_LIST_MARKER not in document.text and len(tables[0].rows) < 2):
        return []
    records = []
    for table in tables:
        rank_col = table.column("ลำดับ", "อันดับ")
        name_col = table.column("หน่วยงาน")
        district_col = table.column("อำเภอ")
        province_col = table.column("จังหวัด")
        score_col = table.score_column(year or assessed_fiscal_year(document.lines), "คะแนน")
        if score_col is None:
            continue  # several years' scores and none of the assessed year
        result_col = table.column("ผลการประเมิน", "ระดับ", exclude=("คะแนน",))
        from_title = None if province_col is not None else title_province(document.lines, table.header.number)
        if province_col is None and from_title is None:
            continue  # whose agencies these are is not said: a list of names proves nothing
        for row in table.rows:
            cells = [c.text for c in row.cells or ()]
            if max(name_col, province_col or 0, score_col) >= len(cells):
                continue
            score = cell_score(cells[score_col])
            if score is None:
                continue
            builder = RecordBuilder(document, "province_list")
            agency = _agency_from_cell(cells[name_col], row.number)
            district = cells[district_col].strip() if district_col is not None and district_col < len(cells) else None
            builder.set_agency(agency)
            builder.set("district", _bare(district, "อำเภอ", "อ."), row.number)
            if province_col is not None:
                builder.set("province", _bare(cells[province_col], "จังหวัด", "จ."), row.number)
            else:
                builder.set("province", *from_title)  # the title line is the evidence
            builder.set("overall_score", score, row.number)
            set_year(builder, document.lines, year)  # first: an old scheme's level words are read by year
            if result_col is not None and result_col < len(cells):
                set_grade_or_result(builder, [cells[result_col]], row.number, builder.values.get("fiscal_year"))
            if rank_col is not None and cells[rank_col].strip().isdigit():
                builder.set("rank", int(cells[rank_col]), row.number)
            records.append(builder.build())
            records += _earlier_year_records(document, table, row, score_col, agency, records[-1])
    return records


def _earlier_year_records(document: Document, table: Table, row: Line, score_col: int, agency: AgencyName,
                          current: Assessment) -> list[Assessment]:
    """The same row's score in another year's column ("คะแนนปี 2559 | คะแนนปี 2560"): that year's record.
    The level column and the rank stay with the assessed year's."""
    cells = [c.text for c in row.cells or ()]
    out = []
    for index, column_year in table.dated_columns("คะแนน").items():
        if index == score_col or column_year is None or column_year == current.fiscal_year or index >= len(cells):
            continue
        score = cell_score(cells[index])
        if score is None:
            continue  # "-": not assessed that year
        builder = RecordBuilder(document, "province_list")
        builder.set_agency(agency)
        for field in ("district", "province"):
            if getattr(current, field, None):
                builder.set(field, getattr(current, field), row.number)
        builder.set("overall_score", score, row.number)
        builder.set("fiscal_year", column_year, table.header.number)
        out.append(builder.build())
    return out


def _bare(name: str | None, *prefixes: str) -> str | None:
    if not name:
        return None
    name = name.strip()
    for prefix in prefixes:
        if name.startswith(prefix):
            return name[len(prefix):].strip()
    return name


# --- multi-agency indicator tables ------------------------------------------------------------

def _indicator_columns(table: Table) -> dict[int, int]:
    columns: dict[int, int] = {}
    for index, name in enumerate(table.columns):
        number = indicator_number_prefix(name) if "ตัวชี้วัด" in name else None
        number = number or indicator_from_name(name, fuzzy=False)
        if number is not None and number not in columns.values():
            columns[index] = number
    return columns


def _location_column(table: Table, word: str, taken: set) -> int | None:
    """A district or province column: its header is just the word (not an indicator or ITA column)."""
    for index, name in enumerate(table.columns):
        if index not in taken and name.strip() == word:
            return index
    return None


def parse_multi_agency_table(document: Document, *, year: int | None = None) -> list[Assessment]:
    records = []
    for table in find_tables(document.lines):
        columns = _indicator_columns(table)
        if len(columns) < 5:
            continue
        ita_col = next((i for i, name in enumerate(table.columns)
                        if i not in columns and any(w.lower() in name.lower() for w in _ITA_COLUMN)), None)
        taken = set(columns) | {ita_col}
        rank_col = table.column("ลำดับ", "อันดับ")
        district_col = _location_column(table, "อำเภอ", taken)
        province_col = _location_column(table, "จังหวัด", taken)
        name_col = table.column("หน่วยงาน")
        if name_col is None or name_col in taken:
            name_col = next((i for i in range(len(table.columns))
                             if i not in taken and i not in (rank_col, district_col)), 0)
        is_province = name_col == province_col or "จังหวัด" in table.columns[name_col]
        for row in table.rows:
            cells = [c.text for c in row.cells or ()]
            if name_col >= len(cells) or not cells[name_col].strip():
                continue
            builder = RecordBuilder(document, "multi_agency_table")
            if is_province:
                builder.set("agency", cells[name_col].strip(), row.number)
                builder.set("province", _bare(cells[name_col], "จังหวัด", "จ."), row.number)
            else:
                builder.set_agency(_agency_from_cell(cells[name_col], row.number))
                for column, field, prefixes in ((district_col, "district", ("อำเภอ", "อ.")),
                                                (province_col, "province", ("จังหวัด", "จ."))):
                    if column is not None and column < len(cells):
                        builder.set(field, _bare(cells[column], *prefixes), row.number)
                if rank_col is not None and rank_col < len(cells) and cells[rank_col].strip().isdigit():
                    builder.set("rank", int(cells[rank_col]), row.number)
            for index, number in columns.items():
                score = cell_score(cells[index]) if index < len(cells) else None
                if score is not None:
                    builder.set_indicator(number, score, row.number)
            if ita_col is not None and ita_col < len(cells) and cell_score(cells[ita_col]) is not None:
                builder.set("overall_score", cell_score(cells[ita_col]), row.number)
            set_grade_or_result(builder, [c for i, c in enumerate(cells) if i not in taken], row.number)
            if not builder.has_content():
                continue
            set_year(builder, document.lines, year)
            records.append(builder.build())
    return records


def set_grade_or_result(builder: RecordBuilder, cells: list[str], line: int,
                         fiscal_year: int | None = None) -> None:
    """A cell that is a grade or a result word; a level word of the old scheme ("สูงมาก") only in a
    row of a year before the ITAS (a table of ten years changes scheme down its rows)."""
    rubric = load_rubric()
    patterns = headline_patterns(rubric)
    old_year = fiscal_year is not None and fiscal_year < rubric.first_itas_year
    for text in cells:
        if patterns.grade_word.match(text.strip()):
            builder.set("grade", text.strip(), line)
        elif patterns.result_word.match(text.strip()):
            builder.set("result", text.strip(), line)
        elif old_year and text.strip() in rubric.old_level_words:
            builder.set("result", text.strip(), line)


# --- multi-year tables ------------------------------------------------------------------------

def _year_rows(table: Table) -> list[tuple[int, Line]]:
    out = []
    for row in table.rows:
        match = _YEAR_CELL.match(row.cells[0].text) if row.cells else None
        if match:
            out.append((to_buddhist_era(int(match.group(1) or match.group(2))), row))
    return out


def _table_agency(document: Document, given: str | None) -> AgencyName | None:
    """Whose years a table lists: a local government named in the text, else the agency given,
    else the agency the text's sentences are about ("สสวท. ได้รับคะแนน … ข้อมูลคะแนน ITA ของ สสวท.")."""
    found = main_agency(document.lines)
    if found is not None:
        return found
    if given and given.strip():
        return AgencyName(given.strip(), None, given.strip())
    mention = main_mention(document)
    if mention is None:
        return None
    return AgencyName(mention.name, mention.agency_type, mention.name, None, mention.district, mention.province)


def parse_multi_year_table(document: Document, *, year: int | None = None,
                           agency: str | None = None) -> list[Assessment]:
    del year  # each row carries its own year
    records = []
    owner = None
    for table in find_tables(document.lines):
        first = table.columns[0] if table.columns else ""
        if not (first.startswith("ปี") or first.lower().startswith(("year", "fiscal"))):
            continue
        score_col = table.column("คะแนน", "score", "ITA")
        rows = _year_rows(table)
        if score_col is None or len(rows) < 2:
            continue
        owner = owner or _table_agency(document, agency)
        instrument_cols = {i: name.strip() for i, name in enumerate(table.columns)
                           if name.strip() in load_rubric().instrument_codes}
        for fiscal_year, row in rows:
            cells = [c.text for c in row.cells or ()]
            builder = RecordBuilder(document, "multi_year_table")
            builder.set_agency(owner)
            builder.set("fiscal_year", fiscal_year, row.number)
            if score_col < len(cells):
                builder.set("overall_score", cell_score(cells[score_col]), row.number)
            for index, code in instrument_cols.items():
                if index < len(cells) and cell_score(cells[index]) is not None:
                    builder.set_instrument(code, cell_score(cells[index]), row.number)
            set_grade_or_result(builder, cells[1:], row.number, fiscal_year)
            if builder.has_content():
                records.append(builder.build())
    return records

