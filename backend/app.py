"""The programme backend's HTTP API (FastAPI). `/openapi.json` is the protocol's reference document.

Terminal endpoints are authenticated by the terminal's Ed25519 signature over the request (see
`kiosk.sync.protocol.request_signing_bytes`). Fleet and provider-simulation endpoints are open: in a
real deployment they sit behind the programme's own access control.
"""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError

from backend import provider
from backend.db import bundles, enrollment_codes, entries, is_sqlite, programme_key, sim_clock, terminals
from backend.ingest import ingest
from kiosk.protocol import GENESIS_HASH
from kiosk.sync.protocol import (
    API,
    HEADER_SIGNATURE,
    HEADER_TERMINAL,
    HEADER_TIMESTAMP,
    MAX_BATCH,
    PushResult,
    WireEntry,
    load_public_key,
    request_signing_bytes,
    verify,
)

HEX64 = r"^[0-9a-f]{64}$"
STRICT = ConfigDict(extra="forbid")


class Problem(BaseModel):
    detail: str


class EnrollRequest(BaseModel):
    model_config = STRICT
    code: str = Field(min_length=4, max_length=32)
    business_number: str = Field(pattern=r"^[0-9]{10}$")
    public_key: str = Field(min_length=40, max_length=64, description="base64 of the raw 32-byte Ed25519 key")
    device_id: str = Field(min_length=1, max_length=64)


class EnrollResponse(BaseModel):
    terminal_id: str
    programme_public_key: str
    server_time: str


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
    entries: list[Entry] = Field(max_length=MAX_BATCH)


class RejectionOut(BaseModel):
    seq: int
    id: str
    reason: str
    detail: str


class PushResponse(BaseModel):
    ack_seq: int
    stored: int
    duplicates: int
    rejected: list[RejectionOut]


class AckResponse(BaseModel):
    ack_seq: int
    head_hash: str


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
    pending: int = Field(ge=0)
    last_seq: int = Field(ge=0)
    catalog_version: int = Field(ge=0)
    health: list[DeviceHealth] = Field(max_length=64)


class HeartbeatResponse(BaseModel):
    server_time: str
    clock_skew_ms: int
    catalog_version_available: int


class TerminalOut(BaseModel):
    terminal_id: str
    business_number: str
    device_id: str
    enrolled_at: str
    last_seen: str | None
    health: list[dict[str, Any]]
    clock_skew_ms: int | None
    pending: int
    ack_seq: int
    rejected: int
    catalog_version: int


class DailyTotal(BaseModel):
    business_date: str
    sale_count: int
    gross: int
    refund_count: int
    refunds: int
    net: int


class ClockShift(BaseModel):
    model_config = STRICT
    advance_seconds: float = Field(ge=-86400 * 365, le=86400 * 365)


async def raw_body(request: Request) -> bytes:
    return await request.body()


Sig = Annotated[str | None, Header(alias=HEADER_SIGNATURE)]
Ts = Annotated[str | None, Header(alias=HEADER_TIMESTAMP)]
Tid = Annotated[str | None, Header(alias=HEADER_TERMINAL)]
Body = Annotated[bytes, Depends(raw_body)]


def utc_iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Clock:
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
        return now + timedelta(seconds=offset or 0.0)


