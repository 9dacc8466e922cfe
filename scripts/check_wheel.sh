#!/usr/bin/env bash
# The package as users install it: build the wheel, install it into a fresh virtual environment
# outside this source tree, and build one report from the bundled examples with only what the wheel
# carries (notebooks, templates, data, the examples it gives out with `ita-report notebooks`); first the
# bare wheel (no extras), whose build must name the extra to install. Run by scripts/test.sh; a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel --no-deps -q -w "$work/dist" . >/dev/null
wheel=$(ls "$work"/dist/ita_report-*.whl)
if ! python3 -c "import sys, zipfile; sys.exit('ita_lib/report/notebooks/agency_report.ipynb' not in zipfile.ZipFile(sys.argv[1]).namelist())" "$wheel"; then
    echo "check_wheel: the wheel carries no notebooks" >&2
    exit 1
fi
python3 -m venv "$work/venv"
cd "$work"  # nothing of the source tree on the path from here
# Without its extras, a report command says in one line which extra to install (status 4).
"$work/venv/bin/pip" install -q "${wheel}" >"$work/pip.log" 2>&1 || { cat "$work/pip.log" >&2; exit 1; }
status=0
HOME="$work" venv/bin/ita-report build "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา" --db out/ita.duckdb 2>"$work/bare.txt" || status=$?
if [ "$status" -ne 4 ] || ! grep -q 'needs the report extra' "$work/bare.txt" || grep -q Traceback "$work/bare.txt"; then
    echo "check_wheel: without extras, build did not name the report extra (status $status):" >&2
    cat "$work/bare.txt" >&2
    exit 1
fi
"$work/venv/bin/pip" install -q "${wheel}[report,jupyter]" >"$work/pip.log" 2>&1 || { cat "$work/pip.log" >&2; exit 1; }
# The notebooks and examples as a wheel user gets them: copied out of the installed package.
HOME="$work" venv/bin/ita-report notebooks "$work/mine" 2>/dev/null
mv "$work/mine/examples" "$work/examples"
HOME="$work" venv/bin/ita-report ingest examples --db out/ita.duckdb --quiet
HOME="$work" venv/bin/ita-report build "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา" --db out/ita.duckdb --output-dir out \
    --format html,pdf >/dev/null
pdf=$(ls out/*/report.pdf)
pdftotext "$pdf" - | tr -d ' \n' | grep -q "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
echo "check_wheel: $(basename "$wheel") installed in a fresh venv built $(basename "$(dirname "$pdf")")/report.pdf"
# No Thai font on the machine (as on Windows without Thai fonts, or a container without root): the
# Sarabun the wheel carries is embedded. Root only: the system's font folders are hidden in a mount
# namespace of this command's own.
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null; then
    mkdir -p "$work/nofonts"
    unshare --mount --propagation private bash -c '
        set -euo pipefail
        for folder in /usr/share/fonts /usr/local/share/fonts; do
            [ -d "$folder" ] && mount --bind "$1/nofonts" "$folder"
        done
        if [ -n "$(fc-list 2>/dev/null)" ]; then echo "check_wheel: fonts still visible" >&2; exit 1; fi
        HOME="$1/nofonts" "$1/venv/bin/ita-report" build "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา" --db "$1/out/ita.duckdb" \
            --output-dir "$1/nofont-out" --format pdf >/dev/null
    ' bash "$work"
    pdf=$(ls "$work"/nofont-out/*/report.pdf)
    pdffonts "$pdf" | grep -q "ITA-Thai" || { echo "check_wheel: the bundled font is not in the PDF" >&2; exit 1; }
    pdftotext "$pdf" - | tr -d ' \n' | grep -q "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
    echo "check_wheel: with no system font, the bundled Sarabun made $(basename "$(dirname "$pdf")")/report.pdf"
else
    echo "check_wheel: not root, so the build without system fonts is not checked here"
fi
