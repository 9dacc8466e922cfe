"""The title of an agency's analysis of its ITA result, and the agency it names.

An analysis is titled with the year whose result it analyses ("รายงานการวิเคราะห์ผลการประเมิน… (ITA)
ประจำปีงบประมาณ 2568 และมาตรการ… ประจำปีงบประมาณ 2569", "การวิเคราะห์และนำผลการประเมิน ITA ประจำปี
๒๕๖๘ ไปสู่การปฏิบัติ"): the first year the title writes is the assessed one, a later one is the year
of the measures. The agency is named just under the title, on a line of its own or after a label
("หน่วยงาน:", "ชื่อหน่วยงาน"), its district and province on that line or in a block of facts
("อำเภอ โชคชัย", "จังหวัด: นครราชสีมา"); a title may name it itself ("…ของเทศบาลตำบลหนองบัวทอง").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ita_lib.io.document import Line
from ita_lib.parse.agency import find_local_agencies, type_keys, type_word
from ita_lib.parse.places import fold, province_index

_ITA_WORDS = ("ITA", "คุณธรรม", "โปร่งใส")  # the title says which assessment it analyses
# A title about a group ("…ขององค์กรปกครองส่วนท้องถิ่นในจังหวัดชัยภูมิ", "หน่วยงานในสังกัด"): many agencies' analysis
_GROUP_WORDS = ("ในจังหวัด", "ในสังกัด", "ทุกแห่ง", "ในพื้นที่", "องค์กรปกครองส่วนท้องถิ่น", "อปท.", "หน่วยงานภายใต้")
ANALYSIS_WORDS = ("วิเคราะห์ผลการประเมิน", "วิเคราะห์และนำผลการประเมิน", "วิเคราะห์และนําผลการประเมิน")
_TITLE_REACH = 12  # nonblank lines from the top a title may start within (a site's menu may come first)
_TITLE_LINES = 3  # lines a PDF may wrap a title over before its year
_BLOCK_REACH = 10  # nonblank lines under the title that may name the agency and its place
_TITLE_TAIL = 80  # a line going on with the title after its year, not a paragraph

# "ประจำปีงบประมาณ 2568", "ในปีงบประมาณ พ.ศ.๒๕๖๘", "ITA ประจำปี ๒๕๖๘", "(ITA) 2568"
_TITLE_YEAR = re.compile(r"(?:ปี(?:งบประมาณ)?|ITA\)?)\s*(?:พ\.\s?ศ\.)?\s*(25\d\d)(?!\d)")
_LABEL = re.compile(r"^[#*\s]*(?:ชื่อหน่วยงาน|หน่วยงาน)\s*[:：]?\s*")
# A place word that ends a name: "เทศบาลตำบลหนองเส้า อำเภอชุมแพ จังหวัดขอนแก่น"
_PLACE_AFTER = re.compile(r"\s+(?:อ[ำา]เภอ|อ\.|จังหวัด|จ\.|ตำบล|ต\.)|\s*$")
_MINISTRY = "กระทรวง"
_PLACE_FIRST = re.compile(r"^(?:อ[ำา]เภอ|อ\.|จังหวัด|จ\.|ต[ำา]บล|ต\.)")
_FACT_LABELS = ("ประเภทหน่วยงาน", "ปีงบประมาณ", "วันที่", "จังหวัด", "อำเภอ", "สังกัด")
# The text reader may join a type word alone on its line to the label under it ("เทศบาลเมือง" /
# "อำเภอ" read "เทศบาลเมืองอำเภอ"): a label may follow a letter, except จังหวัด in "…ส่วนจังหวัด".
_DISTRICT = re.compile(r"(?:อ[ำา]เภอ|(?<![\u0e01-\u0e4e])อ\.)\s*[:：]?\s*([\u0e01-\u0e4e]+)")
_PROVINCE = re.compile(r"(?:(?<!ส่วน)จังหวัด|(?<![\u0e01-\u0e4e])จ\.)\s*[:：]?\s*([\u0e01-\u0e4e]+)")
_SCORE = re.compile(r"\d\.\d")


@dataclass(frozen=True)
class AnalysisTitle:
    year: int  # the assessed fiscal year the title writes
    line: int  # its line number
    end: int  # index (in the lines given) of the first line after the title


@dataclass(frozen=True)
class TitledAgency:
    name: str  # as the document writes it, an abbreviated type word written in full
    agency_type: str | None  # "อบต.", "ทต.", ... for local governments
    line: int
    district: str | None = None
    province: str | None = None


def is_analysis_title(text: str) -> bool:
    folded = fold(text)
    return any(fold(word) in folded for word in ANALYSIS_WORDS)


def analysis_title(lines: list[Line]) -> AnalysisTitle | None:
    """The title of an analysis near the top, with the year it analyses; None when there is none."""
    nonblank = [i for i, line in enumerate(lines) if line.text.strip()][:_TITLE_REACH]
    for position, index in enumerate(nonblank):
        if not is_analysis_title(lines[index].text):
            continue
        taken = nonblank[position:position + _TITLE_LINES]
        text = ""
        for count, at in enumerate(taken):
            if count and _agency_line(lines[at]) is not None:
                break  # the name under a title with no year
            text = f"{text} {lines[at].text}".strip()
            match = _TITLE_YEAR.search(text)
            if match and any(word in text for word in _ITA_WORDS):
                end = at + 1
                if end < len(lines) and _TITLE_YEAR.search(lines[end].text) is None and not lines[end].is_row \
                        and _agency_line(lines[end]) is None and len(lines[end].text) <= _TITLE_TAIL:
                    text, end = f"{text} {lines[end].text}", end + 1  # the title goes on: "…ของหน่วยงานในจังหวัด X"
                if any(word in text for word in _GROUP_WORDS):
                    return None
                return AnalysisTitle(int(match.group(1)), lines[index].number, end)
        return None
    return None


def _agency_line(line: Line) -> TitledAgency | None:
    """A line that is an agency's name (optionally labelled, optionally followed by its place)."""
    text = _LABEL.sub("", line.text.replace("\t", " ")).strip()
    word = type_word(text)
    if word is None or _SCORE.search(text) or _PLACE_FIRST.match(text):
        return None  # "อำเภอเมืองสุโขทัย จังหวัดสุโขทัย" under the name is its place, not a district office
    if _PLACE_FIRST.match(text[len(word.printed):]):
        return None  # a type word the text reader joined to the label under it: "องค์การบริหารส่วนตำบลอำเภอ"
    end = _PLACE_AFTER.search(text, len(word.printed))
    name, rest = text[:end.start()].strip(), text[end.start():]
    if fold(name) in type_keys() or " " in name and not re.search(r"\sเขต\s?\d{1,2}$", name):
        return None  # a type word alone ("ประเภทหน่วยงาน" / "เทศบาลเมือง") or words after a name: a sentence
    if word.printed != word.full and fold(name).startswith(fold(word.printed)):
        name = word.full + name[len(word.printed):].lstrip()  # "ทต.หนองบัวทอง": the type word in full
    district, province = _place(rest)
    return TitledAgency(name, word.tier, line.number, district, province)


