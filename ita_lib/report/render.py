"""Build one agency's report: execute the notebook with papermill, export HTML with nbconvert's
exporter and the offline Thai template, print the PDF with WeasyPrint, all in this process.

Outputs go to <output_dir>/<slug>/: report.ipynb (executed, kept for audit), report.html,
report.pdf, report.docx (the page as a Word document), data.json (the analysis tables), plan.csv
(the action-plan draft, for Excel) and report.xlsx (written by the notebook, report.save_data). Each
is written under a temporary name and renamed, so an interrupted build never leaves a half-written
report.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ita_lib import __version__
from ita_lib.errors import ReportBuildError, UsageError
from ita_lib.files import atomic_write, own_folder, scratch_folder
from ita_lib.report.execute import execute

# The notebooks: notebooks/ of the source tree (editable install), else the copy a wheel carries.
_SOURCE_NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = (_SOURCE_NOTEBOOKS if (_SOURCE_NOTEBOOKS / "agency_report.ipynb").is_file()
             else Path(__file__).resolve().parent / "notebooks")
NOTEBOOK = NOTEBOOKS / "agency_report.ipynb"
OVERVIEW_NOTEBOOK = NOTEBOOK.parent / "province_overview.ipynb"
OVERVIEW_PAGE = "province_overview.html"
TEMPLATES = Path(__file__).resolve().parent / "templates"
REMOVED_TAGS = {"injected-parameters", "parameters", "remove_cell"}
FORMATS = ("html", "pdf", "docx", "xlsx")  # xlsx is written by the notebook (report.save_data)


@dataclass
class BuildResult:
    agency: str
    slug: str
    outputs: dict[str, Path] = field(default_factory=dict)  # kind -> path
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds


def check_formats(text: str) -> list[str]:
    """The formats of a --format option ("html,pdf"), in order, once each; a wrong one stops the
    command before any work (UsageError), instead of failing every report."""
    formats = list(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    choices = ", ".join(FORMATS)
    if not formats:
        raise UsageError(f"no format given (choose from {choices})", path="--format")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r} (choose from {choices})", path="--format")
    return formats


def _css(digits: str = "thai") -> str:
    from ita_lib.report.colours import LEVEL_COLOURS

    css = resources.files("ita_lib").joinpath("report/templates/ita_report/report.css").read_text(encoding="utf-8")
    levels = "\n".join(f"td.level-{level} {{ background: {colour}; color: {_text_on(colour)}; }}"
                       for level, colour in LEVEL_COLOURS.items())
    css = css.replace("/*LEVEL_COLOURS*/", levels)
    if digits == "thai":  # page numbers and the contents' numbers in the report's own digits
        css = (css.replace("counter(page)", "counter(page, thai)").replace("counter(pages)", "counter(pages, thai)")
               .replace("target-counter(attr(href), page)", "target-counter(attr(href), page, thai)")
               + "\nnav.toc ol { list-style-type: thai; }\n")
    return css


def _text_on(colour: str) -> str:
    """Black or white text, whichever reads better on a hex background."""
    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def to_html(executed: Path, *, title: str, digits: str = "thai") -> str:
    """The executed notebook as the offline report page: code, prompts and parameter cells hidden,
    Thai font embedded, a table of contents built from the section headings."""
    import nbformat

    from ita_lib.report.fonts import find_thai_font, font_face_css

    notebook = nbformat.read(str(executed), as_version=4)
    ita = {"title": title, "css": _css(digits), "font_css": font_face_css(find_thai_font()), "version": __version__}
    body, _ = _html_exporter().from_notebook_node(notebook, resources={"ita": ita})
    return add_table_of_contents(body)


@lru_cache(maxsize=1)
def _html_exporter():
    """One exporter per process: building it compiles the page's templates (~0.1 s a report)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TemplateExporter.exclude_input = True
    config.TemplateExporter.exclude_input_prompt = True
    config.TemplateExporter.exclude_output_prompt = True
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = REMOVED_TAGS
    return HTMLExporter(config=config, template_name="ita_report", extra_template_basedirs=[str(TEMPLATES)])


