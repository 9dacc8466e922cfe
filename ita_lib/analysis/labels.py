"""Thai labels for analysis tables: level words, trend words and column headings."""
from __future__ import annotations

import pandas as pd

from ita_lib import fields
from ita_lib.rubric import load as load_rubric

LEVELS = {"strength": "จุดแข็ง", "pass": "ผ่านเกณฑ์", "weakness": "จุดอ่อน", "urgent": "จุดอ่อนเร่งด่วน"}
TRENDS = {"improving": "ดีขึ้น", "declining": "ลดลง", "stable": "คงที่", "insufficient": "ข้อมูลไม่พอ"}
SCOPES = {"overall": "ภาพรวม", "instrument": "แบบวัด", "part": "ส่วนของแบบวัด", "indicator": "ตัวชี้วัด"}

# The kinds of document the parser tells apart (ita_lib.store.schema.KIND_PRIORITY), as a reader names them.
KINDS = {"confirmed": "ค่าที่หน่วยงานยืนยัน", "itas_result": "ผลจากระบบ ITAS", "multi_agency_table": "ตารางผลหลายหน่วยงาน",
         "agency_analysis": "เอกสารวิเคราะห์ของหน่วยงาน", "multi_year_table": "ตารางผลหลายปี",
         "province_list": "รายชื่อผลรายจังหวัด", "prose": "ข่าวหรือประกาศ"}

# What each parse warning means, for the report's appendix (the English message stays in the store
# and on `ita-report parse`'s stderr).
WARNINGS = {
    "conflicting_scores": "เอกสารให้คะแนนเดียวกันไว้สองค่า",
    "english_name_unlinked": "ชื่อหน่วยงานมีแต่ภาษาอังกฤษ และไม่รู้ว่าเป็นหน่วยงานไทยใด",
    "conflicting_values": "เอกสารให้ข้อมูลเดียวกันไว้สองแบบ",
    "ambiguous_score": "ข้อความมีคะแนนหลายค่าสำหรับหน่วยงานและปีเดียวกัน",
    "ambiguous_": "ข้อความมีค่าหลายค่าสำหรับข้อมูลเดียวกัน",
    "grade_score_mismatch": "ระดับผลไม่ตรงกับช่วงคะแนน",
    "grade_outside_scheme": "เอกสารพิมพ์ระดับเป็นตัวอักษรในปีที่เกณฑ์ไม่ใช้ระดับตัวอักษรแล้ว",
    "result_score_mismatch": "ผลผ่าน/ไม่ผ่านไม่ตรงกับคะแนน",
    "overall_mismatch": "คะแนนรวมที่พิมพ์ไม่ตรงกับคะแนนที่คำนวณ",
    "overall_unverifiable": "ตรวจสอบคะแนนรวมไม่ได้ เพราะน้ำหนักของปีนี้ยังไม่ได้รับการยืนยัน",
    "score_out_of_range": "คะแนนอยู่นอกช่วง ๐–๑๐๐ จึงไม่ได้ใช้",
    "unknown_indicator": "พบชื่อตัวชี้วัดที่ไม่รู้จัก",
    "indicator_name_mismatch": "ชื่อตัวชี้วัดไม่ตรงกับเกณฑ์ของปีนั้น",
    "year_missing": "เอกสารไม่ระบุปีงบประมาณ",
    "pre_itas_year": "ผลก่อนปี ๒๕๖๒ ซึ่งใช้เกณฑ์อื่น",
    "no_score": "ข้อความกล่าวถึงการประเมินแต่ไม่มีคะแนน",
    "province_row_incomplete": "แถวในรายชื่อจังหวัดไม่ครบ",
    "agency_type_unknown": "ไม่ทราบประเภทหน่วยงาน",
}


def warning_th(code: str) -> str:
    """The Thai meaning of a parse warning code (by its prefix for ambiguous_<field>)."""
    if code in WARNINGS:
        return WARNINGS[code]
    prefix = next((key for key in WARNINGS if key.endswith("_") and code.startswith(key)), None)
    return WARNINGS[prefix] if prefix else "คำเตือนจากการอ่านเอกสาร"


def field_th(field: str) -> str:
    """A facts field as a reader names it: indicator:3 → ตัวชี้วัดที่ 3, instrument:EIT → แบบวัด EIT."""
    group, _, key = field.partition(":")
    rubric = load_rubric()
    return {"indicator": f"ตัวชี้วัดที่ {key}", "instrument": f"แบบวัด {key}", "item": f"ข้อ {key}"}.get(
        group, {fields.OVERALL: "คะแนนรวม", "grade": "ระดับผล", "result": "ผลการประเมิน",
                "passed": f"{rubric.passed_word}/{rubric.failed_word}", "rank": "อันดับ"}.get(field, field))

COLUMNS = {
    "fiscal_year": "ปีงบประมาณ",
    "era": "ช่วงเกณฑ์",
    "field": "รายการ",
    "scope": "ระดับข้อมูล",
    "code": "รหัส",
    "indicator": "ตัวชี้วัดที่",
    "name": "ชื่อ",
    "instrument": "แบบวัด",
    "score": "คะแนน",
    "score_source": "ที่มาของคะแนน",
    "level": "ระดับ",
    "rank": "อันดับในหน่วยงาน",
    "gap_to_pass": "ห่างจากเกณฑ์ผ่าน",
    "gap_to_full": "ห่างจาก 100",
    "previous_year": "ปีก่อนหน้า",
    "previous_score": "คะแนนปีก่อนหน้า",
    "delta": "เปลี่ยนแปลง",
    "era_break": "ข้ามช่วงเกณฑ์",
    "trend": "แนวโน้ม",
    "slope": "ความชันต่อปี",
    "years": "ปีที่ใช้",
    "weight": "น้ำหนักต่อคะแนนรวม",
    "weights_status": "สถานะน้ำหนัก",
    "gain_to_pass": "คะแนนรวมเพิ่มหากถึงเกณฑ์ผ่าน",
    "gain_to_full": "คะแนนรวมเพิ่มหากถึง 100",
    "priority": "ลำดับความสำคัญ",
    "check": "การตรวจสอบ",
    "status": "ผล",
    "detail": "รายละเอียด",
    "reason": "เหตุผล",
    "measure": "มาตรการ",
    "steps": "ขั้นตอน",
    "output": "ผลผลิต/หลักฐาน",
    "responsible": "ผู้รับผิดชอบ",
    "period": "ระยะเวลา",
    "origin": "ที่มา",
    "peers": "จำนวนหน่วยงานเทียบ",
    "peer_rank": "อันดับในกลุ่ม",
    "percentile": "เปอร์เซ็นไทล์",
    "peer_median": "ค่ามัธยฐานของกลุ่ม",
    "overall_score": "คะแนนรวม",
    "overall_score_computed": "คะแนนรวม (คำนวณ)",
    "overall_source": "ที่มาของคะแนนรวม",
    "grade": "ระดับผล",
    "result": "ผลการประเมิน",
    "passed": "ผ่านเกณฑ์",
    "sources": "จำนวนแหล่งข้อมูล",
    "disputed": "แหล่งข้อมูลขัดกัน",
}


def thai_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The same table with Thai column headings (for display and export)."""
    return frame.rename(columns=COLUMNS)
