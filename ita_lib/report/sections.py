"""Sections of the per-agency report as safe HTML, for notebooks/agency_report.ipynb.

The notebook only calls these and the charts of ita_lib.report.plots; every number comes from the
analysis tables (ita_lib.analysis), every text is escaped (ita_lib.report.html).
"""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pandas as pd
from pythainlp.util import thai_strftime

from ita_lib import rubric
from ita_lib.analysis import AgencyAnalysis, AnalysisConfig, analyse
from ita_lib.analysis.labels import KINDS, LEVELS, TRENDS
from ita_lib.analysis.numbers import digits, document_digits, fmt
from ita_lib.analysis.report_text import comparison_table
from ita_lib.report.html import bullet_list, note, paragraphs, section, table, tag, text
from ita_lib.store.db import Store

REPORT_KIND = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
STATUS_TH = {"L": "น่าจะถูกต้อง แต่ยังไม่ได้รับการยืนยัน", "U": "ยังไม่ทราบ"}
INSTRUMENT_TH = {"IIT": "แบบวัด IIT", "EIT": "แบบวัด EIT", "OIT": "แบบวัด OIT", None: "ไม่ระบุแบบวัด"}


def _fact_name(fact: str, rules: rubric.YearRules) -> str:
    """An uncertain fact of the rubric in Thai, with the year's numbers where it has them."""
    name = rubric.FACT_NAMES.get(fact, fact)
    if fact == "weights" and rules.weights:
        return (f"{name} ({'/'.join(rules.weights)} = "
                + "/".join(f"{round(w * 100):g}" for w in rules.weights.values()) + ")")
    if fact == "good_pass" and rules.extra.get("good_pass_rule"):
        return f"{name} ({rules.extra['good_pass_rule']})"
    return name


def prepare_analysis(agency: str, *, db: str | Path | None, agency_id: str | None = None,
                     province: str | None = None, years: list[int] | str = "all",
                     documents: str | Path | None = None,
                     config: dict | AnalysisConfig | None = None) -> AgencyAnalysis:
    """The analysis the report shows. `documents`: a folder to ingest first (the notebook's default
    ingests the bundled examples, so it runs top to bottom on a fresh checkout). `db` None: a
    scratch store of this user's, so trying the notebook never writes into a real store."""
    if db is None:
        from ita_lib.files import scratch_dir

        db = scratch_dir("notebook") / "ita.duckdb"
    if documents is not None:
        from ita_lib.store.ingest import ingest

        ingest([documents], db=db, aliases=None)
    if isinstance(config, dict):
        config = AnalysisConfig(**config)
    with Store(db, read_only=True) as store:
        return analyse(store, agency_id or agency, province=province, config=config,
                       years=None if years == "all" else list(years))


_NUMBER = re.compile(r"^\s*(?:[-+–]?[0-9๐-๙][0-9๐-๙.,]*|[-–])\s*$")  # a score, a change or a dash
_FOOTNOTE_STARS = re.compile(r"\*+")  # "พ.ศ. ๒๕๖๕**": emphasis or a footnote mark the report does not carry


def _as_written(value: str, config: AnalysisConfig) -> str:
    """The document's own text for a reader: its words, the report's digits, without stray asterisks."""
    return document_digits(_FOOTNOTE_STARS.sub("", value), config)


def _year(value: int, config: AnalysisConfig) -> str:
    return fmt(value, config, None)


def _score(value, config: AnalysisConfig) -> str:
    return "–" if value is None or pd.isna(value) else fmt(value, config)


def title_block(a: AgencyAnalysis, today: datetime.date | None = None) -> str:
    config = a.config
    today = today or datetime.date.today()
    built = thai_strftime(datetime.datetime(today.year, today.month, today.day), "%-d %B %Y",
                          thaidigit=config.digits == "thai")
    years = a.years["fiscal_year"].tolist()
    span = "–" if not years else (_year(years[0], config) if len(years) == 1
                                  else f"{_year(years[0], config)}–{_year(years[-1], config)}")
    facts = [("ประเภทหน่วยงาน", a.agency.get("agency_type") or "–"), ("อำเภอ", a.agency.get("district") or "–"),
             ("จังหวัด", a.agency.get("province") or "–"),
             ("ปีงบประมาณที่มีผลการประเมิน", f"{span} ({fmt(len(years), config, None)} ปี)"),
             ("วันที่จัดทำรายงาน", built)]
    details = "".join(tag("div", tag("dt", text(k)) + tag("dd", text(v))) for k, v in facts)
    kicker = REPORT_KIND
    if a.latest_year:  # the analysis of one year's result leads to the next year's measures
        kicker += (f" ประจำปีงบประมาณ {_year(a.latest_year, config)} และมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
                   f" ประจำปีงบประมาณ {_year(a.latest_year + 1, config)}")
    return tag("header", tag("p", text(kicker), class_="kicker") + tag("h1", text(a.agency["name"]))
               + tag("dl", details, class_="facts"), class_="report-title")


