"""The app's flow without a browser (ita_lib.app.session): uploads kept under names the tool makes
and refused in one Thai sentence, what was read with its line, the review as a form, confirmations
kept for the agency's next visit, a shared store only read, and a build into the session's folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from ita_lib.app.form import FormErrors
from ita_lib.app.session import AppSession
from ita_lib.io import limits

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ANALYSIS = "nonsa-at-phatthana_2568_analysis-status.txt"

# An analysis document of my own: an indicator table, and its action plan quoting another score for
# indicator 4 (as agencies' plans often do), and a name spelt two ways.
TWO_SCORES = """รายงานผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA)
ประจำปีงบประมาณ พ.ศ. 2568
องค์การบริหารส่วนตำบลคลองขวาง อำเภอไทรน้อย จังหวัดนนทบุรี
ผลคะแนนภาพรวม 88.41 คะแนน ผลการประเมิน ผ่าน
ตัวชี้วัด\tคะแนน
1. การปฏิบัติหน้าที่\t97.20
2. การใช้งบประมาณ\t93.15
3. การใช้อำนาจ\t95.60
4. การใช้ทรัพย์สินของราชการ\t91.05
5. การแก้ไขปัญหาการทุจริต\t94.40
6. คุณภาพการดำเนินงาน\t90.12
7. ประสิทธิภาพการสื่อสาร\t89.30
8. การปรับปรุงการทำงาน\t88.75
9. การเปิดเผยข้อมูล\t86.36
10. การป้องกันการทุจริต\t75.00
การนำผลการประเมินไปปรับปรุงการทำงาน
ตัวชี้วัด\tโครงการ/กิจกรรม\tผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA\tขั้นตอนหรือวิธีการดำเนินการ\tช่วงระยะเวลาการดำเนินการ\tผู้รับผิดชอบ
""" + "\t".join(("4. การใช้ทรัพย์สินของราชการ", "โครงการคู่มือการยืมทรัพย์สิน",
    "คะแนน (81.05) ยังมีการยืมทรัพย์สินโดยไม่บันทึก", "จัดทำคู่มือและแบบฟอร์มการยืม", "ต.ค. 2568 - ก.ย. 2569",
    "สำนักปลัด")) + """
