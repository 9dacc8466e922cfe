"""Batch builds: failures isolated and recorded, interrupted runs resume, unchanged reports skipped,
and dask gives the same reports as the local pool."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from ita_lib.cli import exit_codes
from ita_lib.batch.jobs import select_jobs
from ita_lib.batch.pool import in_fresh_pools
from ita_lib.batch.run import run_batch
from ita_lib.errors import ItaError
from ita_lib.model import Assessment, Source
from ita_lib.report.line_breaks import unmarked
from ita_lib.report.render import NOTEBOOK

PLACES = ("หนองแก", "โนนงาม", "บ้านดู่", "ท่าโพธิ์", "ดอนแก้ว", "โคกสูง", "ห้วยยาง", "นาดี", "บึงทอง",
          "สระบัว", "หนองใหญ่", "โนนสูง", "บ้านใหม่", "ท่าม่วง", "ดอนตาล", "โคกกลาง", "ห้วยทราย", "นาคำ")
FAILING = "องค์การบริหารส่วนตำบลห้วยยาง"


def made_up_records() -> tuple[list[str], list[Assessment]]:
    """18 made-up อบต. in one province, two years each (2567, 2568)."""
    names, records = [], []
    for index, place in enumerate(PLACES):
        name = "องค์การบริหารส่วนตำบล" + place
        names.append(name)
        for year, shift in ((2567, 0.0), (2568, 1.5)):
            scores = {str(n): round(80 + (index * 7 + n * 3) % 19 + shift, 2) for n in range(1, 11)}
            sha = f"{index:02d}{year}".ljust(64, "0")
            records.append(Assessment(agency=name, agency_type="อบต.", district="เมือง", province="ขอนแก่น",
                                      fiscal_year=year, indicators=scores,
                                      source=Source(path=f"{place}-{year}.txt", sha256=sha, kind="itas_result")))
    return names, records


@pytest.fixture(scope="module")
def store(tmp_path_factory, write_records) -> tuple[Path, list[str]]:
    db = tmp_path_factory.mktemp("batch-store") / "ita.duckdb"
    names, records = made_up_records()
    write_records(db, records)
    return db, names


def failing_notebook(folder: Path) -> Path:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        f"if a.agency['name'] == {FAILING!r}:\n    raise RuntimeError('this agency fails on purpose')"))
    path = folder / "failing.ipynb"
    nbformat.write(notebook, path)
    return path


def targets_file(folder: Path, names: list[str]) -> Path:
    (folder / "broken.yaml").write_text("agency: [unclosed\n", encoding="utf-8")
    (folder / "typo.yaml").write_text('agency: "อบต.หนองแก"\nthresold: 3\n', encoding="utf-8")
    lines = names + ["broken.yaml", "typo.yaml"]
    path = folder / "targets.txt"
    path.write_text("# 18 agencies and two corrupt params files\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def manifest_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def report_folders(output: Path) -> list[Path]:
    return sorted(p for p in output.iterdir() if p.is_dir())


def test_failures_are_isolated_and_recorded(store, tmp_path):
    db, names = store
    output = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "ita_lib", "batch", "--db", str(db), "--agencies",
                          str(targets_file(tmp_path, names)), "--jobs", "2", "--format", "html",
                          "--output-dir", str(output), "--notebook", str(failing_notebook(tmp_path))],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == exit_codes.PARTIAL, run.stderr
    rows = manifest_rows(output / "manifest.csv")
    assert len(rows) == 20
    statuses = {row["agency"]: row["status"] for row in rows}
    assert sum(1 for s in statuses.values() if s == "built") == 17
    failed = {row["agency"]: row["error"] for row in rows if row["status"] == "failed"}
    assert set(failed) == {"broken.yaml", "typo.yaml", FAILING}
    assert "this agency fails on purpose" in failed[FAILING] and "cell" in failed[FAILING]
    assert "thresold" in failed["typo.yaml"] and "typo.yaml:2:" in failed["typo.yaml"]  # file:line
    assert "broken.yaml" in failed["broken.yaml"]
    built = [folder for folder in report_folders(output) if (folder / "report.html").exists()]
    assert len(built) == 17
    index = (output / "index.html").read_text(encoding="utf-8")
    assert index.count("report.html") == 17 and "http://" not in index and "https://" not in index
    assert 'href="province_overview.html"' in index
    overview = unmarked((output / "province_overview.html").read_text(encoding="utf-8"))
    assert "ภาพรวมผลการประเมิน ITA จังหวัดขอนแก่น" in overview and "http://" not in overview
    assert "จำนวนหน่วยงานในรายงานชุดนี้</dt><dd>๑๗<" in overview  # the 17 built, not the 3 failed
    # its contents list, from the sections the overview notebook published, links to each of them
    assert '<nav class="toc"><h2>สารบัญ</h2><ol><li><a href="#section-1">สรุปผลคะแนน</a></li>' in overview
    assert '<h2 id="section-1">สรุปผลคะแนน</h2>' in overview and "ita-report: " not in overview


def test_rerun_with_nothing_changed_skips_everything(store, tmp_path):
    db, names = store
    output = tmp_path / "out"
    def jobs():
        return select_jobs(db, agencies_file=_plain_list(tmp_path, names[:4]), defaults={"formats": ["html"]})
    first = run_batch(jobs(), db=db, output_dir=output, workers=1)
    assert first.counts == {"built": 4, "skipped": 0, "failed": 0}
    stamps = {p: p.stat().st_mtime_ns for p in [*output.glob("*/report.html"), output / "province_overview.html"]}
    again = run_batch(jobs(), db=db, output_dir=output, workers=1)
    assert again.counts == {"built": 0, "skipped": 4, "failed": 0}
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # no report and no overview redone
    forced = run_batch(jobs()[:1], db=db, output_dir=output, workers=1, force=True)
    assert forced.counts["built"] == 1


def test_a_rerun_finds_the_folders_in_the_manifest_and_checks_them(store, tmp_path, monkeypatch):
    """A rerun romanizes no name (the folders come from the last manifest), and a manifest that
    points an agency at another agency's folder is not believed."""
    import ita_lib.batch.run as run

    db, names = store
    output = tmp_path / "out"

    def jobs():
        return select_jobs(db, agencies_file=_plain_list(tmp_path, names[:3]), defaults={"formats": ["html"]})
    first = run_batch(jobs(), db=db, output_dir=output, workers=1, index=False)
    assert first.counts["built"] == 3
    slugs = {o.agency_id: o.slug for o in first.outcomes}

    def no_romanizing(name, agency_id):
        raise AssertionError(f"romanized {name} again")
    monkeypatch.setattr(run, "agency_slug", no_romanizing)
    again = run_batch(jobs(), db=db, output_dir=output, workers=1, index=False)
    assert again.counts == {"built": 0, "skipped": 3, "failed": 0}
    assert {o.agency_id: o.slug for o in again.outcomes} == slugs

    manifest = output / "manifest.csv"
    first_id, second_id = sorted(slugs)[:2]
    swapped = manifest.read_text(encoding="utf-8-sig").replace(slugs[first_id], "SWAP").replace(
        slugs[second_id], slugs[first_id]).replace("SWAP", slugs[second_id])
    manifest.write_text("\ufeff" + swapped, encoding="utf-8")
    monkeypatch.undo()
    third = run_batch(jobs(), db=db, output_dir=output, workers=1, index=False)
    assert third.counts == {"built": 0, "skipped": 3, "failed": 0}
    assert {o.agency_id: o.slug for o in third.outcomes} == slugs  # recomputed, not taken from the swap


