"""Find a Thai font for charts and HTML reports, and embed it as CSS.

Search order: the file named by the environment variable ITA_THAI_FONT, then Sarabun (the OFL
redesign of the government font TH Sarabun New), TH Sarabun New itself (on most Thai government
Windows machines), then Debian's TLWG fonts: Laksaman (TH Sarabun's TLWG derivative), Garuda, Loma,
Norasi. Fonts are looked for in the font folders of Linux, macOS, Windows and conda, and in what
matplotlib's font manager finds (fontconfig on Linux, the system's font folders elsewhere). A font
only counts if it really has Thai glyphs: without one matplotlib draws every Thai character as a
box. When the machine has none (Windows without Thai fonts, a container without root), the
Sarabun that ita-report carries is the last resort (ita_lib/report/fonts/: Regular and Bold, SIL
Open Font License 1.1, from Google Fonts' ofl/sarabun by way of PyPI's fontpkg-sarabun 1.0); only
when that is missing too (a damaged install) is it ThaiFontNotFoundError.

>>> font = find_thai_font()          # doctest: +SKIP
>>> font.family                      # doctest: +SKIP
'Laksaman'
"""
from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ita_lib.errors import ThaiFontNotFoundError

ENV_VAR = "ITA_THAI_FONT"
CSS_FAMILY = "ITA Thai"
FONT_SUFFIXES = (".ttf", ".otf")  # .ttf first: Debian ships TLWG in both formats

# Candidates in order of preference: (regular file stem, its bold file stems), matched case-insensitively.
CANDIDATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Sarabun-Regular", ("Sarabun-Bold",)),
    ("THSarabunNew", ("THSarabunNew Bold", "THSarabunNew-Bold")),
    ("Laksaman", ("Laksaman-Bold",)),
    ("Garuda", ("Garuda-Bold",)),
    ("Loma", ("Loma-Bold",)),
    ("Norasi", ("Norasi-Bold",)),
)
# Ko kai (the first consonant) and mai ek (a tone mark): a font with both is a Thai font.
THAI_PROBES = (0x0E01, 0x0E48)

BUNDLED = Path(__file__).resolve().parent / "fonts"  # Sarabun-Regular.ttf, Sarabun-Bold.ttf, OFL.txt
FIX_HINT = ("Install a Thai font: `apt-get install fonts-thai-tlwg-ttf` (Debian/Ubuntu), or download "
            "Sarabun (Google Fonts, OFL) and set ITA_THAI_FONT=/path/to/Sarabun-Regular.ttf")


@dataclass(frozen=True)
class ThaiFont:
    family: str  # the name matplotlib and CSS know the font by
    regular: Path
    bold: Path | None = None


def search_directories() -> list[Path]:
    """Where fonts are looked for (searched recursively); directories that do not exist are skipped."""
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local/share/fonts",
            Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]  # macOS
    windows = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windows:
        dirs.append(Path(windows) / "Fonts")
    if os.environ.get("LOCALAPPDATA"):  # fonts a Windows user installed for themselves
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    if os.environ.get("CONDA_PREFIX"):
        dirs.append(Path(os.environ["CONDA_PREFIX"]) / "fonts")
        dirs.append(Path(os.environ["CONDA_PREFIX"]) / "Library" / "fonts")  # conda on Windows
    return dirs


def system_fonts() -> list[Path]:
    """The font files matplotlib's font manager finds on this system (fontconfig on Linux, the
    registry and font folders on Windows and macOS); none when it cannot list them."""
    from matplotlib import font_manager

    try:
        return [Path(p) for p in font_manager.findSystemFonts()]
    except Exception:  # noqa: BLE001 - a broken font setup must not stop the search of the folders
        return []


def has_thai_glyphs(path: Path) -> bool:
    """True when the font file maps the Thai probe characters; False for anything unreadable."""
    from fontTools.ttLib import TTFont  # a matplotlib dependency

    try:
        with TTFont(str(path), lazy=True, fontNumber=0) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # not a font, truncated, unsupported: not usable either way
        return False
    return all(code in cmap for code in THAI_PROBES)


def family_name(path: Path) -> str:
    """The family name matplotlib registers the file under (what addfont and findfont use)."""
    from matplotlib.ft2font import FT2Font

    return FT2Font(str(path)).family_name


