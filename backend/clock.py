"""The backend's clock, shared by every router (and the payment provider simulation): an implementation
of the project's one `Clock` (kiosk/clock.py).

In test mode the clock can be shifted (`POST /v1/test/clock`); the shift lives in the database so that
every instance agrees.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from backend.db import sim_clock
from kiosk.clock import Clock


def utc_iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class ShiftedClock:
    """Wall clock of the backend; with `test_clock` a shift kept in the database (shared by instances)."""

    def __init__(self, engine: Engine, test_clock: bool) -> None:
        self.engine, self.test_clock = engine, test_clock

    def now(self) -> datetime:
        now = datetime.now(UTC)
        if not self.test_clock:
            return now
        with self.engine.connect() as conn:
            offset = conn.execute(select(sim_clock.c.offset_seconds).where(sim_clock.c.id == 1)).scalar()
            conn.rollback()
        return now + timedelta(seconds=float(offset or 0.0))

    def monotonic(self) -> float:
        return time.monotonic()


def backend_clock(engine: Engine, test_clock: bool) -> Clock:
    return ShiftedClock(engine, test_clock)
