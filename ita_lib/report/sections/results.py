"""The sections on the results themselves: the title block, the latest result, the scores by
instrument, indicator and item, the years side by side and the charts across years."""
from __future__ import annotations

import datetime
import re

import pandas as pd
from pythainlp.util import thai_strftime

from ita_lib import fields, rubric
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.history import COMPUTED, CONFIRMED, OWN_WORDS, PRINTED
from ita_lib.analysis.labels import LEVELS
from ita_lib.analysis.numbers import digits, fmt
from ita_lib.analysis.report_text import comparison_table
from ita_lib.parse.agency import agency_types
from ita_lib.report.document import Cell, Figure, Note, Paragraph, Section, Table, Tiles, TitleBlock
from ita_lib.report.sections.common import (STATUS_TH, doubt_notes, doubts_of, item_code, level_cell, marked_score,
                                            number_cell, score, signed, weak_items, year)

REPORT_KIND = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
_NUMBER = re.compile(r"^\s*(?:[-+–]?[0-9๐-๙][0-9๐-๙.,]*|[-–])\s*$")  # a score, a change or a dash


def title_block(a: AgencyAnalysis, today: datetime.date | None = None) -> TitleBlock:
    config = a.config
    confirmed = a.confirmed.get("report_date")  # the date the agency set, else the day of the build
    today = today or (datetime.date.fromisoformat(confirmed) if confirmed else datetime.date.today())
    built = thai_strftime(datetime.datetime(today.year, today.month, today.day), "%-d %B %Y",
                          thaidigit=config.digits == "thai")
    years = a.years["fiscal_year"].tolist()
    span = "–" if not years else (year(years[0], config) if len(years) == 1
                                  else f"{year(years[0], config)}–{year(years[-1], config)}")
    facts = (("ประเภทหน่วยงาน", type_in_full(a.agency.get("agency_type")) or "–"),
             ("อำเภอ", a.agency.get("district") or "–"),
             ("จังหวัด", a.agency.get("province") or "–"),
             ("ปีงบประมาณที่มีผลการประเมิน", span if len(years) < 2 else f"{span} ({fmt(len(years), config, None)} ปี)"),
             ("วันที่จัดทำรายงาน", built))
    kicker = REPORT_KIND
    if a.latest_year:  # the analysis of one year's result leads to the next year's measures
        kicker += (f" ประจำปีงบประมาณ {year(a.latest_year, config)} และมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
                   f" ประจำปีงบประมาณ {year(a.latest_year + 1, config)}")
    return TitleBlock(kicker=kicker, name=a.agency["name"], facts=tuple((k, str(v)) for k, v in facts))


def type_in_full(agency_type: str | None) -> str | None:
    """"ทต." as a reader names it: "เทศบาลตำบล" (data/agency_types.csv)."""
    return next((t.prefix for t in agency_types() if t.short == agency_type), agency_type)


def _latest(a: AgencyAnalysis):
    return a.years.sort_values("fiscal_year").iloc[-1]


def instrument_scores(a: AgencyAnalysis, audience: str = "analyst") -> Section | None:
    """The overall and instrument scores of the latest year as the documents print them (EIT in its
    two parts from 2568). The analyst sees a computed value marked as computed; the agency's
    publication holds only what was printed or confirmed."""
    config = a.config
    if a.years.empty:
        return None
    fiscal_year = a.latest_year
    shown = [(label, value, source) for label, value, source in
             _printed_scores(a.scores[a.scores["fiscal_year"] == fiscal_year])
             if audience == "analyst" or source in OWN_WORDS]
    if not shown:
        return None
    if audience == "analyst":
        table = Table(("", "คะแนน", "ที่มา"), tuple((Cell(digits(label, config)), number_cell(score(value, config)),
                                                     Cell(SOURCE_TH[source])) for label, value, source in shown),
                      style="data keep")
    else:
        table = Table(("", "คะแนน"), tuple((Cell(digits(label, config)), number_cell(score(value, config)))
                                           for label, value, _ in shown), style="data keep")
    return Section("instrument_scores", f"คะแนนรวมและคะแนนรายแบบวัด ปีงบประมาณ {year(fiscal_year, config)}", (table,))


SOURCE_TH = {PRINTED: "ตามที่ประกาศ", CONFIRMED: "ตามระบบ ITAS (หน่วยงานยืนยัน)", COMPUTED: "คำนวณจากคะแนนรายตัวชี้วัด"}


def _printed_scores(scores):
    """(label, score, printed or computed) of the year's scores that are known: the overall, then
    each instrument of the rubric followed by its parts (EIT's two from 2568)."""
    known = scores.set_index("field")
    labels = {fields.OVERALL: "คะแนนรวม ITA"}
    for instrument in rubric.load().instruments.values():
        labels[fields.instrument(instrument.code)] = f"{instrument.name} ({instrument.code})"
        # a part by its instrument's full name: "EIT ส่วนที่ 1" alone does not say what EIT is
        labels.update((fields.instrument(part.code), f"{instrument.name} ({instrument.code}) ส่วนที่ {part.number}")
                      for part in instrument.parts)
    for field, label in labels.items():
        if field in known.index:
            yield label, known.at[field, "score"], known.at[field, "score_source"]


