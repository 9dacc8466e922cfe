"""The app's page: ipywidgets over one AppSession, all in Thai. It shows what the session gives and
passes on what the user typed; it decides nothing itself.

Every piece of document or user text is escaped before it is put into HTML. Each widget a test or
a style needs carries a class `ita-…` (Playwright finds them by it). Downloads are links holding the
file itself (data: URIs), so the page needs no file server and shows no path.
"""
from __future__ import annotations

import base64
import functools
import html
import logging
import threading
from pathlib import Path

import ipywidgets as w
from pythainlp.util import arabic_digit_to_thai_digit

from ita_lib.app import messages
from ita_lib.app.form import DATE, GROUPS, LONG_TEXT, FormErrors, FormField
from ita_lib.app.session import DOWNLOADS, STEPS, AppSession
from ita_lib.errors import ItaError
from ita_lib.io.read import SUPPORTED_SUFFIXES

FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "html": "หน้าเว็บ (.html)"}
MIME = {"pdf": "application/pdf", "html": "text/html",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
AUDIENCES = (("ฉบับที่หน่วยงานเผยแพร่", "agency"), ("ฉบับนักวิเคราะห์ (มีที่มาของข้อมูลและการตรวจสอบ)", "analyst"))
STYLE = """<style>
.ita-page { font-family: 'Sarabun', 'TH Sarabun New', 'Noto Sans Thai', 'Loma', sans-serif; max-width: 980px; }
.ita-page h2 { font-size: 1.3em; margin: 1.2em 0 0.4em; }
.ita-note { color: #444; }
.ita-error { color: #a40000; }
.ita-table { border-collapse: collapse; font-size: 0.95em; }
.ita-table td, .ita-table th { border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; }
.ita-line { color: #555; font-size: 0.9em; }
.ita-download-links a { display: inline-block; margin: 0 0.8em 0.6em 0; padding: 0.35em 0.9em; border-radius: 4px;
  background: #1565c0; color: #fff; text-decoration: none; }
</style>"""


UNEXPECTED = "เกิดข้อผิดพลาดที่ไม่คาดไว้ ไฟล์ที่ส่งและค่าที่ยืนยันไว้ยังอยู่ครบ ให้ลองอีกครั้ง"


def _guarded(said: str):
    """A handler whose unexpected failure is one Thai sentence in the widget named `said`, not a
    traceback in the browser's console and a page that seems to do nothing."""
    def wrap(handler):
        @functools.wraps(handler)
        def guarded(self, *args, **kwargs):
            try:
                return handler(self, *args, **kwargs)
            except Exception:  # noqa: BLE001 - the page goes on; the session keeps what it has
                logging.getLogger("ita_lib.app").exception("the page's %s failed", handler.__name__)
                getattr(self, said).value = _html(UNEXPECTED, "ita-error")
        return guarded
    return wrap


def _html(text: str, css: str = "ita-note") -> str:
    return f'<div class="{css}">{html.escape(text)}</div>'


def _lines(texts: list[str], css: str) -> str:
    return "".join(_html(text, css) for text in texts)


class AppPage:
    """The page of one browser session; `show()` returns the widget to display."""

    def __init__(self, session: AppSession):
        self.session = session
        self.inputs: dict[str, w.Widget] = {}
        self.upload = w.FileUpload(accept=",".join(SUPPORTED_SUFFIXES), multiple=True, description="เลือกไฟล์",
                                  icon="")  # no icon: its font would come from a CDN
        self.upload.add_class("ita-upload")
        self.upload.observe(self._uploaded, names="value")
        self.upload_said = w.HTML().add_class("ita-upload-said")
        self.search_text = w.Text(placeholder="ชื่อหน่วยงาน เช่น อบต.โนนสะอาดพัฒนา").add_class("ita-search")
        self.search_button = w.Button(description="ค้นหา").add_class("ita-search-button")
        self.search_button.on_click(self._search)
        self.found = w.Dropdown(options=[], layout=w.Layout(width="600px")).add_class("ita-found")
        self.take_button = w.Button(description="ใช้หน่วยงานนี้", disabled=True).add_class("ita-take")
        self.take_button.on_click(self._take)
        self.search_said = w.HTML().add_class("ita-search-said")
        self.chooser = w.Dropdown(options=[], description="หน่วยงาน", layout=w.Layout(width="600px",
                                                                                     display="none"))
        self.chooser.add_class("ita-chooser")
        self.chooser.observe(self._chosen, names="value")
        self.readings = w.HTML().add_class("ita-readings")
        self.form_box = w.VBox().add_class("ita-form")
        self.save_button = w.Button(description="บันทึกการยืนยัน", button_style="primary").add_class("ita-save")
        self.save_button.on_click(self._save)
        self.form_said = w.HTML().add_class("ita-form-said")
        self.audience = w.RadioButtons(options=AUDIENCES, value="agency", layout=w.Layout(width="auto"))
        self.audience.add_class("ita-audience")
        self.formats = {kind: w.Checkbox(value=kind != "html", description=name, indent=False).add_class(f"ita-{kind}")
                        for kind, name in FORMAT_NAMES.items()}
        self.build_button = w.Button(description="สร้างรายงาน", button_style="success").add_class("ita-build")
        self.build_button.on_click(self._build)
        self.progress = w.IntProgress(min=0, max=len(STEPS), value=0).add_class("ita-progress")
        self.progress_said = w.HTML().add_class("ita-progress-said")
        self.preview = w.Image(format="png", layout=w.Layout(display="none", border="1px solid #ccc"))
        self.preview.add_class("ita-preview")
        self.downloads = w.HTML().add_class("ita-downloads")
        self.work = w.VBox([
            w.HTML("<h2>๒. ข้อมูลที่อ่านได้จากเอกสาร</h2>"), self.readings,
            w.HTML("<h2>๓. ตรวจและยืนยันข้อมูล</h2>"
                   + _html("ช่องที่มีเครื่องหมาย * ต้องกรอกให้ครบ รายงานจึงจะเป็นฉบับเผยแพร่ ช่องอื่นเว้นว่างได้ "
                           "ค่าที่พบในเอกสารแสดงไว้ใต้ช่อง ให้ตรวจกับผลในระบบ ITAS ก่อนพิมพ์หรือเลือก")),
            self.form_box, self.save_button, self.form_said,
            w.HTML("<h2>๔. สร้างรายงาน</h2>"), self.audience, w.HBox(list(self.formats.values())),
            self.build_button, w.HBox([self.progress, self.progress_said]), self.downloads, self.preview],
            layout=w.Layout(display="none"))

    def show(self) -> w.Widget:
        picking = [w.HTML(_html("หรือค้นหาหน่วยงานที่มีผลในฐานข้อมูลแล้ว (พิมพ์ชื่อแบบใดก็ได้)")),
                   w.HBox([self.search_text, self.search_button]), w.HBox([self.found, self.take_button]),
                   self.search_said] if self.session.shared_db else []
        return w.VBox([
            w.HTML(STYLE + "<h1>ทำรายงานวิเคราะห์ผลการประเมิน ITA ของหน่วยงาน</h1>"),
            w.HTML("<h2>๑. ส่งเอกสารของหน่วยงาน</h2>" + _html(
                "หน้าผลการประเมินจากระบบ ITAS (บันทึกเป็น PDF, HTML หรือข้อความ) และเอกสารวิเคราะห์ผลของหน่วยงาน "
                f"(Word หรือ PDF) อ่านได้เฉพาะ {messages.KINDS_READ}")),
            self.upload, self.upload_said, *picking, self.chooser, self.work]).add_class("ita-page")

    # ---- step 1 ------------------------------------------------------------------------------

    @_guarded("upload_said")
    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        said = [self.session.add_upload(f["name"], bytes(f["content"])).message for f in files]
        self.upload.value = ()  # the bytes are in the session's folder now; the widget lets them go
        said += self.session.read_uploads()
        self.upload_said.value = _lines(said, "ita-note")
        self._offer_agencies()

    def _offer_agencies(self) -> None:
        agencies = self.session.agencies()
        options = [(self._digits(_agency_label(row)), row.agency_id) for row in agencies.itertuples(index=False)]
        self.chooser.unobserve(self._chosen, names="value")
        self.chooser.options = options
        self.chooser.value = self.session.agency_id if self.session.agency_id in dict(options).values() else None
        self.chooser.observe(self._chosen, names="value")
        self.chooser.layout.display = "flex" if len(options) > 1 else "none"
        if self.session.agency_id:
            self._open_agency()

    @_guarded("upload_said")
    def _chosen(self, change) -> None:
        if change["new"]:
            self.session.agency_id = change["new"]
            self._open_agency()

    @_guarded("search_said")
    def _search(self, _button=None) -> None:
        try:
            found = self.session.search(self.search_text.value)
        except ItaError as error:
            self.search_said.value = _html(error.reason if error.reason in (messages.NO_STORE,) else
                                           messages.STORE_BUSY, "ita-error")
            return
        self.found.options = [(self._digits(_agency_label(row)), row.agency_id)
                              for row in found.itertuples(index=False)]
        self.found.value = None if found.empty else found["agency_id"].iloc[0]
        self.take_button.disabled = found.empty
        self.search_said.value = _html(messages.NO_MATCH if found.empty else self._digits(f"พบ {len(found)} หน่วยงาน"))

    @_guarded("search_said")
    def _take(self, _button=None) -> None:
        if not self.found.value:
            return
        try:
            self.session.take_from_store(self.found.value)
        except ItaError:
            self.search_said.value = _html(messages.STORE_BUSY, "ita-error")
            return
        self._offer_agencies()

    # ---- steps 2 and 3 -----------------------------------------------------------------------

    def _open_agency(self) -> None:
        restored = self.session.apply_saved_confirmation()
        self._show_readings()
        self._show_form()
        self.form_said.value = _html("นำค่าที่หน่วยงานยืนยันไว้ครั้งก่อนมาแสดงแล้ว") if restored else ""
        self.work.layout.display = "flex"

    def _show_readings(self) -> None:
        analysis = self.session.analysis()
        rows = "".join(
            f"<tr><td>{html.escape(r.label)}</td><td>{html.escape(r.value)}</td><td>{html.escape(r.file)}</td>"
            f"<td class='ita-line'>{'' if r.line is None else self._digits(str(r.line))}: "
            f"{html.escape(r.text[:160])}</td></tr>"
            for r in self.session.readings())
        warnings = self.session.warnings()
        self.readings.value = (
            _html(f"{analysis.agency['name']} ปีงบประมาณ {self._digits(str(analysis.latest_year))}")
            + "<table class='ita-table'><tr><th>รายการ</th><th>ค่า</th><th>ไฟล์</th><th>บรรทัดที่อ่าน</th></tr>"
            + rows + "</table>"
            + ("<h3>ข้อสังเกตจากการอ่านเอกสาร</h3>"
               + _html("ใช้ตรวจว่าอ่านเอกสารถูกต้องหรือไม่ ไม่ต้องแก้ที่นี่ หากค่าใดผิด ให้พิมพ์ค่าที่ถูกในช่องยืนยันด้านล่าง")
               + _lines(warnings, "ita-note") if warnings else ""))

    def _digits(self, text: str) -> str:
        return arabic_digit_to_thai_digit(text) if self.session.digits == "thai" else text

    def _show_form(self) -> None:
        form = self.session.form()
        self.inputs = {}
        children: list[w.Widget] = []
        group = None
        for field in form.fields:
            if field.group != group:
                group = field.group
                children.append(w.HTML(f"<h3>{html.escape(GROUPS[group])}</h3>"))
            box, widget = _field_widget(field)
            self.inputs[field.key] = widget
            children.append(box)
        self.form_box.children = children

    @_guarded("form_said")
    def _save(self, _button=None) -> None:
        answers = {key: widget.value for key, widget in self.inputs.items()}
        try:
            left = self.session.confirm(answers)
        except FormErrors as error:
            self.form_said.value = _lines(list(error.problems.values()), "ita-error")
            return
        except ItaError:
            self.form_said.value = _html("บันทึกไม่สำเร็จ ให้ลองอีกครั้ง ค่าที่พิมพ์ไว้ยังอยู่ในช่อง", "ita-error")
            return
        self._show_form()
        self.form_said.value = _html("บันทึกแล้ว") + _left_items(left, self._digits)

    # ---- step 4 ------------------------------------------------------------------------------

    @_guarded("progress_said")
    def _build(self, _button=None) -> None:
        formats = tuple(kind for kind, box in self.formats.items() if box.value)
        if not formats:
            self.progress_said.value = _html("เลือกอย่างน้อยหนึ่งรูปแบบไฟล์", "ita-error")
            return
        self.build_button.disabled = True
        self.progress.value = 0
        self.progress.max = len(formats) + 2
        self.downloads.value = ""
        self.preview.layout.display = "none"

        def step(said: str) -> None:
            self.progress.value = min(self.progress.value + 1, self.progress.max)
            self.progress_said.value = _html(said)

        @_guarded("progress_said")
        def run(self) -> None:
            try:
                self._show_built(self.session.build(formats, self.audience.value, progress=step))
            finally:
                self.build_button.disabled = False

        threading.Thread(target=run, args=(self,), name="ita-app-build", daemon=True).start()

    def _show_built(self, built) -> None:
        if not built.files:
            self.progress_said.value = _html(built.message, "ita-error")
            return
        self.progress.value = self.progress.max
        self.progress_said.value = _html("สร้างรายงานเสร็จแล้ว" + (f" ({built.message})" if built.message else ""))
        links = [_download_link(path.read_bytes(), DOWNLOADS[kind], MIME[kind], f"ดาวน์โหลด {FORMAT_NAMES[kind]}",
                                f"ita-download-{kind}") for kind, path in built.files.items()]
        links.append(_download_link(self.session.zip_of_reports(), "report.zip", "application/zip",
                                    "ดาวน์โหลดทุกไฟล์ (.zip)", "ita-download-zip"))
        self.downloads.value = "<div class='ita-download-links'>" + "".join(links) + "</div>"
        png = self.session.first_page_png()
        if png:
            self.preview.value = png
            self.preview.layout.display = "block"


def _left_items(items: tuple[tuple[str, str, str], ...], digits) -> str:
    """What is still open, one line each, or that the report will be a publication."""
    if not items:
        return _html("ยืนยันครบแล้ว รายงานที่สร้างจะเป็นฉบับเผยแพร่")
    return (_html(digits(f"ยังเหลือ {len(items)} รายการ รายงานที่สร้างจะยังเป็นฉบับร่าง:"))
            + _lines([f"• {what}: {why}" for what, why, _ in items], "ita-note"))


def _field_widget(field: FormField) -> tuple[w.Widget, w.Widget]:
    """The input of one form field with its label and what the documents give."""
    layout = w.Layout(width="560px")
    if field.kind == LONG_TEXT:
        widget = w.Textarea(value=field.answer, layout=layout)
    elif field.proposals:
        widget = w.Combobox(value=field.answer, options=list(dict.fromkeys(field.proposals)), ensure_option=False,
                            placeholder="พิมพ์ หรือเลือกค่าที่พบในเอกสาร", layout=layout)
    else:
        widget = w.Text(value=field.answer, placeholder="เช่น ๒๕๖๘-๑๒-๑๕" if field.kind == DATE else "",
                        layout=layout)
    widget.add_class("ita-field")
    widget.add_class("ita-field-" + _css_key(field.key))
    mark = " *" if field.required else ""
    label = w.HTML(f"<b>{html.escape(field.label)}{mark}</b>")
    found = w.HTML(_html(field.found, "ita-line")) if field.found else w.HTML()
    return w.VBox([label, widget, found]), widget


def _css_key(key: str) -> str:
    """A form key as a CSS class: letters and digits of ASCII only, the rest as '-'."""
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in key)


