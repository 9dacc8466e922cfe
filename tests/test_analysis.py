"""Analysis rules on hand-made facts; every expectation is worked out by hand in the comments."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_lib.analysis import AnalysisConfig, build_analysis, write_plan_csv
from ita_lib.analysis.plan import knowledge_base

# The worked example of the domain reference (2563): ITA 85.32.
WORKED = (93.76, 88.66, 95.22, 88.93, 95.18, 86.60, 76.62, 78.27, 79.85, 87.50)
AGENCY = {"agency_id": "a1", "name": "องค์การบริหารส่วนตำบลทดสอบ", "agency_type": "อบต.",
          "district": "เมือง", "province": "ขอนแก่น"}


def facts_for(years: dict[int, dict], *, agency_id: str = "a1", kind: str = "itas_result",
              path: str = "doc.txt") -> pd.DataFrame:
    """Store.facts-shaped rows: years -> {"indicators": (10 values), "overall": x, "grade": g, ...}."""
    rows = []
    for year, given_values in years.items():
        rid = f"{path}-{agency_id}-{year}"
        for n, value in enumerate(given_values.get("indicators", ()), start=1):
            if value is not None:
                rows.append((agency_id, year, f"indicator:{n}", value, None, 10 + n, rid, kind, path, "x"))
        if "overall" in given_values:
            rows.append((agency_id, year, "overall_score", given_values["overall"], None, 3, rid, kind, path, "x"))
        for field in ("grade", "result"):
            if field in given_values:
                rows.append((agency_id, year, field, None, given_values[field], 4, rid, kind, path, "x"))
    return pd.DataFrame(rows, columns=["agency_id", "fiscal_year", "field", "number", "text", "line",
                                       "record_id", "kind", "path", "sha256"])


def worked_analysis(**config) -> object:
    facts = facts_for({2563: {"indicators": WORKED, "overall": 85.32, "grade": "A"}})
    return build_analysis(AGENCY, facts, config=AnalysisConfig(**config))


# --- levels, ranks, gaps ----------------------------------------------------------------------

def test_levels_ranks_and_gaps_of_the_worked_example():
    indicators = worked_analysis().indicators.set_index("indicator")
    # ≥ 95: 3 (95.22), 5 (95.18); 85–94.99: 1, 2, 4, 6, 10; < 85: 7, 8, 9; none < 75.
    assert sorted(indicators.index[indicators["level"] == "strength"]) == [3, 5]
    assert sorted(indicators.index[indicators["level"] == "pass"]) == [1, 2, 4, 6, 10]
    assert sorted(indicators.index[indicators["level"] == "weakness"]) == [7, 8, 9]
    assert indicators.loc[7, "level_th"] == "จุดอ่อน"
    # Sorted by score: 3, 5, 1, 4, 2, 10, 6, 9, 8, 7.
    assert [indicators.loc[n, "rank"] for n in (3, 5, 1, 4, 2, 10, 6, 9, 8, 7)] == list(range(1, 11))
    assert indicators.loc[9, "gap_to_pass"] == pytest.approx(5.15)  # 85 - 79.85
    assert indicators.loc[9, "gap_to_full"] == pytest.approx(20.15)  # 100 - 79.85
    assert indicators.loc[3, "gap_to_pass"] == 0


def test_thresholds_are_configurable():
    indicators = worked_analysis(urgent=77.0, strength=95.2).indicators.set_index("indicator")
    assert indicators.loc[7, "level"] == "urgent"  # 76.62 < 77
    assert indicators.loc[8, "level"] == "weakness"  # 78.27 ≥ 77
    assert indicators.loc[3, "level"] == "strength"  # 95.22 ≥ 95.2
    assert indicators.loc[5, "level"] == "pass"  # 95.18 < 95.2
    with pytest.raises(ValueError):
        AnalysisConfig(urgent=90, passing=85)


def test_instruments_are_the_means_of_their_indicators_when_not_printed():
    instruments = worked_analysis().instruments.set_index("code")
    # IIT (93.76+88.66+95.22+88.93+95.18)/5 = 461.75/5 = 92.35; EIT 241.49/3 = 80.4967 -> 80.50;
    # OIT 167.35/2 = 83.675 -> 83.67 or 83.68 by float rounding of 83.675
    assert instruments.loc["IIT", "score"] == pytest.approx(92.35)
    assert instruments.loc["EIT", "score"] == pytest.approx(80.50)
    assert instruments.loc["OIT", "score"] == pytest.approx(83.675, abs=0.006)
    assert set(instruments["score_source"]) == {"computed"}


# --- priorities ---------------------------------------------------------------------------------

def test_priorities_rank_by_overall_points_gained():
    ranked = worked_analysis().priorities
    # Gain at 85 = weight × gap: 9: 0.20 × 5.15 = 1.03; 7: 0.10 × 8.38 = 0.838; 8: 0.10 × 6.73 = 0.673.
    # Then the rest by gain at 100: 10: 0.20 × 12.50 = 2.50; 6: 0.10 × 13.40 = 1.34;
    # 2: 0.06 × 11.34 = 0.6804; 4: 0.06 × 11.07 = 0.6642; 1: 0.06 × 6.24 = 0.3744;
    # 5: 0.06 × 4.82 = 0.2892; 3: 0.06 × 4.78 = 0.2868.
    assert ranked["indicator"].tolist() == [9, 7, 8, 10, 6, 2, 4, 1, 5, 3]
    top = ranked.iloc[0]
    assert (top["gain_to_pass"], top["gain_to_full"]) == (1.03, 4.03)  # 0.20 × 20.15 = 4.03
    assert ranked.set_index("indicator").loc[7, "gain_to_pass"] == 0.84
    assert ranked.set_index("indicator").loc[10, "gain_to_pass"] == 0
    assert ranked["weights_status"].unique().tolist() == ["C"]  # 2563: weights confirmed


def test_priorities_of_a_2566_plus_year_say_the_weights_are_only_likely():
    facts = facts_for({2567: {"indicators": WORKED}})
    assert build_analysis(AGENCY, facts).priorities["weights_status"].unique().tolist() == ["L"]


# --- year over year and trends --------------------------------------------------------------

FLAT = {2564: 80.0, 2565: 82.0, 2566: 90.0, 2567: 88.0}


def flat_history(**config):
    facts = facts_for({year: {"indicators": (score,) * 10} for year, score in FLAT.items()})
    return build_analysis(AGENCY, facts, config=AnalysisConfig(**config))


def test_deltas_stop_at_the_era_break_unless_asked():
    overall = flat_history().yoy.query("scope == 'overall'").set_index("fiscal_year")
    assert overall.loc[2565, "delta"] == pytest.approx(2.0)  # 82 - 80, same era
    assert pd.isna(overall.loc[2566, "delta"]) and overall.loc[2566, "era_break"]  # 2565 -> 2566
    assert overall.loc[2567, "delta"] == pytest.approx(-2.0)
    across = flat_history(across_eras=True).yoy.query("scope == 'overall'").set_index("fiscal_year")
    assert across.loc[2566, "delta"] == pytest.approx(8.0) and across.loc[2566, "era_break"]


def test_trend_over_the_comparable_years():
    trend = flat_history().trends.query("scope == 'overall'").iloc[0]
    # Default: 2566-2567 only, 90 -> 88: slope -2 per year, beyond the threshold 1 -> declining.
    assert trend["years"] == [2566, 2567] and trend["slope"] == -2.0 and trend["trend"] == "declining"
    # Across eras: x = 0..3, y = 80, 82, 90, 88; Σ(x-1.5)(y-85) = 7.5+1.5+2.5+4.5 = 16, Σ(x-1.5)² = 5
    # slope 3.2 -> improving.
    across = flat_history(across_eras=True).trends.query("scope == 'overall'").iloc[0]
    assert across["years"] == [2564, 2565, 2566, 2567] and across["slope"] == 3.2
    assert across["trend"] == "improving"
    # A threshold above |slope| makes it stable.
    assert flat_history(trend_threshold=2.5).trends.query("scope == 'overall'").iloc[0]["trend"] == "stable"


def test_declining_indicator_gets_plan_measures_even_when_passing():
    history = flat_history()
    # 2567: every indicator 88 (passing) but declining since 2566 -> every indicator in the plan.
    reasons = history.plan.drop_duplicates("indicator").set_index("indicator")["reason"]
    assert sorted(reasons.index) == list(range(1, 11))
    assert all("แนวโน้มลดลง" in reason for reason in reasons)


# --- consistency ----------------------------------------------------------------------------

def test_consistency_checks():
    facts = pd.concat([
        # 2563: printed 86.00 but 30/30/40 gives 85.32 (confirmed weights) -> mismatch;
        # grade B for 86.00 -> the band gives A -> mismatch.
        facts_for({2563: {"indicators": WORKED, "overall": 86.00, "grade": "B"}}),
        # 2567: same indicators printed with 84.00 -> weights only likely -> unverifiable;
        # result ผ่าน for 84.00 < 85 -> mismatch.
        facts_for({2567: {"indicators": WORKED, "overall": 84.00, "result": "ผ่าน"}}),
        # A second source for 2567 that prints indicator 9 as 81.00 -> conflict.
        facts_for({2567: {"indicators": (None,) * 8 + (81.00,)}}, kind="agency_analysis", path="plan.txt"),
    ])
    checks = build_analysis(AGENCY, facts).consistency
    status = {(row.fiscal_year, row.check): row.status for row in checks.itertuples()}
    assert status[(2563, "overall_recomputed")] == "mismatch"
    assert status[(2563, "grade_band")] == "mismatch"
    assert status[(2567, "overall_recomputed")] == "unverifiable"
    assert status[(2567, "result_score")] == "mismatch"
    assert status[(2567, "conflicting_sources")] == "conflict"
    conflict = checks[checks["check"] == "conflicting_sources"].iloc[0]["detail"]
    # The ITAS page outranks the agency's own analysis: 79.85 is used; both listed with line 10 + 9.
    assert "79.85 (doc.txt:19)" in conflict and "81.00 (plan.txt:19)" in conflict
    assert conflict.endswith("ใช้ 79.85 จาก doc.txt")


# --- narrative -------------------------------------------------------------------------------

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def numbers_in(text: str) -> set[float]:
    return {float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", text.translate(THAI_DIGITS))}


def test_narrative_of_one_year_makes_no_comparison():
    text = worked_analysis(digits="arabic").narrative.text()
    assert "ได้คะแนน ITA 85.32 คะแนน ระดับ A ผ่านเกณฑ์ 85 คะแนน" in text
    assert "เมื่อเทียบกับ" not in text and "เพิ่มขึ้น 0" not in text
    assert worked_analysis().narrative.sections["trends"] == []  # one year: no trend, and no sentence saying so
    assert "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (76.62)" in text
    assert "ประมาณ 1.03 คะแนน" in text and "ประมาณ 4.03 คะแนน" in text
    assert "ไม่ได้รับการยืนยัน" not in text  # 2563 weights are confirmed


def test_narrative_in_thai_digits_has_no_arabic_digits():
    text = worked_analysis().narrative.text()
    assert "๘๕.๓๒" in text and not re.search(r"[0-9]", text)


def test_narrative_says_when_years_cannot_be_compared():
    facts = facts_for({2565: {"indicators": WORKED, "overall": 85.32}, 2566: {"indicators": (90.0,) * 10}})
    text = build_analysis(AGENCY, facts, config=AnalysisConfig(digits="arabic")).narrative.text()
    assert "ไม่นำไปเทียบกับปี 2565 (85.32 คะแนน)" in text
    assert "เพิ่มขึ้น" not in text.split("จุดแข็ง")[0]  # the summary compares nothing
    thai = build_analysis(AGENCY, facts).narrative.text()
    assert "ไม่นำไปเทียบกับปี ๒๕๖๕" in thai and not re.search(r"[0-9]", thai)


def test_missing_indicators_are_not_claimed_to_pass():
    facts = facts_for({2567: {"indicators": (90.0, 91.0, None, None, None, None, None, None, None, None)}})
    text = build_analysis(AGENCY, facts, config=AnalysisConfig(digits="arabic")).narrative.text()
    assert "ทุกตัวชี้วัด" not in text
    assert "ตัวชี้วัดที่มีคะแนน 2 จาก 10 ตัวชี้วัด" in text
    assert "ได้คะแนน ITA" not in text  # no overall printed and not computable from 2 indicators


scores = st.floats(min_value=40, max_value=100, allow_nan=False).map(lambda x: round(x, 2))
maybe_scores = st.one_of(st.none(), scores)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.integers(2562, 2568), st.lists(maybe_scores, min_size=10, max_size=10),
                       min_size=1, max_size=4),
       st.sampled_from(["thai", "arabic"]))
def test_every_number_in_the_narrative_comes_from_the_tables(history, digits):
    facts = facts_for({year: {"indicators": tuple(values)} for year, values in history.items()})
    analysis = build_analysis(AGENCY, facts, config=AnalysisConfig(digits=digits))
    allowed = {0.0, 2.0, 10.0, 30.0, 40.0, 75.0, 85.0, 95.0, 100.0}
    for frame in (analysis.scores, analysis.yoy, analysis.trends, analysis.priorities):
        for column in ("score", "previous_score", "delta", "slope", "first_score", "last_score",
                       "gap_to_pass", "gap_to_full", "gain_to_pass", "gain_to_full", "fiscal_year",
                       "previous_year", "indicator"):
            if column in frame:
                allowed |= {round(abs(float(v)), 2) for v in frame[column].dropna()}
    allowed |= {float(n) for n in range(1, 11)}  # counts of indicators, years in spans
    allowed |= {float(y) for y in history}
    for number in numbers_in(analysis.narrative.text()):
        assert round(number, 2) in allowed, (number, analysis.narrative.text())


# --- plan draft --------------------------------------------------------------------------------

def test_plan_draft_for_weak_indicators_and_csv_export(tmp_path):
    analysis = worked_analysis(measures_per_indicator=2, urgent=77.0)
    plan = analysis.plan
    # Weak in 2563: 7, 8, 9. Indicator 7 (76.62) is urgent under 77 -> 2 knowledge-base measures
    # that apply in the plan year 2564; 8 and 9 get one each, so a plan stays one an agency can do.
    assert plan["indicator"].tolist() == [7, 7, 8, 9]
    kb = knowledge_base()
    first_nine = kb[(kb["indicator"] == 9) & (kb["applies_from"] <= 2564)
                    & (kb["applies_to"].fillna(9999) >= 2564)].head(1)
    assert plan[plan["indicator"] == 9]["measure_id"].tolist() == first_nine["measure_id"].tolist()
    assert plan.iloc[0]["reason"] == "ปี ๒๕๖๓ ได้ ๗๖.๖๒ ต่ำกว่าเกณฑ์ ๘๕ (เร่งด่วน ต่ำกว่า ๗๗)"
    # days of fiscal year 2564 (1 Oct 2563 - 30 Sep 2564), the knowledge base's words beside them
    assert plan["period"].tolist() == ["๑ ต.ค. ๒๕๖๓ – ๓๐ ก.ย. ๒๕๖๔ (ตลอดปีงบประมาณ)"] * 2 + [
        "๑ ม.ค. ๒๕๖๔ – ๓๑ มี.ค. ๒๕๖๔ (ไตรมาสที่ ๒)", "๑ ต.ค. ๒๕๖๓ – ๓๑ ธ.ค. ๒๕๖๓ (ไตรมาสที่ ๑)"]
    out = write_plan_csv(plan, tmp_path / "plan" / "draft.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads Thai correctly
    back = pd.read_csv(out, encoding="utf-8-sig")
    assert back.columns[:4].tolist() == ["ตัวชี้วัดที่", "ชื่อ", "เหตุผล", "มาตรการ"]
    assert len(back) == 4 and not list(tmp_path.joinpath("plan").glob("*.tmp"))
    assert not any(column.isascii() for column in back.columns)  # Thai headings only, no measure_id


def own_plan(**given) -> pd.DataFrame:
    """One action row of the agency's own plan for indicator 9 of 2563, as the store gives it."""
    return pd.DataFrame([{"indicator": 9, "topic": "9", "measure": "ตรวจลิงก์ทุกเดือน", "analysis": "ลิงก์เสีย",
                          "steps": '["ตรวจ", "แก้"]', "period": "ต.ค. 2563", "responsible": "สำนักปลัด",
                          "score": 79.85, "line": 40, "fiscal_year": 2563, "path": "/x/plan.txt", **given}])


