"""Who may call what. Every route declares its owner (`owned(...)` in its OpenAPI extension
`x-kiosk-owner`), and `OwnedRoute` checks the caller *before* FastAPI reads the body as JSON:

* `terminal`: an Ed25519 signature by the enrolled terminal's key over the method, the request target,
  a timestamp, a single-use server nonce and the body's SHA-256 (`kiosk.protocol`). The nonce is
  stateless (expiry + random + HMAC) and recorded as used until it expires, so a captured request is
  refused when sent again, whatever the kiosk's clock says. Every reply to a signed request carries the
  next nonce in `X-Kiosk-Nonce`.
* `operator`: `Authorization: Bearer kop_…` with the route's role (`backend.operators`).
* `enrollment-code`: the code in the body is the credential; failed attempts are rate-limited per
  source address before the body is read.
* `provider`: a registered payment provider's Ed25519 signature (`backend.providers`) over the same
  bytes a terminal signs, without a nonce, with a timestamp within 5 minutes; each callback carries
  the provider's event id, so a replay is only a duplicate.
* `simulation`: the payment provider simulation and the test clock; such routes exist only in demo or
  test mode (`backend.config`).
A route without an owner cannot be built.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import secrets
import time
from collections.abc import Callable, Coroutine, Mapping
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from starlette.responses import Response

from backend.context import Backend, backend_of
from backend.db import enroll_failures, terminals, used_nonces
from backend.ingest import TerminalHead
from backend.operators import Operator, Role, authenticate_operator
from backend.providers import provider_key
from kiosk.protocol import (
    HEADER_NONCE,
    HEADER_REFUSAL,
    HEADER_SIGNATURE,
    HEADER_TERMINAL,
    HEADER_TIMESTAMP,
    REFUSAL_NONCE,
    REFUSAL_REVOKED,
    REFUSAL_SIGNATURE,
    REFUSAL_TIMESTAMP,
    REFUSAL_UNKNOWN,
    request_signing_bytes,
    verify,
)

OWNER = "x-kiosk-owner"
ROLE = "x-kiosk-role"
CALLER = "kiosk.caller"  # request.scope key of the authenticated caller
BODY = "kiosk.body"  # request.scope key of the body a route that authenticates itself reads
IN_ROUTE = "x-kiosk-verified-in-route"  # the route checks the signature in its own transaction
TERMINAL_ID = r"^[A-Za-z0-9]{1,32}$"
HEADER_PROVIDER = "X-Provider-Name"
HEADER_PROVIDER_TIMESTAMP = "X-Provider-Timestamp"
HEADER_PROVIDER_SIGNATURE = "X-Provider-Signature"
PROVIDER_WINDOW = timedelta(minutes=5)
MAX_INT_DIGITS = 20  # a JSON integer longer than this is refused before Python builds it


class Owner(StrEnum):
    TERMINAL = "terminal"
    OPERATOR = "operator"
    ENROLLMENT_CODE = "enrollment-code"
    PROVIDER = "provider"
    SIMULATION = "simulation"


def owned(owner: Owner, role: Role | None = None, *, in_route: bool = False) -> dict[str, Any]:
    """`openapi_extra` of a route: who may call it (shown in the OpenAPI document). `in_route` (terminal
    routes only): the route itself calls `verify_terminal` first thing in its transaction, before it
    parses the body (`OwnedRoute` hands it the raw body in `request.scope[BODY]`)."""
    extra: dict[str, Any] = {OWNER: owner.value}
    if role is not None:
        extra[ROLE] = role.value
    if in_route:
        if owner is not Owner.TERMINAL:
            raise ValueError("only a terminal route verifies its caller in the route")
        extra[IN_ROUTE] = True
    return extra


def refused(status: int, detail: str, headers: Mapping[str, str] | None = None) -> HTTPException:
    return HTTPException(status, detail, headers=dict(headers) if headers else None)


# --- strict JSON ------------------------------------------------------------------------------------


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number out of range")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"an integer of more than {MAX_INT_DIGITS} digits")
    return int(text)


def strict_json(body: bytes) -> Any:
    """JSON without NaN / Infinity, with integers of at most 20 digits and bounded nesting; every
    refusal is a `json.JSONDecodeError` (FastAPI answers 422 with the reason)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise json.JSONDecodeError("the body is not UTF-8", "", exc.start) from None
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite, parse_int=_bounded_int)
    except json.JSONDecodeError:
        raise
    except ValueError as exc:
        raise json.JSONDecodeError(str(exc), "", 0) from None
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", "", 0) from None


class StrictRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_json(await self.body())
        return self._json


# --- terminals ---------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _mac(ctx: Backend, terminal_id: str, expiry: int, rand: str) -> str:
    digest = hmac.new(ctx.nonce_secret, f"{terminal_id}|{expiry}|{rand}".encode(), hashlib.sha256).digest()
    return _b64(digest[:16])


def new_nonce(ctx: Backend, terminal_id: str) -> str:
    expiry = int(time.time()) + ctx.config.nonce_ttl_seconds
    rand = secrets.token_urlsafe(12)
    return f"{expiry}.{rand}.{_mac(ctx, terminal_id, expiry, rand)}"


def _nonce_problem(ctx: Backend, terminal_id: str, nonce: str) -> tuple[str, int] | str:
    """(random part, expiry) of a good nonce, else why it is refused."""
    if not nonce:
        return "a nonce is required: send the X-Kiosk-Nonce of the last reply (a fresh one is attached)"
    parts = nonce.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or len(parts[0]) > 12 or len(parts[1]) != 16:
        return "malformed nonce (a fresh one is attached)"
    expiry, rand, mac = int(parts[0]), parts[1], parts[2]
    if not hmac.compare_digest(mac, _mac(ctx, terminal_id, expiry, rand)):
        return "this nonce was not issued to this terminal (a fresh one is attached)"
    if expiry < time.time():
        return "the nonce has expired (a fresh one is attached)"
    return rand, expiry


def _timestamp_problem(ctx: Backend, text: str) -> str | None:
    try:
        ts = datetime.fromisoformat(text)
    except ValueError:
        return "the timestamp is not an ISO 8601 time"
    if ts.tzinfo is None:
        return "the timestamp has no UTC offset"
    window = timedelta(days=ctx.config.timestamp_window_days)
    try:
        off = abs(ts - datetime.now(UTC))  # wall time: the test clock moves only the payment simulation
    except OverflowError:
        off = window * 2
    if off > window:
        return f"the timestamp is more than {window.days} days from the server's time: set the kiosk's clock"
    return None


def target_of(scope: Mapping[str, Any]) -> str:
    """The path and query as sent (what the terminal signed), from an ASGI scope."""
    raw = scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8")
    query = scope.get("query_string") or b""
    target = bytes(raw).decode("latin-1")
    return f"{target}?{bytes(query).decode('latin-1')}" if query else target


def request_target(request: Request) -> str:
    """The path and query as sent (what the terminal signed)."""
    return target_of(request.scope)


def _why(code: str) -> dict[str, str]:
    return {HEADER_REFUSAL: code}


def signature_headers(headers: Mapping[str, str], path_tid: str | None) -> tuple[str, str, str, str]:
    """(terminal id, timestamp, signature, nonce) of a signed request; refusals that need no database."""
    tid, ts, sig, nonce = (
        headers.get(HEADER_TERMINAL, ""),
        headers.get(HEADER_TIMESTAMP, ""),
        headers.get(HEADER_SIGNATURE, ""),
        headers.get(HEADER_NONCE, ""),
    )
    if not tid or not ts or not sig:
        raise refused(401, "signed request required: terminal id, timestamp, nonce and signature headers")
    if len(tid) > 32 or len(ts) > 40 or len(sig) > 100 or len(nonce) > 80:
        raise refused(401, "malformed signature headers")
    if path_tid is not None and path_tid != tid:
        raise refused(401, "the request is signed by another terminal than the one in the path")
    return tid, ts, sig, nonce