def instrument_scores(a: AgencyAnalysis) -> str:
    """The overall and instrument scores of the latest year as the documents print them (EIT in its
    two parts from 2568); a value the report computed is marked as computed."""
    config = a.config
    if a.years.empty:
        return ""
    latest = a.years.sort_values("fiscal_year").iloc[-1]
    rows = []
    for label, value, source in (
            ("คะแนนรวม ITA", latest["overall_score"], latest["overall_source"]),
            ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", latest["IIT"], latest["IIT_source"]),
            ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)", latest["EIT"], latest["EIT_source"]),
            ("EIT ส่วนที่ 1", latest.get("EIT_part1"), "printed"),
            ("EIT ส่วนที่ 2", latest.get("EIT_part2"), "printed"),
            ("แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)", latest["OIT"], latest["OIT_source"])):
        if value is None or pd.isna(value):
            continue
        how = "ตามที่ประกาศ" if source == "printed" else "คำนวณจากคะแนนรายตัวชี้วัด"
        rows.append((digits(label, config), _score(value, config), how))
    if not rows:
        return ""
    return section(f"คะแนนรวมและคะแนนรายแบบวัด ปีงบประมาณ {_year(int(latest['fiscal_year']), config)}",
                   table(["", "คะแนน", "ที่มา"], rows, numeric=(1,), class_="data keep"))


def headline(a: AgencyAnalysis) -> str:
    config = a.config
    if a.years.empty:
        return section("ผลการประเมินล่าสุด", note("ไม่มีผลการประเมินของหน่วยงานนี้ในฐานข้อมูล"))
    latest = a.years.sort_values("fiscal_year").iloc[-1]
    year = int(latest["fiscal_year"])
    score = latest["overall_score"]
    unknown = "ไม่มีในเอกสาร"  # a tile says why it is empty, rather than a bare dash
    verdict = " ".join(str(v) for v in (latest["grade"], latest["result"]) if v) or (
        unknown if latest["passed"] is None else ("ผ่านเกณฑ์" if latest["passed"] else "ไม่ผ่านเกณฑ์"))
    change = a.yoy[(a.yoy["scope"] == "overall") & (a.yoy["fiscal_year"] == year)]
    if change.empty:
        change_text = "ไม่มีปีก่อนหน้าให้เทียบ"
    elif pd.isna(change.iloc[0]["delta"]):
        change_text = f"ไม่เทียบกับปี {_year(change.iloc[0]['previous_year'], config)} (คนละช่วงเกณฑ์)"
    else:
        delta = float(change.iloc[0]["delta"])
        sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
        change_text = f"{sign}{fmt(abs(delta), config)} จากปี {_year(change.iloc[0]['previous_year'], config)}"
    mark = rubric.rules_for(year).pass_threshold  # the overall's pass mark is the ITA's, not a user threshold
    gap = None if pd.isna(score) else mark - float(score)
    target = (unknown if gap is None else "ถึงเกณฑ์แล้ว" if gap <= 0 else f"ต่ำกว่าเกณฑ์ {fmt(gap, config)} คะแนน")
    computed = latest["overall_source"] == "computed"  # no printed overall: a recomputation, marked as one
    if computed and not (latest["grade"] or latest["result"]):
        verdict += " (คำนวณ)"  # the pass itself comes from the recomputed score
    label = "คะแนนรวม ITA ปี " + _year(year, config) + (" (คำนวณ)" if computed else "")
    tiles = [(label, unknown if pd.isna(score) else _score(score, config)), ("ผลการประเมิน", verdict),
             ("เปลี่ยนแปลง", change_text), (f"เป้าหมาย {fmt(mark, config, 0)} คะแนน", target)]
    cards = "".join(tag("div", tag("span", text(label), class_="label") + tag("span", text(value), class_="value"),
                        class_="tile") for label, value in tiles)
    body = tag("div", cards, class_="tiles")
    if computed:
        status = STATUS_TH.get(rubric.rules_for(year).uncertain_facts().get("weights", ""), "ยืนยันแล้ว")
        body += note(f"เอกสารไม่ได้พิมพ์คะแนนรวมของปี {_year(year, config)} รายงานนี้คำนวณจากคะแนนรายตัวชี้วัด "
                     f"ด้วยน้ำหนักแบบวัด IIT/EIT/OIT ซึ่ง{status} จึงไม่ใช่คะแนนที่ประกาศอย่างเป็นทางการ",
                     class_="doubt")
    elif pd.isna(score):
        numbers = rubric.indicators_for(year)
        known = sum(latest.get(f"indicator_{n}") is not None and not pd.isna(latest.get(f"indicator_{n}"))
                    for n in numbers)
        body += note(f"เอกสารของปี {_year(year, config)} ไม่ได้ให้คะแนนรวม และให้คะแนนรายตัวชี้วัด "
                     f"{fmt(known, config, None)} จาก {fmt(len(numbers), config, None)} ตัวชี้วัด จึงคำนวณคะแนนรวมไม่ได้ "
                     "ผลที่มีอยู่แสดงในหัวข้อถัดไป", class_="doubt")
    body += paragraphs(a.narrative.sections.get("summary", []))
    return section("ผลการประเมินล่าสุด", body)