def _verdict(latest, unknown: str) -> str:
    return " ".join(str(v) for v in (latest["grade"], latest["result"]) if v) or (
        unknown if latest["passed"] is None else ("ผ่านเกณฑ์" if latest["passed"] else "ไม่ผ่านเกณฑ์"))


def _change_text(a: AgencyAnalysis, fiscal_year: int) -> str | None:
    """The change from the year before; None without one (no tile rather than a placeholder)."""
    config = a.config
    change = a.yoy[(a.yoy["scope"] == "overall") & (a.yoy["fiscal_year"] == fiscal_year)]
    if change.empty:
        return None
    if pd.isna(change.iloc[0]["delta"]):  # a nullable column: across an era break
        return f"ไม่เทียบกับปี {year(change.iloc[0]['previous_year'], config)} (คนละช่วงเกณฑ์)"
    return f"{signed(change.iloc[0]['delta'], config)} จากปี {year(change.iloc[0]['previous_year'], config)}"


def headline(a: AgencyAnalysis) -> Section:
    config = a.config
    if a.years.empty:
        return Section("headline", "ผลการประเมินล่าสุด", (Note("ไม่มีผลการประเมินของหน่วยงานนี้ในฐานข้อมูล"),))
    latest = _latest(a)
    fiscal_year = int(latest["fiscal_year"])
    overall = latest["overall_score"]
    unknown = "ไม่มีในเอกสาร"  # a tile says why it is empty, rather than a bare dash
    verdict = _verdict(latest, unknown)
    rules = rubric.load().rules_for(fiscal_year)
    mark = rules.pass_threshold  # the overall's pass mark is the ITA's, not a user threshold
    gap = None if overall is None else mark - float(overall)
    target = (unknown if gap is None else "ถึงเกณฑ์แล้ว" if gap <= 0 else f"ต่ำกว่าเกณฑ์ {fmt(gap, config)} คะแนน")
    computed = latest["overall_source"] == "computed"  # no printed overall: a recomputation, marked as one
    if computed and not (latest["grade"] or latest["result"]):
        verdict += " (คำนวณ)"  # the pass itself comes from the recomputed score
    label = "คะแนนรวม ITA ปี " + year(fiscal_year, config) + (" (คำนวณ)" if computed else "")
    change = _change_text(a, fiscal_year)
    tiles = ((label, unknown if overall is None else score(overall, config)), ("ผลการประเมิน", verdict),
             *((("เปลี่ยนแปลง", change),) if change else ()), (f"เป้าหมาย {fmt(mark, config, 0)} คะแนน", target))
    blocks = [Tiles(tiles)]
    if computed:
        status = STATUS_TH.get(rules.uncertain_facts().get("weights", ""), "ยืนยันแล้ว")
        weighed = "/".join(rules.weights or rubric.load().instrument_codes)
        blocks.append(Note(f"เอกสารไม่ได้พิมพ์คะแนนรวมของปี {year(fiscal_year, config)} รายงานนี้คำนวณจากคะแนน"
                           f"รายตัวชี้วัด ด้วยน้ำหนักแบบวัด {weighed} ซึ่ง" + status
                           + " จึงไม่ใช่คะแนนที่ประกาศอย่างเป็นทางการ", doubt=True))
    elif overall is None:
        numbers = rubric.load().indicators_for(fiscal_year)
        given = a.indicators[a.indicators["fiscal_year"] == fiscal_year]
        known = int(given["indicator"].isin(numbers).sum())
        blocks.append(Note(f"เอกสารของปี {year(fiscal_year, config)} ไม่ได้ให้คะแนนรวม และให้คะแนนรายตัวชี้วัด "
                           f"{fmt(known, config, None)} จาก {fmt(len(numbers), config, None)} ตัวชี้วัด "
                           "จึงคำนวณคะแนนรวมไม่ได้ ผลที่มีอยู่แสดงในหัวข้อถัดไป", doubt=True))
    blocks += [Paragraph(s) for s in a.narrative.sections.get("summary", [])]
    return Section("headline", "ผลการประเมินล่าสุด", tuple(blocks))


