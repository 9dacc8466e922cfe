"""The command's words in Thai: English template → Thai template, as gettext's msgid → msgstr.

LINES: what the command says itself (ita_lib.cli.say.line/tell, written in English where it is said).
REASONS: the library's English errors and notes the command says in Thai (ita_lib.cli.say.reason_text).
ARGPARSE: argparse's own words (ita_lib.cli.help_th). HELP: ita-report's help texts.

A Thai template has the same named fields as its English one ({count}, {path}…; format specs may
differ) and %(default)s where the help has it; tests/test_cli_thai.py checks every template the
code uses is here with the same fields. Digits are Arabic, as in the paths and counts around them.
"""
from __future__ import annotations

LINES = {
    # parse
    "{name}: took longer than {seconds:g} s to read; left out": "{name}: ใช้เวลาอ่านเกิน {seconds:g} วินาที จึงข้ามไป",
    "{name}: {note}": "{name}: {note}",
    "{count} ITA records": "ผลการประเมิน ITA {count} รายการ",
    "warning: {where}: {code}: {message}": "คำเตือน: {where}: {code}: {message}",
    # every command
    "interrupted; what was finished is kept": "หยุดกลางคัน งานที่เสร็จแล้วยังเก็บไว้ครบ",
    '{command} needs the {extra} extra ({module} is not installed): pip install "ita-report[{extra}]"':
        'คำสั่ง {command} ต้องติดตั้งส่วนเสริม {extra} ก่อน (ยังไม่มี {module}): pip install "ita-report[{extra}]"',
    "{where}{reason}": "{where}{reason}",
    "standard output is closed: what the command prints there is lost":
        "standard output ถูกปิดอยู่ สิ่งที่คำสั่งพิมพ์ออกทางนั้นจะหายไป",
    "{home}: HOME is not a writable folder; caches go to {caches} for this run":
        "{home}: โฟลเดอร์ HOME เขียนไม่ได้ รอบนี้จึงเก็บแคชไว้ที่ {caches}",
    # ingest, conflicts, agencies, analyse, params
    "skipped {path}: {reason}": "ข้าม {path}: {reason}",
    "{path}: {note}": "{path}: {note}",
    "left out {path}: {reason}": "ไม่ได้อ่าน {path}: {reason}",
    "{added} files added ({records} records), {already_in} already in the store, {not_ita} without ITA "
    "results, {failed} skipped, {left_out} left out (not documents); {agencies} agencies in {db}":
        "เพิ่ม {added} ไฟล์ (ผลการประเมิน {records} รายการ) มีอยู่ในฐานข้อมูลแล้ว {already_in} ไฟล์ ไม่มีผล ITA {not_ita} ไฟล์ "
        "ข้าม {failed} ไฟล์ ไม่ได้อ่าน {left_out} ไฟล์ (ไม่ใช่เอกสาร); ใน {db} มี {agencies} หน่วยงาน",
    " (--format csv for every column)": " (ใช้ --format csv เพื่อดูทุกคอลัมน์)",
    "{count} values on which sources disagree": "ค่าที่แหล่งข้อมูลให้ไม่ตรงกัน {count} ค่า",
    "{db}: no agency of province {province!r} in the store": "{db}: ในฐานข้อมูลไม่มีหน่วยงานของจังหวัด{province}",
    "{count} agencies": "{count} หน่วยงาน",
    "action-plan draft written to {path}": "บันทึกร่างแผนปฏิบัติการไว้ที่ {path}",
    "{count} params files written to {folder}": "เขียนไฟล์ params {count} ไฟล์ไว้ที่ {folder}",
    # build
    "agency {agency}: {error}: {reason}": "หน่วยงาน {agency}: {error}: {reason}",
    "agency {agency}: {error}": "หน่วยงาน {agency}: {error}",
    "built {agency} ({timing})": "สร้างรายงานของ {agency} แล้ว ({timing})",
    # batch
    "interrupted; the reports finished so far are kept in {folder}":
        "หยุดกลางคัน รายงานที่สร้างเสร็จแล้วเก็บไว้ใน {folder}",
    "{note}": "{note}",
    "[{done}/{total}] {status} {agency} ({seconds:.1f} s): {error}":
        "[{done}/{total}] {status} {agency} ({seconds:.1f} วินาที): {error}",
    "[{done}/{total}] {status} {agency} ({seconds:.1f} s)": "[{done}/{total}] {status} {agency} ({seconds:.1f} วินาที)",
    "built": "สร้างแล้ว",
    "skipped": "ไม่เปลี่ยน",
    "failed": "ไม่สำเร็จ",
    "the province overview failed: {error}": "สร้างภาพรวมจังหวัดไม่สำเร็จ: {error}",
    "{built} built, {skipped} unchanged, {failed} failed; manifest {manifest}{index}{overview}":
        "สร้างแล้ว {built} ไม่เปลี่ยน {skipped} ไม่สำเร็จ {failed}; ผลรายหน่วยงาน {manifest}{index}{overview}",
    ", index {path}": ", หน้ารวมรายงาน {path}",
    ", overview {path}": ", ภาพรวมจังหวัด {path}",
    "reports": "รายงาน",
    "starting the workers and their kernels…": "กำลังเริ่มตัวทำงานและ kernel…",
    "{count:.1f}/min": "{count:.1f}/นาที",
    "built {built} · skipped {skipped} · failed {failed}": "สร้างแล้ว {built} · ไม่เปลี่ยน {skipped} · ไม่สำเร็จ {failed}",
    "failed: {agency}: {error}": "ไม่สำเร็จ: {agency}: {error}",
    # review, confirm
    "review file for {agency}, fiscal year {year}: {left}{kept}":
        "แบบตรวจทานของ {agency} ปีงบประมาณ {year}: {left}{kept}",
    "{count} open items": "ยังรอคำตอบ {count} รายการ",
    "nothing left open": "ไม่มีรายการค้าง",
    ", the agency's earlier answers kept": " (คงคำตอบเดิมของหน่วยงานไว้)",
    ", replacing {count} earlier confirmation": " แทนการยืนยันครั้งก่อน {count} ครั้ง",
    "{path}: {count} values confirmed for {agency}, fiscal year {year}{replaced}":
        "{path}: ยืนยันแล้ว {count} ค่า ของ {agency} ปีงบประมาณ {year}{replaced}",
    # app
    "{db}: no store here, so the page offers uploads only (ita-report ingest makes one)":
        "{db}: ไม่มีฐานข้อมูลที่นี่ หน้าเว็บจึงรับได้เฉพาะไฟล์ที่อัปโหลด (สร้างฐานข้อมูลด้วย ita-report ingest)",
    "the page's server stopped by itself": "เซิร์ฟเวอร์ของหน้าเว็บหยุดทำงานไปเอง",
    "the page is at {url}": "เปิดหน้าเว็บได้ที่ {url}",
    "stop it with Ctrl-C": "กด Ctrl-C เพื่อหยุด",
    "stop it with Ctrl-C; anyone with the address above (its token) can use it":
        "กด Ctrl-C เพื่อหยุด; ผู้ที่มีที่อยู่ข้างบน (ซึ่งมี token) ใช้หน้าเว็บนี้ได้ทุกคน",
    # notebooks
    "{path}: already there, left as it is": "{path}: มีอยู่แล้ว จึงไม่ได้แทนที่",
    "{count} files copied to {folder}; open it in JupyterLab (the notebooks' defaults read the examples "
    "wherever ita-report is installed)":
        "คัดลอก {count} ไฟล์ไปที่ {folder} แล้ว เปิดโฟลเดอร์นี้ใน JupyterLab ได้เลย "
        "(ค่าเริ่มต้นของโน้ตบุ๊กอ่านเอกสารตัวอย่างจากที่ติดตั้ง ita-report ไว้)",
    # option values (argparse prints them after "argument --x:")
    "{text!r} is not a whole number": "{text!r} ไม่ใช่จำนวนเต็ม",
    "{text} is not a count from 1 to {most}": "{text} ไม่ใช่จำนวนตั้งแต่ 1 ถึง {most}",
    "{text!r} is not a port number": "{text!r} ไม่ใช่หมายเลขพอร์ต",
    "{text} is not a port from 1 to 65535": "{text} ไม่ใช่พอร์ตตั้งแต่ 1 ถึง 65535",
    "{text!r} is not a number of seconds": "{text!r} ไม่ใช่จำนวนวินาที",
    "{text!r} is not a number of seconds above 0 and at most {most:,}":
        "{text!r} ไม่ใช่จำนวนวินาทีที่มากกว่า 0 และไม่เกิน {most:,}",
    "an empty name is not a file or folder (use . for the current folder)":
        "ชื่อว่างไม่ใช่ไฟล์หรือโฟลเดอร์ (ใช้ . แทนโฟลเดอร์ปัจจุบัน)",
    "an empty name is not an agency": "ชื่อว่างไม่ใช่ชื่อหน่วยงาน",
    "{text!r} is not a year": "{text!r} ไม่ใช่ปี",
    "{value} is not a fiscal year B.E. between {first} and {last}{hint}":
        "{value} ไม่ใช่ปีงบประมาณ พ.ศ. ระหว่าง {first} ถึง {last}{hint}",
    "; did you mean {names}?": " หมายถึง {names} หรือไม่",
    " or ": " หรือ ",
    "{text!r} is not a province of Thailand{hint}": "{text!r} ไม่ใช่ชื่อจังหวัดของประเทศไทย{hint}",
}

