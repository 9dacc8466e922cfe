"""The publication rule, through the command as an agency runs it: a report with something left to
confirm is a draft (ร่าง on every PDF page and in the Word header, checklist.html beside it) and
`build --final` refuses it in one line with exit 3; once the agency has confirmed everything,
`--final` builds the publication, with no draft mark and no checklist."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ita_lib.analysis import load
from ita_lib.cli import exit_codes
from ita_lib.model import Assessment, Source
from ita_lib.report.line_breaks import unmarked
from ita_lib.review.write import review_text
from review_answers import answered

NAME = "องค์การบริหารส่วนตำบลโคกกลางใหม่"
# all ten indicators printed, no overall, no instrument: those are what the agency must confirm
INDICATORS = {"1": 96.40, "2": 94.10, "3": 97.85, "4": 90.20, "5": 95.55, "6": 88.75, "7": 86.30, "8": 91.05,
              "9": 84.60, "10": 89.90}


def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_lib", *arguments], capture_output=True, text=True,
                          timeout=600, cwd=cwd)


def unconfirmed(db: Path, write_records) -> Path:
    write_records(db, [Assessment(agency=NAME, agency_type="อบต.", district="พล", province="ขอนแก่น",
                                  fiscal_year=2567, indicators=INDICATORS,
                                  source=Source(path="analysis-2567.txt", sha256="c" * 64, kind="agency_analysis"))])
    return db


@pytest.fixture(scope="module")
def store(tmp_path_factory, write_records) -> Path:
    """The agency before its review; the tests below confirm everything, in this order."""
    return unconfirmed(tmp_path_factory.mktemp("publication") / "ita.duckdb", write_records)


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_a_report_with_something_to_confirm_is_a_draft_and_final_refuses_it(store, tmp_path) -> None:
    out = tmp_path / "out"
    refused = run("build", NAME, "--db", str(store), "--output-dir", str(out), "--final", "--format", "pdf",
                  cwd=tmp_path)
    assert refused.returncode == exit_codes.PARTIAL and "Traceback" not in refused.stderr
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "not final, 8 items to confirm (ผลการประเมิน" in lines[0]
    assert f'ita-report review "{NAME}"' in lines[0]
    assert not list(out.glob("*/report.pdf"))

    drafted = run("build", NAME, "--db", str(store), "--output-dir", str(out), "--format", "pdf,docx", cwd=tmp_path)
    assert drafted.returncode == exit_codes.OK, drafted.stderr
    folder = next(out.glob("*/"))
    assert all("ร่าง" in page for page in pages(folder / "report.pdf"))
    with zipfile.ZipFile(folder / "report.docx") as docx:
        headers = "".join(docx.read(name).decode("utf-8") for name in docx.namelist() if "header" in name)
    assert ">ร่าง<" in headers
    checklist = unmarked((folder / "checklist.html").read_text(encoding="utf-8"))
    for item in ("คะแนนรวม ITA", "(IIT)", "(EIT)", "(OIT)", "สาเหตุที่ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ต่ำกว่าเกณฑ์",
                 "ผู้ลงนามท้ายรายงาน", "วันที่ของรายงาน"):
        assert item in checklist
    assert "ต้องยืนยันอีก ๘ รายการ" in checklist


ANSWERS = {"  overall_score": "91.87", "  instrument:IIT": "94.50", "  instrument:EIT": "90.10",
           "  instrument:OIT": "90.85", "result": '"ผ่าน"', "confirmed_by": '"นางทดลอง รอบคอบ ปลัด อบต."',
           "report_date": "2568-11-28"}
CAUSE = "เว็บไซต์ของหน่วยงานไม่ได้ปรับปรุงข้อมูลการจัดซื้อจัดจ้างรายเดือนตลอดปี"
SIGNERS = {"reporter": ("นางสาวตัวอย่าง ขยัน", "นักจัดการงานทั่วไป"), "certifier": ("นางทดลอง รอบคอบ", "ปลัด อบต."),
           "approver": ("นายใจดี มีธรรม", "นายกองค์การบริหารส่วนตำบลโคกกลางใหม่")}


def test_once_everything_is_confirmed_final_builds_the_publication(store, tmp_path) -> None:
    text = review_text(load(NAME, store))
    text = answered(text, {"causes": {"indicator:9": CAUSE}})
    for key, value in ANSWERS.items():
        text = re.sub(rf"\n{re.escape(key)}:[^\n#]*", lambda _: f"\n{key}: {value} ", text, count=1)
    for role, (name, position) in SIGNERS.items():
        text = re.sub(rf"(\n  {role}:[^\n]*)\n    name:\n    position:",
                      lambda match: f'{match.group(1)}\n    name: "{name}"\n    position: "{position}"', text)
    review = tmp_path / "review.yaml"
    review.write_text(text, encoding="utf-8")
    assert run("confirm", str(review), "--db", str(store), cwd=tmp_path).returncode == exit_codes.OK
    out = tmp_path / "out"
    final = run("build", NAME, "--db", str(store), "--output-dir", str(out), "--final", "--format", "pdf",
                cwd=tmp_path)
    assert final.returncode == exit_codes.OK, final.stderr
    folder = next(out.glob("*/"))
    assert not (folder / "checklist.html").exists()
    text = "\n".join(pages(folder / "report.pdf"))
    assert "ร่าง" not in text and "คำนวณ" not in text
    assert "นายใจดี มีธรรม" in text and "๒๘ พฤศจิกายน ๒๕๖๘" in text and "๙๑.๘๗" in text
    assert "สาเหตุของจุดอ่อน" in text and "เว็บไซต์ของหน่วยงานไม่ได้ปรับปรุงข้อมูล" in text


def test_a_batch_of_publications_fails_the_agency_with_something_to_confirm(tmp_path, write_records) -> None:
    store = unconfirmed(tmp_path / "ita.duckdb", write_records)
    done = run("batch", "--all", "--db", str(store), "--output-dir", str(tmp_path / "out"), "--final",
               "--format", "pdf", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == exit_codes.PARTIAL and "Traceback" not in done.stderr
    manifest = (tmp_path / "out" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "failed" in manifest and "not final" in manifest
    assert not list((tmp_path / "out").glob("*/report.pdf"))


def test_a_first_year_has_no_column_of_changes(store) -> None:
    """With no year before, the indicator table has nothing to say about change: no column of dashes."""
    from ita_lib.report.sections import indicator_table

    table = indicator_table(load(NAME, store)).blocks[0]
    assert table.header == ("ตัวชี้วัด", "แบบวัด", "คะแนน", "ระดับ", "อันดับ")
    assert {len(row) for row in table.rows} == {5}