def _task_pid(number: int) -> dict:
    return {"number": number, "pid": os.getpid()}


def test_worker_processes_are_replaced_after_their_share():
    results = list(in_fresh_pools(_task_pid, [(n,) for n in range(7)], workers=2, recycle_after=2))
    pid = {r["number"]: r["pid"] for r in results}
    assert sorted(pid) == list(range(7))
    first_pool, second_pool = {pid[n] for n in range(4)}, {pid[n] for n in range(4, 7)}
    assert len(first_pool) <= 2 and len(second_pool) <= 2
    assert first_pool.isdisjoint(second_pool) and os.getpid() not in first_pool | second_pool


def _plain_list(folder: Path, names: list[str]) -> Path:
    path = folder / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path


def test_a_killed_batch_leaves_no_partial_file_and_a_rerun_completes(store, tmp_path):
    db, names = store
    output = tmp_path / "out"
    command = [sys.executable, "-m", "ita_lib", "batch", "--db", str(db), "--agencies",
               str(_plain_list(tmp_path, names[:8])), "--jobs", "2", "--output-dir", str(output)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(output.glob("*/build.json"))) < 2:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)  # the driver, its workers and their kernels
    process.wait()
    finished_before = len(list(output.glob("*/build.json")))
    assert 2 <= finished_before < 8
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    rows = manifest_rows(output / "manifest.csv")
    assert sorted(row["status"] for row in rows).count("skipped") >= finished_before
    assert all(row["status"] in ("built", "skipped") for row in rows) and len(rows) == 8
    expected = {"build.json", "checklist.html", "data.json", "plan.csv", "report.html", "report.ipynb", "report.pdf"}
    folders = report_folders(output)
    assert len(folders) == 8
    for folder in folders:
        assert {p.name for p in folder.iterdir()} == expected, folder
    leftovers = [p for p in output.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".ita-report-build-")]
    assert leftovers == []


