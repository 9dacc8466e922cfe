"""Where one browser session works, under the app's folder (`--output-dir`, default outputs/app):

    sessions/<random id>/uploads/001.pdf   the files uploaded, under names the tool makes
    sessions/<random id>/ita.duckdb        the session's own store: its uploads and the agency picked
    sessions/<random id>/reports/<slug>/   the reports it built
    confirmed/<agency key>.yaml            what an agency confirmed, as a review file (kept for its next visit)

No upload's name is ever part of a path: a name is shown to its user and nothing else. Two sessions
never share a folder or a store, so neither waits for the other; the shared store (`--db`) is only
read. What an agency confirmed is the one thing sessions share, one file per agency, written whole
(atomic rename): the last confirmation wins, as `ita-report confirm` does in a store.
"""
from __future__ import annotations

import hashlib
import secrets
import unicodedata
from pathlib import Path

SESSIONS = "sessions"
CONFIRMED = "confirmed"
NAME_CHARS = 120  # of an upload's name shown back to its user


class Workspace:
    """One session's folders; created on first use."""

    def __init__(self, root: str | Path, session_id: str | None = None):
        self.root = Path(root).resolve()
        self.session_id = session_id or secrets.token_hex(8)
        if not self.session_id.isalnum():
            raise ValueError("a session id is letters and digits only")
        self.folder = self.root / SESSIONS / self.session_id
        self.uploads = self.folder / "uploads"
        self.reports = self.folder / "reports"
        self.store = self.folder / "ita.duckdb"

    def make(self) -> "Workspace":
        for folder in (self.uploads, self.reports, self.root / CONFIRMED):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def upload_path(self, number: int, suffix: str) -> Path:
        """The n-th upload's file: a number and a suffix the readers know, nothing of the user's name."""
        return self.uploads / f"{number:03d}{suffix}"

    def confirmed_file(self, agency_id: str) -> Path:
        """The agency's confirmation, by a hash of its id (ids hold Thai letters and colons)."""
        key = hashlib.sha256(agency_id.encode("utf-8")).hexdigest()[:20]
        return self.root / CONFIRMED / f"{key}.yaml"


def shown_name(name: str) -> str:
    """An upload's name as it may be shown: its last part only, no control or format characters,
    at most NAME_CHARS characters."""
    last = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(c for c in last if unicodedata.category(c)[0] != "C").strip()
    return (kept[:NAME_CHARS - 1] + "…") if len(kept) > NAME_CHARS else (kept or "ไฟล์ไม่มีชื่อ")
