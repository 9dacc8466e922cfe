"""The people an agency's own documents name under their signatures, proposed in the review file.

An analysis document ends with its sign-off: "(ลงชื่อ) ผู้รายงานข้อมูล", the name in brackets,
the position on the next line; an announcement ends with its head's name and position alone. The
proposals are questions for the agency (a name may be damaged by PDF extraction, a person may have
left), never answers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ita_lib.errors import ItaError

ROLE_WORDS = {"reporter": "ผู้รายงาน", "certifier": "ผู้รับรอง", "approver": "ผู้เห็นชอบ"}
# A person as printed under a signature: a title, then the name, in brackets.
_TITLES = r"นางสาว|นาง|นาย|ว่าที่|ดร\.|ร\.ต\.|พ\.ต\.|จ\.ส\.อ\.|ส\.อ\.|พ\.จ\.อ\."
_PERSON = re.compile(rf"^\(\s*((?:{_TITLES})\s*[^()]{{2,60}}?)\s*\)$")
_HEADS = ("นายก", "ผู้อำนวยการ", "อธิบดี", "เลขาธิการ", "ผู้ว่าราชการ")  # who approves when no role is printed
_LOOK_BACK = 4  # lines between a role word and the name in brackets
_POSITION_MAX = 90  # characters: a longer line is text, not a position


@dataclass(frozen=True)
class Found:
    role: str
    name: str
    position: str | None
    line: int
    path: str


def signers_in(lines: list[tuple[int, str]], path: str = "") -> list[Found]:
    """(line number, text) of one document → the people it names under signatures, by role."""
    found: dict[str, Found] = {}
    texts = [text.strip() for _, text in lines]
    for index, text in enumerate(texts):
        person = _PERSON.match(text)
        if person is None:
            continue
        position = next((t for t in texts[index + 1:index + 3] if t), None)
        if position is not None and (len(position) > _POSITION_MAX or position.startswith("(")):
            position = None
        role = _role_before(texts, index) or (
            "approver" if position and position.startswith(_HEADS) else None)
        if role is not None and role not in found:
            found[role] = Found(role, " ".join(person.group(1).split()), position, lines[index][0], path)
    return list(found.values())


def _role_before(texts: list[str], index: int) -> str | None:
    for text in reversed(texts[max(0, index - _LOOK_BACK):index]):
        for role, word in ROLE_WORDS.items():
            if word in text:
                return role
        if _PERSON.match(text):
            return None  # the role words above belong to someone else
    return None


def signers_in_files(paths) -> list[Found]:
    """The people the documents name, the first document's first; a document no longer where it
    was ingested from, or unreadable now, is passed over (the review only proposes)."""
    from ita_lib.io.read import read_document

    found: dict[str, Found] = {}
    for path in paths:
        if not Path(path).is_file():
            continue
        try:
            document = read_document(path)
        except (ItaError, OSError):
            continue
        for person in signers_in([(line.number, line.text) for line in document.lines], str(path)):
            found.setdefault(person.role, person)
    return list(found.values())
