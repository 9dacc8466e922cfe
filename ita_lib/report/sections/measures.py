"""The sections that look ahead and close the report: the measures for the next fiscal year, the
sign-off block, and for analysts the peer comparison and the appendix of sources and rules."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ita_lib import fields, rubric
from ita_lib.analysis import AgencyAnalysis, AnalysisConfig
from ita_lib.analysis.labels import KINDS
from ita_lib.analysis.plan import GENERATED, OWN
from ita_lib.analysis.targets import indicator_targets
from ita_lib.analysis.numbers import digits, document_digits, fmt
from ita_lib.report.checklist import signers_of
from ita_lib.report.document import Block, Cell, Heading, Note, Section, SignOff, Table
from ita_lib.report.sections.common import STATUS_TH, as_written, indicator_title, number_cell, score, year
from ita_lib.text.repair import list_items

SIGNERS = (("reporter", "ผู้รายงาน"), ("certifier", "ผู้รับรอง"), ("approver", "ผู้เห็นชอบ"))
_BLANK = "." * 40
_LIST_MARK = re.compile(r"^\s*[-–•*]\s*")  # "-จัดทำคู่มือ": the document's own list dash
_FOLLOW_UP = re.compile(r"รายงานผล|ติดตามผล|รอบ\s*[0-9๐-๙]+\s*เดือน")
_ROUND = re.compile(r"\s*[-–]?\s*รอบ\s*[0-9๐-๙]+\s*เดือน")
_YEAR = re.compile(r"[0-9๐-๙]{4}")


def follow_up(plan_year: int, config: AnalysisConfig) -> str:
    """The two follow-up rounds of a fiscal year's measures (October to September): at 6 and 12 months."""
    return digits(f"ติดตามผลการดำเนินการ 2 รอบ: รอบ 6 เดือน (สิ้นเดือนมีนาคม {plan_year}) "
                  f"และรอบ 12 เดือน (สิ้นเดือนกันยายน {plan_year})", config)


def measure_cell(measure, steps) -> Cell:
    """A measure in bold with its steps as a list (steps are ' | '-separated in the plan table)."""
    items = tuple(step.strip() for step in (steps if isinstance(steps, str) else "").split("|") if step.strip())
    if not (isinstance(measure, str) and measure.strip()):  # a row that gives only its steps
        return Cell(items=items)
    lead, listed = list_items(measure)  # "-จัดทำแผน -รายงานผล": a list the PDF glued into the title
    if not lead and listed:
        lead, listed = listed[0], listed[1:]
    return Cell(lead=_LIST_MARK.sub("", lead), items=listed + items)


def own_follow_up(period) -> tuple[Cell, Cell] | None:
    """A period column that holds how the agency follows up ("รายงานผล … -รอบ 6 เดือน") and no date:
    (period, follow-up) cells, the agency's follow-up in its own column as its list; else None."""
    if not (isinstance(period, str) and _FOLLOW_UP.search(period)) or _YEAR.search(period):
        return None
    lead, listed = list_items(period)
    rounds = list(_ROUND.finditer(period))
    # "รายงานผล - รอบ 6 เดือน รอบ 12 เดือน": rounds one after another to the end are its list
    if not listed and len(rounds) > 1 and rounds[-1].end() == len(period.rstrip()) and all(
            a.end() == b.start() for a, b in zip(rounds, rounds[1:])):
        lead, listed = period[:rounds[0].start()].strip(), tuple(m.group().strip(" -–") for m in rounds)
    return Cell("–"), (Cell(lead=lead or None, items=listed) if listed else Cell(lead))


def _plan_topic(row, config: AnalysisConfig) -> str:
    """What an own plan row is about: its indicator by number and name, else its topic as printed."""
    if not pd.isna(row.indicator):
        return indicator_title(int(row.indicator), config)
    return as_written(str(row.name), config) if isinstance(row.name, str) and row.name else "–"


