"""Writing outputs safely: a file appears complete under its name or not at all."""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from ita_lib.errors import OutputError, RefusedOutputError


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


# The names of the tool's own scratch: a temporary file beside its target and a build's scratch
# folder. Nothing else in an output folder is ever removed (README, "What the tool removes").
TEMP_MARK = ".ita-report-"
TEMP_SUFFIX = ".tmp"
SCRATCH_PREFIX = ".ita-report-build-"
SCRATCH_MARKER = ".made-by-ita-report"


def is_own_temp_file(name: str) -> bool:
    """True for a name atomic_write gives its temporary files (.NAME.ita-report-XXXX.tmp)."""
    return name.startswith(".") and TEMP_MARK in name[1:] and name.endswith(TEMP_SUFFIX)


def refuse_unless_replaceable(path: Path) -> None:
    """OutputError unless `path` is missing or a regular file: a symbolic link, a FIFO, a device or
    a socket is never replaced by an output (renaming over /dev/stdout would make it a plain file)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise output_error(error, path) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("cannot write: a folder of that name is in the way", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise RefusedOutputError(f"will not replace {_kind(info.st_mode)} with a file", path=path)


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "something that is not a file")


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write under a temporary name of the tool's own (.NAME.ita-report-XXXX.tmp) in the same folder,
    then rename over `path`; the temporary file is removed on every way out. A target that cannot be
    written (read-only folder, a folder in the way, a full disk) or that is not a regular file (a
    symbolic link, a FIFO, a device) raises OutputError naming it, and is left as it was."""
    path = Path(path)
    refuse_unless_replaceable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{TEMP_MARK}", suffix=TEMP_SUFFIX)
    except OSError as error:
        raise output_error(error, path) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(temp, _file_mode())
        refuse_unless_replaceable(path)  # made a link or a FIFO while we wrote: still not ours to replace
        os.replace(temp, path)
    except BaseException as error:
        Path(temp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise output_error(error, path) from None
        raise
    return path


def own_folder(output_dir: str | Path, name: str) -> Path:
    """output_dir/name, for a report: OutputError when it is a symbolic link or anything but a folder,
    so that no report is written through a link to somewhere outside the output folder."""
    folder = Path(output_dir) / name
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return folder
    except OSError as error:
        raise output_error(error, folder) from None
    if not stat.S_ISDIR(info.st_mode):
        raise RefusedOutputError(f"will not write a report into {_kind(info.st_mode)}", path=folder)
    return folder


@contextmanager
def scratch_folder(output_dir: str | Path) -> Iterator[Path]:
    """A build's scratch folder inside the output folder (renames stay on one file system), named
    and marked as the tool's so that a later run may remove it if this process is killed; removed
    on every way out, Ctrl-C and SIGTERM included."""
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=output_dir))
    try:
        (folder / SCRATCH_MARKER).write_bytes(b"")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_own_scratch(path: Path) -> bool:
    """A scratch folder this tool made: its name and marker (never a symbolic link)."""
    return (path.name.startswith(SCRATCH_PREFIX) and not path.is_symlink() and path.is_dir()
            and (path / SCRATCH_MARKER).is_file())


def output_error(error: OSError, path: str | Path) -> OutputError:
    """The one-line OutputError for an OSError met while writing *path*."""
    if isinstance(error, (NotADirectoryError, FileExistsError)):  # a file where a folder of the path should be
        return OutputError("cannot write: a file is in the way of its folder", path=path)
    return OutputError(f"cannot write: {error.strerror or type(error).__name__}", path=path)