def test_plan_keeps_the_agencys_own_action_rows():
    facts = facts_for({2563: {"indicators": WORKED, "overall": 85.32}})
    plan = build_analysis(AGENCY, facts, actions=own_plan(), config=AnalysisConfig(measures_per_indicator=0)).plan
    assert len(plan) == 1
    row = plan.iloc[0]
    assert (row["measure"], row["steps"], row["responsible"]) == ("ตรวจลิงก์ทุกเดือน", "ตรวจ | แก้", "สำนักปลัด")
    assert row["origin"] == "มาตรการของหน่วยงาน ปี ๒๕๖๓ (plan.txt:40)"


def test_generated_measures_fill_only_the_indicators_the_agencys_plan_leaves_out():
    # WORKED: indicators 7, 8 and 9 are below 85; the agency's own plan answers 9
    facts = facts_for({2563: {"indicators": WORKED, "overall": 85.32}})
    plan = build_analysis(AGENCY, facts, actions=own_plan(), config=AnalysisConfig(measures_per_indicator=1)).plan
    generated = plan[plan["measure_id"].notna()]
    assert sorted(generated["indicator"].unique()) == [7, 8] and set(generated["origin"]) == {"มาตรการเสนอเพิ่มเติม"}
    assert plan[plan["measure_id"].isna()]["indicator"].tolist() == [9]


