"""Seeded fault matrix (hypothesis): random terminal faults at every step, crashes at every persisted
state, then restart and recovery. Runs in-process over the real pty simulator and real SQLite files;
only the clock is fake. A crash is simulated by stopping the app at the k-th ledger write (before or
after it commits) and reopening everything, as a SIGKILL would leave it (see test_kill.py for real
SIGKILLs of a child process).

Invariants, checked against the simulator's bank (the truth about money):
* no intent ever gets a second approval request, and at most one approval stays uncancelled;
* an approval stays uncancelled exactly when its order is completed (nobody pays for nothing);
* approvals in the ledger = completed orders + net-cancelled + refunded + manual review;
* no completed card order without a committed approval; every intent is final after recovery.
Each matrix runs on its own ledger file and checks it at the end (journal verifies, every order paid, no
card number in any file): no test depends on another having run.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import Ledger, LedgerError
from kiosk.ledger.models import OrderRow
from kiosk.ledger.verify import verify_journal
from kiosk.payments.card import CardGateway
from kiosk.payments.intents import IntentRow
from kiosk.payments.port import PaymentRequest, PaymentStatus
from kiosk.payments.service import PaymentService, payment_record
from kiosk.ports import FakeClock
from tests.helpers.card_numbers import card_numbers_in
from tests.helpers.payments import Listener, check_invariants, fast_terminal
from tests.ledger.helpers import SEOUL, make_order, open_ledger


class SimulatedCrash(BaseException):
    """The app process dies here (BaseException: nothing in the app may swallow it)."""


@dataclass(frozen=True)
class Step:
    behaviour: Behaviour
    corrupt: int
    refund: bool


@dataclass(frozen=True)
class Scenario:
    steps: tuple[Step, ...]
    crash_at: int  # the k-th ledger write of the scenario; 0 = no crash
    crash_after_commit: bool
    plug_in_late: bool  # a pulled cable stays out for the first recovery attempt


steps = st.builds(
    Step,
    st.sampled_from(list(Behaviour)),
    st.integers(0, 2),
    st.booleans(),
)
scenarios = st.builds(
    Scenario,
    st.lists(steps, min_size=1, max_size=2).map(tuple),
    st.integers(0, 14),
    st.booleans(),
    st.booleans(),
)


def _crashing(record: Callable[..., Any], crash_at: int, after: bool) -> Callable[..., Any]:
    counter = itertools.count(1)

    def wrapped(kind: str, payload: dict[str, Any]) -> Any:
        n = next(counter)
        if n == crash_at and not after:
            raise SimulatedCrash(f"killed before write {n} ({kind})")
        entry = record(kind, payload)
        if n == crash_at:
            raise SimulatedCrash(f"killed after write {n} ({kind})")
        return entry

    return wrapped


_ids = itertools.count(1)


def _ledger_on(engine: Engine, clock: FakeClock) -> Ledger:
    """A fresh Ledger object (as a restarted process has) on the shared engine; the engine only
    keeps SQLAlchemy's compiled-statement cache warm, the data is in the SQLite file."""
    return Ledger(engine, device_id="TEST-01", clock=clock, tz=SEOUL)


