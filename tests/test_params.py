"""Report params files: schema, text-first YAML reading, errors with file and line, round trip,
ASCII slugs and one params file per agency in the store."""
from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_lib.analysis.config import AnalysisConfig
from ita_lib.errors import ItaError, ParamsError
from ita_lib.report.params import ReportParams, Thresholds, load_params, validate_params
from ita_lib.store.slugs import agency_slug
from ita_lib.cli.params_init import write_params_files
from ita_lib.report.params_files import dump_params
from ita_lib.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
NON_SAAT = "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
NON_SAAT_ID = "อบต.:นครราชสีมา:เมืองนครราชสีมา:โนนสะอาดพัฒนา"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> ParamsError:
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    return caught.value


# ---------------------------------------------------------------- reading valid files

def test_valid_file_reads_every_field(tmp_path):
    path = write(tmp_path, f"""\
agency: อบต.โนนสะอาดพัฒนา
agency_id: "{NON_SAAT_ID}"
province: นครราชสีมา
years: [2568, 2566, 2568]
db: /data/ita.duckdb
output_dir: build
digits: arabic
strength: 96
passing: "80.5"
urgent: 70
trend_threshold: 0.5
across_eras: true
measures_per_indicator: 2
formats: [pdf]
""")
    params = load_params(path)
    assert params == ReportParams(
        agency="อบต.โนนสะอาดพัฒนา", agency_id=NON_SAAT_ID, province="นครราชสีมา", years=[2566, 2568],
        db="/data/ita.duckdb", output_dir=str(tmp_path.resolve() / "build"), digits="arabic",
        strength=96, passing=80.5, urgent=70, trend_threshold=0.5, across_eras=True, measures_per_indicator=2,
        formats=["pdf"])
    assert params.analysis_config() == AnalysisConfig(strength=96, passing=80.5, urgent=70, trend_threshold=0.5,
                                                      across_eras=True, digits="arabic", measures_per_indicator=2)


def test_only_agency_gives_defaults(tmp_path):
    params = load_params(write(tmp_path, f"agency: {NON_SAAT}\n"))
    assert params.notebook_parameters() == {
        "agency": NON_SAAT, "agency_id": None, "province": None, "years": "all", "db": "outputs/ita.duckdb",
        "documents": None, "output_dir": "outputs", "final": False, "digits": "thai", "strength": 95.0,
        "passing": 85.0, "urgent": 75.0,
        "trend_threshold": 1.0, "across_eras": False, "measures_per_indicator": 3, "audience": "agency",
        "formats": ["html", "pdf"], "signoff": {role: {"name": None, "position": None}
                                                for role in ("reporter", "certifier", "approver")}}
    assert params.formats == ["html", "pdf"]


def test_sign_off_names_and_audience_are_read_with_their_lines(tmp_path):
    params = load_params(write(tmp_path, f"agency: {NON_SAAT}\naudience: analyst\nsignoff:\n"
                                         "  approver:\n    name: นายประเสริฐ ทองดี\n    position: นายก อบต.\n"))
    assert params.audience == "analyst"
    assert params.signoff.approver.name == "นายประเสริฐ ทองดี" and params.signoff.reporter.name is None
    with pytest.raises(ParamsError) as error:
        load_params(write(tmp_path, f"agency: {NON_SAAT}\nsignoff:\n  approver:\n    nmae: x\n"))
    assert error.value.line == 4 and "nmae" in error.value.reason
    with pytest.raises(ParamsError) as error:
        load_params(write(tmp_path, f"agency: {NON_SAAT}\naudience: public\n"))
    assert error.value.line == 2 and "audience" in error.value.reason


def test_codes_and_yaml_words_stay_text(tmp_path):
    # YAML 1.1 would read 0012 as octal 10, yes as True, 1e3 as a float, 2024-01-01 as a date.
    params = load_params(write(tmp_path, "agency: yes\nagency_id: 0012\nprovince: 2024-01-01\n"))
    assert (params.agency, params.agency_id, params.province) == ("yes", "0012", "2024-01-01")
    assert load_params(write(tmp_path, "agency: 1e3\nagency_id: '0x1F'\n")).agency_id == "0x1F"


def test_years_list_all_and_thai_digits(tmp_path):
    assert load_params(write(tmp_path, "agency: x\nyears: [2566, 2568]\n")).years == [2566, 2568]
    assert load_params(write(tmp_path, "agency: x\nyears: all\n")).years == "all"
    assert load_params(write(tmp_path, "agency: x\nyears:\n  - ๒๕๖๘\n  - 2563\n")).years == [2563, 2568]


