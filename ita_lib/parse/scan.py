"""Shared scanning helpers: numbers, table blocks and header roles."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ita_lib.io.document import Cell, Line
from ita_lib.parse.indicator_names import indicator_from_name
from ita_lib.parse.memo import same_if_unchanged
from ita_lib.rubric import load as load_rubric

# A score as printed: 0–100 with up to two decimals, not part of a longer number, a date, a
# thousands group or an item code.
SCORE_RE = re.compile(r"(?<![\d.,/])(100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)(?![\d,/]|\.\d)")
# A web page's bar chart copied as text puts block characters before the number ("█████▋ 88.15").
_CELL_SCORE = re.compile(r"^[\s\u2580-\u259f\u25a0-\u25ff]*(\d{1,3}(?:\.\d{1,2})?)\s*(?:คะแนน|%|ร้อยละ)?\s*$")


def cell_score(text: str) -> float | None:
    """The number when a cell holds only a score ("95.22", "100.00 คะแนน")."""
    match = _CELL_SCORE.match(text)
    return float(match.group(1)) if match else None


def is_number_cell(text: str) -> bool:
    return cell_score(text) is not None


@dataclass
class Table:
    header: Line
    rows: list[Line] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [cell.text for cell in self.header.cells or ()]

    def score_column(self, year: int | None, *keywords: str) -> int | None:
        """The score column; of several that name years ("คะแนนปี 2559 | คะแนนปี 2560"), the one of `year`,
        or none when that is not one: another year's score is no wrong guess's to make."""
        found = [i for i, name in enumerate(self.columns) if any(k in name for k in keywords)]
        dated = self.dated_columns(*keywords)
        if len(found) > 1 and any(dated.values()):
            mine = [i for i in found if dated[i] == year]
            return mine[0] if len(mine) == 1 else None
        return found[0] if found else None

    def dated_columns(self, *keywords: str) -> dict[int, int | None]:
        """The columns a keyword heads, with the year each names ("คะแนนปี 2559": 2559)."""
        return {i: _column_year(name) for i, name in enumerate(self.columns) if any(k in name for k in keywords)}

    def column(self, *keywords: str, exclude: tuple[str, ...] = ()) -> int | None:
        for index, name in enumerate(self.columns):
            if any(k in name for k in keywords) and not any(x in name for x in exclude):
                return index
        return None


_YEAR_IN_HEADER = re.compile(r"(?<!\d)(25\d\d)(?!\d)|ปี\s?(\d\d)(?!\d)")


def _column_year(name: str) -> int | None:
    match = _YEAR_IN_HEADER.search(name)
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 2500 + int(match.group(2))


HEADER_WORDS = ("ตัวชี้วัด", "คะแนน", "มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา", "อันดับ",
                "ลำดับ", "หน่วยงาน", "จังหวัด", "อำเภอ", "ปี", "ระดับ", "ผลการ", "โครงการ", "สถานะ",
                "รายละเอียด", "ITA", "สำนัก/กอง", "score", "year", "grade", "agency", "province",
                "rank", "indicator", "ชื่อ")
_HEADER_WORDS_LOWER = tuple(word.lower() for word in HEADER_WORDS)


def _has_header_word(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _HEADER_WORDS_LOWER)


def _looks_like_header(line: Line) -> bool:
    """Short label cells, none numeric, most of them header words or indicator names."""
    cells = [c.text for c in line.cells or ()]
    if len(cells) < 2 or any(is_number_cell(text) for text in cells):
        return False
    if any(len(text) > 90 for text in cells):
        return False
    codes = load_rubric().instrument_codes
    labelled = sum(1 for text in cells
                   if _has_header_word(text) or text.strip() in codes
                   or indicator_from_name(text, fuzzy=False, contained=False) is not None)
    return labelled >= max(2, (len(cells) + 1) // 2)


def _same_header(a: Line, b: Line) -> bool:
    return [c.text for c in a.cells or ()] == [c.text for c in b.cells or ()]


def per_document(func):
    """Remember the last result for the same list of lines: every parser of a document asks for
    its tables (and its year), and the list object is shared by all of them."""
    last: list = [None, None]

    def wrapper(lines):
        if last[0] is not lines:
            last[0], last[1] = lines, func(lines)
        return last[1]

    wrapper.__wrapped__ = func
    wrapper.__doc__ = func.__doc__
    return wrapper


@per_document
def find_tables(lines: list[Line]) -> list[Table]:
    """Header rows followed by data rows. A repeated header (page break) continues the same table;
    blank lines inside a table are skipped; any other text line ends it."""
    tables: list[Table] = []
    current: Table | None = None
    for line in lines:
        if not line.text.strip():
            continue
        if line.is_row:
            if current is not None and _same_header(current.header, line):
                continue
            if current is not None and len(line.cells) >= 2 and (
                    len(line.cells) == len(current.header.cells) or not _looks_like_header(line)):
                # Same width as the header: a data row, even when its cells read like labels.
                current.rows.append(line)
                continue
            if _looks_like_header(line):
                # A table split over pages repeats its header after unrelated text: join it back.
                previous = next((t for t in reversed(tables) if _same_header(t.header, line)), None)
                current = previous or Table(line)
                if previous is None:
                    tables.append(current)
                continue
            if current is not None:
                current.rows.append(line)
            elif _numbered_indicator_row(line):
                # Rows "1 | การปฏิบัติหน้าที่ | 91.52" under no header (a post's list): an indicator table.
                current = Table(Line(line.number, "\t".join(IMPLIED_HEADER), tuple(Cell(c) for c in IMPLIED_HEADER)),
                                [line])
                tables.append(current)
            continue
        current = None
    return tables


IMPLIED_HEADER = ("ลำดับ", "ตัวชี้วัด", "คะแนน")


def _numbered_indicator_row(line: Line) -> bool:
    cells = [c.text for c in line.cells or ()]
    return (len(cells) == 3 and cells[0].strip().isdigit() and is_number_cell(cells[2])
            and indicator_from_name(cells[1], fuzzy=False) is not None)


def cell(line: Line, index: int | None) -> Cell | None:
    if index is None or line.cells is None or index >= len(line.cells):
        return None
    return line.cells[index]


# PDF text has no tabs: a table row arrives as "3 การปฏิบัติหน้าที่ 93.50" and its header as
# "อันดับ ตัวชี้วัด คะแนน". Such lines are turned back into rows before tables are read.
# A bullet or an emoji may lead ("✅ 1. การปฏิบัติหน้าที่ 91.52", a social-media post).
# The number may follow the word for indicator ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 96.12"); more number
# cells may follow the score ("2 การใช้อำนาจ 97.80 90.00 +7.80": a target and a difference).
# "IIT  1  การปฏิบัติหน้าที่  94.86  ผ่าน": an instrument's code may open the row, a status word end it.
@dataclass(frozen=True)
class _RowPatterns:
    loose: re.Pattern
    start: re.Pattern  # "4. การใช้ทรัพย์สิน": a row's number and the start of its name
    bare_start: re.Pattern  # inside a table, a row may start with its bare number: "4 การแก้ไขปัญหาการ" / "ทุจริต 92.88"


@cache
def _rows() -> _RowPatterns:
    codes = "(?:(?:" + "|".join(map(re.escape, load_rubric().instrument_codes)) + r")\s+)?"
    return _RowPatterns(
        loose=re.compile(r"^[\s\u2000-\u2bff\ufe0f\U0001f000-\U0001faff•·*>\-–]*" + codes + r"(?:ตัวชี้วัดที่\s?)?"
                         r"(\d{1,2})\s*[.)]?\s+(\S.*?)\s+"
                         r"(\d{1,3}(?:\.\d{1,2})?)((?:\s+[+\-–]?\d{1,3}(?:\.\d{1,2})?)*(?:\s+[\u0e01-\u0e4e]{2,20})?)\s*$"),
        start=re.compile(r"^\s*" + codes + r"(?:ตัวชี้วัดที่\s?)?\d{1,2}\s*[.)]\s+\S"),
        bare_start=re.compile(r"^\s*" + codes + r"\d{1,2}\s+[\u0e01-\u0e4e]"))


_LONE_NUMBER_LINE = re.compile(r"^\s*\d{1,2}\s*$")
_MAX_WRAPPED_LINES = 3  # "๑. การปฏิบัติ" / "หน้าที่" / "๙๕.๔๒": a row a PDF put one piece a line


_YEAR_JOINED = re.compile(r"(\S*(?:ปี|พ\.ศ\.))\s(25\d\d)(?!\d)")


def _loose_header(text: str) -> tuple[str, ...] | None:
    """"อันดับ ตัวชี้วัด คะแนน", "อันดับ ตัวชี้วัด คะแนน ค่าเป้าหมาย ผลต่าง": header words, the indicator and
    score columns among them."""
    tokens = _YEAR_JOINED.sub("\\1\x00\\2", text).split()  # "คะแนนปี 2567" is one heading
    tokens = [token.replace("\x00", " ") for token in tokens]
    if not 2 <= len(tokens) <= 8:
        return None
    labelled = [token for token in tokens if any(word in token for word in HEADER_WORDS)]
    if len(labelled) == len(tokens) or (len(labelled) >= 3 and any("ตัวชี้วัด" in t for t in tokens)
                                        and any("คะแนน" in t for t in tokens)):
        return tuple(tokens)
    return None


_SCORE_INSIDE = re.compile(r"\d\.\d|ตัวชี้วัดที่")


def _loose_row(text: str) -> tuple[str, ...] | None:
    match = _rows().loose.match(text)
    # a name holding a score or another indicator is a sentence listing several ("…98.90 คะแนน ตัวชี้วัดที่ 3")
    if match and not _SCORE_INSIDE.search(match.group(2)) and indicator_from_name(match.group(2)) is not None:
        return (*match.groups()[:3], *(cell for cell in match.group(4).split() if cell != "คะแนน"))  # a unit
    return None


def _joined(text: str, following: str) -> str:
    """Two pieces of one wrapped row: Thai words run on without a space, a number keeps its own."""
    text, following = text.rstrip(), following.lstrip()
    glue = "" if re.search("[\u0e01-\u0e4e]$", text) and re.match("[\u0e01-\u0e4e]", following) else " "
    return text + glue + following


def _starts_row(text: str, in_table: bool) -> bool:
    return bool(_rows().start.match(text) or (in_table and _rows().bare_start.match(text)))


def _numbered_as_named(cells: tuple[str, ...]) -> bool:
    return cells[0].isdigit() and indicator_from_name(cells[1]) == int(cells[0])


def _wrapped_row(pieces: list[Line]) -> bool:
    """Whether the lines start with a row whose bare number ("4 การแก้ไขปัญหาการ") and wrapped name end
    in a score: only a real row makes a header of the line above."""
    if not pieces or not _rows().bare_start.match(pieces[0].text):
        return False
    text = pieces[0].text
    for piece in pieces[1:]:
        text = _joined(text, piece.text)
        if _loose_row(text):
            return True
    return _loose_row(pieces[0].text) is not None


_YEAR_TOKEN = re.compile(r"^(?:25\d\d|20\d\d)$")
_YEAR_HEADING = re.compile(r"^(?:ปี|พ\.ศ\.|year|fiscal)", re.IGNORECASE)
_SCORE_HEADINGS = ("ITA", "คะแนน", "ภาพรวม", "score")


def _year_table_header(text: str) -> list[str] | None:
    """"ปีงบประมาณ IIT EIT OIT ITA ระดับ ผลต่าง": a table of years whose cells a PDF spaced once."""
    tokens = text.split()
    if not 3 <= len(tokens) <= 10 or not _YEAR_HEADING.match(tokens[0]) or any(is_number_cell(t) for t in tokens):
        return None
    codes = load_rubric().instrument_codes
    labelled = [t for t in tokens if t in codes or _has_header_word(t)]
    if len(labelled) * 2 < len(tokens) or not any(w.lower() in t.lower() for t in tokens for w in _SCORE_HEADINGS):
        return None
    return tokens


def promote_year_tables(lines: list[Line]) -> list[Line]:
    """A header opened by a year heading over two or more rows opened by a year, each of the header's
    width ("2566 96.02 90.35 95.38 94.06 ผ่าน -1.25 -"), become row Lines. One short line of words
    between them is the header's wrapped last cell ("ค่าเฉลี่ย" / "ประเทศ")."""
    out = list(lines)
    text_at = [i for i, line in enumerate(lines) if line.text.strip()]
    for position, index in enumerate(text_at):
        header = None if lines[index].is_row else _year_table_header(lines[index].text)
        if header is None:
            continue
        following = text_at[position + 1:]
        wrapped = None
        if following and not re.search(r"\d", lines[following[0]].text) and len(lines[following[0]].text.split()) <= 2:
            wrapped, following = following[0], following[1:]
        rows = []
        for at in following:
            tokens = lines[at].text.split()
            if lines[at].is_row or len(tokens) != len(header) or not _YEAR_TOKEN.match(tokens[0]):
                break
            rows.append((at, tokens))
        if len(rows) < 2:
            continue
        if wrapped is not None:
            header[-1] += " " + lines[wrapped].text.strip()
            out[wrapped] = Line(lines[wrapped].number, "")
        out[index] = Line(lines[index].number, "\t".join(header), tuple(Cell(c) for c in header))
        for at, tokens in rows:
            out[at] = Line(lines[at].number, "\t".join(tokens), tuple(Cell(c) for c in tokens))
    return same_if_unchanged(lines, out)