# --- peers ----------------------------------------------------------------------------------------

def test_peer_rank_and_percentile():
    # Four agencies of one type and province in 2567, overall 90, 80, 85, 80.
    peer_facts = pd.concat([facts_for({2567: {"overall": score}}, agency_id=aid, path=f"{aid}.txt")
                            for aid, score in (("a1", 80.0), ("b", 90.0), ("c", 85.0), ("d", 80.0))])
    facts = peer_facts[peer_facts["agency_id"] == "a1"]
    analysis = build_analysis(AGENCY, facts, peer_facts=peer_facts, config=AnalysisConfig(digits="arabic"))
    peers = analysis.peers.iloc[0]
    # a1 = 80: two peers above -> rank 3 (tie with d shares it); lower 0, equal 1 of 3 others:
    # 100 × (0 + 0.5) / 3 = 16.7; median of 80, 80, 85, 90 = 82.5.
    assert (peers["code"], peers["peers"], peers["peer_rank"]) == ("ITA", 4, 3)
    assert peers["percentile"] == 16.7 and peers["peer_median"] == 82.5
    # Four agencies: a rank and a median, no percentile (it says nothing more in so small a group).
    assert ("เทียบกับ อบต. ในจังหวัดขอนแก่น ที่มีในฐานข้อมูล 4 แห่ง อยู่อันดับที่ 3 "
            "(ค่ามัธยฐานของกลุ่ม 82.50)") in analysis.narrative.text()
    assert "เปอร์เซ็นไทล์" not in analysis.narrative.text()


