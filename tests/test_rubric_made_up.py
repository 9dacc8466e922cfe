"""A made-up rubric (ITA_RUBRIC) with a fourth instrument and other weights from a made-up fiscal year
2570 is followed by the parser and the analysis with no other change: nothing outside the rubric
knows that there are three instruments weighted 30/30/40."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ita_lib import rubric
from ita_lib.analysis import load as load_analysis
from ita_lib.parse import parse_document
from ita_lib.store.ingest import ingest

SHIPPED = Path(__file__).resolve().parents[1] / "ita_lib" / "data" / "rubric.yaml"
AGENCY = "องค์การบริหารส่วนตำบลทุ่งกว้างใหม่"
RISK = "การบริหารความเสี่ยงการทุจริต"
WEIGHTS = {"IIT": 0.25, "EIT": 0.25, "OIT": 0.30, "RIT": 0.20}
SCORES = {1: 93.50, 2: 89.70, 3: 96.20, 4: 87.30, 5: 94.80, 6: 83.40, 7: 77.60, 8: 79.90, 9: 84.75, 10: 91.25,
          11: 71.40}
IIT = sum(SCORES[n] for n in range(1, 6)) / 5
EIT = sum(SCORES[n] for n in (6, 7, 8)) / 3
OIT = (SCORES[9] + SCORES[10]) / 2
OVERALL = round(0.25 * IIT + 0.25 * EIT + 0.30 * OIT + 0.20 * SCORES[11], 2)


@pytest.fixture
def made_up_rubric(tmp_path, monkeypatch):
    """The shipped rubric plus RIT (one indicator, 11) and the weights above, both from 2570."""
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data["instruments"]["RIT"] = {"name": "แบบวัดการบริหารความเสี่ยงการทุจริต", "brief": "ความเสี่ยง",
                                  "heading_word": "ความเสี่ยง", "item_letter": "R"}
    data["indicators"].append({"number": 11, "instrument": "RIT", "name": RISK, "first": 2570})
    data["years"].append({"first": 2570, "weights": WEIGHTS, "weights_status": "C"})
    path = tmp_path / "rubric.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("ITA_RUBRIC", str(path))
    rubric.load.cache_clear()
    yield rubric.load()
    monkeypatch.delenv("ITA_RUBRIC")
    rubric.load.cache_clear()


def result_page(folder: Path) -> Path:
    """A 2570 result page as ITAS prints one, with the fourth instrument's score and recommendations."""
    doc = folder / "result-2570.txt"
    doc.write_text(
        f"รายงานผลการประเมิน ประจำปีงบประมาณ 2570\n\nคะแนนภาพรวมหน่วยงาน{AGENCY} : {OVERALL:.2f} คะแนน\n\n"
        "ผลการประเมิน : ไม่ผ่าน\n\n"  # 83.83 < 85
        f"IIT (การรับรู้ภายใน): {IIT:.2f}\nEIT (การรับรู้ภายนอก): {EIT:.2f}\nOIT (การเปิดเผยข้อมูล): {OIT:.2f}\n"
        f"RIT (การบริหารความเสี่ยง): {SCORES[11]:.2f}\n\n"
        "ตัวชี้วัด\tคะแนน\n" + "".join(f"{n}. {rubric.load().indicators[n].name}\t{score:.2f}\n"
                                     for n, score in SCORES.items())
        + "\nข้อเสนอแนะสำหรับการประเมินตามแบบวัดการบริหารความเสี่ยง (RIT)\n"
          "ตัวชี้วัดที่ 11 ควรจัดทำแผนบริหารความเสี่ยงการทุจริต และทบทวนแผนทุกไตรมาส\n", encoding="utf-8")
    return doc


def test_the_rubric_object_has_the_fourth_instrument_and_its_weights(made_up_rubric):
    assert made_up_rubric.instrument_codes == ("IIT", "EIT", "OIT", "RIT")
    assert made_up_rubric.rules_for(2570).weights_label == "25/25/30/20"
    assert made_up_rubric.instrument_indicators(2570)["RIT"] == (11,)
    assert "RIT" not in made_up_rubric.instrument_indicators(2568)  # not assessed before 2570
    assert made_up_rubric.indicator_weight(11, 2570) == pytest.approx(0.20)
    assert made_up_rubric.indicator_weight(6, 2570) == pytest.approx(0.25 / 3)
    assert made_up_rubric.compute_overall(SCORES, 2570) == OVERALL
    # 2568 keeps the 30/30/40 of ten indicators
    assert made_up_rubric.compute_overall(SCORES, 2568) == round(0.3 * IIT + 0.3 * EIT + 0.4 * OIT, 2)


def test_the_parser_reads_the_fourth_instrument_and_recomputes_with_the_new_weights(made_up_rubric, tmp_path):
    record = parse_document(result_page(tmp_path))[0]
    contract = record.to_contract()
    assert contract["instruments"] == {"IIT": round(IIT, 2), "EIT": round(EIT, 2), "OIT": round(OIT, 2),
                                       "RIT": 71.40, "EIT_part1": None, "EIT_part2": None}
    assert contract["indicators"] == {str(n): score for n, score in SCORES.items()}
    assert (record.fiscal_year, record.overall_score, record.overall_score_computed) == (2570, OVERALL, OVERALL)
    assert OVERALL == 83.83 and record.passed is False
    assert [w.code for w in record.warnings] == []  # the printed overall fits 25/25/30/20
    assert [(r.instrument, r.indicator) for r in record.recommendations] == [("RIT", 11)]
    json.dumps(contract, ensure_ascii=False)  # the contract stays plain JSON


def test_the_analysis_weighs_and_levels_the_fourth_instrument(made_up_rubric, tmp_path):
    db = tmp_path / "ita.duckdb"
    assert not ingest([result_page(tmp_path)], db=db, aliases=None, workers=1).failed
    a = load_analysis(AGENCY, db)
    year = a.years.iloc[-1]
    assert (year["fiscal_year"], year["overall_score_computed"]) == (2570, OVERALL)
    instruments = a.instruments.set_index("code")
    assert (instruments.loc["RIT", "field"], instruments.loc["RIT", "score"],
            instruments.loc["RIT", "score_source"]) == ("instrument:RIT", 71.40, "printed")
    assert list(instruments.index) == ["IIT", "EIT", "OIT", "RIT"]
    assert instruments.loc["RIT", "name"] == "แบบวัดการบริหารความเสี่ยงการทุจริต"
    assert instruments.loc["RIT", "level"] == "urgent"  # 71.40 < 75
    indicators = a.indicators.set_index("indicator")
    assert (indicators.loc[11, "name"], indicators.loc[11, "instrument"], indicators.loc[11, "level"]) == \
        (RISK, "RIT", "urgent")
    # weight × gap to 85: indicator 11 carries 0.20 of the overall, so it comes first
    first = a.priorities.iloc[0]
    assert (int(first["indicator"]), first["weight"], first["gain_to_pass"]) == (11, 0.2, round(0.2 * (85 - 71.40), 2))
    checks = a.consistency.set_index("check")
    assert checks.loc["overall_recomputed", "status"] == "ok"
