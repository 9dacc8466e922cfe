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
    return ProsePatterns(
        # "ระดับ AA", "เกรด A"; or a grade in brackets right after a score ("96.45 คะแนน (AA)").
        # ''AA'', ‘‘A’’: two single quotes for a double one, as some sites print it
        grade=re.compile(r"(?:(?:ระดับ|เกรด)\s?(?:ผลการประเมิน)?\s?(?:ที่)?\s?(?:ดีเยี่ยม|ดีมาก|ดี)?\s?[\"“”'‘’(]{0,2}"
                         r"|(?:(?<=คะแนน)|(?<=\d\.\d\d))\s?\()\s?"
                         rf"({'|'.join(rubric.grades)})(?![A-Za-z+\-])"),
        # "อยู่ในเกณฑ์ : ผ่านดี" names a level too; "ที่" only before a pass word ("ผลที่ต้องปรับปรุง" is
        # "what must be improved").
        result=re.compile(rf"(?:ระดับ|ผลการประเมิน|ผล|อยู่ในเกณฑ์\s?:?|เกณฑ์\s?:)\s?(?:ที่\s?(?={plain}))?\s?"
                          rf"[\"“”'‘’(]{{0,2}}\s?((?>{words}))(?!{verb}|{scale}|\s?ขึ้นไป)|({plain})\s?(?:การ)?(?:ประเมิน|เกณฑ์)"
                          r"(?!\S{0,12}\s?(?:ร้อยละ|\d+(?:\.\d+)?\s?%|\d+\s?(?:แห่ง|หน่วยงาน)))"),
        # "ได้ 91.05 ผ่านดี" too, not a band's end ("85.00 – 94.99 ผ่านดี").
        result_after_score=re.compile(rf"(?:\d\s?คะแนน|(?<![\d\-–~])(?<![\-–~]\s)\d\d\.\d\d)\s?[(\-–/]?\s?({words})"
                                      rf"(?!{verb}|เกณฑ์|ประเมิน)|(?<![\u0e00-\u0e7f])"
                                      rf"[\"“”']?({levels})[\"“”']?\s?[:\-–]?\s?"
                                      r"(?=\d{1,3}\.\d\d(?![\d.])(?!\s?(?:%|[-–]\s?\d)))"),
        # "ระดับสูงมาก", or right after a score in a list's row ("85.92 สูงมาก")
        old_level=re.compile(rf"(?:ระดับ\s?(?:ผลการประเมิน)?\s?[\"“]?|(?<=\d\.\d\d)\s?(?:คะแนน)?\s?)"
                             rf"({alternation(rubric.old_level_words)})(?![\u0e01-\u0e4e])"),
    )



# Other assessments whose results are written like ITA announcements: a line about one of them and
# not about the ITA gives no value.
OTHER_ASSESSMENT = re.compile(r"\bLPA\b|Local Performance|ประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น|รางวัลพระปกเกล้า|"
                               r"T-?score|\bCPI\b|ดัชนีการรับรู้การทุจริต|O-NET|ความพึงพอใจ|PMQA|อันดับเครดิต|"
                               r"เรทติ้ง|มาตรฐานการ(?:ปฏิบัติ|ให้บริการ)|องค์กร(?:ส่งเสริม)?คุณธรรม|ชุมชนคุณธรรม|ศูนย์ราชการสะดวก|"
                               r"สำนักงานสีเขียว|Green Office|เลิศรัฐ|ผลสำรวจ|ผลการสำรวจ|รัฐบาลดิจิทัล|Digital Government|"
                               r"\bDGA\b|ประเมินตนเอง|ประกันคุณภาพ", re.IGNORECASE)
# "สมมุติหน่วยงาน ก ได้ …", "ตัวอย่างการคำนวณ": an example worked, not a result.
_EXAMPLE = re.compile(r"สมมุติ|สมมติ|ยกตัวอย่าง|ตัวอย่างการคำนวณ|for example|e\.g\.", re.IGNORECASE)
# "ITA" in capitals only: "digital" holds the letters too.
ITA_NAMED = re.compile(r"(?-i:ITA)|คุณธรรมและความโปร่งใส|คุณธรรม\s?-?\s?ความโปร่งใส|Integrity", re.IGNORECASE)


def about_ita(text: str, other_text: bool) -> bool:
    """Whether a line may speak of the ITA: not when it names another assessment and not the ITA, nor
    in a text headed by another assessment unless it names the ITA, nor when it works an example."""
    if _EXAMPLE.search(text):
        return False
    if ITA_NAMED.search(text):
        return True
    return not other_text and not OTHER_ASSESSMENT.search(text)