อบต.คลองขวาง จะนำผลไปปรับปรุงในปีงบประมาณ พ.ศ. 2569
"""


def _session(root: Path, **options) -> AppSession:
    return AppSession(root, **options)


def test_an_upload_is_kept_under_a_name_the_tool_makes(tmp_path) -> None:
    session = _session(tmp_path)
    kept = session.add_upload("..\\..\\C:\\เอกสาร\\ผลการประเมิน.txt", (EXAMPLES / ANALYSIS).read_bytes())
    assert kept.name == "ผลการประเมิน.txt"
    assert kept.path == session.workspace.uploads / "001.txt"
    assert kept.path.read_bytes() == (EXAMPLES / ANALYSIS).read_bytes()
    assert [p.name for p in session.workspace.uploads.iterdir()] == ["001.txt"]


@pytest.mark.parametrize("name, data, said", [
    ("report.exe", b"MZ\x90\x00", "ไฟล์ report.exe ไม่ใช่ชนิดที่อ่านได้"),
    ("big.pdf", b"%PDF-1.4" + b"0" * 2000, "ไฟล์ big.pdf ใหญ่เกินไป"),
    ("ไม่มีนามสกุล", b"text", "ไฟล์ ไม่มีนามสกุล ไม่ใช่ชนิดที่อ่านได้"),
])
def test_an_upload_that_cannot_be_a_document_is_refused_in_one_thai_sentence(tmp_path, monkeypatch, name, data,
                                                                            said) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    session = _session(tmp_path)
    refused = session.add_upload(name, data)
    assert refused.path is None and refused.message.startswith(said) and "\n" not in refused.message
    assert not any(session.workspace.uploads.iterdir())


def test_the_same_file_twice_and_files_past_the_limit_are_refused(tmp_path, monkeypatch) -> None:
    from ita_lib.app import session as session_module

    monkeypatch.setattr(session_module, "MAX_UPLOADS", 2)
    session = _session(tmp_path)
    assert session.add_upload("a.txt", b"one").path is not None
    assert session.add_upload("copy.txt", b"one").message == "ไฟล์ copy.txt มีเนื้อหาเดียวกับไฟล์ที่ส่งแล้ว จึงไม่ได้อ่านซ้ำ"
    assert session.add_upload("b.txt", b"two").path is not None
    assert session.add_upload("c.txt", b"three").message.startswith("ส่งไฟล์ได้ไม่เกิน 2 ไฟล์")


def test_a_binary_file_says_so_and_a_real_document_names_its_agency(tmp_path) -> None:
    session = _session(tmp_path)
    session.add_upload("ภาพ.txt", bytes(range(256)) * 20)
    assert session.read_uploads() == ["ไฟล์ ภาพ.txt ไม่ใช่เอกสาร แต่เป็นไฟล์โปรแกรมหรือข้อมูลไบนารี จึงไม่ได้นำมาใช้",
                                      "ยังไม่พบหน่วยงานจากไฟล์ที่ส่ง ให้ส่งหน้าผลการประเมินจากระบบ ITAS "
                                      "หรือเอกสารวิเคราะห์ผลของหน่วยงาน"]
    assert session.agency_id is None
    session.add_upload("ผล.txt", TWO_SCORES.encode("utf-8"))
    assert session.read_uploads() == []
    assert session.agency_id == "อบต.:นนทบุรี:ไทรน้อย:คลองขวาง"


def test_what_was_read_shows_each_value_with_its_line(tmp_path) -> None:
    session = _session(tmp_path)
    session.add_upload("ผล.txt", TWO_SCORES.encode("utf-8"))
    session.read_uploads()
    readings = {(r.label, r.value): r for r in session.readings()}
    overall = readings[("คะแนนรวม", "๘๘.๔๑")]
    assert (overall.file, overall.line, overall.text) == ("ผล.txt", 4, "ผลคะแนนภาพรวม 88.41 คะแนน ผลการประเมิน ผ่าน")
    assert readings[("ตัวชี้วัดที่ ๔", "๙๑.๐๕")].line == 9
    assert readings[("ตัวชี้วัดที่ ๔", "๘๑.๐๕")].line == 18  # the plan's other value, shown too
    assert "เอกสารให้คะแนนเดียวกันไว้สองค่า (ผล.txt บรรทัด ๑๘)" in session.warnings()


def test_the_form_asks_for_the_disputed_score_and_refuses_a_wrong_answer_in_thai(tmp_path) -> None:
    session = _session(tmp_path)
    session.add_upload("ผล.txt", TWO_SCORES.encode("utf-8"))
    session.read_uploads()
    form = session.form()
    disputed = form.field("scores.indicator:4")
    assert disputed.proposals == ("๙๑.๐๕", "๘๑.๐๕") and disputed.answer == ""
    with pytest.raises(FormErrors) as refused:
        session.confirm({"scores.indicator:4": "เก้าสิบ", "confirmed_by": "นางสาวทดลอง ใจดี"})
    assert refused.value.problems == {
        "scores.indicator:4": "ตัวชี้วัดที่ ๔: ใส่คะแนนเป็นตัวเลขตั้งแต่ ๐ ถึง ๑๐๐ เช่น ๙๑.๒๕"}
    with pytest.raises(FormErrors) as unsigned:
        session.confirm({"scores.indicator:4": "91.05"})
    assert unsigned.value.problems == {"confirmed_by": "ใส่ชื่อและตำแหน่งผู้ยืนยันข้อมูลก่อนบันทึก"}


def test_confirmed_values_close_their_items_and_come_back_on_the_next_visit(tmp_path) -> None:
    first = _session(tmp_path)
    first.add_upload("ผล.txt", TWO_SCORES.encode("utf-8"))
    first.read_uploads()
    before = set(first.analysis().open_items["key"])
    assert {"indicator:4", "overall_score"} - before == {"overall_score"}  # the overall is printed
    first.confirm({"scores.indicator:4": "๙๑.๐๕", "name": "องค์การบริหารส่วนตำบลคลองขวาง",
                   "confirmed_by": "นางสาวทดลอง ใจดี หัวหน้าสำนักปลัด"})
    assert "indicator:4" not in set(first.analysis().open_items["key"])
    saved = first.workspace.confirmed_file(first.agency_id)
    assert 'indicator:4: "91.05"' in saved.read_text(encoding="utf-8")

    second = _session(tmp_path)  # a new browser session: its own folder, the same agency
    assert second.workspace.folder != first.workspace.folder
    second.add_upload("ผลการประเมิน.txt", TWO_SCORES.encode("utf-8"))
    second.read_uploads()
    assert second.apply_saved_confirmation()
    form = second.form()
    assert form.field("scores.indicator:4").answer == "๙๑.๐๕"
    assert form.field("confirmed_by").answer == "นางสาวทดลอง ใจดี หัวหน้าสำนักปลัด"
    assert "indicator:4" not in set(second.analysis().open_items["key"])


def test_an_agency_is_found_in_the_shared_store_by_any_spelling_and_copied(tmp_path, example_store) -> None:
    before = example_store.read_bytes()
    session = _session(tmp_path / "app", shared_db=example_store)
    for spelling in ("อบต.โนนสะอาดพัฒนา", "องค์การบริหารส่วนตำบล โนนสะอาดพัฒนา", "โนนสะอาด"):
        found = session.search(spelling)
        assert list(found["agency_id"]) == ["อบต.:นครราชสีมา:เมืองนครราชสีมา:โนนสะอาดพัฒนา"], spelling
    assert session.search("ไม่มีหน่วยงานนี้").empty
    session.take_from_store("อบต.:นครราชสีมา:เมืองนครราชสีมา:โนนสะอาดพัฒนา")
    assert session.analysis().latest_year == 2568
    assert list(session.analysis().years["fiscal_year"]) == [2563, 2565, 2567, 2568]
    assert example_store.read_bytes() == before  # only read


def test_a_build_writes_into_the_sessions_folder_and_says_whether_it_is_a_draft(tmp_path) -> None:
    session = _session(tmp_path)
    session.add_upload(ANALYSIS, (EXAMPLES / ANALYSIS).read_bytes())
    session.read_uploads()
    steps: list[str] = []
    built = session.build(("docx",), progress=steps.append)
    assert steps == ["กำลังวิเคราะห์และเขียนรายงาน", "กำลังทำไฟล์ Word", "กำลังบันทึกไฟล์"]
    assert built.draft and built.message.startswith("รายงานยังเป็นฉบับร่าง")
    assert set(built.files) == {"docx"}
    assert built.files["docx"].parent.parent == session.workspace.reports
    assert session.zip_of_reports()[:2] == b"PK"


def test_a_failed_build_is_one_sentence_and_keeps_every_upload_and_confirmation(tmp_path, monkeypatch) -> None:
    from ita_lib.report import render

    session = _session(tmp_path)
    session.add_upload("ผล.txt", TWO_SCORES.encode("utf-8"))
    session.read_uploads()
    session.confirm({"scores.indicator:4": "91.05", "confirmed_by": "นางสาวทดลอง ใจดี"})

    def crash(*args, **kwargs):
        raise RuntimeError("a writer's crash")

    monkeypatch.setattr(render, "build", crash)
    built = session.build(("pdf", "docx"))
    assert (built.files, built.message) == ({}, "สร้างรายงานไม่สำเร็จ ค่าที่ยืนยันไว้ยังอยู่ครบ ให้ลองสร้างใหม่อีกครั้ง")
    assert (session.workspace.uploads / "001.txt").read_bytes() == TWO_SCORES.encode("utf-8")
    assert session.form().field("scores.indicator:4").answer == "๙๑.๐๕"
    assert session.workspace.confirmed_file(session.agency_id).is_file()


def test_the_app_notebook_shows_the_page_when_run_in_jupyter(tmp_path, monkeypatch) -> None:
    """JupyterLab or a hub: run notebooks/app.ipynb's one cell and the page is its output."""
    import nbformat
    from nbclient import NotebookClient

    from ita_lib.app.page import ROOT_VARIABLE
    from ita_lib.app.server import app_notebook

    monkeypatch.setenv(ROOT_VARIABLE, str(tmp_path / "app"))
    notebook = nbformat.read(app_notebook(), as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert [output["output_type"] for output in outputs] == ["execute_result"]
    assert "application/vnd.jupyter.widget-view+json" in outputs[0]["data"]
    assert (tmp_path / "app" / "sessions").is_dir()
