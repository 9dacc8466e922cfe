"""The one spelling of a score's key from the store to the report: `overall_score`, `instrument:IIT`
(an instrument's part: `instrument:EIT_part1`), `indicator:3`, `item:O13`.

The parse contract's `source.lines` spell a field `indicators.3` (the JSON path in a record);
`from_contract` turns that into the key the store and every analysis table use.
"""
from __future__ import annotations

OVERALL = "overall_score"
OVERALL_CODE = "ITA"  # how the overall is named beside the instrument codes (a chart's legend, peers)
_CONTRACT_GROUPS = {"indicators": "indicator", "instruments": "instrument", "items": "item"}


def indicator(number: int | str) -> str:
    return f"indicator:{number}"


def instrument(code: str) -> str:
    return f"instrument:{code}"


def item(code: str) -> str:
    return f"item:{code}"


def code_of(field: str) -> str:
    """What follows the group: `indicator:3` → "3", `instrument:IIT` → "IIT", the overall → "ITA"."""
    return OVERALL_CODE if field == OVERALL else field.partition(":")[2] or field


def to_contract(field: str) -> str:
    """The parse contract's name of a key: `indicator:3` → `indicators.3` (a record's source lines)."""
    group, _, key = field.partition(":")
    return f"{group}s.{key}" if key else field


def from_contract(contract_field: str) -> str:
    """The key of a field of the parse contract: `indicators.3` → `indicator:3`."""
    group, _, key = contract_field.partition(".")
    if not key:
        return group
    return _CONTRACT_GROUPS.get(group, group) + ":" + key
