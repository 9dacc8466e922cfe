"""Issue 27, item 7: ita-report's own reports read back right. An agency publishes its report.html,
report.docx and report.pdf, and next year they are ingested like any document: the parse of each
gives one record, the agency's for the assessed year, with the values the report prints, and
nothing else (no record of a history year, no agency made of a sentence that quotes a score).

The expected values are the store's, as the report's data.json gives them: the latest year's
overall, grade and result, and the instrument scores a document printed (or the agency confirmed);
a value the report computed is no printed result, so the parse leaves it out (the contract keeps
computed values apart). Items come from the store (the report prints those below the pass mark).

(a) the five seed documents' reports (../shared/seeds, skipped without it), built once a session (conftest.py);
(b) the bundled examples in both digit systems and both audiences; (c) a made-up hand-written
analysis of the same kind (tests/fixtures/agency_analysis_with_history.txt).

Every value is compared exactly, the PDF's too: since the PDF writer keeps each Thai cluster's text
(issue 27, item 8), pypdf reads "ตำบล" as printed, and the parse keeps a name as the text writes it.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ita_lib.parse import parse_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "agency_analysis_with_history.txt"
FORMATS = ("html", "docx", "pdf")
OWN_WORDS = ("printed", "confirmed")  # how a value the agency publishes as its result is known


def ita(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "ita_lib", *arguments], capture_output=True, text=True,
                         timeout=900, cwd=cwd)
    assert run.returncode == 0, run.stderr[-2000:]
    return run


PROCESSES = 2  # builds at once


def build(work: Path, variants: dict[str, tuple[str, ...]], agencies: list[str] | None = None) -> dict[str, list[Path]]:
    """The report folders of each variant (output folder → build options), built from work's store
    with `ita-report build`, two processes at once (a batch's warm workers cost more than they
    save for a handful of reports: on two cores five seeds take ~20 s this way, ~40 s as a batch)."""
    if agencies is None:
        from ita_lib.store.db import Store

        with Store(work / "ita.duckdb", read_only=True) as store:
            agencies = sorted(store.table("agencies")["name"])
    parts = max(1, PROCESSES // len(variants))
    runs = [subprocess.Popen([sys.executable, "-m", "ita_lib", "build", *agencies[part::parts], "--db", "ita.duckdb",
                              "--format", ",".join(FORMATS), "--output-dir", out, *options],
                             cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for out, options in variants.items() for part in range(parts)]
    for run in runs:
        _, errors = run.communicate(timeout=900)
        assert run.returncode == 0, errors[-2000:]
    return {out: sorted(path.parent for path in (work / out).glob("*/data.json")) for out in variants}


def parsed(work: Path, folders: list[Path]) -> dict[Path, list[dict]]:
    """Every report's records, from one `ita-report parse --format json` of them all."""
    files = [folder / f"report.{fmt}" for folder in folders for fmt in FORMATS]
    records = json.loads(ita("parse", *map(str, files), "--format", "json", cwd=work).stdout)
    by_file: dict[Path, list[dict]] = {file: [] for file in files}
    for record in records:
        by_file[Path(record["source"]["path"]).resolve()].append(record)
    return {file: by_file[file.resolve()] for file in files}


def expected(folder: Path, db: Path) -> dict:
    """The assessed year's values as the store holds them (data.json; items from the store)."""
    from ita_lib.analysis import load

    data = json.loads((folder / "data.json").read_text("utf-8"))
    year = max(row["fiscal_year"] for row in data["years"])
    latest = next(row for row in data["years"] if row["fiscal_year"] == year)
    scores = [row for row in data["scores"] if row["fiscal_year"] == year]
    analysis = load(data["agency"]["agency_id"], db)
    items = analysis.items[analysis.items["fiscal_year"] == year] if not analysis.items.empty else analysis.items
    return {"agency": data["agency"]["name"], "district": data["agency"]["district"],
            "province": data["agency"]["province"], "fiscal_year": year,
            "overall_score": latest["overall_score"] if latest["overall_source"] in OWN_WORDS else None,
            "grade": latest["grade"], "result": latest["result"],
            "instruments": {row["field"].split(":", 1)[1]: row["score"] for row in scores
                            if row["field"].startswith("instrument:") and row["score_source"] in OWN_WORDS},
            "indicators": {str(row["indicator"]): row["score"] for row in scores if row["scope"] == "indicator"},
            "items": {str(row.code): float(row.score) for row in items.itertuples(index=False)},
            "passing": data["config"]["passing"]}


