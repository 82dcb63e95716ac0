"""Terminal endpoints: push the journal, query the acknowledgement, heartbeat. Signed by the terminal;
replies to a push are receipts signed by the programme key."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from backend.auth import (
    BODY,
    CALLER,
    TERMINAL_ID,
    BackendDep,
    OwnedRoute,
    Owner,
    SignedTerminal,
    owned,
    terminal_headers,
    verify_terminal,
)
from backend.clock import utc_iso
from backend.context import Backend
from backend.db import bundles, terminals
from backend.errors import Problem, ValidationProblem
from backend.ingest import ingest
from kiosk.protocol import API, HEAD_KIND, MAX_BATCH, RECEIPT_KIND, PushResult, WireEntry, sign_doc

HEX64 = r"^[0-9a-f]{64}$"
STRICT = ConfigDict(extra="forbid")
INT32 = 2**31 - 1
TerminalPath = Annotated[str, Path(pattern=TERMINAL_ID)]

router = APIRouter(prefix=f"{API}/terminals", tags=["journal"], route_class=OwnedRoute)
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem},
    413: {"model": Problem},
    422: {"model": ValidationProblem},
}


class Entry(BaseModel):
    model_config = STRICT
    device_id: str = Field(min_length=1, max_length=64)
    seq: int = Field(ge=1, le=2**62)
    id: str = Field(min_length=1, max_length=36)
    ts: str = Field(min_length=1, max_length=40)
    kind: str = Field(min_length=1, max_length=64)
    payload: str = Field(max_length=1_000_000)
    prev_hash: str = Field(pattern=HEX64)
    hash: str = Field(pattern=HEX64)


class PushRequest(BaseModel):
    model_config = STRICT
    entries: list[Entry] = Field(description=f"at most {MAX_BATCH} entries (more: 413)")


class RejectionOut(BaseModel):
    seq: int
    id: str
    reason: str
    detail: str


class PushReceiptOut(BaseModel):
    kind: str = RECEIPT_KIND
    terminal_id: str
    ack_seq: int
    ack_hash: str
    stored: int
    duplicates: int
    rejected: list[RejectionOut]
    signature: str = Field(description="Ed25519 by the programme key over the canonical JSON of the other fields")


class HeadOut(BaseModel):
    kind: str = HEAD_KIND
    terminal_id: str
    ack_seq: int
    ack_hash: str
    head_hash: str
    signature: str


class DeviceHealth(BaseModel):
    model_config = STRICT
    device: str = Field(max_length=64)
    health: str = Field(max_length=16)
    detail: str = Field(default="", max_length=200)
    message: str = Field(default="", max_length=500)
    at: str = Field(default="", max_length=40)


class HeartbeatRequest(BaseModel):
    model_config = STRICT
    clock: datetime
    pending: int = Field(ge=0, le=2**62)
    last_seq: int = Field(ge=0, le=2**62)
    catalog_version: int = Field(ge=0, le=INT32)
    health: list[DeviceHealth] = Field(max_length=64)


class HeartbeatResponse(BaseModel):
    server_time: str
    clock_skew_ms: int
    catalog_version_available: int


def receipt(ctx: Backend, terminal_id: str, result: PushResult) -> dict[str, Any]:
    return sign_doc(ctx.programme_key, {"kind": RECEIPT_KIND, "terminal_id": terminal_id, **result})


# The push's body is documented like any other (components PushRequest / Entry, added by
# `backend.app`) but parsed by the route itself, after the signature check (see `push`).
PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


def body_schemas() -> dict[str, Any]:
    """The OpenAPI component schemas of the push's body."""
    doc = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    defs = doc.pop("$defs", {})
    return {**defs, "PushRequest": doc}


def parse_push(body: bytes) -> list[WireEntry]:
    """The batch, validated straight from the JSON bytes (pydantic's parser: no intermediate Python JSON
    tree, no copy of each entry); a bad body is the same 422 FastAPI gives, too many entries 413."""
    try:
        batch = PushRequest.model_validate_json(body)
    except ValidationError as exc:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False, include_input=False)]
        raise RequestValidationError(errors) from None
    if len(batch.entries) > MAX_BATCH:
        raise HTTPException(413, f"at most {MAX_BATCH} entries in one push")
    # A validated model's fields are its __dict__: exactly a WireEntry's keys, already checked.
    return [cast(WireEntry, e.__dict__) for e in batch.entries]


