"""`ita-report app`: the page for people who do not program (ita_lib.app), served by Voilà until
Ctrl-C. Statuses as everywhere (exit_codes): Ctrl-C or SIGTERM stops it with INTERRUPTED, like any
command; a server that could not start or stopped by itself is STOPPED."""
from __future__ import annotations

import argparse
from pathlib import Path

from ita_lib.cli import exit_codes
from ita_lib.cli.say import say, tell


def cmd_app(args: argparse.Namespace) -> int:
    from ita_lib.app.server import serve

    db = Path(args.db)
    if not db.is_file():
        tell("{db}: no store here, so the page offers uploads only (ita-report ingest makes one)", db=db)
    serve(root=Path(args.output_dir), db=db if db.is_file() else None, host=args.host, port=args.port,
          open_browser=not args.no_browser, say=say)
    tell("the page's server stopped by itself")
    return exit_codes.STOPPED
