"""A counter process for test_kill_close.py: opens a day, sells, then closes it and SIGKILLs itself at its
N-th SQL statement of the close (N = -1: just before its COMMIT; N = -2: once the close has returned);
N = 0 closes normally and prints how many statements the close ran.

    python -m tests.counter.kill_child DB N
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event

from kiosk.counter.sales import cash_tender
from kiosk.counter.ticket import Ticket
from tests.helpers.counter import STAFF, count_of, make_world


def main(db: str, kill_at: int) -> int:
    w = make_world(Path(db))
    w.day.open(STAFF, 30_000)
    total = 0
    for item in ("macaron", "bagel", "bingsu"):
        ticket = Ticket().add(w.catalog, item)
        t = ticket.total(w.catalog)
        w.counter.sell(ticket, [cash_tender(t, t)], STAFF)
        total += t
    count = 0

    def on_execute(*_: Any) -> None:
        nonlocal count
        count += 1
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def on_commit(*_: Any) -> None:
        if kill_at == -1:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(w.ledger.engine, "before_cursor_execute", on_execute)
    event.listen(w.ledger.engine, "commit", on_commit)
    w.day.close(STAFF, count_of(30_000 + total))
    if kill_at == -2:  # closed and committed: nothing after it may matter
        os.kill(os.getpid(), signal.SIGKILL)
    print(f"statements={count}", flush=True)
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