def _signature_headers(request: Request) -> tuple[str, str, str, str]:
    return signature_headers(request.headers, request.path_params.get("terminal_id"))


# PostgreSQL: the terminal's expired nonces deleted and this one recorded in one statement (one round
# trip); a nonce already recorded inserts nothing, so no row comes back.
_PG_USE_NONCE = text(
    "WITH expired AS (DELETE FROM used_nonces WHERE terminal_id = :tid AND expires_at < :now) "
    "INSERT INTO used_nonces (nonce, terminal_id, expires_at) VALUES (:nonce, :tid, :expiry) "
    "ON CONFLICT (nonce) DO NOTHING RETURNING nonce"
)


def _use_nonce(conn: Connection, tid: str, rand: str, expiry: int) -> bool:
    """Record the nonce as used, in the caller's transaction; False if it was used before (a replay).
    Two requests with the same nonce at once: the second waits on the first's row and then inserts
    nothing (unique key), so at most one of them is accepted."""
    now = int(time.time())
    if conn.dialect.name == "postgresql":
        params = {"tid": tid, "now": now, "nonce": rand, "expiry": expiry}
        return conn.execute(_PG_USE_NONCE, params).first() is not None
    conn.execute(delete(used_nonces).where(used_nonces.c.terminal_id == tid, used_nonces.c.expires_at < now))
    stmt = sqlite_insert(used_nonces).values(nonce=rand, terminal_id=tid, expires_at=expiry)
    return conn.execute(stmt.on_conflict_do_nothing()).rowcount == 1


def check_signed(
    ctx: Backend, row: Any, method: str, target: str, body: bytes, headers: tuple[str, str, str, str]
) -> tuple[str, int]:
    """Everything about a signed request that needs no write, given the terminal's row (public key and
    revocation first; None: not enrolled): enrolled, not revoked, the signature, the timestamp, the nonce
    issued to this terminal and not expired. (random part, expiry) of the nonce, which the caller records
    as used in the same transaction; else HTTPException 401 (with a fresh nonce when only the nonce was
    wrong)."""
    tid, ts, sig, nonce = headers
    if row is None:
        raise refused(401, "this terminal is not enrolled; enroll it again with a new code", _why(REFUSAL_UNKNOWN))
    key, revoked_at = row[0], row[1]
    if revoked_at is not None:
        raise refused(401, "this terminal was revoked by the programme; call the administrator", _why(REFUSAL_REVOKED))
    data = request_signing_bytes(method, target, ts, body, nonce=nonce)
    if not verify(str(key), data, sig):
        raise refused(401, "bad signature: the request was not signed by this terminal's key", _why(REFUSAL_SIGNATURE))
    problem = _timestamp_problem(ctx, ts)
    if problem:
        raise refused(401, problem, _why(REFUSAL_TIMESTAMP))
    good = _nonce_problem(ctx, tid, nonce)
    if isinstance(good, str):
        raise refused(401, good, {HEADER_NONCE: new_nonce(ctx, tid), **_why(REFUSAL_NONCE)})
    return good


def replayed(ctx: Backend, tid: str) -> HTTPException:
    fresh = {HEADER_NONCE: new_nonce(ctx, tid), **_why(REFUSAL_NONCE)}
    return refused(401, "replayed request: this nonce was already used (a fresh one is attached)", fresh)


def verify_terminal(ctx: Backend, conn: Connection, request: Request, body: bytes, *, lock: bool) -> TerminalHead:
    """Authenticate a signed request inside the caller's transaction on `conn`: the terminal's row read
    once (locked FOR UPDATE when `lock`, for the ingest that follows in the same transaction), the
    signature, the timestamp, the nonce checked and recorded as used. The nonce is used only if the
    transaction commits, so whatever the request then writes and its nonce land together or not at all.
    Raises HTTPException 401 (with a fresh nonce when only the nonce was wrong); writes nothing then."""
    headers = _signature_headers(request)
    tid = headers[0]
    cols = (terminals.c.public_key, terminals.c.revoked_at, terminals.c.device_id, terminals.c.ack_seq)
    q = select(*cols, terminals.c.head_hash).where(terminals.c.id == tid)
    row = conn.execute(q.with_for_update() if lock else q).first()
    rand, expiry = check_signed(ctx, row, request.method, request_target(request), body, headers)
    if not _use_nonce(conn, tid, rand, expiry):
        raise replayed(ctx, tid)
    assert row is not None
    return TerminalHead(tid, str(row.device_id), int(row.ack_seq), str(row.head_hash))


