"""environment.yml (conda) and pyproject.toml (pip) name the same packages with the same bounds.

Every dependency of pyproject.toml, runtime and every extra, must be in environment.yml with the
same version bounds, and environment.yml may hold nothing else but the few entries explained in
CONDA_ONLY. Bumping a floor in one file only fails here.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]

# pip name -> conda-forge name, where they differ
CONDA_NAME = {"duckdb": "python-duckdb"}
# In environment.yml without being a dependency in pyproject.toml, and why.
CONDA_ONLY = {
    "python": "the interpreter (pyproject's requires-python)",
    "pip": "installs the pip: section",
    "libxml2": "conda-forge links lxml to it; lxml's pip wheels bundle the libxml2 the tests expect",
    "pango": "WeasyPrint loads it (PDFs); pip cannot install it, conda-forge can (Windows, no root)",
}
SPEC = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*$")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def split(spec: str) -> tuple[str, frozenset[str]]:
    """'WeasyPrint >= 66, <71' -> ('weasyprint', {'>=66', '<71'})."""
    match = SPEC.match(spec)
    assert match, spec
    name, _extras, bounds = match.groups()
    return normalized(name), frozenset(b.replace(" ", "") for b in bounds.split(",") if b.strip())


def pyproject_requirements() -> dict[str, frozenset[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    found: dict[str, frozenset[str]] = {}
    for spec in specs:
        name, bounds = split(spec)
        assert name not in found or found[name] == bounds, f"{name} twice in pyproject.toml, differently"
        found[name] = bounds
    return found


def environment_requirements() -> tuple[dict[str, frozenset[str]], list[str]]:
    """(package -> bounds, with pip names for the pip: section) and the pip: lines that are not packages."""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_to_pip = {normalized(conda): pip for pip, conda in CONDA_NAME.items()}
    found: dict[str, frozenset[str]] = {}
    other: list[str] = []

    def add(spec: str, conda: bool) -> None:
        name, bounds = split(spec)
        if conda:
            name = conda_to_pip.get(name, name)
        assert name not in found, f"{name} twice in environment.yml"
        found[name] = bounds

    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            assert set(entry) == {"pip"}, entry
            for line in entry["pip"]:
                if line.startswith("-"):
                    other.append(line)
                else:
                    add(line, conda=False)
        else:
            add(entry, conda=True)
    return found, other


def test_every_pyproject_dependency_is_in_environment_yml_with_the_same_bounds():
    wanted = pyproject_requirements()
    have, _ = environment_requirements()
    missing = sorted(set(wanted) - set(have))
    assert not missing, f"in pyproject.toml but not in environment.yml: {missing}"
    different = {name: (sorted(wanted[name]), sorted(have[name])) for name in wanted if wanted[name] != have[name]}
    assert not different, f"pyproject.toml vs environment.yml bounds: {different}"


def test_environment_yml_holds_nothing_unexplained():
    wanted = pyproject_requirements()
    have, other = environment_requirements()
    extra = sorted(set(have) - set(wanted) - set(CONDA_ONLY))
    assert not extra, f"in environment.yml but not in pyproject.toml (add to CONDA_ONLY with a reason?): {extra}"
    assert other == ["-e ."], other  # the project itself, from this source tree


def test_every_dependency_has_a_floor():
    # scripts/check_min_versions.sh pins each one to its floor
    for name, bounds in pyproject_requirements().items():
        assert any(b.startswith(">=") for b in bounds), f"{name} has no >= floor in pyproject.toml"


def test_environment_python_is_no_older_than_requires_python():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    have, _ = environment_requirements()

    def floor(bounds) -> tuple[int, ...]:
        (low,) = [b[2:] for b in bounds if b.startswith(">=")]
        return tuple(int(part) for part in low.split("."))

    assert floor(have["python"]) >= floor(split("python" + requires)[1])


def test_a_floor_bumped_in_one_file_only_is_caught(monkeypatch):
    # The check itself: pyproject.toml with one floor raised must no longer match environment.yml.
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    bumped = text.replace('"pandas>=', '"pandas>=9', 1)
    assert bumped != text
    real_read = Path.read_text

    def read_text(self, *args, **kwargs):
        return bumped if self == ROOT / "pyproject.toml" else real_read(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    with pytest.raises(AssertionError, match="pandas"):
        test_every_pyproject_dependency_is_in_environment_yml_with_the_same_bounds()