def test_a_stable_trend_that_crosses_the_pass_mark_is_not_called_stable(tmp_path, write_records) -> None:
    from ita_lib.analysis import load
    from ita_lib.model import Assessment, Source

    name = "องค์การบริหารส่วนตำบลหนองตาคง"
    records = [Assessment(agency=name, agency_type="อบต.", province="จันทบุรี", fiscal_year=year, overall_score=score,
                          source=Source(path=f"{year}.txt", sha256=str(year) * 16, kind="itas_result"))
               for year, score in ((2566, 85.35), (2567, 86.10), (2568, 83.43))]  # slope -0.96: within 1/yr
    write_records(tmp_path / "ita.duckdb", records)
    a = load(name, tmp_path / "ita.duckdb")
    assert a.trends[a.trends["scope"] == "overall"].iloc[0]["trend"] == "stable"
    sentence = a.narrative.sections["trends"][0]
    assert sentence.startswith("ช่วงปี ๒๕๖๖–๒๕๖๘ คะแนนรวมลดลงเล็กน้อย (จาก ๘๕.๓๕ เป็น ๘๓.๔๓")
    assert sentence.endswith("ซึ่งทำให้คะแนนรวมต่ำกว่าเกณฑ์ ๘๕ คะแนน ในปี ๒๕๖๘")
    assert "คงที่" not in sentence


