"""The ITA's shape lives in the rubric alone: no module of ita_lib other than rubric.py (and
data/rubric.yaml) writes an instrument code, a weight, the pass mark or a result/level word as a
literal. The words and numbers looked for are read from the shipped rubric.yaml, so a new instrument
or level word is looked for too. Docstrings and comments are documentation and are not scanned.

What counts, on purpose narrowly enough that ordinary Thai and layout numbers pass:
- an instrument or part code as a whole word in a string ("EIT", "EIT_part1", r"\\(IIT\\)");
- a weight: a year's weights written as a ratio in a string ("30/30/40"), or a literal tuple, list,
  set or mapping of two or more numbers that are all weights and add up to 1 ({..: 0.3, ..: 0.4});
- the pass mark: the number compared with something (`score >= 85`), or written in a string right
  after เกณฑ์ / ผ่าน / ≥ / >= or right before ขึ้นไป ("เกณฑ์ 85", "85 คะแนนขึ้นไป");
- a result or level word standing alone in a string: not joined to other Thai letters ("ผ่าน",
  "ผ่าน/ไม่ผ่าน", "(ไม่)?ผ่าน"), so "ผ่านเกณฑ์" or "คะแนนสูงสุด" are words of their own and pass.
A line whose comment says "not the rubric's" is skipped: the same letters as ordinary Thai (the verb
ผ่าน, คะแนนสูง "a high score"), said next to them.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "ita_lib"
RUBRIC = yaml.safe_load((PACKAGE / "data" / "rubric.yaml").read_text(encoding="utf-8"))
NOT_SCANNED = {"rubric.py"}

THAI = "\u0e00-\u0e7f"
CODES = [*RUBRIC["instruments"], *(part["code"] for i in RUBRIC["instruments"].values() for part in i.get("parts", ()))]
CODE = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, sorted(CODES, key=len, reverse=True)))
                  + r")(?![A-Za-z0-9])")
WEIGHT_SETS = [entry["weights"] for entry in RUBRIC["years"] if "weights" in entry]
WEIGHTS = {float(w) for weights in WEIGHT_SETS for w in weights.values()}
RATIOS = {"/".join(f"{float(w) * 100:g}" for w in weights.values()) for weights in WEIGHT_SETS}
PASS_MARKS = {float(entry["pass_threshold"]) for entry in RUBRIC["years"] if "pass_threshold" in entry}
MARK = "|".join(f"{mark:g}" for mark in PASS_MARKS)
MARK_IN_TEXT = re.compile(rf"(?:เกณฑ์|ผ่าน|≥|>=)\s?(?:ที่)?\s?(?:{MARK})(?![\d.])|(?<![\d.])(?:{MARK})\s?(?:คะแนน)?\s?ขึ้นไป")
LEVEL_WORDS = sorted({*(w for entry in RUBRIC["years"] for w in entry.get("result_words", ())),
                      *(w for era in RUBRIC["eras"] for w in era.get("level_words", ())),
                      *RUBRIC["pass_words"].values()}, key=len, reverse=True)
LEVEL = re.compile(rf"(?<![{THAI}])(" + "|".join(map(re.escape, LEVEL_WORDS)) + rf")(?![{THAI}])")


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that are docstrings (documentation, not values)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _number(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    return None


def literals(source: str) -> list[tuple[int, str]]:
    """(line, what) for every rubric literal in a module's source."""
    said_not = {number for number, line in enumerate(source.splitlines(), 1) if "# " in line
                and "not the rubric's" in line.split("# ", 1)[1]}
    return [(line, what) for line, what in _all_literals(source) if line not in said_not]


def _all_literals(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    skipped = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            text = node.value
            found += [(node.lineno, f"instrument code {m.group(1)!r}") for m in CODE.finditer(text)]
            found += [(node.lineno, f"weights {ratio!r}") for ratio in RATIOS if ratio in text]
            found += [(node.lineno, f"pass mark {m.group(0)!r}") for m in MARK_IN_TEXT.finditer(text)]
            found += [(node.lineno, f"level word {m.group(1)!r}") for m in LEVEL.finditer(text)]
        elif isinstance(node, ast.Compare):
            marks = [n for n in (_number(part) for part in (node.left, *node.comparators)) if n in PASS_MARKS]
            found += [(node.lineno, f"pass mark {mark:g} in a comparison") for mark in marks]
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
            values = node.values if isinstance(node, ast.Dict) else node.elts
            numbers = [_number(value) for value in values]
            if len(numbers) >= 2 and all(n in WEIGHTS for n in numbers) and abs(sum(numbers) - 1) < 1e-9:
                found.append((node.lineno, f"weights {numbers}"))
    return found


def scanned_modules() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py"))
            if path.name not in NOT_SCANNED]


def test_no_module_outside_the_rubric_writes_its_codes_weights_pass_mark_or_level_words():
    found = [f"ita_lib/{path.relative_to(PACKAGE).as_posix()}:{line}: {what}"
             for path in scanned_modules() for line, what in literals(path.read_text(encoding="utf-8"))]
    assert not found, "literals that belong to the rubric (read them from rubric.load()):\n" + "\n".join(found)


@pytest.mark.parametrize(("source", "what"), [
    ('x = "แบบวัด EIT"', "instrument code 'EIT'"),
    ('x = re.compile(r"\\((IIT|OIT)\\)")', "instrument code 'IIT'"),
    ('x = row["EIT_part1"]', "instrument code 'EIT_part1'"),
    ('x = "คำนวณ 30/30/40"', "weights '30/30/40'"),
    ("W = {'a': 0.3, 'b': 0.3, 'c': 0.4}", "weights [0.3, 0.3, 0.4]"),
    ("ok = score >= 85", "pass mark 85 in a comparison"),
    ('x = "ผล กับ เกณฑ์ 85"', "pass mark 'เกณฑ์ 85'"),
    ('x = "85 คะแนนขึ้นไป"', "pass mark '85 คะแนนขึ้นไป'"),
    ('x = "ไม่ผ่าน" if failed else "ผ่าน"', "level word 'ไม่ผ่าน'"),
    ('x = f"ระดับ{word}" + "/ผ่านดี"', "level word 'ผ่านดี'"),
])
def test_each_kind_of_literal_is_found(source, what):
    assert what in [found for _, found in literals(source)]


@pytest.mark.parametrize("source", [
    '"""Docstrings may say IIT, 30/30/40, เกณฑ์ 85 and ผ่าน."""',
    "# a comment may say EIT\nx = 1",
    'x = "ผ่านเกณฑ์" + "คะแนนสูงสุด" + "ITA" + "OITA"',
    "size = (0.3, 0.85)\nshrink = 0.85\nwidth = 0.3 * n",
    "passing: float = 85.0",
    'verbs = ("ได้", "ผ่าน")  # verbs: not the rubric\'s',
])
def test_ordinary_text_and_numbers_are_not_rubric_literals(source):
    assert literals(source) == []
