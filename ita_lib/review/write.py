"""The review file an agency fills in: YAML whose comments, in Thai, say what each entry is, what the
documents give and what to do. Every answer starts empty (or as the agency left it in an earlier
review file): what is printed in the file is a question, never a confirmation."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from ita_lib.analysis import AgencyAnalysis
from ita_lib import fields
from ita_lib.analysis.corrections import corrections_of
from ita_lib.analysis.history import CONFIRMED
from ita_lib.analysis.numbers import fmt
from ita_lib.analysis.open_items import STATUS_TH
from ita_lib.review.damaged import damaged_texts
from ita_lib.parse.years import BE_OFFSET
from ita_lib.review.model import Review
from ita_lib.rubric import load as load_rubric
from ita_lib.store.names import name_parts
from ita_lib.store.official_names import LOCAL_TIERS, near_subdistricts, spelling_places

CAUSE = "cause:"  # the open item and the stored fact of a weakness' cause: cause:indicator:7
ROLES = {"reporter": "ผู้รายงาน", "certifier": "ผู้รับรอง", "approver": "ผู้เห็นชอบ (หัวหน้าหน่วยงาน)"}


def _value(value) -> str:
    """A YAML scalar: empty for "not given", else quoted: Thai text, a score with two decimals, a date
    as Thai offices write it (2568-12-01, B.E.)."""
    if value in (None, ""):
        return ""
    if isinstance(value, float):
        value = f"{value:.2f}"
    elif isinstance(value, datetime.date):
        value = f"{value.year + BE_OFFSET}-{value.month:02d}-{value.day:02d}"
    return " " + json.dumps(str(value), ensure_ascii=False)


def review_text(a: AgencyAnalysis, earlier: Review | None = None, signers: list | None = None) -> str:
    """The review file of the analysis' latest year; `earlier`: the agency's answers to keep;
    `signers`: the people its documents name under their signatures (review/signers.py)."""
    config = a.config
    rubric = load_rubric()
    year = a.latest_year
    items = a.open_items
    name = a.agency.get("name") or ""
    kept = (earlier if earlier is not None and earlier.fiscal_year == year and earlier.gives_anything()
            else confirmed_review(a))
    out = [f"# แบบตรวจทานรายงานผลการประเมิน ITA ก่อนเผยแพร่: {name}",
           f"# ปีงบประมาณ {fmt(year, config, None)}" if year else "# ไม่มีผลการประเมินในฐานข้อมูล",
           "#",
           "# วิธีใช้",
           "# ๑. ตรวจแต่ละรายการกับผลในระบบ ITAS และเอกสารของหน่วยงาน แล้วพิมพ์ค่าที่ถูกต้องหลังเครื่องหมาย :",
           f"#    (ข้อความไทยใส่ในเครื่องหมายคำพูด เช่น \"{rubric.passed_word}\"; คะแนนพิมพ์ตัวเลข เช่น 91.25)",
           "#    รายการที่เว้นว่างถือว่ายังไม่ยืนยัน รายงานจะยังเป็นฉบับร่างจนกว่าจะยืนยันครบ",
           "# ๒. พิมพ์ชื่อและตำแหน่งผู้ยืนยัน และวันที่ยืนยัน",
           "# ๓. สั่ง  ita-report confirm <ไฟล์นี้>  แล้วสร้างรายงานใหม่",
           "# ห้ามแก้ agency_id และ fiscal_year",
           "",
           f"agency_id:{_value(a.agency.get('agency_id'))}",
           f"fiscal_year: {year or ''}",
           f"confirmed_by:{_value(kept and kept.confirmed_by)}      # ชื่อและตำแหน่งผู้ยืนยันข้อมูล",
           f"confirmed_on:{_value(kept and kept.confirmed_on)}      # วันที่ยืนยัน เช่น 2568-12-01",
           ""]
    is_score = items["key"].str.startswith(("indicator:", "instrument:")) | (items["key"] == fields.OVERALL)
    scores = items[is_score] if len(items) else items
    causes = items[items["key"].str.startswith(CAUSE)] if len(items) else items
    out.append("# ---- คะแนนที่ยังไม่ได้ยืนยัน: ใส่คะแนนตามผลในระบบ ITAS ----")
    out.append("scores:" + ("" if len(scores) or (kept and kept.scores) else " {}"))
    for row in scores.itertuples(index=False):
        out.append(f"  # {row.label}: {STATUS_TH[row.status]}" + (f" ({row.found})" if row.found else ""))
        out.append(f"  {row.key}:{_value(kept and kept.scores.get(row.key))}")
    for key, score in (kept.scores.items() if kept else ()):
        if key not in set(scores["key"] if len(scores) else ()):
            out += ["  # ยืนยันไว้แล้ว", f"  {key}:{_value(score)}"]
    grade = f" หรือระดับ \"{rubric.grades[0]}\"" if rubric.grades else ""
    example = f"ผลการประเมิน เช่น \"{rubric.passed_word}\"{grade}"
    out += ["", *_open_text(items, "result", kept and kept.result, example), ""]
    kept_causes = kept.causes if kept else {}
    if len(causes) or kept_causes:
        out.append("# ---- สาเหตุของจุดอ่อนที่เอกสารไม่ได้ระบุ: เขียนสาเหตุสั้น ๆ ในเครื่องหมายคำพูด ----")
        out.append("causes:")
        for row in causes.itertuples(index=False):
            key = row.key.removeprefix(CAUSE)
            out.append(f"  # {row.label} ({row.found})")
            out.append(f"  {key}:{_value(kept_causes.get(key))}")
        for key, text in kept_causes.items():
            if CAUSE + key not in set(causes["key"] if len(causes) else ()):
                out += ["  # ระบุไว้แล้ว", f"  {key}:{_value(text)}"]
        out.append("")
    out += ["# ---- หน่วยงาน ----", *_name_lines(a),
            f"name:{_value(kept and kept.name)}      # ชื่อทางการของหน่วยงาน ถ้าชื่อที่รายงานใช้สะกดไม่ถูก"]
    for key, label in (("district", "อำเภอ"), ("province", "จังหวัด")):
        found = a.agency.get(key)
        out.append(f"# {label}ที่พบ: {found or 'ไม่มีในเอกสาร'}")
        out.append(f"{key}:{_value(getattr(kept, key) if kept else None)}")
    out += ["", "# ---- ผู้ลงนามท้ายรายงาน ----", "sign_off:"]
    found = {person.role: person for person in signers or ()}
    for role, label in ROLES.items():
        person = getattr(kept.sign_off, role) if kept else None
        out.append(f"  {role}:      # {label}")
        if role in found:
            seen = found[role]
            out.append(f"    # พบในเอกสาร: {seen.name}" + (f" ตำแหน่ง {seen.position}" if seen.position else "")
                       + f" ({Path(seen.path).name} บรรทัด {seen.line}) ตรวจการสะกดก่อนคัดลอก")
        out.append(f"    name:{_value(person and person.name)}")
        out.append(f"    position:{_value(person and person.position)}")
    out += ["", f"report_date:{_value(kept and kept.report_date)}      # วันที่ของรายงาน เช่น 2568-12-15", ""]
    out += _corrections(damaged_texts(a), kept.corrections if kept else {})
    return "\n".join(out) + "\n"


def confirmed_review(a: AgencyAnalysis) -> Review | None:
    """What the store holds of the agency's confirmations for the latest year, as a review file
    would give it (so a new review file shows them), or None."""
    year = a.latest_year
    scores = a.scores[(a.scores["fiscal_year"] == year) & (a.scores["score_source"] == CONFIRMED)]
    texts = a.confirmed
    if year is None or (scores.empty and not texts):
        return None
    sign_off = {role: {key: texts.get(f"sign_off.{role}.{key}") for key in ("name", "position")} for role in ROLES}
    return Review(agency_id=a.agency["agency_id"], fiscal_year=year, confirmed_by=texts.get("confirmed_by"),
                  confirmed_on=texts.get("confirmed_on"), scores=dict(zip(scores["field"], scores["score"])),
                  result=texts.get("grade") or texts.get("result"), name=texts.get("agency_name"),
                  district=texts.get("district"), province=texts.get("province"),
                  sign_off={role: {k: v for k, v in person.items() if v} for role, person in sign_off.items()},
                  causes={key.removeprefix(CAUSE): text for key, text in texts.items() if key.startswith(CAUSE)},
                  corrections=corrections_of(texts),
                  report_date=texts.get("report_date"))


def _place_words(place) -> str:
    return f"ตำบล{place.subdistrict} อำเภอ{place.district} จังหวัด{place.province}"


def _name_lines(a: AgencyAnalysis) -> list[str]:
    """How the documents spell the agency's name, each spelling checked against the sub-district
    gazetteer for a local government, the name the report uses, and for a name that is no
    sub-district the ones spelt nearly alike (never applied: only the agency knows)."""
    agency, config = a.agency, a.config
    where = (agency.get("agency_type"), agency.get("district"), agency.get("province"))
    out = ["# ชื่อที่พบในเอกสาร:"]
    for row in a.names.itertuples(index=False):
        places = spelling_places(row.spelling, *where)
        local = name_parts(row.spelling, where[0])[0] in LOCAL_TIERS
        note = (f" (ตรงกับชื่อ{_place_words(places[0])})" if len(places) == 1
                else " (ตรงกับชื่อตำบลมากกว่าหนึ่งแห่ง)" if places
                else " (ไม่ตรงกับชื่อตำบลใดในทะเบียนตำบล)" if local else "")
        out.append(f"#   {row.spelling} {fmt(row.mentions, config, None)} ครั้ง{note}")
    if len(out) == 1:
        out[0] += " –"
    name = agency.get("name") or ""
    out.append(f"# รายงานใช้ชื่อ: {name}")
    near = near_subdistricts(name, *where)[:5]
    if near:
        out.append("# ชื่อตำบลที่สะกดใกล้เคียง: " + ", ".join(_place_words(p) for p in near))
    return out


def _corrections(damaged: list, kept: dict[str, str]) -> list[str]:
    """The agency's text that looks damaged, each span a key to answer with the words it meant;
    corrections given earlier stay (their span no longer shows as damaged: it is corrected)."""
    if not damaged and not kept:
        return []
    out = ["# ---- ข้อความของหน่วยงานที่อาจพิมพ์ผิด เสียหายจากการแปลงไฟล์ หรือให้คะแนนต่างจากที่รายงานใช้ ----",
           "# พิมพ์ข้อความที่ถูกต้องหลังเครื่องหมาย : รายงานจะพิมพ์ข้อความนั้นแทนข้อความเดิมทุกแห่ง",
           "# เว้นว่างไว้ถ้าข้อความเดิมถูกต้องแล้ว (ไม่ทำให้รายงานเป็นฉบับร่าง)",
           "corrections:"]
    for item in damaged:
        if item.written in kept:
            continue
        out += [f"  # {item.where}: \"{item.excerpt}\"", f"  {_value(item.written).strip()}:"]
    for written, text in kept.items():
        out += ["  # แก้ไว้แล้ว", f"  {_value(written).strip()}:{_value(text)}"]
    return out + [""]


def _open_text(items, key: str, kept, hint: str) -> list[str]:
    row = items[items["key"] == key] if len(items) else items
    if not len(row) and not kept:
        return []
    lines = [f"# {hint}"]
    if len(row):
        first = row.iloc[0]
        found = f" ({first['found']})" if first["found"] else ""
        lines[0] = f"# {first['label']}: {STATUS_TH[first['status']]}{found}"
    return [*lines, f"{key}:{_value(kept)}"]
