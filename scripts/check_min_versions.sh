#!/usr/bin/env bash
# Are the version floors in pyproject.toml true? Install ita-report into .venv-min with every direct
# dependency (runtime and the report, test, jupyter, app and distributed extras) pinned to its floor, the
# `>=` of its specifier, and run the fast tests there. Dependencies of dependencies are left to pip.
#
#   scripts/check_min_versions.sh               the fast tests (about 3 minutes on 2 cores)
#   scripts/check_min_versions.sh ARGS...       pytest ARGS instead, e.g. tests/test_batch.py -k dask
#
# Rerunning reuses .venv-min and reinstalls the pins, so a changed floor is picked up; delete
# .venv-min to start clean. Exits non-zero when a floor cannot be installed or a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=.venv-min
EXTRAS=report,test,jupyter,app,distributed
start=$SECONDS

quiet_pip() {  # pip, without this machine's index-location warnings; its whole log when it fails
  local log status=0
  log=$(mktemp)
  "$VENV/bin/python" -m pip "$@" >"$log" 2>&1 || status=$?
  if ((status)); then
    grep -v "^WARNING: Location" "$log" >&2 || true
    rm -f "$log"
    echo "check_min_versions: pip $1 failed" >&2
    exit "$status"
  fi
  rm -f "$log"
}

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  quiet_pip install --upgrade pip
fi

# name==floor for every direct dependency; a dependency without a floor is an error.
constraints="$VENV/floors.txt"
"$VENV/bin/python" - "$EXTRAS" >"$constraints" <<'EOF'
import re
import sys
import tomllib

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
specs = list(project["dependencies"])
for extra in sys.argv[1].split(","):
    specs += project["optional-dependencies"][extra]
for spec in specs:
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec).group(1)
    floor = re.search(r">=\s*([^,;\s]+)", spec)
    if floor is None:
        sys.exit(f"check_min_versions: {spec!r} in pyproject.toml has no >= floor")
    print(f"{name}=={floor.group(1)}")
EOF

quiet_pip install -c "$constraints" -e ".[$EXTRAS]"
quiet_pip check

# pip honoured every pin (a constraint it could not meet would have failed above; this shows them).
"$VENV/bin/python" - "$constraints" <<'EOF'
import sys
from importlib.metadata import version

from packaging.version import Version

wrong, shown = [], []
for line in open(sys.argv[1]):
    name, floor = line.strip().split("==")
    have = version(name)
    shown.append(f"{name} {have}")
    if Version(have) != Version(floor):
        wrong.append(f"{name} {have} (floor {floor})")
print("check_min_versions: installed at the floors:", ", ".join(shown))
if wrong:
    sys.exit("check_min_versions: not at the floor: " + ", ".join(wrong))
EOF
"$VENV/bin/jupyter-lab" --version >/dev/null  # the jupyter extra starts

if (($#)); then
  selection=("$@")
else
  # Everything but the batch tests (their dask and timeout tests alone take minutes): parsing, the
  # store, the analysis, charts, Word and Excel, and the PDF renders read back with pdftotext.
  selection=(tests -k "not batch")
fi
status=0
"$VENV/bin/python" -m pytest -x -p no:cacheprovider "${selection[@]}" || status=$?
echo "check_min_versions: pytest exit $status after $((SECONDS - start)) s"
exit "$status"
