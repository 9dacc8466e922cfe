"""The page's widgets without a browser (ita_lib.app.page): what reaches HTML is escaped, and a
handler's unexpected failure is one Thai sentence on the page."""
from __future__ import annotations

import pytest

pytest.importorskip("ipywidgets")

from ita_lib.app.page import UNEXPECTED, AppPage  # noqa: E402
from ita_lib.app.session import AppSession  # noqa: E402

# A result page of my own whose lines carry markup, as a saved web page's text may.
MARKED_UP = """ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA) ประจำปีงบประมาณ พ.ศ. 2567
องค์การบริหารส่วนตำบลหนองตะไก้ อำเภอหนองบุญมาก จังหวัดนครราชสีมา <script>alert(1)</script>
ได้คะแนน 93.16 คะแนน <b>ผ่าน</b>
"""


def _page(tmp_path) -> AppPage:
    page = AppPage(AppSession(tmp_path))
    page.show()
    return page


def test_document_text_on_the_page_is_escaped(tmp_path) -> None:
    page = _page(tmp_path)
    page._uploaded({"new": ({"name": "<img src=x onerror=alert(1)>.txt", "content": memoryview(
        MARKED_UP.encode("utf-8"))},)})
    assert "<script" not in page.readings.value and "<b>" not in page.readings.value
    for shown in (page.readings.value, page.upload_said.value):  # the file's name, as the user gave it
        assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;.txt" in shown
    assert "หนองตะไก้" in page.readings.value


def test_an_unexpected_failure_is_one_thai_sentence_and_the_upload_is_kept(tmp_path) -> None:
    page = _page(tmp_path)

    def fails():
        raise RuntimeError("a reader's crash")

    page.session.read_uploads = fails
    page._uploaded({"new": ({"name": "ผล.txt", "content": memoryview(MARKED_UP.encode("utf-8"))},)})
    assert page.upload_said.value == f'<div class="ita-error">{UNEXPECTED}</div>'
    assert (page.session.workspace.uploads / "001.txt").read_bytes() == MARKED_UP.encode("utf-8")