def titled_agency(lines: list[Line], title: AnalysisTitle) -> TitledAgency | None:
    """The agency the analysis is about: the first name line under the title, else a local
    government the title itself names; its district and province from the block under the title."""
    block = [line for line in lines[title.end:] if line.text.strip()][:_BLOCK_REACH]
    named = [agency for agency in map(_agency_line, block) if agency is not None]
    # several agencies under the title are a list, not one agency's analysis; a ministry under a
    # department's name ("กรมประมง" / "กระทรวงเกษตรและสหกรณ์") is where it belongs
    if any(fold(agency.name) != fold(named[0].name) for agency in named[1:]
           if not agency.name.startswith(_MINISTRY)):
        return None
    found = named[0] if named else None
    if found is None:
        title_text = " ".join(line.text for line in lines[:title.end] if line.number >= title.line)
        hits = find_local_agencies(title_text)
        if not hits:
            return None
        hit = hits[0][1]
        found = TitledAgency(hit.name, hit.agency_type, title.line, hit.district, hit.province)
    if found.district and found.province:
        return found
    facts = " ".join(line.text.replace("\t", " ") for line in block)
    district, province = _place(facts)
    return TitledAgency(found.name, found.agency_type, found.line, found.district or district,
                        found.province or province)


def _place(text: str) -> tuple[str | None, str | None]:
    """The district and province a text labels ("อำเภอ เมืองนครราชสีมา", "จังหวัด: ขอนแก่น"); a label
    whose value is another label or a dash gives none, and a province must be one of the 77."""
    district = _DISTRICT.search(text)
    province = _PROVINCE.search(text)
    district_name = district.group(1) if district else None
    if district_name and any(district_name.startswith(label) for label in _FACT_LABELS):
        district_name = None
    province_name = province_index().get(fold(province.group(1)), (None,))[0] if province else None
    return district_name, province_name
