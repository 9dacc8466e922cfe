"""The province overview: what a batch of agency reports says about a province as a whole.

Read from the batch's own outputs (manifest.csv and each report's data.json), so the overview agrees
with the reports it links to and needs no second pass over the store:

    o = load_overview("outputs", province="นครราชสีมา")
    title_block(o); summary(o); by_type(o); weakest_indicators(o); movers(o); provinces(o)
"""
from __future__ import annotations

import csv
import datetime
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pythainlp.util import thai_strftime

from ita_lib.rubric import load as load_rubric
from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.labels import LEVELS
from ita_lib.analysis.levels import level_of
from ita_lib.analysis.numbers import fmt
from ita_lib.report.html import none_if_missing
from ita_lib.errors import ItaError
from ita_lib.report.document import Cell, Figure, Heading, Note, Paragraph, Section, Table, TitleBlock

MOVERS = 10  # agencies listed as most improved and most declined
UNKNOWN = "ไม่ระบุ"  # the group of agencies without a type or a province


@dataclass
class Overview:
    """One row per agency (`agencies`) and per agency × indicator (`indicators`), for `year`."""

    title: str  # the province, or "N จังหวัด"
    year: int | None  # the latest fiscal year any agency has: the year the overview is about
    # agency_id, name, agency_type, district, province, slug, year, score, grade, result, passed,
    # previous_year, change
    agencies: pd.DataFrame
    indicators: pd.DataFrame  # agency_id, indicator, name, instrument, score (the overview year)
    config: AnalysisConfig
    in_store: int | None = None  # agencies of the province (or all) in the store; None when not known

    @property
    def agency(self) -> dict:
        """What the chart helpers print under a title (they take an agency's analysis or this)."""
        return {"name": self.heading}

    @property
    def heading(self) -> str:
        return f"ภาพรวมผลการประเมิน ITA {self.title if self.title.endswith('จังหวัด') else 'จังหวัด' + self.title}"

    @property
    def current(self) -> pd.DataFrame:
        """Agencies with a score in the overview year."""
        return self.agencies[(self.agencies["year"] == self.year) & self.agencies["score"].notna()]


def load_overview(output_dir: str | Path, *, province: str | None = None,
                  config: AnalysisConfig | dict | None = None, in_store: int | None = None) -> Overview:
    """The agencies a batch built (or found unchanged) under `output_dir`, optionally one province
    (None, NaN or "" for all of them); `in_store`: how many the store holds (batch.manifest.agencies_in_store)."""
    province = none_if_missing(province) or None
    if isinstance(config, dict):
        config = AnalysisConfig(**config)
    config = config or AnalysisConfig()
    output_dir = Path(output_dir)
    manifest = output_dir / "manifest.csv"
    if not manifest.exists():
        raise ItaError("no manifest.csv: run `ita-report batch` first", path=output_dir)
    with manifest.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle)
                if row["status"] in ("built", "skipped") and row["slug"]
                and (province is None or row["province"] == province)]
    agencies, indicators = [], []
    for row in rows:
        try:
            data = json.loads((output_dir / row["slug"] / "data.json").read_text(encoding="utf-8"))
            agency, scores = _agency_row(data, row["slug"]), _indicator_rows(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # a report removed or damaged since the batch: the index says so, the overview leaves it out
        agencies.append(agency)
        indicators.extend(scores)
    agencies_frame = pd.DataFrame(agencies, columns=["agency_id", "name", "agency_type", "district", "province",
                                                     "slug", "year", "score", "grade", "result", "passed",
                                                     "previous_year", "change"])
    indicator_frame = pd.DataFrame(indicators, columns=["agency_id", "year", "indicator", "name", "instrument",
                                                        "score"])
    year = int(agencies_frame["year"].max()) if agencies_frame["year"].notna().any() else None
    indicator_frame = indicator_frame[indicator_frame["year"] == year].drop(columns="year")
    # Plain values, not Series.map: pandas turns the None it returns back into NaN.
    places = [none_if_missing(p) or None for p in agencies_frame["province"]]
    provinces = sorted({p for p in places if p})
    if province or (len(provinces) == 1 and None not in places):
        title = province or provinces[0]
    else:
        title = f"{fmt(len(provinces), config, None)} จังหวัด" if provinces else "ไม่ระบุจังหวัด"
    in_store = None if in_store is None or pd.isna(in_store) else int(in_store)
    return Overview(title, year, agencies_frame, indicator_frame.reset_index(drop=True), config, in_store)


def agency_names(output_dir: str | Path) -> list[str]:
    """The names of the agencies in a batch's manifest.csv (none without one): the words its pages keep whole."""
    manifest = Path(output_dir) / "manifest.csv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8-sig", newline="") as handle:
        return [row["agency"] for row in csv.DictReader(handle) if row.get("agency")]


