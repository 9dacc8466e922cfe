"""The review as a form: the same items as the review file (`ita-report review`), each a field with
what the documents give, and the answers back as a review file that `ita-report confirm` takes.

A field's answer starts as what the agency confirmed before, never as what a document printed: a
proposal is shown beside the field (and offered in its list), and only a typed or chosen answer
confirms."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pydantic import ValidationError

from ita_lib import fields as field_keys
from ita_lib.analysis import AgencyAnalysis
from ita_lib.analysis.numbers import digits, fmt
from ita_lib.analysis.open_items import STATUS_TH
from ita_lib.review.damaged import damaged_texts
from ita_lib.parse.years import BE_OFFSET
from ita_lib.review.model import Review, read_date, read_score
from ita_lib.review.write import CAUSE, ROLES, confirmed_review
from ita_lib.rubric import load as load_rubric

SCORE, TEXT, LONG_TEXT, DATE = "score", "text", "long_text", "date"
GROUPS = {"scores": "คะแนนและผลการประเมินที่ต้องยืนยันกับระบบ ITAS",
          "agency": "ชื่อและที่ตั้งของหน่วยงาน",
          "causes": "สาเหตุของจุดอ่อนที่เอกสารไม่ได้ระบุ",
          "corrections": "ข้อความของหน่วยงานที่อาจพิมพ์ผิด (เว้นว่างได้ถ้าถูกต้องแล้ว)",
          "sign_off": "ผู้ลงนามท้ายรายงาน",
          "confirm": "ผู้ยืนยันข้อมูล"}


@dataclass(frozen=True)
class FormField:
    key: str  # where the answer goes in the review file: scores.indicator:3, sign_off.reporter.name
    label: str
    kind: str  # SCORE, TEXT, LONG_TEXT or DATE
    group: str  # a key of GROUPS
    found: str = ""  # what the documents give, in Thai
    answer: str = ""  # what the agency confirmed before
    proposals: tuple[str, ...] = ()  # values the documents give, offered, never filled in
    required: bool = True  # left empty, the report stays a draft (corrections are not)


@dataclass
class Form:
    agency_id: str
    fiscal_year: int
    fields: list[FormField] = field(default_factory=list)

    def field(self, key: str) -> FormField:
        return next(f for f in self.fields if f.key == key)


def review_form(a: AgencyAnalysis, signers: list | None = None) -> Form:
    """The form of the analysis' latest year: open items first, then the agency, the sign-off and
    who confirms; `signers`: the people the documents name (review.signers)."""
    config, year = a.config, a.latest_year
    kept = confirmed_review(a)
    form = Form(a.agency["agency_id"], year)
    items = a.open_items
    scores = kept.scores if kept else {}
    open_scores = [] if items.empty else [
        row for row in items.itertuples(index=False)
        if row.key == field_keys.OVERALL or row.key.startswith(("indicator:", "instrument:"))]
    for row in open_scores:
        found = STATUS_TH[row.status] + (f" ({row.found})" if row.found else "")
        proposals = tuple(v.strip() for v in row.found.split(",")) if row.status == "disputed" else ()
        form.fields.append(FormField(f"scores.{row.key}", row.label, SCORE, "scores", found,
                                     _score_text(scores.get(row.key), config), proposals))
    for key, score in scores.items():  # confirmed before and no longer open: still shown, may change
        if key not in {row.key for row in open_scores}:
            form.fields.append(FormField(f"scores.{key}", score_label(key, config), SCORE, "scores",
                                         "ยืนยันไว้แล้ว", _score_text(score, config)))
    result_open = not items.empty and (items["key"] == "result").any()
    if result_open or (kept and kept.result):
        rubric = load_rubric()
        computed = items[items["key"] == "result"]["found"].iloc[0] if result_open else ""
        found = ("ยืนยันไว้แล้ว" if not result_open else "ไม่มีในเอกสาร"
                 + (f" ({computed})" if computed else "") + " เลือกหรือพิมพ์ผลตามระบบ ITAS")
        form.fields.append(FormField("result", "ผลการประเมิน", TEXT, "scores", found,
                                     (kept and kept.result) or "", rubric.result_words_for(year)))
    form.fields += _agency_fields(a, kept, items)
    causes = kept.causes if kept else {}
    for row in ([] if items.empty else items[items["key"].str.startswith(CAUSE)].itertuples(index=False)):
        key = row.key.removeprefix(CAUSE)
        form.fields.append(FormField(f"causes.{key}", row.label, LONG_TEXT, "causes", row.found,
                                     causes.get(key, "")))
    corrected = kept.corrections if kept else {}
    hint = "พิมพ์ข้อความในเครื่องหมายคำพูดใหม่ทั้งข้อความให้ถูกต้อง รายงานจะพิมพ์ข้อความนั้นแทน"
    damaged = damaged_texts(a)
    for item in damaged:
        form.fields.append(FormField(f"corrections.{item.written}", f"{item.where}: “{item.written}”",
                                     LONG_TEXT, "corrections", hint, corrected.get(item.written, ""),
                                     required=False))
    for written, text in corrected.items():  # corrected before: the text no longer shows as damaged
        if written not in {item.written for item in damaged}:
            form.fields.append(FormField(f"corrections.{written}", f"แก้ไว้แล้ว: “{written}”", LONG_TEXT,
                                         "corrections", hint, text, required=False))
    form.fields += _sign_off_fields(kept, signers or [])
    form.fields += [
        FormField("report_date", "วันที่ของรายงาน", DATE, "sign_off", "เช่น ๒๕๖๘-๑๒-๑๕",
                  _date_text(kept and kept.report_date, config)),
        FormField("confirmed_by", "ชื่อและตำแหน่งผู้ยืนยันข้อมูล", TEXT, "confirm", "",
                  (kept and kept.confirmed_by) or ""),
        FormField("confirmed_on", "วันที่ยืนยัน (เว้นว่างไว้ได้: ใช้วันที่บันทึก)", DATE, "confirm",
                  "เช่น ๒๕๖๘-๑๒-๐๑", _date_text(kept and kept.confirmed_on, config), required=False)]
    return form


def _agency_fields(a: AgencyAnalysis, kept: Review | None, items) -> list[FormField]:
    agency, config = a.agency, a.config
    spellings = tuple(a.names["spelling"]) if len(a.names) else ()
    found = ", ".join(f"{row.spelling} ({fmt(row.mentions, config, None)} ครั้ง)"
                      for row in a.names.itertuples(index=False)) if len(a.names) else ""
    name_found = f"รายงานใช้ชื่อ {agency.get('name') or '–'}" + (f"; เอกสารสะกด {found}" if found else "")
    out = [FormField("name", "ชื่อทางการของหน่วยงาน", TEXT, "agency", name_found, (kept and kept.name) or "",
                     spellings, required=bool(not items.empty and (items["key"] == "agency_name").any()))]
    for key, label in (("district", "อำเภอ"), ("province", "จังหวัด")):
        given = agency.get(key)
        out.append(FormField(key, label, TEXT, "agency", f"เอกสารระบุ {given}" if given else "ไม่มีในเอกสาร",
                             (getattr(kept, key) if kept else None) or "", (given,) if given else (),
                             required=not given))
    return out


def _sign_off_fields(kept: Review | None, signers: list) -> list[FormField]:
    found = {person.role: person for person in signers}
    out = []
    for role, label in ROLES.items():
        person = getattr(kept.sign_off, role) if kept else None
        seen = found.get(role)
        hint = f"พบในเอกสาร: {seen.name}" + (f" ตำแหน่ง {seen.position}" if seen and seen.position else "") \
            if seen else ""
        out.append(FormField(f"sign_off.{role}.name", f"{label}: ชื่อ", TEXT, "sign_off", hint,
                             (person and person.name) or "", (seen.name,) if seen else ()))
        out.append(FormField(f"sign_off.{role}.position", f"{label}: ตำแหน่ง", TEXT, "sign_off", "",
                             (person and person.position) or "",
                             (seen.position,) if seen and seen.position else ()))
    return out


class FormErrors(Exception):
    """The answers that cannot be used: key → one Thai sentence each."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(problems.values()))


