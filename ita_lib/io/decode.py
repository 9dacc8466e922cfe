"""Bytes to text: the encoding of a text, CSV or HTML document.

Decoding, in this order (first match wins), recorded on ``Document.encoding``:
  1. a BOM: UTF-32 (checked before UTF-16, whose BOM is a prefix of UTF-32-LE's), UTF-8, UTF-16;
  2. UTF-16 without BOM, seen from the byte pattern: one byte of every pair is almost always
     0x00 (ASCII) or 0x0E (Thai block);
  3. UTF-8, also when a few bytes are damaged (a stray byte, a last character cut off, a NUL):
     when at most 1 % of the bytes are bad and valid multi-byte characters outnumber them 20 to 1,
     the bad bytes are dropped (not turned into U+FFFD, which clean-up would "repair" into the Thai
     vowel ำ) and ``Document.notes`` names the lines they were on;
  4. Thai single-byte TIS-620 / Windows-874 (decoded as cp874, a superset) when most high bytes
     fall in 0xA1-0xFB, where Thai letters live;
  5. otherwise the bytes are binary -> DocumentReadError.
charset-normalizer is deliberately not used: it always guesses *some* code page, which turns
binary junk into plausible-looking text instead of an error, and steps 1-4 cover what Thai
government documents are written in.
"""
from __future__ import annotations

import re

from ita_lib.errors import DocumentReadError

__all__ = ["decode_text", "decode_with_notes", "RE_NEWLINE"]

RE_NEWLINE = re.compile(r"\r\n|\r|\n")  # a line break as text, CSV and PDF lines are counted
_BINARY_MSG = "not a text document (binary content)"

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when one byte of each pair is nearly always 0x00 or 0x0E."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    even = sum(1 for b in sample[0::2] if b in (0x00, 0x0E)) / pairs
    odd = sum(1 for b in sample[1::2] if b in (0x00, 0x0E)) / pairs
    if odd >= 0.9 and even <= 0.3:
        return "utf-16-le"
    if even >= 0.9 and odd <= 0.3:
        return "utf-16-be"
    return None


def _looks_thai_8bit(data: bytes) -> bool:
    high = [b for b in data if b >= 0x80]
    if not high:
        return False
    return sum(1 for b in high if 0xA1 <= b <= 0xFB) / len(high) >= 0.9


# Control characters (Unicode category Cc) other than the white-space ones.
_RE_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_RE_CONTROL.findall(text)) / len(text) > 0.02


def decode_text(data: bytes, path: str | None = None) -> tuple[str, str]:
    """(text, encoding) of *data* following the order in the module docstring (damaged UTF-8
    bytes are dropped; a Document read from the same bytes says where, in its notes)."""
    text, encoding, _ = decode_with_notes(data, path)
    return text, encoding


def decode_with_notes(data: bytes, path: str | None) -> tuple[str, str, list[str]]:
    """(text, encoding, notes on bytes dropped); a binary file is a DocumentReadError."""
    text, encoding, notes = _decode_any(data, path)
    if _looks_binary(text):
        raise DocumentReadError(_BINARY_MSG, path=path)
    return text, encoding, notes


def _decode_any(data: bytes, path: str | None) -> tuple[str, str, list[str]]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if enc == "utf-8-sig" and (found := _mostly_utf8(body)):
                return found[0], enc, found[1]
            try:
                return body.decode(enc.replace("-sig", "")), enc, []
            except UnicodeDecodeError:
                raise DocumentReadError(f"invalid {enc} text after its BOM", path=path) from None
    if enc := _utf16_without_bom(data):
        try:
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            pass  # looked like UTF-16 but is not: fall through
    if found := _mostly_utf8(data):
        return found[0], "utf-8", found[1]
    # NUL outside UTF-16/32 (beyond the few _mostly_utf8 forgives) is the mark of a binary file.
    if b"\x00" in data or not _looks_thai_8bit(data):
        raise DocumentReadError(_BINARY_MSG, path=path)
    # cp874 leaves a few bytes undefined; a stray one should not lose the document. They are
    # dropped, not turned into U+FFFD, which replace_fffd would "repair" into ำ.
    return data.decode("cp874", errors="ignore"), "cp874", []


# Damaged UTF-8 still read as UTF-8: at most 1 % of the bytes bad (undecodable or NUL), and, for
# undecodable ones, 20 bytes of valid multi-byte characters per bad byte. TIS-620 text read as
# UTF-8 has nearly every high byte undecodable, so it never passes and falls to cp874.
_MAX_BAD_SHARE = 0.01
_MIN_GOOD_HIGH_BYTES_PER_BAD = 20
_HIGH_BYTES = bytes(range(0x80, 0x100))
# surrogateescape turns each undecodable byte into one of U+DC80-U+DCFF.
_RE_DAMAGE = re.compile("[\x00\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """(text, notes) of UTF-8 data with its few bad bytes dropped; None when it is not UTF-8."""
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            pass
    text = data.decode("utf-8", errors="surrogateescape")
    nul = text.count("\x00")
    undecodable = len(_RE_DAMAGE.findall(text)) - nul
    if nul + undecodable > len(data) * _MAX_BAD_SHARE:
        return None
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if undecodable and high - undecodable < _MIN_GOOD_HIGH_BYTES_PER_BAD * undecodable:
        return None
    return _RE_DAMAGE.sub("", text), _damage_notes(text)


_MAX_DAMAGE_NOTES = 5


def _damage_notes(text: str) -> list[str]:
    """'line 12: 1 undecodable byte dropped', one per damaged line (the first few)."""
    per_line: dict[int, list[int]] = {}  # line -> [undecodable, NUL]
    line, last = 1, 0
    for match in _RE_DAMAGE.finditer(text):
        line += len(RE_NEWLINE.findall(text, last, match.start()))
        last = match.start()
        per_line.setdefault(line, [0, 0])[match.group() == "\x00"] += 1
    notes = [f"line {n}: {_what_dropped(*counts)} dropped"
             for n, counts in list(per_line.items())[:_MAX_DAMAGE_NOTES]]
    if len(per_line) > _MAX_DAMAGE_NOTES:
        notes.append(f"bytes dropped on {len(per_line) - _MAX_DAMAGE_NOTES} more lines")
    return notes


def _what_dropped(undecodable: int, nul: int) -> str:
    parts = [f"{n} {kind} byte{'s' if n > 1 else ''}"
             for n, kind in ((undecodable, "undecodable"), (nul, "NUL")) if n]
    return " and ".join(parts)

