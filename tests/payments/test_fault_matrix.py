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
from kiosk.payments.intents import IntentRow, IntentState
from kiosk.payments.port import PaymentRequest, PaymentStatus
from kiosk.payments.service import PaymentService, payment_record
from kiosk.ports import FakeClock
from tests.ledger.helpers import SEOUL, make_order, open_ledger
from tests.payments.helpers import Listener, card_numbers_in, fast_terminal


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


def check_invariants(sim: TerminalSimulator, ledger: Ledger, service: PaymentService, intent_ids: list[str]) -> None:
    store = service.store
    order_ids = [i.order_id for i in map(store.find, intent_ids) if i is not None]
    with ledger.reading() as s:
        rows = s.execute(select(OrderRow).where(OrderRow.id.in_(order_ids))).scalars()
        orders = {r.id: r.status for r in rows}
    approvals = completed = net_cancelled = refunded = review = 0
    for intent_id in intent_ids:
        requests = sim.requests.count(f"A:{intent_id}")
        assert requests <= 1, f"{intent_id}: {requests} approval requests"
        bank = [b for b in sim.bank if b.intent_id == intent_id]
        open_bank = [b for b in bank if not b.cancelled]
        assert len(open_bank) <= 1
        intent = store.find(intent_id)
        if intent is None:  # crashed before the intent was written: nothing may have been sent
            assert requests == 0 and not bank
            continue
        assert intent.final, f"{intent_id} left {intent.state}"
        kept = intent.state is IntentState.APPROVED and intent.order_completed
        assert bool(open_bank) == kept, f"{intent_id}: bank open={bool(open_bank)} but intent {intent.state}"
        if kept:
            assert orders.get(intent.order_id) == "completed"
        if intent.state is IntentState.REFUNDED:
            assert orders.get(intent.order_id) == "refunded"
        if bank:
            assert intent.ever_approved, f"{intent_id}: approved at the bank, not in the ledger"
        if intent.ever_approved:
            approvals += 1
            completed += kept
            net_cancelled += intent.state is IntentState.NET_CANCELLED
            refunded += intent.state is IntentState.REFUNDED
            review += intent.state is IntentState.MANUAL_REVIEW
    assert approvals == completed + net_cancelled + refunded + review
    # no completed order without a committed approval (every sale in this ledger went through the guard)
    for order_id in orders:
        assert any(i.ever_approved and i.order_completed for i in store.for_order(order_id))


@pytest.fixture(scope="module")
def matrix_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    # The matrix tests decisions, not fsync: on a RAM disk when there is one (test_kill.py covers real
    # SIGKILLs on disk). Each commit still goes through SQLite's WAL with synchronous=FULL.
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        with tempfile.TemporaryDirectory(prefix="kiosk-fault-matrix-", dir=shm) as d:
            yield Path(d)
    else:
        yield tmp_path_factory.mktemp("fault-matrix")


@pytest.fixture(scope="module")
def engine(matrix_dir: Path) -> Iterator[Engine]:
    ledger = open_ledger(matrix_dir / "ledger.sqlite3")
    yield ledger.engine
    ledger.close()


@pytest.mark.slow
@settings(
    max_examples=600,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(scenario=scenarios)
def test_fault_matrix_card(sim: TerminalSimulator, engine: Engine, scenario: Scenario) -> None:
    run_scenario(sim, engine, scenario)


@pytest.mark.slow
@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    scenario=st.builds(
        Scenario,
        st.lists(steps, min_size=1, max_size=2).map(tuple),
        st.integers(1, 10),
        st.booleans(),
        st.booleans(),
    )
)
def test_fault_matrix_card_with_crash_at_every_write(
    sim: TerminalSimulator, engine: Engine, scenario: Scenario
) -> None:
    run_scenario(sim, engine, scenario)


@pytest.mark.slow
def test_matrix_ledger_verifies_and_every_order_has_its_approval(matrix_dir: Path) -> None:
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
        assert len(orders) > 100 and set(orders) <= paid
    finally:
        ledger.close()
    assert card_numbers_in(matrix_dir) == []