def authenticate_terminal(ctx: Backend, request: Request, body: bytes) -> str:
    """The id of the terminal that signed this request, or HTTPException 401 (with a fresh nonce when
    only the nonce was wrong): one connection, one transaction. Runs in a worker thread."""
    _signature_headers(request)  # the refusals that need no connection
    with ctx.engine.begin() as conn:
        return verify_terminal(ctx, conn, request, body, lock=False).terminal_id


def authenticate_provider(ctx: Backend, request: Request, body: bytes) -> str:
    """The registered payment provider that signed this callback, or HTTPException 401."""
    h = request.headers
    name, ts, sig = (
        h.get(HEADER_PROVIDER, ""),
        h.get(HEADER_PROVIDER_TIMESTAMP, ""),
        h.get(HEADER_PROVIDER_SIGNATURE, ""),
    )
    if not name or not ts or not sig or len(name) > 32 or len(ts) > 40 or len(sig) > 100:
        raise refused(401, "signed callback required: provider name, timestamp and signature headers")
    key = provider_key(ctx.engine, name)
    if key is None:
        raise refused(401, "unknown or revoked payment provider")
    if not verify(key, request_signing_bytes(request.method, request_target(request), ts, body), sig):
        raise refused(401, "bad signature: the callback was not signed by this provider's key")
    try:
        at = datetime.fromisoformat(ts)
        off = abs(at - datetime.now(UTC)) if at.tzinfo else None
    except (ValueError, OverflowError):
        off = None
    if off is None or off > PROVIDER_WINDOW:
        raise refused(401, "the callback's timestamp is missing, unparseable or more than 5 minutes off")
    return name


# --- operators and enrollment ----------------------------------------------------------------------


def authenticate_operator_request(ctx: Backend, request: Request, role: Role) -> Operator:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise refused(401, "operator token required: Authorization: Bearer kop_… (kiosk-backend operator add)", _BEARER)
    op = authenticate_operator(ctx.engine, token.strip())
    if op is None:
        raise refused(401, "unknown or revoked operator token", _BEARER)
    if role not in op.roles:
        raise refused(403, f"operator {op.name} does not have the role {role.value}")
    return op


_BEARER = {"WWW-Authenticate": "Bearer"}


def source_of(request: Request) -> str:
    return (request.client.host if request.client else "unknown")[:64]


def check_enroll_rate(ctx: Backend, request: Request) -> None:
    since = time.time() - ctx.config.enroll_window_seconds
    with ctx.engine.connect() as conn:
        n = conn.execute(
            select(func.count()).where(enroll_failures.c.source == source_of(request), enroll_failures.c.at > since)
        ).scalar_one()
        conn.rollback()
    if n >= ctx.config.enroll_failures:
        raise refused(
            429,
            "too many failed enrollment attempts from this address; wait 10 minutes and check the code",
            {"Retry-After": str(ctx.config.enroll_window_seconds)},
        )


def record_enroll_failure(ctx: Backend, request: Request) -> None:
    now = time.time()
    with ctx.engine.begin() as conn:
        conn.execute(delete(enroll_failures).where(enroll_failures.c.at < now - ctx.config.enroll_window_seconds))
        conn.execute(insert(enroll_failures).values(source=source_of(request), at=now))


# --- the route class and the dependencies --------------------------------------------------------------


