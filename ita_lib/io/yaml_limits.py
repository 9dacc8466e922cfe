"""Read a hand-written YAML file (report params, agency aliases) within limits.

Both files are short and written by people, so these limits cost nothing and stop a bad file from
stalling or exhausting the machine:

- size: at most MAX_YAML_CHARS characters;
- no aliases (``*name``): an alias repeats the node its anchor (``&name``) marks, so nested aliases
  ("billion laughs") make a few hundred bytes stand for billions of nodes once the document is
  walked (a 1 KB file took > 60 s and 2.9 GB before this check). Nothing in these files needs them;
- nesting at most MAX_YAML_DEPTH levels: PyYAML composes recursively, so ``[[[[...`` deep enough
  ends in a RecursionError instead of a message.

Every refusal, and every YAML syntax error, is an ``error_class`` naming the file and the line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

__all__ = ["MAX_YAML_BYTES", "MAX_YAML_CHARS", "MAX_YAML_DEPTH", "NULL_TAG", "STR_TAG", "compose_limited",
           "is_null", "load_limited", "node_line", "read_yaml_text"]

NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"


def node_line(node: yaml.Node) -> int:
    """The 1-based line a composed node starts on, for messages that name it."""
    return node.start_mark.line + 1


def is_null(node: yaml.Node | None) -> bool:
    """An absent value or one written as null / ~ / nothing."""
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG)

# An aliases entry is ~150 characters, so this allows ~6,000 entries (Thailand has ~7,800 local
# agencies, few of them misspelt); a params file is < 1,000 characters.
MAX_YAML_CHARS = 1_000_000
# Checked from the file's size before reading: UTF-8 takes at most 4 bytes a character.
MAX_YAML_BYTES = 4 * MAX_YAML_CHARS
MAX_YAML_DEPTH = 50  # params and aliases files nest 3-4 levels; 50 stays far from Python's recursion limit

_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def compose_limited(text: str, path: str | Path | None, error_class: type[Exception],
                    loader: type = yaml.SafeLoader) -> yaml.Node | None:
    """The composed root node of *text* (None for an empty document), as ``yaml.compose`` gives it,
    after checking the limits above; problems raise ``error_class(reason, path=, line=)``."""
    if len(text) > MAX_YAML_CHARS:
        raise error_class(f"file too large for a hand-written YAML file: {len(text):,} characters "
                          f"(the limit is {MAX_YAML_CHARS:,})", path=path)
    try:
        _check_events(text, path, error_class, loader)
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise error_class(f"not valid YAML: {problem}", path=path,
                          line=None if mark is None else mark.line + 1) from None


def _check_events(text: str, path, error_class, loader) -> None:
    """Refuse aliases and deep nesting from the event stream, before any node is built."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise error_class(f"YAML aliases (*{event.anchor}) are not allowed in this file: write the "
                              "value out in full", path=path, line=event.start_mark.line + 1)
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise error_class(f"nested more than {MAX_YAML_DEPTH} levels deep", path=path,
                                  line=event.start_mark.line + 1)
        elif isinstance(event, _CLOSES):
            depth -= 1


def read_yaml_text(path: str | Path, error_class: type[Exception], what: str = "") -> str:
    """The text of a hand-written YAML file, read by the one reader of user files (a regular file,
    its size checked before reading: never a FIFO, /dev/zero or a sparse giant read whole)."""
    from ita_lib.io.user_file import read_user_text

    return read_user_text(path, MAX_YAML_BYTES, error_class, what)


def load_limited(text: str, path: str | Path | None, error_class: type[Exception]):
    """yaml.safe_load of *text* after the same limits as compose_limited."""
    compose_limited(text, path, error_class)
    return yaml.safe_load(text)
