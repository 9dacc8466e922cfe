"""Where the tool keeps things when not told otherwise, and the shape of a report folder's name:
shared by the command line, the store, the report and the batch, and importing nothing heavy."""
from __future__ import annotations

import re

from ita_lib.errors import ParamsError

DEFAULT_DB = "outputs/ita.duckdb"  # the store file when no --db or params file names one
SLUG_MAX = 80  # characters of a report folder's name
_SLUG = re.compile(rf"[a-z0-9][a-z0-9-]{{0,{SLUG_MAX - 1}}}")


def checked_slug(folder: str) -> str:
    """A report folder name given from outside (a batch's earlier manifest): a slug as
    store.slugs.agency_slug makes them, so it can only name a folder directly inside the output
    folder."""
    if not isinstance(folder, str) or not _SLUG.fullmatch(folder):
        raise ParamsError(f"{folder!r} is not a report folder name (lowercase a-z, 0-9 and '-', at most "
                          f"{SLUG_MAX} characters)", path="folder")
    return folder
