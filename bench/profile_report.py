"""Where one report's time goes: stage by stage, and inside the big stages, as a table.

    .venv/bin/python bench/profile_report.py [--rounds 3] [--db STORE --agency NAME]

Without --db it makes a small seeded dataset (bench/make_dataset.py: 5 years, analysis documents)
in a scratch folder, ingests it (not timed) and profiles the agency with the most years and sources.

What is measured, in this one process, after one warm-up report (imports, fonts, caches):
- the notebook's cells run as plain Python (no kernel), every `report.*` section and `plots.*`
  chart timed on its own (a chart apart from its PNG encoding, `figure`), and every store read;
- HTML export (nbconvert) and the table of contents; PDF in WeasyPrint's stages: HTML and CSS
  parsing, layout, drawing with the ActualText pass, drawing without it (the pass's cost is the
  difference), font subsetting, PDF serialisation; Word (DOCX) and report.xlsx;
- the real notebook through papermill in one warm kernel: wall time and the kernel's own cell
  times (from the executed notebook's metadata), so the per-cell overhead shows;
- cold start: `python -X importtime` of what one `build` imports, and one `ita-report build`.

Prints per stage the mean wall and CPU milliseconds per report and its share of the floor (the
report's work without the kernel). CPU time is this process's; machines are noisy, so read the
shares. The README's "Benchmark" section keeps the latest table.
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from notebook_floor import notebook_cells, run_cells, write_executed

ROOT = Path(__file__).resolve().parents[1]


class Stages:
    """Inclusive wall and CPU seconds per labelled stage, with the stage each first ran inside."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = defaultdict(list)
        self.cpu: dict[str, list[float]] = defaultdict(list)
        self.parent: dict[str, str | None] = {}
        self.order: list[str] = []
        self._stack: list[str] = []
        self.recording = True

    def timed(self, label: str):
        stages = self

        class _Timer:
            def __enter__(self):
                stages.parent.setdefault(label, stages._stack[-1] if stages._stack else None)
                if label not in stages.order:
                    stages.order.append(label)
                stages._stack.append(label)
                self.t0, self.c0 = time.perf_counter(), time.process_time()

            def __exit__(self, *exc):
                stages._stack.pop()
                if stages.recording:
                    stages.wall[label].append(time.perf_counter() - self.t0)
                    stages.cpu[label].append(time.process_time() - self.c0)

        return _Timer()

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            with self.timed(label):
                return original(*args, **kwargs)

        setattr(owner, name, timed)

    def add(self, label: str, seconds: float, parent: str | None) -> None:
        self.parent.setdefault(label, parent)
        if label not in self.order:
            self.order.append(label)
        if self.recording:
            self.wall[label].append(seconds)

    def depth(self, label: str) -> int:
        depth, parent = 0, self.parent.get(label)
        while parent is not None:
            depth, parent = depth + 1, self.parent.get(parent)
        return depth

    def per_report(self, label: str, values: dict[str, list[float]], rounds: int) -> float:
        return sum(values.get(label, ())) / rounds * 1000

    def table(self, rounds: int, total_label: str) -> str:
        total = self.per_report(total_label, self.wall, rounds)
        lines = [f"{'stage':58s} {'wall ms':>9s} {'CPU ms':>8s} {'calls':>6s} {'floor':>6s}"]
        for label in self.order:
            if not self.wall.get(label):
                continue
            wall, cpu = self.per_report(label, self.wall, rounds), self.per_report(label, self.cpu, rounds)
            calls = len(self.wall[label]) / rounds
            name = "  " * self.depth(label) + label
            cpu_text = f"{cpu:8.0f}" if self.cpu.get(label) else f"{'-':>8s}"
            share = f"{wall / total:6.0%}" if total and self.depth(label) <= 1 else ""
            lines.append(f"{name[:58]:58s} {wall:9.0f} {cpu_text} {calls:6.1f} {share:>6s}")
        return "\n".join(lines)


def make_store(work: Path) -> Path:
    from ita_lib.store.ingest import ingest

    data, db = work / "dataset", work / "ita.duckdb"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_dataset.py"), str(data), "--agencies", "1540",
                    "--detailed", "40", "--years", "2564-2568"], check=True, capture_output=True)
    ingest(sorted(p for p in data.iterdir() if p.is_dir()), db=db, aliases=None)
    return db


