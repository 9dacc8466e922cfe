"""A line's readings are kept for one parse only: within it each is computed once, and the next
parse (or a benchmark's next round) computes it again."""
from ita_lib.parse import parse_text
from ita_lib.parse.memo import parse_memo, per_parse

calls: list[str] = []


@per_parse
def _reading(text: str) -> int:
    calls.append(text)
    return len(text)


def test_a_reading_is_computed_once_within_a_parse_and_again_in_the_next():
    calls.clear()
    with parse_memo():
        assert _reading("คะแนน 91.25") == _reading("คะแนน 91.25") == 11
        with parse_memo():  # a parse inside a parse shares the outer memo
            _reading("คะแนน 91.25")
    assert calls == ["คะแนน 91.25"]
    with parse_memo():
        _reading("คะแนน 91.25")
    _reading("คะแนน 91.25")  # no parse open: nothing is kept
    assert calls == ["คะแนน 91.25"] * 3


def test_the_same_text_parsed_twice_gives_the_same_records():
    text = ("ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2567\n"
            "เทศบาลตำบลหนองบัวทอง ได้คะแนน 93.41 คะแนน อยู่ในระดับ A\n")
    first, second = parse_text(text), parse_text(text)
    assert [(r.agency, r.fiscal_year, r.overall_score, r.grade) for r in first] == \
        [(r.agency, r.fiscal_year, r.overall_score, r.grade) for r in second] == \
        [("เทศบาลตำบลหนองบัวทอง", 2567, 93.41, "A")]
