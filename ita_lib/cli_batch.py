"""ita-report batch: progress on a terminal, plain log lines otherwise, manifest and index."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED = 0, 1


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run_batch, select_jobs
    from .render import NOTEBOOK

    defaults = {"output_dir": args.output_dir}
    if args.format:
        defaults["formats"] = [f.strip() for f in args.format.split(",") if f.strip()]
    if args.digits:
        defaults["digits"] = args.digits
    jobs = select_jobs(args.db, agencies_file=args.agencies, province=args.province, everything=args.all,
                       targets=args.targets,
                       defaults=defaults)
    notebook = Path(args.notebook) if args.notebook else NOTEBOOK
    interactive = sys.stderr.isatty()
    options = dict(db=args.db, output_dir=args.output_dir, workers=args.jobs, force=args.force, notebook=notebook,
                   timeout=args.timeout, scheduler=args.scheduler)
    if interactive:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[status]}"), TextColumn("{task.fields[rate]}"),
                      TimeRemainingColumn(), console=Console(stderr=True)) as bar:
            task = bar.add_task("reports", total=len(jobs), status="", rate="")

            def progress(outcome, counts):
                speed = bar.tasks[task].speed  # per second, over rich's recent window
                bar.update(task, advance=1, rate=f"{60 * speed:.1f}/min" if speed else "",
                           status=f"built {counts['built']} · skipped {counts['skipped']} · failed {counts['failed']}")
                if outcome.status == "failed":
                    bar.console.print(f"failed: {outcome.agency}: {outcome.error}")

            result = run_batch(jobs, progress=progress, **options)
    else:
        def progress(outcome, counts):
            done = counts["built"] + counts["skipped"] + counts["failed"]
            line = f"[{done}/{counts['total']}] {outcome.status} {outcome.agency} ({outcome.seconds:.1f} s)"
            print(line + (f": {outcome.error}" if outcome.error else ""), file=sys.stderr, flush=True)

        result = run_batch(jobs, progress=progress, **options)
    counts = result.counts
    if result.overview_error:
        print(f"ita-report: the province overview failed: {result.overview_error}", file=sys.stderr)
    print(f"ita-report: {counts['built']} built, {counts['skipped']} unchanged, {counts['failed']} failed; "
          f"manifest {result.manifest}" + (f", index {result.index}" if result.index else "")
          + (f", overview {result.overview}" if result.overview else ""), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FAILED
