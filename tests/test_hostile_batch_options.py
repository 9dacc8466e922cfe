"""Batches that were wrong without a word or hung (issue 22, defects 8-11, 13, 19): the rules in the
build hash, the command line's options over a params file's, one agency named twice built once, a
store locked by an ingest waited for, and a scheduler that is not one refused in seconds."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ita_lib import rubric
from ita_lib.batch import cluster, pool
from ita_lib.batch.jobs import once_per_agency, select_jobs
from ita_lib.batch.pool import usable_workers
from ita_lib.batch.stamps import code_hash
from ita_lib.cli import exit_codes
from ita_lib.errors import ItaError, StoreError, UsageError
from ita_lib.store import db as store_db
from ita_lib.store.db import Store

RUBRIC = Path(__file__).resolve().parents[1] / "ita_lib" / "data" / "rubric.yaml"


@pytest.fixture(scope="module")
def agency(example_store) -> tuple[str, str]:
    with Store(example_store, read_only=True) as store:
        row = store.agencies().iloc[0]
    return row["name"], row["agency_id"]


def test_a_rubric_copy_changes_the_build_hash(tmp_path, monkeypatch):
    copy = tmp_path / "rubric.yaml"
    copy.write_text(RUBRIC.read_text(encoding="utf-8").replace("pass_threshold: 85", "pass_threshold: 80"),
                    encoding="utf-8")
    rubric.load.cache_clear()
    packaged = code_hash()
    monkeypatch.setenv("ITA_RUBRIC", str(copy))
    rubric.load.cache_clear()
    try:
        assert code_hash() != packaged
    finally:
        monkeypatch.delenv("ITA_RUBRIC")
        rubric.load.cache_clear()
    assert code_hash() == packaged


def test_the_command_lines_options_win_over_a_params_file(example_store, agency, tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text(f'agency: "{agency[0]}"\nagency_id: "{agency[1]}"\nformats: ["pdf", "docx"]\n'
                      'digits: "thai"\naudience: "agency"\n', encoding="utf-8")
    defaults = {"output_dir": "out", "formats": ["html"], "digits": "arabic", "audience": "analyst"}
    [job] = select_jobs(example_store, targets=[str(params)], defaults=defaults)
    assert (job.params["formats"], job.params["digits"], job.params["audience"]) == (["html"], "arabic", "analyst")
    [kept] = select_jobs(example_store, targets=[str(params)], defaults={"output_dir": "out"})
    assert (kept.params["formats"], kept.params["digits"]) == (["pdf", "docx"], "thai")


def test_one_agency_named_twice_is_built_once(example_store, agency, tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text(f'agency: "{agency[0]}"\n', encoding="utf-8")
    jobs = select_jobs(example_store, targets=[agency[0], agency[1], str(params), "อบต.ที่ไม่มี"],
                       defaults={"output_dir": "out"})
    kept, notes = once_per_agency(jobs)
    assert [job.agency_id for job in kept] == [agency[1], None]
    assert notes == [f"{agency[1]}: named twice; built once, with the first target's parameters"] * 2


HOLD_LOCK = "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); " \
            "time.sleep(float(sys.argv[2])); c.close()"


def test_a_reader_waits_for_a_writer_and_then_gives_up_in_one_line(example_store, tmp_path, monkeypatch):
    store = tmp_path / "ita.duckdb"
    store.write_bytes(example_store.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(store), "2"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    with Store(store, read_only=True) as opened:  # waits for the writer instead of failing at once
        assert len(opened.agencies()) > 0
    assert time.monotonic() - started > 0.5
    holder.wait(timeout=30)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(store), "5"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    monkeypatch.setattr(store_db, "LOCK_WAIT_SECONDS", 1.0)
    try:
        with pytest.raises(StoreError) as raised:
            Store(store, read_only=True)
        assert str(raised.value) == f"{store}: in use by another process (an ingest?) for over 1 s; run again when " \
                                    "it is done"
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("address, says", [
    ("tcp://127.0.0.1:65536", "port 65536 is not from 1 to 65535"),
    ("inproc://x", "the inproc:// transport is not supported, only tcp://"),
    ("ucx://127.0.0.1:8786", "the ucx:// transport is not supported, only tcp://"),
    ("tls://127.0.0.1:8786", "the tls:// transport is not supported, only tcp://"),
])
def test_scheduler_addresses_this_tool_cannot_use(address, says):
    with pytest.raises(UsageError, match=says):
        cluster.check_scheduler(address)


def serve(answer: bytes | None) -> tuple[socket.socket, int]:
    """A listening socket that accepts and then stays silent (None), or answers each request once."""
    server = socket.create_server(("127.0.0.1", 0))
    held = []

    def accept():
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            held.append(connection)
            if answer is not None:
                try:
                    connection.recv(65536)
                    connection.sendall(answer)
                except OSError:
                    pass

    threading.Thread(target=accept, daemon=True).start()
    return server, server.getsockname()[1]


@pytest.mark.parametrize("answer, says", [
    (None, "does not answer as a dask scheduler within 5 s"),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "does not answer as a dask scheduler within 5 s"),
])
def test_a_scheduler_that_is_not_one_stops_the_batch_in_seconds(example_store, agency, tmp_path, answer, says):
    server, port = serve(answer)
    try:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "ita_lib", "batch", agency[1], "--db", str(example_store),
                               "--output-dir", "out", "--scheduler", f"tcp://127.0.0.1:{port}"],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
        seconds = time.monotonic() - started
    finally:
        server.close()
    assert done.returncode == exit_codes.STOPPED
    lines = done.stderr.strip().splitlines()
    assert lines == [f"ita-report: --scheduler: tcp://127.0.0.1:{port} {says}"], done.stderr
    assert seconds < 15 and not (tmp_path / "out").exists()


def test_a_peer_that_speaks_first_in_another_protocol_is_refused():
    talker = socket.create_server(("127.0.0.1", 0))

    def greet():
        connection, _ = talker.accept()
        connection.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
        time.sleep(2)
        connection.close()

    threading.Thread(target=greet, daemon=True).start()
    try:
        with pytest.raises(ItaError, match="is not a dask scheduler"):
            cluster.check_scheduler_answers(f"tcp://127.0.0.1:{talker.getsockname()[1]}")
    finally:
        talker.close()


def test_workers_are_capped_by_the_memory_available(monkeypatch):
    monkeypatch.setattr(pool, "available_memory", lambda: 3 * pool.WORKER_MEMORY + 1)
    assert usable_workers(64) == (3, "--jobs 64 lowered to 3: 2.3 GB of memory free, ~750 MB a worker")
    assert usable_workers(2) == (2, "")
    assert usable_workers(None)[0] <= 3
    monkeypatch.setattr(pool, "available_memory", lambda: None)
    assert usable_workers(64) == (64, "")


def _cgroup(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text + "\n", encoding="ascii")
    return tmp_path


@pytest.mark.parametrize("files, cpus, free", [
    ({"cpu.max": "200000 100000", "memory.max": "4000000000", "memory.current": "1000000000"}, 2.0, 3_000_000_000),
    ({"cpu.max": "150000 100000", "memory.max": "max", "memory.current": "5"}, 1.5, None),
    ({"cpu.max": "max 100000"}, None, None),
    ({"cpu/cpu.cfs_quota_us": "300000", "cpu/cpu.cfs_period_us": "100000",
      "memory/memory.limit_in_bytes": "2000000000", "memory/memory.usage_in_bytes": "500000000"}, 3.0, 1_500_000_000),
    ({"cpu/cpu.cfs_quota_us": "-1", "cpu/cpu.cfs_period_us": "100000",
      "memory/memory.limit_in_bytes": "9223372036854771712", "memory/memory.usage_in_bytes": "1"}, None, None),
    ({}, None, None),
])
def test_a_containers_cpu_quota_and_memory_limit_are_read_from_its_cgroups(tmp_path, files, cpus, free):
    """cgroup v2 (cpu.max, memory.max) and v1 (cfs quota, limit_in_bytes), "no limit" in each's words."""
    root = _cgroup(tmp_path, files)
    assert (pool.cpu_quota(root), pool.container_memory_free(root)) == (cpus, free)


def test_the_default_workers_follow_a_containers_cpu_quota(monkeypatch):
    """A 64-core node with a quota of 2.5 CPUs runs 2 workers, not 64."""
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    monkeypatch.setattr(pool, "cpu_quota", lambda: 2.5)
    monkeypatch.setattr(pool, "available_memory", lambda: 100 * pool.WORKER_MEMORY)
    assert usable_workers(None) == (2, "")
    monkeypatch.setattr(pool, "cpu_quota", lambda: None)
    assert usable_workers(None) == (64, "")
