"""The province overview reads a batch's manifest and data.json files: distribution, weakest
indicators, most improved and declined agencies, one province or several; and its charts."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ita_lib.analysis import analyse
from ita_lib.analysis.export import analysis_json
from ita_lib.batch.jobs import Outcome
from ita_lib.batch.manifest import write_manifest
from ita_lib.errors import ItaError
from ita_lib.store.ingest import relink
from ita_lib.model import Assessment, Source
from ita_lib.report.page import to_html
from ita_lib.report.overview import (
    indicator_means, load_overview, movers, movers_table, provinces, summary, title_block,
)
from ita_lib.store.db import Store

from ita_lib.store.rows import Rows, document_rows


def page_text(block) -> str:
    """A block's HTML without its tags: the page marks word breaks inside Thai text with tags."""
    return re.sub(r"<[^>]+>", "", to_html(block))

# (name, province, overall 2567, overall 2568, indicator 9 in 2568); other indicators are 90.
AGENCIES = [
    ("องค์การบริหารส่วนตำบลหนองแก", "ขอนแก่น", 80.00, 88.50, 70.00),
    ("องค์การบริหารส่วนตำบลโนนงาม", "ขอนแก่น", 92.00, 86.00, 80.00),
    ("องค์การบริหารส่วนตำบลบ้านดู่", "ขอนแก่น", 70.00, 74.25, 60.00),
    ("เทศบาลตำบลท่าโพธิ์", "มหาสารคาม", 90.00, 96.00, 99.00),
]


def _record(name: str, province: str, year: int, overall: float, ninth: float, index: int) -> Assessment:
    indicators = {str(n): 90.0 for n in range(1, 11)}
    indicators["9"] = ninth
    sha = f"{index:02d}{year}".ljust(64, "a")
    kind = "อบต." if name.startswith("องค์การ") else "ทต."
    return Assessment(agency=name, agency_type=kind, district="เมือง", province=province, fiscal_year=year,
                      overall_score=overall, indicators=indicators,
                      source=Source(path=f"{index}-{year}.txt", sha256=sha, kind="itas_result"))


@pytest.fixture(scope="module")
def batch_output(tmp_path_factory) -> Path:
    """data.json of each agency as a batch writes it, and the manifest (one failed row too)."""
    folder = tmp_path_factory.mktemp("overview")
    rows = Rows.empty()
    for index, (name, province, before, after, ninth) in enumerate(AGENCIES):
        for year, overall in ((2567, before), (2568, after)):
            record = _record(name, province, year, overall, ninth if year == 2568 else 90.0, index)
            rows.extend(document_rows(record.source.sha256, record.source.path, "text", [record], None))
    db = folder / "ita.duckdb"
    with Store(db) as store:
        store.write(rows)
        relink(store)
        outcomes = []
        for index, (name, province, *_) in enumerate(AGENCIES):
            analysis = analyse(store, name, province=province)
            slug = f"agency-{index}"
            (folder / slug).mkdir()
            (folder / slug / "data.json").write_text(json.dumps(analysis_json(analysis), ensure_ascii=False),
                                                     encoding="utf-8")
            outcomes.append(Outcome(name, analysis.agency["agency_id"], province, slug, "built"))
    outcomes.append(Outcome("องค์การบริหารส่วนตำบลเสีย", None, "ขอนแก่น", None, "failed", error="broken"))
    write_manifest(outcomes, folder / "manifest.csv")
    return folder


def test_one_province(batch_output):
    o = load_overview(batch_output, province="ขอนแก่น", config={"digits": "arabic"})
    assert o.title == "ขอนแก่น" and o.year == 2568
    assert sorted(o.current["score"]) == [74.25, 86.00, 88.50]
    assert dict(zip(o.current["name"], o.current["change"])) == {
        "องค์การบริหารส่วนตำบลหนองแก": 8.5, "องค์การบริหารส่วนตำบลโนนงาม": -6.0,
        "องค์การบริหารส่วนตำบลบ้านดู่": 4.25}
    page = page_text(summary(o))
    assert "82.92" in page  # mean of 88.50, 86.00, 74.25
    assert "2 หน่วยงาน (66.7%)" in page  # two of three at or above 85
    assert "ภาพรวมผลการประเมิน ITA จังหวัดขอนแก่น" in page_text(title_block(o))
    # The batch's reports, not the province: the page says how many agencies it is computed from.
    covered = f"ภาพรวมนี้คำนวณจากหน่วยงาน {len(o.agencies)} แห่งในรายงานชุดนี้ ไม่ใช่จากทุกหน่วยงานของจังหวัด"
    assert covered in page_text(title_block(o))
    assert provinces(o) is None  # one province: no per-province table