def _level_cell(level: str) -> tuple[str, str]:
    return LEVELS[level], f"level level-{level}"


DOUBT_MARK = "†"  # beside a score printed with more than one value; the note under the table says which


def _doubts(a: AgencyAnalysis, year: int | None) -> pd.DataFrame:
    if a.doubts.empty or year is None:
        return a.doubts
    return a.doubts[a.doubts["fiscal_year"] == year]


def doubt_sentences(a: AgencyAnalysis, year: int | None) -> list[str]:
    """One Thai sentence per score of `year` printed with more than one value: every value, the
    level each would give, the one this report uses."""
    config = a.config
    sentences = []
    for row in _doubts(a, year).itertuples(index=False):
        if row.indicator is not None and not pd.isna(row.indicator):
            what = f"ตัวชี้วัดที่ {fmt(int(row.indicator), config, None)} {rubric.INDICATORS[int(row.indicator)].name}"
        else:
            what = "คะแนนรวม" if row.field == "overall_score" else "แบบวัด " + row.field.split(":")[1]
        values = [row.shown, *row.others]
        levels = [row.shown_level, *row.other_levels]
        listed = " และ ".join(f"{fmt(v, config)} ({LEVELS[level]})" for v, level in zip(values, levels))
        where, why = (("เอกสารฉบับเดียวกันระบุคะแนนไว้", "ซึ่งพิมพ์ไว้ก่อนในเอกสาร") if row.same_document
                      else ("แหล่งข้อมูลระบุคะแนนไว้", "จากเอกสารประเภทที่น่าเชื่อถือที่สุด"))
        sentences.append(f"{DOUBT_MARK} {what}: {where} {fmt(len(values), config, None)} ค่า คือ {listed} "
                         f"รายงานนี้ใช้ {fmt(row.shown, config)} {why} "
                         "ควรตรวจสอบกับผลในระบบ ITAS ก่อนเผยแพร่")
    return sentences


def _marked_score(value, field: str, doubted: set[str], config: AnalysisConfig) -> str:
    return _score(value, config) + (f" {DOUBT_MARK}" if field in doubted else "")


def indicator_table(a: AgencyAnalysis, year: int | None = None) -> str:
    config = a.config
    year = year or a.latest_year
    rows = a.indicators[a.indicators["fiscal_year"] == year].sort_values("indicator") if year else a.indicators
    if rows.empty:
        return section("คะแนนรายตัวชี้วัด", note("เอกสารไม่ได้ให้คะแนนรายตัวชี้วัดของปีล่าสุด"))
    deltas = a.yoy[(a.yoy["scope"] == "indicator") & (a.yoy["fiscal_year"] == year)].set_index("code")["delta"]
    doubted = set(_doubts(a, year)["field"])
    body = table(
        ["ตัวชี้วัด", "แบบวัด", "คะแนน", "ระดับ", "อันดับ", "เปลี่ยนแปลง"],
        [(f"{fmt(r.indicator, config, None)}. {r.name}", r.instrument,
          _marked_score(r.score, f"indicator:{r.indicator}", doubted, config),
          _level_cell(r.level), fmt(r.rank, config, None), _delta(deltas.get(str(r.indicator)), config))
         for r in rows.itertuples(index=False)],
        numeric=(2, 4, 5))
    legend = (f"ระดับ: {LEVELS['strength']} ≥ {fmt(config.strength, config, 0)}, {LEVELS['pass']} "
              f"≥ {fmt(config.passing, config, 0)}, {LEVELS['weakness']} < {fmt(config.passing, config, 0)}, "
              f"{LEVELS['urgent']} < {fmt(config.urgent, config, 0)}")
    doubts = "".join(note(sentence, class_="doubt") for sentence in doubt_sentences(a, year))
    return section(f"คะแนนรายตัวชี้วัด ปีงบประมาณ {_year(year, config)}", body + doubts + note(legend))


