"""The words the sentence reader (prose.py) looks for: grades and result levels as the rubric has them,
and what tells a line about the ITA from one about another assessment or a worked example."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ita_lib.rubric import Rubric, alternation


@dataclass(frozen=True)
class ProsePatterns:
    """Grades and result words as the rubric has them, longest first ("AA" before "A", "ผ่านดี" before
    the plain pass word)."""

    grade: re.Pattern
    # A result word, or the plain pass or fail word of "ผ่านการประเมิน" (group 2).
    result: re.Pattern
    # A result word written right after a score: "97.31 คะแนน ผ่าน", "79.15 คะแนน (ไม่ผ่าน)"; or a level
    # (not the plain pass or fail word) right before one (group 2): 'ไทยพีบีเอส "ผ่านดี" 95.81 คะแนน'.
    result_after_score: re.Pattern
    old_level: re.Pattern
    # A 2566+ level written as the pass word and its grade apart: 'ผ่านระดับ “ดีเยี่ยม”', "ผ่านในระดับดี" (group
    # 1: what follows the pass word in the level's name).
    split_level: re.Pattern


# The exam idiom a news writer uses for a pass or a fail, as the result word it stands for.
_EXAM_PASSED = {"สอบตก": False, "สอบผ่าน": True}


def result_word(match: re.Match, rubric: Rubric) -> tuple[str, int]:
    """The result word a match of `result` gives (the exam idiom as its pass or fail word), and where
    it is written."""
    for group in (1, 2):
        if match.group(group):
            return match.group(group), match.start(group)
    passed = _EXAM_PASSED[match.group(3)]
    return (rubric.passed_word if passed else rubric.failed_word), match.start(3)


def _after_pass_word(rubric: Rubric) -> list[str]:
    """What the levels named after a pass add to the pass word: ดีเยี่ยม, ดี."""
    return [level[len(rubric.passed_word):] for level in rubric.result_words
            if level.startswith(rubric.passed_word) and level != rubric.passed_word]


@cache
def prose_patterns(rubric: Rubric) -> ProsePatterns:
    words = alternation(rubric.result_words)  # whole and longest first: ต้องปรับปรุงโดยด่วน, ผ่านดีเยี่ยม
    plain = f"{re.escape(rubric.failed_word)}|{re.escape(rubric.passed_word)}"
    # What follows a level's letters when they are the sentence's verb: "ผ่านมา", "ต้องปรับปรุงการทำงาน".
    verb = "มา|พ้น|ทาง|ระบบ|ไลฟ์|การ|แก้|ให้|เพิ่ม|พัฒนา|หรือ"
    levels = alternation(w for w in rubric.result_words if w not in (rubric.passed_word, rubric.failed_word))
    # A level (atomic: whole or not at all) that the scale's next level or a score band follows
    # describes the scale, not a result:
    # "5 ระดับ ผ่านดีเยี่ยม ผ่านดี ผ่าน …", "ระดับผ่านดีเยี่ยม (95.00–100.00 คะแนน)"; not a level and
    # the pass or fail of the pass mark ("ต้องปรับปรุงโดยด่วน ไม่ผ่านเกณฑ์ 85 คะแนน").
    scale = (rf"\s?,?\s?(?:ระดับ)?\s?(?:{alternation(rubric.result_words)})(?!\s?(?:การ)?(?:ประเมิน|เกณฑ์))"
             r"|\s?[(:]?\s?\d{1,3}(?:\.\d{1,2})?\s?(?:คะแนน)?\s?[-–]\s?\d")
    # "ระดับผ่านเกณฑ์ ร้อยละ 90 ขึ้นไป", "ผ่านเกณฑ์ (85 คะแนนขึ้นไป)": the pass mark, not a result
    bound = r"\S{0,6}\s?[(:]?\s?(?:ร้อยละ\s?)?\d{2,3}(?:\.\d+)?\s?(?:คะแนน|%)?\s?ขึ้นไป"
    return ProsePatterns(
        # "ระดับ AA", "เกรด A"; or a grade in brackets right after a score ("96.45 คะแนน (AA)").
        # ''AA'', ‘‘A’’: two single quotes for a double one, as some sites print it
        grade=re.compile(r"(?:(?:ระดับ|เกรด)\s?(?:ผลการประเมิน|ผลคะแนน)?\s?(?:ที่)?\s?(?:ดีเยี่ยม|ดีมาก|ดี)?\s?[\"“”'‘’(]{0,2}"
                         r"|(?:(?<=คะแนน)|(?<=\d\.\d\d))\s?\()\s?"
                         rf"({'|'.join(rubric.grades)})(?![A-Za-z+\-])"),
        # "อยู่ในเกณฑ์ : ผ่านดี" names a level too; "ที่" only before a pass word ("ผลที่ต้องปรับปรุง" is
        # "what must be improved").
        result=re.compile(rf"(?:ระดับ|ผลการประเมิน|ผล|อยู่ในเกณฑ์\s?:?|เกณฑ์\s?:)\s?(?:ที่\s?(?={plain}))?\s?"
                          rf"[\"“”'‘’(]{{0,2}}\s?((?>{words}))(?!{verb}|{scale}|\s?ขึ้นไป|{bound})|({plain})\s?(?:การ)?(?:ประเมิน|เกณฑ์)"
                          r"(?!\S{0,12}\s?(?:ร้อยละ|\d+(?:\.\d+)?\s?%|\d+\s?(?:แห่ง|หน่วยงาน)))" + rf"(?!{bound})"
                          # news writes a pass or fail as an exam's: "อบต.ก สอบตก ITA", "สอบผ่านการประเมิน"
                          r"|(?<!ไม่)(?<!ไม่\s)(สอบตก|สอบผ่าน)(?!เกณฑ์|\S{0,6}\s?(?:ร้อยละ|\d))"),
        # "ได้ 91.05 ผ่านดี" too, not a band's end ("85.00 – 94.99 ผ่านดี").
        result_after_score=re.compile(rf"(?:\d\s?คะแนน|(?<![\d\-–~])(?<![\-–~]\s)\d\d\.\d\d)\s?(?:[(\-–/→⇒]|➡️?|=>)?\s?({words})"
                                      rf"(?!{verb}|เกณฑ์|ประเมิน)|(?<![\u0e00-\u0e7f])"
                                      rf"[\"“”']?({levels})[\"“”']?\s?[:\-–]?\s?"
                                      r"(?=\d{1,3}\.\d\d(?![\d.])(?!\s?(?:%|[-–]\s?\d)))"),
        split_level=re.compile(
            rf"{re.escape(rubric.passed_word)}\s?(?:การประเมิน)?\s?(?:ใน|อยู่ใน|ที่)?\s?ระดับ\s?[\"“”']?\s?"
            rf"({alternation(_after_pass_word(rubric))})"
            r"(?![\u0e01-\u0e4e])"),
        # "ระดับสูงมาก", or right after a score in a list's row ("85.92 สูงมาก"); a word may follow unspaced
        # ("ระดับสูงมากด้วยค่าคะแนน…"), never the rest of a longer word ("ระดับสูงสุด"); the level may be
        # "of integrity and transparency in operation" ("ระดับคุณธรรมและความโปร่งใสในการดำเนินงานสูงมาก")
        old_level=re.compile(rf"(?:ระดับ\s?(?:ผลการประเมิน|คุณภาพ|คุณธรรมและความโปร่งใส(?:ในการดำเนินงาน)?)?\s?[\"“]?|(?<=\d\.\d\d)\s?(?:คะแนน)?\s?)"
                             rf"({alternation(rubric.old_level_words)})(?:(?![\u0e01-\u0e4e])|(?=ด้วย|โดย|และ|ซึ่ง))"),
    )



# An organisation's own assessment of its units, named after the ITA: "CMU-ITA", "…ในการดำเนินงานของส่วนงาน".
_INTERNAL_CODE = r"(?<![A-Za-z])[A-Z]{2,6}\s?-\s?ITA(?![A-Za-z])"
_OF_ITS_UNITS = "ในการดำเนินงานของส่วนงาน"
# Other assessments whose results are written like ITA announcements: a line about one of them and
# not about the ITA gives no value. The Latin names are matched in any case on the lowered text, since
# a case-blind pattern tries every branch at every Thai letter; each branch starts with a letter for
# the same reason (a word boundary is checked after it).
_OTHER_ASSESSMENT_THAI = re.compile(
    r"ประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น|รางวัลพระปกเกล้า|ดัชนีการรับรู้การทุจริต|ความพึงพอใจ|อันดับเครดิต|"
    r"เรทติ้ง|มาตรฐานการ(?:ปฏิบัติ|ให้บริการ)|องค์กร(?:ส่งเสริม)?คุณธรรม|ชุมชนคุณธรรม|ศูนย์ราชการสะดวก|"
    rf"สำนักงานสีเขียว|เลิศรัฐ|ผลสำรวจ|ผลการสำรวจ|รัฐบาลดิจิทัล|ประเมินตนเอง|ประกันคุณภาพ|{_OF_ITS_UNITS}")
_OTHER_ASSESSMENT_LATIN = re.compile(
    r"l(?<!\w.)pa\b|c(?<!\w.)pi\b|d(?<!\w.)ga\b|m(?<!\w.)oit\b|local performance|t-?score|o-net|pmqa|"
    r"green office|digital government|[a-z](?<![a-z].)[a-z]{1,5}\s?-\s?ita(?![a-z])")  # "cmu-ita": a unit's own


def names_other_assessment(text: str) -> bool:
    return bool(_OTHER_ASSESSMENT_THAI.search(text) or _OTHER_ASSESSMENT_LATIN.search(text.lower()))


# "สมมุติหน่วยงาน ก ได้ …", "ตัวอย่างการคำนวณ", "ตัวอย่างที่ 2 หน่วยงาน ข": an example worked, not a result.
_EXAMPLE = re.compile(r"สมมุติ|สมมติ|ยกตัวอย่าง|ตัวอย่างการคำนวณ|ตัวอย่างที่\s?\d|for example|e\.g\.", re.IGNORECASE)
# "ITA" in capitals only: "digital" holds the letters too.
ITA_NAMED = re.compile(r"(?-i:ITA)|คุณธรรมและความโปร่งใส|คุณธรรม\s?-?\s?ความโปร่งใส|Integrity", re.IGNORECASE)
_INTERNAL_ITA = re.compile(rf"{_INTERNAL_CODE}|คุณธรรมและความโปร่งใส{_OF_ITS_UNITS}")
# The health ministry's own assessment (MOIT) has the ITA's Thai name: with it, only the letters name the ITA.
_MOIT = re.compile(r"\bMOIT\b")
_ITA_LETTERS = re.compile(r"(?<![A-Za-z])ITAS?(?![A-Za-z])")
# "ผลการประเมินนี้…มิใช่ผลการประเมิน ITA ของสำนักงาน ป.ป.ช.": the text says it gives no ITA result.
_NOT_ITA = re.compile(r"(?:มิใช่|ไม่ใช่|ไม่ได้เป็น)\s?(?:ผล)?\s?(?:การ)?(?:ประเมิน)?\s?(?:ITA|คุณธรรมและความโปร่งใส)")
# A site's menu or breadcrumb: "หน้าหลัก | ข่าว | ITA 2567 | …", "หน้าแรก  เกี่ยวกับเรา  บริการ  ข่าวสาร".
_MENU_SEPARATOR = re.compile(r"\s[|»]\s|\s{2,}")
_HEAD_LINES = 3


def names_ita(text: str) -> bool:
    text = _INTERNAL_ITA.sub(" ", text)
    if _MOIT.search(text):
        return bool(_ITA_LETTERS.search(text))
    return bool(ITA_NAMED.search(text))


def is_menu(text: str) -> bool:
    items = [item for item in _MENU_SEPARATOR.split(text.strip()) if item.strip()]
    return len(items) >= 4 and all(len(item) <= 30 for item in items) or text.count("|") >= 3


def heading(texts) -> str:
    """The text's first lines, a site's menus left out: what the text says it is about."""
    head = []
    for text in texts:
        if text.strip() and not is_menu(text):
            head.append(text)
            if len(head) == _HEAD_LINES:
                break
    return " ".join(head)


# "ประกาศผู้ชนะการเสนอราคา จ้างเหมาพัฒนาเว็บไซต์…เพื่อรองรับการประเมิน (ITA)": a purchase for the ITA, whose
# scores are bids'; "รายงานผลการเบิกจ่ายงบประมาณ… (ร้อยละ 98.14)" published for the ITA's item O13: spending.
_TITLE_REACH = 160  # a purchase is what a text is about only when its title says so
_PROCUREMENT = re.compile(r"ผู้ชนะการเสนอราคา|ประกวดราคา|สอบราคา|จัดซื้อจัดจ้าง|จ้างเหมา|ผู้เสนอราคา|"
                          r"การเบิกจ่าย|ผลการใช้จ่ายงบประมาณ")


def other_assessment_heading(head: str) -> bool:
    """A text headed by another assessment (LPA, MOIT, a survey…) and not by the ITA, or by a purchase."""
    return bool(_PROCUREMENT.search(head[:_TITLE_REACH])) or (
        names_other_assessment(head) and not names_ita(head))


def says_not_ita(text: str) -> re.Match | None:
    return _NOT_ITA.search(text)


def example_lines(lines) -> set[int]:
    """Lines of a worked example: from a line that opens one ("ตัวอย่างที่ 1 หน่วยงาน ก (สมมติ)") to the
    next blank line."""
    inside, found = False, set()
    for line in lines:
        if not line.text.strip():
            inside = False
            continue
        inside = inside or bool(_EXAMPLE.search(line.text))
        if inside:
            found.add(line.number)
    return found


def about_ita(text: str, other_text: bool) -> bool:
    """Whether a line may speak of the ITA: not when it names another assessment and not the ITA, nor
    in a text headed by another assessment unless it names the ITA, nor when it works an example."""
    if _EXAMPLE.search(text):
        return False
    if names_ita(text):
        return True
    return not other_text and not names_other_assessment(text)
