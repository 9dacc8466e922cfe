"""Collect one record's values with the line each came from, then build a validated Assessment."""
from __future__ import annotations

from dataclasses import dataclass, field

from ita_lib.parse.agency import AgencyName
from ita_lib.io.document import Document
from ita_lib.model import ActionRow, Assessment, OtherValue, ParseWarning, Recommendation, Source, instrument_scores
from ita_lib.parse.validate import validate


@dataclass
class RecordBuilder:
    document: Document
    kind: str
    values: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    indicators: dict[int, float] = field(default_factory=dict)
    instruments: dict[str, float] = field(default_factory=dict)
    items: dict[str, float] = field(default_factory=dict)
    recommendations: list[Recommendation] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    other_values: list[OtherValue] = field(default_factory=list)

    def set(self, name: str, value, line: int | None) -> None:
        """Set a top-level field once; a later different value is a warning, never an overwrite."""
        if value is None:
            return
        if name in self.values and self.values[name] != value:
            self.warn("conflicting_values",
                      f"{name}: {self.values[name]} (line {self.lines.get(name)}) and {value} "
                      f"(line {line}); kept the first", line)
            return
        if name not in self.values:
            self.values[name] = value
            if line is not None:
                self.lines[name] = line

    def set_agency(self, agency: AgencyName | None) -> None:
        if agency is None:
            return
        self.set("agency", agency.name, agency.line)
        self.set("agency_type", agency.agency_type, agency.line)
        self.set("district", agency.district, agency.line)
        self.set("province", agency.province, agency.line)

    def set_indicator(self, number: int, score: float, line: int | None, *, what: str = "",
                      context: str | None = None) -> None:
        """First value wins; a different later value is a conflict naming both lines, and kept as
        an OtherValue (`context`: a code for where it was printed, e.g. "action_plan")."""
        if number in self.indicators:
            old = self.indicators[number]
            if abs(old - score) > 0.005:
                old_line = self.lines.get(f"indicators.{number}")
                self.warn("conflicting_scores",
                          f"indicator {number}: {old:.2f} (line {old_line}) and {score:.2f} "
                          f"(line {line}{', ' + what if what else ''}); kept {old:.2f}", line)
                self.other_values.append(OtherValue(field=f"indicators.{number}", value=score, line=line,
                                                    context=context))
            return
        self.indicators[number] = score
        if line is not None:
            self.lines[f"indicators.{number}"] = line

    def set_instrument(self, code: str, score: float, line: int | None) -> None:
        if code not in self.instruments:
            self.instruments[code] = score
            if line is not None:
                self.lines[f"instruments.{code}"] = line

    def set_item(self, code: str, score: float, line: int | None) -> None:
        if code in self.items and abs(self.items[code] - score) > 0.005:
            self.warn("conflicting_scores", f"item {code}: {self.items[code]} and {score} (line {line})",
                      line)
            self.other_values.append(OtherValue(field=f"items.{code}", value=score, line=line))
            return
        self.items.setdefault(code, score)
        if line is not None:
            self.lines.setdefault(f"items.{code}", line)

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        if not any(w.code == code and w.message == message for w in self.warnings):
            self.warnings.append(ParseWarning(code=code, message=message, line=line))

    def has_content(self) -> bool:
        return bool(self.indicators or "overall_score" in self.values or self.instruments
                    or "grade" in self.values or "result" in self.values)

    def build(self) -> Assessment:
        record = Assessment(
            **{k: v for k, v in self.values.items()},
            instruments=instrument_scores(self.instruments),
            indicators={str(n): self.indicators[n] for n in sorted(self.indicators)},
            items=dict(sorted(self.items.items(), key=lambda kv: (kv[0][0], int(kv[0][1:])))),
            recommendations=self.recommendations,
            actions=self.actions,
            warnings=list(self.warnings),
            other_values=list(self.other_values),
            source=Source(path=self.document.path, sha256=self.document.sha256, kind=self.kind,
                          format=self.document.format, lines=dict(self.lines)),
        )
        return validate(record)
