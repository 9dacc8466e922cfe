"""The rows one parsed document adds to the store's tables (pure: runs in parse workers, without
DuckDB), and the names those rows use for records and fields."""
from __future__ import annotations

import json
from dataclasses import dataclass

from ita_lib import fields
from ita_lib.model import Assessment
from ita_lib.store.schema import COLUMNS, SCALAR_FACTS


def record_id(sha256: str, index: int) -> str:
    return f"{sha256[:16]}-{index:04d}"


@dataclass
class Rows:
    """Table rows of many parsed documents, ready for one bulk insert."""

    tables: dict[str, list[tuple]]

    @classmethod
    def empty(cls) -> "Rows":
        return cls({name: [] for name in COLUMNS})

    def extend(self, other: "Rows") -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)

    def __len__(self) -> int:
        return len(self.tables["sources"])


def document_rows(sha256: str, path: str, fmt: str, records: list[Assessment], note: str | None) -> Rows:
    """All rows one document contributes (pure: runs in parse workers)."""
    rows = Rows.empty()
    rows.tables["sources"].append((sha256, path, fmt, len(records), note))
    for index, record in enumerate(records):
        _add_record(rows.tables, record_id(sha256, index), index, record)
    return rows


def _add_record(tables: dict[str, list[tuple]], rid: str, index: int, record: Assessment) -> None:
    lines = record.source.lines
    tables["records"].append((rid, record.source.sha256, index, record.source.kind, record.agency,
                              record.agency_type, record.district, record.province, record.fiscal_year,
                              lines.get("agency"), lines.get("fiscal_year")))
    facts = tables["facts"]
    for name, is_number in SCALAR_FACTS:
        value = getattr(record, name)
        if value is None or (name == "result" and record.result_derived):  # derived: not the document's
            continue
        if name == "passed":
            if record.passed_derived:
                continue  # computed from the score, not given by the document
            value = "true" if record.passed else "false"
        facts.append((rid, name, float(value) if is_number else None, None if is_number else str(value),
                      lines.get(name), False))
    for number, score in record.indicators.items():
        if score is not None:
            facts.append((rid, fields.indicator(number), score, None, lines.get(f"indicators.{number}"), False))
    for code, score in record.instruments.items():
        if score is not None:
            facts.append((rid, fields.instrument(code), score, None, lines.get(f"instruments.{code}"), False))
    for code, score in record.items.items():
        facts.append((rid, fields.item(code), score, None, lines.get(f"items.{code}"), False))
    for other in record.other_values:
        facts.append((rid, fields.from_contract(other.field), other.value, other.context, other.line, True))
    for position, rec in enumerate(record.recommendations):
        tables["recommendations"].append((rid, position, rec.instrument, rec.indicator, rec.text, rec.line))
    for position, action in enumerate(record.actions):
        tables["actions"].append((rid, position, action.indicator, action.topic, action.measure,
                                  action.analysis, json.dumps(action.steps, ensure_ascii=False),
                                  action.period, action.responsible, action.score, action.line))
    for position, warning in enumerate(record.warnings):
        tables["warnings"].append((rid, position, warning.code, warning.message, warning.line))

