"""Property tests: any text or bytes either parses or raises an ItaError, and parsing is deterministic."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_lib.errors import ItaError
from ita_lib.parse import parse_document

# Text built from the pieces real documents are made of, so the parser's paths are exercised.
PIECES = st.sampled_from([
    "คะแนนภาพรวมหน่วยงาน", "องค์การบริหารส่วนตำบล", "อบต.", "เทศบาลตำบล", "อำเภอ", "จังหวัด", "ITA",
    "ประจำปีงบประมาณ พ.ศ.", "๒๕๖๘", "2563", "85.32", "๑๐๐.๐๐", "คะแนน", "ระดับ", " A", "ผ่าน", "ไม่ผ่าน",
    "อันดับ\tตัวชี้วัด\tคะแนน", "ตัวชี้วัด\tคะแนน", "\t", "\n", " ", "การใช้อำนาจ", "การเปิดเผยข้อมูล",
    "ตัวชี้วัดที่ ๓", "ข้อ ๐๑๓ ได้คะแนน ๕๐", "<ul><li>", "</li>", "<p>", "ขั้นตอน", "มาตรการ", "ผู้รับผิดชอบ",
    "ข้อเสนอแนะสำหรับการประเมินตามแบบวัด (EIT)", "แบบวัด OIT เป็น", "1) ", "\u0e4d\u0e32", "\ufffd", "\u200b",
    "scored 91.27 in fiscal 2024", "Subdistrict Administrative Organization", "ปีงบประมาณ\tคะแนน\tระดับ",
])
DOCUMENT_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def outcome(source):
    try:
        return ("ok", [record.model_dump() for record in parse_document(source)])
    except ItaError as error:
        return ("error", type(error).__name__, str(error))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT_TEXT)
def test_any_text_parses_or_raises_ita_error_deterministically(text: str) -> None:
    # A str with a line break is always document text, never a path.
    text = text + "\n"
    assert outcome(text) == outcome(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), DOCUMENT_TEXT.map(lambda t: t.encode("utf-8")),
                 DOCUMENT_TEXT.map(lambda t: t.encode("utf-16")),
                 st.binary(max_size=60).map(lambda b: b"%PDF-1.4\n" + b),
                 st.binary(max_size=60).map(lambda b: b"PK\x03\x04" + b)))
def test_any_bytes_parse_or_raise_ita_error_deterministically(data: bytes) -> None:
    assert outcome(data) == outcome(data)
