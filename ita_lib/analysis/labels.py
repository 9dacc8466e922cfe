"""Thai labels for analysis tables: level words, trend words and column headings."""
from __future__ import annotations

import pandas as pd

LEVELS = {"strength": "จุดแข็ง", "pass": "ผ่านเกณฑ์", "weakness": "จุดอ่อน", "urgent": "จุดอ่อนเร่งด่วน"}
TRENDS = {"improving": "ดีขึ้น", "declining": "ลดลง", "stable": "คงที่", "insufficient": "ข้อมูลไม่พอ"}
SCOPES = {"overall": "ภาพรวม", "instrument": "แบบวัด", "indicator": "ตัวชี้วัด"}

COLUMNS = {
    "fiscal_year": "ปีงบประมาณ",
    "era": "ช่วงเกณฑ์",
    "scope": "ระดับข้อมูล",
    "code": "รหัส",
    "indicator": "ตัวชี้วัดที่",
    "name": "ชื่อ",
    "instrument": "แบบวัด",
    "score": "คะแนน",
    "score_source": "ที่มาของคะแนน",
    "level": "ระดับ",
    "rank": "อันดับในหน่วยงาน",
    "gap_to_pass": "ห่างจาก 85",
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
    "gain_to_pass": "คะแนนรวมเพิ่มหากถึง 85",
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
    "grade": "ระดับผล",
    "result": "ผลการประเมิน",
    "passed": "ผ่านเกณฑ์",
    "sources": "จำนวนแหล่งข้อมูล",
    "disputed": "แหล่งข้อมูลขัดกัน",
}


def thai_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The same table with Thai column headings (for display and export)."""
    return frame.rename(columns=COLUMNS)
