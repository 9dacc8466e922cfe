"""Checks a reader should see before trusting the numbers: printed vs recomputed overall, grade vs
band, result vs score, sources that disagree, and the warnings raised while parsing."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ita_lib.rubric import Rubric, load as load_rubric
from ita_lib.parse.validate import TOLERANCE
from ita_lib.analysis.history import OWN_WORDS, without_nan
from ita_lib.analysis.labels import field_th, warning_th

STATUS_TH = {"ok": "สอดคล้อง", "mismatch": "ไม่สอดคล้อง", "unverifiable": "ตรวจสอบไม่ได้",
             "conflict": "แหล่งข้อมูลขัดกัน", "warning": "คำเตือนจากการอ่านเอกสาร"}


def check_names(rubric: Rubric) -> dict[str, str]:
    """Each check in Thai, with the weights and the pass mark of the rubric ("30/30/40", "85")."""
    rules = rubric.default_rules
    return {"overall_recomputed": f"คะแนนรวมที่พิมพ์ กับ คะแนนที่คำนวณ {rules.weights_label}",
            "grade_band": "ระดับผล กับ ช่วงคะแนน",
            "result_score": f"ผล{rubric.passed_word}/{rubric.failed_word} กับ เกณฑ์ {rules.pass_threshold:g}",
            "conflicting_sources": "ค่าจากหลายแหล่งข้อมูล", "parse_warning": "การอ่านเอกสาร"}


def _fmt(value: float) -> str:
    return f"{value:.2f}"


def _year_checks(year: pd.Series) -> list[dict]:
    rows = []
    rubric = load_rubric()
    fiscal_year = int(year["fiscal_year"])
    printed = year["overall_score"] if year["overall_source"] in OWN_WORDS else None  # None: no overall given
    computed = year["overall_score_computed"]
    if printed is not None and computed is not None:
        if abs(printed - computed) <= TOLERANCE:
            status = "ok"
        else:
            status = "mismatch" if rubric.weights_confirmed(fiscal_year) else "unverifiable"
        detail = f"พิมพ์ {_fmt(printed)} คำนวณได้ {_fmt(computed)}"
        if status == "unverifiable":
            detail += " (น้ำหนักของปีนี้ยังไม่ได้รับการยืนยัน)"
        rows.append(("overall_recomputed", status, detail))
    grade = year["grade"]
    if grade and printed is not None and rubric.has_grade_bands(fiscal_year):
        expected = rubric.grade_for_score(printed, rubric.rules_for(fiscal_year).grade_bands)
        rows.append(("grade_band", "ok" if grade == expected else "mismatch",
                     f"ระดับ {grade} คะแนน {_fmt(printed)} ช่วงคะแนนให้ระดับ {expected}"))
    if year["result"] and printed is not None:
        threshold = rubric.rules_for(fiscal_year).pass_threshold
        by_score = printed >= threshold
        printed_pass = rubric.word_passed(str(year["result"]), fiscal_year) is not False  # ต้องปรับปรุง fails
        rows.append(("result_score", "ok" if by_score == printed_pass else "mismatch",
                     f"ผล {year['result']} คะแนน {_fmt(printed)} เกณฑ์ {threshold:g}"))
    return [{"fiscal_year": fiscal_year, "check": c, "status": s, "detail": d} for c, s, d in rows]


def _value_text(row) -> str:
    return _fmt(row.number) if pd.notna(row.number) else str(row.text)


def _disputes(facts: pd.DataFrame, chosen: pd.DataFrame) -> list[dict]:
    rows = []
    disputed = chosen[chosen["disputed"]]
    for dispute in disputed.itertuples(index=False):
        same = facts[(facts["fiscal_year"] == dispute.fiscal_year) & (facts["field"] == dispute.field)]
        values = "; ".join(f"{_value_text(r)} ({Path(r.path).name}:{r.line if pd.notna(r.line) else '?'})"
                           for r in same.itertuples(index=False))
        rows.append({"fiscal_year": int(dispute.fiscal_year), "check": "conflicting_sources",
                     "status": "conflict",
                     "detail": f"{field_th(dispute.field)}: {values}; ใช้ {_value_text(dispute)} จาก "
                               f"{Path(dispute.path).name}"})
    return rows


def consistency(years: pd.DataFrame, facts: pd.DataFrame, chosen: pd.DataFrame,
                warnings: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict] = []
    for _, year in years.iterrows():
        rows.extend(_year_checks(year))
    rows.extend(_disputes(facts, chosen))
    for warning in warnings.itertuples(index=False):
        where = Path(warning.path).name + ("" if warning.line is None else f":{int(warning.line)}")
        rows.append({"fiscal_year": warning.fiscal_year, "check": "parse_warning", "status": "warning",
                     "detail": f"{warning_th(warning.code)} ({where})", "code": warning.code,
                     "message": warning.message})
    frame = pd.DataFrame(rows, columns=["fiscal_year", "check", "status", "detail", "code", "message"])
    frame["check_th"] = frame["check"].map(check_names(load_rubric()))
    frame["status_th"] = frame["status"].map(STATUS_TH)
    return without_nan(frame.sort_values(["fiscal_year", "check"], kind="stable").reset_index(drop=True))
