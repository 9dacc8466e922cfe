"""Writing outputs safely: a file appears complete under its name or not at all."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ita_lib.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()  # mkstemp makes 0600 files; reports are for others to read


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
        os.chmod(temp, _FILE_MODE)
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
