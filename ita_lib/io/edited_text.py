"""Text a person saved in an editor (a params file, an agency list): UTF-8, UTF-16 or Windows Thai.

Notepad and Excel on a Thai Windows save "Unicode" as UTF-16 with a BOM and "ANSI" as cp874, so these
files are decoded as documents are (ita_lib.io.decode: BOM, UTF-16 pattern, UTF-8, cp874), with one
difference: UTF-8 with damaged bytes is refused, not read with the bytes dropped, because a name that
lost a byte names another agency or none.
"""
from __future__ import annotations

from pathlib import Path

from ita_lib.errors import DocumentReadError, ItaError
from ita_lib.io.decode import decode_with_notes
from ita_lib.io.user_file import read_user_bytes

__all__ = ["NOT_TEXT", "read_edited_text"]

NOT_TEXT = "not a text file in UTF-8, UTF-16 or Windows Thai (cp874)"


def read_edited_text(path: str | Path, limit: int, error: type[ItaError], what: str = "") -> str:
    """The text of a regular file of at most `limit` bytes in any of the encodings above; anything
    else is one `error` naming the file and the reason (`what`: the option or role, "--agencies: ")."""
    data = read_user_bytes(path, limit, error, what)
    try:
        text, _, damage = decode_with_notes(data, str(path))
    except DocumentReadError:
        raise error(what + NOT_TEXT, path=path) from None
    if damage:
        raise error(f"{what}damaged UTF-8 ({damage[0]}); save it again as UTF-8", path=path)
    return text
