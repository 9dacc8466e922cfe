"""Filling a generated review file as an agency would: each answer replaces what its line holds,
before the line's comment."""
from __future__ import annotations

import json
import re


def answered(text: str, answers: dict) -> str:
    """`answers`: scores {field: value}, causes {indicator field: text}, corrections {as written: meant},
    result, name, district, province, confirmed_by,
    confirmed_on, report_date and signers {role: (name, position)}."""
    def put(key: str, value, indent: str = "") -> None:
        nonlocal text
        line = f"{indent}{key}: " + (f'"{value}"' if isinstance(value, str) else f"{value}") + " "
        text, count = re.subn(rf"\n{re.escape(indent + key)}:[^\n#]*", lambda _: "\n" + line, text, count=1)
        if not count:  # a score the review does not ask for (printed already): added under scores
            text = text.replace("\nscores: {}", "\nscores:").replace("\nscores:", f"\nscores:\n{line}", 1)

    for key, value in answers.get("scores", {}).items():
        put(key, value, "  ")
    if answers.get("causes"):  # under causes:, after the scores' keys of the same names
        head, _, tail = text.partition("\ncauses:")
        for key, value in answers["causes"].items():
            tail = re.sub(rf"\n  {re.escape(key)}:[^\n#]*", lambda _: f'\n  {key}: "{value}" ', tail, count=1)
        text = head + "\ncauses:" + tail
    for written, meant in answers.get("corrections", {}).items():  # keys quoted as the review writes them
        key = json.dumps(written, ensure_ascii=False)
        text, count = re.subn(rf"\n  {re.escape(key)}:[^\n]*", lambda _: f'\n  {key}: "{meant}"', text, count=1)
        assert count, f"the review file does not ask about {written!r}"
    for key in ("result", "name", "district", "province", "confirmed_by", "confirmed_on", "report_date"):
        if answers.get(key) is not None:
            put(key, answers[key])
    for role, (name, position) in answers.get("signers", {}).items():
        text = re.sub(rf"(\n  {role}:[^\n]*(?:\n    #[^\n]*)*)\n    name:[^\n]*\n    position:[^\n]*",
                      lambda match: f'{match.group(1)}\n    name: "{name}"\n    position: "{position}"', text)
    return text
