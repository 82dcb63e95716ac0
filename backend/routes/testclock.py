"""The test clock (test mode only): move the backend's clock, e.g. past a QR payment's expiry."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from backend.auth import BackendDep, OwnedRoute, Owner, owned
from backend.clock import utc_iso
from backend.db import is_sqlite, sim_clock
from kiosk.protocol import API

router = APIRouter(prefix=f"{API}/test", tags=["test clock"], route_class=OwnedRoute)


class ClockShift(BaseModel):
    model_config = ConfigDict(extra="forbid")
    advance_seconds: float = Field(ge=-86400 * 365, le=86400 * 365, allow_inf_nan=False)


@router.post("/clock", responses={200: {"description": "the shifted time"}}, openapi_extra=owned(Owner.SIMULATION))
def shift_clock(shift: ClockShift, ctx: BackendDep) -> dict[str, Any]:
    """Move the backend's clock forward (tests: QR expiry). Only in test mode."""
    if is_sqlite(ctx.engine):
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    with ctx.engine.begin() as conn:
        stmt = insert(sim_clock).values(id=1, offset_seconds=shift.advance_seconds)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["id"],
                set_={"offset_seconds": sim_clock.c.offset_seconds + shift.advance_seconds},
            )
        )
    return {"now": utc_iso(ctx.clock.now())}
