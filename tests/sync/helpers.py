"""Kiosk-side builders for sync tests: a terminal (ledger + sync service) enrolled with a real backend."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from backend.db import make_engine
from backend.programme import mint_code
from kiosk.devices.health import HealthEvent
from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from kiosk.sync.service import SyncService
from tests.ledger.helpers import card_payment, make_order, open_ledger

BUSINESS_NUMBER = "1208147521"


def issue_code(db_url: str, business_number: str = BUSINESS_NUMBER) -> str:
    """What `kiosk-backend enroll-code` does, in-process (saves a subprocess per test)."""
    engine = make_engine(db_url)
    try:
        return mint_code(engine, business_number)
    finally:
        engine.dispose()


class Terminal:
    def __init__(self, base: Path, backend_url: str, *, timeout: float = 5.0, batch_size: int = 500) -> None:
        self.base = base
        self.clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
        self.ledger: Ledger = open_ledger(base / "ledger.sqlite3", self.clock)
        self.events: list[HealthEvent] = []
        self.service = SyncService(
            self.ledger,
            base / "data",
            self.clock,
            backend_url=backend_url,
            timeout=timeout,
            batch_size=batch_size,
            on_event=self.events.append,
        )
        self.terminal_id = ""

    def enroll(self, db_url: str) -> str:
        self.terminal_id = self.service.enroll(self.service.default_url, issue_code(db_url), BUSINESS_NUMBER)
        return self.terminal_id

    def sell(self, n: int) -> None:
        for _ in range(n):
            self.clock.advance(30)
            order = make_order(self.clock)
            self.ledger.record_sale(order, card_payment(order))

    def bulk(self, n: int) -> None:
        """n small journal entries in one transaction (a week of events, fast)."""
        with self.ledger.transaction() as tx:
            for i in range(n):
                tx.append("test.event", {"i": i})

    def close(self) -> None:
        self.service.close()
        self.ledger.close()


@contextmanager
def terminal(base: Path, backend_url: str, db_url: str, **kw: Any) -> Iterator[Terminal]:
    t = Terminal(base, backend_url, **kw)
    try:
        t.enroll(db_url)
        yield t
    finally:
        t.close()


def server_entries(backend_url: str, terminal_id: str) -> list[dict[str, Any]]:
    """Every entry the backend holds for the terminal (read as an operator with fleet:read)."""
    from tests.backend.servers import OPERATOR_TOKENS  # here: catalog_child imports this module, keep it light

    out: list[dict[str, Any]] = []
    after = 0
    headers = {"Authorization": f"Bearer {OPERATOR_TOKENS[backend_url]}"}
    while True:
        reply = httpx.get(
            f"{backend_url}/v1/fleet/terminals/{terminal_id}/entries",
            params={"after": after, "limit": 5000},
            headers=headers,
            timeout=30,
        )
        reply.raise_for_status()
        page = reply.json()
        if not page:
            return out
        out += page
        after = page[-1]["seq"]


def local_entries(ledger: Ledger) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    after = 0
    while batch := ledger.entries_after(after, 5000):
        out += [e.to_wire() for e in batch]
        after = batch[-1].seq
    return out


def same_journal(local: list[dict[str, Any]], remote: list[dict[str, Any]]) -> bool:
    keys = ("device_id", "seq", "id", "ts", "kind", "payload", "prev_hash", "hash")
    return [tuple(e[k] for k in keys) for e in local] == [tuple(e[k] for k in keys) for e in remote]
