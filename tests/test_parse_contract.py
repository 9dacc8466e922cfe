"""The parse JSON contract lives in the repository (docs/parse-json.md): the records' schema is kept in
docs/parse-json.schema.json, so a change to what `ita-report parse` prints is a change to that file,
seen in review, never a surprise to the tools that read it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ita_lib.model import Assessment

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "parse-json.schema.json"
REGENERATE = ("python -c \"import json; from ita_lib.model import Assessment; "
              "print(json.dumps(Assessment.model_json_schema(mode='serialization'), ensure_ascii=False, indent=1))\" "
              "> docs/parse-json.schema.json")


def test_the_kept_schema_is_the_models():
    kept = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert kept == Assessment.model_json_schema(mode="serialization"), f"the records changed: {REGENERATE}"


def test_the_parse_command_prints_records_of_that_schema(tmp_path):
    document = tmp_path / "result.txt"
    document.write_text("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567\nองค์การบริหารส่วนตำบลหนองไผ่ล้อม\n"
                        "คะแนนรวม 91.25 ผลการประเมิน ผ่าน\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "ita_lib", "parse", str(document), "--agency",
                           "องค์การบริหารส่วนตำบลหนองไผ่ล้อม"], capture_output=True, text=True, timeout=120)
    records = json.loads(done.stdout)
    properties = json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"]
    assert len(records) == 1 and set(records[0]) <= set(properties)
    assert (records[0]["fiscal_year"], records[0]["overall_score"]) == (2567, 91.25)
