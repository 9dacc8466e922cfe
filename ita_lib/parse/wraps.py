"""Values a PDF line wrap cut from their words, joined back before any reader looks at the lines.

A level word broken by a wrap ("ระดับ สูง" / "มาก เป็นลำดับที่ 31") is read whole: the shorter word
would be a wrong value. A grade or level whose label ends the line above ("… คะแนน ระดับ" /
"ผลการประเมิน A ผ่านเกณฑ์") joins its label. Table rows and blank lines are left as they are; each
line keeps its number, so every value still names the line it was printed on.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ita_lib.io.document import Line
from ita_lib.parse.memo import same_if_unchanged
from ita_lib.parse.mentions import ends_with_type_word, is_whole_name_part, location_length, starts_with_type_word
from ita_lib.parse.places import is_place
from ita_lib.parse.prose_words import is_menu
from ita_lib.rubric import Rubric, alternation, load as load_rubric

_THAI_LETTER_AT = re.compile("[\u0e01-\u0e4e]")
_LABEL_AT_END = re.compile(r"(?:ระดับ|เกรด)\s?(?:ผลการประเมิน)?\s?:?$")


@cache
def _levels(rubric: Rubric) -> tuple[str, ...]:
    return tuple(sorted({*rubric.old_level_words, *rubric.all_result_words}, key=len, reverse=True))


@cache
def _wrapped_value(rubric: Rubric) -> re.Pattern:
    values = alternation((*rubric.all_grades, *rubric.all_result_words, *rubric.old_level_words))
    return re.compile(rf"(?:ผลการประเมิน)?\s?:?\s?[\"“']?(?:{values})[\"”']?(?![A-Za-z\u0e01-\u0e4e])")


def rejoin_wrapped_values(lines: list[Line]) -> list[Line]:
    rubric = load_rubric()
    out = list(lines)
    text_at = [i for i, line in enumerate(out) if not line.is_row and line.text.strip()]
    for index, following_index in zip(text_at, text_at[1:]):
        text, following = out[index].text.rstrip(), out[following_index].text.lstrip()
        moved = _broken_level(text, following, rubric) or _value_below_label(text, following, rubric) \
            or _number_below_label(text, following)
        if moved:
            out[index] = Line(out[index].number, text + moved[0])
            out[following_index] = Line(out[following_index].number, following[moved[1]:])
        elif _name_alone(text) and _THAI_LETTER_AT.match(following) and _SCORE.search(following):
            # "มหาวิทยาลัยเทคโนโลยีราช" / "มงคลตะวันออก 86.13 ผ่าน": the name joins its row
            out[index] = Line(out[index].number, "")
            out[following_index] = Line(out[following_index].number, text.strip() + following)
        elif (word := _name_below_type_word(text, following)) is not None:
            # "…ได้แจ้งผลการประเมินของเทศบาลเมือง" / "มุกดาหาร อำเภอเมืองมุกดาหาร จังหวัดมุกดาหาร ได้คะแนน…":
            # the name, and the place written with it, join the type word
            taken = len(following) if _RANKED_ROW.match(text) else len(word) + location_length(following[len(word):])
            out[index] = Line(out[index].number, text + following[:taken].rstrip())
            out[following_index] = Line(out[following_index].number, following[taken:].lstrip())
        elif _WORD_ALONE.fullmatch(following) and not _LABEL_WORD.fullmatch(following) and " " in text.strip() \
                and _ends_with_name(text) \
                and not is_place(following):  # a list copied one cell per line puts a district there
            # "… กรมราช" / "ทัณฑ์": the rest of the name joins its line
            out[index] = Line(out[index].number, text + following)
            out[following_index] = Line(out[following_index].number, "")
    return same_if_unchanged(lines, out)


_WORD_ALONE = re.compile("[\u0e01-\u0e4e]{2,20}")
_LABEL_WORD = re.compile("คะแนน(?:รวม|ภาพรวม)?|ระดับ|ผลการประเมิน|หน่วยงาน|ประเภท|อำเภอ|จังหวัด")  # a cell's label
_SCORE = re.compile(r"\d{1,3}\.\d{1,2}")


def _name_alone(text: str) -> bool:
    """A line that is only the start of an agency's name (a row's name cell a PDF wrapped)."""
    word = text.strip()
    return bool(word) and " " not in word and starts_with_type_word(word)


_RANKED_ROW = re.compile(r"^\s*\d{1,4}[.)]?\s")  # "3 องค์การบริหารส่วนตำบล" / "ลำปาว เมือง… 95.73": one row
_LEADING_WORD = re.compile("[\u0e01-\u0e4e]+(?![.\u0e01-\u0e4e])")  # not "มรภ." (an abbreviation)
# "กลุ่มมหาวิทยาลัยราชภัฏ", "ทุกเทศบาลตำบล": the type word as a class, not half a name
_CLASS_BEFORE_TYPE = re.compile(r"(?:กลุ่ม|ประเภท|ทุก|แต่ละ|สังกัด|ระดับ)\s?[\u0e01-\u0e4e]{2,30}$")


def _name_below_type_word(text: str, following: str) -> str | None:
    """The name a line begins with when the line above ends with a bare type word."""
    word = _LEADING_WORD.match(following)
    if word is None or not ends_with_type_word(text) or _CLASS_BEFORE_TYPE.search(text[-40:]) \
            or not is_whole_name_part(word.group()):
        return None
    return word.group()


def _ends_with_name(text: str) -> bool:
    last = text.rsplit(maxsplit=1)[-1] if text.strip() else ""
    return _THAI_LETTER_AT.match(last[-1:] or " ") is not None and starts_with_type_word(last)





def _broken_level(text: str, following: str, rubric: Rubric) -> tuple[str, int] | None:
    """(what to append, how much of the next line it takes) for a level word cut in two."""
    for head, tail in _cuts_by_last_letter(rubric).get(text[-1:], ()):
        if text.endswith(head) and following.startswith(tail) \
                and not _THAI_LETTER_AT.match(following, len(tail)):  # not "มากกว่า"
            return tail, len(tail)
    return None


@cache
def _cuts_by_last_letter(rubric: Rubric) -> dict[str, list[tuple[str, str]]]:
    """Every cut of every level word, longest head first, filed by the head's last letter: a line is
    compared only with the heads it could end with."""
    cuts: dict[str, list[tuple[str, str]]] = {}
    for word in _levels(rubric):
        for cut in range(len(word) - 1, 1, -1):
            cuts.setdefault(word[cut - 1], []).append((word[:cut], word[cut:]))
    return cuts


# A result page copied one cell a line: "คะแนน" / "91.34", "IIT" / "96.52".
@cache
def _score_label() -> re.Pattern:
    codes = "|".join(map(re.escape, load_rubric().instrument_codes))
    return re.compile(r"(?:^|\s)(?:คะแนน(?:รวม|ภาพรวม)?(?:\s?ITA)?|" + codes + r")\s?:?$")


_LONE_NUMBER = re.compile(r"\d{1,3}\.\d{1,2}(?=\s*(?:คะแนน)?\s*$)")


def _number_below_label(text: str, following: str) -> tuple[str, int] | None:
    value = _LONE_NUMBER.match(following) if _score_label().search(text) and len(text.strip()) <= 20 else None
    return (" " + value.group(), len(following)) if value else None


def _value_below_label(text: str, following: str, rubric: Rubric) -> tuple[str, int] | None:
    value = _wrapped_value(rubric).match(following) if _LABEL_AT_END.search(text) else None
    return (" " + value.group().strip(), value.end()) if value else None


# --- sentences a fixed width wrapped -------------------------------------------------------------

_MIN_WRAP_WIDTH, _MAX_WRAP_WIDTH = 40, 130  # a page's or a column's width; web text runs a paragraph a line
_FULL_LINE = 0.55  # a line this close to the width was wrapped, not ended (Thai phrases are long)
_INDENT = re.compile(r"^(?: {2,}|\t)")  # a paragraph's first line, indented
_ITEM_START = re.compile(r"^\s*(?:[-•*·✅▪►➢>]|\d{1,2}(?:\.\d(?!\d))*[.)]?\s|\(\d{1,2}\)|[ก-ฮ][.)]\s"
                         r"|ข้อ\s?\d|ตารางที่|หน้า\s?\d)")
_THAI_RUN_END = re.compile("[\u0e01-\u0e4e]{1,20}$")
_THAI_RUN_START = re.compile("^[\u0e01-\u0e4e]{1,20}")


def _glued(text: str, following: str) -> str:
    """Two wrapped lines as one: with no space where the wrap cut a word ("นิทรรศ" / "การ": the dictionary
    reads one word across the cut), with a space where it fell between words."""
    text, following = text.rstrip(), following.strip()
    left, right = _THAI_RUN_END.search(text), _THAI_RUN_START.match(following)
    return text + ("" if left and right and _word_across(left.group(), right.group()) else " ") + following


@lru_cache(maxsize=1024)  # _goes_on asks, then _glued asks again for the same wrap
def _word_across(left: str, right: str) -> bool:
    from pythainlp.tokenize import word_tokenize  # loads a dictionary: only when a wrap is in doubt

    position = 0
    for token in word_tokenize(left + right, engine="newmm"):
        if position < len(left) < position + len(token):
            return True
        position += len(token)
    return False


def rejoin_wrapped_sentences(lines: list[Line]) -> list[Line]:
    """A text wrapped at a fixed width (a PDF's page, a narrow column) has its sentences joined back,
    one paragraph a line, for the sentence reader: a full line goes on into the next unless that one
    starts an item. In a text of no fixed width (web text: a paragraph or a sentence a line) only a
    line that cannot end there goes on: a word cut in two, a sentence left open ("…ประจำปี" /
    "2568 …"). The joined line keeps the number of its first line; the lines it took are left blank,
    so that every other line keeps its number."""
    text_at = [i for i, line in enumerate(lines) if line.text.strip() and not line.is_row]
    if len(text_at) < 2:
        return lines
    width = _fixed_width([len(lines[i].text.rstrip()) for i in text_at])
    out = list(lines)
    head = None  # index of the line the current paragraph started on
    for previous, index in zip(text_at, text_at[1:]):
        above, line, before = out[head if head is not None else previous], lines[index], lines[previous].text
        if index == previous + 1 and _goes_on(before, line.text, width):
            head = head if head is not None else previous
            out[head] = Line(above.number, _glued(above.text, line.text))
            out[index] = Line(line.number, "")
        else:
            head = None
    return out


# A line that cannot end a sentence, or one that cannot start one.
_OPEN_END = re.compile(r"(?:ของ|และ|หรือ|ได้|ที่|คือ|เท่ากับ|ประจำปี|ปีงบประมาณ|พ\.ศ\.|จาก|เป็น|โดย|ซึ่ง|กับ|ว่า|"
                       r"อยู่ใน|ให้แก่|จำนวน|ด้วย|,)\s*$")
_CONTINUED_START = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,2})?\s?คะแนน|คะแนน|ได้(?:รับ)?\s|งบประมาณ|การ)")
_TABLE_ROW = re.compile(r"(?:\d[\d.,]*\s+){3}\d")  # "2563 91.30 86.22 91.85": a table's row, not a sentence
_CAPTION = re.compile(r"^\s*(?:ตารางที่|ภาพที่|แผนภูมิที่)")  # a table's caption: a title, not a sentence


def _fixed_width(widths: list[int]) -> int | None:
    """The width a text was wrapped at, when its lines show one: several lines end close to it."""
    ranked = sorted(widths)
    if len(ranked) < 4:
        return None
    width = ranked[int(len(ranked) * 0.8)]
    near = sum(1 for w in ranked if w >= 0.85 * width)
    return width if _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH and near >= max(3, len(ranked) // 4) else None


def _goes_on(text: str, following: str, width: int | None) -> bool:
    if _ITEM_START.match(following) or _INDENT.match(following) or is_menu(following) or is_menu(text) \
            or text.rstrip().endswith(":") or _TABLE_ROW.search(text) or _TABLE_ROW.search(following) \
            or _CAPTION.match(text):
        return False
    if width is not None and len(text.rstrip()) >= _FULL_LINE * width:
        return True
    if _OPEN_END.search(text) or _CONTINUED_START.match(following):
        return True
    left, right = _THAI_RUN_END.search(text.rstrip()), _THAI_RUN_START.match(following.strip())
    return bool(left and right and len(text.strip()) >= _MIN_WRAP_WIDTH and _word_across(left.group(), right.group()))
