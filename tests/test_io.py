"""Reading documents: encodings, HTML, DOCX, PDF and every error path of ita_lib.io.read."""
from __future__ import annotations

import hashlib
import io
import pickle
import random
import zipfile
from pathlib import Path

import pytest

from ita_lib.io.document import Cell, Line
from ita_lib.errors import (
    DocumentReadError, EmptyDocumentError, ItaError, ParamsError, UnsupportedFormatError,
)
from ita_lib.io.decode import decode_text
from ita_lib.io.read import document_from_bytes, document_from_text, read_document

SAMPLE = "ผลการประเมิน ๘๕.๓๒ คะแนน\nตัวชี้วัด\tคะแนน\nการใช้งบประมาณ\t99.17\n"
SAMPLE_LINES = [
    Line(1, "ผลการประเมิน 85.32 คะแนน"),
    Line(2, "ตัวชี้วัด\tคะแนน", (Cell("ตัวชี้วัด"), Cell("คะแนน"))),
    Line(3, "การใช้งบประมาณ\t99.17", (Cell("การใช้งบประมาณ"), Cell("99.17"))),
]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ---------------------------------------------------------------- text and encodings

@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: seen from the byte pattern
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + SAMPLE.encode("utf-32-le"), "utf-32-le"),
        (SAMPLE.encode("cp874"), "cp874"),  # TIS-620 / Windows-874
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le", "tis620"],
)
def test_text_encodings(tmp_path, data, encoding):
    p = _write(tmp_path, "doc.txt", data)
    doc = read_document(p)
    assert doc.encoding == encoding
    assert doc.format == "text"
    assert doc.path == str(p)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.lines == SAMPLE_LINES


def test_crlf_blank_lines_and_numbers(tmp_path):
    data = "หัวข้อ\r\n\r\n  \r\nท้าย ๒ ข้อ\r\n".encode()
    doc = read_document(_write(tmp_path, "a.md", data))
    assert [(ln.number, ln.text) for ln in doc.lines] == [
        (1, "หัวข้อ"), (2, ""), (3, ""), (4, "ท้าย 2 ข้อ")
    ]
    assert [ln.number for ln in doc.nonblank()] == [1, 4]


def test_text_table_cell_with_html_fragment_and_steps():
    text = (
        "มาตรการ\tขั้นตอน\tระยะเวลา\n"
        "๑) การเปิดเผยข้อมูล\t<ul style=\"x\"> <li>-จัดทำแผน</li> <li>-รายงานผล</li> </ul>"
        "\t<p>๑ ต.ค. ๒๕๖๘</p> <p>-</p> <p>๓๐ ก.ย. ๒๕๖๙</p>\n"
    )
    doc = document_from_text(text, path="mem.txt")
    assert doc.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert doc.format == "text" and doc.path == "mem.txt" and doc.encoding is None
    row = doc.lines[1]
    assert row.number == 2
    assert row.cells == (
        Cell("1) การเปิดเผยข้อมูล"),
        Cell("-จัดทำแผน -รายงานผล", ("-จัดทำแผน", "-รายงานผล")),
        Cell("1 ต.ค. 2568 - 30 ก.ย. 2569", ("1 ต.ค. 2568 - 30 ก.ย. 2569",)),
    )
    assert row.text == "1) การเปิดเผยข้อมูล\t-จัดทำแผน -รายงานผล\t1 ต.ค. 2568 - 30 ก.ย. 2569"
    assert "<" not in doc.text


def test_text_line_outside_table_drops_markup_but_keeps_less_than():
    doc = document_from_text("<p>ย่อหน้า <b>หนา</b></p>\nคะแนน < 85\n")
    assert [ln.text for ln in doc.lines] == ["ย่อหน้า หนา", "คะแนน < 85"]


def test_decode_text_reports_encoding():
    assert decode_text("ก".encode("cp874")) == ("ก", "cp874")
    assert decode_text(b"abc") == ("abc", "utf-8")


def test_unknown_extension_is_sniffed_as_text(tmp_path):
    doc = read_document(_write(tmp_path, "report.dat", "ระดับ Aในขณะที่".encode("cp874")))
    assert (doc.format, doc.encoding, doc.text) == ("text", "cp874", "ระดับ A ในขณะที่")


