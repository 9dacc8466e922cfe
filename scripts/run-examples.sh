#!/usr/bin/env bash
# The main job on the bundled example documents (made-up agencies):
#   1. parse them all and keep the records in outputs/records.json and outputs/records.csv;
#   2. ingest them into the store outputs/ita.duckdb (rerunning changes nothing) and list the agencies;
#   3. build the report of each example agency in params/agencies/ as a batch (warm worker
#      processes; unchanged reports are skipped on a rerun): outputs/<agency>/report.html,
#      report.pdf, report.ipynb, data.json, plan.csv, then outputs/manifest.csv, outputs/index.html
#      and outputs/province_overview.html.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p outputs
shopt -s nullglob
files=(examples/*.txt examples/*.html)
ita=.venv/bin/ita-report

$ita parse "${files[@]}" --format json > outputs/records.json.tmp
mv outputs/records.json.tmp outputs/records.json
$ita parse "${files[@]}" --format csv > outputs/records.csv.tmp 2>/dev/null
mv outputs/records.csv.tmp outputs/records.csv
echo "records written to outputs/records.json and outputs/records.csv"

$ita ingest examples --db outputs/ita.duckdb
$ita agencies --db outputs/ita.duckdb

$ita batch --db outputs/ita.duckdb params/agencies/*.yaml
echo "open outputs/index.html for the reports and outputs/province_overview.html for the overview"