@lru_cache(maxsize=1)
def find_thai_font() -> ThaiFont:
    """The Thai font to use (cached; call find_thai_font.cache_clear() after changing ITA_THAI_FONT)."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return _font_from_env(Path(chosen).expanduser())
    dirs = search_directories()
    files = _font_files(dirs, system_fonts())
    for regular_stem, bold_stems in CANDIDATES:
        regular = _first_thai(files, (regular_stem,))
        if regular is not None:
            return ThaiFont(family_name(regular), regular, _first_thai(files, bold_stems, near=regular))
    bundled = BUNDLED / "Sarabun-Regular.ttf"
    if bundled.is_file() and has_thai_glyphs(bundled):
        return ThaiFont(family_name(bundled), bundled, _bold_sibling(bundled))
    searched = ", ".join(str(d) for d in dirs)
    wanted = ", ".join(stem for stem, _ in CANDIDATES)
    raise ThaiFontNotFoundError(
        f"no Thai font found: {ENV_VAR} is not set and none of {wanted} (with Thai glyphs) is in "
        f"{searched}. {FIX_HINT}")


def _font_from_env(path: Path) -> ThaiFont:
    if not path.is_file():
        raise ThaiFontNotFoundError(f"{ENV_VAR} names a file that does not exist. {FIX_HINT}", path=path)
    if path.suffix.lower() not in FONT_SUFFIXES:
        raise ThaiFontNotFoundError(f"{ENV_VAR} must name a .ttf or .otf file. {FIX_HINT}", path=path)
    if not has_thai_glyphs(path):
        raise ThaiFontNotFoundError(
            f"{ENV_VAR} names a font without Thai glyphs (ก and ่ missing); Thai would print as boxes. "
            f"{FIX_HINT}", path=path)
    return ThaiFont(family_name(path), path, _bold_sibling(path))


def _bold_sibling(regular: Path) -> Path | None:
    """Sarabun-Regular.ttf → Sarabun-Bold.ttf; X.ttf → X-Bold.ttf, XBold.ttf or 'X Bold.ttf'."""
    stem = regular.stem
    names = [stem.replace("Regular", "Bold")] if "Regular" in stem else []
    names += [f"{stem}-Bold", f"{stem}Bold", f"{stem} Bold"]
    for name in names:
        candidate = regular.with_name(name + regular.suffix)
        if candidate.is_file() and has_thai_glyphs(candidate):
            return candidate
    return None


def _font_files(dirs: list[Path], extra: list[Path] = ()) -> dict[str, list[Path]]:
    """Every .ttf/.otf under the directories and among `extra`, keyed by lower-case stem; .ttf
    before .otf per stem."""
    found: dict[str, list[Path]] = {}
    for directory in dirs:
        if not directory.is_dir():
            continue
        for root, _, names in os.walk(directory):
            for name in sorted(names):
                path = Path(root, name)
                if path.suffix.lower() in FONT_SUFFIXES:
                    found.setdefault(path.stem.lower(), []).append(path)
    for path in sorted(extra):  # after the folders, so a font in both is taken from the same place each time
        if path.suffix.lower() in FONT_SUFFIXES:
            found.setdefault(path.stem.lower(), []).append(path)
    for stem, paths in found.items():
        found[stem] = sorted(dict.fromkeys(paths), key=lambda p: FONT_SUFFIXES.index(p.suffix.lower()))
    return found


def _first_thai(files: dict[str, list[Path]], stems: tuple[str, ...], near: Path | None = None) -> Path | None:
    """The first file with Thai glyphs among the stems; a bold prefers the regular's own directory."""
    for stem in stems:
        paths = files.get(stem.lower(), [])
        if near is not None:
            paths = sorted(paths, key=lambda p: p.parent != near.parent)  # stable: keeps .ttf first
        for path in paths:
            if has_thai_glyphs(path):
                return path
    return None


@lru_cache(maxsize=8)  # every report page and PDF asks again; the files do not change meanwhile
def font_face_css(font: ThaiFont | None = None, *, embed: bool = True) -> str:
    """@font-face rules embedding the font files as base64 data: URIs (no network needed), under the
    family "ITA Thai", and a --ita-thai-font variable that falls back to the installed real family.
    embed=False points at the font files instead (file: URLs), for a PDF made on the machine that
    has them: WeasyPrint then skips tokenising half a megabyte of base64 per PDF."""
    font = font or find_thai_font()
    rules = [_font_face(font.regular, weight=400, embed=embed)]
    if font.bold is not None:
        rules.append(_font_face(font.bold, weight=700, embed=embed))
    stack = f'"{CSS_FAMILY}", "{font.family}", sans-serif'
    rules.append(f":root {{ --ita-thai-font: {stack}; }}")
    return "\n".join(rules) + "\n"


def _font_face(path: Path, *, weight: int, embed: bool = True) -> str:
    kind, css_format = ("otf", "opentype") if path.suffix.lower() == ".otf" else ("ttf", "truetype")
    if embed:
        from ita_lib.report.font_subset import embedded_font_bytes

        url = f"data:font/{kind};base64," + base64.b64encode(embedded_font_bytes(path)).decode("ascii")
    else:
        url = path.resolve().as_uri()
    return (f'@font-face {{ font-family: "{CSS_FAMILY}"; font-style: normal; font-weight: {weight}; '
            f'font-display: block; src: url({url}) format("{css_format}"); }}')
