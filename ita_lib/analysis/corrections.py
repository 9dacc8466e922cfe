"""The agency's corrections of its own text (the review file's `corrections:`, stored by `ita-report
confirm`): a span its document prints damaged ("ประ พ ลุ ต มิ ขอบ", "ผู้มีaadติดต่อ") and the words
it meant. The report prints the agency's words, so a correction is applied to them as written, every
time the span occurs, before anything else reads them; nothing is guessed."""
from __future__ import annotations

import pandas as pd

CORRECTION = "correction:"  # the stored text fact: correction:<as written> -> the corrected text
ACTION_TEXTS = ("topic", "measure", "analysis", "steps")  # the agency's words in its action rows


def correction_field(written: str) -> str:
    return CORRECTION + written


def corrections_of(confirmed: dict[str, str]) -> dict[str, str]:
    """as written -> corrected, longest first so a span inside another is replaced after it."""
    found = {field.removeprefix(CORRECTION): text for field, text in confirmed.items()
             if field.startswith(CORRECTION) and field != CORRECTION}
    return dict(sorted(found.items(), key=lambda kv: -len(kv[0])))


def corrected_text(text, fixes: dict[str, str]):
    """`text` with every span the agency corrected replaced; anything that is not text unchanged."""
    if not isinstance(text, str) or not fixes:
        return text
    for written, meant in fixes.items():
        text = text.replace(written, meant)
    return text


def corrected(frame: pd.DataFrame, columns: tuple[str, ...], fixes: dict[str, str]) -> pd.DataFrame:
    """A copy of `frame` whose text `columns` carry the agency's corrections."""
    present = [c for c in columns if c in frame.columns]
    if not fixes or frame.empty or not present:
        return frame
    frame = frame.copy()
    for column in present:
        frame[column] = frame[column].map(lambda value: corrected_text(value, fixes))
    return frame
