#!/usr/bin/env bash
# The tests (after scripts/install.sh). With no arguments: ruff, the whole pytest suite, the wheel
# installed in a fresh venv building a report (scripts/check_wheel.sh) and the fast tests on every
# dependency's minimum version (scripts/check_min_versions.sh). With arguments: only pytest,
# with those arguments (`bash scripts/test.sh tests/test_report.py -x`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then
    exec .venv/bin/python -m pytest "$@"
fi
.venv/bin/ruff check ita_lib tests bench
.venv/bin/python -m pytest
bash scripts/check_wheel.sh
bash scripts/check_min_versions.sh
