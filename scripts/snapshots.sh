#!/usr/bin/env bash
# Write PNGs of every built report so anyone can look at them without a browser or PDF viewer:
#   outputs/<agency>/snapshots/html.png        the HTML page in headless Chromium (offline, full length)
#   outputs/<agency>/snapshots/pdf-<n>.png     each PDF page (pdftoppm, 80 dpi)
#   outputs/snapshots/index.png, province_overview.png   the batch's pages
# Run after the main job (scripts/run-examples.sh) or any `ita-report build` or `batch`.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
browser=$(command -v chromium || command -v chromium-browser || true)

# page.html -> screenshot.png, with no network at all: every host resolves to nothing.
screenshot() {
    local page=$1 png=$2 height=${3:-9000}
    if [ -z "$browser" ]; then
        echo "chromium not found: skipping $png (scripts/install.sh installs it)" >&2
        return
    fi
    local profile
    profile=$(mktemp -d)
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" \
        --hide-scrollbars --window-size=1000,"$height" \
        --screenshot="$PWD/$png" "file://$PWD/$page" >/dev/null 2>&1 || true
    rm -rf "$profile"
}

for report in outputs/*/report.html; do
    folder=$(dirname "$report")
    mkdir -p "$folder/snapshots"
    screenshot "$report" "$folder/snapshots/html.png"
    if [ -f "$folder/report.pdf" ]; then
        rm -f "$folder"/snapshots/pdf-*.png
        pdftoppm -r 80 -png "$folder/report.pdf" "$folder/snapshots/pdf"
    fi
    echo "$folder/snapshots: $(ls "$folder/snapshots" | tr '\n' ' ')"
done
for page in outputs/index.html outputs/province_overview.html; do
    [ -f "$page" ] || continue
    mkdir -p outputs/snapshots
    name=$(basename "$page" .html)
    screenshot "$page" "outputs/snapshots/$name.png" 4000
    echo "outputs/snapshots/$name.png"
done

# --docs: the README's pictures, docs/agency-report.png (the agency report's first page) and
# docs/analyst-report.png (the page where the analyst report's appendix starts), from the first example.
if [ "${1:-}" = "--docs" ]; then
    example=params/agencies/obt-nonsaatphatna-7b6736.yaml
    slug=$(basename "$example" .yaml)
    mkdir -p docs
    .venv/bin/ita-report build "$example" --output-dir outputs/analyst --audience analyst --format pdf >/dev/null
    pdftoppm -r 70 -png -singlefile -f 1 -l 1 "outputs/$slug/report.pdf" docs/agency-report
    pdf="outputs/analyst/$slug/report.pdf"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    appendix=$pages
    for ((n = pages; n >= 1; n--)); do  # the appendix's first part (the contents name only the appendix)
        page_text=$(pdftotext -f "$n" -l "$n" "$pdf" -)
        if [[ $page_text == *"แหล่งข้อมูล"* ]]; then appendix=$n; fi
    done
    pdftoppm -r 70 -png -singlefile -f "$appendix" -l "$appendix" "$pdf" docs/analyst-report
    echo "docs/agency-report.png docs/analyst-report.png"
fi
