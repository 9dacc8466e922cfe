"""Thai narrative written from the analysis tables.

Every sentence is built from a row that holds its numbers; where the data is missing the sentence
says so or is left out, so the text never claims what the tables do not show.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ita_lib import fields
from ita_lib.rubric import load as load_rubric
from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.history import OWN_WORDS
from ita_lib.analysis.numbers import digits, fmt

SECTION_TITLES = {"summary": "สรุปผลการประเมิน", "strengths": "จุดแข็ง", "weaknesses": "จุดอ่อน",
                  "trends": "แนวโน้ม", "priorities": "ประเด็นที่ควรเร่งพัฒนา", "notes": "ข้อสังเกตเกี่ยวกับข้อมูล"}


@dataclass
class Narrative:
    sections: dict[str, list[str]] = field(default_factory=dict)

    def text(self) -> str:
        parts = []
        for key, sentences in self.sections.items():
            if sentences:
                parts.append(SECTION_TITLES[key] + "\n" + "\n".join(sentences))
        return "\n\n".join(parts)

    def __str__(self) -> str:
        return self.text()


def _year(value: int, config: AnalysisConfig) -> str:
    return fmt(value, config, None)


def _indicator_list(rows: pd.DataFrame, config: AnalysisConfig) -> str:
    return ", ".join(f"ตัวชี้วัดที่ {fmt(r.indicator, config, None)} {r.name} ({fmt(r.score, config)})"
                     for r in rows.itertuples(index=False))


def _summary(name: str, year: pd.Series, previous: pd.Series | None, config: AnalysisConfig) -> list[str]:
    y = int(year["fiscal_year"])
    rubric = load_rubric()
    out = []
    score = year["overall_score"]
    threshold = rubric.rules_for(y).pass_threshold
    if score is not None:
        how = " (คำนวณจากคะแนนรายตัวชี้วัด)" if year["overall_source"] == "computed" else ""
        sentence = f"ปีงบประมาณ พ.ศ. {_year(y, config)} {name} ได้คะแนน ITA {fmt(score, config)} คะแนน{how}"
        if year["grade"]:
            sentence += f" ระดับ {year['grade']}"
        if year["result"]:
            sentence += f" ผลการประเมิน{year['result']}"
        if score >= threshold and year["result"]:  # "ผลการประเมินผ่าน ผ่านเกณฑ์" says it twice
            sentence += f" (เกณฑ์ {fmt(threshold, config, 0)} คะแนน)"
        elif score >= threshold:
            sentence += f" ผ่านเกณฑ์ {fmt(threshold, config, 0)} คะแนน"
        else:
            sentence += (f" ต่ำกว่าเกณฑ์ {fmt(threshold, config, 0)} คะแนนอยู่ "
                         f"{fmt(threshold - score, config)} คะแนน")
        out.append(sentence)
    elif year["result"] or year["grade"]:
        out.append(f"ปีงบประมาณ พ.ศ. {_year(y, config)} {name} ได้ผลการประเมิน "
                   f"{year['result'] or 'ระดับ ' + year['grade']} โดยเอกสารไม่ได้ระบุคะแนนรวม")
    if previous is not None and score is not None:
        p = int(previous["fiscal_year"])
        before = previous["overall_score"]
        comparable = rubric.same_era(p, y) or (config.across_eras and p >= rubric.first_itas_year)
        if before is None:
            pass
        elif not comparable:
            out.append(f"ไม่นำไปเทียบกับปี {_year(p, config)} ({fmt(before, config)} คะแนน) "
                       f"เพราะอยู่คนละช่วงเกณฑ์การประเมิน ({digits(rubric.era_of(p).label, config)} กับ "
                       f"{digits(rubric.era_of(y).label, config)})")
        else:
            delta = round(score - before, 2)
            if delta > 0:
                change = f"เพิ่มขึ้น {fmt(delta, config)} คะแนน"
            elif delta < 0:
                change = f"ลดลง {fmt(-delta, config)} คะแนน"
            else:
                change = "เท่าเดิม"
            out.append(f"เมื่อเทียบกับปี {_year(p, config)} ({fmt(before, config)} คะแนน) คะแนนรวม{change}")
    return out


def _instrument_sentence(scores: pd.DataFrame, config: AnalysisConfig) -> list[str]:
    instruments = scores[scores["scope"] == "instrument"].sort_values("score", ascending=False)
    if (len(instruments) < 2 or instruments["score"].iloc[0] == instruments["score"].iloc[-1]
            or not instruments["score_source"].isin(OWN_WORDS).all()):
        return []  # a ranking of computed means is not the agency's result to state
    top, bottom = instruments.iloc[0], instruments.iloc[-1]
    return [f"แบบวัดที่ได้คะแนนสูงสุดคือ {top['code']} ({fmt(top['score'], config)}) และต่ำสุดคือ "
            f"{bottom['code']} ({fmt(bottom['score'], config)})"]


RELATIVE = 3  # indicators named as the agency's relative strengths or weaknesses


def _strengths(indicators: pd.DataFrame, config: AnalysisConfig) -> list[str]:
    if indicators.empty:
        return []
    strong = indicators[indicators["level"] == "strength"].sort_values("score", ascending=False)
    if strong.empty:
        # None at the strength mark: the agency's best indicators are still its relative strengths
        best = indicators.sort_values(["score", "indicator"], ascending=[False, True])
        sentence = f"ไม่มีตัวชี้วัดที่ได้ตั้งแต่ {fmt(config.strength, config, 0)} คะแนน"
        if len(best) and len(indicators) > 1:
            sentence += (" ตัวชี้วัดที่ได้คะแนนสูงสุดของหน่วยงานซึ่งเป็นจุดแข็งเมื่อเทียบกับตัวชี้วัดอื่น ได้แก่ "
                         + _indicator_list(best.head(RELATIVE), config))
        return [sentence]
    return [f"ตัวชี้วัดที่ได้ตั้งแต่ {fmt(config.strength, config, 0)} คะแนน {fmt(len(strong), config, None)} "
            f"ตัวชี้วัด ได้แก่ {_indicator_list(strong, config)}"]


def _weaknesses(indicators: pd.DataFrame, config: AnalysisConfig) -> list[str]:
    if indicators.empty:
        return []
    weak = indicators[indicators["level"].isin(["weakness", "urgent"])].sort_values("score")
    if weak.empty:
        total = len(load_rubric().indicators_for(int(indicators["fiscal_year"].iloc[0])))
        scope = ("ทุกตัวชี้วัด" if len(indicators) == total
                 else f"ตัวชี้วัดที่มีคะแนน {fmt(len(indicators), config, None)} จาก {fmt(total, config, None)} ตัวชี้วัด ทุกตัว")
        sentence = f"{scope}ได้ตั้งแต่ {fmt(config.passing, config, 0)} คะแนนขึ้นไป"
        # Nothing below the pass mark: the lowest indicators short of full marks are what to improve next
        lowest = indicators[indicators["score"] < 100].sort_values(["score", "indicator"])
        if len(lowest) and len(indicators) > 1:
            sentence += (" ตัวชี้วัดที่ได้คะแนนต่ำสุดของหน่วยงานซึ่งควรพัฒนาต่อ ได้แก่ "
                         + _indicator_list(lowest.head(RELATIVE), config))
        return [sentence]
    out = [f"ตัวชี้วัดที่ต่ำกว่าเกณฑ์ {fmt(config.passing, config, 0)} คะแนน {fmt(len(weak), config, None)} "
           f"ตัวชี้วัด ได้แก่ {_indicator_list(weak, config)}"]
    urgent = weak[weak["level"] == "urgent"]
    if not urgent.empty:
        out.append(f"ในจำนวนนี้ต่ำกว่า {fmt(config.urgent, config, 0)} คะแนนซึ่งควรแก้ไขเร่งด่วน: "
                   f"{_indicator_list(urgent, config)}")
    return out


def _trend_sentences(trends: pd.DataFrame, config: AnalysisConfig) -> list[str]:
    overall = trends[trends["scope"] == "overall"]
    if overall.empty or overall.iloc[0]["trend"] == "insufficient":
        return []  # one year has no trend: nothing to say, rather than a sentence that says so
    row = overall.iloc[0]
    span = f"ปี {_year(row['years'][0], config)}–{_year(row['years'][-1], config)}"
    first, last = float(row["first_score"]), float(row["last_score"])
    word = row["trend_th"]
    if row["trend"] == "stable" and round(first, 2) != round(last, 2):
        word = "ลดลงเล็กน้อย" if last < first else "เพิ่มขึ้นเล็กน้อย"  # "stable" hides a change a reader sees
    out = [f"ช่วง{span} คะแนนรวม{word} (จาก {fmt(first, config)} เป็น "
           f"{fmt(last, config)} เฉลี่ย {fmt(row['slope'], config)} คะแนนต่อปี)"]
    rubric = load_rubric()
    mark = rubric.rules_for(int(row["years"][-1])).pass_threshold  # the ITA's pass mark, not a user threshold
    if (first >= mark) != (last >= mark):  # crossing the pass mark outweighs the slope
        out[0] += (f" ซึ่งทำให้คะแนนรวม{'ต่ำกว่า' if last < mark else rubric.passed_word}เกณฑ์ "
                   f"{fmt(mark, config, 0)} คะแนน ในปี {_year(row['years'][-1], config)}")
    indicators = trends[trends["scope"] == "indicator"]
    for trend, word in (("improving", "ดีขึ้น"), ("declining", "ลดลง")):
        moving = indicators[indicators["trend"] == trend]
        if not moving.empty:
            names = ", ".join(f"ตัวชี้วัดที่ {fmt(r.indicator, config, None)} {r.name} "
                              f"({fmt(r.first_score, config)} → {fmt(r.last_score, config)})"
                              for r in moving.itertuples(index=False))
            out.append(f"ตัวชี้วัดที่มีแนวโน้ม{word}ในช่วงเดียวกัน: {names}")
    return out


def _priority_sentences(priorities: pd.DataFrame, config: AnalysisConfig, year: int) -> list[str]:
    gaining = priorities[priorities["gain_to_pass"] > 0].head(3)
    if gaining.empty and not priorities.empty and priorities["gain_to_full"].iloc[0] > 0:
        top = priorities.iloc[0]
        every = "ทุกตัวชี้วัด" if len(priorities) == len(load_rubric().indicators_for(year)) else "ตัวชี้วัดที่มีคะแนนทุกตัว"
        return [f"{every}ผ่านเกณฑ์แล้ว ตัวชี้วัดที่เพิ่มคะแนนรวมได้มากที่สุดคือตัวชี้วัดที่ "
                f"{fmt(top['indicator'], config, None)} {top['name']} ({fmt(top['score'], config)}) "
                f"หากถึง {fmt(100, config, None)} คะแนน คะแนนรวมจะเพิ่มขึ้นประมาณ {fmt(top['gain_to_full'], config)} คะแนน"]
    out = []
    for row in gaining.itertuples(index=False):
        out.append(f"หากตัวชี้วัดที่ {fmt(row.indicator, config, None)} {row.name} ({fmt(row.score, config)}) "
                   f"ถึง {fmt(config.passing, config, 0)} คะแนน คะแนนรวมจะเพิ่มขึ้นประมาณ "
                   f"{fmt(row.gain_to_pass, config)} คะแนน และหากถึง {fmt(100, config, None)} คะแนนจะเพิ่มขึ้นประมาณ "
                   f"{fmt(row.gain_to_full, config)} คะแนน")
    return out


def _notes(year: int, consistency: pd.DataFrame, config: AnalysisConfig) -> list[str]:
    out = []
    rules = load_rubric().rules_for(year)
    if rules.weights_status != "C":
        shares = "/".join(fmt(round(rules.weights[c] * 100), config, None) for c in load_rubric().instrument_codes)
        out.append(f"น้ำหนัก {shares} ที่ใช้คำนวณคะแนนรวมและลำดับความสำคัญของปี {_year(year, config)} "
                   "เป็นข้อมูลที่น่าจะถูกต้องแต่ยังไม่ได้รับการยืนยัน")
    problems = consistency[consistency["status"].isin(["mismatch", "conflict", "unverifiable"])]
    if not problems.empty:
        out.append(f"พบประเด็นความสอดคล้องของข้อมูล {fmt(len(problems), config, None)} รายการ "
                   "(ดูตารางการตรวจสอบความสอดคล้อง)")
    return out


PERCENTILE_FROM = 5  # agencies in a peer group before a percentile means something


def _peer_sentence(agency: dict, year: int, peers: pd.DataFrame, config: AnalysisConfig) -> list[str]:
    overall = peers[(peers["fiscal_year"] == year) & (peers["field"] == fields.OVERALL)]
    if overall.empty:
        return []
    row = overall.iloc[0]
    group = f"{agency.get('agency_type') or 'หน่วยงานประเภทเดียวกัน'} ในจังหวัด{agency.get('province')}"
    # A percentile of a group of two or three says nothing a rank does not: it is left out.
    spread = (f"เปอร์เซ็นไทล์ {fmt(row['percentile'], config, 1)}, " if row["peers"] >= PERCENTILE_FROM else "")
    return [f"เทียบกับ {group} ที่มีในฐานข้อมูล {fmt(row['peers'], config, None)} แห่ง อยู่อันดับที่ "
            f"{fmt(row['peer_rank'], config, None)} ({spread}ค่ามัธยฐานของกลุ่ม {fmt(row['peer_median'], config)})"]


def write_narrative(agency: dict, years: pd.DataFrame, scores: pd.DataFrame, trends: pd.DataFrame,
                    priorities: pd.DataFrame, consistency: pd.DataFrame, peers: pd.DataFrame,
                    config: AnalysisConfig) -> Narrative:
    name = agency["name"]
    narrative = Narrative()
    if years.empty:
        narrative.sections["summary"] = [f"ไม่มีผลการประเมินของ{name}ในฐานข้อมูล"]
        return narrative
    ordered = years.sort_values("fiscal_year")
    latest = ordered.iloc[-1]
    previous = ordered.iloc[-2] if len(ordered) > 1 else None
    year = int(latest["fiscal_year"])
    latest_scores = scores[scores["fiscal_year"] == year]
    indicators = latest_scores[latest_scores["scope"] == "indicator"]
    narrative.sections["summary"] = (_summary(name, latest, previous, config)
                                     + _instrument_sentence(latest_scores, config)
                                     + _peer_sentence(agency, year, peers, config))
    narrative.sections["strengths"] = _strengths(indicators, config)
    narrative.sections["weaknesses"] = _weaknesses(indicators, config)
    narrative.sections["trends"] = _trend_sentences(trends, config)
    narrative.sections["priorities"] = _priority_sentences(priorities, config, year)
    narrative.sections["notes"] = _notes(year, consistency, config)
    return narrative
