"""Caches when HOME cannot be written (a locked-down account, HOME pointing at a file): pythainlp,
matplotlib, fontconfig and Jupyter would otherwise fail on their first write there.

Called by the command line before anything imports those libraries; a library user sets the same
variables themselves.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# The variables each library reads for the folder it writes under HOME.
_CACHE_VARIABLES = ("PYTHAINLP_DATA_DIR", "MPLCONFIGDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                    "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR")


def home_is_writable(home: Path) -> bool:
    return home.is_dir() and os.access(home, os.W_OK | os.X_OK)


def ensure_writable_caches() -> Path | None:
    """When HOME is not a writable folder, point the caches at a private temporary folder (removed
    at exit) and say so in one line; returns that folder, or None when HOME is fine. Also tells
    pythainlp never to reach for the network (government networks are often offline): the
    command's choice, inherited by its workers and kernels (as is quieting the kernel debugger's
    start-up warning); the library itself sets nothing."""
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    # ipykernel 6's debugger (debugpy) warns on the kernel's stderr, which is the command's, that
    # frozen modules may hide breakpoints: noise in a command whose every problem is one line.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    home = Path(os.path.expanduser("~"))
    if home_is_writable(home):
        return None
    caches = Path(tempfile.mkdtemp(prefix="ita-report-caches-"))
    atexit.register(shutil.rmtree, caches, ignore_errors=True)
    for name in _CACHE_VARIABLES:
        os.environ.setdefault(name, str(caches / name.lower()))
    from ita_lib.cli.say import tell

    tell("{home}: HOME is not a writable folder; caches go to {caches} for this run", home=home, caches=caches)
    return caches
