"""Thresholds the analysis uses; every one can be changed per call or per params file."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class AnalysisConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    strength: float = Field(95.0, description="a score at or above this is a strength")
    passing: float = Field(85.0, description="the pass mark; below it is a weakness")
    urgent: float = Field(75.0, description="below this a weakness is urgent")
    trend_threshold: float = Field(1.0, ge=0, description="points per year below which a trend is stable")
    across_eras: bool = Field(False, description="compare years across an era break")
    digits: Literal["thai", "arabic"] = "thai"
    measures_per_indicator: int = Field(
        3, ge=0, description="knowledge-base measures per urgent indicator (one for other weak ones)")

    @model_validator(mode="after")
    def _ordered(self) -> "AnalysisConfig":
        if not self.urgent <= self.passing <= self.strength:
            raise ValueError("thresholds must satisfy urgent ≤ passing ≤ strength")
        return self
