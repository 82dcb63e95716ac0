"""Payment provider callbacks: a registered provider reports what happened to a payment (owner
`provider`, its Ed25519 signature); operators read them back (fleet:read) for reconciliation."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from backend.auth import BackendDep, OwnedRoute, Owner, SignedOperator, SignedProvider, owned
from backend.clock import utc_iso
from backend.db import provider_events
from backend.errors import Problem, ValidationProblem
from backend.operators import Role
from kiosk.protocol import API

ID = r"^[A-Za-z0-9_.:\-]{1,64}$"
router = APIRouter(prefix=API, tags=["payment provider"], route_class=OwnedRoute)


class ProviderEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event_id: str = Field(pattern=ID, description="the provider's id of this event: the same id again is a duplicate")
    intent_id: str = Field(pattern=ID)
    status: Literal["approved", "declined", "cancelled", "refunded"]
    amount: int = Field(ge=0, le=100_000_000)
    approval_no: str = Field(default="", max_length=32, pattern=r"^[A-Za-z0-9-]*$")
    occurred_at: str = Field(max_length=40)


class EventAck(BaseModel):
    duplicate: bool


class StoredEvent(ProviderEvent):
    provider: str
    received_at: str


@router.post(
    "/provider/events",
    response_model=EventAck,
    responses={401: {"model": Problem}, 413: {"model": Problem}, 422: {"model": ValidationProblem}},
    openapi_extra=owned(Owner.PROVIDER),
)
def provider_event(event: ProviderEvent, provider: SignedProvider, ctx: BackendDep) -> Any:
    """A payment provider's callback, signed with its key; stored once per (provider, event id)."""
    received = utc_iso(ctx.clock.now())  # before the transaction: the test clock is in the database
    try:
        with ctx.engine.begin() as conn:
            conn.execute(provider_events.insert().values(provider=provider, received_at=received, **event.model_dump()))
    except IntegrityError:
        return {"duplicate": True}
    return {"duplicate": False}


@router.get(
    "/fleet/provider-events",
    response_model=list[StoredEvent],
    responses={401: {"model": Problem}, 403: {"model": Problem}, 422: {"model": ValidationProblem}},
    openapi_extra=owned(Owner.OPERATOR, Role.FLEET_READ),
)
def list_events(
    operator: SignedOperator,
    ctx: BackendDep,
    intent_id: Annotated[str, Query(pattern=ID)],
) -> Any:
    """What the providers reported about one payment intent, oldest first."""
    with ctx.engine.connect() as conn:
        rows = conn.execute(
            select(provider_events)
            .where(provider_events.c.intent_id == intent_id)
            .order_by(provider_events.c.received_at, provider_events.c.event_id)
        ).all()
        conn.rollback()
    return [dict(r._mapping) for r in rows]