def promote_loose_rows(lines: list[Line]) -> list[Line]:
    """Lines that are a table's header or rows written with spaces become row Lines."""
    given = lines
    lines = promote_year_tables(lines)
    out = list(lines)
    text_at = [i for i, line in enumerate(lines) if line.text.strip()]
    in_table = False  # the line before was a row or a header made here
    for position, index in enumerate(text_at):
        line = lines[index]
        if line.is_row or not out[index].text.strip():
            in_table = line.is_row
            continue
        cells = _loose_row(line.text)
        following_at = text_at[position + 1:position + 1 + _MAX_WRAPPED_LINES]
        following = [lines[i] for i in following_at]
        lone = bool(_LONE_NUMBER_LINE.match(line.text))  # "1" / "ปฏิบัติหน้าที่" / "95.40": a DOCX table a cell a line
        if cells is None and (_starts_row(line.text, True) or lone):
            # "4. การใช้ทรัพย์สิน" / "ของราชการ 88.15": a row whose name a PDF wrapped. Outside a table a
            # bare number starts a row only when it is the number of the indicator named ("1 การปฏิบัติ
            # หน้าที่" / "97.80": a result page copied one cell a line).
            text = line.text
            for taken, piece in enumerate(following, start=1):
                if piece.is_row or _starts_row(piece.text, True):
                    break
                text = _joined(text, piece.text)
                cells = _loose_row(text)
                if cells is not None and not ((_starts_row(line.text, in_table) and not lone)
                                              or _numbered_as_named(cells)):
                    cells = None
                    break
                if cells is not None:
                    for consumed in following_at[:taken]:
                        out[consumed] = Line(lines[consumed].number, "")
                    break
        if cells is None:
            header = _loose_header(line.text)
            nxt = following[0] if following else None
            if header and nxt is not None and not nxt.is_row and (
                    _loose_row(nxt.text) or _rows().start.match(nxt.text) or _wrapped_row(following)):
                # "ตัวชี้วัด คะแนน" over rows "1 การปฏิบัติหน้าที่ 91.80": the rows' number has no heading
                cells = header if len(header) >= 3 else (IMPLIED_HEADER[0], *header)
        in_table = cells is not None
        if cells is not None:
            out[index] = Line(line.number, "\t".join(cells), tuple(Cell(c) for c in cells))
    return same_if_unchanged(given, out)
