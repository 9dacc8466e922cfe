"""A Ctrl-C that a library turns into an error of its own still stops the command as interrupted:
DuckDB answers a SIGINT during a query with "Query interrupted", which a batch used to record as
one failed agency before carrying on and exiting 3."""
from __future__ import annotations

import os
import signal

import duckdb
import pytest

from ita_lib import interrupts
from ita_lib.batch import run
from ita_lib.cli.signals import sigterm_as_interrupt


def _query_interrupted_by_ctrl_c() -> None:
    """What DuckDB does with a SIGINT that lands in a query: the handler's KeyboardInterrupt becomes
    an error of the query."""
    try:
        os.kill(os.getpid(), signal.SIGINT)
    except KeyboardInterrupt as interrupt:
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!") from interrupt


def test_an_interrupt_a_library_swallowed_ends_the_command_as_interrupted() -> None:
    with pytest.raises(KeyboardInterrupt):
        with sigterm_as_interrupt():
            _query_interrupted_by_ctrl_c()


def test_an_interrupt_swallowed_entirely_still_ends_the_command_as_interrupted() -> None:
    with pytest.raises(KeyboardInterrupt):
        with sigterm_as_interrupt():
            try:
                _query_interrupted_by_ctrl_c()
            except duckdb.Error:
                pass  # a build that records the error as its agency's failure and returns


def test_a_fault_without_an_interrupt_is_the_fault() -> None:
    before = signal.getsignal(signal.SIGINT)  # Python's own handler, or SIG_IGN when started in the background
    with pytest.raises(duckdb.Error):
        with sigterm_as_interrupt():
            raise duckdb.InterruptException("a query the database stopped on its own")
    assert not interrupts.noted()
    assert signal.getsignal(signal.SIGINT) is before  # the handler is put back


def test_a_batch_stops_at_the_next_agency_and_records_no_false_failure(tmp_path) -> None:
    recorded = []
    results = iter([{"agency": name, "agency_id": None, "province": "ขอนแก่น", "slug": None, "status": "failed",
                     "error": "InterruptException: INTERRUPT Error: Interrupted!"} for name in ("first", "second")])
    interrupts.note()  # as the handler does while the first agency's build swallows it
    try:
        with pytest.raises(KeyboardInterrupt):
            run._collect(results, recorded.append, recorded, tmp_path / "manifest.csv")
    finally:
        interrupts.forget()
    assert recorded == []