def richest_agency(db: Path) -> tuple[str, str]:
    from ita_lib.store.db import Store

    with Store(db, read_only=True) as store:
        table = store.agencies()
    table = table.assign(n_years=table["years"].map(len))
    row = table.sort_values(["n_years", "sources", "agency_id"], ascending=[False, False, True]).iloc[0]
    return row["name"], row["agency_id"]


def instrument(stages: Stages) -> None:
    """Time every section, chart, chart encoding, store read and the PDF engine's stages."""
    import weasyprint
    from weasyprint import document as wp_document
    from weasyprint.pdf import fonts as wp_fonts

    from ita_lib import analysis
    from ita_lib.report import html_export, page, plots, publish, word
    from ita_lib.report.plots import frame as plots_frame
    from ita_lib.report.sections import findings, measures, results
    from ita_lib.store import db as store_db

    for name in ("indicator_bars", "trend_lines", "indicator_heatmap", "delta_bars", "use_thai_theme"):
        stages.wrap(plots, name, f"chart {name}")
    # The charts call the theme from plots/frame.py, through a name of their own.
    stages.wrap(plots_frame, "use_thai_theme", "chart use_thai_theme")
    stages.wrap(results, "figure", "PNG encoding (sections.figure)")
    for module, names in ((results, ("title_block", "headline", "instrument_scores", "indicator_table",
                                     "item_findings", "comparison", "history_charts")),
                          (findings, ("strengths_weaknesses", "own_analysis", "priorities", "recommendations")),
                          (measures, ("plan", "peers", "appendix", "sign_off"))):
        for name in names:
            stages.wrap(module, name, f"section {name}")
    stages.wrap(publish, "published_data", "published data (data.json, plan.csv, sheets)")
    stages.wrap(analysis, "load", "analysis (analysis.load)")
    for name in ("__init__", "query", "find_agency", "facts", "record_ids", "rows_of_records", "sources_of",
                 "peer_groups", "agency_list", "table"):
        stages.wrap(store_db.Store, name, f"store {name}")
    stages.wrap(page, "contents", "table of contents")
    stages.wrap(html_export, "notebook_to_html", "HTML (nbconvert export)")
    stages.wrap(word, "document_to_docx", "DOCX (document_to_docx)")
    # WeasyPrint: parse, layout, draw (write_pdf), subset fonts.
    stages.wrap(weasyprint.HTML, "__init__", "PDF: parse HTML")
    stages.wrap(weasyprint.HTML, "render", "PDF: parse CSS + layout (HTML.render)")
    stages.wrap(wp_document.Document, "write_pdf", "PDF: draw + fonts + write (write_pdf)")
    stages.wrap(wp_fonts.Font, "subset", "PDF: font subsetting")


def floor_report(stages: Stages, cells: list[str], parameters: dict, folder: Path) -> None:
    """The notebook's code cells as plain Python, then the HTML, PDF and DOCX of a real build."""
    import nbformat

    from ita_lib.report.exporters import Export, exporter
    from ita_lib.report.publish import read_published

    with stages.timed("floor: one report, no kernel"):
        with stages.timed("notebook cells as plain Python"):
            outputs = run_cells(cells, parameters)
        with stages.timed("write the executed notebook (nbformat)"):
            executed = write_executed(outputs, folder / "report.ipynb")
        notebook = nbformat.read(str(executed), as_version=4)
        export = Export(notebook=notebook, published=read_published(notebook), digits=parameters["digits"],
                        folder=folder)
        with stages.timed("HTML (nbconvert export + contents)"):
            page = export.page
        with stages.timed("PDF with ActualText (pdf.page_to_pdf)"):
            pdf = exporter("pdf")(export)["report.pdf"]
        (folder / "report.pdf").write_bytes(pdf)
        with stages.timed("DOCX"):
            exporter("docx")(export)
    # Timed on its own: WeasyPrint's stages above stay those of the report's one PDF.
    recording, stages.recording = stages.recording, False
    started = time.perf_counter()
    _pdf_without_actual_text(page, folder)
    stages.recording = recording
    stages.add("PDF without the ActualText pass (its cost: the difference)", time.perf_counter() - started, None)


