"""The sections that read the results: strengths, weaknesses and trends, the agency's own
analysis in its words, what to improve first, and the documents' recommendations."""
from __future__ import annotations

import pandas as pd

from ita_lib import fields, rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.causes import AGENCY, ISSUE_SEPARATOR, NACC, called_weak, weakness_causes
from ita_lib.analysis.numbers import fmt
from ita_lib.parse.recommendations import split_headings
from ita_lib.report.document import Block, Bullets, Cell, Heading, Note, Paragraph, Section, Table
from ita_lib.report.sections.common import (STATUS_TH, as_written, doubt_notes, doubts_of, indicator_title,
                                            item_code, level_cell, marked_score, number_cell, own_words_cell, score,
                                            weak_items, year)

NO_INSTRUMENT = "ไม่ระบุแบบวัด"


def strengths_weaknesses(a: AgencyAnalysis) -> Section:
    groups: list[list[Block]] = []
    for key, title in (("strengths", "จุดแข็ง"), ("weaknesses", "จุดอ่อน"), ("trends", "แนวโน้ม")):
        sentences = a.narrative.sections.get(key, [])
        if sentences:
            groups.append([Heading(title), *(Paragraph(s) for s in sentences)])
    latest = a.indicators[a.indicators["fiscal_year"] == a.latest_year].set_index("indicator")
    judged = [n for n in called_weak(a.actions, a.latest_year)
              if n in latest.index and latest.at[n, "score"] >= a.config.passing]
    if judged:  # the agency's own judgement, beside the report's levels
        listed = ", ".join(f"{indicator_title(n, a.config)} ({score(latest.at[n, 'score'], a.config)})" for n in judged)
        groups.append([Heading("จุดอ่อนตามการวิเคราะห์ของหน่วยงาน"),
                       Paragraph(f"หน่วยงานระบุในผลการวิเคราะห์ว่าเป็นจุดอ่อนที่ต้องพัฒนา แม้คะแนนผ่านเกณฑ์แล้ว: {listed}")])
    causes = weakness_causes(a.scores, a.actions, a.recommendations, a.latest_year, a.config, a.confirmed)
    advised = causes[causes["source"] != AGENCY]  # the agency's own analysis has its table below
    if len(advised):
        rows = tuple((Cell(indicator_title(r.indicator, a.config)),
                      Cell(items=tuple(as_written(issue, a.config) for issue in
                                       (r.cause.split(ISSUE_SEPARATOR) if r.source == NACC else (r.cause,)))))
                     for r in advised.itertuples(index=False))
        groups.append([Heading("สาเหตุของจุดอ่อน"), Table(("ตัวชี้วัด", "สาเหตุ"), rows, style="data")])
    doubts = doubt_notes(a, a.latest_year)
    if groups and doubts:  # a strength or weakness may rest on a score the documents give twice
        groups.insert(1, doubts)
    weak = weak_items(a)
    if not weak.empty:  # items below the pass mark are weaknesses even where indicators are missing
        listed = ", ".join(f"ข้อ {item_code(r.code, a.config)}" + (f" (แบบวัด {r.instrument})" if r.instrument else "")
                           + f" ได้ {fmt(r.score, a.config)}" for r in weak.itertuples(index=False))
        groups.append([Heading("คะแนนรายข้อที่ต่ำกว่าเกณฑ์"), Paragraph(listed)])
    blocks = tuple(block for group in groups for block in group) or (Note("ไม่มีข้อมูลพอสำหรับการวิเคราะห์"),)
    return Section("strengths_weaknesses", "จุดแข็ง จุดอ่อน และแนวโน้ม", blocks)


def _indicator_analysis(a: AgencyAnalysis, by_indicator: pd.DataFrame, fiscal_year: int) -> Table:
    """The agency's analysis per indicator, weakest indicator first."""
    config = a.config
    scores = a.indicators[a.indicators["fiscal_year"] == fiscal_year].set_index("indicator")
    doubted = set(doubts_of(a, fiscal_year)["field"])  # the agency's text may quote the other value
    rows = []
    for number, group in by_indicator.groupby("indicator"):
        number = int(number)
        value = scores["score"].get(number)  # None: no score for it that year
        rows.append((999.0 if value is None else value, number,
                     (Cell(f"{fmt(number, config, None)}. {rubric.load().indicators[number].name}"),
                      marked_score(value, fields.indicator(number), doubted, config),
                      level_cell(scores["level"].get(number)),
                      own_words_cell(" ".join(group["analysis"].astype(str)), config))))
    return Table(("ตัวชี้วัด", "คะแนน", "ระดับ", "ผลการวิเคราะห์ของหน่วยงาน"),
                 tuple(cells for _, _, cells in sorted(rows, key=lambda r: r[:2])), style="data own-analysis")