def _delta(value, config: AnalysisConfig) -> str:
    if value is None or pd.isna(value):
        return "–"
    value = float(value)
    return ("+" if value > 0 else "−" if value < 0 else "±") + fmt(abs(value), config)


def comparison(a: AgencyAnalysis) -> str:
    """The results year by year; none for a single year, which the indicator table already shows."""
    frame = comparison_table(a)
    if frame.empty or len(frame.columns) < 2:
        return ""
    # Scores right-aligned on one line; text rows (grade, era label) wrap, so four or more years fit the page.
    rows = [[label, *[(v, "num") if _NUMBER.match(str(v)) else v for v in values]]
            for label, values in zip(frame.index, frame.values.tolist())]
    body = table(["", *frame.columns], rows, class_="data compare")
    breaks = a.yoy[a.yoy["era_break"]].drop_duplicates("fiscal_year")
    remark = "".join(note(f"ระหว่างปี {_year(r.previous_year, a.config)} และ {_year(r.fiscal_year, a.config)} "
                          f"เกณฑ์การประเมินเปลี่ยน ({digits(rubric.era_of(int(r.fiscal_year)).note, a.config)}) "
                          "จึงไม่คำนวณการเปลี่ยนแปลงข้ามช่วงนี้") for r in breaks.itertuples(index=False))
    return section("ผลการประเมินรายปี", body + remark)


def history_charts(a: AgencyAnalysis) -> str:
    """The charts across years (trend lines, indicators by year, change from the year before); none
    for a single year, where they would show one point, one column and nothing."""
    if a.years["fiscal_year"].nunique() < 2:
        return ""
    from ita_lib.report import plots

    return (figure(plots.trend_lines(a), "คะแนนรวมและคะแนนรายแบบวัดในแต่ละปี")
            + figure(plots.indicator_heatmap(a), "คะแนนรายตัวชี้วัดในแต่ละปี")
            + figure(plots.delta_bars(a), "การเปลี่ยนแปลงของคะแนนรายตัวชี้วัดจากปีก่อนหน้า"))


def strengths_weaknesses(a: AgencyAnalysis) -> str:
    parts = []
    for key, title in (("strengths", "จุดแข็ง"), ("weaknesses", "จุดอ่อน"), ("trends", "แนวโน้ม")):
        sentences = a.narrative.sections.get(key, [])
        if sentences:
            parts.append(tag("h3", text(title)) + paragraphs(sentences))
    doubts = doubt_sentences(a, a.latest_year)
    if parts and doubts:  # a strength or weakness may rest on a score the documents give twice
        parts.insert(1, "".join(note(sentence, class_="doubt") for sentence in doubts))
    weak_items = _weak_items(a)
    if not weak_items.empty:  # items below the pass mark are weaknesses even where indicators are missing
        listed = ", ".join(f"ข้อ {r.code}" + (f" (แบบวัด {r.instrument})" if r.instrument else "")
                           + f" ได้ {fmt(r.score, a.config)}" for r in weak_items.itertuples(index=False))
        parts.append(tag("h3", text("คะแนนรายข้อที่ต่ำกว่าเกณฑ์")) + paragraphs([listed]))
    return section("จุดแข็ง จุดอ่อน และแนวโน้ม", "".join(parts) or note("ไม่มีข้อมูลพอสำหรับการวิเคราะห์"))


def _weak_items(a: AgencyAnalysis) -> pd.DataFrame:
    if a.items.empty or a.latest_year is None:
        return a.items
    latest = a.items[a.items["fiscal_year"] == a.latest_year]
    return latest[latest["score"] < a.config.passing]


def item_findings(a: AgencyAnalysis) -> str:
    """The item scores of the latest year below the pass mark, weakest first: where a document gives
    items but not every indicator, they are the evidence of a weakness."""
    config = a.config
    if a.items.empty or a.latest_year is None:
        return ""
    latest = a.items[a.items["fiscal_year"] == a.latest_year]
    if latest.empty:
        return ""
    weak = _weak_items(a)
    summary = (f"เอกสารให้คะแนนรายข้อ {fmt(len(latest), config, None)} ข้อ "
               + (f"ต่ำกว่าเกณฑ์ {fmt(config.passing, config, 0)} คะแนน {fmt(len(weak), config, None)} ข้อ"
                  if len(weak) else f"ทุกข้อได้ตั้งแต่ {fmt(config.passing, config, 0)} คะแนนขึ้นไป"))
    body = paragraphs([summary])
    if len(weak):
        body += table(["ข้อ", "แบบวัด", "คะแนน", "ระดับ"],
                      [(r.code, r.instrument or "–", _score(r.score, config), _level_cell(r.level))
                       for r in weak.itertuples(index=False)], numeric=(2,), class_="data keep")
    return section(f"ผลรายข้อ ปีงบประมาณ {_year(a.latest_year, config)}", body)


