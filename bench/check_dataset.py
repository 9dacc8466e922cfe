"""Check a dataset from bench/make_dataset.py: parse a sample of its files and compare with truth.csv.

    python bench/check_dataset.py OUT_DIR [--sample 200] [--allow-warning CODE ...] [--timing N]

The sample is deterministic and stratified: every (kind, year) gets its share, and Thai-digit
files and misspelled analysis documents are always included. For every expected record the agency
name (after the parser's abbreviation expansion), agency_type, district, province, fiscal_year,
overall_score, the ten indicators, the rank (province tables) and the grade / result word must
match exactly. Parser warnings count as failures unless allowed with --allow-warning.

--timing N parses N files of each kind (province tables, ITAS result pages, analysis documents)
once more, untimed reading excluded, and prints the time per file and an ingest estimate.
Exit status: 0 when everything matches, 1 otherwise.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Sequence

from ita_lib import parse_document
from ita_lib.model import Assessment

KINDS = ("province_table", "itas_result", "analysis")
PARSER_KIND = {"province_table": "multi_agency_table", "itas_result": "itas_result",
               "analysis": "agency_analysis"}
GRADE_YEARS = range(2562, 2566)


def read_truth(out: Path) -> dict[str, list[dict]]:
    """file -> its expected records, in file order."""
    by_file: dict[str, list[dict]] = defaultdict(list)
    with open(out / "truth.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_file[row["file"]].append(row)
    return dict(by_file)


def choose_sample(truth: dict[str, list[dict]], size: int, seed: str = "check") -> list[str]:
    """Round-robin over shuffled (kind, year) strata, plus one Thai-digit file per stratum and
    every misspelled document of the sampled years; sorted for a stable order."""
    rng = random.Random(seed)
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(truth):
        first = truth[path][0]
        strata[(first["kind"], first["fiscal_year"])].append(path)
    keys = sorted(strata)
    for key in keys:
        rng.shuffle(strata[key])
    chosen: list[str] = []
    for key in keys:  # one Thai-digit file of every kind and year
        thai = [p for p in strata[key] if truth[p][0]["thai_digits"] == "1"]
        if thai:
            chosen.append(thai[0])
    misspelled = [p for p in sorted(truth) if truth[p][0]["misspelled"] == "1"]
    chosen += rng.sample(misspelled, min(len(misspelled), max(5, size // 20)))
    position = 0
    while len(set(chosen)) < min(size, len(truth)):
        key = keys[position % len(keys)]
        depth = position // len(keys)
        if depth < len(strata[key]):
            chosen.append(strata[key][depth])
        position += 1
    return sorted(dict.fromkeys(chosen))


def cents(value: float | None) -> int | None:
    return None if value is None else round(value * 100)


def expected_cents(text: str) -> int:
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int(frac or 0)


def compare(record: Assessment, expected: dict) -> list[str]:
    """Differences between one parsed record and its truth row, as readable strings."""
    problems = []
    checks = (("agency", record.agency, expected["expected_name"]),
              ("agency_type", record.agency_type, expected["agency_type"]),
              ("district", record.district, expected["district"]),
              ("province", record.province, expected["province"]),
              ("fiscal_year", record.fiscal_year, int(expected["fiscal_year"])),
              ("overall_score", cents(record.overall_score), expected_cents(expected["overall"])),
              ("kind", record.source.kind, PARSER_KIND[expected["kind"]]))
    for name, got, want in checks:
        if got != want:
            problems.append(f"{name}: got {got!r}, want {want!r}")
    for n in range(1, 11):
        got = cents(record.indicators.get(str(n)))
        want = expected_cents(expected[f"i{n}"])
        if got != want:
            problems.append(f"indicator {n}: got {got}, want {want}")
    if expected["rank"] and record.rank != int(expected["rank"]):
        problems.append(f"rank: got {record.rank}, want {expected['rank']}")
    word = record.grade if int(expected["fiscal_year"]) in GRADE_YEARS else record.result
    if word != expected["result"]:
        problems.append(f"grade/result: got {word!r}, want {expected['result']!r}")
    return problems


def check_file(out: Path, path: str, expected: list[dict], allowed: Sequence[str],
               warnings: Counter) -> list[str]:
    try:
        records = parse_document(out / path)
    except Exception as exc:  # a crash is a finding, not a reason to stop checking
        return [f"{path}: parser raised {type(exc).__name__}: {exc}"]
    problems = []
    if len(records) != len(expected):
        problems.append(f"{path}: {len(records)} records, want {len(expected)}")
    for record, want in zip(records, expected):
        for diff in compare(record, want):
            problems.append(f"{path} [{want['agency_key']} {want['printed_name']}]: {diff}")
        for warning in record.warnings:
            warnings[warning.code] += 1
            if warning.code not in allowed:
                problems.append(f"{path} [{want['agency_key']}]: warning {warning.code} "
                                f"(line {warning.line}): {warning.message}")
    return problems


def timing(out: Path, truth: dict[str, list[dict]], per_kind: int) -> None:
    """Seconds per file for each kind, and what the whole dataset would take on 1 and 2 cores."""
    rng = random.Random("timing")
    files_of: dict[str, list[str]] = defaultdict(list)
    for path in sorted(truth):
        files_of[truth[path][0]["kind"]].append(path)
    total = 0.0
    for kind in KINDS:
        paths = rng.sample(files_of[kind], min(per_kind, len(files_of[kind])))
        blobs = [(out / p).read_bytes() for p in paths]
        parse_document(blobs[0])  # warm-up: lazy imports and compiled patterns are not parse time
        started = time.perf_counter()
        for blob in blobs:
            parse_document(blob)
        seconds = time.perf_counter() - started
        per_file = seconds / len(blobs)
        size = sum(map(len, blobs)) / len(blobs) / 1024
        estimate = per_file * len(files_of[kind])
        total += estimate
        print(f"timing {kind}: {len(blobs)} files in {seconds:.2f} s = {per_file * 1000:.1f} ms/file "
              f"(avg {size:.0f} KiB); all {len(files_of[kind])} files ≈ {estimate:.0f} s on one core")
    print(f"timing total: parsing every file ≈ {total:.0f} s on one core, ≈ {total / 2:.0f} s on two "
          "(parse only; reading and storing not included)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--allow-warning", action="append", default=[], metavar="CODE")
    parser.add_argument("--timing", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    out = Path(args.out_dir)
    truth = read_truth(out)
    sample = choose_sample(truth, args.sample)
    warnings: Counter = Counter()
    problems: list[str] = []
    for path in sample:
        problems += check_file(out, path, truth[path], args.allow_warning, warnings)
    kinds = Counter(truth[p][0]["kind"] for p in sample)
    years = sorted({truth[p][0]["fiscal_year"] for p in sample})
    thai = sum(truth[p][0]["thai_digits"] == "1" for p in sample)
    misspelled = sum(truth[p][0]["misspelled"] == "1" for p in sample)
    records = sum(len(truth[p]) for p in sample)
    for line in problems[:200]:
        print(line)
    if len(problems) > 200:
        print(f"... {len(problems) - 200} more")
    print(f"checked {len(sample)} files ({', '.join(f'{k} {kinds[k]}' for k in KINDS)}), {records} records, "
          f"years {years[0]}-{years[-1]}, {thai} in Thai digits, {misspelled} misspelled")
    print("warnings: " + (", ".join(f"{code} {n}" for code, n in sorted(warnings.items())) or "none"))
    print(f"mismatches: {len(problems)}")
    if args.timing:
        timing(out, truth, args.timing)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
