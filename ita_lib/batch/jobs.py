"""Which agencies a batch builds: one Job per agency, from the store, a province, targets on the
command line or a list in a file; each agency once. Missing values (NaN, None, pd.NA) from the store
leave pandas as None (`none_if_missing`): the manifest, index and overview sort and print text, and
NaN is neither."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ita_lib.errors import ItaError, UsageError
from ita_lib.io.edited_text import read_edited_text
from ita_lib.io.user_file import read_user_text
from ita_lib.report.html import none_if_missing
from ita_lib.report.params import load_params
from ita_lib.store.db import Store

# What a file named by an option may weigh: a national agency list is ~1 MB (8,300 lines), a report
# notebook ~100 KB.
MAX_OPTION_FILE_BYTES = {"--agencies": 10_000_000, "--notebook": 20_000_000}


@dataclass
class Job:
    """One agency to build: plain data, so it crosses process and dask boundaries."""

    agency: str
    agency_id: str | None = None
    province: str | None = None
    params: dict = field(default_factory=dict)  # ReportParams fields
    input_hash: str | None = None
    slug: str | None = None
    problem: str | None = None  # set when the target itself is unusable (corrupt params, unknown agency)


@dataclass
class Outcome:
    """What became of one job: a row of the manifest."""

    agency: str
    agency_id: str | None
    province: str | None
    slug: str | None
    status: str  # built | skipped | failed
    seconds: float = 0.0
    error: str = ""
    input_hash: str = ""
    outputs: str = ""  # ;-separated file names

    @classmethod
    def failed(cls, job: Job, error: str) -> Outcome:
        return cls(job.agency, job.agency_id, job.province, job.slug, "failed", error=error,
                   input_hash=job.input_hash or "")


def select_jobs(db: str | Path, *, agencies_file: str | Path | None = None, province: str | None = None,
                everything: bool = False, targets: list[str] | None = None,
                defaults: dict | None = None) -> list[Job]:
    """Jobs for every agency of a province, of the store, given as targets (names, agency ids or
    params .yaml files) or listed in a file (one target per line; blank lines and # comments
    skipped). Exactly one of the four must be given."""
    given = sum(bool(x) for x in (agencies_file, province, everything, targets))
    if given != 1:
        raise UsageError("say which agencies, one way: targets, --agencies FILE, --province or --all", path="batch")
    defaults = dict(defaults or {}, db=str(db))
    with Store(db, read_only=True) as store:
        agencies = store.agency_list()
        if everything:
            chosen = agencies
        elif province is not None:
            chosen = agencies[agencies["province"] == province]
            if chosen.empty:
                raise ItaError(f"no agency of province {province!r} in the store", path=db)
        elif targets:
            index = store.agency_index()
            return [_job_from_line(index, target, defaults, Path.cwd() / "-") for target in targets]
        else:
            index = store.agency_index()  # read once: a national list has thousands of lines
            return [_job_from_line(index, line, defaults, agencies_file) for line in _target_lines(agencies_file)]
    return [job_for_row(row.name, row.agency_id, row.province, dict(defaults))
            for row in chosen.itertuples(index=False)]


def job_for_row(name, agency_id, province, params: dict) -> Job:
    """A job for a store row: its missing values as None, never NaN."""
    name, agency_id, province = (none_if_missing(value) for value in (name, agency_id, province))
    if not (name and str(name).strip()):  # a store written before nameless rows were refused
        return Job(agency=str(agency_id or "?"), agency_id=agency_id, province=province, params=dict(params),
                   problem=f"{agency_id}: an agency without a name in the store (from a row without an agency "
                           "name); ingest its documents again into a new store")
    return Job(agency=name, agency_id=agency_id, province=province,
               params=dict(params, agency=name, agency_id=agency_id))


def read_option_file(path: str | Path, option: str) -> str:
    """The text of a file an option names (ita_lib.io.user_file: a regular file, its size checked
    before reading), or UsageError saying in one line why it cannot be read."""
    return read_user_text(path, MAX_OPTION_FILE_BYTES.get(option, 10_000_000), UsageError, f"{option}: ")


def check_notebook(path: str | Path, option: str = "--notebook") -> Path:
    """A report notebook given as an option, known to be a readable Jupyter notebook (UsageError if not)."""
    text = read_option_file(path, option)
    try:
        nbformat.reads(text, as_version=4)
    except Exception as error:  # noqa: BLE001 - nbformat raises JSON, schema and version errors alike
        raise UsageError(f"{option}: not a Jupyter notebook ({type(error).__name__})", path=path) from None
    return Path(path).resolve()


def _target_lines(path: str | Path) -> list[str]:
    lines = []
    # Saved by an editor, maybe Excel's "Unicode text" (UTF-16) or a Thai Windows' ANSI (cp874).
    for raw in read_edited_text(path, MAX_OPTION_FILE_BYTES["--agencies"], UsageError, "--agencies: ").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.strip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


def _job_from_line(index, line: str, defaults: dict, listed_in) -> Job:
    try:
        if line.lower().endswith((".yaml", ".yml")):
            path = Path(line) if Path(line).is_absolute() else Path(listed_in).parent / line
            # The command line's options win over the file's values, as in `build`.
            params = {**load_params(path if path.exists() else Path(line)).model_dump(), **defaults}
            found = index.find(params.get("agency_id") or params["agency"], province=params.get("province"))
        else:
            found = index.find(line)
            params = dict(defaults)
    except ItaError as error:
        return Job(agency=line, params=dict(defaults), problem=str(error))
    return job_for_row(found["name"], found["agency_id"], found["province"], params)


def once_per_agency(jobs: list[Job]) -> tuple[list[Job], list[str]]:
    """The jobs with each agency once (the first target naming it wins), and a note for each target
    left out: two spellings or two params files of one agency would otherwise build into the same
    folder at the same time, a report mixing both, and list it twice in the manifest and index."""
    first: dict[str, Job] = {}
    kept, notes = [], []
    for job in jobs:
        earlier = first.get(job.agency_id) if job.agency_id and not job.problem else None
        if earlier is None:
            if job.agency_id and not job.problem:
                first[job.agency_id] = job
            kept.append(job)
        else:
            notes.append(f"{job.agency_id}: named twice; built once, with the first target's parameters")
    return kept, notes