def own_analysis(a: AgencyAnalysis) -> str:
    """The agency's own analysis, as its latest documents write it: per indicator (the analysis column
    of its action table, weakest indicator first), per topic where it analyses by topic instead, and
    its account of its limitations. The report keeps the agency's words, in the report's digits."""
    config = a.config
    year = a.latest_year
    if year is None:
        return ""
    own = a.actions[(a.actions["fiscal_year"] == year)
                    & a.actions["analysis"].fillna("").astype(str).str.strip().astype(bool)]
    by_indicator = own[own["indicator"].notna()]
    by_topic = own[own["indicator"].isna()]
    limits = a.limitations[a.limitations["fiscal_year"] == year] if not a.limitations.empty else a.limitations
    if own.empty and limits.empty:
        return ""
    parts = []
    if not by_indicator.empty:
        scores = a.indicators[a.indicators["fiscal_year"] == year].set_index("indicator")
        doubted = set(_doubts(a, year)["field"])  # the agency's text may quote the other value
        rows = []
        for number, group in by_indicator.groupby("indicator"):
            number = int(number)
            score = scores["score"].get(number)
            level = scores["level"].get(number)
            rows.append((score if score is not None and not pd.isna(score) else 999.0, number,
                         (f"{fmt(number, config, None)}. {rubric.INDICATORS[number].name}",
                          _marked_score(score, f"indicator:{number}", doubted, config),
                          _level_cell(level) if isinstance(level, str) else "–",
                          _as_written(" ".join(group["analysis"].astype(str)), config))))
        parts.append(table(["ตัวชี้วัด", "คะแนน", "ระดับ", "ผลการวิเคราะห์ของหน่วยงาน"],
                           [cells for _, _, cells in sorted(rows)], numeric=(1,), class_="data own-analysis"))
    if not by_topic.empty:
        parts.append(table(["ประเด็น", "ผลการวิเคราะห์ของหน่วยงาน"],
                           [(_as_written(str(r.topic or "–"), config), _as_written(str(r.analysis), config))
                            for r in by_topic.itertuples(index=False)], class_="data own-analysis topics"))
    if not limits.empty:
        parts.append(tag("h3", text("ข้อจำกัดของหน่วยงาน"))
                     + paragraphs([_as_written(t, config) for t in limits["text"]]))
    return section(f"ผลการวิเคราะห์ของหน่วยงาน ปีงบประมาณ {_year(year, config)}", "".join(parts))


def priorities(a: AgencyAnalysis) -> str:
    config = a.config
    if a.priorities.empty:
        return section("ประเด็นที่ควรเร่งพัฒนา", note("ไม่มีคะแนนรายตัวชี้วัดให้จัดลำดับ"))
    room = a.priorities[a.priorities["gain_to_full"].fillna(0) > 0]
    if room.empty:  # every indicator at 100: a table of zeros says nothing
        weak = _weak_items(a)
        items = ("" if weak.empty else " จุดที่ควรแก้ไขอยู่ที่คะแนนรายข้อ: " + ", ".join(
            f"ข้อ {r.code} ({_score(r.score, config)})" for r in weak.itertuples(index=False)))
        return section("ประเด็นที่ควรเร่งพัฒนา", paragraphs(
            ["ตัวชี้วัดที่มีคะแนนทุกตัวได้เต็ม " + fmt(100, config, None) + " คะแนน จึงไม่มีตัวชี้วัดที่ต้องเร่งยกระดับ" + items]))
    body = table(["ลำดับ", "ตัวชี้วัด", "คะแนน", "น้ำหนัก", f"คะแนนรวมเพิ่มหากถึง {fmt(config.passing, config, 0)}",
                  f"คะแนนรวมเพิ่มหากถึง {fmt(100, config, None)}"],
                 [(fmt(r.priority, config, None), f"{fmt(r.indicator, config, None)}. {r.name}",
                   _score(r.score, config), fmt(r.weight * 100, config, 0) + "%", _score(r.gain_to_pass, config),
                   _score(r.gain_to_full, config)) for r in room.itertuples(index=False)],
                 numeric=(0, 2, 3, 4, 5))
    status = a.priorities["weights_status"].iloc[0]
    caveat = note("น้ำหนักของปีนี้" + STATUS_TH[status]) if status in STATUS_TH else ""
    return section("ประเด็นที่ควรเร่งพัฒนา", paragraphs(a.narrative.sections.get("priorities", [])) + body + caveat)


