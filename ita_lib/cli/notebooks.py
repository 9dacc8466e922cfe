"""`ita-report notebooks DIR`: the report notebooks and the example documents, copied out of the
installed package (a wheel's site-packages, a hub's shared environment) into a folder of the user's,
to open in JupyterLab. A file already there is left as it is (one line each, status PARTIAL)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ita_lib.cli import exit_codes
from ita_lib.cli.say import tell


def cmd_notebooks(args: argparse.Namespace) -> int:
    from ita_lib.files import atomic_write
    from ita_lib.report.render import EXAMPLES, NOTEBOOKS

    target = Path(args.folder)
    wanted = {target / notebook.name: notebook for notebook in sorted(NOTEBOOKS.glob("*.ipynb"))}
    wanted.update({target / "examples" / document.name: document for document in sorted(EXAMPLES.iterdir())
                   if document.is_file()})
    kept = 0
    for destination, source in wanted.items():
        if destination.exists() or destination.is_symlink():
            tell("{path}: already there, left as it is", path=destination)
            kept += 1
            continue
        atomic_write(destination, source.read_bytes())
    tell("{count} files copied to {folder}; open it in JupyterLab (the notebooks' defaults read the examples "
         "wherever ita-report is installed)", count=len(wanted) - kept, folder=target)
    return exit_codes.PARTIAL if kept else exit_codes.OK