def _agency_row(data: dict, slug: str) -> dict:
    agency = data["agency"]
    years = data.get("years") or []
    latest = years[-1] if years else {}
    year = latest.get("fiscal_year")
    change = next((row for row in data.get("yoy") or [] if row.get("scope") == "overall"
                   and row.get("fiscal_year") == year and not row.get("era_break")), {})
    return {"agency_id": agency.get("agency_id"), "name": agency.get("name"), "agency_type": agency.get("agency_type"),
            "district": agency.get("district"), "province": agency.get("province"), "slug": slug, "year": year,
            "score": latest.get("overall_score"), "grade": latest.get("grade"), "result": latest.get("result"),
            "passed": latest.get("passed"),
            "previous_year": change.get("previous_year"), "change": change.get("delta")}


def _indicator_rows(data: dict) -> list[dict]:
    agency_id = data["agency"].get("agency_id")
    return [{"agency_id": agency_id, "year": row["fiscal_year"], "indicator": int(row["indicator"]),
             "name": row["name"], "instrument": row.get("instrument"), "score": row["score"]}
            for row in data.get("scores") or []
            if row.get("scope") == "indicator" and row.get("score") is not None]


# --- sections ------------------------------------------------------------------------------------

def dash_if_missing(value) -> str:
    """Text for a table cell: a dash for a missing or empty value (pd.NA cannot be tested with `or`)."""
    value = none_if_missing(value)
    return "–" if value is None or value == "" else str(value)


def _or_unknown(value) -> str:
    value = none_if_missing(value)
    return UNKNOWN if value is None or value == "" else str(value)


def _score(value, o: Overview) -> str:
    return "–" if value is None or pd.isna(value) else fmt(value, o.config)


def _count(value: int, o: Overview) -> str:
    return fmt(value, o.config, None)


def _share(part: int, whole: int, o: Overview) -> str:
    return "–" if not whole else fmt(100 * part / whole, o.config, 1) + "%"


def _threshold(value: float, o: Overview) -> str:
    """85 as ๘๕, 85.5 as ๘๕.๕๐."""
    return fmt(value, o.config, None if float(value).is_integer() else 2)


def _official_pass_mark(o: Overview) -> float:
    """The ITA's own pass mark for the overview year (the rubric's), as the agency reports use it;
    the user's `passing` threshold only sorts indicators into levels."""
    return load_rubric().rules_for(o.year).pass_threshold if o.year else load_rubric().pass_mark


def agency_passed(year, score, grade=None, result=None, passed=None) -> bool | None:
    """Whether an agency passed in `year`, one answer used by the overview and the index alike: the
    printed result word, else the printed grade (the rubric says which grades pass), else the
    printed pass, else the score against the year's official pass mark; None without any of them."""
    rubric = load_rubric()
    rules = rubric.rules_or_default(None if none_if_missing(year) is None else int(year))
    result, grade = none_if_missing(result), none_if_missing(grade)
    if result:
        return rubric.word_passed(str(result), none_if_missing(year) and int(year)) is not False  # ต้องปรับปรุง fails
    bands = dict(rules.grade_bands or rubric.default_rules.grade_bands)
    if grade in bands:
        return bands[grade] >= rules.pass_threshold
    if none_if_missing(passed) is not None:
        return bool(passed)
    score = none_if_missing(score)
    return None if score is None else float(score) >= rules.pass_threshold