def check(record: dict, want: dict, fmt: str) -> None:
    """One report's record against the store's values."""
    where = f"{want['agency']} {fmt}"
    assert record["source"]["kind"] == "agency_analysis", where
    assert record["agency"] == want["agency"], where
    assert (record["district"], record["province"]) == (want["district"], want["province"]), where
    assert record["fiscal_year"] == want["fiscal_year"], where
    assert record["overall_score"] == want["overall_score"], where
    assert (record["grade"], record["result"]) == (want["grade"], want["result"]), where
    assert {code: v for code, v in record["instruments"].items() if v is not None} == want["instruments"], where
    assert record["indicators"] == want["indicators"], where
    assert all(want["items"].get(code) == score for code, score in record["items"].items()), where
    weak = {code: score for code, score in want["items"].items() if score < want["passing"]}
    assert {code: record["items"].get(code) for code in weak} == weak, where  # the report prints them
    assert not [w for w in record["warnings"] if w["code"] == "ambiguous_score"], where


# ---- (a) the five seeds ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_reports(seed_reports) -> tuple[Path, list[Path], dict[Path, list[dict]]]:
    """The session's reports of the five seeds (tests/conftest.py, built once for the PDF text tests
    too), with their store's folder and every report's records."""
    folders = sorted({outputs["html"].parent for outputs in seed_reports.values()})
    work = folders[0].parent.parent  # <work>/out/<slug>, the store at <work>/ita.duckdb
    return work, folders, parsed(work, folders)


def test_five_seed_reports_each_read_back_as_their_one_record(seed_reports) -> None:
    work, folders, records = seed_reports
    assert len(folders) == 5
    assert {len(found) for found in records.values()} == {1}, {f.name: len(r) for f, r in records.items()}
    for folder in folders:
        want = expected(folder, work / "ita.duckdb")
        for fmt in FORMATS:
            check(records[folder / f"report.{fmt}"][0], want, fmt)


def test_seed_report_of_a_computed_overall_gives_none(seed_reports) -> None:
    """บึงนคร's document gives no overall: the report computes one and says so ("คำนวณ"), and the
    result tile says only that it passes the mark; neither is read as the agency's result."""
    work, folders, records = seed_reports
    folder = next(f for f in folders if "buengnakhon" in f.name)
    for fmt in FORMATS:
        record = records[folder / f"report.{fmt}"][0]
        assert (record["overall_score"], record["grade"], record["result"]) == (None, None, None), fmt
        assert record["overall_score_computed"] == 99.74, fmt  # the contract's own field for it


# ---- (b) the bundled examples, both digit systems and both audiences -------------------------------

# ท่าช้างใหม่: six years in the history table, EIT in two parts, indicator 7 printed twice (86.30 and
# 88.30); หนองบัวทอง (ทต.): instruments only computed, the NACC's recommendations of 2564 in a 2568 report.
EXAMPLE_AGENCIES = ("เทศบาลเมืองท่าช้างใหม่", "เทศบาลตำบลหนองบัวทอง")
VARIANTS = (("agency", "thai"), ("analyst", "arabic"))


@pytest.fixture(scope="module")
def example_reports(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, list[Path], dict]]:
    work = tmp_path_factory.mktemp("own-example-reports")
    ita("ingest", str(EXAMPLES), "--db", "ita.duckdb", "--quiet", cwd=work)
    outs = {f"out-{audience}-{digits}": ("--audience", audience, "--digits", digits) for audience, digits in VARIANTS}
    built = build(work, outs, list(EXAMPLE_AGENCIES))
    folders = {(audience, digits): built[f"out-{audience}-{digits}"] for audience, digits in VARIANTS}
    return {variant: (work, found, parsed(work, found)) for variant, found in folders.items()}


@pytest.mark.parametrize(("audience", "digits"), VARIANTS)
def test_example_reports_read_back_in_every_audience_and_digit_system(example_reports, audience, digits) -> None:
    work, folders, records = example_reports[(audience, digits)]
    assert len(folders) == len(EXAMPLE_AGENCIES)
    assert {len(found) for found in records.values()} == {1}, {f.name: len(r) for f, r in records.items()}
    for folder in folders:
        want = expected(folder, work / "ita.duckdb")
        for fmt in FORMATS:
            check(records[folder / f"report.{fmt}"][0], want, fmt)


@pytest.mark.parametrize(("audience", "digits"), VARIANTS)
def test_example_reports_keep_what_the_store_keeps_apart(example_reports, audience, digits) -> None:
    """The score printed twice keeps the value used and the other apart, as the store has them; the
    computed instruments (the analyst's table prints them as "คำนวณจากคะแนนรายตัวชี้วัด") and the
    history years are not read; the NACC's 2564 recommendations are not the 2568 result's."""
    _, folders, records = example_reports[(audience, digits)]
    for fmt in FORMATS:
        tha_chang = records[next(f for f in folders if "thachangaim" in f.name) / f"report.{fmt}"][0]
        assert tha_chang["indicators"]["7"] == 88.30
        assert [(o["field"], o["value"]) for o in tha_chang["other_values"]] == [("indicators.7", 86.30)], fmt
        assert tha_chang["instruments"]["EIT"] is None  # EIT is printed as its two parts from 2568
        nong_bua = records[next(f for f in folders if "nongbuathong" in f.name) / f"report.{fmt}"][0]
        assert all(v is None for v in nong_bua["instruments"].values()), fmt
        assert nong_bua["recommendations"] == [], fmt
        assert nong_bua["limitations"] == ("เทศบาลเปลี่ยนผู้ดูแลเว็บไซต์ระหว่างปี ทำให้เอกสารบางหัวข้อไม่ได้ย้าย"
                                           "ไปยังระบบใหม่ก่อนถึงช่วงตรวจประเมิน"), fmt


