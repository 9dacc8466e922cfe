"""The command leaves without the interpreter's teardown (ita_lib.cli.leave), but keeps what the
teardown owes: other threads finish, exit handlers run, output is flushed, the status is kept."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str, tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)


def test_threads_finish_and_exit_handlers_run_before_the_process_ends(tmp_path):
    done = _run("""
        import atexit, pathlib, sys, threading, time
        atexit.register(lambda: pathlib.Path("handler-ran").write_text("yes"))
        def late():
            time.sleep(0.3)
            pathlib.Path("thread-finished").write_text("yes")
        threading.Thread(target=late).start()
        sys.argv = ["ita-report", "--version"]
        from ita_lib.cli.main import run
        run()
        """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ita-report ")
    assert (tmp_path / "handler-ran").read_text() == "yes"
    assert (tmp_path / "thread-finished").read_text() == "yes"


def test_statuses_and_buffered_output_survive(tmp_path):
    bad = _run("""
        import sys
        sys.argv = ["ita-report", "parse", "--format", "nonsense", "x.txt"]
        from ita_lib.cli.main import run
        run()
        """, tmp_path)
    assert bad.returncode == 2
    assert "--format" in bad.stderr and "Traceback" not in bad.stderr
    # Much more than a pipe's buffer, still in Python's buffer when the command returns.
    flushed = _run("""
        import sys
        from ita_lib.cli import leave
        sys.stdout.write("ตำบล\\n" * 200_000)
        leave.leave(3)
        """, tmp_path)
    assert flushed.returncode == 3
    assert flushed.stdout == "ตำบล\n" * 200_000


def test_a_message_given_to_sys_exit_is_printed_with_status_1(capsys):
    from ita_lib.cli.leave import status_of

    assert status_of(SystemExit()) == 0
    assert status_of(SystemExit(2)) == 2
    assert status_of(SystemExit("stopped: no room")) == 1
    assert capsys.readouterr().err == "stopped: no room\n"
