"""The result levels of a year (ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน from 2566) and what their rules allow.

A level's rule comes from the rubric file (`level_rules`): the overall score (ITA) it needs, the score
it stays under, and the least score each instrument needs. The rules are likely (status L), not
quoted from an NACC manual, so a parser may use them in two ways only: to refuse a printed level that
the printed scores contradict, and to derive a level when the overall and every instrument score are
known (marked as derived). A passing level has no upper bound: "ผ่าน" printed with every instrument
at 85 or more is not refused.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ResultLevel:
    word: str  # as printed: ผ่านดี
    min_overall: float
    below: float | None = None  # the overall score it stays under (ต้องปรับปรุง: 85)
    min_each_instrument: float | None = None  # the least score of every instrument (ผ่านดี: 85)
    passed: bool = False  # a passing level: its least overall score reaches the pass mark

    @property
    def rule_text(self) -> str:
        """The rule as warnings write it: "ITA ≥ 85, each instrument ≥ 85", "ITA 70–84.99"."""
        if self.below is not None:
            overall = (f"ITA < {self.below:g}" if self.min_overall <= 0
                       else f"ITA {self.min_overall:g}–{self.below - 0.01:.2f}")
        else:
            overall = f"ITA ≥ {self.min_overall:g}"
        if self.min_each_instrument is not None:
            overall += f", each instrument ≥ {self.min_each_instrument:g}"
        return overall

    def contradiction(self, overall: float | None, instruments: dict[str, float | None]) -> str | None:
        """What in the printed scores contradicts this level ("score 80.10", "EIT 82.40"), or None."""
        if overall is not None and (overall < self.min_overall
                                    or (self.below is not None and overall >= self.below)):
            return f"score {overall:.2f}"
        if self.min_each_instrument is not None:
            under = [f"{code} {value:.2f}" for code, value in instruments.items()
                     if value is not None and value < self.min_each_instrument]
            if under:
                return ", ".join(under)
        return None

    def holds(self, overall: float, instruments: dict[str, float]) -> bool:
        return self.contradiction(overall, instruments) is None


def derive_level(levels: tuple[ResultLevel, ...], overall: float | None,
                 instruments: dict[str, float | None]) -> ResultLevel | None:
    """The best level whose rule the scores meet, only when the overall score and every instrument
    score are known (without them only pass or fail can be derived); None otherwise."""
    if overall is None or not instruments or any(value is None for value in instruments.values()):
        return None
    return next((level for level in levels if level.holds(overall, instruments)), None)
