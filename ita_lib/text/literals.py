"""One regular expression for many literal words (names, abbreviations)."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def literal_pattern(keys: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for many literal names; the alternatives are factored into a trie because
    Python's regex engine tries a flat list of hundreds of words one by one at every position."""
    latin = [key for key in keys if re.fullmatch(r"[A-Za-z]+", key)]
    thai = [key for key in keys if key not in latin]
    parts = []
    if latin:
        parts.append(rf"(?<![A-Za-z]){_trie(latin)}(?![A-Za-z])")
    if thai:
        parts.append(_trie(thai))  # glued to a Thai word before it: the caller checks where a word starts
    return re.compile("|".join(parts)) if parts else None


def _trie(words: list[str]) -> str:
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return pattern(tree)
