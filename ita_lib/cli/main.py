"""The ita-report command line: a thin layer over ita_lib.

Exit statuses mean the same in every command (ita_lib.cli.exit_codes): 0 done; 1 warnings under
--strict; 2 a bad option; 3 some inputs or targets failed (one line each), the others done;
4 the command could not go on (store, output folder, disk, scheduler, the one thing asked for).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ita_lib import __version__
from ita_lib.cli import exit_codes
from ita_lib.cli import language
from ita_lib.cli.say import PREFIX, line, reason_text, say, tell, tell_error
from ita_lib.cli.options import (agency_name, fiscal_year, path_text, port_number, positive_int, positive_seconds,
                                 province)
from ita_lib.errors import ItaError, UsageError
from ita_lib.folders import DEFAULT_DB  # a constant only: the store module imports DuckDB

if TYPE_CHECKING:
    from ita_lib.model import Assessment

DEFAULT_ALIASES = "params/aliases.yaml"

# The optional dependencies by the module a command imports (pyproject.toml's extras): a wheel
# installed without them says which extra to install.
EXTRA_OF_MODULE = {**dict.fromkeys(("papermill", "nbconvert", "nbformat", "jupyter_client", "traitlets", "ipykernel",
                                    "seaborn", "matplotlib", "fontTools", "weasyprint", "pydyf", "nbclient"), "report"),
                   **dict.fromkeys(("voila", "ipywidgets"), "app"),
                   **dict.fromkeys(("dask", "distributed"), "distributed")}


def needs(*modules: str) -> None:
    """Before a command's work: each module importable, else ModuleNotFoundError for the first that
    is not (main() names its extra). A batch's workers would otherwise each die on the import."""
    import importlib.util

    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise ModuleNotFoundError(f"No module named {module!r}", name=module)


def modules_of(extra: str) -> tuple[str, ...]:
    return tuple(module for module, its_extra in EXTRA_OF_MODULE.items() if its_extra == extra)



EXAMPLES = {
    "parse": "ita-report parse result.txt announcement.pdf --format csv > records.csv",
    "ingest": "ita-report ingest documents/ --db outputs/ita.duckdb",
    "conflicts": "ita-report conflicts --db outputs/ita.duckdb --format csv > conflicts.csv",
    "agencies": "ita-report agencies --province นครราชสีมา --format csv > agencies.csv",
    "analyse": "ita-report analyse \"อบต.โนนสะอาดพัฒนา\" --plan-csv plan.csv",
    "build": "ita-report build params/agencies/obt-nonsaatphatna-7b6736.yaml --format pdf,docx",
    "batch": "ita-report batch --province นครราชสีมา --jobs 2 --format html,pdf",
    "init": "ita-report params init --province นครราชสีมา --out params/agencies",
    "review": "ita-report review \"อบต.บ้านพราน\"   (then fill in params/review/<slug>.yaml)",
    "confirm": "ita-report confirm params/review/obt-banphran-3243f1.yaml",
    "app": "ita-report app   (then open the address it prints; stop it with Ctrl-C)",
    "notebooks": "ita-report notebooks ~/ita-notebooks   (then open ~/ita-notebooks in JupyterLab)",
    "doctor": "ita-report doctor --output-dir outputs",
}