def _agency_label(row) -> str:
    place = " ".join(p for p in (f"อ.{row.district}" if row.district else "", f"จ.{row.province}" if row.province
                                 else "") if p)
    years = ", ".join(str(int(y)) for y in (row.years if row.years is not None else ()))
    return f"{row.name} {place}" + (f" (ปี {years})" if years else "")


def _download_link(data: bytes, name: str, mime: str, text: str, css: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return f'<a class="{css}" download="{name}" href="data:{mime};base64,{encoded}">{html.escape(text)}</a>'


# Set by `ita-report app` for the page's kernels; in JupyterLab, where they are unset, the page works
# in the user's own folder (a hub keeps the home folder) and reads no shared store.
ROOT_VARIABLE, DB_VARIABLE = "ITA_APP_ROOT", "ITA_APP_DB"


def app_page(root: str | Path | None = None, shared_db: str | Path | None = None, digits: str = "thai") -> w.Widget:
    """The page of a new session (notebooks/app.ipynb's one call): under `root`, else $ITA_APP_ROOT,
    else ~/ita-report/app; the shared store `shared_db`, else $ITA_APP_DB, else none."""
    import os

    root = root or os.environ.get(ROOT_VARIABLE) or Path.home() / "ita-report" / "app"
    shared_db = shared_db or os.environ.get(DB_VARIABLE) or None
    return AppPage(AppSession(root, shared_db=shared_db, digits=digits)).show()