def _pdf_without_actual_text(page: str, folder: Path) -> None:
    from weasyprint import HTML

    from ita_lib.report.fonts import find_thai_font, font_face_css

    font = find_thai_font()
    page = page.replace(font_face_css(font), font_face_css(font, embed=False), 1)
    HTML(string=page, base_url=str(folder)).write_pdf()


def kernel_report(stages: Stages, parameters: dict, folder: Path, km) -> None:
    """The real notebook in a warm kernel; the kernel's own cell durations from papermill's metadata."""
    import nbformat

    from ita_lib.report import render
    from ita_lib.report.execute import execute

    executed = folder / "kernel.ipynb"
    with stages.timed("papermill: notebook in a warm kernel"):
        execute(parameters, executed, notebook=render.NOTEBOOK, km=km)
    cells = nbformat.read(str(executed), as_version=4).cells
    inside = sum(float(c.metadata.get("papermill", {}).get("duration") or 0) for c in cells)
    stages.add("cells' own time in the kernel", inside, "papermill: notebook in a warm kernel")


def cold_start(db: Path, agency_id: str, work: Path) -> list[str]:
    """Import times of one build's modules in a fresh interpreter, and one `ita-report build`."""
    probe = ("import ita_lib.report.sections, ita_lib.report.plots, ita_lib.report.render, papermill, nbconvert, "
             "weasyprint, duckdb, docx")
    run = subprocess.run([sys.executable, "-X", "importtime", "-c", probe], capture_output=True, text=True)
    cumulative: dict[str, int] = {}
    for line in run.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match[2]) <= 1:  # top-level imports only
            cumulative[match[3]] = int(match[1])
    top = sorted(cumulative.items(), key=lambda item: -item[1])[:10]
    lines = [f"cold imports in a fresh interpreter: {sum(cumulative.values()) / 1e6:.2f} s; the largest: "
             + ", ".join(f"{name} {micro / 1e6:.2f} s" for name, micro in top)]
    started = time.perf_counter()
    build = subprocess.run([str(Path(sys.executable).parent / "ita-report"), "build", agency_id, "--db", str(db),
                            "--output-dir", str(work / "cold"), "--format", "html,pdf"], capture_output=True, text=True)
    lines.append(f"one `ita-report build --format html,pdf` from a cold start: {time.perf_counter() - started:.1f} s "
                 f"(exit {build.returncode})")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="reports timed after the warm-up (default: %(default)s)")
    parser.add_argument("--db", help="an existing store (default: a scratch dataset)")
    parser.add_argument("--agency", help="the agency to profile, with --db (default: the one with most data)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ita-profile-") as scratch:
        work = Path(scratch)
        db = Path(args.db) if args.db else make_store(work)
        name, agency_id = (args.agency, None) if args.agency else richest_agency(db)
        if agency_id is None:
            from ita_lib.store.db import Store

            with Store(db, read_only=True) as store:
                found = store.find_agency(name)
            name, agency_id = found["name"], found["agency_id"]
        print(f"agency: {name} ({agency_id}); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return profile(args, db, name, agency_id, work)


def profile(args: argparse.Namespace, db: Path, name: str, agency_id: str, work: Path) -> int:
    from ita_lib.report import render
    from ita_lib.report.kernels import kernel_manager
    from ita_lib.report.params import ReportParams

    stages = Stages()
    instrument(stages)
    params = ReportParams(agency=name, agency_id=agency_id, db=str(db), output_dir=str(work / "out"))
    parameters = render.build_parameters(params, name=name, agency_id=agency_id, db=Path(db),
                                         formats=("html", "pdf", "docx"))
    folder = work / "floor"
    folder.mkdir()
    cells = notebook_cells()
    with kernel_manager() as km:
        for round_number in range(args.rounds + 1):
            stages.recording = round_number > 0  # the first report warms imports, fonts and caches
            floor_report(stages, cells, parameters, folder)
            kernel_report(stages, parameters, folder, km)
    print(stages.table(args.rounds, "floor: one report, no kernel"))
    kernel = statistics.mean(stages.wall["papermill: notebook in a warm kernel"])
    inside = statistics.mean(stages.wall["cells' own time in the kernel"])
    print(f"papermill overhead per report: {(kernel - inside) * 1000:.0f} ms "
          f"({(kernel - inside) / max(1, len(cells) + 2) * 1000:.0f} ms per cell)")
    for line in cold_start(db, agency_id, work):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