def _command(commands, name: str, **options) -> argparse.ArgumentParser:
    """A subcommand whose --help ends with one example."""
    return commands.add_parser(name, epilog=f"example:\n  {EXAMPLES[name]}",
                               formatter_class=argparse.RawDescriptionHelpFormatter, **options)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ita-report", description="Thai ITA result documents → records and reports",
        epilog="examples:\n  ita-report ingest documents/ --db outputs/ita.duckdb\n"
               "  ita-report build \"อบต.โนนสะอาดพัฒนา\" --format pdf,docx\n"
               "  ita-report app   (the page: upload, check, confirm, download)\n"
               "every command's --help ends with an example", formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"ita-report {__version__}")
    parser.add_argument("--lang", choices=language.LANGUAGES,
                        help="language of messages and help: th (Thai) or en (English); default: th when "
                             f"{language.ENV_VAR}=th or the locale is Thai, else en")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = _command(commands, "parse", help="print the ITA records found in documents")
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.add_argument("--format", choices=("json", "csv", "table"), default="json")
    parse.add_argument("--year", type=fiscal_year, help="fiscal year (B.E.) for documents that give none, "
                       "such as ITAS province lists")
    parse.add_argument("--agency", metavar="NAME", type=agency_name,
                       help="the agency a document is about when it never "
                       "names it (a text from the agency's own site)")
    parse.add_argument("--strict", action="store_true", help="exit 1 when any record has warnings")

    ingest = _command(commands, "ingest", help="parse files and folders into the store")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    _db_option(ingest)
    ingest.add_argument("--year", type=fiscal_year, help="fiscal year (B.E.) for documents that give none")
    ingest.add_argument("--agency", metavar="NAME", type=agency_name,
                        help="the agency documents are about when they never name it")
    ingest.add_argument("--aliases", default=str(DEFAULT_ALIASES), type=path_text,
                        help="agency aliases file (default: %(default)s; ignored when missing)")
    ingest.add_argument("--workers", type=positive_int, help="parse processes (default: CPU count, at most 4)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")

    conflicts = _command(commands, "conflicts", help="list values on which sources disagree")
    _db_option(conflicts)
    conflicts.add_argument("--format", choices=("table", "csv", "json"), default="table")

    agencies = _command(commands, "agencies", help="list agencies, their years and other spellings")
    _db_option(agencies)
    agencies.add_argument("--province", type=province, help="only agencies in this province")
    agencies.add_argument("--format", choices=("table", "csv", "json"), default="table")

    analyse = _command(commands, "analyse", aliases=["analyze"],
                       help="print one agency's year comparison, priorities and narrative")
    analyse.add_argument("agency", type=agency_name, help="agency name in any spelling seen, or its id")
    _db_option(analyse)
    analyse.add_argument("--province", type=province, help="the agency's province, when the name is ambiguous")
    analyse.add_argument("--digits", choices=("thai", "arabic"), default="thai")
    analyse.add_argument("--plan-csv", metavar="FILE", type=path_text,
                         help="write the action-plan draft as CSV (-: standard output)")
    analyse.add_argument("--format", choices=("table", "json"), default="table",
                         help="table: Thai text for people; json: every analysis table (default: %(default)s)")

    build = _command(commands, "build", help="build one agency's report (HTML, PDF, executed notebook, data)")
    build.add_argument("targets", nargs="+", metavar="AGENCY|PARAMS.yaml", type=agency_name,
                       help="agency names (any spelling the store knows) or params files")
    # No defaults here: a params file's db and output_dir hold unless the option is given.
    build.add_argument("--db", type=path_text, help=f"store file (default: the params file's db, else {DEFAULT_DB})")
    build.add_argument("--output-dir", type=path_text,
                       help="reports go to OUTPUT_DIR/<slug>/ (default: the params file's "
                       "output_dir, else outputs)")
    build.add_argument("--province", type=province, help="the agency's province, when the name is ambiguous")
    build.add_argument("--digits", choices=("thai", "arabic"), help="digits in the report (default: thai)")
    build.add_argument("--format", default=None, help="comma-separated: html,pdf,docx,xlsx (default: html,pdf)")
    _audience_option(build)
    build.add_argument("--final", action="store_true",
                       help="the agency's publication: refused (exit 3) while anything is left to confirm "
                            "(ita-report review); without it such a report is built as a draft")

    batch = _command(commands, "batch", help="build one report per agency: a list, a province or all")
    _db_option(batch)
    batch.add_argument("targets", nargs="*", metavar="TARGET", type=agency_name,
                       help="agency names, ids or params .yaml files")
    which = batch.add_mutually_exclusive_group()
    which.add_argument("--agencies", metavar="FILE", type=path_text,
                       help="one agency name, id or params .yaml per line")
    which.add_argument("--province", type=province, help="every agency of this province in the store")
    which.add_argument("--all", action="store_true", help="every agency in the store")
    batch.add_argument("--jobs", type=positive_int, help="worker processes (default: the number of cores)")
    batch.add_argument("--format", default=None, help="comma-separated: html,pdf,docx,xlsx (default: html,pdf)")
    _audience_option(batch)
    batch.add_argument("--digits", choices=("thai", "arabic"), help="digits in the reports (default: thai)")
    batch.add_argument("--final", action="store_true",
                       help="publications only: an agency with anything left to confirm fails (exit 3)")
    batch.add_argument("--output-dir", default="outputs", type=path_text, help="default: %(default)s")
    batch.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    batch.add_argument("--timeout", type=positive_seconds, default=600,
                       help="seconds an agency's notebook may run (default: %(default)s)")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="a dask.distributed scheduler, e.g. tcp://host:8786")
    batch.add_argument("--notebook", default=None,
                       help="another report notebook (default: notebooks/agency_report.ipynb)")

    review = _command(commands, "review", help="write the file in which the agency confirms what its report "
                      "may publish")
    review.add_argument("agency", type=agency_name, help="agency name in any spelling seen, or its id")
    _db_option(review)
    review.add_argument("--province", type=province, help="the agency's province, when the name is ambiguous")
    review.add_argument("--out", metavar="FILE", type=path_text,
                        help="the review file (default: params/review/<slug>.yaml; an existing one keeps its answers)")

    confirm = _command(commands, "confirm", help="store what a filled-in review file confirms")
    confirm.add_argument("files", nargs="+", metavar="FILE", type=path_text)
    _db_option(confirm)
    confirm.add_argument("--aliases", default=str(DEFAULT_ALIASES), type=path_text,
                         help="agency aliases file (default: %(default)s; ignored when missing)")

    app = _command(commands, "app", help="serve the page on which an agency uploads, checks, confirms and "
                   "downloads its report (Voilà)")
    _db_option(app)
    app.add_argument("--output-dir", default="outputs/app", type=path_text,
                     help="each browser session's uploads and reports, and what agencies confirmed "
                          "(default: %(default)s)")
    app.add_argument("--host", default="127.0.0.1",
                     help="address to listen on (default: %(default)s; any other address requires the token "
                          "the printed address carries)")
    app.add_argument("--port", type=port_number, help="port (default: a free one)")
    app.add_argument("--no-browser", action="store_true", help="print the address without opening a browser")

    notebooks = _command(commands, "notebooks", help="copy the report notebooks and the example documents "
                         "into a folder of yours (for a wheel or a hub install)")
    notebooks.add_argument("folder", type=path_text, help="where to put them (made if missing)")

    doctor = _command(commands, "doctor", help="check that this machine can make the reports (Thai font, Pango, "
                      "kernel, output folder) and print each fix, in Thai")
    doctor.add_argument("--output-dir", default="outputs", type=path_text,
                        help="the folder whose write access and free space are checked (default: %(default)s)")

    params = commands.add_parser("params", help="report parameter files", epilog=f"example:\n  {EXAMPLES['init']}",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    params_commands = params.add_subparsers(dest="params_command", required=True)
    init = _command(params_commands, "init", help="write one params file per agency in the store")
    _db_option(init)
    init.add_argument("--out", default="params/agencies", type=path_text,
                      help="folder for the files (default: %(default)s)")
    init.add_argument("--province", type=province, help="only agencies of this province")
    init.add_argument("--overwrite", action="store_true", help="replace existing files")
    if language.thai():
        from ita_lib.cli.help_th import translate_parser

        translate_parser(parser)
    return parser


def _audience_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--audience", choices=("agency", "analyst"),
                         help="agency: the analysis the agency publishes, Thai only, with its sign-off "
                              "(default); analyst: with sources, checks and peers")


