"""outputs/index.html: every agency of a batch with its latest result and links to its report, a
province summary, sorting and filtering by province and type, all offline (inline CSS and script,
the Thai font embedded)."""
from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

from ita_lib.report.html import text_key
from ita_lib.files import atomic_write
from ita_lib.report.html import table, tag, text
from ita_lib.report.line_breaks import keep_whole, mark_words
from ita_lib.report.overview import agency_passed
from ita_lib.rubric import load as load_rubric

_SCRIPT = """
(function () {
  const rows = Array.from(document.querySelectorAll('#agencies tbody tr'));
  const province = document.getElementById('province'), type = document.getElementById('type'),
        search = document.getElementById('search'), shown = document.getElementById('shown');
  function apply() {
    let count = 0;
    for (const row of rows) {
      const ok = (!province.value || row.dataset.province === province.value)
        && (!type.value || row.dataset.type === type.value)
        && (!search.value || row.dataset.name.includes(search.value.trim()));
      row.hidden = !ok; if (ok) count += 1;
    }
    shown.textContent = shown.dataset.thai === '1' ? String(count).replace(/[0-9]/g, d => '๐๑๒๓๔๕๖๗๘๙'[d]) : count;
  }
  [province, type, search].forEach(el => el.addEventListener('input', apply));
  document.querySelectorAll('#agencies th').forEach((th, column) => th.addEventListener('click', () => {
    const numeric = th.dataset.numeric === '1', ascending = th.dataset.order !== 'asc';
    th.dataset.order = ascending ? 'asc' : 'desc';
    const key = r => r.children[column].dataset.sort ?? r.children[column].textContent;
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const order = numeric ? (parseFloat(x) || -1) - (parseFloat(y) || -1) : x.localeCompare(y, 'th');
      return ascending ? order : -order;
    });
    const body = document.querySelector('#agencies tbody');
    rows.forEach(r => body.appendChild(r));
  }));
  apply();
})();
"""

_CSS = """
html { font-family: "ITA Thai", sans-serif; color: #1f2933; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem; }
h1, h2 { color: #1d4e89; }
table.data { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 0.5rem 0 1.5rem; }
table.data th, table.data td { border: 1px solid #cbd2d9; padding: 0.2rem 0.5rem; text-align: left; }
table.data th { background: #eef2f7; cursor: pointer; user-select: none; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { color: #8a1c1c; }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; margin: 0.5rem 0; }
.filters label { display: flex; gap: 0.4rem; align-items: center; }
select, input { font: inherit; padding: 0.1rem 0.3rem; }
.w { white-space: nowrap; }
/* Words never break inside, so a narrow window scrolls the table instead of squeezing it. */
.wide { overflow-x: auto; }
@media (max-width: 800px) {
  table.data { font-size: 0.82rem; } table.data th, table.data td { padding: 0.2rem 0.3rem; }
}
"""


