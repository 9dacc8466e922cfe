"""YAML the way people type it in params and review files: every scalar stays text (YAML 1.1 reads
0012 as the octal 10 and yes as True; the schema converts what is a number), the line of every key
is kept for error messages, and a repeated key is an error rather than the last one silently winning."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ita_lib.io.yaml_limits import NULL_TAG, STR_TAG, compose_limited, is_null, node_line

KeyPath = tuple[str | int, ...]  # a place in the document: keys and list indexes


class TextLoader(yaml.SafeLoader):
    """SafeLoader whose only implicit type is null: 0012, yes, 1.0 and 2024-01-01 all stay text."""


TextLoader.yaml_implicit_resolvers = {
    first: kept
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    if (kept := [(tag, regexp) for tag, regexp in resolvers if tag == NULL_TAG])
}


def parse_text_yaml(text: str, path: Path, error_class: type[Exception], *, needs: str,
                    example: str) -> tuple[dict[str, Any], dict[KeyPath, int]]:
    """The document as Python data (scalars as text) and the line of every key and list item;
    `needs` and `example` say what an empty or wrong file lacks (agency: "<name>")."""
    root = compose_limited(text, path, error_class, TextLoader)  # size, aliases, nesting
    loader = TextLoader("")
    try:
        if is_null(root):  # "---" alone
            raise error_class(f"the file is empty: it needs at least {needs}", path=path)
        if not isinstance(root, yaml.MappingNode):
            raise error_class(f"the file must be a mapping of key: value ({example}), not "
                              f"{_node_kind(root)}", path=path, line=node_line(root))
        lines = _node_lines(root, (), path, error_class)
        data = loader.construct_document(root)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise error_class(f"not valid YAML: {problem}", path=path,
                          line=None if mark is None else mark.line + 1) from None
    finally:
        loader.dispose()
    return data, lines


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a single value" if isinstance(node, yaml.ScalarNode) else "this"


def _node_lines(node: yaml.Node, where: KeyPath, path: Path, error_class) -> dict[KeyPath, int]:
    """Line of each key (and list item) below node; repeated or non-text keys are errors."""
    lines: dict[KeyPath, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
                raise error_class("keys must be plain names such as agency or years", path=path,
                                  line=node_line(key_node))
            key = (*where, key_node.value)
            if key in lines:
                raise error_class(f"key {key_node.value!r} is given twice", path=path, line=node_line(key_node))
            lines[key] = node_line(key_node)
            lines.update(_node_lines(value_node, key, path, error_class))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*where, index)] = node_line(item)
            lines.update(_node_lines(item, (*where, index), path, error_class))
    return lines
