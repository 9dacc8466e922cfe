"""Build one agency's report: the one orchestrator. It resolves the agency in the store once, runs
the notebook with papermill, takes what the notebook published (ita_lib.report.publish), exports
each format asked for through the registry (ita_lib.report.exporters) and hands every file to the
report's folder (ita_lib.report.writer), which writes each atomically.

Outputs go to <output_dir>/<slug>/: report.ipynb (executed, kept for audit), report.html,
report.pdf, report.docx, report.xlsx (as asked), data.json (the analysis tables) and plan.csv (the
action-plan draft, for Excel).
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ita_lib.errors import NotebookCellError, NotFinalError, ReportBuildError
from ita_lib.files import atomic_write, scratch_folder
from ita_lib.report.execute import execute
from ita_lib.report.exporters import Export, exporter
from ita_lib.report.publish import read_published
from ita_lib.report.writer import STAMP, ReportFolder

# nbconvert (html_export) and pandas are imported when first used: `build` starts the kernel first,
# and importing them here would hold the kernel's start back by half a second.

# The notebooks: notebooks/ of the source tree (editable install), else the copy a wheel carries.
_SOURCE_NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = (_SOURCE_NOTEBOOKS if (_SOURCE_NOTEBOOKS / "agency_report.ipynb").is_file()
             else Path(__file__).resolve().parent / "notebooks")
NOTEBOOK = NOTEBOOKS / "agency_report.ipynb"
# The made-up example documents: examples/ of the source tree, else the wheel's copy.
EXAMPLES = (_SOURCE_NOTEBOOKS.parent / "examples" if (_SOURCE_NOTEBOOKS / "agency_report.ipynb").is_file()
            else Path(__file__).resolve().parent / "examples")
OVERVIEW_NOTEBOOK = NOTEBOOK.parent / "province_overview.ipynb"
OVERVIEW_PAGE = "province_overview.html"


@dataclass
class BuildResult:
    agency: str
    slug: str
    outputs: dict[str, Path] = field(default_factory=dict)  # kind -> path
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds



def build_parameters(params, *, name: str, agency_id: str, db: Path, formats: tuple[str, ...]) -> dict:
    """The notebook's parameters for one agency's build: the store found the agency, and nothing is
    ingested (the benchmarks run the same cells with these)."""
    parameters = {**params.notebook_parameters(), "agency": name, "agency_id": agency_id, "db": str(db),
                  "documents": None, "formats": list(formats)}
    parameters.pop("output_dir", None)  # the notebook writes nothing: the build does
    return parameters


def _resolve(params) -> tuple[str, str]:
    """The agency's name and id, found once; years without a result said before any kernel starts."""
    from ita_lib.analysis import check_years
    from ita_lib.store.db import Store

    with Store(Path(params.db).resolve(), read_only=True) as store:
        found = store.find_agency(params.agency_id or params.agency, province=params.province)
        check_years(store, found, None if params.years == "all" else list(params.years))
    return found["name"], found["agency_id"]


