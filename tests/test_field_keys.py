"""One key per score from the store to the report, long analysis tables, and no NaN past the
analysis boundary: records go through a real store and come out of `prepare_analysis`."""
from __future__ import annotations

import math

import pytest

from ita_lib import fields
from ita_lib.analysis import prepare_analysis
from ita_lib.analysis.history import YEAR_COLUMNS
from ita_lib.model import ActionRow, Assessment, ParseWarning, Source
from ita_lib.store.db import Store

NAME = "เทศบาลตำบลบ้านโคกสูง"
# 2567: all ten indicators, no overall printed (the analysis computes it).
SCORES_2567 = (91.40, 88.25, 95.10, 86.70, 93.35, 84.90, 79.60, 81.15, 90.05, 87.45)
# 2568: indicator 8 missing, so EIT has no mean; OIT (9, 10) is not printed but computable.
SCORES_2568 = (93.20, 90.10, 96.40, 88.80, 94.05, 86.30, 82.75, None, 92.60, 89.90)


def _record(year: int, scores, *, overall=None, instruments=None, kind="agency_analysis") -> Assessment:
    indicators = {str(n): value for n, value in enumerate(scores, start=1) if value is not None}
    return Assessment(
        agency=NAME, agency_type="เทศบาลตำบล", district="เสลภูมิ", province="ร้อยเอ็ด", fiscal_year=year,
        overall_score=overall, indicators=indicators, instruments=instruments or {},
        actions=[ActionRow(indicator=8, measure="เผยแพร่ข้อมูลการจัดซื้อจัดจ้างทุกเดือน", line=None)],
        warnings=[ParseWarning(code="table_cell_unreadable", message="a cell could not be read", line=None)],
        source=Source(path=f"analysis-{year}.txt", sha256=str(year % 10) * 64, kind=kind))


@pytest.fixture(scope="module")
def analysis(tmp_path_factory, write_records):
    db = tmp_path_factory.mktemp("fields") / "ita.duckdb"
    write_records(db, [
        _record(2567, SCORES_2567),
        _record(2568, SCORES_2568, overall=88.50,
                instruments={"IIT": 91.55, "EIT_part1": 97.25, "EIT_part2": 84.10})])
    with Store(db, read_only=True) as store:
        stored = set(store.query("SELECT DISTINCT field FROM facts")["field"])
    return prepare_analysis(NAME, db=db), stored


def test_every_table_keys_a_score_as_the_store_does(analysis) -> None:
    a, stored = analysis
    printed = {f for f in stored if f == fields.OVERALL or f.startswith(("indicator:", "instrument:"))}
    assert printed <= set(a.scores["field"])  # every stored score, under its stored key
    for table in (a.yoy, a.trends, a.peers):
        assert set(table["field"]) <= set(a.scores["field"])
    assert list(a.years.columns) == YEAR_COLUMNS  # no wide indicator_N / IIT / IIT_source columns
    by_key = a.scores.set_index(["fiscal_year", "field"])
    assert by_key.loc[(2568, "indicator:3"), ["scope", "code", "indicator", "score"]].tolist() == \
        ["indicator", "3", 3, 96.40]
    assert by_key.loc[(2568, "instrument:EIT_part1"), ["scope", "code", "instrument", "score", "score_source"]
                      ].tolist() == ["part", "EIT_part1", "EIT", 97.25, "printed"]


def test_a_missing_value_is_a_missing_row_and_a_computed_one_says_so(analysis) -> None:
    a, _ = analysis
    by_key = a.scores.set_index(["fiscal_year", "field"])
    assert (2568, "indicator:8") not in by_key.index
    assert (2568, "instrument:EIT") not in by_key.index  # indicator 8 missing: no mean of EIT
    # OIT = mean(92.60, 89.90) = 91.25, computed; IIT as printed
    assert by_key.loc[(2568, "instrument:OIT"), ["score", "score_source"]].tolist() == [91.25, "computed"]
    assert by_key.loc[(2568, "instrument:IIT"), ["score", "score_source"]].tolist() == [91.55, "printed"]
    # instruments rank among instruments, EIT's parts among parts
    assert by_key.loc[(2568, "instrument:IIT"), "rank"] == 1 and by_key.loc[(2568, "instrument:OIT"), "rank"] == 2
    assert by_key.loc[(2568, "instrument:EIT_part2"), "rank"] == 2
    years = a.years.set_index("fiscal_year")
    assert years.loc[2568, "overall_source"] == "printed" and years.loc[2567, "overall_source"] == "computed"
    assert years.loc[2567, "overall_score"] == by_key.loc[(2567, fields.OVERALL), "score"]
    delta = a.yoy.set_index(["fiscal_year", "field"]).loc[(2568, "indicator:3"), "delta"]
    assert delta == pytest.approx(96.40 - 95.10)


def _nan(value) -> bool:
    return isinstance(value, float) and math.isnan(value)


def test_no_nan_crosses_the_analysis_boundary(analysis) -> None:
    a, _ = analysis
    for name in ("years", "actions", "consistency", "sources"):
        table = getattr(a, name)
        assert not table.empty, name
        assert not any(_nan(v) for v in table.to_numpy().ravel()), name
    assert a.actions.iloc[0]["line"] is None
    warning = a.consistency[a.consistency["check"] == "parse_warning"].iloc[-1]
    assert warning["detail"].endswith("(analysis-2568.txt)")  # no line given: none printed, not ":nan"
    latest = a.years.set_index("fiscal_year").loc[2568]
    assert latest["grade"] is None and latest["result"] is None
    assert not any(_nan(v) for v in a.agency.values())
