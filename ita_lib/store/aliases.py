"""Aliases file (``params/aliases.yaml``, edited by hand)::

    # canonical name: list of other spellings; optional province/district to scope it
    aliases:
      - name: องค์การบริหารส่วนตำบลหนองบัวทอง
        province: นครราชสีมา        # optional
        district: โชคชัย            # optional
        also: [อบต.หนองบัวทองใต้, องค์การบริหารส่วนตำบลหนองบัวทอง(เดิม)]

Spellings are compared by ``name_key`` (abbreviations, spacing and PDF damage do not matter).
A scoped entry applies to records in that province/district, and to records that give none (they
take the entry's location). A missing file means no aliases; a malformed one raises
``AliasFileError`` with the file, the line and the reason.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ita_lib.errors import AliasFileError

from ita_lib.store.names import location_key, clean_name, name_key
from ita_lib.io.yaml_limits import compose_limited, is_null, node_line, read_yaml_text

# ---------------------------------------------------------------- aliases

@dataclass(frozen=True)
class AliasEntry:
    name: str  # canonical name, cleaned
    also: tuple[str, ...]  # other spellings, cleaned
    province: str | None  # location keys
    district: str | None
    line: int | None = None  # line of the entry in the file


def _scopes_overlap(a: AliasEntry, b: AliasEntry) -> bool:
    return all(x is None or y is None or x == y for x, y in ((a.province, b.province), (a.district, b.district)))


class Aliases:
    """Alias entries indexed by the name key of each listed spelling."""

    def __init__(self, entries: Iterable[AliasEntry] = (), *, path: str | Path | None = None):
        self.entries: tuple[AliasEntry, ...] = tuple(entries)
        self.path = None if path is None else str(path)
        self._by_spelling: dict[str, list[AliasEntry]] = defaultdict(list)
        canonical_keys: dict[str, list[AliasEntry]] = defaultdict(list)
        for entry in self.entries:
            canonical_keys[name_key(entry.name)].append(entry)
        for entry in self.entries:
            for spelling in entry.also:
                key = name_key(spelling)
                if key == name_key(entry.name):
                    continue  # the canonical spelling itself: already exact
                self._check_conflicts(entry, spelling, key, canonical_keys)
                self._by_spelling[key].append(entry)

    def _check_conflicts(self, entry: AliasEntry, spelling: str, key: str,
                         canonical_keys: dict[str, list[AliasEntry]]) -> None:
        for other in self._by_spelling.get(key, ()):
            same_scope = (other.province, other.district) == (entry.province, entry.district)
            if same_scope and name_key(other.name) != name_key(entry.name):
                raise AliasFileError(f"{spelling} is listed for both {other.name} (line {other.line}) "
                                     f"and {entry.name}", path=self.path, line=entry.line)
        for target in canonical_keys.get(key, ()):
            if _scopes_overlap(target, entry):
                # A -> B and B -> C would make the answer depend on how far we follow: say so instead.
                raise AliasFileError(f"{spelling} is listed as another spelling of {entry.name} but is "
                                     f"itself the canonical name of the entry on line {target.line}",
                                     path=self.path, line=entry.line)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Aliases({len(self.entries)} entries, path={self.path!r})"

    def lookup(self, full_name: str, province: str = "", district: str = "") -> AliasEntry | None:
        """The entry listing full_name (any spelling) whose scope fits the province and district
        given as location keys ("" = unknown); the most specific entry wins, and a tie between two
        canonical names gives None (we do not guess)."""
        candidates = [entry for entry in self._by_spelling.get(name_key(full_name), ())
                      if _fits(entry.province, province) and _fits(entry.district, district)]
        if not candidates:
            return None
        best = max(_specificity(entry) for entry in candidates)
        chosen = {name_key(e.name): e for e in candidates if _specificity(e) == best}
        return next(iter(chosen.values())) if len(chosen) == 1 else None


def _fits(scope: str | None, value: str) -> bool:
    return scope is None or not value or scope == value


def _specificity(entry: AliasEntry) -> int:
    return (entry.province is not None) + (entry.district is not None)


_ENTRY_KEYS = ("name", "province", "district", "also")


def load_aliases(path: str | Path) -> Aliases:
    """Read params/aliases.yaml (format in the module docstring); a missing file gives no aliases."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return Aliases(path=path)
    text = read_yaml_text(path, AliasFileError, "aliases file: ")

    root = compose_limited(text, path, AliasFileError)  # size, aliases, nesting; errors with the line
    return Aliases(_read_entries(root, path), path=path)


def _mapping(node: yaml.Node, allowed: tuple[str, ...], what: str, path: Path) -> dict[str, yaml.Node]:
    """A YAML mapping as {key: value node}; unknown or repeated keys are errors."""
    if not isinstance(node, yaml.MappingNode):
        raise AliasFileError(f"{what} must be a mapping", path=path, line=node_line(node))
    found: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in allowed:
            raise AliasFileError(f"unknown key {key!r} in {what} (allowed: {', '.join(allowed)})",
                                 path=path, line=node_line(key_node))
        if key in found:
            raise AliasFileError(f"key {key!r} given twice in {what}", path=path, line=node_line(key_node))
        found[key] = value_node
    return found


def _text(node: yaml.Node | None, what: str, path: Path, *, required: bool) -> str | None:
    """A scalar as text (raw, so YAML 1.1 never turns a name into a bool or number)."""
    if is_null(node):
        if required:
            raise AliasFileError(f"{what} is missing", path=path, line=None if node is None else node_line(node))
        return None
    if not isinstance(node, yaml.ScalarNode):
        raise AliasFileError(f"{what} must be a single name", path=path, line=node_line(node))
    value = clean_name(node.value)
    if not value:
        raise AliasFileError(f"{what} is empty", path=path, line=node_line(node))
    return value


def _read_entries(root: yaml.Node | None, path: Path) -> list[AliasEntry]:
    if root is None:  # empty file or comments only
        return []
    top = _mapping(root, ("aliases",), "the file", path)
    listing = top.get("aliases")
    if is_null(listing):
        return []
    if not isinstance(listing, yaml.SequenceNode):
        raise AliasFileError("aliases must be a list of entries (- name: ...)", path=path, line=node_line(listing))
    return [_read_entry(node, path) for node in listing.value]


def _read_entry(node: yaml.Node, path: Path) -> AliasEntry:
    fields = _mapping(node, _ENTRY_KEYS, "an alias entry", path)
    if "name" not in fields:
        raise AliasFileError("alias entry has no name", path=path, line=node_line(node))
    name = _text(fields["name"], "name", path, required=True)
    province = _text(fields.get("province"), "province", path, required=False)
    district = _text(fields.get("district"), "district", path, required=False)
    also_node = fields.get("also")
    if also_node is None:
        raise AliasFileError(f"alias entry {name} has no 'also' list", path=path, line=node_line(node))
    if not isinstance(also_node, yaml.SequenceNode):
        raise AliasFileError("also must be a list of spellings, e.g. [อบต.หนองบัวทองใต้]",
                             path=path, line=node_line(also_node))
    also = tuple(_text(item, "a spelling in also", path, required=True) for item in also_node.value)
    return AliasEntry(name, also, location_key(province) or None, location_key(district) or None,
                      node_line(node))


