"""The 2566+ result levels (issue 25, kind 5): ผ่านดีเยี่ยม, ผ่านดี, ผ่าน, ต้องปรับปรุง, ต้องปรับปรุงโดยด่วน
and ไม่ผ่าน, each with its rule in rubric.yaml (status L), read whole and kept as printed, refused when
the printed scores contradict the rule, and derived only where the rule allows.

Fixtures tests/fixtures/prose_level*.txt are made up (other agencies and numbers) in the shapes of
real texts: "อยู่ในเกณฑ์ : ผ่านดี" (realdocs2 004_sunpukwan-2566.txt), "อยู่ในระดับผ่านดี" (realdocs
007_nsm-2566.txt, realdocs2 009_thaipbs-2566.txt), "ระดับผ่านดีเยี่ยม" (realdocs 015_mgronline-ngao-2568.txt,
018_mgronline-mea-2568.txt), a 2565 boilerplate "อยู่ในระดับต้องปรับปรุง" in a 2566 announcement
(realdocs2 003_songhong-2566.txt), "ที่ต้องปรับปรุง" as ordinary Thai (realdocs2 001_thadueamuedka-2564.txt).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.errors import RubricError
from ita_lib.model import Assessment, Source
from ita_lib.parse import parse_document
from ita_lib.parse.prose_words import prose_patterns
from ita_lib.parse.validate import validate
from ita_lib.rubric import load
from ita_lib.rubric_schema import read_rubric_file

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str):
    return [(r.agency, r.fiscal_year, r.overall_score, r.grade, r.result, r.passed, r.passed_derived,
             r.result_derived) for r in parse_document(FIXTURES / name)]


def messages(name: str) -> list[list[tuple[str, str]]]:
    return [[(w.code, w.message) for w in r.warnings] for r in parse_document(FIXTURES / name)]


# --- the rubric ----------------------------------------------------------------------------------

def test_the_rubric_gives_each_2566_level_its_rule_and_status():
    rules = load().rules_for(2567)
    assert [(level.word, level.min_overall, level.below, level.min_each_instrument, level.passed)
            for level in rules.levels] == [
        ("ผ่านดีเยี่ยม", 95.0, None, 95.0, True), ("ผ่านดี", 85.0, None, 85.0, True), ("ผ่าน", 85.0, None, None, True),
        ("ต้องปรับปรุง", 70.0, 85.0, None, False), ("ต้องปรับปรุงโดยด่วน", 0.0, 70.0, None, False),
        ("ไม่ผ่าน", 0.0, 85.0, None, False)]
    assert rules.statuses["level_rules"] == "L" and rules.statuses["result_words"] == "C"
    assert load().rules_for(2565).levels == ()  # letters AA–F: no levels
    assert load().result_word_pattern == "ต้องปรับปรุงโดยด่วน|ต้องปรับปรุง|ผ่านดีเยี่ยม|ไม่ผ่าน|ผ่านดี|ผ่าน"


def test_a_level_word_says_pass_or_fail_by_its_level():
    rubric = load()
    assert [rubric.word_passed(word, 2567) for word in rubric.rules_for(2567).result_words] == [
        True, True, True, False, False, False]
    assert (rubric.word_passed("ผ่าน", 2563), rubric.word_passed("ไม่ผ่าน", 2563)) == (True, False)
    assert rubric.word_passed("ต้องปรับปรุง", None) is False
    assert (rubric.word_passed("ต้องปรับปรุง", 2565), rubric.word_passed("สูงมาก", 2560)) == (False, None)


def _rubric_text(old: str, new: str) -> str:
    text = (Path(__file__).parents[1] / "ita_lib" / "data" / "rubric.yaml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("      ผ่านดี: {min_overall: 85, min_each_instrument: 85}\n", "",
     "the rubric's years.2.level_rules: ผ่านดี is not both a result word and a level with a rule"),
    ("ต้องปรับปรุง: {min_overall: 70, below: 85}", "ต้องปรับปรุง: {min_overall: 70, below: 60}",
     "the rubric's years.2.level_rules.ต้องปรับปรุง: below 60 is not above min_overall 70"),
    ("ผ่าน: {min_overall: 85}", "ผ่าน: {min_overall: \"85\"}",
     "the rubric's years.2.level_rules.ผ่าน.min_overall: Input should be a valid number"),
])
def test_a_damaged_level_rule_is_one_line_naming_its_key(old, new, message):
    with pytest.raises(RubricError) as raised:
        read_rubric_file(_rubric_text(old, new), "copy.yaml")
    assert raised.value.reason == message


# --- reading levels whole ------------------------------------------------------------------------

def test_a_level_after_the_criterion_word_is_read_whole():
    # Shape of realdocs2 004_sunpukwan-2566.txt: "ผ่านการประเมิน" and "อยู่ในเกณฑ์ : ผ่านดี" in one
    # line; the level, not the plain pass, is the result.
    assert read("prose_level_in_criterion.txt") == [
        ("เทศบาลตำบลโพนทอง", 2566, 92.35, None, "ผ่านดี", True, False, False)]
    assert messages("prose_level_in_criterion.txt") == [[]]


def test_each_level_is_read_whole_and_longest_first():
    assert read("prose_levels_each.txt") == [
        ("เทศบาลตำบลริมเหนือ", 2567, 97.85, None, "ผ่านดีเยี่ยม", True, False, False),
        ("เทศบาลตำบลดอนแก้ว", 2567, 91.40, None, "ผ่านดี", True, False, False),
        ("องค์การบริหารส่วนตำบลสันโป่ง", 2567, 86.25, None, "ผ่าน", True, False, False),
        ("องค์การบริหารส่วนตำบลห้วยทราย", 2567, 77.60, None, "ต้องปรับปรุง", False, False, False),
        ("องค์การบริหารส่วนตำบลโป่งแยง", 2567, 66.15, None, "ต้องปรับปรุงโดยด่วน", False, False, False),
        ("องค์การบริหารส่วนตำบลแม่แรม", 2567, 81.35, None, "ไม่ผ่าน", False, False, False)]


def test_a_level_right_before_a_score_is_that_score_s_level():
    # Shape of realdocs2 009_thaipbs-2566.txt's headline: 'ไทยพีบีเอส "ผ่านดี" 95.81 คะแนน'.
    assert read("prose_level_before_score.txt") == [
        ("เทศบาลเมืองบ้านไผ่", 2567, 96.72, None, "ผ่านดีเยี่ยม", True, False, False)]
    pattern = prose_patterns(load()).result_after_score
    # A band ("95.00–100.00"), a threshold after the plain pass word, a share: no level of a score.
    assert [m.group(0) for text in ("ผ่านดีเยี่ยม (95.00–100.00 คะแนน)", "ผ่านดีเยี่ยม 95.00–100.00",
                                    "ผ่าน 85.00 คะแนน", "ต้องปรับปรุง 12.50%") for m in pattern.finditer(text)] == []


def test_a_list_of_the_levels_or_a_level_with_its_band_is_the_scale_not_a_result():
    # "แบ่งออกเป็น 5 ระดับ ผ่านดีเยี่ยม ผ่านดี …" and "ระดับผ่านดีเยี่ยม (95.00–100.00 คะแนน)" explain the
    # scale; the agency's own "อยู่ในระดับผ่าน" is its only result.
    assert read("prose_level_scale_explained.txt") == [
        ("เทศบาลตำบลหนองหิน", 2568, 88.40, None, "ผ่าน", True, False, False)]
    assert messages("prose_level_scale_explained.txt") == [[]]


def test_the_urgent_level_is_a_fail_and_ordinary_must_improve_is_no_level():
    # "ประเด็นที่ต้องปรับปรุงการทำงาน", "ผลที่ต้องปรับปรุงแก้ไข": ordinary Thai, not a second level.
    assert read("prose_level_urgent.txt") == [
        ("องค์การบริหารส่วนตำบลห้วยไร่", 2567, 62.45, None, "ต้องปรับปรุงโดยด่วน", False, False, False)]
    assert messages("prose_level_urgent.txt") == [[]]


def test_a_2566_level_written_with_2565_is_no_result_of_either_year():
    # Shape of realdocs2 003_songhong-2566.txt: the 2565 boilerplate's "ต้องปรับปรุง" makes no 2565
    # record, and the 2566 record keeps its printed letter with a pass derived from the score.
    assert read("prose_level_other_year.txt") == [
        ("องค์การบริหารส่วนตำบลนาโพธิ์", 2566, 78.45, "C", None, False, True, False)]


# --- refused when the scores contradict it ----------------------------------------------------------

def test_a_level_the_printed_score_contradicts_is_refused_with_a_warning_naming_both():
    assert read("prose_level_contradicted.txt") == [
        ("เทศบาลตำบลนาข่า", 2567, 90.35, None, None, None, False, False),
        ("เทศบาลตำบลหนองบัว", 2567, 91.70, None, None, True, True, False),
        ("องค์การบริหารส่วนตำบลบ้านค้อ", 2567, 79.40, None, None, None, False, False)]
    assert messages("prose_level_contradicted.txt") == [
        [("result_score_mismatch", "result ต้องปรับปรุง does not fit score 90.35 (pass mark 85); the result is left out")],
        [("result_score_mismatch", "result ผ่านดีเยี่ยม does not fit score 91.70 (ผ่านดีเยี่ยม: ITA ≥ 95, each "
          "instrument ≥ 95, a likely rule); the result is left out")],
        [("result_score_mismatch", "result ผ่าน does not fit score 79.40 (pass mark 85); the result is left out")]]


def record(year: int, overall: float | None, result: str | None = None, **instruments) -> Assessment:
    return Assessment(agency="เทศบาลตำบลทดสอบ", fiscal_year=year, overall_score=overall, result=result,
                      instruments=instruments, source=Source(path="t.txt", sha256="a" * 64, kind="prose"))


def summary(checked: Assessment):
    return (checked.result, checked.passed, checked.passed_derived, checked.result_derived,
            [w.message for w in checked.warnings])


def test_good_pass_with_an_instrument_under_its_minimum_is_refused_plain_pass_is_not():
    assert summary(validate(record(2568, 93.10, "ผ่านดี", IIT=96.20, EIT=82.40, OIT=95.10))) == (
        None, True, True, False, ["result ผ่านดี does not fit EIT 82.40 (ผ่านดี: ITA ≥ 85, each instrument ≥ 85, "
                                  "a likely rule); the result is left out"])
    assert summary(validate(record(2568, 93.10, "ผ่าน", IIT=96.20, EIT=82.40, OIT=95.10))) == (
        "ผ่าน", True, False, False, [])
    # No overall printed: the refused level leaves no pass either.
    assert summary(validate(record(2568, None, "ผ่านดี", EIT=81.05))) == (
        None, None, False, False, ["result ผ่านดี does not fit EIT 81.05 (ผ่านดี: ITA ≥ 85, each instrument ≥ 85, "
                                   "a likely rule); the result is left out"])


# --- derived only where the rule allows ------------------------------------------------------------

@pytest.mark.parametrize(("overall", "scores", "level"), [
    (96.55, {"IIT": 97.10, "EIT": 95.40, "OIT": 96.80}, "ผ่านดีเยี่ยม"),
    (96.55, {"IIT": 97.10, "EIT": 94.90, "OIT": 96.80}, "ผ่านดี"),
    (90.20, {"IIT": 92.00, "EIT": 84.95, "OIT": 93.00}, "ผ่าน"),
    (78.30, {"IIT": 88.00, "EIT": 80.00, "OIT": 70.25}, "ต้องปรับปรุง"),
    (64.80, {"IIT": 80.00, "EIT": 75.00, "OIT": 46.00}, "ต้องปรับปรุงโดยด่วน"),
])
def test_a_level_is_derived_from_the_overall_and_all_three_instruments_and_marked(overall, scores, level):
    checked = validate(record(2567, overall, **scores))
    assert (checked.result, checked.result_derived, checked.grade) == (level, True, None)
    assert checked.passed_derived is True


def test_without_all_three_instruments_only_pass_or_fail_is_derived_and_never_a_letter():
    assert summary(validate(record(2567, 96.55, IIT=97.10, OIT=96.80))) == (None, True, True, False, [])
    assert summary(validate(record(2567, 80.15))) == (None, False, True, False, [])
    graded = validate(record(2565, 96.55, IIT=97.10, EIT=95.40, OIT=96.80))  # letters years: nothing derived
    assert (graded.grade, graded.result, graded.result_derived, graded.passed) == (None, None, False, True)


def test_a_printed_level_is_kept_as_printed_not_replaced_by_the_derived_one():
    # 95.81 printed ผ่านดี in 2566 (realdocs2 009_thaipbs-2566.txt): a passing level has no upper bound.
    assert summary(validate(record(2566, 96.40, "ผ่านดี", IIT=96.00, EIT=97.00, OIT=96.10))) == (
        "ผ่านดี", True, False, False, [])


def test_reports_count_the_improvement_levels_as_fails():
    from ita_lib.report.overview import agency_passed

    assert agency_passed(2567, 78.30, result="ต้องปรับปรุง") is False
    assert agency_passed(2567, None, result="ต้องปรับปรุงโดยด่วน") is False
    assert agency_passed(2567, 90.20, result="ผ่านดี") is True