def recommendations(a: AgencyAnalysis) -> str:
    recs = a.recommendations
    if recs.empty:
        return section("ข้อเสนอแนะจากเอกสาร", note("เอกสารที่นำเข้าไม่มีข้อเสนอแนะ"))
    latest = recs[recs["fiscal_year"] == recs["fiscal_year"].max()]
    parts = []
    for instrument in (*rubric.INSTRUMENTS, None):
        chosen = (latest[latest["instrument"].isna()] if instrument is None
                  else latest[latest["instrument"] == instrument])
        if not chosen.empty:
            parts.append(tag("h3", text(INSTRUMENT_TH[instrument]))
                         + bullet_list([_as_written(t, a.config) for t in chosen["text"]]))  # one digit system
    year = _year(int(latest["fiscal_year"].iloc[0]), a.config)
    return section(f"ข้อเสนอแนะจากเอกสาร ปี {year}", "".join(parts))


_LIST_MARK = re.compile(r"^\s*[-–•*]\s*")  # "-จัดทำคู่มือ": the document's own list dash


def _measure_cell(measure, steps) -> str:
    """A measure in bold with its steps as a list (steps are ' | '-separated in the plan table)."""
    items = [step.strip() for step in (steps if isinstance(steps, str) else "").split("|") if step.strip()]
    if not (isinstance(measure, str) and measure.strip()):  # a row that gives only its steps
        return bullet_list(items) or text(None)
    return tag("strong", text(_LIST_MARK.sub("", measure))) + bullet_list(items)


def follow_up(plan_year: int, config: AnalysisConfig) -> str:
    """The two follow-up rounds of a fiscal year's measures (October to September): at 6 and 12 months."""
    return digits(f"ติดตามผลการดำเนินการ 2 รอบ: รอบ 6 เดือน (สิ้นเดือนมีนาคม {plan_year}) "
                  f"และรอบ 12 เดือน (สิ้นเดือนกันยายน {plan_year})", config)


def _plan_topic(row, config: AnalysisConfig) -> str:
    """What an own plan row is about: its indicator by number and name, else its topic as printed."""
    if not pd.isna(row.indicator):
        return f"ตัวชี้วัดที่ {fmt(int(row.indicator), config, None)} {rubric.INDICATORS[int(row.indicator)].name}"
    return _as_written(str(row.name), config) if isinstance(row.name, str) and row.name else "–"


def _plan_rows(rows: pd.DataFrame, first: str, config: AnalysisConfig, *, topics: bool = False) -> str:
    """One row per measure; document text in the report's digits, so a page holds one digit system.
    `topics` adds the indicator or topic each row answers (the agency's own rows); the outputs column
    is left out when no row has one (an agency's own table seldom names its outputs)."""
    def own(value):  # document text in the report's digits; a missing value stays missing
        return _as_written(value, config) if isinstance(value, str) else value

    with_output = rows["output"].map(lambda v: isinstance(v, str) and bool(v.strip())).any()
    columns = ([("topic", "ตัวชี้วัด/ประเด็น")] if topics else []) + [("measure", first)] + (
        [("output", "ผลผลิต/หลักฐาน")] if with_output else []) + [
        ("who", "ผู้รับผิดชอบ"), ("when", "ระยะเวลา"), ("follow", "การติดตามผล")]
    head = tag("thead", tag("tr", "".join(tag("th", text(h), class_=c) for c, h in columns)))
    follow = digits("รอบ 6 และ 12 เดือน", config)
    body = []
    for r in rows.itertuples(index=False):
        cells = {"topic": tag("td", text(_plan_topic(r, config)), class_="topic") if topics else "",
                 "measure": tag("td", _measure_cell(own(r.measure), own(r.steps)), class_="measure"),
                 "output": tag("td", text(own(r.output)), class_="output"),
                 "who": tag("td", text(own(r.responsible)), class_="who"),
                 "when": tag("td", text(own(r.period)), class_="when"),
                 "follow": tag("td", text(follow), class_="follow")}
        body.append(tag("tr", "".join(cells[c] for c, _ in columns)))
    return tag("table", head + tag("tbody", "".join(body)), class_="data plan" + (" own" if topics else ""))


