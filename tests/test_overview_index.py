"""The province overview and the batch index count every agency once, the same way: its printed result
word, else its grade (the rubric says which pass), else the score against the pass mark; the indicator
means say how many agencies they cover; the index shows each agency's district; no chart label crosses
the pass-mark line."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from ita_lib.analysis import analyse
from ita_lib.analysis.export import analysis_json
from ita_lib.batch.jobs import Outcome
from ita_lib.batch.manifest import write_manifest
from ita_lib.report.index_page import write_index
from ita_lib.report.overview import (
    Overview, agency_passed, indicator_coverage, load_overview, summary, weakest_indicators,
)
from ita_lib.report.page import to_html
from ita_lib.store.db import Store


@pytest.fixture(scope="module")
def examples_batch(example_store, tmp_path_factory) -> tuple[Path, list[Outcome]]:
    """Each bundled example's data.json as a batch writes it, its manifest and its index."""
    folder = tmp_path_factory.mktemp("examples-batch")
    outcomes = []
    with Store(example_store, read_only=True) as store:
        for index, row in enumerate(store.agency_list().itertuples(index=False)):
            analysis = analyse(store, row.agency_id, province=row.province)
            slug = f"agency-{index}"
            (folder / slug).mkdir()
            (folder / slug / "data.json").write_text(json.dumps(analysis_json(analysis), ensure_ascii=False),
                                                     encoding="utf-8")
            outcomes.append(Outcome(row.name, row.agency_id, row.province, slug, "built"))
    write_manifest(outcomes, folder / "manifest.csv")
    write_index(folder, outcomes, digits="arabic")
    return folder, outcomes


