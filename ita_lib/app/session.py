"""One browser session's work, without widgets: upload, read, pick an agency, see what was read,
confirm, build, download. The page (page.py) only shows what this gives and passes on what the user
typed; every refusal comes back as one Thai sentence (messages.py), and nothing the user uploaded or
confirmed is lost when a step fails: uploads stay in the session's folder, confirmations in
`confirmed/` and the session's store before any build starts.
"""
from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ita_lib.app import messages
from ita_lib.app.form import Form, review_from_answers, review_form
from ita_lib.app.workspace import Workspace, shown_name
from ita_lib.errors import ItaError, NotFinalError, StoreError
from ita_lib.io import limits
from ita_lib.io.read import SUPPORTED_SUFFIXES

MAX_UPLOADS = 20  # files in one session: an agency has a result page and an analysis or two a year
FORMATS = ("pdf", "docx", "xlsx", "html")
DOWNLOADS = {"pdf": "report.pdf", "docx": "report.docx", "xlsx": "report.xlsx", "html": "report.html"}
# What the progress bar shows for each step of a build (render.build tells them as they start).
STEPS = {"execute": "กำลังวิเคราะห์และเขียนรายงาน", "html": "กำลังทำหน้าเว็บ", "pdf": "กำลังทำไฟล์ PDF",
         "docx": "กำลังทำไฟล์ Word", "xlsx": "กำลังทำไฟล์ Excel", "write": "กำลังบันทึกไฟล์"}


@dataclass(frozen=True)
class Upload:
    name: str  # as shown to the user
    path: Path | None  # None: refused
    message: str  # one Thai sentence: what became of it


@dataclass(frozen=True)
class Reading:
    """One value as read: what it is, its value, and the document line it came from."""
    label: str
    value: str
    file: str
    line: int | None
    text: str  # the line as the document has it


@dataclass
class Built:
    files: dict[str, Path] = field(default_factory=dict)  # format → the file
    draft: bool = True
    message: str = ""


