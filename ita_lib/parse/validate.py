"""Checks every record gets: ranges, grade vs band, recomputed overall, level vs scores, derived pass and level.

Warnings live in the record; nothing here raises or silently changes a printed value (a score
outside 0–100 is removed and the warning keeps it).
"""
from __future__ import annotations

from ita_lib.rubric import load as load_rubric
from ita_lib.model import Assessment

TOLERANCE = 0.015  # printed values are rounded to 2 decimals


def _check_range(record: Assessment) -> None:
    for key, value in list(record.indicators.items()):
        if value is not None and not 0 <= value <= 100:
            record.warn("score_out_of_range", f"indicator {key}: {value} is outside 0–100; dropped",
                        record.source.lines.get(f"indicators.{key}"))
            del record.indicators[key]
    for key, value in record.instruments.items():  # the instruments and their parts
        if value is not None and not 0 <= value <= 100:
            record.warn("score_out_of_range", f"{key}: {value} is outside 0–100; dropped",
                        record.source.lines.get(f"instruments.{key}"))
            record.instruments[key] = None
    if record.overall_score is not None and not 0 <= record.overall_score <= 100:
        record.warn("score_out_of_range", f"overall score {record.overall_score} is outside 0–100; "
                    "dropped", record.source.lines.get("overall_score"))
        record.overall_score = None


def _check_grade(record: Assessment) -> None:
    year, grade, score = record.fiscal_year, record.grade, record.overall_score
    rubric = load_rubric()
    if grade is not None and rubric.is_itas_year(year) and not rubric.has_grade_bands(year):
        # Agencies keep printing letters after the NACC dropped them: kept as printed, flagged.
        record.warn("grade_outside_scheme", f"grade {grade} is printed for {year}, a year the NACC "
                    "gives no letter grades; kept as printed", record.source.lines.get("grade"))
    if grade is None or score is None or not rubric.has_grade_bands(year):
        return
    expected = rubric.grade_for_score(score)
    if grade != expected:
        record.warn("grade_score_mismatch",
                    f"grade {grade} does not fit score {score:.2f} (band gives {expected})",
                    record.source.lines.get("grade"))


def _recompute(record: Assessment) -> None:
    known = {int(k): v for k, v in record.indicators.items() if v is not None}
    rubric = load_rubric()
    computed = rubric.compute_overall(known, record.fiscal_year)
    record.overall_score_computed = computed
    if computed is None or record.overall_score is None:
        return
    if abs(computed - record.overall_score) <= TOLERANCE:
        return
    line = record.source.lines.get("overall_score")
    weights = rubric.rules_or_default(record.fiscal_year).weights_label
    if rubric.weights_confirmed(record.fiscal_year):
        record.warn("overall_mismatch",
                    f"printed overall {record.overall_score:.2f} differs from {weights} recomputation "
                    f"{computed:.2f}", line)
    else:
        record.warn("overall_unverifiable",
                    f"cannot verify overall {record.overall_score:.2f}: the {weights} recomputation gives "
                    f"{computed:.2f} and this year's combination rule is not confirmed", line)


def _old_methodology(record: Assessment) -> bool:
    # Before ITAS there was no pass mark (level words instead): nothing to derive. With no year printed,
    # an old level word ("สูงมาก") says the scheme.
    if record.fiscal_year is None:
        return record.result in load_rubric().old_level_words
    return not load_rubric().is_itas_year(record.fiscal_year)


def _derive_pass(record: Assessment) -> None:
    if record.passed is not None:
        return
    rubric = load_rubric()
    if record.result and _old_methodology(record) and not record.result.startswith(rubric.all_result_words):
        return  # an old scheme's level word says nothing about passing
    if record.result:
        record.passed = rubric.word_passed(record.result, record.fiscal_year)
        return
    if _old_methodology(record):
        return
    if record.overall_score is not None:
        passed = record.overall_score >= rubric.pass_mark
        if record.grade and rubric.has_grade_bands(record.fiscal_year) \
                and (record.grade in rubric.passing_grades) != passed:
            return  # the printed grade and score disagree on the pass itself: neither decides it
        record.passed = passed
        record.passed_derived = True
    elif record.grade and (record.fiscal_year is None or rubric.has_grade_bands(record.fiscal_year)):
        # A letter grade exists only from 2562 on, and every year that prints one passes at A: without
        # a year, "ระดับดี (A)" still passed.
        record.passed = record.grade in rubric.passing_grades
        record.passed_derived = True


def _check_pass(record: Assessment) -> None:
    """A result word the printed score contradicts is refused, never kept: the word often belongs to
    another sentence ("…ที่ผ่านเกณฑ์" about other agencies), and a wrong pass is worse than none."""
    if record.result and record.overall_score is not None and not _old_methodology(record):
        pass_mark = load_rubric().pass_mark
        by_score = record.overall_score >= pass_mark
        if by_score != record.passed:
            record.warn("result_score_mismatch",
                        f"result {record.result} does not fit score {record.overall_score:.2f} (pass mark "
                        f"{pass_mark:g}); the result is left out", record.source.lines.get("result"))
            record.result, record.passed, record.passed_derived = None, None, False


def _year_instruments(record: Assessment) -> dict[str, float | None]:
    """The record's score of each instrument of its year (None where not printed), parts left out."""
    return {code: record.instruments.get(code) for code in load_rubric().instrument_indicators(record.fiscal_year)}


def _check_level(record: Assessment) -> None:
    """A printed level (2566+) the printed scores contradict by its rule is refused: "ผ่านดีเยี่ยม" with
    90.10, "ผ่านดี" with an instrument under 85, "ต้องปรับปรุง" with 65.20. A level whose pass or fail the
    score contradicts is _check_pass's (the pass is refused with it)."""
    rubric = load_rubric()
    if not record.result or not rubric.is_itas_year(record.fiscal_year):
        return
    rules = rubric.rules_for(record.fiscal_year)
    level = rules.level(record.result)
    if level is None or (record.overall_score is not None
                         and level.passed != (record.overall_score >= rules.pass_threshold)):
        return
    against = level.contradiction(record.overall_score, _year_instruments(record))
    if against:
        record.warn("result_score_mismatch", f"result {record.result} does not fit {against} ({record.result}: "
                    f"{level.rule_text}, a likely rule); the result is left out", record.source.lines.get("result"))
        record.result = None


def _derive_level(record: Assessment) -> None:
    """A level no text prints, derived only when the overall and every instrument score are known, and
    marked as derived; never after a printed level was refused, never a letter."""
    if record.result or not load_rubric().is_itas_year(record.fiscal_year) \
            or any(w.code == "result_score_mismatch" for w in record.warnings):
        return
    level = load_rubric().rules_for(record.fiscal_year).derived_level(record.overall_score, _year_instruments(record))
    if level is not None and (record.passed is None or record.passed_derived or record.passed == level.passed):
        record.result, record.result_derived = level.word, True


def _check_year(record: Assessment) -> None:
    first = load_rubric().first_itas_year
    if record.fiscal_year is not None and record.fiscal_year < first:
        record.warn("pre_itas_year", f"fiscal year {record.fiscal_year} predates the ITAS framework "
                    f"({first}); scores are not comparable", record.source.lines.get("fiscal_year"))


def validate(record: Assessment) -> Assessment:
    _check_range(record)
    _check_year(record)
    _check_grade(record)
    _recompute(record)
    _check_level(record)
    if record.level is None:  # a ministry's mean passes or fails nothing
        _derive_pass(record)
    _check_pass(record)
    if record.level is None:
        _derive_level(record)
    return record