def test_empty_values_take_the_default(tmp_path):
    params = load_params(write(tmp_path, "agency: x\nagency_id:\nyears:\nthresholds:\n  # strength: 90\n"))
    assert params == ReportParams(agency="x")


def test_quoted_null_is_a_name_but_bare_null_is_not_given(tmp_path):
    assert load_params(write(tmp_path, 'agency: "null"\nprovince: null\n')).agency == "null"
    assert error_of(write(tmp_path, "agency: null\n")).reason.startswith("agency is missing")


def test_notebook_parameters_are_plain_json(tmp_path):
    import json

    params = load_params(write(tmp_path, "agency: x\nagency_id: 0012\nyears: [2567]\n"))
    values = params.notebook_parameters()
    assert json.loads(json.dumps(values)) == values
    assert values["agency_id"] == "0012" and values["years"] == [2567]


def test_validate_params_takes_a_dict_and_keeps_strings_strict():
    assert validate_params({"agency": "x", "agency_id": "0012"}).agency_id == "0012"
    with pytest.raises(ParamsError, match="agency_id = 12"):
        validate_params({"agency": "x", "agency_id": 12})  # a number is never turned into a code


def test_thresholds_are_declared_once_for_params_and_analysis():
    """A params file's thresholds are the analysis's own (one declaration): same names, defaults and
    limits, the digits aside; infinite or reversed thresholds are refused by both."""
    assert issubclass(AnalysisConfig, Thresholds)
    assert set(AnalysisConfig.model_fields) - set(Thresholds.model_fields) == {"digits"}
    assert Thresholds(passing=80).analysis_config("arabic") == AnalysisConfig(passing=80, digits="arabic")
    for bad in ({"passing": float("inf")}, {"urgent": 90, "passing": 85}):
        for model in (Thresholds, AnalysisConfig):
            with pytest.raises(ValueError):
                model(**bad)


# ---------------------------------------------------------------- errors

def test_unknown_key_names_key_file_line_and_suggestion(tmp_path):
    path = write(tmp_path, "agency: x\nyears: all\nstrenght: 90\n")
    error = error_of(path)
    assert error.path == str(path) and error.line == 3
    assert "'strenght'" in error.reason and "did you mean 'strength'?" in error.reason
    assert str(error).startswith(f"{path}:3: unknown key 'strenght'")


def test_unknown_key_under_the_old_thresholds_is_said_at_its_line(tmp_path):
    error = error_of(write(tmp_path, "agency: x\nthresholds:\n  passing: 80\n  strenght: 99\n"))
    assert error.line == 4
    assert "unknown key 'strenght'; did you mean 'strength'?" in error.reason


@pytest.mark.parametrize("text, line, words", [
    ("agency: x\ndigits: roman\n", 2, ("digits", "'roman'", "'thai' or 'arabic'")),
    ("agency: x\nyears: [abc]\n", 2, ("years[0]", "'abc'", "valid integer")),
    ("agency: x\nyears:\n  - 2566\n  - abc\n", 4, ("years[1]", "'abc'")),
    ("agency: x\nyears: al\n", 2, ("years", "'al'", "or all")),
    ("agency: x\nyears: [2025]\n", 2, ("2025 is not a fiscal year B.E.", "2568 B.E.")),
    ("agency: x\nformats: [html, odt]\n", 2, ("formats[1]", "'odt'")),
    ("agency: x\npassing: high\n", 2, ("passing = 'high'",)),
    ("agency: x\nacross_eras: maybe\n", 2, ("across_eras = 'maybe'",)),
    ("agency: x\nstrength: 99\nurgent: 90\n", 2, ("must satisfy urgent ≤ passing ≤ strength", "urgent 90.0")),
    ("agency: x\nthresholds:\n  passing: high\n", 3, ("passing = 'high'",)),
    ("agency: x\nthresholds:\n  urgent: 90\n", 3, ("urgent ≤ passing ≤ strength", "urgent 90.0")),
    ("agency: x\nthresholds: 90\n", 2, ("thresholds", "'90'", "a mapping")),
    ("agency: '  '\n", 1, ("agency", "blank")),
])
def test_wrong_values_name_field_value_and_line(tmp_path, text, line, words):
    error = error_of(write(tmp_path, text))
    assert error.line == line
    for word in words:
        assert word in error.reason
    assert "pydantic" not in error.reason and "Traceback" not in error.reason


