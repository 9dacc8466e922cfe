"""Thresholds the analysis uses; every one can be changed per call or per params file. Declared
once: a params file's ReportParams inherits them as top-level keys (the notebook's parameters),
AnalysisConfig adds the digits."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Scores run from 0 to 100: a threshold outside them sorts nothing and breaks the charts' scales.
    strength: float = Field(95.0, ge=0, le=100, allow_inf_nan=False,
                            description="a score at or above this is a strength")
    passing: float = Field(85.0, ge=0, le=100, allow_inf_nan=False, description=(
        "below it an indicator is a weakness (whether the ITA result passed is the rubric's own pass mark)"))
    urgent: float = Field(75.0, ge=0, le=100, allow_inf_nan=False, description="below this a weakness is urgent")
    trend_threshold: float = Field(1.0, ge=0, le=100, allow_inf_nan=False,
                                   description="points per year below which a trend is stable")
    across_eras: bool = Field(False, description="compare years across an era break")
    measures_per_indicator: int = Field(
        3, ge=0, le=20, description="knowledge-base measures per urgent indicator (one for other weak ones)")

    @model_validator(mode="after")
    def _ordered(self):
        if not self.urgent <= self.passing <= self.strength:
            raise ValueError(f"must satisfy urgent ≤ passing ≤ strength, got urgent {self.urgent}, "
                             f"passing {self.passing}, strength {self.strength}")
        return self

    def analysis_config(self, digits: Literal["thai", "arabic"] = "thai") -> "AnalysisConfig":
        return AnalysisConfig(**self.model_dump(), digits=digits)


class AnalysisConfig(Thresholds):
    digits: Literal["thai", "arabic"] = "thai"
