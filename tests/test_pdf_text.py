"""The reports' PDF text reads as the HTML in every kind of reader: pdftotext (poppler, which follows
ActualText), pypdf (which ita-report itself reads PDFs with) and pdf.js (Firefox's and most web
viewers' reader; from tests/pdfjs under Node.js, installed by scripts/install.sh), the last two
ignoring ActualText. Before ita_lib/report/pdf_glyph_text.py they read ตำบล as ตาบล / ตĺาบล and
ประจำปี as ประจาปี."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

PDFJS = Path(__file__).parent / "pdfjs"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                   reason="needs poppler-utils")
needs_pdfjs = pytest.mark.skipif(shutil.which("node") is None or not (PDFJS / "node_modules" / "pdfjs-dist").is_dir(),
                                 reason="needs Node.js and pdf.js (npm ci --prefix tests/pdfjs)")

# Clusters Thai shaping draws with several glyphs or reorders (sara am, a tone mark over a lower vowel or
# sara am, two marks), beside the same glyphs drawn alone (ตาบอด's sara aa, ปู's sara uu).
LINES = ("ตำบลหนองกำแพง ประจำปี ๒๕๖๙ น้ำท่วม",
         "ผู้ใหญ่บ้าน กู้ภัย ตาบอด ปู่ ปู ที่นี่",
         "สำนักงานอำเภอ คำนำ ดำเนินการ")


def reader_texts(pdf: Path) -> dict[str, str]:
    from pypdf import PdfReader

    texts = {"pdftotext": subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                         check=True).stdout,
             "pypdf": "\n".join(page.extract_text() for page in PdfReader(pdf).pages)}
    if shutil.which("node") and (PDFJS / "node_modules" / "pdfjs-dist").is_dir():
        texts["pdf.js"] = subprocess.run(["node", str(PDFJS / "text.mjs"), str(pdf)], capture_output=True,
                                         text=True, check=True).stdout
    return texts


def visible(text: str) -> str:
    """The text without the invisible format characters (zero-width space…) a reader may keep."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def small_pdf(tmp_path: Path, *, cluster_codes: bool) -> Path:
    from weasyprint import HTML

    from ita_lib.report import pdf as report_pdf
    from ita_lib.report.fonts import font_face_css
    from ita_lib.report.pdf_glyph_text import cluster_codes as codes

    paragraphs = "".join(f"<p>{line}</p>" for line in LINES[:2]) + f"<p><b>{LINES[2]}</b></p>"
    page = (f"<html><head><style>{font_face_css(embed=False)} body {{ font-family: var(--ita-thai-font); "
            f"font-size: 14pt }}</style></head><body>{paragraphs}</body></html>")
    path = tmp_path / f"{'codes' if cluster_codes else 'plain'}.pdf"
    with report_pdf.actual_text(), report_pdf._own_fonts() as fonts:
        if cluster_codes:
            with codes():
                path.write_bytes(HTML(string=page).write_pdf(font_config=fonts))
        else:
            path.write_bytes(HTML(string=page).write_pdf(font_config=fonts))
    return path


@needs_poppler
def test_thai_clusters_extract_as_written_in_pypdf_pdfjs_and_pdftotext(tmp_path) -> None:
    texts = reader_texts(small_pdf(tmp_path, cluster_codes=True))
    for reader, text in texts.items():
        lines = [line.strip() for line in visible(text).split("\n") if line.strip()]
        if reader == "pypdf":  # it guesses spaces from glyph positions: one before a raised tone mark
            lines, expected = [line.replace(" ", "") for line in lines], [line.replace(" ", "") for line in LINES]
        else:
            expected = list(LINES)
        assert lines == expected, reader


@needs_poppler
def test_without_cluster_codes_pypdf_loses_sara_am(tmp_path) -> None:
    """What the codes repair: in WeasyPrint's own PDF a glyph means the text it was first drawn for, so
    once sara am has been drawn, pypdf reads every sara aa as sara am and drops น้ำ's."""
    text = reader_texts(small_pdf(tmp_path, cluster_codes=False))["pypdf"]
    assert "ตำบอด" in text and "สำนักงำน" in text and "นำท่วม" in text


@needs_poppler
def test_cluster_codes_change_no_pixel(tmp_path) -> None:
    pictures = []
    for codes in (False, True):
        pdf = small_pdf(tmp_path, cluster_codes=codes)
        subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
        pictures.append(pdf.with_name(pdf.stem + "-1.png").read_bytes())
    assert pictures[0] == pictures[1]


def html_words(html_file: Path) -> set[str]:
    """The Thai words of the report's page as a reader sees it printed: without the head and the
    screen-only draft banner (the PDF marks a draft in its running head instead)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["head", "script", "style"]) + soup.select(".draft-banner"):
        hidden.decompose()
    return set(re.findall(r"[\u0e01-\u0e4e]+", soup.get_text(" ")))


@needs_poppler
@needs_pdfjs
def test_every_seed_report_pdf_has_the_html_thai_words_in_every_reader(seed_reports) -> None:
    assert len(seed_reports) == 5
    for agency, outputs in seed_reports.items():
        words = html_words(outputs["html"])
        assert {"ประจำ", "ดำเนินงาน"} <= words and len(words) > 150, agency
        texts = reader_texts(outputs["pdf"])
        assert set(texts) == {"pdftotext", "pypdf", "pdf.js"}
        for reader, text in texts.items():
            joined = re.sub(r"\s+", "", visible(text))  # a PDF line breaks between any two Thai words
            assert sorted(word for word in words if word not in joined) == [], (agency, reader)
            for damaged in ("ตาบล", "ประจาปี", "ดาเนิน", "ĺ", "Ļ"):
                assert damaged not in joined, (agency, reader, damaged)


@needs_poppler
def test_every_seed_report_pdf_is_tagged_for_screen_readers(seed_reports) -> None:
    from pypdf import PdfReader

    for agency, outputs in seed_reports.items():
        info = subprocess.run(["pdfinfo", str(outputs["pdf"])], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), agency
        catalog = PdfReader(outputs["pdf"]).trailer["/Root"]
        assert catalog["/Lang"] == "th" and catalog["/MarkInfo"]["/Marked"], agency
        roles = set()
        pending = [catalog["/StructTreeRoot"].get_object()]
        while pending:
            node = pending.pop()
            if isinstance(node, list):
                pending.extend(item.get_object() for item in node)
            elif isinstance(node, dict):
                roles.add(node.get("/S"))
                if "/K" in node:
                    kids = node["/K"]
                    pending.extend(kid.get_object() for kid in (kids if isinstance(kids, list) else [kids]))
        assert {"/H1", "/H2", "/Table", "/TH", "/Figure", "/L"} <= roles, (agency, roles)