def test_several_problems_in_one_message(tmp_path):
    error = error_of(write(tmp_path, "agency: x\ndigits: roman\nthresold: 1\n"))
    assert error.line == 2
    assert "digits" in error.reason and "also line 3: unknown key 'thresold'" in error.reason


def test_missing_agency(tmp_path):
    error = error_of(write(tmp_path, 'agency_id: "0012"\n'))
    assert error.reason.startswith("agency is missing")


def test_malformed_yaml_gives_its_line(tmp_path):
    error = error_of(write(tmp_path, "agency: x\nyears: [2566\ndigits: thai\n"))
    assert error.reason.startswith("not valid YAML") and error.line == 3
    assert error_of(write(tmp_path, "agency: x\n  bad: 1\n")).line == 2


def test_repeated_key(tmp_path):
    error = error_of(write(tmp_path, "agency: x\nagency: y\n"))
    assert error.line == 2 and "'agency' is given twice" in error.reason


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_file(tmp_path, text):
    error = error_of(write(tmp_path, text))
    assert "empty" in error.reason and error.line is None


@pytest.mark.parametrize("text, kind", [("- agency: x\n", "a list"), ("just a name\n", "a single value")])
def test_top_level_must_be_a_mapping(tmp_path, text, kind):
    error = error_of(write(tmp_path, text))
    assert error.line == 1 and "must be a mapping" in error.reason and kind in error.reason


def test_unsafe_tag_is_refused(tmp_path):
    error = error_of(write(tmp_path, "agency: !!python/object/apply:os.system [echo hi]\n"))
    assert error.reason.startswith("not valid YAML") and error.line == 1


def test_aliases_file_is_not_report_params():
    error = error_of(ROOT / "params" / "aliases.yaml")
    assert "unknown key 'aliases'" in error.reason and "agency aliases file" in error.reason


def test_missing_file(tmp_path):
    error = error_of(tmp_path / "nowhere.yaml")
    assert error.path == str(tmp_path / "nowhere.yaml") and error.reason == "file not found"


def test_params_error_pickles(tmp_path):
    error = error_of(write(tmp_path, "agency: x\nthresold: 1\n"))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ParamsError and isinstance(copy, ItaError)
    assert (copy.path, copy.line, copy.reason) == (error.path, 2, error.reason)


# ---------------------------------------------------------------- writing

def absolute(params: ReportParams) -> ReportParams:
    """`params` with its paths from the working folder made absolute, as load_params gives them back."""
    return params.model_copy(update={key: str(Path(getattr(params, key)).resolve()) for key in ("db", "output_dir")})


def test_round_trip_and_quoted_output(tmp_path):
    params = ReportParams(agency=NON_SAAT, agency_id="0012", province="นครราชสีมา", years=[2566, 2568],
                          digits="arabic", urgent=70, across_eras=True, formats=["pdf"])
    path = dump_params(params, tmp_path / "deep" / "p.yaml")
    assert load_params(path) == absolute(params)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and f'agency: "{NON_SAAT}"' in text and 'agency_id: "0012"' in text
    assert yaml.safe_load(text)["agency_id"] == "0012"  # any YAML reader keeps the code as text
    assert [p.name for p in path.parent.iterdir()] == ["p.yaml"]  # no temporary file left


AWKWARD = st.sampled_from([
    "0012", "yes", "no", "null", "~", "true", "1e3", "0x1F", "2024-01-01", "..", "../x", "a: b", "#x", "- x",
    "{a}", "[b]", "'q'", '"dq"', "back\\slash", "tab\tin", "อบต.โนนสะอาดพัฒนา", "เทศบาลเมืองท่าช้างใหม่",
    "\u0e4d\u0e32", "&anchor", "*alias", "!tag", "%x", "@x", "`x", "|", ">", "?", "line\nbreak", " lead",
    "trail ", "\u200b", "\ufeff", "\x85", "\u2028",
])
NAMES = st.lists(st.one_of(AWKWARD, st.text(max_size=10)), min_size=1, max_size=5).map("".join).filter(str.strip)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agency=NAMES, agency_id=st.one_of(st.none(), NAMES), province=st.one_of(st.none(), NAMES),
       years=st.one_of(st.just("all"), st.lists(st.integers(2500, 2700), min_size=1, max_size=4)),
       strength=st.floats(95, 100), across_eras=st.booleans())