@pytest.mark.parametrize("finding", [
    "หน่วยงานต้องเผยแพร่ข้อมูลตามตัวชี้วัดย่อยที่ ๙.๔ ให้ครบถ้วน",  # by number, Thai digits
    "หน่วยงานต้องแสดงนโยบายการบริหารและพัฒนาทรัพยากรบุคคลที่ยังใช้บังคับ",  # by the sub-indicator's name
])
def test_the_plan_answers_the_nacc_finding_first(finding):
    facts = facts_for({2565: {"indicators": WORKED, "overall": 85.32, "grade": "A"}})
    recommendations = pd.DataFrame([{"instrument": "OIT", "indicator": 9, "text": finding, "line": 3,
                                     "fiscal_year": 2565, "path": "a.txt"}])
    # 9 (79.85) is weak, not urgent: its one measure is the one that answers the finding.
    plan = build_analysis(AGENCY, facts, recommendations=recommendations, config=AnalysisConfig()).plan
    nine = plan[plan["indicator"] == 9]
    assert len(nine) == 1 and "ตัวชี้วัดย่อยที่ ๙.๔" in nine.iloc[0]["measure"]
    assert nine.iloc[0]["reason"].endswith("ข้อเสนอแนะปี ๒๕๖๕ ระบุประเด็นนี้")
    # Urgent under 80: three measures, the finding's first.
    plan = build_analysis(AGENCY, facts, recommendations=recommendations, config=AnalysisConfig(urgent=80.0)).plan
    nine = plan[plan["indicator"] == 9]
    assert "ตัวชี้วัดย่อยที่ ๙.๔" in nine.iloc[0]["measure"]
    assert len(nine) == 3 and "ระบุประเด็นนี้" not in nine.iloc[1]["reason"]