def _plan_table(rows: pd.DataFrame, first: str, config: AnalysisConfig, *, topics: bool = False) -> Table:
    """One row per measure; document text in the report's digits, so a page holds one digit system.
    `topics` adds the indicator or topic each row answers (the agency's own rows); the outputs column
    is left out when no row has one (an agency's own table seldom names its outputs), and so is the
    period column when every row's period column held its follow-up instead."""
    def own(value):  # document text in the report's digits; a missing value stays missing
        return as_written(value, config) if isinstance(value, str) else value

    follow = digits("รอบ 6 และ 12 เดือน", config)
    rows_cells = []
    for r in rows.itertuples(index=False):
        cells = {"topic": Cell(_plan_topic(r, config)), "measure": measure_cell(own(r.measure), own(r.steps)),
                 "output": Cell(own(r.output)), "who": Cell(own(r.responsible)), "when": Cell(own(r.period)),
                 "follow": Cell(follow)}
        if own_follow_up(own(r.period)):
            cells["when"], cells["follow"] = own_follow_up(own(r.period))
        rows_cells.append(cells)
    with_output = rows["output"].map(lambda v: isinstance(v, str) and bool(v.strip())).any()
    with_period = not rows_cells or any(cells["when"].text != "–" for cells in rows_cells)
    columns = ([("topic", "ตัวชี้วัด/ประเด็น")] if topics else []) + [("measure", first)] + (
        [("output", "ผลผลิต/หลักฐาน")] if with_output else []) + [("who", "ผู้รับผิดชอบ")] + (
        [("when", "ระยะเวลา")] if with_period else []) + [("follow", "การติดตามผล")]
    body = [tuple(cells[c] for c, _ in columns) for cells in rows_cells]
    return Table(tuple(h for _, h in columns), tuple(body), style="data plan" + (" own" if topics else ""),
                 columns=tuple(c for c, _ in columns))


def plan(a: AgencyAnalysis, audience: str = "agency") -> Section:
    """The measures for the next fiscal year grouped by indicator (why it is in the plan, then its
    measures), then the agency's own action rows from its latest documents with the indicator or
    topic each answers."""
    config = a.config
    plan_year = (a.latest_year + 1) if a.latest_year else None
    title = ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส" if audience == "agency" else "ร่างแผนปฏิบัติการ") + (
        f" ประจำปีงบประมาณ {year(plan_year, config)}" if plan_year else "")
    if a.plan.empty:
        return Section("plan", title, (Note("ไม่มีตัวชี้วัดที่ต่ำกว่าเกณฑ์หรือมีแนวโน้มลดลง และเอกสารไม่มีแผนของหน่วยงาน"),))
    blocks: list[Block] = [Note(follow_up(plan_year, config))] if plan_year else []
    targets = indicator_targets(a.scores, a.latest_year, config)
    if len(targets):
        blocks += [Heading(f"เป้าหมายรายตัวชี้วัด ปีงบประมาณ {year(plan_year, config)}"), Table(
            ("ตัวชี้วัด", f"คะแนนปี {year(a.latest_year, config)}", f"เป้าหมายปี {year(plan_year, config)}"),
            tuple((Cell(f"{fmt(r.indicator, config, None)}. {r.name}"), number_cell(score(r.score, config)),
                   Cell(r.target_th)) for r in targets.itertuples(index=False)), style="data keep")]
    own = a.plan[a.plan["measure_id"].isna()]
    drafted = a.plan[a.plan["measure_id"].notna()]
    if not own.empty:  # the agency's own measures first, in its words
        blocks += [Heading(OWN), _plan_table(own, "มาตรการและขั้นตอน", config, topics=True)]
    if not drafted.empty:
        blocks.append(Heading(f"{GENERATED}สำหรับตัวชี้วัดที่ยังไม่มีมาตรการ" if not own.empty else GENERATED))
    for number, rows in drafted.groupby("indicator", sort=True):
        blocks += [Heading(f"ตัวชี้วัดที่ {fmt(number, config, None)} {rows['name'].iloc[0]}"),
                   Note("เหตุผล: " + str(rows["reason"].iloc[0])), _plan_table(rows, "มาตรการ", config)]
    if audience == "analyst":
        blocks.append(Note("ร่างนี้สร้างจากคลังมาตรการของ ita-report และแผนในเอกสารของหน่วยงาน "
                           "ควรทบทวนและปรับให้เหมาะกับบริบทของหน่วยงานก่อนใช้ ฉบับตารางอยู่ในไฟล์ plan.csv"))
    return Section("plan", title, tuple(blocks))


def sign_off(a: AgencyAnalysis, signers: dict | None = None, audience: str = "agency") -> Section | None:
    """The block an agency signs before it publishes: reporter, certifier, approver, with the names
    and positions the params give and dotted lines for what they do not (agency audience only)."""
    if audience != "agency":
        return None
    signers = signers_of(a, signers)
    blocks = []
    for role, title in SIGNERS:
        person = signers.get(role) or {}
        name, position = person.get("name"), person.get("position")
        blocks.append((f"ลงชื่อ {_BLANK} {title}", f"({name})" if name else f"({_BLANK})",
                       f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {_BLANK}",
                       "วันที่ ........../........../..........."))
    return Section("sign_off", "การรับรองรายงาน", (SignOff(tuple(blocks)),))


