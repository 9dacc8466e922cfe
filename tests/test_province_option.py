"""--province takes a province as people write it: with or without จังหวัด or จ., a usual short
form, the English name; a name that is none is a bad option (status 2) with the nearest ones."""
from __future__ import annotations

import subprocess
import sys

import pytest

from ita_lib.parse.places import province_name


@pytest.mark.parametrize("written, meant", [
    ("จังหวัดอุดรธานี", "อุดรธานี"), ("จ.อุดรธานี", "อุดรธานี"), ("จังหวัด อุดรธานี ", "อุดรธานี"),
    ("Udon Thani", "อุดรธานี"), ("udon-thani", "อุดรธานี"), ("Udon Thani Province", "อุดรธานี"),
    ("กทม.", "กรุงเทพมหานคร"), ("Bangkok", "กรุงเทพมหานคร"), ("โคราช", "นครราชสีมา"),
    ("จังหวัดพระนครศรีอยุธยา", "พระนครศรีอยุธยา"), ("อยุธยา", "พระนครศรีอยุธยา"),
    ("อุดร", None), ("จังหวัด", None), ("", None), ("Udon", None),
])
def test_a_province_is_known_by_any_usual_spelling(written, meant) -> None:
    assert province_name(written) == meant


def test_a_name_that_is_no_province_is_a_bad_option_with_the_nearest(tmp_path) -> None:
    done = subprocess.run([sys.executable, "-m", "ita_lib", "agencies", "--db", str(tmp_path / "none.duckdb"),
                           "--province", "อุดรธาณี"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == ("ita-report agencies: error: argument --province: 'อุดรธาณี' is not a "
                                            "province of Thailand; did you mean อุดรธานี or อุบลราชธานี?")


def test_the_store_is_asked_for_the_province_as_it_writes_it(example_store) -> None:
    done = subprocess.run([sys.executable, "-m", "ita_lib", "agencies", "--db", str(example_store), "--province",
                           "จังหวัดนครราชสีมา", "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = done.stdout.lstrip("\ufeff").splitlines()[1:]
    assert rows and all(",นครราชสีมา," in row for row in rows)
