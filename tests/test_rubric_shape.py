"""The rubric is the one place that knows the ITA's shape: a copy of rubric.yaml with an 11th
indicator from a made-up fiscal year (named by ITA_RUBRIC) is followed by the parser and the analysis,
with no other change. Runs in a child process, as a command would (the rubric is read once)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

RUBRIC = Path(__file__).resolve().parents[1] / "ita_lib" / "data" / "rubric.yaml"
AGENCY = "องค์การบริหารส่วนตำบลทุ่งกว้างใหม่"
NEW = "การบริหารความเสี่ยงการทุจริต"
# Ranked as ITAS prints it; the 11th indicator (OIT, from 2570) is last at 71.40.
RANKED = [("การใช้อำนาจ", 96.20), ("การแก้ไขปัญหาการทุจริต", 94.80), ("การปฏิบัติหน้าที่", 93.50),
          ("การป้องกันการทุจริต", 91.25), ("การใช้งบประมาณ", 89.70), ("การใช้ทรัพย์สินของราชการ", 87.30),
          ("การเปิดเผยข้อมูล", 84.75), ("คุณภาพการดำเนินงาน", 83.40), ("การปรับปรุงการทำงาน", 79.90),
          ("ประสิทธิภาพการสื่อสาร", 77.60), (NEW, 71.40)]

def result_page(folder: Path) -> Path:
    doc = folder / "result-2570.txt"
    doc.write_text(f"รายงานผลการประเมิน ประจำปีงบประมาณ 2570\n\nคะแนนภาพรวมหน่วยงาน{AGENCY} : 86.12 คะแนน\n\n"
                   "ผลการประเมิน : ผ่าน\n\nคะแนนสูงสุดรายตัวชี้วัด\n\nอันดับ\tตัวชี้วัด\tคะแนน\n"
                   + "".join(f"{rank}\t{name}\t{score:.2f}\n" for rank, (name, score) in enumerate(RANKED, 1)),
                   encoding="utf-8")
    return doc


CHILD = r"""
import json, sys
from ita_lib.rubric import load
from ita_lib.parse import parse_document
from ita_lib.store.ingest import ingest
from ita_lib.analysis import prepare_analysis

doc, db, agency = sys.argv[1:4]
record = parse_document(doc)[0]
assert not ingest([doc], db=db, aliases=None, workers=1).failed
a = prepare_analysis(agency, db=db)
latest = a.indicators[a.indicators["fiscal_year"] == 2570]
print(json.dumps({
    "numbers": list(load().indicators_for(2570)), "numbers_2568": list(load().indicators_for(2568)),
    "parsed": record.indicators, "warnings": [w.code for w in record.warnings],
    "computed": record.overall_score_computed,
    "levels": dict(zip(latest["indicator"].astype(int).astype(str), latest["level"])),
    "first_priority": int(a.priorities.iloc[0]["indicator"]),
    "name_11": latest.set_index("indicator").loc[11, "name"],
}, ensure_ascii=False))
"""


def test_an_eleventh_indicator_in_a_copy_of_the_rubric_reaches_parser_and_analysis(tmp_path):
    data = yaml.safe_load(RUBRIC.read_text(encoding="utf-8"))
    data["indicators"].append({"number": 11, "instrument": "OIT", "name": NEW, "first": 2570})
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    doc = result_page(tmp_path)
    run = subprocess.run([sys.executable, "-c", CHILD, str(doc), str(tmp_path / "ita.duckdb"), AGENCY],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "ITA_RUBRIC": str(rubric), "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["numbers"] == list(range(1, 12)) and seen["numbers_2568"] == list(range(1, 11))
    assert seen["parsed"]["11"] == 71.40 and "unknown_indicator" not in seen["warnings"]
    # OIT is now the mean of 9, 10 and 11: 0.3·mean(IIT) + 0.3·mean(EIT) + 0.4·(84.75 + 91.25 + 71.40)/3
    iit = (93.50 + 89.70 + 96.20 + 87.30 + 94.80) / 5
    eit = (83.40 + 77.60 + 79.90) / 3
    assert seen["computed"] == round(0.3 * iit + 0.3 * eit + 0.4 * (84.75 + 91.25 + 71.40) / 3, 2)
    assert seen["levels"]["11"] == "urgent"  # 71.40 < 75
    assert seen["first_priority"] == 11  # the largest weight × gap
    assert seen["name_11"] == NEW


def test_the_shipped_rubric_does_not_know_the_made_up_indicator(tmp_path):
    from ita_lib.parse import parse_document

    record = parse_document(result_page(tmp_path))[0]
    assert sorted(record.indicators, key=int) == [str(n) for n in range(1, 11)]
    assert "unknown_indicator" in [w.code for w in record.warnings]


IMPORT_EVERY_MODULE = r"""
import importlib, pkgutil, ita_lib
for module in pkgutil.walk_packages(ita_lib.__path__, "ita_lib."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
from ita_lib import rubric
from ita_lib.errors import RubricError
try:
    rubric.load()
except RubricError as error:
    print("first use:", error)
"""


def test_importing_every_module_reads_no_rubric_file(tmp_path):
    """The rubric is read at first use, not at import: with ITA_RUBRIC naming a missing file every
    module still imports, and the first question to the rubric names the file."""
    missing = tmp_path / "no-such-rubric.yaml"
    run = subprocess.run([sys.executable, "-c", IMPORT_EVERY_MODULE], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "ITA_RUBRIC": str(missing), "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"first use: {missing}: the rubric: file not found"


def test_a_broken_rubric_copy_stops_the_command_with_one_line(tmp_path):
    from ita_lib.cli import exit_codes

    broken = tmp_path / "rubric.yaml"
    broken.write_text("indicators:\n  - number: 1\n    name: [unclosed\n", encoding="utf-8")
    doc = result_page(tmp_path)
    run = subprocess.run([sys.executable, "-m", "ita_lib", "parse", str(doc)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "ITA_RUBRIC": str(broken), "HOME": str(tmp_path)})
    assert run.returncode == exit_codes.STOPPED
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"ita-report: {broken}:4: not valid YAML: expected ',' or ']', but got '<stream end>'"]

