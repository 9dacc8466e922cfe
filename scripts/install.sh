#!/usr/bin/env bash
# Install everything ita-report needs on a fresh Debian machine: system packages (Thai fonts for
# reports and charts, Pango/HarfBuzz for WeasyPrint's PDFs, poppler and Chromium for looking at PDFs
# and pages) and a virtual environment in .venv with the report, test, distributed and app extras.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(fonts-thai-tlwg-ttf poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
              chromium)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q -e ".[test,report,distributed,app]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import ita_lib" && echo "ita-report installed in .venv"

# For the tests only: pdf.js (Firefox's and most web viewers' PDF reader) from the npm registry, so
# tests/test_pdf_text.py reads the reports' Thai as those viewers do. Without Node.js they are skipped.
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/pdfjs --no-audit --no-fund --silent >/dev/null 2>&1 ||
    echo "pdf.js could not be installed (npm ci in tests/pdfjs failed): its tests will be skipped"
fi
