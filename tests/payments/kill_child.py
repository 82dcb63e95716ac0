"""A kiosk process for test_kill.py: pays twice on the card terminal, records the sales, refunds one,
and SIGKILLs itself right before or after its N-th ledger write.

    python -m tests.payments.kill_child PORT DB N before|after
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from hardware.card_terminal.driver import SerialCardTerminal
from kiosk.domain.order import PaymentMethod
from kiosk.payments.card import CardGateway
from kiosk.payments.port import PaymentRequest, PaymentStatus
from kiosk.payments.service import PaymentService, payment_record
from tests.helpers.payments import Listener
from tests.ledger.helpers import make_order, open_ledger


def main(port: str, db: str, kill_at: int, when: str) -> int:
    ledger = open_ledger(Path(db))
    record = ledger.record
    count = 0

    def dying_record(kind: str, payload: dict[str, Any]) -> Any:
        nonlocal count
        count += 1
        if count == kill_at and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        entry = record(kind, payload)
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return entry

    ledger.record = dying_record  # type: ignore[method-assign]
    terminal = SerialCardTerminal(port, approval_timeout=0.5, reply_timeout=2, ack_timeout=0.3)
    terminal.open()
    service = PaymentService(ledger, [CardGateway(terminal)])
    for n in (1, 2):
        order = make_order(ledger.clock)  # type: ignore[arg-type]
        result = service.pay(PaymentRequest(f"kill-{n}", order.id, order.total, PaymentMethod.CARD), Listener())
        if result.status is PaymentStatus.APPROVED:
            ledger.record_sale(order, payment_record(result))
            if n == 1:
                service.refund(order.id, "kill test")
    print(f"writes={count}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]))