def create_app(engine: Engine, *, test_clock: bool = False, code_hang_seconds: float = 30.0) -> FastAPI:
    app = FastAPI(
        title="한결 키오스크 programme backend",
        version="1",
        description="Journal sync, enrollment, catalog bundles, fleet view and the QR payment provider simulation.",
    )
    clock = Clock(engine, test_clock)
    lock = not is_sqlite(engine)
    errors: dict[int | str, dict[str, Any]] = {
        400: {"model": Problem},
        401: {"model": Problem},
        404: {"model": Problem},
    }

    def authenticate(
        terminal_id: str,
        request: Request,
        body: bytes,
        x_terminal: str | None,
        x_timestamp: str | None,
        x_signature: str | None,
    ) -> None:
        if not x_terminal or not x_timestamp or not x_signature or x_terminal != terminal_id:
            raise HTTPException(401, "signed request required: terminal id, timestamp and signature headers")
        with engine.connect() as conn:
            key = conn.execute(select(terminals.c.public_key).where(terminals.c.id == terminal_id)).scalar()
            conn.rollback()
        if key is None:
            raise HTTPException(404, f"terminal {terminal_id} is not enrolled; enroll it again with a new code")
        data = request_signing_bytes(request.method, request.url.path, x_timestamp, body)
        if not verify(key, data, x_signature):
            raise HTTPException(401, "bad signature: the request was not signed by this terminal's key")

    @app.post(
        f"{API}/enroll",
        response_model=EnrollResponse,
        status_code=201,
        responses={403: {"model": Problem}, 409: {"model": Problem}},
    )
    def enroll(req: EnrollRequest) -> Any:
        try:
            load_public_key(req.public_key)
        except ValueError as exc:
            raise HTTPException(400, f"public_key: {exc}") from None
        code = req.code.replace("-", "").strip().upper()
        now = utc_iso(clock.now())
        with engine.begin() as conn:
            row = conn.execute(select(enrollment_codes).where(enrollment_codes.c.code == code)).first()
            if row is None or row.business_number != req.business_number:
                raise HTTPException(
                    403, "등록 코드가 올바르지 않습니다. 프로그램 운영기관에서 받은 코드와 사업자등록번호를 확인하세요."
                )
            pub = conn.execute(select(programme_key.c.public_key).where(programme_key.c.id == 1)).scalar_one()
            if row.terminal_id is not None:
                term = conn.execute(select(terminals).where(terminals.c.id == row.terminal_id)).first()
                if term is not None and term.public_key == req.public_key:
                    return {"terminal_id": term.id, "programme_public_key": pub, "server_time": now}
                raise HTTPException(409, "이 등록 코드는 이미 다른 단말기에 사용되었습니다. 새 코드를 받으세요.")
            terminal_id = "T" + secrets.token_hex(8).upper()
            try:
                conn.execute(
                    terminals.insert().values(
                        id=terminal_id,
                        business_number=req.business_number,
                        device_id=req.device_id,
                        public_key=req.public_key,
                        enrolled_at=now,
                        health="[]",
                        pending=0,
                        catalog_version=0,
                        ack_seq=0,
                        head_hash=GENESIS_HASH,
                    )
                )
            except IntegrityError:
                raise HTTPException(409, "this public key is already enrolled as another terminal") from None
            done = conn.execute(
                update(enrollment_codes)
                .where(enrollment_codes.c.code == code, enrollment_codes.c.terminal_id.is_(None))
                .values(terminal_id=terminal_id, used_at=now)
            )
            if done.rowcount != 1:
                raise HTTPException(409, "이 등록 코드는 이미 다른 단말기에 사용되었습니다. 새 코드를 받으세요.")
        return {"terminal_id": terminal_id, "programme_public_key": pub, "server_time": now}

    @app.post(
        f"{API}/terminals/{{terminal_id}}/journal",
        response_model=PushResponse,
        responses={**errors, 413: {"model": Problem}},
    )
    def push(
        terminal_id: str,
        batch: PushRequest,
        request: Request,
        body: Body,
        x_terminal: Tid = None,
        x_timestamp: Ts = None,
        x_signature: Sig = None,
    ) -> Any:
        authenticate(terminal_id, request, body, x_terminal, x_timestamp, x_signature)
        wire: list[WireEntry] = [e.model_dump() for e in batch.entries]  # type: ignore[misc]
        for attempt in range(5):
            try:
                with engine.begin() as conn:
                    result: PushResult = ingest(conn, terminal_id, wire, lock=lock)
                return result
            except IntegrityError:
                # Only possible if another instance stored the same rows between our read and write
                # without the lock (never on PostgreSQL with FOR UPDATE); retrying reads them as duplicates.
                if attempt == 4:
                    raise
            except LookupError:
                raise HTTPException(404, f"terminal {terminal_id} is not enrolled") from None
        raise AssertionError("unreachable")

    @app.get(f"{API}/terminals/{{terminal_id}}/journal/ack", response_model=AckResponse, responses=errors)
    def ack(
        terminal_id: str,
        request: Request,
        body: Body,
        x_terminal: Tid = None,
        x_timestamp: Ts = None,
        x_signature: Sig = None,
    ) -> Any:
        authenticate(terminal_id, request, body, x_terminal, x_timestamp, x_signature)
        with engine.connect() as conn:
            row = conn.execute(
                select(terminals.c.ack_seq, terminals.c.head_hash).where(terminals.c.id == terminal_id)
            ).one()
            conn.rollback()
        return {"ack_seq": row[0], "head_hash": row[1]}

    @app.post(f"{API}/terminals/{{terminal_id}}/heartbeat", response_model=HeartbeatResponse, responses=errors)
    def heartbeat(
        terminal_id: str,
        hb: HeartbeatRequest,
        request: Request,
        body: Body,
        x_terminal: Tid = None,
        x_timestamp: Ts = None,
        x_signature: Sig = None,
    ) -> Any:
        authenticate(terminal_id, request, body, x_terminal, x_timestamp, x_signature)
        now = clock.now()
        client = hb.clock if hb.clock.tzinfo else hb.clock.replace(tzinfo=UTC)
        skew = int((client - now).total_seconds() * 1000)
        with engine.begin() as conn:
            conn.execute(
                update(terminals)
                .where(terminals.c.id == terminal_id)
                .values(
                    last_seen=utc_iso(now),
                    health=json.dumps([h.model_dump() for h in hb.health], ensure_ascii=False),
                    clock_skew_ms=skew,
                    pending=hb.pending,
                    catalog_version=hb.catalog_version,
                )
            )
            available = _latest_bundle_version(conn, terminal_id)
        return {"server_time": utc_iso(now), "clock_skew_ms": skew, "catalog_version_available": available}

    def _latest_bundle_version(conn: Any, terminal_id: str) -> int:
        q = select(func.max(bundles.c.version)).where(
            (bundles.c.terminal_id == terminal_id) | bundles.c.terminal_id.is_(None)
        )
        return int(conn.execute(q).scalar() or 0)

    @app.get(
        f"{API}/terminals/{{terminal_id}}/catalog",
        responses={
            **errors,
            200: {"description": "the newest signed bundle for this terminal"},
            204: {"description": "nothing newer"},
        },
    )
    def catalog(
        terminal_id: str,
        request: Request,
        body: Body,
        after: Annotated[int, Query(ge=0, le=2**31)] = 0,
        x_terminal: Tid = None,
        x_timestamp: Ts = None,
        x_signature: Sig = None,
    ) -> Response:
        authenticate(terminal_id, request, body, x_terminal, x_timestamp, x_signature)
        with engine.connect() as conn:
            q = (
                select(bundles.c.body)
                .where(
                    (bundles.c.terminal_id == terminal_id) | bundles.c.terminal_id.is_(None), bundles.c.version > after
                )
                .order_by(bundles.c.version.desc())
                .limit(1)
            )
            text = conn.execute(q).scalar()
            conn.rollback()
        if text is None:
            return Response(status_code=204)
        return Response(content=text.encode("utf-8"), media_type="application/json")

    # --- fleet view -------------------------------------------------------------------------------

    @app.get(f"{API}/fleet/terminals", response_model=list[TerminalOut])
    def fleet() -> Any:
        with engine.connect() as conn:
            rej = dict(
                conn.execute(
                    select(entries.c.terminal_id, func.count())
                    .where(entries.c.status == "rejected")
                    .group_by(entries.c.terminal_id)
                ).all()
            )
            rows = conn.execute(select(terminals).order_by(terminals.c.id)).all()
            conn.rollback()
        return [_terminal_out(r, int(rej.get(r.id, 0))) for r in rows]

    @app.get(f"{API}/fleet/terminals/{{terminal_id}}", response_model=TerminalOut, responses={404: {"model": Problem}})
    def fleet_one(terminal_id: str) -> Any:
        with engine.connect() as conn:
            row = conn.execute(select(terminals).where(terminals.c.id == terminal_id)).first()
            n = conn.execute(
                select(func.count()).where(entries.c.terminal_id == terminal_id, entries.c.status == "rejected")
            ).scalar_one()
            conn.rollback()
        if row is None:
            raise HTTPException(404, f"no terminal {terminal_id}")
        return _terminal_out(row, int(n))

    @app.get(f"{API}/fleet/terminals/{{terminal_id}}/entries", responses={404: {"model": Problem}})
    def fleet_entries(
        terminal_id: str,
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> list[dict[str, Any]]:
        with engine.connect() as conn:
            q = (
                select(entries)
                .where(entries.c.terminal_id == terminal_id, entries.c.seq > after)
                .order_by(entries.c.seq)
                .limit(limit)
            )
            rows = [dict(r._mapping) for r in conn.execute(q)]
            conn.rollback()
        return rows

    @app.get(f"{API}/fleet/terminals/{{terminal_id}}/daily-totals", response_model=list[DailyTotal])
    def daily_totals(
        terminal_id: str,
        date_from: Annotated[str, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$")] = "0000-00-00",
        date_to: Annotated[str, Query(alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$")] = "9999-99-99",
    ) -> Any:
        sale = entries.c.amount > 0
        q = (
            select(
                entries.c.business_date,
                func.count().filter(sale),
                func.coalesce(func.sum(entries.c.amount).filter(sale), 0),
                func.count().filter(entries.c.amount < 0),
                func.coalesce(-func.sum(entries.c.amount).filter(entries.c.amount < 0), 0),
            )
            .where(
                entries.c.terminal_id == terminal_id,
                entries.c.status == "stored",
                entries.c.business_date.is_not(None),
                entries.c.business_date >= date_from,
                entries.c.business_date <= date_to,
            )
            .group_by(entries.c.business_date)
            .order_by(entries.c.business_date)
        )
        with engine.connect() as conn:
            rows = conn.execute(q).all()
            conn.rollback()
        return [
            {
                "business_date": d,
                "sale_count": c,
                "gross": int(g),
                "refund_count": rc,
                "refunds": int(rf),
                "net": int(g) - int(rf),
            }
            for d, c, g, rc, rf in rows
        ]

    # --- the test clock ----------------------------------------------------------------------------

    if test_clock:

        @app.post(f"{API}/test/clock", responses={200: {"description": "the shifted time"}})
        def shift_clock(shift: ClockShift) -> dict[str, Any]:
            """Move the backend's clock forward (tests: QR expiry). Only with `serve --test-clock`."""
            if is_sqlite(engine):
                from sqlalchemy.dialects.sqlite import insert
            else:
                from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
            with engine.begin() as conn:
                stmt = insert(sim_clock).values(id=1, offset_seconds=shift.advance_seconds)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=["id"],
                        set_={"offset_seconds": sim_clock.c.offset_seconds + shift.advance_seconds},
                    )
                )
            return {"now": utc_iso(clock.now())}

    provider.register(app, engine, clock, code_hang_seconds=code_hang_seconds)

    @app.exception_handler(IntegrityError)
    def integrity(_request: Request, exc: IntegrityError) -> JSONResponse:
        return JSONResponse({"detail": "conflict with a concurrent request; retry"}, status_code=409)

    return app


def _terminal_out(r: Any, rejected: int) -> dict[str, Any]:
    try:
        health = json.loads(r.health)
    except ValueError:
        health = []
    return {
        "terminal_id": r.id,
        "business_number": r.business_number,
        "device_id": r.device_id,
        "enrolled_at": r.enrolled_at,
        "last_seen": r.last_seen,
        "health": health,
        "clock_skew_ms": r.clock_skew_ms,
        "pending": r.pending,
        "ack_seq": r.ack_seq,
        "rejected": rejected,
        "catalog_version": r.catalog_version,
    }
