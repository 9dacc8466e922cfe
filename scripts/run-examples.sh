#!/usr/bin/env bash
# The main job on the bundled example documents: parse them all, print the records as a table and
# keep them in outputs/ (records.json, records.csv).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p outputs
shopt -s nullglob
files=(examples/*.txt examples/*.html)
.venv/bin/ita-report parse "${files[@]}" --format json > outputs/records.json.tmp
mv outputs/records.json.tmp outputs/records.json
.venv/bin/ita-report parse "${files[@]}" --format csv > outputs/records.csv.tmp 2>/dev/null
mv outputs/records.csv.tmp outputs/records.csv
.venv/bin/ita-report parse "${files[@]}" --format table 2>/dev/null
echo "records written to outputs/records.json and outputs/records.csv"
