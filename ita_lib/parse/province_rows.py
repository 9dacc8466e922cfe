"""ITAS province lists copied as plain text: one agency a line, cells separated by single spaces.

"1 องค์การบริหารส่วนตำบลบ้านใหม่ บ้าน โป่ง ราชบุรี 88.41": spaces separate the cells, but PDF
extraction also puts stray spaces inside words, so the cells are found with knowledge rather than
by counting spaces: the first number is the rank, the last number the score, the trailing tokens
are one of the 77 provinces, the tokens before it one of that province's districts (geothai), and
what remains is the agency, which starts with its type word (data/agency_types.csv).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ita_lib.parse.agency import expand, type_keys, type_word
from ita_lib.io.document import Document, Line
from ita_lib.model import Assessment
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.headline import headline_patterns
from ita_lib.parse.mentions import whole_mention
from ita_lib.rubric import load as load_rubric
from ita_lib.parse.places import (
    BANGKOK, DISTRICT_WORDS, PROVINCE_WORDS, district_index, fold, province_index, strip_word, title_province,
)
from ita_lib.parse.scan import per_document
from ita_lib.parse.single import set_year

TITLE = "ผลการประเมินรายหน่วยงานภายในจังหวัด"
MAX_CELLS = 7  # rank, agency, district, province, score, and a grade or result word: a row's cells
# Lists of other assessments look the same (rank, agency, district, province, score): without the
# ITAS title, a document naming one of these is not read as an ITA province list.
OTHER_ASSESSMENTS = ("t-score", "tscore", "ทีสกอร์", "ที-สกอร์", "คะแนนที", "lpa", "o-net", "onet",
                     "ประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น")
MAX_TOKENS_PROVINCE = 4  # "นคร ศรี ธรรม ราช": a province split by PDF extraction
MAX_TOKENS_DISTRICT = 5
MAX_GAP_LINES = 8  # page footer + header lines between the two halves of a row
MIN_ROW_RUN = 3  # rows in a row that make a list without a title or header

_RANK = re.compile(r"^\d{1,5}[.)]?$")
_NUMBER = re.compile(r"^\d+(?:\.\d*)?$")  # also a cut score ("88.", "88.4"): judged later
_SCORE_2 = re.compile(r"^\d{1,3}\.\d{2}$")  # how ITAS prints a score
_SCORE_ANY = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_CELL_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{0,2})?$")  # a score cell, cut ones ("88.") included
_AFTER_SCORE = ("คะแนน", "%", "รายละเอียด", "ดูรายละเอียด")  # a web table's last column
_HEADER_RANK_WORDS = ("#", "ลำดับ", "อันดับ")
_EMPTY_CELL = ("-", "–", "—")


# --- one row -------------------------------------------------------------------------------------

Token = tuple[str, int]  # (text, line number)


@dataclass
class Row:
    line: int  # where the row starts
    rank: int | None
    agency: str
    agency_type: str | None
    agency_line: int
    district: str | None
    district_line: int | None
    province: str
    province_line: int
    score: str | None  # as printed; checked against the list's format later
    score_line: int | None
    extras: list[tuple[str, str, int]] = field(default_factory=list)  # grade / result words
    notes: list[tuple[str, str]] = field(default_factory=list)  # this row's warnings

    @property
    def typed(self) -> bool:
        return self.agency_type is not None or type_word(self.agency) is not None


def _joined(tokens: list[Token]) -> str:
    return "".join(text for text, _ in tokens)


def _take_rank(tokens: list[Token]) -> tuple[int | None, list[Token]]:
    if tokens and _RANK.match(tokens[0][0]):
        return int(tokens[0][0].rstrip(".)")), tokens[1:]
    return None, tokens


def _take_trailing(tokens: list[Token]) -> tuple[list[Token], list[tuple[str, str, int]]]:
    """A grade or result word (or "คะแนน") printed after the score."""
    extras = []
    patterns = headline_patterns(load_rubric())
    while tokens:
        text, line = tokens[-1]
        if patterns.grade_word.match(text):
            extras.insert(0, ("grade", text, line))
        elif patterns.result_word.match(text) or text in load_rubric().old_level_words:
            extras.insert(0, ("result", text, line))  # an old scheme's word is kept by _build by year
        elif text not in _AFTER_SCORE:
            break
        tokens = tokens[:-1]
    return tokens, extras


def _split_province(body: list[Token]) -> tuple[tuple[str, str | None], int] | None:
    """The province at the end of the row: the fewest trailing tokens that join into one."""
    for count in range(1, min(MAX_TOKENS_PROVINCE, len(body) - 1) + 1):
        key = strip_word(fold(_joined(body[-count:])), PROVINCE_WORDS)
        if key in province_index():
            return province_index()[key], count
    return None


def _district_name(printed: str, province_code: str | None) -> str | None:
    if province_code is None:
        return None
    known = district_index(province_code).get(strip_word(fold(printed), DISTRICT_WORDS))
    if known is None:
        return None
    # Bangkok's lists print "เขตX" or "X": keep what is printed; elsewhere geothai's spelling.
    return printed if province_code == BANGKOK else known


def _valid_agency(tokens: list[Token]) -> bool:
    """Something more than a bare type word ("เทศบาลตำบล" alone is half an agency name)."""
    name = fold(_joined(tokens))
    return bool(name) and name not in type_keys()


def _split_district(pre: list[Token], province_code: str | None):
    """(agency tokens, district, its line, notes). The longest run of tokens before the province
    that is a district of that province wins (ค่าย บางระจัน, not บางระจัน); the agency keeps at
    least one token."""
    for start in range(max(1, len(pre) - MAX_TOKENS_DISTRICT), len(pre)):
        district = _district_name(_joined(pre[start:]), province_code)
        if district is not None and _valid_agency(pre[:start]):
            return pre[:start], district, pre[start][1], []
    if len(pre) < 2:
        return pre, None, None, [("district_missing", "no district cell in the row")]
    text, line = pre[-1]
    if text in _EMPTY_CELL:
        return pre[:-1], None, None, []
    return pre[:-1], text, line, [("district_unknown", f"district {text!r} is not a known district "
                                   "of the province; took the last cell before the province")]


def _agency(tokens: list[Token]) -> tuple[str, str | None]:
    """Full name (abbreviation expanded, stray spaces removed) and the local-government tier."""
    name = _joined(tokens)
    word = type_word(name)
    if word is None:
        return name, None
    rest = name[len(word.printed):]
    if word.tier is not None:
        return expand(word.tier, rest)
    return word.full + rest, None


Title = tuple[str, str | None, int]  # the one province a list's title names: name, geothai code, line


def read_row(tokens: list[Token], title: Title | None = None) -> Row | None:
    """A row from its tokens, or None when no province closes it. A list of one province (its title
    names it, "ลำดับ หน่วยงาน อำเภอ คะแนน ระดับ") closes its rows with a district of that province."""
    rank, rest = _take_rank(tokens)
    rest, extras = _take_trailing(rest)
    score = rest[-1] if rest and _NUMBER.match(rest[-1][0]) else None
    body = rest[:-1] if score else rest
    found = _split_province(body)
    if found is not None:
        (province, code), count = found
        pre, province_line = body[:-count], body[-count][1]
    elif title is not None:
        (province, code, province_line), pre = title, body
    else:
        return None
    agency_tokens, district, district_line, notes = _split_district(pre, code)
    if not agency_tokens or (found is None and (district is None or notes)):
        return None  # without a province in the row, only a known district of the title's places it
    agency, tier = _agency(agency_tokens)
    return Row(tokens[0][1], rank, agency, tier, agency_tokens[0][1], district, district_line, province,
               province_line, score[0] if score else None, score[1] if score else None, extras, notes)


def _row_start(tokens: list[Token]) -> bool:
    """A rank followed by an agency type word: a row begins here, even when it is cut."""
    rank, rest = _take_rank(tokens)
    return rank is not None and bool(rest) and type_word(_joined(rest[:4])) is not None


def _could_be_row(tokens: list[Token]) -> bool:
    """A row starts with a rank or ends with a number (before a grade or result word)."""
    if _RANK.match(tokens[0][0]):
        return True
    rest, _ = _take_trailing(tokens)
    return bool(rest) and _NUMBER.match(rest[-1][0]) is not None


def _complete(row: Row | None) -> bool:
    # A rank or a type word tells a row from a stray "ราชบุรี 88.41" continuation line.
    return row is not None and row.score is not None and (row.rank is not None or row.typed)


# --- the rows of a document ------------------------------------------------------------------

@dataclass
class _Scan:
    rows: list[Row] = field(default_factory=list)
    cut: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of rows with no score
    best_run: int = 0  # most well-formed one-line rows in a row
    header: bool = False


def _tokens(line: Line) -> list[Token]:
    return [(text, line.number) for text in line.text.split() if text != "|"]


def _is_header(tokens: list[Token]) -> bool:
    if not 3 <= len(tokens) <= 12:
        return False
    text = _joined(tokens)
    if "หน่วยงาน" not in text or "คะแนน" not in text or any(_NUMBER.match(t) for t, _ in tokens):
        return False
    ranked = any(t.startswith(_HEADER_RANK_WORDS) for t, _ in tokens)
    district = fold("อำเภอ") in fold(text)
    # "ลำดับ หน่วยงาน อำเภอ คะแนน ระดับ": one province's list, its province in the title
    return "หน่วยงาน" in text and "คะแนน" in text and (
        ("จังหวัด" in text and (district or ranked)) or (district and ranked))


def _is_district_header(tokens: list[Token]) -> bool:
    if not any(t.startswith("คะแนน") for t, _ in tokens):  # most lines: no need to fold their words
        return False
    texts = [fold(text) for text, _ in tokens]
    return (3 <= len(texts) <= 12 and fold("อำเภอ") in texts and any(t.startswith("คะแนน") for t in texts)
            and any(t.endswith("หน่วยงาน") for t in texts) and fold("จังหวัด") not in texts)


def _strong(row: Row) -> bool:
    return row.rank is not None and row.typed and bool(_SCORE_ANY.match(row.score or ""))


class _Reader:
    """Walks the lines once; a row cut by a page break is joined with the line that completes it."""

    def __init__(self, title: Title | None = None) -> None:
        self.title = title
        self.scan = _Scan()
        self.pending: list[Token] | None = None  # the first half of a row, waiting for the rest
        self.gap = 0
        self.run = 0

    def flush(self) -> None:
        # A lone number (a page number, or a rank cut from its row) is no evidence of a lost row.
        if self.pending and _row_start(self.pending):
            self.scan.cut.append((self.pending[0][1], " ".join(t for t, _ in self.pending)))
        self.pending = None

    def add(self, row: Row, one_line: bool) -> None:
        self.scan.rows.append(row)
        self.run = self.run + 1 if one_line and _strong(row) else 0
        self.scan.best_run = max(self.scan.best_run, self.run)

    def line(self, tokens: list[Token]) -> None:
        if self.pending is None and not _could_be_row(tokens):
            self.noise(tokens)  # most lines of most documents: skip the knowledge-based split
            return
        row = read_row(tokens, self.title)
        whole = _complete(row)
        ranked = _take_rank(tokens)[0] is not None
        # The second half of a cut row has no rank and is no row by itself (a lone rank may be
        # followed by a whole row without rank).
        if self.pending is not None and not ranked and (not whole or len(self.pending) == 1):
            if self.join(tokens):
                return
        if whole:
            self.flush()
            self.add(row, True)
        elif _row_start(tokens) or (ranked and len(tokens) == 1 and self.scan.rows):
            self.flush()
            self.pending, self.gap = tokens, 0
        else:
            self.noise(tokens)

    def join(self, tokens: list[Token]) -> bool:
        row = read_row(self.pending + tokens, self.title)
        if not _complete(row):
            return False
        self.pending = None
        self.add(row, False)
        return True

    def noise(self, tokens: list[Token]) -> None:
        self.run = 0
        self.scan.header = self.scan.header or _is_header(tokens)
        if self.pending is not None:
            self.gap += 1
            if self.gap > MAX_GAP_LINES:
                self.flush()


_TITLE_LINES = 12  # where a list's title stands


def _title(lines: list[Line]) -> Title | None:
    """The province of a list that has a district column but none for the province."""
    if not lines or not any(_is_district_header(_tokens(line)) for line in lines if "คะแนน" in line.text):
        return None
    found = title_province(lines[:_TITLE_LINES], lines[min(len(lines), _TITLE_LINES) - 1].number + 1)
    if found is None:
        return None
    name, line = found
    code = province_index().get(fold(name), (name, None))[1]
    return name, code, line


@per_document
def scan_lines(lines: list[Line]) -> _Scan:
    reader = _Reader(_title(lines))
    for line in lines:
        tokens = _tokens(line)
        if tokens:
            reader.line(tokens)
    reader.flush()
    return reader.scan


@per_document
def _row_lines(lines: list[Line]) -> list[Line]:
    """The lines as rows. A table copied from some pages comes one cell per line ("1", the agency,
    the district, the province, the score): when a rank alone on its line is followed by an
    agency name at least three times, the cells from each rank to the next become one row."""
    starts = [i for i, line in enumerate(lines[:-1])
              if _RANK.match(line.text.strip()) and type_word("".join(lines[i + 1].text.split()[:1]))]
    if len(starts) < MIN_ROW_RUN:
        return lines
    out = list(lines[:starts[0]])
    patterns = headline_patterns(load_rubric())
    for start, end in zip(starts, [*starts[1:], None]):
        cells = [line for line in lines[start:end] if line.text.strip()]
        # A row ends at its score (and the grade or result word after it); text after the table
        # or a page footer stays apart.
        score = next((i for i, cell in enumerate(cells) if i >= 2 and _CELL_NUMBER.match(cell.text.strip())), None)
        stop = len(cells) if score is None else score + 1
        if stop < len(cells) and (patterns.grade_word.match(cells[stop].text.strip())
                                  or patterns.result_word.match(cells[stop].text.strip())):
            stop += 1
        if stop > MAX_CELLS:
            out.extend(lines[start:end])
            continue
        out.append(Line(cells[0].number, " ".join(cell.text.strip() for cell in cells[:stop])))
        out.extend(cells[stop:])
    return out


def _has_title(text: str) -> bool:
    return TITLE in text or TITLE in "".join(text.split())  # PDF text may split the title


def is_province_list(document: Document) -> bool:
    """The ITAS title, or a list header / a run of rows in a document about no other assessment."""
    scan = scan_lines(_row_lines(document.lines))
    if not scan.rows:
        return False
    text = document.text
    if _has_title(text):
        return True
    other = any(word in text.lower() for word in OTHER_ASSESSMENTS)
    return not other and (scan.header or scan.best_run >= MIN_ROW_RUN)


# --- records ---------------------------------------------------------------------------------

def _score(printed: str | None, two_decimals: bool) -> float | None:
    """The score when it is complete: a wrong number is worse than a missing one."""
    if printed is None or not (_SCORE_2 if two_decimals else _SCORE_ANY).match(printed):
        return None
    value = float(printed)
    return value if 0 <= value <= 100 else None


def _known_name(printed: str) -> str:
    """The full name of an agency a row prints by its short form ("สพป.ลำปาง เขต 1", "มรภ.ลำปาง"), when
    the cell names exactly that one agency; else the name as printed."""
    mention = whole_mention(printed)
    return mention.name if mention is not None else printed


def _build(document: Document, row: Row, score: float | None, year: int | None) -> Assessment:
    builder = RecordBuilder(document, "province_list")
    builder.set("agency", row.agency if row.agency_type else _known_name(row.agency), row.agency_line)
    builder.set("agency_type", row.agency_type, row.agency_line)
    builder.set("district", row.district, row.district_line)
    builder.set("province", row.province, row.province_line)
    builder.set("overall_score", score, row.score_line)
    builder.set("rank", row.rank, row.line if row.rank is not None else None)
    set_year(builder, document.lines, year)
    rubric = load_rubric()
    old_scheme = (builder.values.get("fiscal_year") or rubric.first_itas_year) < rubric.first_itas_year
    for name, value, line in row.extras:
        if value not in rubric.old_level_words or old_scheme:  # "สูง" is a level only before the ITAS
            builder.set(name, value, line)
    for code, message in row.notes:
        builder.warn(code, f"line {row.line}: {message}", row.line)
    if not row.typed:
        builder.warn("agency_type_unknown", f"line {row.line}: {row.agency!r} starts with no known "
                     "agency type word", row.agency_line)
    return builder.build()


def parse_text_rows(document: Document, *, year: int | None = None) -> list[Assessment]:
    """One record per row; a cut score is left empty with a warning, and a row too short to place
    its agency gives a warning instead of a record."""
    if not is_province_list(document):
        return []
    scan = scan_lines(_row_lines(document.lines))
    printed = [row.score for row in scan.rows if row.score]
    two_decimals = 2 * sum(1 for s in printed if _SCORE_2.match(s)) > len(printed)
    records, problems = [], []
    for row in scan.rows:
        score = _score(row.score, two_decimals)
        if score is None and not row.typed:
            problems.append((row.line, f"line {row.line}: score {row.score!r} of {row.agency} is not a "
                             "complete score as the list prints them; no record"))
            continue
        record = _build(document, row, score, year)
        if score is None:  # the row names the agency and its place; its score was cut off
            record.warn("province_row_incomplete", f"line {row.line}: score {row.score!r} is not a "
                        "complete score as the list prints them; the score is left empty", row.line)
        records.append(record)
    problems += [(line, f"line {line}: {_why_cut(text)} ({text!r}); no record") for line, text in scan.cut]
    _attach(records, problems)
    return records


def _why_cut(text: str) -> str:
    if _NUMBER.match(text.split()[-1]):
        return "no known province before the score"
    return "row cut short"


def _attach(records: list[Assessment], problems: list[tuple[int, str]]) -> None:
    """Each problem goes to the record of the row just before it (the first record when none is),
    so that it is reported once and next to where it happened."""
    if not records:
        return
    for line, message in problems:
        before = [r for r in records if r.source.lines.get("agency", 0) < line]
        (before[-1] if before else records[0]).warn("province_row_incomplete", message, line)