# ---------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>ไม่เอา</title><style>p {color: red}</style></head>
<body>
<h1>ผลการประเมิน ITA</h1>
<p>ได้ <b>๘๕.๓๒</b>คะแนน<br>บรรทัดใหม่</p>
<script>var x = "<p>no</p>";</script>
<table>
<tr><th>มาตรการ</th><th>ขั้นตอน</th></tr>
<tr><td>การใช้ทรัพย์สิน</td><td><ul><li>-จัดทำคู่มือ</li>
<li>-ขออนุญาต &amp; รายงาน</li></ul></td></tr>
</table>
<ul><li>ข้อเสนอแนะ</li></ul>
</body></html>
"""


def test_html_page(tmp_path):
    doc = read_document(_write(tmp_path, "page.html", HTML_PAGE.encode()))
    assert doc.format == "html" and doc.encoding == "utf-8"
    assert [(ln.number, ln.text) for ln in doc.lines] == [
        (4, "ผลการประเมิน ITA"),
        (5, "ได้ 85.32 คะแนน"),
        (5, "บรรทัดใหม่"),
        (8, "มาตรการ\tขั้นตอน"),
        (9, "การใช้ทรัพย์สิน\t-จัดทำคู่มือ -ขออนุญาต & รายงาน"),
        (12, "ข้อเสนอแนะ"),
    ]
    row = doc.lines[4]
    assert row.cells[1].parts == ("-จัดทำคู่มือ", "-ขออนุญาต & รายงาน")
    assert row.cells[0] == Cell("การใช้ทรัพย์สิน")
    assert "<" not in doc.text and "ไม่เอา" not in doc.text and "red" not in doc.text


def test_html_nested_table_is_flattened_into_the_outer_cell():
    html = (
        "<html><body><table><tr><td>นอก</td><td><table>"
        "<tr><td>ก</td><td>1</td></tr><tr><td>ข</td><td>2</td></tr>"
        "</table></td></tr></table></body></html>"
    )
    doc = document_from_bytes(html.encode(), name="n.htm")
    assert [ln.text for ln in doc.lines] == ["นอก\tก 1 ข 2"]
    assert doc.lines[0].cells[1].parts == ("ก 1", "ข 2")


def test_html_sniffed_without_extension():
    doc = document_from_bytes("<html><body><p>สวัสดี</p></body></html>".encode("utf-16"))
    assert (doc.format, doc.encoding, doc.text) == ("html", "utf-16-le", "สวัสดี")


# ---------------------------------------------------------------- DOCX

def _make_docx(path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("รายงานผล ITA ๒๕๖๘", level=1)
    d.add_paragraph("คะแนนรวม 85.32คะแนน")
    t = d.add_table(rows=2, cols=3)
    for c, txt in zip(t.rows[0].cells, ["ตัวชี้วัด", "คะแนน", "ขั้นตอน"]):
        c.text = txt
    r = t.rows[1].cells
    r[0].text = "การเปิดเผยข้อมูล"
    r[1].text = "๙๙.๑๗"
    r[2].text = "มอบหมายงาน"
    r[2].add_paragraph("ติดตามผล")
    d.add_paragraph("ท้ายเอกสาร")
    d.save(str(path))


def test_docx(tmp_path):
    p = tmp_path / "r.docx"
    _make_docx(p)
    doc = read_document(p)
    assert doc.format == "docx"
    assert doc.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
    assert doc.lines == [
        Line(1, "รายงานผล ITA 2568"),
        Line(2, "คะแนนรวม 85.32 คะแนน"),
        Line(3, "ตัวชี้วัด\tคะแนน\tขั้นตอน", (Cell("ตัวชี้วัด"), Cell("คะแนน"), Cell("ขั้นตอน"))),
        Line(
            4,
            "การเปิดเผยข้อมูล\t99.17\tมอบหมายงาน ติดตามผล",
            (Cell("การเปิดเผยข้อมูล"), Cell("99.17"), Cell("มอบหมายงาน ติดตามผล", ("มอบหมายงาน", "ติดตามผล"))),
        ),
        Line(5, "ท้ายเอกสาร"),
    ]


def test_docx_merged_cells_appear_once(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "รวม"
    t.cell(0, 2).text = "100"
    t.cell(1, 0).text = "100"
    t.cell(1, 1).text = "100"  # identical text in separate cells is kept
    p = tmp_path / "m.docx"
    d.save(str(p))
    doc = read_document(p)
    assert [ln.text for ln in doc.lines] == ["รวม\t100", "100\t100\t"]


# ---------------------------------------------------------------- PDF

def _thai_font() -> Path | None:
    names = ("Garuda.ttf", "Loma.ttf", "Norasi.ttf", "Kinnari.ttf")
    for root in ("/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/truetype", "/usr/share/fonts"):
        base = Path(root)
        if not base.is_dir():
            continue
        for name in names:
            for hit in base.rglob(name):
                return hit
    return None


def _make_pdf(lines: list[str]) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    font = _thai_font()
    if font is None:
        pytest.skip("no Thai TTF font (fonts-thai-tlwg-ttf) under /usr/share/fonts")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("thai", fname=str(font))
    pdf.set_font("thai", size=14)
    pdf.set_text_shaping(False)  # unshaped glyphs keep a 1:1 map back to Unicode for pypdf
    for text in lines:
        pdf.cell(text=text)
        pdf.ln(10)
    return bytes(pdf.output())


def test_pdf_thai_text_and_digits(tmp_path):
    data = _make_pdf(["ผลการประเมิน น้ำใจ ผู้ใหญ่", "คะแนน 85.32 และ ๙๙.๑๗", "ปี ๒๕๖๗ ระดับ A"])
    p = _write(tmp_path, "r.pdf", data)
    doc = read_document(p)
    assert doc.format == "pdf"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert [(ln.number, ln.text) for ln in doc.lines] == [
        (1, "ผลการประเมิน น้ำใจ ผู้ใหญ่"),
        (2, "คะแนน 85.32 และ 99.17"),
        (3, "ปี 2567 ระดับ A"),
    ]


def test_pdf_sniffed_under_unknown_name():
    data = _make_pdf(["ทดสอบ"])
    assert document_from_bytes(data, name="blob.bin").text == "ทดสอบ"


def test_pdf_without_text_layer():
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    with pytest.raises(DocumentReadError) as exc:
        document_from_bytes(bytes(pdf.output()), name="scan.pdf")
    assert str(exc.value) == "scan.pdf: PDF has no text layer (scanned?)"


def test_pdf_encrypted():
    fpdf = pytest.importorskip("fpdf")
    from fpdf.enums import EncryptionMethod

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica")
    pdf.cell(text="secret")
    pdf.set_encryption(owner_password="o", user_password="u", encryption_method=EncryptionMethod.RC4)
    with pytest.raises(DocumentReadError) as exc:
        document_from_bytes(bytes(pdf.output()), name="lock.pdf")
    assert str(exc.value) == "lock.pdf: PDF is encrypted"


# ---------------------------------------------------------------- errors

def test_missing_file(tmp_path):
    p = tmp_path / "nope.txt"
    with pytest.raises(DocumentReadError) as exc:
        read_document(p)
    assert type(exc.value) is DocumentReadError
    assert (exc.value.path, exc.value.reason) == (str(p), "file not found")
    assert str(p) in str(exc.value)


def test_directory(tmp_path):
    with pytest.raises(DocumentReadError) as exc:
        read_document(tmp_path)
    assert type(exc.value) is DocumentReadError
    assert str(exc.value) == f"{tmp_path}: is a folder, not a file"


@pytest.mark.parametrize(
    "name, data",
    [
        ("e.txt", b""),
        ("w.txt", b" \r\n\t \n"),
        ("bom.txt", b"\xef\xbb\xbf  \n"),
        ("w16.txt", "  \n ".encode("utf-16")),
        ("e.html", b"<html><head><title>x</title></head><body> </body></html>"),
    ],
    ids=["empty", "whitespace", "bom-only", "utf16-blank", "html-no-body-text"],
)
def test_empty_documents(tmp_path, name, data):
    p = _write(tmp_path, name, data)
    with pytest.raises(EmptyDocumentError) as exc:
        read_document(p)
    assert str(exc.value) == f"{p}: empty document"


def test_empty_docx(tmp_path):
    docx = pytest.importorskip("docx")
    p = tmp_path / "blank.docx"
    docx.Document().save(str(p))
    with pytest.raises(EmptyDocumentError):
        read_document(p)


@pytest.mark.parametrize("name", ["junk.txt", "junk.bin", "junk"])
def test_random_binary(tmp_path, name):
    p = _write(tmp_path, name, random.Random(7).randbytes(4096))
    with pytest.raises(DocumentReadError) as exc:
        read_document(p)
    assert type(exc.value) is DocumentReadError
    assert str(exc.value) == f"{p}: not a text document (binary content)"


def test_control_characters_are_binary():
    with pytest.raises(DocumentReadError, match="binary"):
        document_from_bytes(bytes(range(1, 32)) * 20 + b"abc", name="c.txt")


def test_truncated_pdf(tmp_path):
    data = _make_pdf(["ทดสอบ ตัดท้าย"])
    p = _write(tmp_path, "cut.pdf", data[: len(data) // 3])
    with pytest.raises(DocumentReadError) as exc:
        read_document(p)
    assert type(exc.value) is DocumentReadError
    assert exc.value.path == str(p) and str(p) in str(exc.value)
    assert "PDF" in exc.value.reason


def test_pdf_extension_on_text(tmp_path):
    p = _write(tmp_path, "fake.pdf", "ไม่ใช่ PDF".encode())
    with pytest.raises(DocumentReadError) as exc:
        read_document(p)
    assert exc.value.reason.startswith("corrupt PDF: ")


def test_docx_that_is_not_a_zip(tmp_path):
    p = _write(tmp_path, "bad.docx", "ข้อความธรรมดา".encode())
    with pytest.raises(DocumentReadError) as exc:
        read_document(p)
    assert type(exc.value) is DocumentReadError
    assert str(p) in str(exc.value)
    assert exc.value.reason.startswith("not a valid DOCX file")


def test_zip_that_is_not_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "x")
    with pytest.raises(UnsupportedFormatError) as exc:
        document_from_bytes(buf.getvalue(), name="a.zip")
    assert str(exc.value) == "a.zip: zip archive that is neither a DOCX nor an XLSX"


def test_truncated_docx(tmp_path):
    p = tmp_path / "r.docx"
    _make_docx(p)
    q = _write(tmp_path, "cut.docx", p.read_bytes()[:2000])
    with pytest.raises(DocumentReadError) as exc:
        read_document(q)
    assert exc.value.path == str(q)


@pytest.mark.parametrize("name", [None, "x.txt", "x.html", "x.docx", "x.pdf", "x.csv"])
def test_no_foreign_exception_for_odd_bytes(name):
    rng = random.Random(11)
    seeds = [
        b"%PDF-1.4\n" + rng.randbytes(300),
        b"PK\x03\x04" + rng.randbytes(300),
        b"<html><table><tr><td><p>" * 50,
        b"\xff\xfe" + b"\x00\xd8" * 10,  # UTF-16 BOM + lone surrogates
        bytes([0xA1 + i % 90 for i in range(300)]),  # Thai 8-bit range
        "ก\ufffd\u0e4d".encode() * 40,
    ]
    for data in seeds:
        try:
            doc = document_from_bytes(data, name=name)
        except ItaError as exc:
            assert exc.path == name
        else:
            assert "<" not in doc.text or doc.format != "html"


@pytest.mark.parametrize(
    "exc",
    [
        DocumentReadError("file not found", path="/x/ก.txt"),
        EmptyDocumentError("empty document", path="e.txt", line=3),
        UnsupportedFormatError("zip", path=None),
        ParamsError("bad key", path=Path("p.yaml"), line=12),
    ],
)
def test_errors_round_trip_through_pickle(exc):
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert (back.path, back.line, back.reason) == (exc.path, exc.line, exc.reason)
    assert str(back) == str(exc)


def test_html_line_numbers_after_skipped_and_table_elements():
    html = (
        "<html><head>\n<style>\n\n</style></head><body>\n<table>\n<tr><td>ก</td></tr>\n</table>\n"
        "หลังตาราง\n<p>\nย่อหน้า\n</p>ท้าย<br>\n\nหลัง br<!-- หมายเหตุ --></body></html>"
    )
    doc = document_from_bytes(html.encode(), name="l.html")
    assert [(ln.number, ln.text) for ln in doc.lines] == [
        (6, "ก"), (8, "หลังตาราง"), (10, "ย่อหน้า"), (11, "ท้าย"), (13, "หลัง br")
    ]


def test_html_deep_nesting_does_not_hit_recursion_limit():
    html = "<html><body><table><tr><td>" + "<div>" * 5000 + "ลึก" + "</div>" * 5000
    doc = document_from_bytes((html + "</td></tr></table></body></html>").encode(), name="d.html")
    assert doc.lines == [Line(1, "ลึก", (Cell("ลึก", ("ลึก",)),))]


def test_legacy_office_file_is_unsupported():
    with pytest.raises(UnsupportedFormatError) as exc:
        document_from_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), name="old.doc")
    assert exc.value.path == "old.doc"


def test_truncated_zip_without_extension():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "x" * 500)
    with pytest.raises(DocumentReadError) as exc:
        document_from_bytes(buf.getvalue()[:40], name="blob")
    assert exc.value.reason.startswith("corrupt zip archive")


def test_cp874_undefined_byte_is_dropped_not_turned_into_sara_am():
    # 0xDB is undefined in cp874; after a consonant it must not become ำ via U+FFFD
    doc = document_from_bytes("กข".encode("cp874") + b"\xdb" + "ค".encode("cp874"), name="t.txt")
    assert (doc.encoding, doc.text) == ("cp874", "กขค")
