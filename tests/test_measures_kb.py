"""Checks on the improvement-measure knowledge base ita_lib/data/measures.csv."""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
from pythainlp.util import normalize  # noqa: E402

CSV = Path(__file__).resolve().parents[1] / "ita_lib" / "data" / "measures.csv"
HEADER = ["indicator", "measure_id", "measure", "steps", "output", "responsible", "period",
          "items", "applies_from", "applies_to"]
TEXT_COLS = ["measure", "steps", "output", "responsible", "period"]
REQUIRED = ["measure", "steps", "responsible", "period"]
ITEMS_RE = re.compile(r"^([OoEeIi]\d{1,2})(;[OoEeIi]\d{1,2})*$")
ID_RE = re.compile(r"^M(\d\d)-(\d+)$")
TONE = "\u0e48\u0e49\u0e4a\u0e4b"
# two tone marks in a row, or a tone mark repeated after a vowel sign on the same consonant
DOUBLED_MARK = re.compile(rf"[{TONE}][{TONE}]|([{TONE}])[\u0e31\u0e34-\u0e3a\u0e47\u0e4c\u0e4d]*\1")


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return pd.read_csv(CSV, dtype=str, keep_default_na=False, encoding="utf-8")


def test_header_exact(df):
    assert list(df.columns) == HEADER


def test_every_indicator_has_at_least_four_measures(df):
    ind = df["indicator"].astype(int)
    assert set(ind) == set(range(1, 11))
    counts = ind.value_counts()
    for i in range(1, 11):
        assert counts.get(i, 0) >= 4, f"indicator {i} has {counts.get(i, 0)} measures"


def test_measure_id_unique_and_matches_indicator(df):
    assert df["measure_id"].is_unique
    for ind, mid in zip(df["indicator"], df["measure_id"]):
        m = ID_RE.match(mid)
        assert m, mid
        assert int(m.group(1)) == int(ind), (ind, mid)


@pytest.mark.parametrize("col", REQUIRED)
def test_required_columns_not_empty(df, col):
    empty = df.loc[df[col].str.strip() == "", "measure_id"].tolist()
    assert not empty, f"empty {col}: {empty}"


def test_steps_count_and_length(df):
    for mid, measure, steps in zip(df["measure_id"], df["measure"], df["steps"]):
        assert len(measure) <= 120, mid
        parts = steps.split(" | ")
        assert 2 <= len(parts) <= 4, (mid, len(parts))
        for p in parts:
            assert p and p == p.strip() and "|" not in p, (mid, p)
            assert len(p) <= 120, (mid, p)


def test_items_codes(df):
    for mid, items in zip(df["measure_id"], df["items"]):
        if items:
            assert ITEMS_RE.match(items), (mid, items)


def test_years(df):
    for mid, frm, to in zip(df["measure_id"], df["applies_from"], df["applies_to"]):
        assert frm.isdigit() and int(frm) >= 2562, (mid, frm)
        if to:
            assert to.isdigit() and int(to) >= int(frm), (mid, frm, to)


def test_oit_subindicator_measures_start_2566(df):
    for mid, measure, frm in zip(df["measure_id"], df["measure"], df["applies_from"]):
        if re.search(r"ตัวชี้วัดย่อยที่ 9\.[1-5]", measure):
            assert int(frm) >= 2566, mid


@pytest.mark.parametrize("col", TEXT_COLS)
def test_text_is_clean(df, col):
    for mid, text in zip(df["measure_id"], df[col]):
        if not text:
            continue
        assert text == text.strip(), (mid, col, "stray space at an end")
        assert "  " not in text, (mid, col, "double space")
        assert unicodedata.normalize("NFC", text) == text, (mid, col, "not NFC")
        assert normalize(text) == text, (mid, col, "pythainlp normalize changes it")
        assert not DOUBLED_MARK.search(text), (mid, col, "doubled tone mark")
        assert "\ufffd" not in text and "\u200b" not in text, (mid, col)
        assert not re.search(r"[๐-๙]", text), (mid, col, "Thai digits")