def test_a_generic_phrase_is_not_taken_for_a_finding():
    facts = facts_for({2565: {"indicators": WORKED, "overall": 85.32, "grade": "A"}})
    recommendations = pd.DataFrame([{"instrument": "OIT", "indicator": 9, "text": "ปรับปรุงการบริหารงานบุคคลให้ดีขึ้น",
                                     "line": 3, "fiscal_year": 2565, "path": "a.txt"}])
    plan = build_analysis(AGENCY, facts, recommendations=recommendations, config=AnalysisConfig()).plan
    assert not plan["reason"].str.contains("ระบุประเด็นนี้").any()


def test_with_no_indicator_at_either_mark_the_relative_strengths_and_weaknesses_are_named():
    # every indicator passes, none reaches 95: the three highest and the three lowest are named
    scores = (88.20, 91.40, 86.00, 93.70, 90.10, 89.90, 87.50, 92.30, 85.60, 94.20)
    narrative = build_analysis(AGENCY, facts_for({2567: {"indicators": scores}}),
                               config=AnalysisConfig(digits="arabic")).narrative.sections
    assert narrative["strengths"] == [
        "ไม่มีตัวชี้วัดที่ได้ตั้งแต่ 95 คะแนน ตัวชี้วัดที่ได้คะแนนสูงสุดของหน่วยงานซึ่งเป็นจุดแข็งเมื่อเทียบกับตัวชี้วัดอื่น "
        "ได้แก่ ตัวชี้วัดที่ 10 การป้องกันการทุจริต (94.20), ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ (93.70), "
        "ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน (92.30)"]
    assert narrative["weaknesses"] == [
        "ทุกตัวชี้วัดได้ตั้งแต่ 85 คะแนนขึ้นไป ตัวชี้วัดที่ได้คะแนนต่ำสุดของหน่วยงานซึ่งควรพัฒนาต่อ ได้แก่ "
        "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (85.60), ตัวชี้วัดที่ 3 การใช้อำนาจ (86.00), "
        "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (87.50)"]


@pytest.mark.parametrize("words, expected", [
    ("ไตรมาสที่ 3 (เม.ย.–มิ.ย.)", "1 เม.ย. 2570 – 30 มิ.ย. 2570 (ไตรมาสที่ 3)"),
    ("ไตรมาสที่ 1 (ต.ค.–ธ.ค.) และรายงานผลในไตรมาสที่ 4", "1 ต.ค. 2569 – 30 ก.ย. 2570 (ไตรมาสที่ 1 และรายงานผลในไตรมาสที่ 4)"),
    ("ภายในเดือนมีนาคม", "1 ต.ค. 2569 – 31 มี.ค. 2570 (ภายในเดือนมีนาคม)"),
    ("ตามแผนของกอง", "ตามแผนของกอง"),  # no time named: the words alone
])
def test_a_measure_period_is_days_of_the_plan_year(words, expected):
    from ita_lib.analysis.plan_dates import measure_period

    assert measure_period(words, 2570, AnalysisConfig(digits="arabic")) == expected