def test_the_overview_says_what_share_of_the_stores_agencies_it_covers(batch_output, tmp_path):
    from ita_lib.batch.manifest import agencies_in_store

    db = batch_output / "ita.duckdb"
    assert agencies_in_store(db, "ขอนแก่น") == 3 and agencies_in_store(db, None) == 4
    assert agencies_in_store(tmp_path / "missing.duckdb", "ขอนแก่น") is None
    # Khon Kaen's three agencies are all in the batch; of all four, a batch of Khon Kaen covers three.
    o = load_overview(batch_output, province="ขอนแก่น", config={"digits": "arabic"}, in_store=3)
    assert "ภาพรวมนี้คำนวณจากหน่วยงาน 3 แห่งในรายงานชุดนี้ ครบทุกหน่วยงานของจังหวัดนี้ในฐานข้อมูล" in page_text(title_block(o))
    o = load_overview(batch_output, province="ขอนแก่น", config={"digits": "thai"}, in_store=9)
    assert "ภาพรวมนี้คำนวณจากหน่วยงาน ๓ แห่งในรายงานชุดนี้ จากทั้งหมด ๙ แห่งของจังหวัดนี้ในฐานข้อมูล" in page_text(title_block(o))


def test_weakest_indicator_and_movers(batch_output):
    o = load_overview(batch_output, province="ขอนแก่น", config={"digits": "arabic"})
    means = indicator_means(o)
    weakest = means.iloc[0]
    assert int(weakest["indicator"]) == 9 and weakest["mean"] == pytest.approx(70.0)
    assert weakest["below"] == 3 and weakest["level"] == "urgent"
    assert set(means.iloc[1:]["mean"]) == {90.0}
    improved, declined = movers_table(o)
    assert list(improved["name"]) == ["องค์การบริหารส่วนตำบลหนองแก", "องค์การบริหารส่วนตำบลบ้านดู่"]
    assert list(declined["name"]) == ["องค์การบริหารส่วนตำบลโนนงาม"]
    page = page_text(movers(o))
    assert "+8.50" in page and "-6.00" in page


def test_every_province_and_thai_digits(batch_output):
    o = load_overview(batch_output)
    assert len(o.agencies) == 4  # the failed row of the manifest is left out
    assert o.title == "๒ จังหวัด"
    table = page_text(provinces(o))
    assert table.index("มหาสารคาม") < table.index("ขอนแก่น")  # best mean first
    assert "๙๖.๐๐" in table and "๘๒.๙๒" in table


def test_escapes_agency_names(tmp_path, batch_output):
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(batch_output, copy)
    data_path = copy / "agency-0" / "data.json"
    data = json.loads(data_path.read_text(encoding="utf-8"))
    data["agency"]["name"] = "<script>alert(1)</script>"
    data_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page = to_html(movers(load_overview(copy, province="ขอนแก่น")))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_without_a_manifest_says_what_to_do(tmp_path):
    with pytest.raises(ItaError, match="ita-report batch"):
        load_overview(tmp_path)


def test_charts_draw_without_missing_glyphs(batch_output, caplog):
    from test_plots import draw_recording

    from ita_lib.report import overview_plots

    o = load_overview(batch_output, province="ขอนแก่น")
    for chart in (overview_plots.score_distribution, overview_plots.indicator_chart, overview_plots.movers_chart):
        fig, complaints = draw_recording(chart, o, caplog)
        assert complaints == [], chart.__name__
        assert fig.axes[0].get_title(loc="left") == "ภาพรวมผลการประเมิน ITA จังหวัดขอนแก่น"


def test_a_users_passing_threshold_does_not_change_who_passed(batch_output):
    """`passing` sorts indicators into levels; whether an agency's ITA result passed is the rubric's
    pass mark (85) on every page, as the agency reports say."""
    o = load_overview(batch_output, province="ขอนแก่น", config={"digits": "arabic", "passing": 90, "strength": 95})
    page = page_text(summary(o))
    assert "ผ่านเกณฑ์ 85 คะแนน" in page and "2 หน่วยงาน (66.7%)" in page