def add_table_of_contents(page: str) -> str:
    """Number the section headings and put a linked table of contents after the title block."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    headings = soup.select("section.report-section > h2")
    if not headings:
        return page
    nav = soup.new_tag("nav", attrs={"class": "toc"})
    title = soup.new_tag("h2")
    title.string = "สารบัญ"
    nav.append(title)
    items = soup.new_tag("ol")
    for number, heading in enumerate(headings, start=1):
        anchor = f"section-{number}"
        heading["id"] = anchor
        item = soup.new_tag("li")
        link = soup.new_tag("a", href=f"#{anchor}")
        link.string = heading.get_text()
        item.append(link)
        items.append(item)
    nav.append(items)
    header = soup.select_one("header.report-title")
    (header.insert_after if header else headings[0].insert_before)(nav)
    return str(soup)


def to_pdf(page: str, base: Path) -> bytes:
    """A4 PDF of the report page (page numbers and the running agency name come from its CSS)."""
    from weasyprint import HTML

    from ita_lib.report.fonts import find_thai_font, font_face_css
    from ita_lib.report.pdf import actual_text

    font = find_thai_font()
    # The same font, read from its file: WeasyPrint parses the page's base64 copy far more slowly.
    page = page.replace(font_face_css(font), font_face_css(font, embed=False), 1)
    with actual_text():  # Thai copies and extracts as written (sara am, tone marks)
        return HTML(string=page, base_url=str(base)).write_pdf()


def build_parameters(params, *, name: str, agency_id: str, db: Path, output_dir: Path, slug: str) -> dict:
    """The notebook's parameters for one agency's build: the store found the agency, the build named
    its folder, and nothing is ingested (the benchmarks run the same cells with these)."""
    return {**params.notebook_parameters(), "agency": name, "agency_id": agency_id, "db": str(db),
            "output_dir": str(output_dir), "documents": None, "folder": slug}


def build(params, *, formats: tuple[str, ...] | None = None, notebook: Path = NOTEBOOK, km=None,
          execution_timeout: float | None = None, slug: str | None = None) -> BuildResult:
    """Build one agency's report from ReportParams (or a dict of its fields). The notebook writes
    data.json and plan.csv itself (report.save_data), from the analysis it shows. `slug`: the
    report's folder name when the caller knows it (a batch does), else made here."""
    from ita_lib.report.params import ReportParams, agency_slug
    from ita_lib.analysis import check_years
    from ita_lib.store.db import Store

    if isinstance(params, dict):
        params = ReportParams(**params)
    formats = tuple(formats or params.formats)
    db = Path(params.db).resolve()
    with Store(db, read_only=True) as store:
        found = store.find_agency(params.agency_id or params.agency, province=params.province)
        check_years(store, found, None if params.years == "all" else list(params.years))  # before a kernel runs
    name, agency_id = found["name"], found["agency_id"]
    output_dir = Path(params.output_dir).resolve()
    # Named here, once, while the kernel starts: the notebook is given the name (`folder`) rather
    # than romanizing the agency's name again, which costs a fresh kernel ~0.8 s.
    slug = slug or agency_slug(name, agency_id)
    folder = own_folder(output_dir, slug)  # never a link out of the output folder
    parameters = build_parameters(params, name=name, agency_id=agency_id, db=db, output_dir=output_dir, slug=slug)

    started = time.perf_counter()
    output_dir.mkdir(parents=True, exist_ok=True)
    with scratch_folder(output_dir) as scratch:
        executed = scratch / "report.ipynb"
        warming = _warm_up_while_the_kernel_works(formats, params.digits)
        try:
            execute(parameters, executed, notebook=notebook, subject=f"agency {name}", km=km,
                    execution_timeout=execution_timeout)
        except ReportBuildError as error:
            warming.join()
            if executed.exists():  # kept for audit, with the error visible
                atomic_write(folder / "report.ipynb", executed.read_bytes())
            raise ReportBuildError(f"{error.reason}; the executed notebook is {folder / 'report.ipynb'}",
                                   path=error.path) from None
        warming.join()  # not on Ctrl-C or a deadline: the thread is a daemon and ends by itself
        result = BuildResult(agency=name, slug=slug)
        atomic_write(folder / "report.ipynb", executed.read_bytes())
        result.outputs["ipynb"] = folder / "report.ipynb"
        result.seconds["execute"] = time.perf_counter() - started
        title = f"รายงานผลการประเมิน ITA {name}"
        started = time.perf_counter()
        page = to_html(executed, title=title, digits=params.digits)
        result.seconds["html"] = time.perf_counter() - started
        if "html" in formats:
            atomic_write(folder / "report.html", page)
            result.outputs["html"] = folder / "report.html"
        if "pdf" in formats:
            started = time.perf_counter()
            atomic_write(folder / "report.pdf", to_pdf(page, folder))
            result.seconds["pdf"] = time.perf_counter() - started
            result.outputs["pdf"] = folder / "report.pdf"
        if "docx" in formats:  # the same page as a Word document, for agencies to edit and sign
            from ita_lib.report.word import html_to_docx

            started = time.perf_counter()
            atomic_write(folder / "report.docx", html_to_docx(page, digits=params.digits))
            result.seconds["docx"] = time.perf_counter() - started
            result.outputs["docx"] = folder / "report.docx"
    if not (folder / "data.json").exists():  # another notebook that does not call report.save_data
        from ita_lib.report.sections import prepare_analysis, save_data

        save_data(prepare_analysis(name, db=db, agency_id=agency_id, years=params.years,
                                   config=params.analysis_config()), folder.parent, list(formats), slug,
                  params.audience)
    result.outputs["data"] = folder / "data.json"
    result.outputs["plan"] = folder / "plan.csv"
    if "xlsx" in formats and (folder / "report.xlsx").exists():
        result.outputs["xlsx"] = folder / "report.xlsx"
    return result


