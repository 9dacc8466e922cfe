"""Writing outputs safely: a file appears complete under its name or not at all."""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

from ita_lib.errors import OutputError


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """0o666 less the process's umask (mkstemp makes 0600 files; reports are for others to read).
    Read from /proc where there is one; elsewhere set and restored once, on the first write, never
    at import."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def scratch_dir(name: str) -> Path:
    """A folder of this user's under the system's temporary folder, for work nobody asked to keep
    (the notebook opened in Jupyter on the bundled examples, instead of the real store)."""
    user = "".join(c for c in (os.environ.get("USER") or os.environ.get("USERNAME") or "user") if c.isalnum())
    folder = Path(tempfile.gettempdir()) / f"ita-report-{user or 'user'}" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write under a hidden temporary name (.NAME.*.tmp, which a later batch cleans up if this
    process is killed) in the same folder, then rename over `path`. A file that cannot be written
    (read-only folder, a folder in the way, a full disk) raises OutputError naming it."""
    path = Path(path)
    if path.is_dir():
        raise OutputError("cannot write: a folder of that name is in the way", path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise output_error(error, path) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(temp, _file_mode())
        os.replace(temp, path)
    except BaseException as error:
        Path(temp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise output_error(error, path) from None
        raise
    return path


def output_error(error: OSError, path: str | Path) -> OutputError:
    """The one-line OutputError for an OSError met while writing *path*."""
    return OutputError(f"cannot write: {error.strerror or type(error).__name__}", path=path)
