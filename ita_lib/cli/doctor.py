"""`ita-report doctor [--output-dir DIR]`: can this machine make the reports? One line per check (ita_lib.report
.doctor_checks), each failure or warning followed by its fix, in Thai (English with --lang en or
ITA_LANG=en).

Exit status (ita_lib.cli.exit_codes): OK when every check passed or only warned; STOPPED when a
check failed that stops builds. Nothing outlives the command: the test kernel is stopped on Ctrl-C
too (then INTERRUPTED, from main)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ita_lib.cli import exit_codes
from ita_lib.text.terminal import terminal_line

# Marks a console can show; a stream whose encoding lacks them (a Windows code page) gets words.
MARKS = {"pass": "✓", "warn": "!", "fail": "✗", "skip": "–"}
WORDS_TH = {"pass": "[ผ่าน]", "warn": "[เตือน]", "fail": "[ไม่ผ่าน]", "skip": "[ข้าม]"}  # not the rubric's: checks
WORDS_EN = {"pass": "[ok]", "warn": "[warning]", "fail": "[FAILED]", "skip": "[skipped]"}


def language(args: argparse.Namespace) -> str:
    """Thai unless English was asked for: --lang en, or ITA_LANG=en. Not the locale: the analysts'
    machines often run an English locale, and the doctor speaks to them."""
    asked = getattr(args, "lang", None) or os.environ.get("ITA_LANG", "").strip().lower()
    return "en" if asked == "en" else "th"


def cmd_doctor(args: argparse.Namespace) -> int:
    from ita_lib.report.doctor_checks import FAIL, WARN, Words, run_checks

    t = Words(language(args))
    marks = _marks(sys.stdout, t.thai)
    print(t("ita-report doctor: ตรวจว่าเครื่องนี้ทำรายงานได้หรือไม่", "ita-report doctor: can this machine make the "
            "reports?"), flush=True)
    failed = warned = 0
    for check in run_checks(t, Path(args.output_dir)):
        print(terminal_line(f"{marks[check.status]} {check.line}"), flush=True)
        if check.fix:
            print(terminal_line("    " + t("วิธีแก้: ", "fix: ") + check.fix), flush=True)
        failed += check.status == FAIL
        warned += check.status == WARN
    if failed:
        print(t(f"ไม่ผ่าน {failed} ข้อ: แก้ตามวิธีด้านบน แล้วรัน ita-report doctor อีกครั้ง",  # not the rubric's
                f"{failed} check{'s' if failed > 1 else ''} failed: apply the fixes above and run ita-report "
                "doctor again"), flush=True)
        return exit_codes.STOPPED
    print(t("ผ่านทุกข้อ: เครื่องนี้ทำรายงานได้" + (f" (มีคำเตือน {warned} ข้อ)" if warned else ""),
            "every check passed: this machine can make the reports"
            + (f" ({warned} warning{'s' if warned > 1 else ''})" if warned else "")), flush=True)
    return exit_codes.OK


def _marks(stream, thai: bool) -> dict[str, str]:
    try:
        "".join(MARKS.values()).encode(stream.encoding or "ascii")
    except (LookupError, UnicodeEncodeError, AttributeError):
        return WORDS_TH if thai else WORDS_EN
    return MARKS
