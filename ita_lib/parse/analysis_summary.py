"""The assessed year's overall, result, grade and instruments in an analysis's summary, from every
way the summary states them, which must agree.

Three readers see the summary: its labelled values (tiles, rows: `summary_values`), its headline
lines ("ได้รับคะแนนการประเมินรวม ๙๑.๙๔ คะแนน อยู่ในระดับ "ผ่าน"", "IIT …: 99.96": `headline`) and its
sentences (the prose reader's record of the agency and year). A value one of them marks as
computed ("(คำนวณจากคะแนนรายตัวชี้วัด)"), or a pass of the mark read as a result word ("ผ่านเกณฑ์"),
is no candidate; a field given two different values is left out with a warning. The result is
the summary's; a sentence may give an instrument's score after the indicator table ("IIT 93.43
EIT 86.82 OIT 80.70"), never on a line that names an indicator or an item, whose score it is.
"""
from __future__ import annotations

import re

from ita_lib.io.document import Line
from ita_lib.model import Assessment
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.headline import read_headline
from ita_lib.parse.indicator_names import find_indicator_names
from ita_lib.parse.places import fold
from ita_lib.parse.summary_values import Labelled, is_computed, labelled_values
from ita_lib.rubric import load as load_rubric

SUMMARY_FIELDS = ("overall_score", "grade", "result")
_PAIR = re.compile(r"(\d{1,3}(?:\.\d{1,2})?) \(line (\d+)\)")
_ITEM = re.compile(r"(?<![A-Za-z])[OoEeIi]\d{1,2}(?!\d)")
_JOINED = 4  # lines of a sentence the prose reader joined


def read_summary(lines: list[Line], builder: RecordBuilder, year: int, said: Assessment | None) -> None:
    """The overall, result, grade and instruments of the summary: its labelled values, its
    headline lines and what its sentences say (`said`, the prose reader's record of the agency and
    year) must agree; a field given two different values is left out with a warning. The result
    is stated in the summary; an instrument's score may follow the indicator table ("IIT 93.43 EIT
    86.82 OIT 80.70"), on a line naming no indicator or item."""
    headline = RecordBuilder(builder.document, builder.kind)
    read_headline(lines, headline, year)
    candidates = labelled_values(lines, year)
    region = {line.number for line in lines}
    texts: dict[int, list[str]] = {}
    for line in builder.document.lines:  # HTML gives a section's lines one number
        texts.setdefault(line.number, []).append(line.text)
    for name in SUMMARY_FIELDS:
        value, line = headline.values.get(name), headline.lines.get(name)
        if value is not None and not _computed(texts.get(line, []), value):
            candidates.append(Labelled(name, value, line))
    for code, score in headline.instruments.items():
        candidates.append(Labelled(code, score, headline.lines.get(f"instruments.{code}")))
    candidates += _sentence_values(said, region, texts)
    for field in dict.fromkeys(candidate.field for candidate in candidates):
        given = [c for c in candidates if c.field == field]
        values = list(dict.fromkeys(round(v, 2) if isinstance(v, float) else v for v in (c.value for c in given)))
        if len(values) > 1:
            listed = ", ".join(f"{c.value} (line {c.line})" for c in given)
            builder.warn("ambiguous_score" if field not in ("grade", "result") else "conflicting_values",
                         f"several values for {field} in the summary: {listed}; none kept", given[0].line)
        elif field in SUMMARY_FIELDS:
            builder.set(field, values[0], given[0].line)
        else:
            builder.set_instrument(field, values[0], given[0].line)


def _sentence_values(said: Assessment | None, region: set[int], texts: dict[int, list[str]]) -> list[Labelled]:
    """The sentences' values of the assessed year that are not computed: the result in the summary
    (`region`) and an overall the summary gives once (the prose reader may keep one of several)."""
    if said is None:
        return []
    found = []
    fields = [(name, getattr(said, name), said.source.lines.get(name)) for name in SUMMARY_FIELDS]
    fields += [(code, score, said.source.lines.get(f"instruments.{code}")) for code, score in said.instruments.items()]
    for name, value, line in fields:
        # the prose reader joins a sentence's lines and gives it the number of its first
        written = [text for number in range(line or 0, (line or 0) + _JOINED) for text in texts.get(number, [])]
        if value is None or _computed(written, value):
            continue
        if name in SUMMARY_FIELDS and line not in region:
            continue  # a score after the summary is an indicator's, quoted in the agency's analysis
        if name not in SUMMARY_FIELDS and any(map(_names_other_scores, _holding(written, value))):
            continue  # "1. การปฏิบัติหน้าที่ IIT 98.60", "ข้อ O13 (แบบวัด OIT) ได้ 50.00": not the instrument's
        if name == "overall_score" and _several_overalls(said, value, region):
            continue
        found.append(Labelled(name, value, line))
    return found


def _names_other_scores(text: str) -> bool:
    """A line naming an indicator or an item: a score on it is theirs (the instruments' own names
    hold indicator names: "แบบวัดการเปิดเผยข้อมูลสาธารณะ")."""
    rest = fold(text.replace(" ", ""))
    for instrument in load_rubric().instruments.values():
        rest = rest.replace(fold(instrument.name.replace(" ", "")), " ")
    return bool(_ITEM.search(text) or find_indicator_names(rest))


def _several_overalls(said: Assessment, kept: float, region: set[int]) -> bool:
    """Whether the prose reader kept its overall out of several the summary gives."""
    for warning in said.warnings:
        if warning.code == "ambiguous_score" and "one agency and year" in warning.message:
            others = [int(n) for v, n in _PAIR.findall(warning.message) if abs(float(v) - kept) > 0.005]
            if any(n in region for n in others):
                return True
    return False


def _written(value) -> tuple[str, ...]:
    return (f"{value:.2f}", f"{value:g}") if isinstance(value, float) else (str(value),)


def _holding(texts: list[str], value) -> list[str]:
    """The lines (of those sharing a number) that write the value."""
    return [text for text in texts if any(w in text for w in _written(value))] or texts


def _computed(texts: list[str], value) -> bool:
    """Whether the lines that write a value mark it as computed ("ได้คะแนน ITA 87.00 คะแนน (คำนวณจาก…)",
    "คะแนนรวม ITA ปี 2567 (คำนวณ)99.74", "ผลการประเมินผ่านเกณฑ์ (คำนวณ)"), or write a result word only as a
    pass of the mark ("ผ่านเกณฑ์": the score reaches 85, which says nothing of the level)."""
    seen = plain = False
    for text in texts:
        for written in _written(value):
            for match in re.finditer(re.escape(written), text):
                before, after = text[max(0, match.start() - 12):match.start()], text[match.end():match.end() + 40]
                seen = True
                if isinstance(value, float):
                    if is_computed(after) or is_computed(before):
                        return True
                elif not (after.lstrip().startswith("เกณฑ์") or is_computed(after[:15])):
                    plain = True
    return isinstance(value, str) and seen and not plain