def run_scenario(sim: TerminalSimulator, engine: Engine, scenario: Scenario) -> None:
    sim.reset()
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    tag = f"s{next(_ids)}"
    intent_ids: list[str] = []
    crashed = False

    terminal = fast_terminal(sim.port, approval_timeout=1, reply_timeout=0.5, ack_timeout=0.2)
    terminal.open()
    ledger = _ledger_on(engine, clock)
    if scenario.crash_at:
        ledger.record = _crashing(ledger.record, scenario.crash_at, scenario.crash_after_commit)  # type: ignore[method-assign]
    service = PaymentService(ledger, [CardGateway(terminal)], query_attempts=2)
    try:
        for i, step in enumerate(scenario.steps):
            sim.queue(step.behaviour)
            sim.corrupt_replies = step.corrupt
            order = make_order(clock)
            intent_id = f"{tag}-{i}"
            intent_ids.append(intent_id)
            result = service.pay(PaymentRequest(intent_id, order.id, order.total, PaymentMethod.CARD), Listener())
            if result.status is PaymentStatus.APPROVED:
                ledger.record_sale(order, payment_record(result))  # what the checkout does
                if step.refund:
                    try:
                        service.refund(order.id, "fault matrix")
                    except LedgerError:
                        pass  # refund not confirmed (cable out): the owner retries later
            if sim.deaf and not scenario.plug_in_late:
                sim.plug_in()
    except SimulatedCrash:
        crashed = True
    finally:
        service.close()
        terminal.close()

    # --- restart: a new process opens the ledger and the terminal and recovers before attract ---
    if crashed:
        sim.script.clear()  # the terminal finished whatever it was doing
    terminal = fast_terminal(sim.port, approval_timeout=1, reply_timeout=0.5, ack_timeout=0.2)
    terminal.open()
    ledger = _ledger_on(engine, clock)
    service = PaymentService(ledger, [CardGateway(terminal)], query_attempts=2)
    try:
        service.recover()
        sim.plug_in()
        service.recover()
        check_invariants(sim, ledger, service, intent_ids)
    finally:
        service.close()
        terminal.close()


@pytest.fixture
def matrix_dir(tmp_path: Path) -> Iterator[Path]:
    # The matrix tests decisions, not fsync: on a RAM disk when there is one (test_kill.py covers real
    # SIGKILLs on disk). Each commit still goes through SQLite's WAL with synchronous=FULL.
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        with tempfile.TemporaryDirectory(prefix="kiosk-fault-matrix-", dir=shm) as d:
            yield Path(d)
    else:
        yield tmp_path


def run_matrix(sim: TerminalSimulator, matrix_dir: Path, strategy: st.SearchStrategy[Scenario], examples: int) -> None:
    """Every scenario `strategy` draws (derandomized: the same ones each run) on one ledger file."""
    ledger = open_ledger(matrix_dir / "ledger.sqlite3")

    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(scenario=strategy)
    def run(scenario: Scenario) -> None:
        run_scenario(sim, ledger.engine, scenario)

    try:
        run()
    finally:
        ledger.close()


def check_matrix_ledger(matrix_dir: Path, min_orders: int) -> None:
    """After a matrix: the journal verifies and every order has its committed approval."""
    result = verify_journal(matrix_dir / "ledger.sqlite3")
    assert result.ok and result.entries > 1000
    ledger = open_ledger(matrix_dir / "ledger.sqlite3")
    try:
        with ledger.reading() as s:
            orders = s.execute(select(OrderRow.id)).scalars().all()
            paid = set(
                s.execute(
                    select(IntentRow.order_id).where(IntentRow.ever_approved, IntentRow.order_completed)
                ).scalars()
            )
        assert len(orders) > min_orders and set(orders) <= paid
    finally:
        ledger.close()
    assert card_numbers_in(matrix_dir) == []


crash_scenarios = st.builds(
    Scenario,
    st.lists(steps, min_size=1, max_size=2).map(tuple),
    st.integers(1, 10),
    st.booleans(),
    st.booleans(),
)


@pytest.mark.slow
def test_fault_matrix_card(sim: TerminalSimulator, matrix_dir: Path) -> None:
    run_matrix(sim, matrix_dir, scenarios, 600)
    check_matrix_ledger(matrix_dir, min_orders=100)


@pytest.mark.slow
def test_fault_matrix_card_with_crash_at_every_write(sim: TerminalSimulator, matrix_dir: Path) -> None:
    run_matrix(sim, matrix_dir, crash_scenarios, 400)
    check_matrix_ledger(matrix_dir, min_orders=50)  # most of these scenarios crash before the sale
