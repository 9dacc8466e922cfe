"""The analysis as plain JSON data (data.json next to each report): the same tables the report
shows, deterministic (no build time), so two builds of the same inputs give the same file."""
from __future__ import annotations

import json

import pandas as pd

TABLES = ("years", "scores", "yoy", "trends", "priorities", "consistency", "plan", "peers", "sources")


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records", force_ascii=False)) if not frame.empty else []


def analysis_json(analysis) -> dict:
    data = {"agency": {k: (None if v is None else str(v)) for k, v in analysis.agency.items()},
            "config": analysis.config.model_dump(),
            "narrative": analysis.narrative.sections}
    for name in TABLES:
        data[name] = _records(getattr(analysis, name))
    return data