def test_dask_cluster_gives_the_same_reports_as_the_local_pool(store, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    db, names = store
    def jobs():
        return select_jobs(db, agencies_file=_plain_list(tmp_path, names[:3]), defaults={"formats": ["html"]})
    local = run_batch(jobs(), db=db, output_dir=tmp_path / "local", workers=1, index=False)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        remote = run_batch(jobs(), db=db, output_dir=tmp_path / "dask", scheduler=cluster.scheduler_address,
                           index=False)
    assert local.counts == remote.counts == {"built": 3, "skipped": 0, "failed": 0}
    for outcome in local.outcomes:
        mine = json.loads((tmp_path / "local" / outcome.slug / "data.json").read_text(encoding="utf-8"))
        theirs = json.loads((tmp_path / "dask" / outcome.slug / "data.json").read_text(encoding="utf-8"))
        assert mine == theirs


def test_targets_on_the_command_line_and_one_way_only(store, tmp_path):
    db, names = store
    jobs = select_jobs(db, targets=[names[0], "อบต.ไม่มีจริง"])
    assert [job.agency for job in jobs] == [names[0], "อบต.ไม่มีจริง"]
    assert jobs[0].problem is None and jobs[0].province == "ขอนแก่น"
    assert "ไม่มีจริง" in jobs[1].problem  # reported in the manifest, not fatal
    with pytest.raises(ItaError, match="one way"):
        select_jobs(db, targets=[names[0]], province="ขอนแก่น")
    with pytest.raises(ItaError, match="one way"):
        select_jobs(db)


def test_an_agency_past_its_timeout_is_stopped_and_the_next_one_built(store, tmp_path):
    db, names = store
    slow, fine = names[5], names[6]
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    parameters = next(i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", []))
    notebook.cells.insert(parameters + 1, nbformat.v4.new_code_cell(
        f"import time\nif agency == {slow!r}:\n    time.sleep(3600)"))
    path = tmp_path / "slow.ipynb"
    nbformat.write(notebook, path)
    jobs = select_jobs(db, targets=[slow, fine], defaults={"formats": ["html"]})
    result = run_batch(jobs, db=db, output_dir=tmp_path / "out", workers=1, notebook=path, timeout=45,
                       index=False, overview=False)
    outcome = {o.agency: o for o in result.outcomes}
    assert outcome[slow].status == "failed" and "longer than 45 s" in outcome[slow].error
    assert outcome[fine].status == "built"  # on a fresh kernel
