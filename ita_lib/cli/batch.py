"""ita-report batch: progress on a terminal, plain log lines otherwise, manifest and index.

Exit status (ita_lib.cli.exit_codes): OK when every agency was built or unchanged; PARTIAL when some
agency or the province overview failed (each says why, one line; the manifest has them all); USAGE
for a bad option, found before any work; STOPPED when the batch could not go on (store, output
folder, full disk, scheduler); INTERRUPTED on Ctrl-C or SIGTERM. Reports finished are always kept.
"""
from __future__ import annotations

import argparse
import sys

from ita_lib import interrupts
from ita_lib.cli.say import PREFIX, error_line_text, error_text, line, reason_text, say, tell
from ita_lib.cli.signals import sigterm_as_interrupt
from ita_lib.errors import ItaError, UsageError
from ita_lib.cli.exit_codes import INTERRUPTED, OK, PARTIAL, STOPPED, USAGE
from ita_lib.text.terminal import terminal_line


def cmd_batch(args: argparse.Namespace) -> int:
    try:
        with sigterm_as_interrupt():
            return _batch(args)
    except UsageError as error:
        return _say(PREFIX + error_text(error), USAGE)
    except ItaError as error:
        return _say(PREFIX + error_text(error), STOPPED)
    except KeyboardInterrupt:
        interrupts.forget()  # said here, once: the command's own handler has nothing left to say
        return _say(PREFIX + line("interrupted; the reports finished so far are kept in {folder}",
                                  folder=args.output_dir), INTERRUPTED)


def _say(line: str, status: int) -> int:
    say(line)
    return status


def _batch(args: argparse.Namespace) -> int:
    # Imported when the command runs, not when the CLI starts: `ita-report --help` stays fast.
    from ita_lib.batch.cluster import check_scheduler
    from ita_lib.batch.jobs import check_notebook, select_jobs
    from ita_lib.batch.pool import usable_workers
    from ita_lib.batch.run import run_batch
    from ita_lib.report.exporters import check_formats
    from ita_lib.report.render import NOTEBOOK

    # Every option checked before any work: a wrong one is one line and USAGE, not a failure per agency.
    defaults = {"output_dir": args.output_dir}
    if args.format is not None:
        defaults["formats"] = check_formats(args.format)
    if args.digits:
        defaults["digits"] = args.digits
    if args.audience:
        defaults["audience"] = args.audience
    if args.final:
        defaults["final"] = True
    notebook = check_notebook(args.notebook) if args.notebook else NOTEBOOK
    if args.scheduler:
        check_scheduler(args.scheduler)
    jobs = select_jobs(args.db, agencies_file=args.agencies, province=args.province, everything=args.all,
                       targets=args.targets, defaults=defaults)
    workers = None
    if not args.scheduler:
        workers, lowered = usable_workers(args.jobs)
        if lowered:
            tell("{note}", note=reason_text(lowered))
    options = dict(db=args.db, output_dir=args.output_dir, workers=workers, force=args.force, notebook=notebook,
                   timeout=args.timeout, scheduler=args.scheduler)
    if sys.stderr.isatty():
        result = _with_progress_bar(run_batch, jobs, options)
    else:
        def progress(outcome, counts):
            done = counts["built"] + counts["skipped"] + counts["failed"]
            values = dict(done=done, total=counts["total"], status=_status(outcome.status), agency=outcome.agency,
                          seconds=outcome.seconds)
            if outcome.error:
                say(line("[{done}/{total}] {status} {agency} ({seconds:.1f} s): {error}", **values,
                         error=error_line_text(outcome.error)))
            else:
                say(line("[{done}/{total}] {status} {agency} ({seconds:.1f} s)", **values))

        result = run_batch(jobs, progress=progress, **options)
    counts = result.counts
    for note in result.notes:
        tell("{note}", note=reason_text(note))
    if result.overview_error:
        tell("the province overview failed: {error}", error=error_line_text(result.overview_error))
    tell("{built} built, {skipped} unchanged, {failed} failed; manifest {manifest}{index}{overview}",
         built=counts["built"], skipped=counts["skipped"], failed=counts["failed"], manifest=result.manifest,
         index=line(", index {path}", path=result.index) if result.index else "",
         overview=line(", overview {path}", path=result.overview) if result.overview else "")
    return OK if result.ok else PARTIAL


def _status(status: str) -> str:
    """A batch outcome's status word, as the progress lines say it."""
    return {"built": line("built"), "skipped": line("skipped"), "failed": line("failed")}.get(status, status)


def _with_progress_bar(run_batch, jobs, options: dict):
    # rich's progress bar: only on a terminal
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.text import Text

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[status]}"), TextColumn("{task.fields[rate]}"),
                  TimeRemainingColumn(), console=Console(stderr=True)) as bar:
        # Until the first report is done the workers are starting (their kernels and imports take a few
        # seconds each): say so, instead of a bar that seems stuck at 0/N.
        task = bar.add_task(line("reports"), total=len(jobs), status=line("starting the workers and their kernels…"),
                            rate="")

        def progress(outcome, counts):
            speed = bar.tasks[task].speed  # per second, over rich's recent window
            bar.update(task, advance=1, rate=line("{count:.1f}/min", count=60 * speed) if speed else "",
                       status=line("built {built} · skipped {skipped} · failed {failed}", built=counts["built"],
                                   skipped=counts["skipped"], failed=counts["failed"]))
            if outcome.status == "failed":
                # Text, not markup: an agency named "[/x]" or "[link=…]" is printed as written.
                bar.console.print(Text(terminal_line(line("failed: {agency}: {error}", agency=outcome.agency,
                                                          error=error_line_text(outcome.error)))))

        return run_batch(jobs, progress=progress, **options)