def test_dump_then_load_gives_the_same_params(tmp_path, agency, agency_id, province, years, strength, across_eras):
    params = ReportParams(agency=agency, agency_id=agency_id, province=province, years=years,
                          strength=strength, across_eras=across_eras)
    assert load_params(dump_params(params, tmp_path / "p.yaml")) == absolute(params)


# ---------------------------------------------------------------- slugs

def test_slug_examples():
    # royin reads โนนสะอาดพัฒนา as non-saat-phatna; the tier is written obt/tt/tm by hand.
    assert agency_slug(NON_SAAT, NON_SAAT_ID) == "obt-nonsaatphatna-7b6736"
    assert agency_slug("อบต.โนนสะอาดพัฒนา", NON_SAAT_ID) == "obt-nonsaatphatna-7b6736"
    assert agency_slug("เทศบาลตำบลหนองบัวทอง", "ทต.:นครราชสีมา:โชคชัย:หนองบัวทอง").startswith("tt-nongbuathong-")
    assert agency_slug("เทศบาลเมืองลำตะคองทอง", "x").startswith("tm-lamtakhongthong-")
    assert agency_slug("องค์การบริหารส่วนตำบลดอนมะขามหวาน", "x").startswith("obt-donmakhamwan-")
    assert agency_slug("../../etc/passwd", "x").startswith("etc-passwd-")
    assert agency_slug("", "") == "agency-da39a3"  # sha1 of the empty string starts da39a3


@settings(max_examples=300, deadline=None)
@given(name=st.one_of(st.text(), NAMES, st.text(min_size=100, max_size=400)), agency_id=st.text(),
       other_id=st.text())
def test_slug_is_safe_deterministic_and_follows_the_id(name, agency_id, other_id):
    slug = agency_slug(name, agency_id)
    assert SLUG.match(slug) and len(slug) <= 80 and ".." not in slug
    assert agency_slug(name, agency_id) == slug
    if other_id != agency_id:
        assert agency_slug(name, other_id) != slug


# ---------------------------------------------------------------- one file per agency

def write_params_for_store(db, out, **options):
    """What `ita-report params init` does: the store's agencies, one params file each."""
    with Store(db, read_only=True) as store:
        agencies = store.agencies()
    return write_params_files(agencies, db, out, **options)


def test_write_params_for_store(example_store, tmp_path):
    out = tmp_path / "agencies"
    with Store(example_store, read_only=True) as store:
        agencies = store.agencies()
        written = write_params_for_store(example_store, out)
        assert len(written) == len(agencies) == len(list(out.iterdir()))
        for path in written:
            assert path.parent == out and path.suffix == ".yaml" and SLUG.match(path.stem)
            assert path.name.isascii()
            params = load_params(path)
            found = store.find_agency(params.agency_id)
            assert (found["agency_id"], found["name"], found["province"]) == (
                params.agency_id, params.agency, params.province)
            assert params.db == str(example_store.resolve()) and params.years == "all"
            assert path.stem == agency_slug(params.agency, params.agency_id)
    by_name = {load_params(p).agency: p.name for p in written}
    assert by_name[NON_SAAT] == "obt-nonsaatphatna-7b6736.yaml"


def test_write_params_for_store_keeps_existing_files(example_store, tmp_path):
    first = write_params_for_store(example_store, tmp_path)
    edited = first[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace('digits: "thai"', 'digits: "arabic"'),
                      encoding="utf-8")
    assert write_params_for_store(example_store, tmp_path) == []
    assert load_params(edited).digits == "arabic"
    assert sorted(write_params_for_store(example_store, tmp_path, overwrite=True)) == sorted(first)
    assert load_params(edited).digits == "thai"


def test_write_params_for_store_filters(example_store, tmp_path):
    from ita_lib.errors import AgencyNotFoundError

    towns = write_params_for_store(example_store, tmp_path / "a", agency_type="ทม")
    assert sorted(p.name.split("-")[0] for p in towns) == ["tm", "tm"]
    assert len(write_params_for_store(example_store, tmp_path / "b", province="จังหวัดนครราชสีมา")) == 9
    with pytest.raises(AgencyNotFoundError, match="เชียงใหม่"):
        write_params_for_store(example_store, tmp_path / "c", province="เชียงใหม่")