def _summary(folder: Path) -> dict | None:
    """The latest result of a report's data.json; None when it is missing or not in the shape a
    batch writes (a report removed or edited since), so the index lists the agency without it."""
    try:
        data = json.loads((folder / "data.json").read_text(encoding="utf-8"))
        return _latest(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _latest(data: dict) -> dict:
    years = data.get("years") or []
    latest = years[-1] if years else {}
    rubric = load_rubric()
    change = None
    for row in data.get("yoy") or []:
        if row.get("scope") == "overall" and row.get("fiscal_year") == latest.get("fiscal_year"):
            change = row.get("delta")
    # One answer per agency, the overview's: the province table counts what the result column shows.
    passed = agency_passed(latest.get("fiscal_year"), latest.get("overall_score"), latest.get("grade"),
                           latest.get("result"), latest.get("passed"))
    return {"year": latest.get("fiscal_year"), "score": latest.get("overall_score"),
            "verdict": " ".join(str(v) for v in (latest.get("grade"), latest.get("result")) if v)
            or ("" if passed is None else (rubric.passed_word if passed else rubric.failed_word)),
            "passed": passed, "change": change, "type": text_key(data["agency"].get("agency_type")),
            "district": text_key(data["agency"].get("district"))}  # text: json.loads reads NaN too


def _number(value) -> str:
    return f"{value:.2f}" if _is_number(value) else ""


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _province_table(by_province: dict[str, list[dict]], shown) -> str:
    """Per province, the agencies with a score in the batch's latest year (the province overview's
    year): how many, their mean, how many passed (agency_passed), so the two pages agree."""
    years = [i["year"] for items in by_province.values() for i in items if _is_number(i["score"]) and i["year"]]
    latest = max(years) if years else None
    rows = []
    for province, items in sorted(by_province.items()):
        current = [i for i in items if i["year"] == latest and _is_number(i["score"])]
        passed = sum(1 for i in current if i["passed"])
        rows.append((province or "ไม่ระบุ", shown(len(items)), shown(len(current)),
                     shown(_number(sum(i["score"] for i in current) / len(current))) if current else "",
                     shown(f"{passed} จาก {len(current)} ({100 * passed / len(current):.1f}%)") if current else ""))
    year = "" if latest is None else " ปี " + shown(latest)
    return table(["จังหวัด", "จำนวนรายงาน", "มีผล" + year, "คะแนนเฉลี่ย" + year, "ผ่านเกณฑ์" + year], rows,
                 numeric=(1, 2, 3, 4))


REPORT_LINKS = (("หน้าเว็บ", "report.html"), ("PDF", "report.pdf"), ("Word", "report.docx"), ("Excel", "report.xlsx"))


def write_index(output_dir: Path, outcomes, digits: str = "thai") -> Path:
    """index.html of a batch; numbers shown in `digits` (sorting reads the data-sort values)."""
    from pythainlp.util import arabic_digit_to_thai_digit

    from ita_lib.report.fonts import find_thai_font, font_face_css

    def shown(value) -> str:
        value = str(value)
        return arabic_digit_to_thai_digit(value) if digits == "thai" else value

    rows, provinces, types = [], set(), set()
    by_province: dict[str, list[dict]] = defaultdict(list)
    for outcome in sorted(outcomes, key=lambda o: (text_key(o.province), text_key(o.agency))):
        summary = _summary(output_dir / outcome.slug) if outcome.slug and outcome.status != "failed" else None
        province = text_key(outcome.province)
        agency, error = text_key(outcome.agency), text_key(outcome.error)
        provinces.add(province)
        kind = (summary or {}).get("type", "")
        types.add(kind)
        if summary:
            by_province[province].append(summary)
            links = " ".join(tag("a", text(label), href=f"{outcome.slug}/{name}") for label, name in REPORT_LINKS
                             if (output_dir / outcome.slug / name).exists())
        else:
            links = text(error[:200])
        cells = [tag("td", text(agency)), tag("td", text(kind)),
                 tag("td", text((summary or {}).get("district") or "")), tag("td", text(province)),
                 tag("td", text(shown((summary or {}).get("year") or "")), class_="num",
                     data_sort=str((summary or {}).get("year") or "")),
                 tag("td", text(shown(_number((summary or {}).get("score")))), class_="num",
                     data_sort=str((summary or {}).get("score") or "")),
                 tag("td", text((summary or {}).get("verdict")
                                or ("สร้างไม่สำเร็จ" if outcome.status == "failed" else ""))),
                 tag("td", text(shown(_number((summary or {}).get("change")))), class_="num",
                     data_sort=str((summary or {}).get("change") or "")),
                 tag("td", links)]
        rows.append(tag("tr", "".join(cells), class_="failed" if outcome.status == "failed" else None,
                        data_province=province, data_type=kind, data_name=agency))
    headers = [("หน่วยงาน", 0), ("ประเภท", 0), ("อำเภอ", 0), ("จังหวัด", 0), ("ปีล่าสุด", 1), ("คะแนน ITA", 1),
               ("ผล", 0), ("เปลี่ยนแปลง", 1), ("รายงาน", 0)]
    head = tag("thead", tag("tr", "".join(tag("th", text(h), data_numeric=str(n)) for h, n in headers)))
    agencies = tag("table", head + tag("tbody", "".join(rows)), class_="data", id="agencies")
    province_table = _province_table(by_province, shown)
    def options(values, label: str, id_: str) -> str:
        return tag("select", tag("option", text(label), value="") + "".join(
            tag("option", text(v), value=v) for v in sorted(values) if v), id=id_)

    filters = tag("div", tag("label", "จังหวัด" + options(provinces, "ทั้งหมด", "province"))
                  + tag("label", "ประเภท" + options(types, "ทั้งหมด", "type"))
                  + tag("label", "ค้นหา" + '<input id="search" type="search">')
                  + tag("span", 'แสดง <span id="shown" data-thai="%d"></span> หน่วยงาน' % (digits == "thai")),
                  class_="filters")
    overview = (tag("p", tag("a", "ภาพรวมจังหวัด", href="province_overview.html"))
                if (output_dir / "province_overview.html").exists() else "")
    counts = {status: sum(1 for o in outcomes if o.status == status) for status in ("built", "skipped", "failed")}
    status_line = tag("p", text(shown(f"สร้างใหม่ {counts['built']} ไม่เปลี่ยนแปลง {counts['skipped']} "
                                      f"ไม่สำเร็จ {counts['failed']}") + " (รายละเอียดใน manifest.csv)"))
    body = (tag("h1", "รายงานผลการประเมิน ITA รายหน่วยงาน") + status_line + overview + tag("h2", "สรุปรายจังหวัด")
            + tag("div", province_table, class_="wide") + tag("h2", "หน่วยงาน") + filters
            + tag("div", agencies, class_="wide"))
    page = ("<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>รายงานผลการประเมิน ITA</title><style>" + font_face_css(find_thai_font()) + _CSS + "</style></head>"
            "<body><main>" + body + "</main><script>" + _SCRIPT + "</script></body></html>\n")
    # Thai lines break between words only; the filters read data- attributes and sorting reads
    # textContent or data-sort, neither of which the marks change.
    path = output_dir / "index.html"
    keep_whole(text_key(o.agency) for o in outcomes)
    atomic_write(path, mark_words(page))
    return path
