"""The parser on real texts nobody here wrote: ../shared/realdocs scored with ../shared/tools/eval_parse.py.

The scorer's own logic (matching records to the checked truth, counting fields, wrong values and
records from texts that are not ITA results) is loaded from the shared tool; only the way it runs
the parser is replaced by an in-process call, so the 43 texts take a second instead of a minute.
Skips when ../shared (or $ITA_REALDOCS / $ITA_EVAL) is absent.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from ita_lib.errors import ItaError
from ita_lib.parse import parse_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
DOCS = Path(os.environ.get("ITA_REALDOCS") or SHARED / "realdocs" / "docs")
SCORER = Path(os.environ.get("ITA_EVAL") or SHARED / "tools" / "eval_parse.py")
CORE_BAR = 0.95  # the acceptance bar for core fields

pytestmark = pytest.mark.skipif(not (DOCS.is_dir() and SCORER.is_file()),
                                reason="../shared/realdocs or the scorer is absent")


@pytest.fixture(scope="module")
def scorer(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("eval_parse", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def run(cli, path, extra=()):
        year = int(extra[1]) if extra[:1] == ("--year",) else None
        try:
            return [r.to_contract() for r in parse_document(Path(path), year=year)], None
        except ItaError as error:
            return None, str(error)

    module.run = run
    return module


def test_realdocs_core_fields_at_the_bar_with_no_wrong_values(scorer):
    right, total, found, expected, spurious, non_ita, lines, _, _ = scorer.eval_docs([], DOCS, False)
    report = "\n".join(lines)
    assert non_ita == 0, f"records from texts that are not ITA results:\n{report}"
    assert scorer.WRONG[0] == 0, f"wrong values (a value given that the truth contradicts):\n{report}"
    assert right / total >= CORE_BAR, f"core fields {right}/{total}:\n{report}"
