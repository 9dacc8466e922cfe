"""The parser on real texts nobody here wrote: ../shared/realdocs and ../shared/realdocs2 (with its
tables) scored with ../shared/tools/eval_parse.py; and on made-up texts of the same kinds written by
people who had not seen the parser (tests/evalsets, its README says how each set was used).

The scorer's own logic (matching records to the checked truth, counting fields, wrong values and
records from texts that are not ITA results) is loaded from the shared tool; only the way it runs
the parser is replaced by an in-process call, so the 73 texts take seconds instead of a minute.
Each set has its bar: what the parser reaches today, raised as it improves, so that a change which
loses a field or gives a wrong value fails here (issue 25 asks for 97 % on each and no wrong value).
Skips when ../shared (or $ITA_SHARED / $ITA_EVAL) is absent.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from ita_lib.errors import ItaError
from ita_lib.parse import parse_document

SHARED = Path(os.environ.get("ITA_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SCORER = Path(os.environ.get("ITA_EVAL") or SHARED / "tools" / "eval_parse.py")
TABLES_SCORED = ["T04", "T05", "T06", "T07"]  # the tables the shared scorer scores, as its command line does


MADE_UP = Path(__file__).resolve().parent / "evalsets"  # made-up texts of the same kinds (their README)


@dataclass(frozen=True)
class Bar:
    docs: str
    tables: str | None
    core: float  # share of core fields right, at least
    wrong: int  # values given that the truth contradicts, at most
    spurious: int  # records no truth asks for, at most
    root: Path = SHARED


# Since session 37 a kind of agency's average ("ประเภทหน่วยงานอื่นของรัฐ … คะแนนเฉลี่ย 92.67") is a record marked
# "level": "category_average", as realdocs writes them; truths that keep such averages among other facts
# (realdocs2's `extra`, our blind2/5/6 and news sets) count it as a record they do not ask for: one each
# in realdocs2 009, blind2 002, blind5 016, blind6 013, news_2566_2568 004.
BARS = {
    "realdocs": Bar("realdocs/docs", None, core=0.984, wrong=0, spurious=0),
    "realdocs2": Bar("realdocs2/docs", "realdocs2/tables", core=0.997, wrong=0, spurious=1),
    "news_2566_2568": Bar("news_2566_2568/docs", None, core=0.977, wrong=0, spurious=2, root=MADE_UP),
    "multi_agency": Bar("multi_agency/docs", None, core=0.877, wrong=0, spurious=0, root=MADE_UP),
    "older_and_spelling": Bar("older_and_spelling/docs", None, core=1.0, wrong=0, spurious=1, root=MADE_UP),
    "all_kinds": Bar("all_kinds/docs", None, core=0.991, wrong=0, spurious=3, root=MADE_UP),
    "blind": Bar("blind/docs", None, core=0.983, wrong=0, spurious=0, root=MADE_UP),
    "blind2": Bar("blind2/docs", None, core=0.995, wrong=0, spurious=2, root=MADE_UP),
    "blind3": Bar("blind3/docs", None, core=0.988, wrong=0, spurious=0, root=MADE_UP),
    "blind4": Bar("blind4/docs", None, core=0.989, wrong=0, spurious=5, root=MADE_UP),
    "blind5": Bar("blind5/docs", None, core=1.0, wrong=0, spurious=2, root=MADE_UP),
    "blind6": Bar("blind6/docs", None, core=1.0, wrong=0, spurious=3, root=MADE_UP),
    "blind7": Bar("blind7/docs", None, core=0.971, wrong=0, spurious=0, root=MADE_UP),
    "blind8": Bar("blind8/docs", None, core=0.966, wrong=0, spurious=1, root=MADE_UP),
}

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/eval_parse.py is absent")


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("eval_parse", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def run(cli, path, extra=()):
        year = int(extra[1]) if tuple(extra[:1]) == ("--year",) else None
        try:
            return [r.to_contract() for r in parse_document(Path(path), year=year)], None
        except ItaError as error:
            return None, str(error)

    module.run = run
    return module


@pytest.mark.parametrize("name", sorted(BARS))
def test_real_texts_at_their_bar_with_no_new_wrong_value(scorer, name) -> None:
    bar = BARS[name]
    docs = bar.root / bar.docs
    if not docs.is_dir():
        pytest.skip(f"{docs} is absent")
    scorer.WRONG[0] = 0  # the scorer counts wrong values in a module global
    right, total, _, _, spurious, non_ita, lines, _, _ = scorer.eval_docs([], docs, False)
    if bar.tables:
        table_right, table_total, table_lines = scorer.eval_tables([], bar.root / bar.tables, TABLES_SCORED)
        right, total, lines = right + table_right, total + table_total, lines + table_lines
    report = "\n".join(lines)
    assert non_ita == 0, f"records from texts that are not ITA results:\n{report}"
    assert scorer.WRONG[0] <= bar.wrong, f"wrong values (a value the truth contradicts):\n{report}"
    assert spurious <= bar.spurious, f"{spurious} records no truth asks for:\n{report}"
    assert round(right / total, 3) >= bar.core, f"core fields {right}/{total}:\n{report}"


def _wrapped_copy(source: Path, target: Path, width: int) -> Path:
    """The texts of a set as a PDF or a narrow column would lay them out: every long line of prose
    wrapped at `width` characters (at spaces; tables and aligned rows left as they are)."""
    target.mkdir()
    for path in source.iterdir():
        if path.suffix != ".txt":
            shutil.copy(path, target / path.name)
            continue
        out = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            prose = len(line) > width + 15 and "\t" not in line and "|" not in line and "  " not in line.strip()
            out.extend((textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
                       if prose else [line])
        (target / path.name).write_text("\n".join(out), encoding="utf-8")
    return target


@pytest.mark.parametrize("name, core", [("realdocs", 0.969), ("realdocs2", 0.994)])
def test_the_same_real_texts_wrapped_as_a_pdf_would_wrap_them(scorer, tmp_path, name, core) -> None:
    """A sentence wrapped over lines is read as one: the same texts, wrapped at 75 characters, lose
    little and gain no wrong value or record beyond the unwrapped texts' (on 2026-12-06 before the
    sentence reader joined wrapped lines: realdocs 74.2 % with 6 wrong values, realdocs2 88.1 % with 1)."""
    docs = SHARED / name / "docs"
    if not docs.is_dir():
        pytest.skip(f"{docs} is absent")
    wrapped = _wrapped_copy(docs, tmp_path / name, 75)
    scorer.WRONG[0] = 0
    right, total, _, _, spurious, non_ita, lines, _, _ = scorer.eval_docs([], wrapped, False)
    report = "\n".join(lines)
    assert (non_ita, scorer.WRONG[0]) == (0, 0), report
    assert spurious <= BARS[name].spurious, report
    assert round(right / total, 3) >= core, f"core fields {right}/{total}:\n{report}"
