"""What an agency's report still lacks before it is a publication: the analysis' open items (values
not printed or confirmed, disputes, the name), the sign-off and the report's date. The build writes
them as checklist.html beside a draft, and `build --final` names them when it refuses."""
from __future__ import annotations

from html import escape

from pythainlp.util import arabic_digit_to_thai_digit

from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.open_items import STATUS_TH
from ita_lib.report.line_breaks import keep_whole, mark_words

ROLES = ("reporter", "certifier", "approver")
ROLE_TH = {"reporter": "ผู้รายงาน", "certifier": "ผู้รับรอง", "approver": "ผู้เห็นชอบ"}


def signers_of(a: AgencyAnalysis, given: dict | None = None) -> dict:
    """Who signs: the params file's people where it names them, else those the agency confirmed."""
    given = given or {}
    signers = {}
    for role in ROLES:
        person = {key: value for key, value in (given.get(role) or {}).items() if value}
        for key in ("name", "position"):
            person.setdefault(key, a.confirmed.get(f"sign_off.{role}.{key}"))
        signers[role] = person
    return signers


def report_items(a: AgencyAnalysis, signers: dict) -> tuple[tuple[str, str, str], ...]:
    """(what, why it is open, what was found) for everything the agency must still settle."""
    items = [(row.label, STATUS_TH[row.status], row.found) for row in a.open_items.itertuples(index=False)]
    missing = [ROLE_TH[role] for role in ROLES if not (signers[role].get("name") and signers[role].get("position"))]
    if missing:
        items.append(("ผู้ลงนามท้ายรายงาน", "ยังไม่ทราบชื่อและตำแหน่ง", " ".join(missing)))
    if not a.confirmed.get("report_date"):
        items.append(("วันที่ของรายงาน", "ยังไม่ได้กำหนด", "ใช้วันที่สร้างรายงานไปก่อน"))
    return tuple(items)


def checklist_html(agency: str, items: tuple[tuple[str, str, str], ...], review_command: str,
                   digits: str = "thai") -> str:
    """A small Thai page: what is left, and how to settle it (its count in the report's digits), its
    Thai lines broken between words only, as the report's."""
    count = arabic_digit_to_thai_digit(str(len(items))) if digits == "thai" else str(len(items))
    keep_whole([agency, *ROLE_TH.values()])  # ผู้|เห็นชอบ is a title, not two words
    rows = "".join(f"<tr><td>{escape(what)}</td><td>{escape(why)}</td><td>{escape(found)}</td></tr>"
                   for what, why, found in items)
    return mark_words(f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>รายการที่ต้องยืนยันก่อนเผยแพร่: {escape(agency)}</title>
<style>body {{ font-family: "TH Sarabun New", "Sarabun", "Noto Sans Thai", sans-serif; margin: 2rem; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #999; padding: 0.3rem 0.6rem; }}
th {{ background: #eee; }} .w {{ white-space: nowrap; }}</style></head>
<body><h1>รายงานของ {escape(agency)} ยังเป็นฉบับร่าง</h1>
<p>ต้องยืนยันอีก {count} รายการ ก่อนเผยแพร่รายงานฉบับจริง</p>
<table><tr><th>รายการ</th><th>สถานะ</th><th>ที่พบ</th></tr>{rows}</table>
<p>วิธียืนยัน: สั่ง <code>{escape(review_command)}</code> กรอกแบบตรวจทานที่ได้
แล้วสั่ง <code>ita-report confirm</code> กับไฟล์นั้น และสร้างรายงานใหม่</p>
</body></html>
""")