def own_analysis(a: AgencyAnalysis) -> Section | None:
    """The agency's own analysis, as its latest documents write it: per indicator (the analysis column
    of its action table, weakest indicator first), per topic where it analyses by topic instead, and
    its account of its limitations. The report keeps the agency's words, in the report's digits."""
    config = a.config
    fiscal_year = a.latest_year
    if fiscal_year is None:
        return None
    own = a.actions[(a.actions["fiscal_year"] == fiscal_year)
                    & a.actions["analysis"].fillna("").astype(str).str.strip().astype(bool)]
    by_indicator = own[own["indicator"].notna()]
    by_topic = own[own["indicator"].isna()]
    limits = (a.limitations[a.limitations["fiscal_year"] == fiscal_year] if not a.limitations.empty
              else a.limitations)
    if own.empty and limits.empty:
        return None
    blocks: list[Block] = []
    if not by_indicator.empty:
        blocks.append(_indicator_analysis(a, by_indicator, fiscal_year))
    if not by_topic.empty:
        blocks.append(Table(("ประเด็น", "ผลการวิเคราะห์ของหน่วยงาน"), tuple(
            (Cell(as_written(str(r.topic or "–"), config)), own_words_cell(str(r.analysis), config))
            for r in by_topic.itertuples(index=False)), style="data own-analysis topics"))
    if not limits.empty:
        blocks += [Heading("ข้อจำกัดของหน่วยงาน"), *(Paragraph(as_written(t, config)) for t in limits["text"])]
    return Section("own_analysis", f"ผลการวิเคราะห์ของหน่วยงาน ปีงบประมาณ {year(fiscal_year, config)}",
                   tuple(blocks))


def priorities(a: AgencyAnalysis, audience: str = "analyst") -> Section:
    config = a.config
    title = "ประเด็นที่ควรเร่งพัฒนา"
    if a.priorities.empty:
        return Section("priorities", title, (Note("ไม่มีคะแนนรายตัวชี้วัดให้จัดลำดับ"),))
    room = a.priorities[a.priorities["gain_to_full"].fillna(0) > 0]
    if room.empty:  # every indicator at 100: a table of zeros says nothing
        weak = weak_items(a)
        items = ("" if weak.empty else " จุดที่ควรแก้ไขอยู่ที่คะแนนรายข้อ: " + ", ".join(
            f"ข้อ {item_code(r.code, config)} ({score(r.score, config)})" for r in weak.itertuples(index=False)))
        return Section("priorities", title, (Paragraph(
            "ตัวชี้วัดที่มีคะแนนทุกตัวได้เต็ม " + fmt(100, config, None)
            + " คะแนน จึงไม่มีตัวชี้วัดที่ต้องเร่งยกระดับ" + items),))
    table = Table(("ลำดับ", "ตัวชี้วัด", "คะแนน", "น้ำหนัก", f"คะแนนรวมเพิ่มหากถึง {fmt(config.passing, config, 0)}",
                   f"คะแนนรวมเพิ่มหากถึง {fmt(100, config, None)}"), tuple(
        (number_cell(fmt(r.priority, config, None)), Cell(f"{fmt(r.indicator, config, None)}. {r.name}"),
         number_cell(score(r.score, config)), number_cell(fmt(r.weight * 100, config, 0) + "%"),
         number_cell(score(r.gain_to_pass, config)), number_cell(score(r.gain_to_full, config)))
        for r in room.itertuples(index=False)))
    status = a.priorities["weights_status"].iloc[0]
    # How sure the weights are is the analyst's concern; the agency publishes the ranking.
    caveat = (Note("น้ำหนักของปีนี้" + STATUS_TH[status]),) if status in STATUS_TH and audience == "analyst" else ()
    return Section("priorities", title, (*(Paragraph(s) for s in a.narrative.sections.get("priorities", [])),
                                         table, *caveat))


def _advice_blocks(texts: list[str], config: AnalysisConfig) -> list[Block]:
    """One instrument's recommendations in the document's order: an introduction ("... ดังนี้") as a
    paragraph, each indicator and sub-indicator heading once above the bullets under it."""
    blocks: list[Block] = []
    bullets: list[str] = []
    current: tuple[str, ...] = ()
    for text in texts:
        headings, body = split_headings(text)
        body = as_written(body, config)  # one digit system on the page
        if headings != current or body.rstrip(" :").endswith("ดังนี้"):
            if bullets:
                blocks.append(Bullets(tuple(bullets)))
                bullets = []
            same = 0  # the headings shared with the previous bullets are not printed again
            while same < min(len(headings), len(current)) and headings[same] == current[same]:
                same += 1
            blocks += [Paragraph(as_written(h, config), leads_in=True) for h in headings[same:]]
            current = headings
        if body.rstrip(" :").endswith("ดังนี้"):
            blocks.append(Paragraph(body, leads_in=True))
        else:
            bullets.append(body)
    if bullets:
        blocks.append(Bullets(tuple(bullets)))
    return blocks


def recommendations(a: AgencyAnalysis) -> Section | None:
    """The NACC's recommendations of the latest year, by instrument, as the documents give them."""
    recs = a.recommendations
    if recs.empty:
        return None  # no section rather than one that says the documents give none
    latest = recs[recs["fiscal_year"] == recs["fiscal_year"].max()]
    blocks: list[Block] = []
    for instrument in (*rubric.load().instrument_codes, None):
        chosen = (latest[latest["instrument"].isna()] if instrument is None
                  else latest[latest["instrument"] == instrument])
        if not chosen.empty:
            blocks += [Heading(NO_INSTRUMENT if instrument is None else f"แบบวัด {instrument}"),
                       *_advice_blocks([str(t) for t in chosen["text"]], a.config)]
    fiscal_year = year(int(latest["fiscal_year"].iloc[0]), a.config)
    return Section("recommendations", f"ข้อเสนอแนะจากผลการประเมินของสำนักงาน ป.ป.ช. ปี {fiscal_year}",
                   tuple(blocks))
