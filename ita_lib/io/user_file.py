"""The one reader of every file a user names: documents, params, aliases, the rubric (ITA_RUBRIC),
agency lists, notebooks.

Checked before a byte is read: it must be a regular file (a FIFO would wait for ever for a writer,
/dev/zero never ends, a link to either is followed by the stat and seen for what it is) and no larger
than the caller's limit (a sparse 3 GB file is refused from its size, not after reading it). It is
opened without blocking and checked again on the open file, in case it was swapped since the stat,
and at most limit + 1 bytes are read (a file that grows while read, or one that misstates its size
as /proc does, is refused too). Every refusal is one `error` line naming the file.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ita_lib.errors import ItaError

__all__ = ["check_regular_file", "read_user_bytes", "read_user_text", "size_text"]


def check_regular_file(path: str | Path, limit: int, error: type[ItaError], what: str = "") -> os.stat_result:
    """The stat of `path` when it is a regular file of at most `limit` bytes; else `error`. Never
    opens the file. `what`: the option or role to name in the message ("--agencies: ")."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(path) else "file not found"
        raise error(what + reason, path=path) from None
    except OSError as exc:
        raise error(what + _os_reason(exc), path=path) from None
    refuse_unless_regular(info, path, limit, error, what)
    return info


def refuse_unless_regular(info: os.stat_result, path, limit: int, error: type[ItaError], what: str = "") -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(what + "is a folder, not a file", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{what}not a regular file ({file_kind(info.st_mode)})", path=path)
    if info.st_size > limit:
        raise error(f"{what}file too large: {info.st_size:,} bytes (the limit is {size_text(limit)})", path=path)


def file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "an unknown kind of file")


def read_user_bytes(path: str | Path, limit: int, error: type[ItaError], what: str = "") -> bytes:
    """At most `limit` bytes of a regular file, checked as the module docstring says."""
    check_regular_file(path, limit, error, what)
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since the stat, open must not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            refuse_unless_regular(os.fstat(handle.fileno()), path, limit, error, what)
            data = handle.read(limit + 1)
    except ItaError:
        raise
    except OSError as exc:
        raise error(what + _os_reason(exc), path=path) from None
    if len(data) > limit:
        raise error(f"{what}file too large: grew past the limit of {size_text(limit)} while being read", path=path)
    return data


def read_user_text(path: str | Path, limit: int, error: type[ItaError], what: str = "") -> str:
    """A UTF-8 text file (a BOM, as Windows editors write, is dropped) read by read_user_bytes."""
    data = read_user_bytes(path, limit, error, what)
    try:
        if b"\0" not in data:
            return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    raise error(what + "not a UTF-8 text file", path=path)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, NotADirectoryError):
        return "a file is in the way of its folder"
    return exc.strerror or type(exc).__name__


def size_text(limit: int) -> str:
    """A limit for people: '50 MB' (MB = 1,000,000 bytes), or bytes below 1 MB. Sizes found are
    given in bytes, so one just over a limit never reads as equal to it."""
    if limit < 1_000_000:
        return f"{limit:,} bytes"
    return f"{limit / 1_000_000:g} MB"