def _passed(frame: pd.DataFrame, o: Overview) -> pd.Series:
    """agency_passed of each row (agencies with a score: never None)."""
    return pd.Series([bool(agency_passed(row.year, row.score, row.grade, row.result, row.passed))
                      for row in frame.itertuples()], index=frame.index, dtype=bool)


def title_block(o: Overview, today: datetime.date | None = None) -> TitleBlock:
    today = today or datetime.date.today()
    built = thai_strftime(datetime.datetime(today.year, today.month, today.day), "%-d %B %Y",
                          thaidigit=o.config.digits == "thai")
    year = "–" if o.year is None else fmt(o.year, o.config, None)
    facts = (("ปีงบประมาณ", year), ("จำนวนหน่วยงานในรายงานชุดนี้", _count(len(o.agencies), o)),
             ("มีคะแนนรวมปีนี้", _count(len(o.current), o)), ("วันที่จัดทำรายงาน", built))
    # The overview reads the batch's reports, not the store: say how many of the store's it covers.
    place = "ของจังหวัดนี้" if not o.title.endswith("จังหวัด") else ""
    if o.in_store is not None and o.in_store <= len(o.agencies):
        scope = (f"ภาพรวมนี้คำนวณจากหน่วยงาน {_count(len(o.agencies), o)} แห่งในรายงานชุดนี้ "
                 f"ครบทุกหน่วยงาน{place}ในฐานข้อมูล")
    elif o.in_store is not None:
        scope = (f"ภาพรวมนี้คำนวณจากหน่วยงาน {_count(len(o.agencies), o)} แห่งในรายงานชุดนี้ "
                 f"จากทั้งหมด {_count(o.in_store, o)} แห่ง{place}ในฐานข้อมูล")
    else:
        scope = (f"ภาพรวมนี้คำนวณจากหน่วยงาน {_count(len(o.agencies), o)} แห่งในรายงานชุดนี้ "
                 "ไม่ใช่จากทุกหน่วยงานของจังหวัด")
    return TitleBlock("รายงานภาพรวมผลการประเมินคุณธรรมและความโปร่งใส", o.heading, facts, scope)


def _table(header: tuple[str, ...], rows: list[tuple], numeric: tuple[int, ...] = ()) -> Table:
    """A table of text cells, the `numeric` columns right-aligned; a (text, level) pair is a level cell."""
    def cell(column: int, value) -> Cell:
        text_, level = value if isinstance(value, tuple) else (value, None)
        return Cell(text_, number=column in numeric, level=level)
    return Table(header, tuple(tuple(cell(i, v) for i, v in enumerate(row)) for row in rows))


def summary(o: Overview) -> Section:
    title = "สรุปผลคะแนน"
    current = o.current
    if current.empty:
        return Section("summary", title, (Note("ไม่มีหน่วยงานที่มีคะแนนในรายงานชุดนี้"),))
    scores = current["score"]
    passed = int(_passed(current, o).sum())
    rows = [("คะแนนเฉลี่ย", _score(scores.mean(), o)), ("มัธยฐาน", _score(scores.median(), o)),
            ("ต่ำสุด", _score(scores.min(), o)), ("สูงสุด", _score(scores.max(), o)),
            (f"ผ่านเกณฑ์ {_threshold(_official_pass_mark(o), o)} คะแนน", f"{_count(passed, o)} หน่วยงาน "
                                                               f"({_share(passed, len(current), o)})")]
    verdict_rows = _verdict_rows(current, o)
    sentences = [f"ปีงบประมาณ {fmt(o.year, o.config, None)} หน่วยงาน {_count(len(current), o)} แห่ง "
                 f"ได้คะแนนเฉลี่ย {_score(scores.mean(), o)} คะแนน ผ่านเกณฑ์ {_count(passed, o)} แห่ง "
                 f"({_share(passed, len(current), o)})"]
    # Left out: agencies without a result of the year, and those whose result has no overall score
    # (their indicators still count in the indicator means, which say so).
    of_year = int((o.agencies["year"] == o.year).sum())
    without_year, without_overall = len(o.agencies) - of_year, of_year - len(current)
    left_out = [f"{_count(without_year, o)} หน่วยงานไม่มีผลการประเมินปี {fmt(o.year, o.config, None)}"] * bool(without_year)
    left_out += [f"{_count(without_overall, o)} หน่วยงานมีผลปี {fmt(o.year, o.config, None)} แต่ไม่มีคะแนนรวม"
                 ] * bool(without_overall)
    if left_out:
        sentences.append("อีก " + " และ ".join(left_out) + " จึงไม่นับรวมในสรุปนี้")
    blocks = [*(Paragraph(s) for s in sentences), _table(("สถิติ", "ค่า"), rows, numeric=(1,)),
              _table(("ผลการประเมิน", "จำนวนหน่วยงาน", "สัดส่วน", "ที่มาของผล"), verdict_rows, numeric=(1, 2))]
    return Section("summary", title, tuple(blocks))