# The library's reasons (the part of an error after "FILE: ") and notes, matched whole; a field is
# the library's own text (a name, a number, a library's message), kept as written.
REASONS = {
    # a file named on the command line
    "{what}file not found": "{what}ไม่พบไฟล์",
    "{what}broken symbolic link": "{what}เป็นลิงก์ที่ชี้ไปยังไฟล์ที่ไม่มีอยู่",
    "{what}is a folder, not a file": "{what}เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
    "{what}not a regular file ({kind})": "{what}ไม่ใช่ไฟล์ธรรมดา ({kind})",
    "{what}not a UTF-8 text file": "{what}ไม่ใช่ไฟล์ข้อความ UTF-8",
    "{what}file too large: {size} bytes (the limit is {limit})": "{what}ไฟล์ใหญ่เกินไป: {size} ไบต์ (รับได้ไม่เกิน {limit})",
    "no such file or folder": "ไม่พบไฟล์หรือโฟลเดอร์นี้",
    "cannot read: {why}": "อ่านไม่ได้: {why}",
    # a file in a folder that is not read (ingest's "left out")
    "a hidden file": "เป็นไฟล์ซ่อน",
    "a README": "เป็นไฟล์ README",
    "{suffix} files are not read (documents: {kinds})": "ไม่อ่านไฟล์ {suffix} (อ่านเฉพาะเอกสาร: {kinds})",
    "a file without an extension is not read (documents: {kinds})":
        "ไม่อ่านไฟล์ที่ไม่มีนามสกุล (อ่านเฉพาะเอกสาร: {kinds})",
    "no records": "ไม่พบผลการประเมิน",
    # a document that cannot be read
    "not a text document (binary content)": "ไม่ใช่เอกสาร (เป็นข้อมูลไบนารี)",
    "empty document": "เอกสารว่างเปล่า",
    "a workbook without values": "ไฟล์ตารางที่ไม่มีข้อมูล",
    "PDF has no text layer (scanned?)": "PDF ไม่มีตัวอักษรให้อ่าน (อาจเป็นภาพสแกน)",
    "PDF is encrypted": "PDF ใส่รหัสผ่านไว้",
    "corrupt PDF: {why}": "PDF เสียหาย: {why}",
    "corrupt DOCX: {why}": "ไฟล์ Word (DOCX) เสียหาย: {why}",
    "not a valid DOCX file ({why})": "ไม่ใช่ไฟล์ Word (DOCX) ที่ถูกต้อง ({why})",
    "zip archive that is neither a DOCX nor an XLSX": "เป็นไฟล์บีบอัด (zip) ที่ไม่ใช่ DOCX หรือ XLSX",
    "legacy Office file (.doc/.xls) is not supported":
        "ไฟล์ Office แบบเก่า (.doc/.xls) อ่านไม่ได้ ให้บันทึกเป็น .docx หรือ .xlsx ก่อน",
    # a document without an ITA result (parse's and ingest's notes)
    "not an ITA result: no ITA wording and no ITA indicator names":
        "ไม่ใช่ผลการประเมิน ITA: ไม่มีคำว่า ITA และไม่มีชื่อตัวชี้วัด ITA",
    "not an ITA result: line {number} says so": "ไม่ใช่ผลการประเมิน ITA: บรรทัดที่ {number} ระบุไว้เช่นนั้น",
    "not an ITA result: the text is about another assessment": "ไม่ใช่ผลการประเมิน ITA: เป็นเรื่องของการประเมินอื่น",
    "mentions ITA but gives no score, grade or indicator table":
        "กล่าวถึง ITA แต่ไม่มีคะแนน ระดับผล หรือตารางตัวชี้วัด",
    # the store
    "no store here; run `ita-report ingest` first": "ไม่มีฐานข้อมูลที่นี่ ให้รัน `ita-report ingest` ก่อน",
    "is a folder, not a store file": "เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล",
    "in use by another process (an ingest?) for over {seconds} s; run again when it is done":
        "โปรแกรมอื่น (อาจเป็น ingest) ใช้ฐานข้อมูลนี้อยู่นานเกิน {seconds} วินาที ให้รันใหม่เมื่อโปรแกรมนั้นทำงานเสร็จ",
    "the store file is damaged (cut short or corrupted); restore it or ingest again into a new file":
        "ไฟล์ฐานข้อมูลเสียหาย (ขาดหายหรือผิดรูป) ให้กู้คืนจากสำรอง หรือ ingest ใหม่ลงไฟล์ใหม่",
    "cannot write the store: no space left on device": "เขียนฐานข้อมูลไม่ได้: พื้นที่ดิสก์เต็ม",
    "cannot create the store: {why}": "สร้างฐานข้อมูลไม่ได้: {why}",
    "cannot use the store: {why}": "ใช้ฐานข้อมูลนี้ไม่ได้: {why}",
    # an agency asked for
    "no agency named {name} in the store": "ในฐานข้อมูลไม่มีหน่วยงานชื่อ {name}",
    "{name} is in the store, but not in province {province} (it is in: {places})":
        "ในฐานข้อมูลมี {name} แต่ไม่อยู่ในจังหวัด {province} (อยู่ใน: {places})",
    "{name} matches several agencies: {choices}; give the province or the id":
        "{name} ตรงกับหลายหน่วยงาน: {choices}; ให้ระบุจังหวัด (--province) หรือรหัสหน่วยงาน",
    "{agency}: no result for the years asked ({asked}); the store has {have}":
        "{agency}: ไม่มีผลของปีที่ขอ ({asked}); ในฐานข้อมูลมีปี {have}",
    "no agency of province {province} in the store": "ในฐานข้อมูลไม่มีหน่วยงานของจังหวัด {province}",
    # a review file the agency returned (ita-report confirm)
    "nothing is filled in: write the confirmed values after the colons, then run confirm again":
        "ยังไม่ได้กรอกอะไรเลย: พิมพ์ค่าที่ยืนยันหลังเครื่องหมาย : แล้วสั่ง confirm อีกครั้ง",
    "confirmed_by: write the name and position of the person who confirms these values":
        "confirmed_by: พิมพ์ชื่อและตำแหน่งของผู้ยืนยันค่าเหล่านี้",
    "the confirmation does not join agency {agency}; run review again":
        "การยืนยันนี้ไม่ตรงกับหน่วยงาน {agency} ให้สั่ง review ใหม่",
    "agency_id: no agency {agency} in {db}": "agency_id: ไม่มีหน่วยงาน {agency} ใน {db}",
    # option values the commands check themselves
    "no format given (choose from {choices})": "ไม่ได้ระบุรูปแบบไฟล์ (เลือกจาก {choices})",
    "unknown format {name} (choose from {choices})": "ไม่รู้จักรูปแบบไฟล์ {name} (เลือกจาก {choices})",
    "say which agencies, one way: targets, --agencies FILE, --province or --all":
        "ให้ระบุหน่วยงานด้วยวิธีใดวิธีหนึ่ง: ชื่อหน่วยงาน, --agencies FILE, --province หรือ --all",
    " ({ce} C.E. is {be} B.E.)": " (ค.ศ. {ce} คือ พ.ศ. {be})",
    # the machine (OSError's strerror)
    "No space left on device": "พื้นที่ดิสก์เต็ม",
    "Disk quota exceeded": "ใช้พื้นที่ดิสก์เกินโควตา",
    "Read-only file system": "ระบบไฟล์นี้อ่านได้อย่างเดียว",
    "Permission denied": "ไม่มีสิทธิ์เข้าถึง",
    "No such file or directory": "ไม่พบไฟล์หรือโฟลเดอร์",
    "Is a directory": "เป็นโฟลเดอร์",
    "Not a directory": "ไม่ใช่โฟลเดอร์",
    "File too large": "ไฟล์ใหญ่เกินไป",
}