class AppSession:
    """A browser session: its workspace, the agency it works on, what it built."""

    def __init__(self, root: str | Path, *, shared_db: str | Path | None = None, digits: str = "thai",
                 session_id: str | None = None):
        self.workspace = Workspace(root, session_id).make()
        self.shared_db = Path(shared_db) if shared_db else None
        self.digits = digits
        self.uploads: list[Upload] = []
        self._read: set[Path] = set()
        self._names: dict[str, str] = {}  # stored path → the name the user gave it
        self.agency_id: str | None = None
        self.built: Built | None = None
        self._digests: set[str] = set()  # of the uploads kept: the same file sent twice is said once
        self._loaded: tuple[tuple, object] | None = None  # (what it was loaded from, the analysis)

    # ---- documents in ------------------------------------------------------------------------

    def add_upload(self, name: str, data: bytes) -> Upload:
        """Keep one uploaded file, or refuse it with one sentence; its name never becomes a path."""
        shown = shown_name(name)
        suffix = Path(shown).suffix.lower()
        saved = [u for u in self.uploads if u.path is not None]
        if len(saved) >= MAX_UPLOADS:
            return self._add(Upload(shown, None, messages.too_many(MAX_UPLOADS)))
        if suffix not in SUPPORTED_SUFFIXES:
            return self._add(Upload(shown, None, messages.not_a_document(shown)))
        if len(data) > limits.MAX_FILE_BYTES:
            return self._add(Upload(shown, None, messages.too_large(shown, len(data), limits.MAX_FILE_BYTES)))
        digest = hashlib.sha256(data).hexdigest()
        if digest in self._digests:
            return self._add(Upload(shown, None, messages.already_sent(shown)))
        path = self.workspace.upload_path(len(saved) + 1, suffix)
        try:
            from ita_lib.files import atomic_write

            atomic_write(path, data)
        except (ItaError, OSError):
            return self._add(Upload(shown, None, messages.no_space(shown)))
        self._names[str(path)] = shown
        self._digests.add(digest)
        return self._add(Upload(shown, path, f"รับไฟล์ {shown} แล้ว"))

    def _add(self, upload: Upload) -> Upload:
        self.uploads.append(upload)
        return upload

    def read_uploads(self) -> list[str]:
        """Read the uploads not read yet into the session's store; one Thai sentence per file that
        gave nothing, and the agencies found."""
        from ita_lib.store.ingest import ingest

        new = [u.path for u in self.uploads if u.path is not None and u.path not in self._read]
        if not new:
            return []
        result = ingest(new, db=self.workspace.store, aliases=None, workers=1)
        self._read.update(new)
        said = [messages.unreadable(self._shown(path), reason) for path, reason in (*result.failed, *result.not_ita)]
        agencies = self.agencies()
        if agencies.empty:
            said.append(messages.NO_AGENCY)
        elif len(agencies) == 1:
            self.agency_id = agencies["agency_id"].iloc[0]
        return said

    def agencies(self) -> pd.DataFrame:
        """The agencies the session's store holds: agency_id, name, district, province, years."""
        from ita_lib.store.db import Store

        if not self.workspace.store.exists():
            return pd.DataFrame(columns=["agency_id", "name", "district", "province", "years"])
        with Store(self.workspace.store, read_only=True) as store:
            return store.agencies()[["agency_id", "name", "district", "province", "years"]]

    def search(self, text: str, limit: int = 20) -> pd.DataFrame:
        """Agencies of the shared store whose name or any spelling seen holds `text`, compared as
        the store compares names (a tier's short form spelt out, spaces, dots and dashes ignored);
        StoreError with a Thai reason when there is no store."""
        from ita_lib.store.db import Store
        from ita_lib.store.names import name_key

        if self.shared_db is None or not self.shared_db.is_file():
            raise StoreError(messages.NO_STORE, path=self.shared_db)
        wanted = name_key(text.strip())
        with Store(self.shared_db, read_only=True) as store:
            agencies = store.agencies()
        if not wanted:
            return agencies.head(0)[["agency_id", "name", "district", "province", "years"]]

        def spelt(row) -> bool:
            aliases = row["aliases"] if isinstance(row["aliases"], list) else []
            return any(wanted in name_key(name) for name in (row["name"], *aliases))

        hits = agencies[agencies.apply(spelt, axis=1)] if len(agencies) else agencies
        return hits.head(limit)[["agency_id", "name", "district", "province", "years"]]

    def take_from_store(self, agency_id: str) -> None:
        """Copy one agency's records from the shared store into the session's: the session then
        works on its own copy, and nothing it confirms or builds touches the shared store."""
        from ita_lib.app.copy_agency import copy_agency

        copy_agency(self.shared_db, self.workspace.store, agency_id)
        self.agency_id = agency_id

    # ---- what was read ---------------------------------------------------------------------

    def analysis(self):
        """The chosen agency's analysis from the session's store (with what it confirmed), loaded
        again only when the agency or the store file changed: one page shows it four ways."""
        from ita_lib.analysis import load

        state = self.workspace.store.stat()
        key = (self.agency_id, state.st_mtime_ns, state.st_size)
        if self._loaded is None or self._loaded[0] != key:
            self._loaded = (key, load(self.agency_id, self.workspace.store, config={"digits": self.digits}))
        return self._loaded[1]

    def apply_saved_confirmation(self) -> bool:
        """What the agency confirmed on an earlier visit, into this session's store; True if any."""
        from ita_lib.review.confirm import confirm

        saved = self.workspace.confirmed_file(self.agency_id)
        if not saved.is_file():
            return False
        try:
            confirm(saved, db=self.workspace.store)
        except ItaError:
            return False  # an older year's or another store's: the form starts empty, the file stays
        return True

    def readings(self) -> list[Reading]:
        """Every value of the latest year as read, with its document line."""
        from ita_lib.analysis.numbers import digits, fmt
        from ita_lib.store.db import Store

        analysis = self.analysis()
        with Store(self.workspace.store, read_only=True) as store:
            facts = store.facts([self.agency_id])
        facts = facts[(facts["fiscal_year"] == analysis.latest_year) & (facts["kind"] != "confirmed")]
        config = analysis.config
        lines: dict[str, dict[int, str]] = {}
        out = []
        facts = facts.sort_values(["path", "line"], na_position="last", kind="stable")
        for row in facts.itertuples(index=False):
            if row.field in ("overall_score_computed", "passed"):
                continue
            value = fmt(row.number, config) if pd.notna(row.number) else str(row.text)
            line = int(row.line) if pd.notna(row.line) else None
            if row.path not in lines:
                lines[row.path] = _document_lines(row.path)
            out.append(Reading(digits(_label(row.field, config), config), value, self._shown(row.path), line,
                               lines[row.path].get(line, "") if line else ""))
        return out

    def warnings(self) -> list[str]:
        """The parse warnings of the latest year, in Thai, with the file and line."""
        from ita_lib.analysis.labels import warning_th
        from ita_lib.analysis.numbers import fmt
        from ita_lib.store.db import Store

        analysis = self.analysis()
        with Store(self.workspace.store, read_only=True) as store:
            rows = store.rows_of_records("warnings", store.record_ids(self.agency_id, [analysis.latest_year]))
        return [f"{warning_th(row.code)} ({self._shown(row.path)}"
                + (f" บรรทัด {fmt(int(row.line), analysis.config, None)})" if pd.notna(row.line) else ")")
                for row in rows.itertuples(index=False)]

    def form(self) -> Form:
        analysis = self.analysis()
        return review_form(analysis, _signers(analysis))

    # ---- confirm and build ----------------------------------------------------------------------

    def open_items(self) -> tuple[tuple[str, str, str], ...]:
        """What the agency's report still lacks, as its build will say: (what, why, found)."""
        from ita_lib.report.checklist import report_items, signers_of

        analysis = self.analysis()
        return report_items(analysis, signers_of(analysis))

    def confirm(self, answers: dict[str, str]) -> tuple[tuple[str, str, str], ...]:
        """Check the answers (FormErrors, in Thai), save them as the agency's review file and confirm
        them into the session's store; returns what is still open."""
        from ita_lib.files import atomic_write
        from ita_lib.review.confirm import confirm
        from ita_lib.review.write import review_text

        analysis = self.analysis()
        signers = _signers(analysis)  # read from the documents once, for the form and the file
        review = review_from_answers(review_form(analysis, signers), answers)
        text = review_text(analysis, review, signers)
        saved = self.workspace.confirmed_file(self.agency_id)
        atomic_write(saved, text)
        if review.gives_anything():
            confirm(saved, db=self.workspace.store)
        return self.open_items()

    def build(self, formats: tuple[str, ...], audience: str = "agency",
              progress: Callable[[str], None] | None = None) -> Built:
        """Build the chosen agency's report into the session's folder; a failure is one Thai
        sentence in Built.message, and the confirmed values stay where they are."""
        from ita_lib.errors import OutputError
        from ita_lib.report.render import build

        formats = tuple(f for f in FORMATS if f in formats) or ("pdf",)
        analysis = self.analysis()
        params = {"agency": analysis.agency["name"], "agency_id": self.agency_id, "db": str(self.workspace.store),
                  "output_dir": str(self.workspace.reports), "formats": list(formats), "digits": self.digits,
                  "audience": audience}
        try:
            result = build(params, progress=(lambda step: progress(STEPS[step])) if progress else None)
        except NotFinalError:
            return Built(message=messages.NOT_FINAL)
        except OutputError:
            return Built(message=messages.DISK_FULL)
        except OSError as error:
            return Built(message=messages.DISK_FULL if error.errno == 28 else messages.BUILD_FAILED)
        except Exception:  # noqa: BLE001 - a failed build costs this build only; the page goes on
            return Built(message=messages.BUILD_FAILED)
        files = {kind: result.outputs[kind] for kind in formats if kind in result.outputs}
        self.built = Built(files, draft="checklist" in result.outputs,
                           message=messages.NOT_FINAL if "checklist" in result.outputs else "")
        return self.built

    def zip_of_reports(self) -> bytes:
        """Every built file in one zip, under its plain name."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for kind, path in (self.built.files.items() if self.built else ()):
                archive.write(path, DOWNLOADS[kind])
        return buffer.getvalue()

    def first_page_png(self, width: int = 600) -> bytes | None:
        """The PDF's first page as a picture (poppler's pdftoppm), or None when there is no PDF or
        no pdftoppm on this machine."""
        pdf = self.built.files.get("pdf") if self.built else None
        tool = shutil.which("pdftoppm")
        if pdf is None or tool is None:
            return None
        try:
            done = subprocess.run([tool, "-png", "-f", "1", "-l", "1", "-scale-to-x", str(width), "-scale-to-y", "-1",
                                   str(pdf)], capture_output=True, timeout=60, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout or None

    def _shown(self, path: str | Path) -> str:
        return self._names.get(str(path)) or Path(str(path)).name


def _label(field: str, config) -> str:
    """A field as a reader names it; an instrument or its part by the rubric's Thai name."""
    from ita_lib.analysis.labels import field_th
    from ita_lib.app.form import score_label

    if field == "limitations":
        return "ข้อจำกัดของหน่วยงาน (ข้อความ)"
    if field.startswith("instrument:"):
        try:
            return score_label(field, config)
        except KeyError:  # an instrument the rubric does not know: its code
            pass
    return field_th(field)


def _signers(analysis) -> list:
    """The people the latest year's documents name under their signatures (review.signers)."""
    from ita_lib.review.signers import signers_in_files

    return signers_in_files(analysis.sources[analysis.sources["fiscal_year"] == analysis.latest_year]["path"])


def _document_lines(path: str) -> dict[int, str]:
    """line number → text of a stored document, as the parser read it (empty when it is gone)."""
    from ita_lib.io.read import read_document

    try:
        return {line.number: line.text for line in read_document(path).lines}
    except (ItaError, OSError):
        return {}
