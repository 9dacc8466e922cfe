#!/usr/bin/env bash
# The main job on the bundled example documents (made-up agencies):
#   1. parse them all and keep the records in outputs/records.json and outputs/records.csv;
#   2. ingest them into the store outputs/ita.duckdb (rerunning changes nothing);
#   3. print each example agency's year comparison, priorities and Thai narrative, and write its
#      next-year action-plan draft to outputs/<agency>/plan.csv.
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

for entry in "อบต.โนนสะอาดพัฒนา:nonsa-at-phatthana" "ทต.หนองบัวทอง:nong-bua-thong" \
             "ทม.ท่าช้างใหม่:tha-chang-mai"; do
    name=${entry%%:*}
    slug=${entry##*:}
    mkdir -p "outputs/$slug"
    $ita analyse "$name" --db outputs/ita.duckdb --plan-csv "outputs/$slug/plan.csv"
done
