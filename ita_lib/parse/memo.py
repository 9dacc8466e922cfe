"""Readings of a line kept for one parse.

Each reader of a document (the list reader, the sentence reader, the year finder) and each version
of it (rows promoted, wrapped values joined) reads the same lines again. A reading is kept while one
document is parsed and dropped when it ends, so that no document is parsed faster for having been
parsed before (a benchmark's later rounds included) and memory does not grow with a batch.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

_MEMO: ContextVar[dict | None] = ContextVar("ita_parse_memo", default=None)


def per_parse(func):
    """Remember func's result for the same arguments (hashable) while a parse is open."""
    @wraps(func)
    def wrapper(*args):
        memo = _MEMO.get()
        if memo is None:
            return func(*args)
        key = (func, args)
        if key not in memo:
            memo[key] = func(*args)
        return memo[key]
    return wrapper


@contextmanager
def parse_memo():
    """Open a parse's memo (a parse inside a parse shares the outer one)."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def same_if_unchanged(lines: list, out: list) -> list:
    """`lines` itself when `out` replaced none of its lines, so that what was read per list of lines
    (`per_document`) is found again rather than read again."""
    if len(out) == len(lines) and all(a is b for a, b in zip(out, lines)):
        return lines
    return out