class OwnedRoute(APIRoute):
    """Authenticates the route's owner before FastAPI parses the body, and parses JSON strictly."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        inner = super().get_route_handler()
        extra = self.openapi_extra or {}
        try:
            owner = Owner(str(extra.get(OWNER)))
        except ValueError:
            raise RuntimeError(f"route {self.path} declares no owner (openapi_extra=owned(...))") from None
        role = Role(extra[ROLE]) if owner is Owner.OPERATOR else None
        in_route = bool(extra.get(IN_ROUTE))

        async def handler(request: Request) -> Response:
            request = StrictRequest(request.scope, request.receive, request._send)
            ctx = backend_of(request)
            if owner is Owner.TERMINAL:
                body = await request.body()  # already bounded by BodyLimit
                if in_route:
                    # The route verifies the signature and the nonce first, in the transaction of its
                    # own writes (backend.routes.journal `push`); it never parses an unverified body.
                    request.scope[BODY] = body
                    response = await inner(request)
                    verified = request.scope.get(CALLER)
                    if not isinstance(verified, str):
                        raise RuntimeError(f"route {self.path} answered without verifying its caller")
                    tid = verified
                else:
                    tid = await run_in_threadpool(authenticate_terminal, ctx, request, body)
                    request.scope[CALLER] = tid
                    response = await inner(request)
                response.headers[HEADER_NONCE] = new_nonce(ctx, tid)
                return response
            if owner is Owner.PROVIDER:
                body = await request.body()
                request.scope[CALLER] = await run_in_threadpool(authenticate_provider, ctx, request, body)
            elif owner is Owner.OPERATOR:
                assert role is not None
                request.scope[CALLER] = await run_in_threadpool(authenticate_operator_request, ctx, request, role)
            elif owner is Owner.ENROLLMENT_CODE:
                await run_in_threadpool(check_enroll_rate, ctx, request)
            return await inner(request)

        return handler


async def terminal_headers(
    x_kiosk_terminal: Annotated[str | None, Header(alias=HEADER_TERMINAL)] = None,
    x_kiosk_timestamp: Annotated[str | None, Header(alias=HEADER_TIMESTAMP)] = None,
    x_kiosk_nonce: Annotated[str | None, Header(alias=HEADER_NONCE)] = None,
    x_kiosk_signature: Annotated[str | None, Header(alias=HEADER_SIGNATURE)] = None,
) -> None:
    """The signature headers, declared for the OpenAPI document (checked by `OwnedRoute` or, for an
    `in_route` route, by `verify_terminal`)."""


async def signed_terminal(request: Request, _headers: Annotated[None, Depends(terminal_headers)]) -> str:
    """The terminal that signed the request (verified by `OwnedRoute` before the body was read)."""
    caller = request.scope.get(CALLER)
    if not isinstance(caller, str):
        raise refused(401, "signed request required")
    return caller


async def signed_operator(request: Request) -> Operator:
    caller = request.scope.get(CALLER)
    if not isinstance(caller, Operator):
        raise refused(401, "operator token required")
    return caller


async def signed_provider(
    request: Request,
    x_provider_name: Annotated[str | None, Header(alias=HEADER_PROVIDER)] = None,
    x_provider_timestamp: Annotated[str | None, Header(alias=HEADER_PROVIDER_TIMESTAMP)] = None,
    x_provider_signature: Annotated[str | None, Header(alias=HEADER_PROVIDER_SIGNATURE)] = None,
) -> str:
    """The payment provider that signed the callback (verified by `OwnedRoute` before the body was read)."""
    caller = request.scope.get(CALLER)
    if not isinstance(caller, str):
        raise refused(401, "signed callback required")
    return caller


SignedTerminal = Annotated[str, Depends(signed_terminal)]
SignedProvider = Annotated[str, Depends(signed_provider)]
SignedOperator = Annotated[Operator, Depends(signed_operator)]


async def backend_dependency(request: Request) -> Backend:
    return backend_of(request)


# The dependencies above are `async def`: they do no I/O, and FastAPI runs a plain `def` dependency in
# a worker thread, a thread hand-over (and GIL hand-over) per dependency per request.
BackendDep = Annotated[Backend, Depends(backend_dependency)]