def test_each_indicator_has_a_target_for_the_plan_year():
    from ita_lib.analysis.targets import indicator_targets

    facts = facts_for({2567: {"indicators": (100.0, 96.5, 84.2, 70.0, None, None, None, None, None, None)}})
    a = build_analysis(AGENCY, facts, config=AnalysisConfig(digits="arabic"))
    targets = indicator_targets(a.scores, 2567, a.config)
    assert targets[["indicator", "target", "target_th"]].values.tolist() == [
        [1, 100.0, "คงคะแนน 100"], [2, 96.5, "ไม่น้อยกว่า 96.50"], [3, 85.0, "ไม่น้อยกว่า 85"], [4, 85.0, "ไม่น้อยกว่า 85"]]


def test_a_weakness_takes_its_cause_from_the_agency_else_from_the_nacc_issues():
    from ita_lib.analysis.causes import weakness_causes

    facts = facts_for({2566: {"indicators": WORKED}})  # 7, 8 and 9 below 85
    actions = pd.DataFrame([{"indicator": 9, "topic": "9", "measure": "ตรวจลิงก์", "analysis": "ลิงก์บนเว็บไซต์เสียหลายหน้า",
                             "steps": "[]", "period": None, "responsible": None, "score": None, "line": 3,
                             "fiscal_year": 2566, "path": "/x/a.txt"}])
    recommendations = pd.DataFrame([{"instrument": "EIT", "indicator": 7, "line": 9, "fiscal_year": 2566,
                                     "path": "/x/r.txt",
                                     "text": "หน่วยงานควรพัฒนาตามตัวชี้วัดที่ 7 โดยเฉพาะในประเด็น ผู้รับบริการบางรายไม่ทราบช่องทาง"
                                             "ติดต่อ หน่วยงานควรประชาสัมพันธ์ และประเด็น ข้อมูลบนเว็บไซต์ไม่เป็นปัจจุบัน "
                                             "หน่วยงานควรปรับปรุงทุกเดือน"}])
    a = build_analysis(AGENCY, facts, actions=actions, recommendations=recommendations)
    causes = weakness_causes(a.scores, a.actions, a.recommendations, 2566, a.config)
    assert causes.values.tolist() == [
        [7, "ผู้รับบริการบางรายไม่ทราบช่องทางติดต่อ; ข้อมูลบนเว็บไซต์ไม่เป็นปัจจุบัน", "nacc"],
        [9, "ลิงก์บนเว็บไซต์เสียหลายหน้า", "agency"]]  # 8: the documents give no cause


def test_the_indicators_the_agency_itself_calls_weak_are_found_in_its_analysis():
    from ita_lib.analysis.causes import called_weak

    rows = [own_plan(indicator=n, analysis=text).iloc[0] for n, text in (
        (9, "คะแนน (86.10) เป็นจุดที่ต้องแก้ไขด่วน ควรจัดข้อมูลบนเว็บไซต์ใหม่"),
        (10, "คะแนน (80.00) จุดอ่อนที่ต้อง พัฒนาเร่งด่วน"), (4, "คะแนนสูง เป็นจุดแข็งของหน่วยงาน"))]
    assert called_weak(pd.DataFrame(rows), 2563) == [9, 10]
    assert called_weak(pd.DataFrame(rows), 2564) == []


def test_an_indicator_the_nacc_advises_on_gets_a_measure_though_it_passes():
    recommendations = pd.DataFrame([{"instrument": "IIT", "indicator": 2, "text": "หน่วยงานควรเผยแพร่แผนการใช้จ่ายงบประมาณ",
                                     "line": 5, "fiscal_year": 2563, "path": "/x/itas.txt"}])
    facts = facts_for({2563: {"indicators": WORKED, "overall": 85.32}})  # indicator 2: 88.66, above 85
    plan = build_analysis(AGENCY, facts, recommendations=recommendations).plan
    assert plan[plan["indicator"] == 2]["reason"].tolist() == ["ข้อเสนอแนะของสำนักงาน ป.ป.ช. ปี ๒๕๖๓"]
