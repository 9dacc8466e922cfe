"""The store: ingest, idempotence, conflicts, bad files, identity through the store, load()."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ita_lib
from ita_lib.cli import exit_codes
from ita_lib.errors import AgencyNotFoundError, StoreError
from ita_lib.store.ingest import ingest
from ita_lib.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = Path(os.environ.get("ITA_SEEDS", ROOT.parent / "shared" / "seeds"))
TABLES = ("sources", "records", "facts", "recommendations", "actions", "warnings", "agencies", "agency_links")


def snapshot(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        return {name: store.table(name).sort_values(list(store.table(name).columns[:2])).reset_index(drop=True)
                for name in TABLES}


def itas_page(agency: str, year: int, indicators: tuple[float, ...], overall: float, grade: str) -> str:
    """A short ITAS result page in the ranked-table layout (made-up content)."""
    from ita_lib.rubric import load as load_rubric

    ranked = sorted(range(1, 11), key=lambda n: -indicators[n - 1])
    names = {n: info.name for n, info in load_rubric().indicators.items()}
    rows = "\n".join(f"{rank}\t{names[n]}\t{indicators[n - 1]:.2f}" for rank, n in enumerate(ranked, 1))
    return (f"รายงานผลการประเมิน ITA ประจำปีงบประมาณ {year}\n\n"
            f"คะแนนภาพรวมหน่วยงาน{agency} : {overall:.2f} คะแนน\n\nระดับผลการประเมิน : {grade}\n\n"
            f"คะแนนสูงสุดรายตัวชี้วัด\n\nอันดับ\tตัวชี้วัด\tคะแนน\n{rows}\n")


WORKED = (93.76, 88.66, 95.22, 88.93, 95.18, 86.60, 76.62, 78.27, 79.85, 87.50)  # ITA 85.32


def test_examples_give_three_agencies_with_three_or_more_years(example_store):
    with Store(example_store, read_only=True) as store:
        agencies = store.agencies()
    years = {row.name: list(row.years) for row in agencies.itertuples()}
    assert years["องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"] == [2563, 2565, 2567, 2568]
    assert years["เทศบาลตำบลหนองบัวทอง"] == [2564, 2566, 2568]
    assert years["เทศบาลเมืองท่าช้างใหม่"] == [2563, 2564, 2565, 2566, 2567, 2568]
    # The province list's อบต.หนองบัวทอง is another agency than ทต.หนองบัวทอง (same district).
    assert years["องค์การบริหารส่วนตำบลหนองบัวทอง"] == [2568]


def test_ingest_again_changes_nothing(tmp_path):
    db = tmp_path / "ita.duckdb"
    paths = [EXAMPLES, FIXTURES] + ([SEEDS] if SEEDS.is_dir() else [])
    first = ingest(paths, db=db, workers=1)
    before = snapshot(db)
    again = ingest(paths, db=db, workers=1)
    assert again.added == [] and sorted(again.already_in) == sorted(first.added)
    after = snapshot(db)
    for name in TABLES:
        assert before[name].equals(after[name]), name


def test_parallel_ingest_equals_serial(tmp_path):
    serial, parallel = tmp_path / "serial.duckdb", tmp_path / "parallel.duckdb"
    ingest([EXAMPLES, FIXTURES], db=serial, workers=1)
    import ita_lib.store.ingest as module

    old = module._PARALLEL_FROM
    module._PARALLEL_FROM = 1  # force the process pool on a small set
    try:
        ingest([EXAMPLES, FIXTURES], db=parallel, workers=2)
    finally:
        module._PARALLEL_FROM = old
    a, b = snapshot(serial), snapshot(parallel)
    for name in TABLES:
        assert a[name].equals(b[name]), name


def test_a_conflicting_source_is_kept_and_listed(tmp_path):
    db = tmp_path / "ita.duckdb"
    first = tmp_path / "a" / "result.txt"
    second = tmp_path / "b" / "result-copy.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(itas_page("องค์การบริหารส่วนตำบลบ้านทดลอง", 2563, WORKED, 85.32, "A"), encoding="utf-8")
    changed = WORKED[:8] + (80.85,) + WORKED[9:]  # indicator 9 printed 80.85 instead of 79.85
    second.write_text(itas_page("อบต.บ้านทดลอง", 2563, changed, 85.32, "A"), encoding="utf-8")
    ingest([first], db=db)
    ingest([second], db=db)
    with Store(db, read_only=True) as store:
        conflicts = store.conflicts()
        assert len(store.table("sources")) == 2
    assert conflicts["field"].unique().tolist() == ["indicator:9"]
    assert sorted(conflicts["value"]) == ["79.85", "80.85"]
    assert sorted(Path(p).name for p in conflicts["path"]) == ["result-copy.txt", "result.txt"]
    assert conflicts["agency"].unique().tolist() == ["องค์การบริหารส่วนตำบลบ้านทดลอง"]
    cli = subprocess.run([sys.executable, "-m", "ita_lib", "conflicts", "--db", str(db), "--format", "csv"],
                         capture_output=True, text=True, check=True)
    assert "indicator:9" in cli.stdout and "80.85" in cli.stdout and "79.85" in cli.stdout


def test_bad_files_are_skipped_and_reported(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(itas_page("อบต.บ้านดี", 2564, WORKED, 85.32, "A"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    db = tmp_path / "ita.duckdb"
    run = subprocess.run([sys.executable, "-m", "ita_lib", "ingest", str(folder), "--db", str(db), "--quiet"],
                         capture_output=True, text=True)
    assert run.returncode == exit_codes.PARTIAL
    skipped = [line for line in run.stderr.splitlines() if "skipped" in line and "docs/" in line]
    assert len(skipped) == 2
    assert any("empty.txt" in line for line in skipped) and any("broken.pdf" in line for line in skipped)
    assert "Traceback" not in run.stderr
    with Store(db, read_only=True) as store:
        assert [Path(p).name for p in store.table("sources")["path"]] == ["good.txt"]


def test_rerun_resumes_with_the_files_not_yet_in(tmp_path):
    db = tmp_path / "ita.duckdb"
    files = sorted(EXAMPLES.glob("*.txt"))
    ingest(files[:3], db=db)
    result = ingest(files, db=db)
    assert sorted(result.already_in) == sorted(map(str, files[:3]))
    assert sorted(result.added) == sorted(map(str, files[3:]))


def test_same_content_under_another_name_goes_in_once(tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(EXAMPLES / "nonsa-at-phatthana_2563_itas-result.txt", copy)
    db = tmp_path / "ita.duckdb"
    result = ingest([EXAMPLES / "nonsa-at-phatthana_2563_itas-result.txt", copy], db=db)
    assert len(result.added) == 1 and result.already_in == [str(copy)]


def test_identity_through_the_store(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {
        "a.txt": ("อบต.ลำปางรอง", 2563), "b.txt": ("องค์การบริหารส่วนตำบลลำปางรอง", 2564),
        "c.txt": ("เทศบาลตำบลลำปางรอง", 2564),
    }
    for name, (agency, year) in pages.items():
        (docs / name).write_text(itas_page(agency, year, WORKED, 85.32, "A"), encoding="utf-8")
    db = tmp_path / "ita.duckdb"
    ingest([docs], db=db)
    with Store(db, read_only=True) as store:
        agencies = store.agencies()
        assert set(agencies["name"]) == {"เทศบาลตำบลลำปางรอง", "องค์การบริหารส่วนตำบลลำปางรอง"}
        assert len(agencies) == 2
        tambon = agencies[agencies["agency_type"] == "อบต."].iloc[0]
        assert list(tambon["years"]) == [2563, 2564]
        # Any spelling finds it; the bare place name names both tiers.
        assert store.find_agency("อบต.ลำปางรอง")["agency_id"] == tambon["agency_id"]
        with pytest.raises(AgencyNotFoundError) as error:
            store.find_agency("ลำปางรอง")
        assert "เทศบาลตำบลลำปางรอง" in str(error.value) and "องค์การบริหารส่วนตำบลลำปางรอง" in str(error.value)
        with pytest.raises(AgencyNotFoundError):
            store.find_agency("อบต.ไม่มีจริง")


def test_load_returns_history_tables_and_narrative(example_store):
    analysis = ita_lib.load("อบต.โนนสะอาดพัฒนา", db=example_store, config={"digits": "arabic"})
    assert analysis.agency["province"] == "นครราชสีมา"
    assert analysis.years["fiscal_year"].tolist() == [2563, 2565, 2567, 2568]
    assert analysis.latest_year == 2568
    assert not analysis.priorities.empty and not analysis.plan.empty
    assert "ปีงบประมาณ พ.ศ. 2568" in analysis.narrative.text()


def test_store_errors_name_the_file_and_pickle(tmp_path):
    with pytest.raises(StoreError) as error:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert "missing.duckdb" in str(error.value)
    copy = pickle.loads(pickle.dumps(error.value))
    assert (type(copy), copy.path, copy.reason) == (StoreError, error.value.path, error.value.reason)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_seed_000_priorities_in_the_store(tmp_path):
    db = tmp_path / "ita.duckdb"
    ingest([SEEDS], db=db)
    analysis = ita_lib.load("องค์การบริหารส่วนตำบลบางเคชะ", db=db)
    top = analysis.priorities.iloc[0]
    # 79.85 for indicator 9 (weight 0.4/2 = 0.20): 0.20 × 5.15 = 1.03 to 85; 0.20 × 20.15 = 4.03 to 100.
    assert (top["indicator"], top["gain_to_pass"], top["gain_to_full"]) == (9, 1.03, 4.03)


def test_aliases_file_and_fuzzy_links_show_in_agencies(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    located = "{} อำเภอชุมแพ จังหวัดขอนแก่น"
    pages = {"a.txt": ("เทศบาลตำบลหนองเสาเล้า", 2563), "b.txt": ("เทศบาลตำบลหนองเส้า", 2564),
             "c.txt": ("เทศบาลตำบลโนนทองเก่า", 2565), "d.txt": ("เทศบาลตำบลหนองเสาเล้า", 2566)}
    for name, (agency, year) in pages.items():
        (docs / name).write_text(itas_page(located.format(agency), year, WORKED, 85.32, "A"), encoding="utf-8")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("aliases:\n  - name: เทศบาลตำบลหนองเสาเล้า\n    province: ขอนแก่น\n"
                       "    also: [ทต.โนนทองเก่า]\n", encoding="utf-8")
    db = tmp_path / "ita.duckdb"
    run = subprocess.run([sys.executable, "-m", "ita_lib", "ingest", str(docs), "--db", str(db), "--quiet",
                          "--aliases", str(aliases)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    listed = subprocess.run([sys.executable, "-m", "ita_lib", "agencies", "--db", str(db), "--format", "json"],
                            capture_output=True, text=True, check=True)
    import json

    agencies = json.loads(listed.stdout)
    assert len(agencies) == 1
    only = agencies[0]
    assert (only["name"], only["district"], only["province"]) == ("เทศบาลตำบลหนองเสาเล้า", "ชุมแพ", "ขอนแก่น")
    assert only["years"] == [2563, 2564, 2565, 2566]
    # หนองเส้า vs หนองเสาเล้า: 2 × 8 matching characters / (8 + 11) = 0.84
    assert sorted(only["links"]) == ["alias", "fuzzy 0.84 เทศบาลตำบลหนองเส้า"]
