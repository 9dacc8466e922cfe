"""An Office file (DOCX, XLSX) is a zip: its parts are checked from the zip's directory before a
library inflates them (see ita_lib.io.limits)."""
from __future__ import annotations

import io
import zipfile

from ita_lib.errors import DocumentReadError
from ita_lib.io import limits
from ita_lib.io.user_file import size_text


def check_office_zip(data: bytes, path: str | None, kind: str = "DOCX") -> None:
    """Refuse an Office file (DOCX, XLSX) whose parts would inflate past the limits, from the zip's
    directory alone."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
    if len(parts) > limits.MAX_ZIP_PARTS:
        raise DocumentReadError(f"{kind} has {len(parts):,} parts (the limit is {limits.MAX_ZIP_PARTS:,})", path=path)
    for part in parts:
        is_xml = part.filename.endswith((".xml", ".rels"))
        if is_xml and part.file_size > limits.MAX_DOCX_XML_BYTES:
            raise DocumentReadError(f"{kind} part {part.filename} inflates to {part.file_size:,} bytes "
                                    f"(the limit is {size_text(limits.MAX_DOCX_XML_BYTES)})", path=path)
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > limits.RATIO_FROM_BYTES and ratio > limits.MAX_DOCX_RATIO:
            raise DocumentReadError(f"{kind} part {part.filename} is compressed {ratio:.0f} to 1, like a "
                                    f"zip bomb (the limit is {limits.MAX_DOCX_RATIO} to 1)", path=path)
    total = sum(part.file_size for part in parts)
    if total > limits.MAX_DOCX_TOTAL_BYTES:
        raise DocumentReadError(f"{kind} parts inflate to {total:,} bytes in all (the limit is "
                                f"{size_text(limits.MAX_DOCX_TOTAL_BYTES)})", path=path)