def build(params, *, formats: tuple[str, ...] | None = None, notebook: Path = NOTEBOOK, km=None,
          execution_timeout: float | None = None, slug: str | None = None,
          stamp: dict | None = None, final: bool = False,
          progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build one agency's report from ReportParams (or a dict of its fields). `slug`: the report's
    folder name when the caller knows it (a batch does), else made here. `stamp`: what build.json
    records (a batch's: what the report was built from); the build adds the files and writes it last.
    An agency's report with something still to confirm is a draft (marked on every page, with
    checklist.html beside it); `final` refuses it with NotFinalError instead. `progress` is told
    each step as it starts: "execute", then each format, then "write"."""
    import nbformat

    from ita_lib.report.params import ReportParams
    from ita_lib.store.slugs import agency_slug

    if isinstance(params, dict):
        params = ReportParams(**params)
    formats = tuple(formats or params.formats)
    name, agency_id = _resolve(params)
    output_dir = Path(params.output_dir).resolve()
    folder = ReportFolder(output_dir, slug or agency_slug(name, agency_id))
    parameters = build_parameters(params, name=name, agency_id=agency_id, db=Path(params.db).resolve(),
                                  formats=formats)
    result = BuildResult(agency=name, slug=folder.slug)
    started = time.perf_counter()
    output_dir.mkdir(parents=True, exist_ok=True)
    with scratch_folder(output_dir) as scratch:
        executed = scratch / "report.ipynb"
        warming = _warm_up_while_the_kernel_works(formats)
        _tell(progress, "execute")
        try:
            execute(parameters, executed, notebook=notebook, subject=f"agency {name}", km=km,
                    execution_timeout=execution_timeout)
        except NotebookCellError as error:  # only a failing cell leaves a notebook worth keeping
            warming.join()
            if executed.exists():  # kept for audit, with the error visible
                folder.write({"report.ipynb": executed.read_bytes()})
            raise type(error)(f"{error.reason}; the executed notebook is {folder.path / 'report.ipynb'}",
                              path=error.path) from None
        warming.join()  # not on Ctrl-C or a deadline: the thread is a daemon and ends by itself
        files: dict[str, bytes | str] = {"report.ipynb": executed.read_bytes()}
    result.seconds["execute"] = time.perf_counter() - started
    export = _export(nbformat.reads(files["report.ipynb"].decode("utf-8"), as_version=4), notebook, name,
                     params.digits, folder.path)
    document = export.published.document
    if document.draft and (final or params.final):
        count = len(document.open_items)
        raise NotFinalError(f"agency {name}: not final, {count} item{'s' if count > 1 else ''} to confirm "
                            f"({_listed(document.open_items)}); run: ita-report review \"{name}\"",
                            path=folder.path)
    if document.draft:
        from ita_lib.report.checklist import checklist_html

        files[CHECKLIST] = checklist_html(document.agency, document.open_items, f'ita-report review "{name}"',
                                          params.digits)
    else:
        folder.remove(CHECKLIST)  # an earlier draft's
    files.update(data_files(export))
    for kind in formats:
        _tell(progress, kind)
        started = time.perf_counter()
        files.update(exporter(kind)(export))
        result.seconds[kind] = time.perf_counter() - started
    if stamp is not None:
        files[STAMP] = json.dumps({**stamp, "outputs": sorted(files)}, ensure_ascii=False, indent=1)
    _tell(progress, "write")
    written = folder.write(files)
    result.outputs = {_KINDS.get(file_name, file_name): path for file_name, path in written.items()}
    return result


CHECKLIST = "checklist.html"


def _tell(progress: Callable[[str], None] | None, step: str) -> None:
    if progress is not None:
        progress(step)


def _listed(items, shown: int = 4) -> str:
    names = [what for what, _, _ in items]
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


_KINDS = {"checklist.html": "checklist", "report.ipynb": "ipynb", "report.html": "html", "report.pdf": "pdf",
          "report.docx": "docx", "report.xlsx": "xlsx", "data.json": "data", "plan.csv": "plan", "build.json": "stamp"}


def _export(executed, notebook: Path, name: str, digits: str, folder: Path) -> Export:
    published = read_published(executed)
    if published is None or published.data_json is None:
        raise ReportBuildError(f"agency {name}: the notebook published no report (its last cell must call "
                               "Report.publish)", path=notebook)
    return Export(notebook=executed, published=published, digits=digits, folder=folder)


def data_files(export: Export) -> dict[str, str]:
    """Beside every report, whatever its formats: the analysis tables and the plan for Excel."""
    return {"data.json": export.published.data_json, "plan.csv": export.published.plan_csv}


_WARM: set[str] = set()  # what this process has already warmed up


def _warm_up_while_the_kernel_works(formats: tuple[str, ...]):
    """A thread that imports and first-uses what follows the notebook (the HTML exporter, WeasyPrint
    and its fonts) while this process only waits for the kernel: on a cold `build` it hides about a
    second on a second core. Later builds in the same process find it all warm. Its errors are left
    for the steps themselves to report."""
    import threading

    # Imported here, before the thread: papermill (this thread) and nbconvert (that one) share
    # jupyter_client and nbformat, and two threads importing a package with circular imports fail.
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401

    def warm() -> None:
        from ita_lib.report.html_export import html_exporter
        from ita_lib.report.pdf import warm_up

        try:
            if "html" not in _WARM:
                html_exporter()
                _WARM.add("html")
            if "pdf" in formats and "pdf" not in _WARM:
                warm_up()
                _WARM.add("pdf")
        except Exception:  # noqa: BLE001 - the real step reports it, with its context
            pass

    thread = threading.Thread(target=warm, name="ita-warm-up", daemon=True)
    thread.start()
    return thread


def build_overview(output_dir: str | Path, *, province: str | None = None, digits: str = "thai",
                   thresholds: dict | None = None, in_store: int | None = None,
                   notebook: Path = OVERVIEW_NOTEBOOK, km=None) -> Path:
    """Run the province overview notebook on a batch's outputs and write province_overview.html
    next to its index (HTML only: it is a page to browse, one per batch)."""
    import nbformat

    from ita_lib.report.html_export import notebook_to_html
    from ita_lib.report.line_breaks import keep_whole
    from ita_lib.report.overview import agency_names

    output_dir = Path(output_dir).resolve()
    parameters = {"output_dir": str(output_dir), "province": province, "digits": digits, "in_store": in_store,
                  **(thresholds or {})}
    title = "ภาพรวมผลการประเมิน ITA" + (f" จังหวัด{province}" if province else "")
    output_dir.mkdir(parents=True, exist_ok=True)
    with scratch_folder(output_dir) as scratch:
        executed = scratch / "province_overview.ipynb"
        execute(parameters, executed, notebook=notebook, subject="province overview", km=km)
        run = nbformat.read(str(executed), as_version=4)
        keep_whole(agency_names(output_dir))
        page = notebook_to_html(run, title=title, digits=digits, published=read_published(run), word_breaks=True)
    path = output_dir / OVERVIEW_PAGE
    atomic_write(path, page)
    return path