def review_from_answers(form: Form, answers: dict[str, str]) -> Review:
    """The review the answers make; FormErrors names each answer that cannot be used, in Thai."""
    labels = {f.key: f.label for f in form.fields}
    given = {key: " ".join(str(value).split()) if key.startswith(("scores.", "report_date", "confirmed_on"))
             else str(value).strip() for key, value in answers.items() if value is not None and str(value).strip()}
    problems: dict[str, str] = {}
    data: dict = {"agency_id": form.agency_id, "fiscal_year": form.fiscal_year}
    for key, value in given.items():
        if key not in labels:
            continue  # a field the form no longer has (the page was older than the data)
        try:
            if key.startswith("scores."):
                value = read_score(value)
            elif key in ("report_date", "confirmed_on"):
                value = read_date(value)
        except ValueError:
            problems[key] = (f"{labels[key]}: ใส่คะแนนเป็นตัวเลขตั้งแต่ ๐ ถึง ๑๐๐ เช่น ๙๑.๒๕" if key.startswith("scores.")
                             else f"{labels[key]}: ใส่วันที่เป็น ปี-เดือน-วัน เช่น ๒๕๖๘-๑๒-๐๑")
            continue
        _put(data, key, value)
    if problems:
        raise FormErrors(problems)
    try:
        review = Review.model_validate(data)
    except ValidationError as error:
        for problem in error.errors():
            key = ".".join(str(part) for part in problem["loc"])
            label = labels.get(key, key)
            problems[key] = f"{label}: ข้อความยาวเกินไปหรือใช้ไม่ได้"
        raise FormErrors(problems) from None
    if review.gives_anything() and not review.confirmed_by:
        raise FormErrors({"confirmed_by": "ใส่ชื่อและตำแหน่งผู้ยืนยันข้อมูลก่อนบันทึก"})
    if review.gives_anything() and review.confirmed_on is None:  # the day it is saved
        review = review.model_copy(update={"confirmed_on": datetime.date.today()})
    return review


