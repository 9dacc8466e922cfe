"""Agencies a news text ranks without printing their scores: "สสจ.อ่างทองได้อันดับหนึ่ง", "อันดับ 2
“กรมที่ดิน”", "3 อันดับแรกคือ สป.สธ. สรพ. กรมการแพทย์". Each was assessed that year, and that is all the
text says of it: a record of its name and year with no value, and a warning saying so."""
from __future__ import annotations

import re

from ita_lib.io.document import Document, Line
from ita_lib.model import Assessment
from ita_lib.parse.builder import RecordBuilder
from ita_lib.parse.mentions import RANKED_BEFORE, SUBJECT, Mention

# "…ได้อันดับหนึ่ง", "“กองทัพบก” คว้ารางวัลโปร่งใสที่สุด" (an ITA award: the text names no other)
_RANK_AFTER = re.compile(r"\s?[\"”’']?\s?(?:(?:ได้|คว้า|ติด|ครอง|เป็น)(?:คะแนน)?\s?(?:อันดับ|ที่)\s?(?:ที่)?\s?"
                         r"(?:\d{1,2}(?!\d|\.\d)|หนึ่ง|สอง|สาม)|(?:ได้รับ|คว้า)รางวัล)")
_TOP_LIST = re.compile(r"อันดับแรก\s?(?:คือ|ได้แก่|ได้แก|:)\s?")
_LIST_GAP = re.compile(r"[\s,]*(?:และ)?\s?")


def _top_listed(text: str, mentions: list[Mention]) -> set[int]:
    """The starts of the names listed right after "N อันดับแรกคือ", one after another."""
    listed: set[int] = set()
    for match in _TOP_LIST.finditer(text):
        end = match.end()
        for mention in mentions:
            if mention.start < end:
                continue
            if not _LIST_GAP.fullmatch(text, end, mention.start):
                break
            listed.add(mention.start)
            end = mention.end
    return listed


def ranked_without_scores(document: Document, lines: list[tuple[Line, list[Mention]]], year: int | None,
                          year_line: int | None, recorded: set[str]) -> list[Assessment]:
    """Records of the agencies ranked in `lines` (lines about the ITA) that have no record in `recorded`."""
    out: list[Assessment] = []
    for line, mentions in lines:
        text = line.text
        listed = _top_listed(text, mentions)
        for mention in mentions:
            if mention.role != SUBJECT or mention.name in recorded:
                continue
            if not (_RANK_AFTER.match(text, mention.end) or mention.start in listed
                    or RANKED_BEFORE.search(text, max(0, mention.start - 30), mention.start)):
                continue
            builder = RecordBuilder(document, "prose")
            builder.set("agency", mention.name, line.number)
            builder.set("agency_type", mention.agency_type, line.number)
            builder.set("province", mention.province, line.number)
            builder.set("fiscal_year", year, year_line)
            builder.warn("no_score", "the text ranks the agency but prints no score or grade", line.number)
            out.append(builder.build())
            recorded.add(mention.name)
    return out
