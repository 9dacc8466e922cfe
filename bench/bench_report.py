"""Report benchmark: seconds per report for each step (execute the notebook, HTML, PDF).

    .venv/bin/python bench/bench_report.py [--rounds 2]

Ingests the bundled examples into a scratch store, then builds the three example agencies' reports
`--rounds` times with one warm kernel (as `ita-report build A B C` does) and prints the mean and the
slowest time of each step, the first (cold kernel) build apart. Steps are measured in the same run,
so compare their ratios rather than absolute seconds on a busy machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AGENCIES = ("อบต.โนนสะอาดพัฒนา", "ทต.หนองบัวทอง", "ทม.ท่าช้างใหม่")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from ita_lib.store.ingest import ingest
    from ita_lib.report.kernels import kernel_manager
    from ita_lib.report.params import ReportParams
    from ita_lib.report.render import build

    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "ita.duckdb"
        ingest([ROOT / "examples"], db=db, aliases=None)
        steps: dict[str, list[float]] = {"execute": [], "html": [], "pdf": [], "total": []}
        first = None
        with kernel_manager() as km:
            for round_number in range(args.rounds):
                for agency in AGENCIES:
                    started = time.perf_counter()
                    result = build(ReportParams(agency=agency, db=str(db), output_dir=scratch), km=km)
                    total = time.perf_counter() - started
                    if first is None:
                        first = (result.seconds, total)
                        continue
                    for step, seconds in result.seconds.items():
                        steps[step].append(seconds)
                    steps["total"].append(total)
    print(f"first build (cold kernel, imports): execute {first[0]['execute']:.2f} s, total {first[1]:.2f} s")
    print(f"next {len(steps['total'])} builds (warm kernel), seconds per report:")
    for step, values in steps.items():
        print(f"  {step:8s} mean {statistics.mean(values):.2f}  max {max(values):.2f}")
    mean_total = statistics.mean(steps["total"])
    print("share of the total: " + ", ".join(f"{step} {statistics.mean(v) / mean_total:.0%}"
                                              for step, v in steps.items() if step != "total"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
