"""Shared pieces of the payment tests: the pty terminal simulator, a fast fake clock, a listener."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hardware.card_terminal.adapter import SerialCardTerminal
from hardware.card_terminal.simulator import TerminalSimulator
from kiosk.domain.order import Order, PaymentMethod
from kiosk.ledger import Ledger
from kiosk.payments.card import CardGateway
from kiosk.payments.masking import luhn_valid
from kiosk.payments.port import PaymentPrompt, PaymentRequest, PaymentResult
from kiosk.payments.service import PaymentService, payment_record
from kiosk.ports import FakeClock
from tests.ledger.helpers import make_order, open_ledger


class StepClock(FakeClock):
    """A fake clock whose monotonic time moves `step` seconds each time it is read: the adapter's
    60-second timeouts pass in a few real milliseconds, with no sleeps."""

    def __init__(self, step: float = 0.05) -> None:
        super().__init__(datetime(2026, 11, 21, 3, tzinfo=UTC))
        self.step = step

    def monotonic(self) -> float:
        self.advance(self.step)
        return super().monotonic()


@dataclass
class Listener:
    prompts: list[PaymentPrompt] = field(default_factory=list)
    results: list[PaymentResult] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)

    def on_prompt(self, prompt: PaymentPrompt) -> None:
        self.prompts.append(prompt)

    def on_result(self, result: PaymentResult) -> None:
        self.results.append(result)
        self.done.set()

    def wait(self, timeout: float = 20.0) -> PaymentResult:
        assert self.done.wait(timeout), "no payment result"
        return self.results[0]


def fast_terminal(port: str, clock: FakeClock | None = None, **timeouts: float) -> SerialCardTerminal:
    """Timeouts in fake seconds that pass one 0.05 s step per idle read of 1 ms: a lost reply costs
    ~60 real ms. `timeouts` overrides approval_timeout, reply_timeout, ack_timeout."""
    settings = {"approval_timeout": 3.0, "reply_timeout": 2.0, "ack_timeout": 0.5, **timeouts}
    return SerialCardTerminal(port, retries=3, clock=clock or StepClock(0.05), read_slice=0.001, **settings)


@dataclass
class Rig:
    sim: TerminalSimulator
    terminal: SerialCardTerminal
    ledger: Ledger
    service: PaymentService
    clock: FakeClock

    def pay(self, order: Order, intent_id: str, method: PaymentMethod = PaymentMethod.CARD) -> PaymentResult:
        listener = Listener()
        self.service.start(PaymentRequest(intent_id, order.id, order.total, method), listener)
        result = listener.wait()
        self.service.wait_idle()
        return result

    def checkout(self, order: Order, result: PaymentResult) -> None:
        """What the checkout does with an approval: record the sale (with the intent id)."""
        self.ledger.record_sale(order, payment_record(result))

    def order(self) -> Order:
        return make_order(self.clock)

    def reopen(self) -> None:
        self.service.close()
        self.ledger.close()
        self.ledger = open_ledger(self.ledger_path, self.clock)
        self.service = PaymentService(self.ledger, [CardGateway(self.terminal)])

    @property
    def ledger_path(self) -> Path:
        return Path(str(self.ledger.engine.url.database))


@contextmanager
def card_rig(tmp_path: Path, sim: TerminalSimulator | None = None) -> Iterator[Rig]:
    own = sim is None
    sim = sim or TerminalSimulator()
    if own:
        sim.start()
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    terminal = fast_terminal(sim.port)
    terminal.open()
    ledger = open_ledger(tmp_path / "ledger.sqlite3", clock)
    rig = Rig(sim, terminal, ledger, PaymentService(ledger, [CardGateway(terminal)]), clock)
    try:
        yield rig
    finally:
        rig.service.close()
        rig.ledger.close()
        terminal.close()
        if own:
            sim.stop()


_CARD_RUN = re.compile(rb"(?<![0-9A-Za-z])\d{13,19}(?![0-9A-Za-z])")
_SIM_PAN = re.compile(rb"536512\d{10}")  # every number the terminal simulator issues starts so
# The last group of a UUID is 12 hex characters; in an SQLite index it is followed by the row's key,
# a binary integer whose byte can read as an ASCII digit, which made "…-526369747524" + "1" a 13-digit run.
_UUID_PREFIX = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-$")


def card_numbers_in(root: Path) -> list[tuple[Path, str]]:
    """Luhn-valid 13-19 digit runs in every file under `root` (database, WAL, logs, payloads).

    Runs glued to letters are skipped (a hex hash may hold 13 digits in a row by chance), and so are
    runs that start a UUID's last group; numbers issued by our terminal simulator are looked for
    everywhere, glued or not."""
    found: list[tuple[Path, str]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for m in [*_CARD_RUN.finditer(data), *_SIM_PAN.finditer(data)]:
            run = m.group().decode()
            if _UUID_PREFIX.search(data[max(0, m.start() - 24) : m.start()]):
                continue
            if luhn_valid(run):
                found.append((path, run))
    return found