_WARM: set[str] = set()  # what this process has already warmed up


def _warm_up_while_the_kernel_works(formats: tuple[str, ...], digits: str):
    """A thread that imports and first-uses what follows the notebook (the HTML exporter, the page
    CSS, WeasyPrint and its fonts) while this process only waits for the kernel: on a cold `build`
    it hides about a second on a second core. Later builds in the same process find it all warm.
    Its errors are left for the steps themselves to report."""
    import threading

    # Imported here, before the thread: papermill (this thread) and nbconvert (that one) share
    # jupyter_client and nbformat, and two threads importing a package with circular imports fail.
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401

    def warm() -> None:
        try:
            if "html" not in _WARM:
                _html_exporter()
                _css(digits)
                _WARM.add("html")
            if "pdf" in formats and "pdf" not in _WARM:
                _warm_pdf()
                _WARM.add("pdf")
        except Exception:  # noqa: BLE001 - the real step reports it, with its context
            pass

    thread = threading.Thread(target=warm, name="ita-warm-up", daemon=True)
    thread.start()
    return thread


def _warm_pdf() -> None:
    """Lay out a line of Thai once: WeasyPrint's first PDF loads fontconfig and the Thai font. In
    memory, and without the ActualText pass, which patches WeasyPrint for the whole process and
    must stay with the report's own PDF."""
    from weasyprint import HTML

    from ita_lib.report.fonts import font_face_css

    HTML(string=f"<html><head><style>{font_face_css(embed=False)} body {{ font-family: var(--ita-thai-font); }}"
                "</style></head><body><p>ตำบล ๑๒๓</p></body></html>").write_pdf()


def build_overview(output_dir: str | Path, *, province: str | None = None, digits: str = "thai",
                   thresholds: dict | None = None, in_store: int | None = None,
                   notebook: Path = OVERVIEW_NOTEBOOK, km=None) -> Path:
    """Run the province overview notebook on a batch's outputs and write province_overview.html
    next to its index (HTML only: it is a page to browse, one per batch)."""
    output_dir = Path(output_dir).resolve()
    parameters = {"output_dir": str(output_dir), "province": province, "digits": digits, "in_store": in_store,
                  **(thresholds or {})}
    title = "ภาพรวมผลการประเมิน ITA" + (f" จังหวัด{province}" if province else "")
    output_dir.mkdir(parents=True, exist_ok=True)
    with scratch_folder(output_dir) as scratch:
        executed = scratch / "province_overview.ipynb"
        execute(parameters, executed, notebook=notebook, subject="province overview", km=km)
        page = to_html(executed, title=title, digits=digits)
    path = output_dir / OVERVIEW_PAGE
    atomic_write(path, page)
    return path
