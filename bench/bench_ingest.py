"""Ingest benchmark: the synthetic national dataset into a fresh store; time and peak memory.

    .venv/bin/python bench/bench_ingest.py [--data DIR] [--workers N]

Builds the dataset with bench/make_dataset.py (seeded) when DIR does not hold one yet, then runs
`ita_lib.store.ingest.ingest` once and prints wall time, documents per second and the peak resident memory
of this process and of its parse workers. Targets (issue 3): ≤ 60 s and ≤ 1 GB on 2 cores. Runs on
shared machines are noisy, so it also prints the ratio of the measured figures to the targets.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

TARGET_SECONDS = 60.0
TARGET_MEMORY_MB = 1024.0


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(tempfile.gettempdir()) / "ita-dataset"),
                        help="dataset folder (made when missing; default: %(default)s)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", metavar="FILE", help="keep a copy of the store (for bench/check_identity.py)")
    args = parser.parse_args()
    data = Path(args.data)
    if not (data / "truth.csv").exists():
        from make_dataset import make_dataset

        started = time.perf_counter()
        summary = make_dataset(data)
        print(f"dataset: {summary} in {time.perf_counter() - started:.1f} s")
    from ita_lib.store.ingest import ingest
    from ita_lib.store.db import Store

    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "ita.duckdb"
        started = time.perf_counter()
        year_folders = sorted(p for p in data.iterdir() if p.is_dir())  # not truth.csv
        result = ingest(year_folders, db=db, workers=args.workers, aliases=None)
        elapsed = time.perf_counter() - started
        with Store(db, read_only=True) as store:
            counts = {name: len(store.table(name)) for name in ("sources", "records", "facts", "agencies")}
            if args.keep:
                import shutil

                shutil.copy(db, args.keep)
        size_mb = db.stat().st_size / 1e6
    own, children = _peak_mb()
    files = len(result.added)
    print(f"ingested {files} files ({result.records} records, {len(result.failed)} failed) in {elapsed:.1f} s: "
          f"{files / elapsed:.0f} files/s")
    print(f"store: {counts}, {size_mb:.0f} MB on disk")
    print(f"peak memory: driver {own:.0f} MB, largest worker {children:.0f} MB")
    print(f"time / target: {elapsed / TARGET_SECONDS:.2f}; "
          f"peak memory / target: {max(own, children) / TARGET_MEMORY_MB:.2f}")
    return 0 if not result.failed else 1


if __name__ == "__main__":
    sys.exit(main())