def _cells(page: str) -> list[list[str]]:
    """The text of each table row's cells."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page, flags=re.S)
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in rows]


def test_the_rubric_decides_a_pass():
    assert agency_passed(2568, 80.0, result="ผ่าน") is True  # the printed word wins over the score
    assert agency_passed(2568, 90.0, result="ไม่ผ่าน") is False
    assert agency_passed(2568, 90.0, result="ผ่านดีเยี่ยม") is True
    assert agency_passed(2565, 90.0, grade="B") is False  # B starts below the pass mark
    assert agency_passed(2565, 80.0, grade="A") is True
    assert agency_passed(2568, 84.99) is False and agency_passed(2568, 85.0) is True
    assert agency_passed(2568, None, passed=True) is True and agency_passed(2568, None) is None


def test_the_overview_counts_agree_with_each_other_and_with_the_index(examples_batch):
    folder, outcomes = examples_batch
    o = load_overview(folder, config={"digits": "arabic"})
    current = o.current
    assert len(current) >= 5  # a real batch: several agencies with a result in the overview year
    passed = sum(bool(agency_passed(r.year, r.score, r.grade, r.result, r.passed)) for r in current.itertuples())
    page = to_html(summary(o))
    headline = re.search(r"ผ่านเกณฑ์ (\d+) แห่ง", re.sub(r"<[^>]+>", "", page))
    assert headline and int(headline.group(1)) == passed
    left_out = re.search(r"อีก (.*?) จึงไม่นับรวม", re.sub(r"<[^>]+>", "", page))
    left = [int(n) for n in re.findall(r"(\d+) หน่วยงาน", left_out.group(1))] if left_out else []
    assert len(current) + sum(left) == len(o.agencies)  # every agency of the batch is counted or said to be left out
    rows = {row[0]: row for row in _cells(page) if row and row[0] in ("ผ่าน", "ไม่ผ่าน")}
    # Each agency once: the result table's rows add up to the agencies of the year, its pass row is the headline's.
    assert int(rows["ผ่าน"][1]) == passed and int(rows["ไม่ผ่าน"][1]) == len(current) - passed
    assert [f"{passed} หน่วยงาน" in row[1] for row in _cells(page) if row[0] == "ผ่านเกณฑ์ 85 คะแนน"] == [True]
    # The index's province table counts the same agencies of the same year.
    index = (folder / "index.html").read_text(encoding="utf-8")
    province_rows = [row for row in _cells(index.split('id="agencies"')[0]) if len(row) == 5][1:]
    per_province = current.assign(passed_now=[bool(agency_passed(r.year, r.score, r.grade, r.result, r.passed))
                                              for r in current.itertuples()])
    expected = {(p if isinstance(p, str) and p else "ไม่ระบุ"): (len(g), int(g["passed_now"].sum()))
                for p, g in per_province.groupby(per_province["province"].fillna(""))}
    shown = {row[0]: (int(row[2]), int(row[4].split(" จาก ")[0])) for row in province_rows if row[2] != "0"}
    assert shown == expected
    assert sum(n for n, _ in shown.values()) == len(current) and sum(p for _, p in shown.values()) == passed


def test_the_index_shows_each_agencys_district_and_its_result_word(examples_batch):
    folder, _ = examples_batch
    index = (folder / "index.html").read_text(encoding="utf-8")
    agencies = _cells(index.split('id="agencies"')[1])
    assert agencies[0][:4] == ["หน่วยงาน", "ประเภท", "อำเภอ", "จังหวัด"]
    districts = {row[0]: row[2] for row in agencies[1:]}
    assert districts["องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"] == "เมืองนครราชสีมา"
    assert districts["เทศบาลเมืองท่าช้างใหม่"] == "เฉลิมพระเกียรติ"
    o = load_overview(folder)
    words = {row[0]: row[6] for row in agencies[1:]}
    for r in o.current.itertuples():  # an agency's result word is the one the overview counts it by
        printed = next((w for w in (r.result, r.grade) if isinstance(w, str) and w), None)
        expected = printed if printed else ("ผ่าน" if agency_passed(r.year, r.score, passed=r.passed) else "ไม่ผ่าน")
        assert words[r.name].endswith(expected) or words[r.name].startswith(expected), r.name


def test_indicator_means_say_how_many_agencies_they_cover(examples_batch):
    folder, _ = examples_batch
    o = load_overview(folder, config={"digits": "arabic"})
    scored, of_year = indicator_coverage(o)
    assert scored == o.indicators["agency_id"].nunique() and 0 < scored < of_year
    assert of_year == int((o.agencies["year"] == o.year).sum())
    page = to_html(weakest_indicators(o))
    assert (f"คำนวณจากหน่วยงานที่มีคะแนนรายตัวชี้วัด {scored} จาก {of_year} หน่วยงานที่มีผลการประเมินปี {o.year}"
            in re.sub(r"<[^>]+>", "", page))


def _overview(means: list[float]) -> Overview:
    from ita_lib.analysis.config import AnalysisConfig

    agencies = pd.DataFrame([{"agency_id": "a", "name": "หน่วยงาน", "agency_type": None, "district": None,
                              "province": "ขอนแก่น", "slug": "a", "year": 2568, "score": 90.0, "grade": None,
                              "result": None, "passed": None, "previous_year": None, "change": None}])
    indicators = pd.DataFrame([{"agency_id": "a", "indicator": n, "name": f"ตัวชี้วัด {n}", "instrument": "OIT",
                                "score": score} for n, score in enumerate(means, start=1)])
    return Overview("ขอนแก่น", 2568, agencies, indicators, AnalysisConfig())


def test_indicator_value_labels_never_cross_the_pass_mark_line():
    from ita_lib.report.overview_plots import indicator_chart

    fig = indicator_chart(_overview([84.25, 85.56, 86.0, 83.9, 99.0]))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    line_x = ax.transData.transform((85.0, 0))[0]
    labels = [t for t in ax.texts if re.fullmatch(r"[๐-๙.]+", t.get_text())]
    assert len(labels) == 5
    for label in labels:
        box = label.get_window_extent(renderer)
        assert not box.x0 <= line_x <= box.x1, label.get_text()