def _verdict_rows(current: pd.DataFrame, o: Overview) -> list[tuple]:
    """Passed and failed, each agency counted once (agency_passed), so the rows add up to the
    agencies and the passed row is the headline's count; beside each, the words the documents
    printed and how many were judged by the score against the pass mark."""
    rubric = load_rubric()
    judged = current.assign(passed_now=_passed(current, o))
    rows = []
    for passed, word in ((True, rubric.passed_word), (False, rubric.failed_word)):
        group = judged[judged["passed_now"] == passed]
        printed = [none_if_missing(row.result) or none_if_missing(row.grade) for row in group.itertuples()]
        words = pd.Series([w for w in printed if w], dtype=object).value_counts()
        origin = [f"{'ระดับ ' if w in rubric.all_grades else 'ประกาศว่า'}{w} {_count(int(n), o)}"
                  for w, n in sorted(words.items())]
        by_score = sum(1 for w in printed if not w)
        if by_score:
            origin.append(f"จากคะแนนเทียบเกณฑ์ {_threshold(_official_pass_mark(o), o)} จำนวน {_count(by_score, o)}")
        rows.append((word, _count(len(group), o), _share(len(group), len(current), o), ", ".join(origin) or "–"))
    return rows


def by_type(o: Overview) -> Section | None:
    current = o.current.assign(passed_now=_passed(o.current, o))
    if current.empty:
        return None
    groups = current.groupby(current["agency_type"].map(_or_unknown))
    rows = [(kind, _count(len(group), o), _score(group["score"].mean(), o), _score(group["score"].min(), o),
             _share(int(group["passed_now"].sum()), len(group), o))
            for kind, group in sorted(groups, key=lambda item: -item[1]["score"].mean())]
    return Section("by_type", "คะแนนตามประเภทหน่วยงาน", (
        _table(("ประเภท", "จำนวน", "คะแนนเฉลี่ย", "ต่ำสุด", "ผ่านเกณฑ์"), rows, numeric=(1, 2, 3, 4)),))


def indicator_means(o: Overview) -> pd.DataFrame:
    """Per indicator: mean score, agencies scored, share below the pass mark; weakest first."""
    if o.indicators.empty:
        return pd.DataFrame(columns=["indicator", "name", "instrument", "mean", "agencies", "below", "level"])
    grouped = o.indicators.groupby("indicator")
    means = pd.DataFrame({"name": grouped["name"].first(), "instrument": grouped["instrument"].first(),
                          "mean": grouped["score"].mean(), "agencies": grouped["score"].size(),
                          "below": grouped["score"].apply(lambda s: int((s < o.config.passing).sum()))})
    means["level"] = [level_of(value, o.config) for value in means["mean"]]
    return means.reset_index().sort_values(["mean", "indicator"]).reset_index(drop=True)


def indicator_coverage(o: Overview) -> tuple[int, int]:
    """(agencies with indicator scores, agencies with a result) in the overview year: the
    indicator means are taken over the first, which may be far fewer than the second."""
    of_year = o.agencies[o.agencies["year"] == o.year]
    scored = set(o.indicators["agency_id"]) & set(of_year["agency_id"])
    return len(scored), len(of_year)


