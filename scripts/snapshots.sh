#!/usr/bin/env bash
# Write PNGs of every built report so anyone can look at them without a browser or PDF viewer:
#   outputs/<agency>/snapshots/html.png        the HTML page in headless Chromium (offline, full length)
#   outputs/<agency>/snapshots/pdf-<n>.png     each PDF page (pdftoppm, 80 dpi)
# Run after the main job (scripts/run-examples.sh) or any `ita-report build`.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
browser=$(command -v chromium || command -v chromium-browser || true)
for report in outputs/*/report.html; do
    folder=$(dirname "$report")
    mkdir -p "$folder/snapshots"
    if [ -n "$browser" ]; then
        profile=$(mktemp -d)
        # No network at all: every host resolves to nothing, background services off.
        "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" \
            --hide-scrollbars --window-size=1000,9000 \
            --screenshot="$PWD/$folder/snapshots/html.png" "file://$PWD/$report" >/dev/null 2>&1 || true
        rm -rf "$profile"
    else
        echo "chromium not found: skipping the HTML snapshot (scripts/install.sh installs it)" >&2
    fi
    if [ -f "$folder/report.pdf" ]; then
        rm -f "$folder"/snapshots/pdf-*.png
        pdftoppm -r 80 -png "$folder/report.pdf" "$folder/snapshots/pdf"
    fi
    echo "$folder/snapshots: $(ls "$folder/snapshots" | tr '\n' ' ')"
done