def peers(a: AgencyAnalysis, audience: str = "analyst") -> Section | None:
    if a.peers.empty or audience != "analyst":
        return None
    config = a.config
    latest = a.peers[a.peers["fiscal_year"] == a.peers["fiscal_year"].max()]
    table = Table(("", "คะแนน", "จำนวนหน่วยงานในกลุ่ม", "อันดับ", "เปอร์เซ็นไทล์", "ค่ามัธยฐานของกลุ่ม"), tuple(
        (Cell(r.name if r.field == fields.OVERALL else f"{fmt(int(r.code), config, None)}. {r.name}"),
         number_cell(score(r.score, config)), number_cell(fmt(r.peers, config, None)),
         number_cell(fmt(r.peer_rank, config, None)), number_cell(fmt(r.percentile, config, 1)),
         number_cell(score(r.peer_median, config))) for r in latest.itertuples(index=False)))
    group = f"{a.agency.get('agency_type') or 'หน่วยงานประเภทเดียวกัน'} ในจังหวัด{a.agency.get('province')}"
    return Section("peers", "เปรียบเทียบกับหน่วยงานในกลุ่มเดียวกัน", (
        Note(f"เทียบกับ {group} ที่มีในฐานข้อมูล ปี {year(int(latest['fiscal_year'].iloc[0]), config)}"), table))


def _fact_name(fact: str, rules: rubric.YearRules) -> str:
    """An uncertain fact of the rubric in Thai, with the year's numbers where it has them."""
    name = rubric.load().fact_names.get(fact, fact)
    if fact == "weights" and rules.weights:
        return (f"{name} ({'/'.join(rules.weights)} = "
                + "/".join(f"{round(w * 100):g}" for w in rules.weights.values()) + ")")
    if fact == "good_pass" and rules.extra.get("good_pass_rule"):
        return f"{name} ({rules.extra['good_pass_rule']})"
    return name


def _rules_row(fiscal_year: int, config: AnalysisConfig) -> tuple[Cell, ...]:
    shape = rubric.load()
    rules = shape.rules_for(fiscal_year)
    described = digits("; ".join(f"{_fact_name(k, rules)}: {STATUS_TH[v]}" for k, v in rules.uncertain_facts().items()),
                       config)
    return (Cell(year(fiscal_year, config)), Cell(digits(rules.era.label, config)),
            Cell(f"ระดับ {rules.grade_bands[0][0]}–{rules.grade_bands[-1][0]}" if rules.grading == "bands"
                 else f"{shape.passed_word}/{shape.failed_word}"),
            Cell(fmt(rules.pass_threshold, config, 0)), Cell(described or "ยืนยันแล้วทั้งหมด"))


def appendix(a: AgencyAnalysis, audience: str = "analyst") -> Section | None:
    """Sources, checks and rules: for analysts and auditors, not in the agency's published analysis."""
    if audience != "analyst":
        return None
    config = a.config
    sources = Table(("ปี", "ไฟล์", "ประเภทเอกสาร", "SHA-256"), tuple(
        (Cell(year(r.fiscal_year, config)), Cell(Path(r.path).name), Cell(KINDS.get(r.kind, r.kind)),
         Cell(r.sha256[:16] + "…")) for r in a.sources.itertuples(index=False)), style="data small")
    issues = a.consistency[a.consistency["status"] != "ok"]
    checks = (Table(("ปี", "การตรวจสอบ", "ผล", "รายละเอียด"), tuple(
        (Cell(year(r.fiscal_year, config)), Cell(r.check_th), Cell(r.status_th),
         Cell(document_digits(r.detail, config))) for r in issues.itertuples(index=False)), style="data small")
              if not issues.empty else Note("ไม่พบความไม่สอดคล้องของข้อมูล"))
    rules = Table(("ปี", "ช่วงเกณฑ์", "รูปแบบผล", "เกณฑ์ผ่าน", "ข้อเท็จจริงที่ยังไม่ยืนยัน"),
                  tuple(_rules_row(int(y), config) for y in a.years["fiscal_year"]), style="data small")
    thresholds = Note(f"เกณฑ์ระดับที่ใช้ในรายงาน: จุดแข็ง ≥ {fmt(config.strength, config, 0)}, "
                      f"ผ่านเกณฑ์ ≥ {fmt(config.passing, config, 0)}, เร่งด่วน < {fmt(config.urgent, config, 0)}, "
                      f"แนวโน้มคงที่เมื่อเปลี่ยนน้อยกว่า {fmt(config.trend_threshold, config)} คะแนนต่อปี")
    return Section("appendix", "ภาคผนวก", (Heading("แหล่งข้อมูล"), sources,
                                           Heading("คำเตือนและข้อมูลที่ไม่สอดคล้อง"), checks,
                                           Heading("เกณฑ์การประเมินที่ใช้"), rules, thresholds))
