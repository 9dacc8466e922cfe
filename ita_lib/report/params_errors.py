"""A params file's validation errors in the words of the file: one (line, text) per field that
failed, with what the field expects, a close key for a misspelt one and where a misplaced key belongs.

The schema's root model is passed in (ita_lib.report.params.ReportParams, whose module imports this one).
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

__all__ = ["KeyPath", "describe_errors"]

KeyPath = tuple[str | int, ...]  # a place in the document: keys and list indexes

# What a field expects, added where pydantic's own words are vague (unions, nested mappings).
_EXPECTED = {
    "years": "a list of fiscal years B.E. such as [2566, 2568], or all",
    "formats": "a list of html, pdf, docx and xlsx, such as [html, pdf]",
    "signoff": "a mapping such as {approver: {name: ..., position: ...}}",
}
_AGENCY_EXAMPLE = ": give the agency's name as printed, e.g. agency: \"องค์การบริหารส่วนตำบล...\""
# Keys that belong to another file.
_ELSEWHERE = {"aliases": "this looks like the agency aliases file (params/aliases.yaml), not report parameters"}


def describe_errors(error: ValidationError, data: Mapping[str, Any], lines: Mapping[KeyPath, int],
                    schema: type[BaseModel]) -> list[tuple[int | None, str]]:
    """One (line, text) per field that failed, in file order where lines are known."""
    problems: dict[KeyPath, tuple[int | None, str]] = {}
    field_names = set(schema.model_fields)
    for detail in error.errors():
        where = _data_path(detail["loc"], data, field_names)
        field = tuple(part for part in where if isinstance(part, str))
        if field in problems:  # a union gives one error per member: keep the first
            continue
        line = _line_of(where, lines) if where else _first_line_named(detail["msg"], field_names, lines)
        problems[field] = (line, _problem_text(detail, where, field, schema))
    return sorted(problems.values(), key=lambda item: (item[0] is None, item[0] or 0))


def _data_path(loc: tuple[str | int, ...], data: Any, field_names: set[str]) -> KeyPath:
    """pydantic's loc without union member names ('list[int]'), so it addresses the data."""
    where: list[str | int] = []
    current: Any = data
    for part in loc:
        if isinstance(current, Mapping) and (part in current or part in field_names):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str):
            continue  # a union member's name, not a place in the data
        where.append(part)
    return tuple(where)


def _line_of(where: KeyPath, lines: Mapping[KeyPath, int]) -> int | None:
    for end in range(len(where), 0, -1):
        if where[:end] in lines:
            return lines[where[:end]]
    return None


def _first_line_named(message: str, field_names: set[str], lines: Mapping[KeyPath, int]) -> int | None:
    """For an error of the whole file (urgent ≤ passing ≤ strength): the first line of a key it names."""
    named = [lines[(name,)] for name in field_names
             if (name,) in lines and re.search(rf"\b{re.escape(name)}\b", message)]
    return min(named, default=None)


def _dotted(where: KeyPath) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _problem_text(detail: dict[str, Any], where: KeyPath, field: KeyPath, schema: type[BaseModel]) -> str:
    kind, name = detail["type"], _dotted(where)
    if kind == "extra_forbidden":
        return _unknown_key_text(field, schema)
    if kind == "missing":
        return f"{name} is missing" + (_AGENCY_EXAMPLE if field == ("agency",) else "")
    message = detail["msg"].removeprefix("Value error, ")
    # Our own validators name the bad value; pydantic's messages do not.
    if not name:  # the whole file: urgent ≤ passing ≤ strength
        return message
    text = f"{name}: {message}" if kind == "value_error" else f"{name} = {detail['input']!r}: {message}"
    expected = _EXPECTED.get(field[0]) if field and len(field) == 1 else None
    return f"{text} (expected {expected})" if expected and kind != "value_error" else text


def _model_at(parent: KeyPath, schema: type[BaseModel]) -> type[BaseModel]:
    """The schema of the mapping at `parent` (("signoff", "reporter") -> Signer), for the keys it allows."""
    model = schema
    for key in parent:
        annotation = model.model_fields[key].annotation if key in model.model_fields else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return model
        model = annotation
    return model


def _unknown_key_text(field: KeyPath, schema: type[BaseModel]) -> str:
    key, parent = field[-1], field[:-1]
    allowed = list(_model_at(parent, schema).model_fields)
    where = f" in {_dotted(parent)}" if parent else ""
    text = f"unknown key {key!r}{where}"
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    if close:
        text += f"; did you mean {close[0]!r}?"
    elif not parent and key in _ELSEWHERE:
        text += f"; {_ELSEWHERE[key]}"
    return f"{text} (allowed: {', '.join(allowed)})"