def _put(data: dict, key: str, value) -> None:
    """scores.indicator:3 → data["scores"]["indicator:3"]; sign_off.reporter.name → nested; a
    correction's written text may hold dots, so only its first dot splits."""
    head, _, rest = key.partition(".")
    if not rest:
        data[head] = value
    elif head == "sign_off":
        role, _, part = rest.partition(".")
        data.setdefault(head, {}).setdefault(role, {})[part] = value
    else:
        data.setdefault(head, {})[rest] = value


def _score_text(score: float | None, config) -> str:
    return "" if score is None else fmt(score, config)


def score_label(key: str, config) -> str:
    """A score key as the form names it: คะแนนรวม ITA, an instrument with its code, ตัวชี้วัดที่ ๓."""
    rubric = load_rubric()
    if key == field_keys.OVERALL:
        return "คะแนนรวม ITA"
    code = field_keys.code_of(key)
    if key.startswith("indicator:"):
        return f"ตัวชี้วัดที่ {fmt(int(code), config, None)}"
    name = rubric.score_name(code)
    return name if "_" in code else f"{name} ({code})"  # a part's name holds its instrument's code


def _date_text(value, config) -> str:
    """A date as Thai offices write it (2568-12-01, B.E.), in the page's digits."""
    return "" if not value else digits(f"{value.year + BE_OFFSET}-{value.month:02d}-{value.day:02d}", config)