def plan(a: AgencyAnalysis, audience: str = "agency") -> str:
    """The measures for the next fiscal year grouped by indicator (why it is in the plan, then its
    measures), then the agency's own action rows from its latest documents with the indicator or
    topic each answers."""
    config = a.config
    plan_year = (a.latest_year + 1) if a.latest_year else None
    title = ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส" if audience == "agency" else "ร่างแผนปฏิบัติการ") + (
        f" ประจำปีงบประมาณ {_year(plan_year, config)}" if plan_year else "")
    if a.plan.empty:
        return section(title, note("ไม่มีตัวชี้วัดที่ต่ำกว่าเกณฑ์หรือมีแนวโน้มลดลง และเอกสารไม่มีแผนของหน่วยงาน"))
    parts = [note(follow_up(plan_year, config))] if plan_year else []
    drafted = a.plan[a.plan["measure_id"].notna()]
    for number, rows in drafted.groupby("indicator", sort=True):
        parts.append(tag("h3", text(f"ตัวชี้วัดที่ {fmt(number, config, None)} {rows['name'].iloc[0]}"))
                     + note("เหตุผล: " + str(rows["reason"].iloc[0])) + _plan_rows(rows, "มาตรการ", config))
    own = a.plan[a.plan["measure_id"].isna()]
    if not own.empty:
        parts.append(tag("h3", text("แผนของหน่วยงานจากเอกสาร")) + note(str(own["origin"].iloc[0]).split(" (")[0])
                     + _plan_rows(own, "มาตรการและขั้นตอน", config, topics=True))
    if audience == "analyst":
        parts.append(note("ร่างนี้สร้างจากคลังมาตรการของ ita-report และแผนในเอกสารของหน่วยงาน "
                          "ควรทบทวนและปรับให้เหมาะกับบริบทของหน่วยงานก่อนใช้ ฉบับตารางอยู่ในไฟล์ plan.csv"))
    return section(title, "".join(parts))


SIGNERS = (("reporter", "ผู้รายงาน"), ("certifier", "ผู้รับรอง"), ("approver", "ผู้เห็นชอบ"))
_BLANK = "." * 40


