"""What a report depends on, and whether its folder is current: each report folder holds build.json
with the hash of everything the report depends on (notebook, template, ita_lib version, parameters,
the agency's and its peers' rows in the store). An unchanged agency is skipped."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ita_lib import __version__, rubric
from ita_lib.batch.jobs import Job
from ita_lib.report.html_export import TEMPLATES
from ita_lib.report.render import NOTEBOOK
from ita_lib.report.writer import STAMP
from ita_lib.store.db import Store

FORMAT_FILES = {"html": "report.html", "pdf": "report.pdf", "docx": "report.docx", "xlsx": "report.xlsx"}


def digest(*parts: bytes | str) -> str:
    """sha256 of the parts, each ended by a NUL so that ("ab", "c") and ("a", "bc") differ."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8") if isinstance(part, str) else part)
        hashed.update(b"\0")
    return hashed.hexdigest()


def code_hash(notebook: Path = NOTEBOOK) -> str:
    """ita_lib's version and source, the notebook, the template and the rubric in use (ITA_RUBRIC):
    a change to any rebuilds all."""
    package = Path(__file__).resolve().parents[1]  # all of ita_lib, not only this package
    files = sorted(package.rglob("*.py")) + sorted((package / "data").glob("*")) + sorted(TEMPLATES.rglob("*"))
    return digest(__version__, Path(notebook).read_bytes(), rubric.source_text(),  # ITA_RUBRIC's rules too
                  *(f"{p.relative_to(package)}:{p.read_bytes().hex()}" for p in files if p.is_file()))


def data_hashes(db: str | Path) -> dict[str, str]:
    """Per agency: a hash of its own rows (facts, recommendations, actions, warnings, sources) and of
    its peers' facts (same type and province), all in a few queries over the whole store."""
    with Store(db, read_only=True) as store:
        own = store.agency_content_hashes()
        groups = store.peer_groups()
    own_hash = dict(zip(own["agency_id"], own["own"]))
    by_group: dict[str, list[str]] = {}
    for agency_id, group in zip(groups["agency_id"], groups["peer_group"]):
        by_group.setdefault(group, []).append(own_hash.get(agency_id, ""))
    group_hash = {group: digest(*sorted(hashes)) for group, hashes in by_group.items()}
    return {agency_id: digest(own_hash.get(agency_id, ""), group_hash[group])
            for agency_id, group in zip(groups["agency_id"], groups["peer_group"])}


def job_hash(job: Job, code: str, data: dict[str, str]) -> str:
    params = {k: v for k, v in sorted(job.params.items()) if k not in ("db", "output_dir")}
    return digest(code, json.dumps(params, ensure_ascii=False, sort_keys=True, default=str),
                  data.get(job.agency_id or "", ""))


def read_stamp(folder: Path) -> dict | None:
    """The folder's build.json, or None when it is missing, unreadable or not a JSON object."""
    try:
        recorded = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return recorded if isinstance(recorded, dict) else None


def is_current(folder: Path, input_hash: str, formats: list[str]) -> bool:
    """True when the folder holds a complete report built from `input_hash`, in every format asked for."""
    recorded = read_stamp(folder)
    return (recorded is not None and recorded.get("input_hash") == input_hash
            and all((folder / FORMAT_FILES[f]).exists() for f in formats)
            and (folder / "data.json").exists())


def built_for(folder: Path, job: Job) -> bool:
    """True when the folder's stamp says it holds this very agency's report (name and id)."""
    recorded = read_stamp(folder) or {}
    return recorded.get("agency_id") == job.agency_id and recorded.get("agency") == job.agency


def stamp_of(job: Job) -> dict:
    """What build.json records of a job; the build adds the files it wrote and writes it last, so
    the report beside it is complete and built from job.input_hash."""
    return {"input_hash": job.input_hash, "agency": job.agency, "agency_id": job.agency_id}
