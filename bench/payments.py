"""Payment benchmarks.

1. A card payment end to end over the pty terminal simulator: intent created + sent + approved
   (three journal entries, each committed with synchronous=FULL before the next step), the terminal
   round trip, then the sale. Median and p95 per payment. Baseline in the same run: the same terminal
   round trip and the same sale with no intent entries (a bare adapter `approve` + `record_sale`),
   so the ratio is the cost of never charging twice.
2. Recovery at start: resolving N open (approved, no order) intents by query + net-cancel.

Run: `.venv/bin/python -m bench.payments [--quick]`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from hardware.card_terminal.driver import SerialCardTerminal
from hardware.card_terminal.simulator import TerminalSimulator
from kiosk.domain.cart import Cart
from kiosk.domain.catalog import load_catalog
from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.payments.card import CardGateway
from kiosk.payments.port import PaymentPrompt, PaymentRequest, PaymentResult
from kiosk.payments.service import PaymentService, payment_record

REPO = Path(__file__).resolve().parents[1]


class _Quiet:
    def on_prompt(self, prompt: PaymentPrompt) -> None:
        pass

    def on_result(self, result: PaymentResult) -> None:
        pass


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def main(quick: bool = False) -> list[str]:
    n = 30 if quick else 200
    catalog = load_catalog(REPO / "assets" / "demo" / "catalog.json")
    lines: list[str] = []
    with TerminalSimulator() as sim, tempfile.TemporaryDirectory() as d:
        terminal = SerialCardTerminal(sim.port, read_slice=0.001)
        terminal.open()
        try:

            def order():  # type: ignore[no-untyped-def]
                cart = Cart().add(catalog, "croissant")
                return order_from_cart(catalog, cart, OrderType.TAKE_OUT, datetime.now(UTC))

            base_ledger = Ledger.open(Path(d) / "base.sqlite3")
            base: list[float] = []
            for i in range(n):
                o = order()
                t = time.perf_counter()
                reply = terminal.approve(f"base-{i}", o.total)
                base_ledger.record_sale(
                    o,
                    PaymentRecord(PaymentMethod.CARD, o.total, "t", reply.approval_no, reply.issuer, reply.masked_card),
                )
                base.append(time.perf_counter() - t)
            base_ledger.close()

            ledger = Ledger.open(Path(d) / "ledger.sqlite3")
            service = PaymentService(ledger, [CardGateway(terminal)])
            full: list[float] = []
            for i in range(n):
                o = order()
                t = time.perf_counter()
                result = service.pay(PaymentRequest(f"pay-{i}", o.id, o.total, PaymentMethod.CARD), _Quiet())
                ledger.record_sale(o, payment_record(result))
                full.append(time.perf_counter() - t)
            m_full, m_base = statistics.median(full), statistics.median(base)
            lines.append(
                f"card payment with intents: median {m_full * 1000:.1f} ms, p95 {_pct(full, 0.95) * 1000:.1f} ms "
                f"(n={n}); bare approve + sale: median {m_base * 1000:.1f} ms; ratio {m_full / m_base:.2f}x"
            )

            k = 20 if quick else 100
            for i in range(k):
                o = order()
                service.pay(PaymentRequest(f"open-{i}", o.id, o.total, PaymentMethod.CARD), _Quiet())
            t = time.perf_counter()
            report = service.recover()
            took = time.perf_counter() - t
            lines.append(
                f"recovery: {len(report.net_cancelled)} open approvals net-cancelled in {took * 1000:.0f} ms "
                f"({took / k * 1000:.1f} ms each)"
            )
            service.close()
            ledger.close()
        finally:
            terminal.close()
    for line in lines:
        print(line)
    sys.stdout.flush()
    return lines


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
