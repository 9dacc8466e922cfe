"""Every refusal the page shows, as one Thai sentence naming the file. The readers' reasons are
English (they are the command line's); the page says what they mean."""
from __future__ import annotations

from ita_lib.io.limits import MAX_FILE_BYTES
from ita_lib.io.user_file import size_text

KINDS_READ = "PDF, HTML, ข้อความ (.txt), Word (.docx), CSV หรือ Excel (.xlsx)"

# (a piece of the reader's reason, what it means in Thai); the first piece found wins.
_REASONS = (
    ("binary content", "ไม่ใช่เอกสาร แต่เป็นไฟล์โปรแกรมหรือข้อมูลไบนารี"),
    ("file too large", f"ใหญ่เกินไป (รับไฟล์ละไม่เกิน {size_text(MAX_FILE_BYTES)})"),
    ("inflate", "เมื่อแตกไฟล์ออกจะใหญ่ผิดปกติ ซึ่งเอกสารจริงไม่เป็นเช่นนี้"),
    ("compressed", "เมื่อแตกไฟล์ออกจะใหญ่ผิดปกติ ซึ่งเอกสารจริงไม่เป็นเช่นนี้"),
    ("parts (the limit", "มีส่วนประกอบมากผิดปกติ ซึ่งเอกสารจริงไม่เป็นเช่นนี้"),
    ("too many", "ยาวหรือใหญ่เกินกว่าเอกสารผลการประเมินจริง"),
    ("no text layer", "เป็น PDF ที่สแกนเป็นภาพ ไม่มีตัวอักษรให้อ่าน"),
    ("encrypted", "เป็น PDF ที่ใส่รหัสผ่านไว้"),
    ("corrupt PDF", "เป็น PDF ที่เสียหาย เปิดอ่านไม่ได้"),
    ("DOCX", "เป็นไฟล์ Word ที่เสียหาย เปิดอ่านไม่ได้"),
    ("zip archive", "เป็นไฟล์บีบอัดที่ไม่ใช่ Word หรือ Excel"),
    ("legacy Office", "เป็นไฟล์ Word หรือ Excel แบบเก่า (.doc, .xls) ให้บันทึกเป็น .docx หรือ .xlsx ก่อน"),
    ("empty document", "ว่างเปล่า"),
    ("workbook without values", "ไม่มีข้อมูลในตาราง"),
    ("BOM", "มีรหัสตัวอักษรเสียหาย"),
    ("not an ITA result", "ไม่มีผลการประเมิน ITA"),
    ("gives no score", "กล่าวถึง ITA แต่ไม่มีคะแนนหรือผลการประเมิน"),
    ("no agency", "ไม่ได้ระบุชื่อหน่วยงาน"),
)


def unreadable(name: str, reason: str) -> str:
    """One sentence for a file the readers refused or found no result in."""
    meaning = next((thai for piece, thai in _REASONS if piece in reason), "อ่านไม่ได้")
    return f"ไฟล์ {name} {meaning} จึงไม่ได้นำมาใช้"


def not_a_document(name: str) -> str:
    return f"ไฟล์ {name} ไม่ใช่ชนิดที่อ่านได้ (อ่านได้เฉพาะ {KINDS_READ}) จึงไม่ได้นำมาใช้"


def too_large(name: str, size: int, limit: int) -> str:
    return f"ไฟล์ {name} ใหญ่เกินไป ({size_text(size)}; รับไฟล์ละไม่เกิน {size_text(limit)}) จึงไม่ได้นำมาใช้"


def too_many(limit: int) -> str:
    return f"ส่งไฟล์ได้ไม่เกิน {limit} ไฟล์ต่อครั้งทำงาน ไฟล์ที่เกินจึงไม่ได้นำมาใช้"


def already_sent(name: str) -> str:
    return f"ไฟล์ {name} มีเนื้อหาเดียวกับไฟล์ที่ส่งแล้ว จึงไม่ได้อ่านซ้ำ"


def no_space(name: str) -> str:
    return f"บันทึกไฟล์ {name} ไม่ได้ เพราะพื้นที่ในเครื่องเต็ม ให้ลบไฟล์ที่ไม่ใช้แล้วส่งใหม่"


NO_AGENCY = "ยังไม่พบหน่วยงานจากไฟล์ที่ส่ง ให้ส่งหน้าผลการประเมินจากระบบ ITAS หรือเอกสารวิเคราะห์ผลของหน่วยงาน"
NO_MATCH = "ไม่พบหน่วยงานที่ชื่อตรงกับคำค้นในฐานข้อมูล"
NO_STORE = "ยังไม่มีฐานข้อมูลผลการประเมินในเครื่องนี้ ให้ส่งไฟล์ของหน่วยงานแทน"
STORE_BUSY = "ฐานข้อมูลกำลังถูกใช้งานโดยงานอื่น ให้ลองใหม่อีกครั้งในอีกครู่หนึ่ง"
BUILD_FAILED = "สร้างรายงานไม่สำเร็จ ค่าที่ยืนยันไว้ยังอยู่ครบ ให้ลองสร้างใหม่อีกครั้ง"
DISK_FULL = "สร้างรายงานไม่สำเร็จ เพราะพื้นที่ในเครื่องเต็ม ค่าที่ยืนยันไว้ยังอยู่ครบ"
NOT_FINAL = "รายงานยังเป็นฉบับร่าง เพราะยังมีรายการที่ต้องยืนยัน"