def weakest_indicators(o: Overview, chart: Figure | None = None) -> Section:
    title = "ตัวชี้วัดที่จังหวัดยังอ่อน"
    means = indicator_means(o)
    if means.empty:
        return Section("weakest_indicators", title, (Note("ไม่มีคะแนนรายตัวชี้วัดในปีนี้"),))
    rows = [(_count(int(row.indicator), o), row.name, dash_if_missing(row.instrument),
             (_score(row.mean, o), row.level), LEVELS[row.level],
             f"{_count(row.below, o)} จาก {_count(row.agencies, o)} ({_share(row.below, row.agencies, o)})")
            for row in means.itertuples()]
    weakest = means.iloc[0]
    sentence = (f"ตัวชี้วัดที่คะแนนเฉลี่ยต่ำที่สุดคือ ตัวชี้วัดที่ {_count(int(weakest['indicator']), o)} "
                f"{weakest['name']} เฉลี่ย {_score(weakest['mean'], o)} คะแนน "
                f"มีหน่วยงานได้ต่ำกว่าเกณฑ์ {_count(int(weakest['below']), o)} แห่ง")
    scored, of_year = indicator_coverage(o)
    coverage = (f"คะแนนเฉลี่ยรายตัวชี้วัดคำนวณจากหน่วยงานที่มีคะแนนรายตัวชี้วัด {_count(scored, o)} จาก "
                f"{_count(of_year, o)} หน่วยงานที่มีผลการประเมินปี {fmt(o.year, o.config, None)}")
    table = _table(("ตัวชี้วัด", "ชื่อ", "แบบวัด", "คะแนนเฉลี่ย", "ระดับ",
                    f"หน่วยงานต่ำกว่า {_threshold(o.config.passing, o)}"), rows, numeric=(0, 3, 5))
    return Section("weakest_indicators", title,
                   (Paragraph(sentence), Paragraph(coverage), table, *((chart,) if chart else ())))


def movers_table(o: Overview) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The most improved and the most declined agencies of the overview year (comparable years only)."""
    moved = o.current[o.current["change"].notna()]
    improved = moved[moved["change"] > 0].sort_values(["change", "name"], ascending=[False, True]).head(MOVERS)
    declined = moved[moved["change"] < 0].sort_values(["change", "name"]).head(MOVERS)
    return improved, declined


def movers(o: Overview, chart: Figure | None = None) -> Section:
    title = "หน่วยงานที่คะแนนเปลี่ยนแปลงมากที่สุด"
    improved, declined = movers_table(o)
    if improved.empty and declined.empty:
        return Section("movers", title, (Note("ไม่มีหน่วยงานที่มีคะแนนปีก่อนหน้าในเกณฑ์เดียวกันให้เปรียบเทียบ"),))

    def rows(frame: pd.DataFrame) -> list[tuple]:
        return [(row.name, dash_if_missing(row.district), fmt(row.previous_year, o.config, None), _score(row.score, o),
                 ("+" if row.change > 0 else "") + _score(row.change, o)) for row in frame.itertuples()]

    headers = ("หน่วยงาน", "อำเภอ", "เทียบกับปี", "คะแนน", "เปลี่ยนแปลง")
    blocks = [chart] if chart else []
    for heading, frame, none in (("ดีขึ้นมากที่สุด", improved, "ไม่มีหน่วยงานที่คะแนนดีขึ้น"),
                                 ("ลดลงมากที่สุด", declined, "ไม่มีหน่วยงานที่คะแนนลดลง")):
        blocks += [Heading(heading), _table(headers, rows(frame), numeric=(2, 3, 4)) if not frame.empty
                   else Note(none)]
    return Section("movers", title, tuple(blocks))


def provinces(o: Overview) -> Section | None:
    """A row per province when the batch spans several."""
    current = o.current.assign(passed_now=_passed(o.current, o), place=o.current["province"].map(_or_unknown))
    if current["place"].nunique() < 2:
        return None
    rows = [(province, _count(len(group), o), _score(group["score"].mean(), o),
             _share(int(group["passed_now"].sum()), len(group), o))
            for province, group in sorted(current.groupby("place"), key=lambda item: -item[1]["score"].mean())]
    return Section("provinces", "คะแนนรายจังหวัด", (
        _table(("จังหวัด", "หน่วยงาน", "คะแนนเฉลี่ย", "ผ่านเกณฑ์"), rows, numeric=(1, 2, 3)),))