def sign_off(a: AgencyAnalysis, signers: dict | None = None, audience: str = "agency") -> str:
    """The block an agency signs before it publishes: reporter, certifier, approver, with the names
    and positions the params give and dotted lines for what they do not (agency audience only)."""
    if audience != "agency":
        return ""
    signers = signers or {}
    blocks = []
    for role, title in SIGNERS:
        person = signers.get(role) or {}
        name, position = person.get("name"), person.get("position")
        lines = [f"ลงชื่อ {_BLANK} {title}", f"({name})" if name else f"({_BLANK})",
                 f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {_BLANK}", "วันที่ ........../........../..........."]
        blocks.append(tag("div", "".join(tag("p", text(line)) for line in lines), class_="signer"))
    return section("การรับรองรายงาน", tag("div", "".join(blocks), class_="signoff"))


def peers(a: AgencyAnalysis, audience: str = "analyst") -> str:
    if a.peers.empty or audience != "analyst":
        return ""
    config = a.config
    latest = a.peers[a.peers["fiscal_year"] == a.peers["fiscal_year"].max()]
    body = table(["", "คะแนน", "จำนวนหน่วยงานในกลุ่ม", "อันดับ", "เปอร์เซ็นไทล์", "ค่ามัธยฐานของกลุ่ม"],
                 [(r.name if r.code == "ITA" else f"{fmt(int(r.code), config, None)}. {r.name}",
                   _score(r.score, config),
                   fmt(r.peers, config, None), fmt(r.peer_rank, config, None), fmt(r.percentile, config, 1),
                   _score(r.peer_median, config)) for r in latest.itertuples(index=False)],
                 numeric=(1, 2, 3, 4, 5))
    group = f"{a.agency.get('agency_type') or 'หน่วยงานประเภทเดียวกัน'} ในจังหวัด{a.agency.get('province')}"
    return section("เปรียบเทียบกับหน่วยงานในกลุ่มเดียวกัน",
                   note(f"เทียบกับ {group} ที่มีในฐานข้อมูล ปี {_year(int(latest['fiscal_year'].iloc[0]), config)}") + body)


def appendix(a: AgencyAnalysis, audience: str = "analyst") -> str:
    """Sources, checks and rules: for analysts and auditors, not in the agency's published analysis."""
    if audience != "analyst":
        return ""
    config = a.config
    sources = table(["ปี", "ไฟล์", "ประเภทเอกสาร", "SHA-256"],
                    [(_year(r.fiscal_year, config), Path(r.path).name, KINDS.get(r.kind, r.kind), r.sha256[:16] + "…")
                     for r in a.sources.itertuples(index=False)], class_="data small")
    issues = a.consistency[a.consistency["status"] != "ok"]
    checks = (table(["ปี", "การตรวจสอบ", "ผล", "รายละเอียด"],
                    [(_year(r.fiscal_year, config), r.check_th, r.status_th, document_digits(r.detail, config))
                     for r in issues.itertuples(index=False)], class_="data small")
              if not issues.empty else note("ไม่พบความไม่สอดคล้องของข้อมูล"))
    rules = []
    for year in a.years["fiscal_year"]:
        year_rules = rubric.rules_for(int(year))
        uncertain = year_rules.uncertain_facts()
        described = digits("; ".join(f"{_fact_name(k, year_rules)}: {STATUS_TH[v]}" for k, v in uncertain.items()),
                           config)
        rules.append((_year(year, config), digits(year_rules.era.label, config),
                      (f"ระดับ {year_rules.grade_bands[0][0]}–{year_rules.grade_bands[-1][0]}"
                       if year_rules.grading == "bands" else "ผ่าน/ไม่ผ่าน"),
                      fmt(year_rules.pass_threshold, config, 0), described or "ยืนยันแล้วทั้งหมด"))
    rubric_table = table(["ปี", "ช่วงเกณฑ์", "รูปแบบผล", "เกณฑ์ผ่าน", "ข้อเท็จจริงที่ยังไม่ยืนยัน"], rules,
                         class_="data small")
    thresholds = note(f"เกณฑ์ระดับที่ใช้ในรายงาน: จุดแข็ง ≥ {fmt(config.strength, config, 0)}, "
                      f"ผ่านเกณฑ์ ≥ {fmt(config.passing, config, 0)}, เร่งด่วน < {fmt(config.urgent, config, 0)}, "
                      f"แนวโน้มคงที่เมื่อเปลี่ยนน้อยกว่า {fmt(config.trend_threshold, config)} คะแนนต่อปี")
    return section("ภาคผนวก", tag("h3", "แหล่งข้อมูล") + sources + tag("h3", "คำเตือนและข้อมูลที่ไม่สอดคล้อง")
                   + checks + tag("h3", "เกณฑ์การประเมินที่ใช้") + rubric_table + thresholds)


def trend_names(a: AgencyAnalysis) -> dict[str, str]:
    """Indicator code → Thai trend word, for captions."""
    return {row.code: TRENDS[row.trend] for row in a.trends.itertuples(index=False)}


def figure(fig, caption: str, *, dpi: int = 150) -> str:
    """A chart as an embedded PNG with its caption; closes the figure (a batch draws thousands)."""
    import base64

    import matplotlib.pyplot as plt

    from ita_lib.report.plots import png_bytes

    png = png_bytes(fig, dpi=dpi)
    plt.close(fig)
    data = base64.b64encode(png).decode("ascii")
    image = f'<img src="data:image/png;base64,{data}" alt="{text(caption)}">'
    return tag("figure", image + tag("figcaption", text(caption)), class_="chart")


def save_data(a: AgencyAnalysis, output_dir: str | Path | None, formats: list[str] | None = None,
              folder: str | None = None, audience: str = "agency") -> Path:
    """Beside the report, from the very analysis it shows: data.json (the analysis tables),
    plan.csv (the action-plan draft, UTF-8 with BOM for Excel) and, when `formats` asks for xlsx,
    report.xlsx (the tables as a workbook), in <output_dir>/<folder>/ (None: a scratch folder).
    `folder` is the report's folder name when the build already made it (None: from the agency's
    name; romanizing it costs a cold kernel ~0.8 s). The agency's plan.csv and report.xlsx name no
    source file or line; the analyst's do."""
    from ita_lib.analysis import write_plan_csv
    from ita_lib.analysis.plan import for_audience
    from ita_lib.analysis.export import analysis_json
    from ita_lib.files import atomic_write, own_folder, scratch_dir
    from ita_lib.report.params import agency_slug, checked_slug

    output_dir = scratch_dir("notebook-outputs") if output_dir is None else output_dir
    slug = agency_slug(a.agency["name"], a.agency["agency_id"]) if folder is None else checked_slug(folder)
    target = own_folder(output_dir, slug)
    atomic_write(target / "data.json", json.dumps(analysis_json(a), ensure_ascii=False, indent=1))
    write_plan_csv(for_audience(a.plan, audience), target / "plan.csv")
    if "xlsx" in (formats or ()):
        from ita_lib.report.excel import write_workbook

        write_workbook(a, target / "report.xlsx", audience)
    return target