# argparse's msgids (Python 3.11's; a newer argparse's new words stay English).
ARGPARSE = {
    "usage: ": "วิธีใช้: ",
    "positional arguments": "อาร์กิวเมนต์ตามตำแหน่ง",
    "options": "ตัวเลือก",
    "optional arguments": "ตัวเลือก",
    "show this help message and exit": "แสดงคำอธิบายนี้แล้วจบ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ข้อผิดพลาด: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "อาร์กิวเมนต์ %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ไม่มีตัวเลือก %(value)r (เลือกจาก %(choices)s)",
    "invalid %(type)s value: %(value)r": "ค่า %(type)s ไม่ถูกต้อง: %(value)r",
    "the following arguments are required: %s": "ต้องระบุอาร์กิวเมนต์ต่อไปนี้: %s",
    "unrecognized arguments: %s": "ไม่รู้จักอาร์กิวเมนต์: %s",
    "expected one argument": "ต้องมีค่าหนึ่งค่า",
    "expected at most one argument": "มีค่าได้ไม่เกินหนึ่งค่า",
    "expected at least one argument": "ต้องมีค่าอย่างน้อยหนึ่งค่า",
    "expected %s argument": "ต้องมี %s ค่า",
    "not allowed with argument %s": "ใช้ร่วมกับ %s ไม่ได้",
    "one of the arguments %s is required": "ต้องระบุอย่างใดอย่างหนึ่งใน %s",
    "ambiguous option: %(option)s could match %(matches)s": "ตัวเลือก %(option)s กำกวม อาจหมายถึง %(matches)s",
    "ignored explicit argument %r": "ค่า %r ใช้กับตัวเลือกนี้ไม่ได้",
}

