"""ita-report commands on the store and reports: ingest, conflicts, agencies, analyse, build, params."""
from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from contextlib import ExitStack
from pathlib import Path

import pandas as pd

from ita_lib import interrupts
from ita_lib.cli import exit_codes
from ita_lib.cli.say import line, reason_text, say_path, tell, tell_error




def _console(stderr: bool = False):
    from rich.console import Console

    console = Console(stderr=stderr)
    # Piped output has no terminal width: COLUMNS when set, else room instead of folding every name.
    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 200
    return console if console.is_terminal else Console(width=width, stderr=stderr)


def print_frame(frame: pd.DataFrame, fmt: str, title: str, *, narrow: tuple[str, ...] = ()) -> None:
    """The frame as a table, CSV or JSON. CSV has a BOM (Excel then reads Thai as UTF-8) and plain
    values ("2563; 2565", not numpy's "[2563 2565]"). `narrow`: the columns a terminal under 120
    characters wide shows, so the table fits it (CSV and JSON keep every column)."""
    if fmt == "csv":
        from ita_lib.io.csv_cells import spreadsheet_csv

        sys.stdout.write(spreadsheet_csv(frame.apply(lambda c: c.map(_csv_value) if c.dtype == object else c)))
    elif fmt == "json":
        json.dump(json.loads(frame.to_json(orient="records", force_ascii=False)), sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.table import Table
        from rich.text import Text

        from ita_lib.text.terminal import terminal_line

        console = _console()
        if narrow and console.width < 120:
            frame = frame[[c for c in frame.columns if c in narrow]]
            title += line(" (--format csv for every column)")
        table = Table(title=title)
        for column in frame.columns:
            table.add_column(str(column), overflow="fold")
        for row in frame.itertuples(index=False):
            # Text(), not str: store text is never read as rich markup ("[/x]" would crash it).
            table.add_row(*(Text(terminal_line(_cell(value))) for value in row))
        console.print(table)


def _csv_value(value):
    """A list or array as "a; b" (a spreadsheet cell), anything else as it is."""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not isinstance(value, str):
        items = value.tolist() if hasattr(value, "tolist") else value
        return "; ".join(map(str, items)) if isinstance(items, list) else items
    return value


def _cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if hasattr(value, "tolist"):
        return ", ".join(map(str, value.tolist()))
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def cmd_ingest(args: argparse.Namespace) -> int:
    from ita_lib.store.ingest import ingest

    aliases = args.aliases if args.aliases and Path(args.aliases).exists() else None
    if args.quiet:
        result = ingest(args.paths, db=args.db, year=args.year, agency=args.agency, aliases=aliases,
                        workers=args.workers)
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        columns = ("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn())
        with Progress(*columns, console=_console(stderr=True), transient=False) as bar:
            task = bar.add_task("ingest", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            result = ingest(args.paths, db=args.db, year=args.year, agency=args.agency, aliases=aliases,
                            workers=args.workers, progress=progress)
    for path, reason in result.failed:
        tell("skipped {path}: {reason}", path=path, reason=reason_text(reason))
    for path, note in [*result.not_ita, *result.noted]:
        tell("{path}: {note}", path=path, note=reason_text(note))
    for path, reason in result.left_out:
        tell("left out {path}: {reason}", path=path, reason=reason_text(reason))
    tell("{added} files added ({records} records), {already_in} already in the store, {not_ita} without ITA "
         "results, {failed} skipped, {left_out} left out (not documents); {agencies} agencies in {db}",
         added=len(result.added), records=result.records, already_in=len(result.already_in),
         not_ita=len(result.not_ita), failed=len(result.failed), left_out=len(result.left_out),
         agencies=result.agencies, db=args.db)
    return exit_codes.PARTIAL if result.skipped_any else exit_codes.OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from ita_lib.store.db import Store

    with Store(args.db, read_only=True) as store:
        frame = store.conflicts()
    frame = frame.drop(columns=["agency_id"])
    print_frame(frame, args.format, line("{count} values on which sources disagree",
                                         count=frame.groupby(['agency', 'fiscal_year', 'field']).ngroups))
    return exit_codes.OK


def cmd_agencies(args: argparse.Namespace) -> int:
    from ita_lib.store.db import Store

    with Store(args.db, read_only=True) as store:
        frame = store.agencies()
    if args.province:
        frame = frame[frame["province"] == args.province]
        if frame.empty:
            tell("{db}: no agency of province {province!r} in the store", db=args.db, province=args.province)
    print_frame(frame, args.format, line("{count} agencies", count=len(frame)),
                narrow=("name", "agency_type", "district", "province", "years"))
    return exit_codes.OK


def cmd_analyse(args: argparse.Namespace) -> int:
    from ita_lib.analysis import load, write_plan_csv
    from ita_lib.analysis.report_text import print_analysis

    analysis = load(args.agency, args.db, province=args.province, config={"digits": args.digits})
    if args.format == "json":
        from ita_lib.analysis.export import analysis_json

        json.dump(analysis_json(analysis), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print_analysis(analysis, _console())
    if args.plan_csv == "-":  # the draft on standard output, after the analysis
        from ita_lib.analysis.plan import plan_csv_text

        sys.stdout.write(plan_csv_text(analysis.plan))
    elif args.plan_csv:
        write_plan_csv(analysis.plan, args.plan_csv)
        tell("action-plan draft written to {path}", path=args.plan_csv)
    return exit_codes.OK


def _build_params(target: str, args: argparse.Namespace):
    """ReportParams from a params file or an agency name; options given on the command line win
    over the file's values (as in batch)."""
    from pydantic import ValidationError

    from ita_lib.errors import ParamsError
    from ita_lib.report.params import ReportParams, load_params
    from ita_lib.report.exporters import check_formats

    path = Path(target)
    if path.suffix.lower() in (".yaml", ".yml"):
        params = load_params(path)  # a missing file, a folder or a FIFO: one line saying which
    else:
        params = ReportParams.model_construct(agency=target)  # db and output_dir: ReportParams' defaults
    given = {"db": args.db, "output_dir": args.output_dir, "province": args.province, "digits": args.digits,
             "audience": getattr(args, "audience", None)}
    overrides = {key: value for key, value in given.items() if value is not None}
    if args.format:
        overrides["formats"] = check_formats(args.format)
    try:
        return ReportParams.model_validate({**params.model_dump(exclude_unset=True), **overrides})
    except ValidationError as error:
        problem = error.errors()[0]
        raise ParamsError(f"{'.'.join(map(str, problem['loc']))}: {problem['msg']}", path=target) from None


def cmd_build(args: argparse.Namespace) -> int:
    """Build each target's report with one warm kernel. A target that fails (a failing cell, an
    unknown agency among several, a crash in a writer, a kernel killed under it) is one line and the
    others are still built: PARTIAL (3). What stops every target (the store unusable, the output
    folder unwritable or full, the one agency asked for unknown) ends the command: STOPPED (4)."""
    from ita_lib.errors import (AgencyNotFoundError, CellTimeoutError, DeadKernelError, ItaError, NoResultsError,
                                OutputError, RefusedOutputError, StoreError)
    from ita_lib.report.exporters import check_formats

    if args.format is not None:
        check_formats(args.format)  # a wrong format stops here (exit USAGE), not once per target
    failed = 0
    targets = []
    for target in args.targets:  # a wrong params file is said before a kernel starts for nothing
        try:
            targets.append(_build_params(target, args))
        except ItaError as error:
            tell_error(error)
            failed += 1
    if not targets:  # every target failed (there is at least one: argparse's nargs="+")
        return exit_codes.PARTIAL
    from ita_lib.report.preflight import check_font, check_pdf_engine

    check_font()  # before any kernel starts: no usable Thai font stops here, with the fix (STOPPED)
    kernels = ExitStack()  # the kernel's manager, replaced when a target's failure may have killed it
    km = _fresh_kernel(kernels, early=True)
    from ita_lib.report.render import build  # after the kernel's start: it overlaps this import

    try:
        # Pango (for PDFs) while the kernel boots: its import takes half a second; missing, the kernel
        # is stopped at once (finally) and the command stops with the fix, before any notebook runs.
        check_pdf_engine({kind for params in targets for kind in params.formats})
        for params in targets:
            try:
                result = build(params, km=km, final=args.final)
            except (AgencyNotFoundError, NoResultsError):
                if len(args.targets) == 1:
                    raise  # the one agency asked for, or its years: nothing to do (STOPPED)
                _say_failed(params, sys.exc_info()[1])
                failed += 1
                continue
            except (CellTimeoutError, DeadKernelError) as error:  # killed (out of memory?) or stuck: a fresh kernel
                interrupts.stop_if_noted()
                first = error.reason.splitlines()[0][:200]  # nbclient's message, said as it always was
                tell("agency {agency}: {error}: {reason}", agency=params.agency, error=type(error).__name__,
                     reason=first)
                failed += 1
                km = _fresh_kernel(kernels)
                continue
            except ItaError as error:
                if isinstance(error, (StoreError, OutputError)) and not isinstance(error, RefusedOutputError):
                    raise  # the store or the output folder: every other target would fail the same way
                _say_failed(params, error)
                failed += 1
                continue
            except OSError as error:
                if error.errno in _FOLDER_ERRNOS:
                    raise  # a full disk or a read-only folder: the same for every target (STOPPED)
                _say_failed(params, error)
                failed += 1
                km = _fresh_kernel(kernels)
                continue
            except Exception as error:  # noqa: BLE001 - a library's crash costs this target, not the others
                _say_failed(params, error)
                failed += 1
                km = _fresh_kernel(kernels)  # the kernel may have died under it (killed, out of memory)
                continue
            timing = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in result.seconds.items())
            tell("built {agency} ({timing})", agency=result.agency, timing=timing)
            for path in result.outputs.values():
                say_path(path)
    finally:
        kernels.close()
    return exit_codes.PARTIAL if failed else exit_codes.OK


_FOLDER_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}


def _fresh_kernel(kernels: ExitStack, early: bool = False):
    """A new kernel manager in `kernels`, the one before it (if any) shut down first. `early`: its
    kernel starts at once, overlapping the command's own work (the first one only)."""
    from ita_lib.report.kernels import kernel_manager, start_early

    kernels.close()
    km = kernels.enter_context(kernel_manager())
    if early:
        start_early(km)
    return km


def _say_failed(params, error: BaseException) -> None:
    """One line for a target that failed: the tool's own errors as they are, anything else with its
    type and the first line of its message (a WeasyPrint assertion has none). A failure that was
    the user's Ctrl-C in disguise (DuckDB's "Query interrupted") stops the command instead."""
    from ita_lib.errors import ItaError

    interrupts.stop_if_noted()

    if isinstance(error, ItaError):
        tell_error(error)
        return
    first = next((line for line in str(error).splitlines() if line.strip()), "")[:200]
    if first:
        tell("agency {agency}: {error}: {reason}", agency=params.agency, error=type(error).__name__, reason=first)
    else:
        tell("agency {agency}: {error}", agency=params.agency, error=type(error).__name__)


def cmd_params(args: argparse.Namespace) -> int:
    from ita_lib.cli.params_init import write_params_files
    from ita_lib.store.db import Store

    with Store(args.db, read_only=True) as store:
        agencies = store.agencies()
    written = write_params_files(agencies, args.db, args.out, province=args.province, overwrite=args.overwrite)
    for path in written:
        say_path(path)
    tell("{count} params files written to {folder}", count=len(written), folder=args.out)
    return exit_codes.OK