def _push_once(ctx: Backend, request: Request, body: bytes) -> tuple[str, PushResult | Exception]:
    """One transaction on one connection: the terminal's row read and locked, the signature and the
    nonce checked and the nonce recorded, the body parsed, the entries stored, the terminal's head
    moved. The nonce is spent exactly when the rest commits; a body refused (422 / 413) still spends
    it, as before the body was parsed in the same transaction."""
    with ctx.engine.begin() as conn:
        term = verify_terminal(ctx, conn, request, body, lock=ctx.lock)
        request.scope[CALLER] = term.terminal_id
        try:
            batch = parse_push(body)
        except (RequestValidationError, HTTPException) as exc:
            return term.terminal_id, exc  # committed: the nonce is used
        return term.terminal_id, ingest(conn, term, batch)


@router.post(
    "/{terminal_id}/journal",
    response_model=PushReceiptOut,
    responses=ERRORS,
    dependencies=[Depends(terminal_headers)],
    openapi_extra={**owned(Owner.TERMINAL, in_route=True), **PUSH_BODY},
)
def push(terminal_id: TerminalPath, request: Request, ctx: BackendDep) -> Any:
    """Store a batch of journal entries; the reply is a receipt signed by the programme key."""
    body = request.scope[BODY]  # read and bounded by OwnedRoute, not yet trusted
    for attempt in range(5):
        try:
            caller, result = _push_once(ctx, request, body)
        except IntegrityError:
            # Only possible if another instance stored the same rows between our read and write
            # without the lock (never on PostgreSQL with FOR UPDATE); retrying reads them as duplicates.
            if attempt == 4:
                raise
            continue
        except DBAPIError as exc:
            # A pooled connection the database dropped (a restart; the pool does not ping before each
            # checkout): SQLAlchemy has discarded the pool's connections, and nothing of this
            # transaction was kept, so it runs once more on a fresh connection.
            if exc.connection_invalidated and attempt == 0:
                continue
            raise
        if isinstance(result, Exception):
            raise result
        return receipt(ctx, caller, result)
    raise AssertionError("unreachable")


@router.get("/{terminal_id}/journal/ack", response_model=HeadOut, responses=ERRORS, openapi_extra=owned(Owner.TERMINAL))
def ack(terminal_id: TerminalPath, caller: SignedTerminal, ctx: BackendDep) -> Any:
    """The acknowledged sequence and its hash, signed by the programme key."""
    with ctx.engine.connect() as conn:
        row = conn.execute(select(terminals.c.ack_seq, terminals.c.head_hash).where(terminals.c.id == caller)).one()
        conn.rollback()
    doc = {"kind": HEAD_KIND, "terminal_id": caller, "ack_seq": int(row[0]), "ack_hash": str(row[1])}
    return {**sign_doc(ctx.programme_key, doc), "head_hash": str(row[1])}


@router.post(
    "/{terminal_id}/heartbeat",
    response_model=HeartbeatResponse,
    responses=ERRORS,
    openapi_extra=owned(Owner.TERMINAL),
)
def heartbeat(terminal_id: TerminalPath, hb: HeartbeatRequest, caller: SignedTerminal, ctx: BackendDep) -> Any:
    now = ctx.clock.now()
    client = hb.clock if hb.clock.tzinfo else hb.clock.replace(tzinfo=UTC)
    try:
        skew = int((client - now).total_seconds() * 1000)
    except OverflowError:
        raise HTTPException(422, "clock: out of range") from None
    skew = max(-(2**62), min(2**62, skew))
    with ctx.engine.begin() as conn:
        conn.execute(
            update(terminals)
            .where(terminals.c.id == caller)
            .values(
                last_seen=utc_iso(now),
                health=json.dumps([h.model_dump() for h in hb.health], ensure_ascii=False),
                clock_skew_ms=skew,
                pending=min(hb.pending, INT32),
                catalog_version=hb.catalog_version,
            )
        )
        available = latest_bundle_version(conn, caller)
    return {"server_time": utc_iso(now), "clock_skew_ms": skew, "catalog_version_available": available}


def latest_bundle_version(conn: Any, terminal_id: str) -> int:
    q = select(func.max(bundles.c.version)).where(
        (bundles.c.terminal_id == terminal_id) | bundles.c.terminal_id.is_(None)
    )
    return int(conn.execute(q).scalar() or 0)