# ---- (c) a hand-written analysis of the same kind --------------------------------------------------

WANT = {"agency": "องค์การบริหารส่วนตำบลห้วยทรายงาม", "agency_type": "อบต.", "district": "ภักดีชุมพล",
        "province": "ชัยภูมิ", "fiscal_year": 2567, "overall_score": 86.89, "grade": None, "result": "ผ่าน",
        "instruments": {"IIT": 92.00, "EIT": 84.30, "OIT": 85.00, "EIT_part1": None, "EIT_part2": None},
        "indicators": {"1": 93.20, "2": 88.40, "3": 95.60, "4": 90.00, "5": 92.80, "6": 86.30, "7": 82.10,
                       "8": 84.50, "9": 88.75, "10": 81.25}}


def _fields(record) -> dict:
    return {name: getattr(record, name) for name in WANT}


@pytest.mark.parametrize("layout", ["tabs", "spaced"])
def test_a_hand_written_analysis_with_history_gives_its_year_only(layout) -> None:
    """Tables with tabs, or spaced once as PDF text gives them: the same one record. The history
    table (2565–2567), the sentence stating 2566's score, the quoted scores "(95.60)", "(70.30 →
    76.40 → 82.10)", the analysis rows "คะแนน (81.25) …" and the NACC's 2566 recommendations give no
    record and no value."""
    text = FIXTURE.read_text("utf-8")
    if layout == "spaced":
        text = text.replace("\t", " ")
    records = parse_text(text, path=FIXTURE.name)
    assert len(records) == 1
    record = records[0]
    assert _fields(record) == WANT
    assert record.source.kind == "agency_analysis"
    assert record.recommendations == []
    assert record.warnings == [] and record.other_values == []
    if layout == "tabs":
        assert [a.indicator for a in record.actions] == [10, 7]


def test_without_a_history_table_a_stated_earlier_year_stays_a_record() -> None:
    """The parse contract for a hand-written analysis: a sentence stating an earlier year's result
    ("ปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งได้ ๘๓.๖๐ คะแนน") is that year's record. A document with a table of
    its years (ita-report's reports, which may fill it with computed values) gives none."""
    text = FIXTURE.read_text("utf-8")
    text = text[:text.index("๓. ผลการประเมินย้อนหลัง")] + text[text.index("๔. จุดแข็งและจุดอ่อน"):]
    records = parse_text(text, path=FIXTURE.name)
    assert [(r.fiscal_year, r.overall_score) for r in records] == [(2567, 86.89), (2566, 83.60)]
    assert _fields(records[0]) == WANT



PROVINCE_ANALYSIS = """รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. 2567
ขององค์กรปกครองส่วนท้องถิ่นในจังหวัดชัยภูมิ
องค์การบริหารส่วนตำบลห้วยทรายงาม
องค์การบริหารส่วนตำบลบ้านเป้า
สูงสุดคือ องค์การบริหารส่วนตำบลห้วยทรายงาม ได้คะแนน 96.20 คะแนน

ลำดับ\tหน่วยงาน\tอำเภอ\tคะแนน\tผลการประเมิน
1\tองค์การบริหารส่วนตำบลห้วยทรายงาม\tภักดีชุมพล\t96.20\tผ่านดี
2\tองค์การบริหารส่วนตำบลบ้านเป้า\tเกษตรสมบูรณ์\t91.45\tผ่าน
3\tเทศบาลตำบลหนองบัวแดง\tหนองบัวแดง\t82.30\tไม่ผ่าน
"""


def test_an_analysis_of_a_provinces_agencies_is_their_list_not_one_agencys() -> None:
    """The title names a group and several agencies stand under it: the list's three records."""
    records = parse_text(PROVINCE_ANALYSIS, path="province-analysis.txt")
    assert [(r.agency, r.overall_score, r.source.kind) for r in records] == [
        ("องค์การบริหารส่วนตำบลห้วยทรายงาม", 96.20, "province_list"),
        ("องค์การบริหารส่วนตำบลบ้านเป้า", 91.45, "province_list"),
        ("เทศบาลตำบลหนองบัวแดง", 82.30, "province_list")]