def indicator_table(a: AgencyAnalysis, fiscal_year: int | None = None) -> Section:
    config = a.config
    fiscal_year = fiscal_year or a.latest_year
    rows = (a.indicators[a.indicators["fiscal_year"] == fiscal_year].sort_values("indicator") if fiscal_year
            else a.indicators)
    if rows.empty:
        return Section("indicator_table", "คะแนนรายตัวชี้วัด", (Note("เอกสารไม่ได้ให้คะแนนรายตัวชี้วัดของปีล่าสุด"),))
    deltas = a.yoy[(a.yoy["scope"] == "indicator") & (a.yoy["fiscal_year"] == fiscal_year)].set_index("field")["delta"]
    doubted = set(doubts_of(a, fiscal_year)["field"])
    changed = bool(deltas.notna().any())  # without a year before, a column of dashes says nothing
    table = Table(("ตัวชี้วัด", "แบบวัด", "คะแนน", "ระดับ", "อันดับ", *(("เปลี่ยนแปลง",) if changed else ())), tuple(
        (Cell(f"{fmt(r.indicator, config, None)}. {r.name}"), Cell(r.instrument),
         marked_score(r.score, r.field, doubted, config), level_cell(r.level),
         number_cell(fmt(r.rank, config, None)),
         *((number_cell(signed(deltas.get(r.field), config)),) if changed else ()))
        for r in rows.itertuples(index=False)))
    legend = (f"ระดับ: {LEVELS['strength']} ≥ {fmt(config.strength, config, 0)}, {LEVELS['pass']} "
              f"≥ {fmt(config.passing, config, 0)}, {LEVELS['weakness']} < {fmt(config.passing, config, 0)}, "
              f"{LEVELS['urgent']} < {fmt(config.urgent, config, 0)}")
    return Section("indicator_table", f"คะแนนรายตัวชี้วัด ปีงบประมาณ {year(fiscal_year, config)}",
                   (table, *doubt_notes(a, fiscal_year), Note(legend)))


def item_findings(a: AgencyAnalysis) -> Section | None:
    """The item scores of the latest year below the pass mark, weakest first: where a document gives
    items but not every indicator, they are the evidence of a weakness."""
    config = a.config
    if a.items.empty or a.latest_year is None:
        return None
    latest = a.items[a.items["fiscal_year"] == a.latest_year]
    if latest.empty:
        return None
    weak = weak_items(a)
    summary = (f"เอกสารให้คะแนนรายข้อ {fmt(len(latest), config, None)} ข้อ "
               + (f"ต่ำกว่าเกณฑ์ {fmt(config.passing, config, 0)} คะแนน {fmt(len(weak), config, None)} ข้อ"
                  if len(weak) else f"ทุกข้อได้ตั้งแต่ {fmt(config.passing, config, 0)} คะแนนขึ้นไป"))
    blocks = [Paragraph(summary)]
    if len(weak):
        blocks.append(Table(("ข้อ", "แบบวัด", "คะแนน", "ระดับ"), tuple(
            (Cell(item_code(str(r.code), config)), Cell(r.instrument or "–"), number_cell(score(r.score, config)),
             level_cell(r.level))
            for r in weak.itertuples(index=False)), style="data keep"))
    return Section("item_findings", f"ผลรายข้อ ปีงบประมาณ {year(a.latest_year, config)}", tuple(blocks))


def comparison(a: AgencyAnalysis) -> Section | None:
    """The results year by year; none for a single year, which the indicator table already shows."""
    frame = comparison_table(a)
    if frame.empty or len(frame.columns) < 2:
        return None
    # Scores right-aligned on one line; text rows (grade, era label) wrap, so four or more years fit the page.
    rows = tuple((Cell(label), *(Cell(v, number=bool(_NUMBER.match(str(v)))) for v in values))
                 for label, values in zip(frame.index, frame.values.tolist()))
    blocks = [Table(("", *(str(c) for c in frame.columns)), rows, style="data compare")]
    breaks = a.yoy[a.yoy["era_break"]].drop_duplicates("fiscal_year")
    blocks += [Note(f"ระหว่างปี {year(r.previous_year, a.config)} และ {year(r.fiscal_year, a.config)} "
                    f"เกณฑ์การประเมินเปลี่ยน ({digits(rubric.load().era_of(int(r.fiscal_year)).note, a.config)}) "
                    "จึงไม่คำนวณการเปลี่ยนแปลงข้ามช่วงนี้") for r in breaks.itertuples(index=False)]
    return Section("comparison", "ผลการประเมินรายปี", tuple(blocks))


def figure(fig, caption: str, *, dpi: int = 150) -> Figure:
    """A chart as PNG with its caption; closes the figure (a batch draws thousands)."""
    import matplotlib.pyplot as plt

    from ita_lib.report.plots import png_bytes

    png = png_bytes(fig, dpi=dpi)
    plt.close(fig)
    return Figure(png=png, caption=caption)


def history_charts(a: AgencyAnalysis) -> tuple[Figure, ...]:
    """The charts across years (trend lines, indicators by year, change from the year before); none
    for a single year, where they would show one point, one column and nothing."""
    if a.years["fiscal_year"].nunique() < 2:
        return ()
    from ita_lib.report import plots

    return (figure(plots.trend_lines(a), "คะแนนรวมและคะแนนรายแบบวัดในแต่ละปี"),
            figure(plots.indicator_heatmap(a), "คะแนนรายตัวชี้วัดในแต่ละปี"),
            figure(plots.delta_bars(a), "การเปลี่ยนแปลงของคะแนนรายตัวชี้วัดจากปีก่อนหน้า"))
