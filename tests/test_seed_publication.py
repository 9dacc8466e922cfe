"""Issue 24's acceptance on the five seed documents: each agency fills in its review file (made-up
answers, tests/fixtures/review/seed_answers.yaml), confirms it, and builds its final report in
every format; the PDF and Word text then hold no review material: no computed value, no mark of a
disputed one, no placeholder sentence, no unconfirmed weight, no file or tool name."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from review_answers import answered

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ANSWERS = yaml.safe_load((Path(__file__).parent / "fixtures" / "review" / "seed_answers.yaml").read_text("utf-8"))
# What an agency's publication never prints: a value the tool computed, a disputed value's mark, a
# placeholder where a value or a section is missing, the weights' doubt, the tool and source files.
REVIEW_MATERIAL = ("†", "คำนวณ", "ไม่มีในเอกสาร", "ยังไม่ได้รับการยืนยัน", "ไม่มีปีก่อนหน้า", "ไม่มีข้อเสนอแนะ",
                   "ยังมีข้อมูลไม่ถึง", "ไม่มีข้อมูล", "ควรตรวจสอบ", "ita-report", "ร่าง")
FILE_NAME = re.compile(r"\S+\.(?:txt|pdf|docx|html|csv)\b")
LATIN = re.compile(r"[A-Za-z]")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")


def ita(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_lib", *arguments], capture_output=True, text=True,
                          timeout=900, cwd=cwd)


@pytest.fixture(scope="module")
def finals(tmp_path_factory) -> dict[str, Path]:
    """seed → the folder of its final agency report."""
    work = tmp_path_factory.mktemp("seed-publication")
    assert ita("ingest", str(SEEDS), "--db", "ita.duckdb", "--quiet", cwd=work).returncode == 0
    folders = {}
    for seed, given in ANSWERS.items():
        review = work / f"review-{seed}.yaml"
        made = ita("review", given["agency"], "--db", "ita.duckdb", "--out", str(review), cwd=work)
        assert made.returncode == 0, made.stderr
        signer = given["signers"]["certifier"]
        review.write_text(answered(review.read_text("utf-8"), {
            **given, "confirmed_by": f"{signer[0]} {signer[1]}", "confirmed_on": given["report_date"]}), "utf-8")
        confirmed = ita("confirm", str(review), "--db", "ita.duckdb", cwd=work)
        assert confirmed.returncode == 0, confirmed.stderr
        before = set((work / "out").glob("*/report.pdf"))
        built = ita("build", given["agency"], "--db", "ita.duckdb", "--output-dir", "out", "--final",
                    "--audience", "agency", "--format", "html,pdf,docx,xlsx", cwd=work)
        assert built.returncode == 0, built.stderr
        (made_now,) = set((work / "out").glob("*/report.pdf")) - before
        folders[seed] = made_now.parent
    return folders


def texts(folder: Path) -> dict[str, str]:
    pdf = subprocess.run(["pdftotext", "-layout", str(folder / "report.pdf"), "-"], capture_output=True,
                         text=True).stdout
    document = docx.Document(str(folder / "report.docx"))
    words = [p.text for p in document.paragraphs]
    words += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return {"pdf": pdf, "docx": "\n".join(words)}


@pytest.mark.parametrize("seed", sorted(ANSWERS))
def test_the_final_report_holds_no_review_material(finals, seed) -> None:
    folder = finals[seed]
    assert not (folder / "checklist.html").exists()
    for kind, text in texts(folder).items():
        found = [word for word in REVIEW_MATERIAL if word in text]
        assert found == [], f"{seed} {kind}: {found}"
        assert FILE_NAME.findall(text) == [], f"{seed} {kind}"
        # one digit system: Thai, but for digits inside a Latin code or address the document wrote
        assert re.findall(r"[0-9]", " ".join(w for w in text.split() if not LATIN.search(w))) == [], f"{seed} {kind}"


def test_the_seed_with_two_spellings_is_published_under_the_official_one(finals) -> None:
    pdf = texts(finals["004"])["pdf"]
    title = pdf[:pdf.index("สารบัญ")]
    assert "เทศบาลตำบลหนองเสาเล้า" in title and "หนองเส้า" not in title
    assert "นางสาวรัชนีพย์ พรมเสียว" in pdf and "๑๘ ธันวาคม ๒๕๖๘" in pdf


@pytest.mark.parametrize("seed", [seed for seed, given in sorted(ANSWERS.items()) if given.get("corrections")])
def test_the_agencys_corrections_of_its_damaged_text_are_printed(finals, seed) -> None:
    for kind, text in texts(finals[seed]).items():
        joined = "".join(text.split())  # lines break anywhere between words
        for written, meant in ANSWERS[seed]["corrections"].items():
            written, meant = ("".join(t.split()).translate(THAI_DIGITS) for t in (written, meant))  # as printed
            assert written not in joined, f"{seed} {kind}"
            if kind == "docx":  # the PDF's text interleaves a table's columns, the Word text does not
                assert meant in joined, seed


def test_the_agencys_name_never_breaks_in_the_page(finals) -> None:
    """บางเคชะ is in no word list: the page keeps the agency's own name one word all the same."""
    page = (finals["000"] / "report.html").read_text("utf-8")
    assert page.count('<span class="w">บางเคชะ</span>') >= 2
    assert re.search(r"บาง</span><wbr><span class=\"w\">เค|>เคชะ<", page) is None