# ita-report's help: descriptions, each option's help, and the lines of the examples under it (a line
# that is only a command needs no entry).
HELP = {
    "Thai ITA result documents → records and reports": "เอกสารผลการประเมิน ITA → ข้อมูลและรายงานวิเคราะห์ของหน่วยงาน",
    "examples:": "ตัวอย่าง:",
    "example:": "ตัวอย่าง:",
    "  ita-report app   (the page: upload, check, confirm, download)":
        "  ita-report app   (หน้าเว็บ: อัปโหลด ตรวจ ยืนยัน ดาวน์โหลด)",
    "show program's version number and exit": "แสดงรุ่นของโปรแกรมแล้วจบ",
    "every command's --help ends with an example": "--help ของทุกคำสั่งมีตัวอย่างอยู่ท้ายคำอธิบาย",
    "language of messages and help: th (Thai) or en (English); default: th when ITA_LANG=th or the locale is "
    "Thai, else en":
        "ภาษาของข้อความและคำอธิบาย: th (ไทย) หรือ en (อังกฤษ); ค่าเริ่มต้น: th เมื่อ ITA_LANG=th "
        "หรือเครื่องตั้งภาษาไทยไว้ นอกนั้น en",
    # the commands
    "print the ITA records found in documents": "แสดงผลการประเมิน ITA ที่อ่านได้จากเอกสาร",
    "parse files and folders into the store": "อ่านไฟล์และโฟลเดอร์เข้าฐานข้อมูล",
    "list values on which sources disagree": "แสดงค่าที่แหล่งข้อมูลให้ไม่ตรงกัน",
    "list agencies, their years and other spellings": "แสดงรายชื่อหน่วยงาน ปีที่มีผล และชื่อที่สะกดต่างกัน",
    "print one agency's year comparison, priorities and narrative":
        "แสดงการเปรียบเทียบรายปี ประเด็นที่ควรเร่งพัฒนา และคำบรรยายของหน่วยงานหนึ่ง",
    "build one agency's report (HTML, PDF, executed notebook, data)":
        "สร้างรายงานของหน่วยงาน (HTML, PDF, โน้ตบุ๊กที่รันแล้ว, ข้อมูล)",
    "build one report per agency: a list, a province or all": "สร้างรายงานทีละหลายหน่วยงาน: ตามรายชื่อ ทั้งจังหวัด หรือทั้งหมด",
    "write the file in which the agency confirms what its report may publish":
        "เขียนแบบตรวจทานให้หน่วยงานยืนยันค่าที่รายงานจะเผยแพร่",
    "store what a filled-in review file confirms": "บันทึกค่าที่หน่วยงานยืนยันในแบบตรวจทานลงฐานข้อมูล",
    "serve the page on which an agency uploads, checks, confirms and downloads its report (Voilà)":
        "เปิดหน้าเว็บให้หน่วยงานอัปโหลดเอกสาร ตรวจ ยืนยัน และดาวน์โหลดรายงาน (Voilà)",
    "copy the report notebooks and the example documents into a folder of yours (for a wheel or a hub install)":
        "คัดลอกโน้ตบุ๊กรายงาน และเอกสารตัวอย่าง ไปยังโฟลเดอร์ของคุณ (สำหรับการติดตั้งแบบ wheel หรือบน JupyterHub)",
    "report parameter files": "ไฟล์พารามิเตอร์ของรายงาน",
    "check that this machine can make the reports (Thai font, Pango, kernel, output folder) and print each fix, "
    "in Thai":
        "ตรวจว่าเครื่องนี้ทำรายงานได้หรือไม่ (ฟอนต์ไทย, Pango, kernel, โฟลเดอร์ผลลัพธ์) และบอกวิธีแก้แต่ละข้อ",
    "the folder whose write access and free space are checked (default: %(default)s)":
        "โฟลเดอร์ที่จะตรวจว่าเขียนได้และมีพื้นที่ว่างพอ (ค่าเริ่มต้น: %(default)s)",
    "write one params file per agency in the store": "เขียนไฟล์ params หนึ่งไฟล์ต่อหนึ่งหน่วยงานในฐานข้อมูล",
    # options
    "fiscal year (B.E.) for documents that give none, such as ITAS province lists":
        "ปีงบประมาณ (พ.ศ.) ของเอกสารที่ไม่ได้ระบุปี เช่น รายชื่อผลรายจังหวัดจากระบบ ITAS",
    "the agency a document is about when it never names it (a text from the agency's own site)":
        "หน่วยงานที่เอกสารพูดถึง เมื่อเอกสารไม่ได้ระบุชื่อ (เช่น ข้อความจากเว็บไซต์ของหน่วยงานเอง)",
    "exit 1 when any record has warnings": "จบด้วยสถานะ 1 เมื่อมีรายการใดมีคำเตือน",
    "store file (default: %(default)s)": "ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: %(default)s)",
    "fiscal year (B.E.) for documents that give none": "ปีงบประมาณ (พ.ศ.) ของเอกสารที่ไม่ได้ระบุปี",
    "the agency documents are about when they never name it": "หน่วยงานที่เอกสารพูดถึง เมื่อเอกสารไม่ได้ระบุชื่อ",
    "agency aliases file (default: %(default)s; ignored when missing)":
        "ไฟล์ชื่อเรียกอื่นของหน่วยงาน (ค่าเริ่มต้น: %(default)s; ถ้าไม่มีไฟล์ก็ข้ามไป)",
    "parse processes (default: CPU count, at most 4)": "จำนวนโพรเซสที่ใช้อ่านเอกสาร (ค่าเริ่มต้น: จำนวน CPU ไม่เกิน 4)",
    "no progress bar": "ไม่แสดงแถบความคืบหน้า",
    "only agencies in this province": "เฉพาะหน่วยงานในจังหวัดนี้",
    "agency name in any spelling seen, or its id": "ชื่อหน่วยงาน (สะกดแบบใดก็ได้ที่เคยพบ) หรือรหัสหน่วยงาน",
    "the agency's province, when the name is ambiguous": "จังหวัดของหน่วยงาน เมื่อชื่อซ้ำกับหน่วยงานอื่น",
    "write the action-plan draft as CSV (-: standard output)": "บันทึกร่างแผนปฏิบัติการเป็น CSV (-: พิมพ์ออกหน้าจอ)",
    "table: Thai text for people; json: every analysis table (default: %(default)s)":
        "table: ข้อความภาษาไทยสำหรับอ่าน; json: ตารางวิเคราะห์ทุกตาราง (ค่าเริ่มต้น: %(default)s)",
    "agency names (any spelling the store knows) or params files":
        "ชื่อหน่วยงาน (สะกดแบบใดก็ได้ที่ฐานข้อมูลรู้จัก) หรือไฟล์ params",
    "store file (default: the params file's db, else outputs/ita.duckdb)":
        "ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: db ในไฟล์ params ถ้าไม่มีใช้ outputs/ita.duckdb)",
    "reports go to OUTPUT_DIR/<slug>/ (default: the params file's output_dir, else outputs)":
        "รายงานอยู่ใน OUTPUT_DIR/<slug>/ (ค่าเริ่มต้น: output_dir ในไฟล์ params ถ้าไม่มีใช้ outputs)",
    "digits in the report (default: thai)": "ตัวเลขในรายงาน: thai (เลขไทย, ค่าเริ่มต้น) หรือ arabic (เลขอารบิก)",
    "digits in the reports (default: thai)": "ตัวเลขในรายงาน: thai (เลขไทย, ค่าเริ่มต้น) หรือ arabic (เลขอารบิก)",
    "comma-separated: html,pdf,docx,xlsx (default: html,pdf)": "คั่นด้วยจุลภาค: html,pdf,docx,xlsx (ค่าเริ่มต้น: html,pdf)",
    "agency: the analysis the agency publishes, Thai only, with its sign-off (default); analyst: with sources, "
    "checks and peers":
        "agency: รายงานวิเคราะห์ที่หน่วยงานเผยแพร่ ภาษาไทยล้วน พร้อมส่วนลงนาม (ค่าเริ่มต้น); "
        "analyst: ฉบับนักวิเคราะห์ มีแหล่งที่มา การตรวจสอบ และหน่วยงานเทียบเคียง",
    "the agency's publication: refused (exit 3) while anything is left to confirm (ita-report review); without it "
    "such a report is built as a draft":
        "ฉบับเผยแพร่ของหน่วยงาน: ไม่สร้างให้ (สถานะ 3) ถ้ายังมีค่าที่ต้องยืนยัน (ita-report review); "
        "ถ้าไม่ใส่ตัวเลือกนี้ รายงานเช่นนั้นจะเป็นฉบับร่าง",
    "agency names, ids or params .yaml files": "ชื่อหน่วยงาน รหัสหน่วยงาน หรือไฟล์ params .yaml",
    "one agency name, id or params .yaml per line": "ไฟล์ที่มีชื่อหน่วยงาน รหัส หรือไฟล์ params .yaml บรรทัดละหนึ่ง",
    "every agency of this province in the store": "ทุกหน่วยงานของจังหวัดนี้ในฐานข้อมูล",
    "every agency in the store": "ทุกหน่วยงานในฐานข้อมูล",
    "worker processes (default: the number of cores)": "จำนวนโพรเซสที่ทำงานพร้อมกัน (ค่าเริ่มต้น: จำนวนคอร์)",
    "publications only: an agency with anything left to confirm fails (exit 3)":
        "เฉพาะฉบับเผยแพร่: หน่วยงานที่ยังมีค่าต้องยืนยันจะไม่สำเร็จ (สถานะ 3)",
    "default: %(default)s": "ค่าเริ่มต้น: %(default)s",
    "rebuild even when nothing changed": "สร้างใหม่แม้ไม่มีอะไรเปลี่ยน",
    "seconds an agency's notebook may run (default: %(default)s)":
        "เวลาสูงสุด (วินาที) ที่โน้ตบุ๊กของแต่ละหน่วยงานรันได้ (ค่าเริ่มต้น: %(default)s)",
    "a dask.distributed scheduler, e.g. tcp://host:8786": "ตัวจัดงาน dask.distributed เช่น tcp://host:8786",
    "another report notebook (default: notebooks/agency_report.ipynb)":
        "ใช้โน้ตบุ๊กรายงานอื่น (ค่าเริ่มต้น: notebooks/agency_report.ipynb)",
    "the review file (default: params/review/<slug>.yaml; an existing one keeps its answers)":
        "ไฟล์แบบตรวจทาน (ค่าเริ่มต้น: params/review/<slug>.yaml; ถ้ามีไฟล์อยู่แล้ว คำตอบเดิมยังอยู่)",
    "each browser session's uploads and reports, and what agencies confirmed (default: %(default)s)":
        "ที่เก็บไฟล์อัปโหลดและรายงานของแต่ละการใช้งาน และค่าที่หน่วยงานยืนยัน (ค่าเริ่มต้น: %(default)s)",
    "address to listen on (default: %(default)s; any other address requires the token the printed address "
    "carries)":
        "ที่อยู่ที่รอรับการเชื่อมต่อ (ค่าเริ่มต้น: %(default)s; ที่อยู่อื่นต้องใช้ token ที่มากับที่อยู่ที่พิมพ์ออกมา)",
    "port (default: a free one)": "พอร์ต (ค่าเริ่มต้น: พอร์ตที่ว่าง)",
    "print the address without opening a browser": "พิมพ์ที่อยู่โดยไม่เปิดเบราว์เซอร์",
    "where to put them (made if missing)": "โฟลเดอร์ปลายทาง (สร้างให้ถ้ายังไม่มี)",
    "folder for the files (default: %(default)s)": "โฟลเดอร์ของไฟล์ (ค่าเริ่มต้น: %(default)s)",
    "only agencies of this province": "เฉพาะหน่วยงานของจังหวัดนี้",
    "replace existing files": "เขียนทับไฟล์ที่มีอยู่",
    # example lines with words in them
    '  ita-report review "อบต.บ้านพราน"   (then fill in params/review/<slug>.yaml)':
        '  ita-report review "อบต.บ้านพราน"   (แล้วกรอก params/review/<slug>.yaml)',
    "  ita-report app   (then open the address it prints; stop it with Ctrl-C)":
        "  ita-report app   (แล้วเปิดที่อยู่ที่พิมพ์ออกมา กด Ctrl-C เพื่อหยุด)",
    "  ita-report notebooks ~/ita-notebooks   (then open ~/ita-notebooks in JupyterLab)":
        "  ita-report notebooks ~/ita-notebooks   (แล้วเปิด ~/ita-notebooks ใน JupyterLab)",
}