def _db_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--db", default=str(DEFAULT_DB), type=path_text, help="store file (default: %(default)s)")




def _parse_files(files: list[str], year: int | None, agency: str | None = None) -> tuple[list[Assessment], bool]:
    from ita_lib.parse import parse_report
    from ita_lib.parse.limits import DOCUMENT_TIME_LIMIT, ParseTimeout, time_limit

    records: list[Assessment] = []
    unreadable = False
    for name in files:
        try:
            with time_limit(DOCUMENT_TIME_LIMIT):
                report = parse_report(Path(name), year=year, agency=agency)
        except ParseTimeout:
            tell("{name}: took longer than {seconds:g} s to read; left out", name=name, seconds=DOCUMENT_TIME_LIMIT)
            unreadable = True
            continue
        except ItaError as error:
            tell_error(error)
            unreadable = True
            continue
        for note in report.notes:
            tell("{name}: {note}", name=name, note=reason_text(note))
        records.extend(report.records)
    return records, unreadable


def _table(records: list[Assessment]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ita_lib.rubric import load as load_rubric
    from ita_lib.text.terminal import terminal_line

    rubric = load_rubric()

    table = Table(title=line("{count} ITA records", count=len(records)), show_lines=False)
    table.add_column("agency", min_width=30, overflow="fold")
    for column in ("year", "overall", "grade", "passed", *map(str, rubric.indicator_numbers), "warnings"):
        table.add_column(column, justify="left" if column == "grade" else "right", no_wrap=True)
    table.add_column("source", min_width=16, overflow="fold")
    for record in records:
        passed = "" if record.passed is None else (rubric.passed_word if record.passed else rubric.failed_word)
        # Text(), not str: document text is never read as rich markup ("[/x]" would crash it).
        table.add_row(
            Text(terminal_line(record.agency or "")), str(record.fiscal_year or ""), _fmt(record.overall_score),
            Text(terminal_line(record.grade or record.result or "")), passed,
            *(_fmt(record.indicators.get(str(n))) for n in rubric.indicator_numbers),
            str(len(record.warnings)), Text(terminal_line(Path(record.source.path or "").name)))
    console = Console()
    # Piped output has no terminal width: give the table room instead of folding every name.
    (console if console.is_terminal else Console(width=220)).print(table)


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _print(records: list[Assessment], fmt: str) -> None:
    if fmt == "json":
        json.dump([r.to_contract() for r in records], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        from ita_lib.io.csv_cells import spreadsheet_csv

        from ita_lib.model import to_dataframe

        sys.stdout.write(spreadsheet_csv(to_dataframe(records)))
    else:
        _table(records)


def cmd_parse(args: argparse.Namespace) -> int:
    records, unreadable = _parse_files(args.files, args.year, args.agency)
    _print(records, args.format)
    for record in records:
        for warning in record.warnings:
            where = f"{record.source.path}:{warning.line}" if warning.line else str(record.source.path)
            tell("warning: {where}: {code}: {message}", where=where, code=warning.code, message=warning.message)
    if unreadable:
        return exit_codes.PARTIAL
    if args.strict and any(record.warnings for record in records):
        return exit_codes.WARNINGS
    return exit_codes.OK


def main(argv: list[str] | None = None) -> int:
    """The command in the language of --lang, else of ITA_LANG or the locale (ita_lib.cli.language);
    argparse's own words in it too (ita_lib.cli.help_th)."""
    from ita_lib.cli.help_th import argparse_words

    with language.chosen(language.option_in(sys.argv[1:] if argv is None else argv)), argparse_words():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    from ita_lib.cli.home import ensure_writable_caches
    from ita_lib.report.logs import quiet_library_logs

    from ita_lib.cli.signals import sigterm_as_interrupt
    from ita_lib.cli.streams import usable_streams

    for note in usable_streams():
        say(PREFIX + note)
    quiet_library_logs()

    ensure_writable_caches()  # before argparse: the year option's check imports pythainlp
    args = _build_parser().parse_args(argv)
    try:
        from ita_lib.cli import app as cli_app
        from ita_lib.cli import batch as cli_batch
        from ita_lib.cli import doctor as cli_doctor
        from ita_lib.cli import notebooks as cli_notebooks
        from ita_lib.cli import review as cli_review
        from ita_lib.cli import store as cli_store
        from ita_lib import rubric

        commands = {"parse": cmd_parse, "ingest": cli_store.cmd_ingest, "conflicts": cli_store.cmd_conflicts,
                    "agencies": cli_store.cmd_agencies, "analyse": cli_store.cmd_analyse,
                    "analyze": cli_store.cmd_analyse, "build": cli_store.cmd_build,
                    "params": cli_store.cmd_params, "batch": cli_batch.cmd_batch,
                    "review": cli_review.cmd_review, "confirm": cli_review.cmd_confirm, "app": cli_app.cmd_app,
                    "notebooks": cli_notebooks.cmd_notebooks, "doctor": cli_doctor.cmd_doctor}
        with sigterm_as_interrupt():
            if args.command in ("build", "batch", "app"):
                needs(*modules_of("report"), *(modules_of("app") if args.command == "app" else ()))
            rubric.load()
            return commands[args.command](args)
    except UsageError as error:
        tell_error(error)
        return exit_codes.USAGE
    except ItaError as error:
        tell_error(error)
        return exit_codes.STOPPED
    except KeyboardInterrupt:
        tell("interrupted; what was finished is kept")
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        return exit_codes.OK
    except ModuleNotFoundError as error:  # an extra not installed: say which, not a traceback
        module = (error.name or "").split(".")[0]
        extra = EXTRA_OF_MODULE.get(module)
        if extra is None:
            raise
        tell('{command} needs the {extra} extra ({module} is not installed): pip install "ita-report[{extra}]"',
             command=args.command, extra=extra, module=module)
        return exit_codes.STOPPED
    except OSError as error:  # the last net for the machine's own faults: a full disk, a read-only folder
        where = f"{error.filename}: " if error.filename else ""
        tell("{where}{reason}", where=where, reason=reason_text(error.strerror) if error.strerror else error)
        return exit_codes.STOPPED


def run() -> None:
    """The `ita-report` command: main(), then out of the process without the interpreter's
    teardown (ita_lib.cli.leave)."""
    from ita_lib.cli.leave import leave, status_of

    try:
        status = main()
    except SystemExit as stop:  # argparse: --help, --version, a bad option
        status = status_of(stop)
    leave(status)


if __name__ == "__main__":
    run()
