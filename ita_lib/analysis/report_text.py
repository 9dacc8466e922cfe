"""The analysis printed in a terminal (ita-report analyse): year comparison, priorities, narrative."""
from __future__ import annotations

import pandas as pd

from ita_lib import fields
from ita_lib.rubric import load as load_rubric
from ita_lib.analysis.numbers import digits, fmt


def comparison_table(analysis) -> pd.DataFrame:
    """Rows: overall, grade/result, instruments, indicators; columns: the fiscal years (Thai labels)."""
    years = analysis.years.sort_values("fiscal_year")
    config = analysis.config
    rubric = load_rubric()
    rows = {"คะแนนรวม ITA": [], "ระดับ/ผล": [], "ช่วงเกณฑ์": []}
    for code in rubric.instruments:
        rows[f"แบบวัด {code}"] = []
    # The indicators of the years shown (an indicator the rubric adds in a later year is not a row of dashes).
    numbers = [n for n in rubric.indicators
               if any(rubric.indicators[n].assessed_in(int(y)) for y in years["fiscal_year"])]
    scores = dict(zip(zip(analysis.scores["fiscal_year"], analysis.scores["field"]), analysis.scores["score"]))
    for n in numbers:
        rows[_indicator_label(n, analysis.config)] = []
    for year in years.itertuples(index=False):
        rows["คะแนนรวม ITA"].append(_score(year.overall_score, config))
        rows["ระดับ/ผล"].append(" ".join(str(v) for v in (year.grade, year.result) if v) or "-")
        # "ปี 2566 เป็นต้นไป", not "2566+"
        rows["ช่วงเกณฑ์"].append(digits(rubric.era_of(int(year.fiscal_year)).label, config))
        for code in rubric.instruments:
            rows[f"แบบวัด {code}"].append(_score(scores.get((year.fiscal_year, fields.instrument(code))), config))
        for n in numbers:
            label = _indicator_label(n, config)
            rows[label].append(_score(scores.get((year.fiscal_year, fields.indicator(n))), config))
    columns = [fmt(y, config, None) for y in years["fiscal_year"]]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def _indicator_label(number: int, config) -> str:
    return f"{fmt(number, config, None)}. {load_rubric().indicators[number].name}"


def _score(value, config) -> str:
    return "-" if value is None else fmt(value, config)


def print_analysis(analysis, console) -> None:
    """Document text (names, narrative) goes out as Text or with markup off: "[/x]" in a name is text."""
    from rich.table import Table
    from rich.text import Text

    agency = analysis.agency
    where = " ".join(f"{label}{value}" for label, value in (("อำเภอ", agency.get("district")),
                                                           ("จังหวัด", agency.get("province"))) if value)
    console.rule(Text(f"{agency['name']} {where}".strip()))
    table = Table(title="ผลการประเมิน ITA รายปี")
    comparison = comparison_table(analysis)
    table.add_column("")
    for column in comparison.columns:
        table.add_column(Text(str(column)), justify="right")
    for label, row in comparison.iterrows():  # row labels are the rubric's names: text, never markup
        table.add_row(Text(str(label)), *(Text(str(value)) for value in row.tolist()))
    console.print(table)
    config = analysis.config
    room = analysis.priorities[analysis.priorities["gain_to_full"].fillna(0) > 0]  # at 100: nothing to gain
    if not room.empty:
        ranked = Table(title=f"ลำดับความสำคัญ ปี {fmt(analysis.latest_year, config, None)}")
        for column in ("ลำดับ", "ตัวชี้วัด", "คะแนน", f"เพิ่มหากถึง {fmt(config.passing, config, 0)}",
                       f"เพิ่มหากถึง {fmt(100, config, None)}"):
            ranked.add_column(column, justify="left" if column == "ตัวชี้วัด" else "right")
        for row in room.head(5).itertuples(index=False):
            ranked.add_row(fmt(row.priority, config, None), Text(f"{fmt(row.indicator, config, None)}. {row.name}"),
                           _score(row.score, config), _score(row.gain_to_pass, config),
                           _score(row.gain_to_full, config))
        console.print(ranked)
    console.print(analysis.narrative.text(), markup=False)
    if not analysis.plan.empty:
        numbers = ", ".join(fmt(int(i), config, None) for i in analysis.plan["indicator"].dropna().unique())
        console.print(f"\nร่างแผนปีถัดไป: {fmt(len(analysis.plan), config, None)} มาตรการ"
                      + (f" (ตัวชี้วัด {numbers})" if numbers else ""), markup=False)
