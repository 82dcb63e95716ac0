"""The journal push on PostgreSQL as a plain ASGI handler (issue 11).

A push is the backend's hot path: every entry a terminal writes arrives through it. Through FastAPI it
cost ~60 µs of CPU an entry, most of it not the push's own work: the framework's routing, dependencies
and response model, a thread hand-over for each dependency and the route, and SQLAlchemy around each
statement. Here the event loop reads the request and answers it, and the push itself (signature,
parsing, ingest, receipt) runs on one of the push threads, one hand-over there and back, on a pool of
plain psycopg connections in autocommit mode, in one transaction of five round trips: BEGIN and the
terminal's row locked (one message); the nonce recorded (one statement, with the batch's taken ids
when a first attempt's COPY found one taken); one COPY (two); the terminal's head moved and COMMIT (one
message).

Measured (docs/PERFORMANCE.md, "Ingest, 2026-11-30: the push as a plain ASGI handler"): the same code on
the event loop with psycopg's async connections used the same CPU but ran at half the throughput on the
shared machine: one busy event-loop thread waits for a CPU after every round trip, where the push
threads, each mostly asleep, are woken at once. psycopg's pipeline mode polls a writable socket while it
waits for results (a third of the backend's CPU) and is not used.

What it decides is exactly what the FastAPI route decides (`backend.routes.journal.push`, still the
route on SQLite and the one the OpenAPI document describes; tests/backend/test_fastpush.py sends both
the same 25 requests): the same checks in the same order (`backend.auth.signature_headers` and
`check_signed`: enrolled, not revoked, the signature, the timestamp, the nonce; the body parsed only
after the signature held, by the same `parse_push`), the same ingest (`backend.ingest.lookups` /
`decide`), the nonce spent exactly when the entries commit (a refused body still spends it), the same
replies (401 with its reason and, for a nonce, a fresh one; 413; 422 in the same shape; 409 after five
unique-key races; 503 with Retry-After when the database dropped the connection twice running), the
signed receipt with the next nonce. One difference: a push that cannot get a connection at all (the
database down) is 503 with Retry-After as well, where the route answers 500. Bodies are bounded before
this runs (`backend.limits.BodyLimit` is the outer middleware).
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from psycopg.pq import TransactionStatus
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.auth import check_signed, new_nonce, replayed, signature_headers, target_of
from backend.context import Backend
from backend.db import POOL_RECYCLE, is_sqlite
from backend.errors import DB_CONFLICT, DB_LOST, DB_OUT_OF_RANGE, validation_problem
from backend.ingest import COPY_ENTRIES, TerminalHead, decide, lookups, received_at
from backend.routes.journal import parse_push, receipt
from kiosk.protocol import API, HEADER_NONCE, PushResult, WireEntry

PUSH_PATH = re.compile(rf"^{API}/terminals/([A-Za-z0-9]{{1,32}})/journal$")
# Push threads and their PostgreSQL connections per backend process (the other routes use SQLAlchemy's
# pool): as many pushes in flight as a load of 50 connections sends; with 20 they queued.
PUSH_POOL = 50

# The transaction's statements. The first and the last go with BEGIN and COMMIT in one round trip each
# (client-side binding: several statements in one message); the connections are in autocommit mode, so
# psycopg sends no BEGIN of its own. The nonce's use and the new entries' taken ids are one statement.
_BEGIN_ROW = (
    "BEGIN; SELECT public_key, revoked_at, device_id, ack_seq, head_hash FROM terminals WHERE id = %s FOR UPDATE"
)
_USE_NONCE = (
    "WITH expired AS (DELETE FROM used_nonces WHERE terminal_id = %(tid)s AND expires_at < %(now)s), "
    "used AS (INSERT INTO used_nonces (nonce, terminal_id, expires_at) VALUES (%(nonce)s, %(tid)s, %(expiry)s) "
    "ON CONFLICT (nonce) DO NOTHING RETURNING nonce) "
    "SELECT (SELECT count(*) FROM used), ARRAY(SELECT id FROM entries WHERE id = ANY(%(ids)s::text[]))"
)
_STORED = "SELECT seq, hash FROM entries WHERE terminal_id = %s AND seq = ANY(%s::bigint[])"
_MOVE_COMMIT = "UPDATE terminals SET ack_seq = %s, head_hash = %s, last_seen = %s WHERE id = %s; COMMIT"

Reply = tuple[int, dict[str, Any], dict[str, str]]


class Lost(Exception):
    """The database dropped the connection mid-push: nothing of the transaction was kept."""


class PushPool:
    """At most `size` psycopg connections, reused newest first; one older than `recycle` seconds, closed
    or broken is replaced. After a lost connection every idle one is closed too (a database restart drops
    them all), as SQLAlchemy does with its pool. Used from the push threads."""

    def __init__(self, conninfo: str, size: int = PUSH_POOL, recycle: float = POOL_RECYCLE) -> None:
        self.conninfo, self.recycle = conninfo, recycle
        self.idle: list[tuple[psycopg.Connection[Any], float]] = []
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(size)

    def acquire(self) -> tuple[psycopg.Connection[Any], float]:
        self.slots.acquire()
        try:
            while True:
                with self.lock:
                    if not self.idle:
                        break
                    conn, born = self.idle.pop()
                if not conn.closed and not conn.broken and time.monotonic() - born < self.recycle:
                    return conn, born
                conn.close()
            return psycopg.Connection.connect(self.conninfo, autocommit=True), time.monotonic()
        except BaseException:
            self.slots.release()
            raise

    def release(self, conn: psycopg.Connection[Any], born: float) -> None:
        try:
            if not conn.closed and not conn.broken and conn.info.transaction_status == TransactionStatus.IDLE:
                with self.lock:
                    self.idle.append((conn, born))
            else:
                conn.close()
        finally:
            self.slots.release()

    def drop_idle(self) -> None:
        with self.lock:
            idle, self.idle = self.idle, []
        for conn, _ in idle:
            conn.close()


def _conninfo(backend: Backend) -> str:
    return backend.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _rollback(conn: psycopg.Connection[Any]) -> None:
    if conn.closed or conn.broken:
        return
    try:
        conn.rollback()
    except psycopg.Error:
        conn.close()


Outcome = PushResult | HTTPException | RequestValidationError


def push_once(ctx: Backend, conn: psycopg.Connection[Any], headers: tuple[str, str, str, str],
              target: str, body: bytes, *, check_taken: bool = True) -> Outcome:  # fmt: skip
    """One push in one transaction on `conn` (see the module's docstring). A refused body is returned
    after its nonce was committed; any other refusal is raised with nothing kept."""
    tid = headers[0]
    try:
        both = psycopg.ClientCursor(conn)
        both.execute(_BEGIN_ROW, (tid,))  # round trip 1: BEGIN and the terminal's row, locked
        both.nextset()
        row = both.fetchone()
        rand, expiry = check_signed(ctx, row, "POST", target, body, headers)
        assert row is not None
        term = TerminalHead(tid, str(row[2]), int(row[3]), str(row[4]))
        batch: list[WireEntry] | None = None
        refusal: HTTPException | RequestValidationError | None = None
        try:
            batch = parse_push(body)  # the signature held: the body is the terminal's
        except (RequestValidationError, HTTPException) as exc:
            refusal = exc
        old_seqs, new_ids = lookups(term, batch) if batch else ([], [])
        # Round trip 2: the nonce recorded (with the terminal's expired ones deleted) and the taken ids.
        cur = conn.cursor()
        ids = new_ids if check_taken else []  # unchecked: an id taken makes the COPY fail, and the push is run again
        params = {"tid": tid, "now": int(time.time()), "nonce": rand, "expiry": expiry, "ids": ids}
        cur.execute(_USE_NONCE, params)
        got = cur.fetchone()
        assert got is not None
        if got[0] == 0:
            raise replayed(ctx, tid)
        if refusal is not None or batch is None:
            conn.execute("COMMIT")  # the nonce is spent
            return refusal or RequestValidationError([])
        stored: dict[int, str] = {}
        if old_seqs:  # a batch sent again (its receipt was lost): the stored hashes decide duplicates
            cur.execute(_STORED, (tid, old_seqs))
            stored = {int(s): str(h) for s, h in cur.fetchall()}
        now = received_at()
        rows, result = decide(term, batch, stored, set(got[1]), now)
        if rows:  # round trips 3 and 4
            with cur.copy(COPY_ENTRIES) as copy:
                for r in rows:
                    copy.write_row(r)
        # Round trip 5: the terminal's head moved, and COMMIT.
        both.execute(_MOVE_COMMIT, (result["ack_seq"], result["ack_hash"], now, tid))
        return result
    except BaseException as exc:
        _rollback(conn)
        if isinstance(exc, psycopg.OperationalError) and (conn.closed or conn.broken):
            raise Lost() from exc
        raise


class FastPush:
    """ASGI middleware: `POST /v1/terminals/{id}/journal` on PostgreSQL is answered here; everything else
    (and every request on SQLite) goes on to the FastAPI app."""

    def __init__(self, app: ASGIApp, *, backend: Backend, pool_size: int = PUSH_POOL) -> None:
        self.app, self.ctx = app, backend
        self.pool = None if is_sqlite(backend.engine) else PushPool(_conninfo(backend), pool_size)
        self.threads = ThreadPoolExecutor(pool_size, thread_name_prefix="push")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.pool is None or scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        m = PUSH_PATH.match(scope["path"])
        if m is None:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:  # BodyLimit has bounded it and hands it over as one message
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        status, doc, headers = await self.handle(scope, m.group(1), b"".join(chunks))
        await _reply(send, status, doc, headers.items())

    async def handle(self, scope: Scope, path_tid: str, body: bytes) -> Reply:
        try:
            headers = signature_headers(Headers(scope=scope), path_tid)  # refusals that need no database
        except HTTPException as exc:
            return exc.status_code, {"detail": exc.detail}, dict(exc.headers or {})
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.threads, self.push, headers, target_of(scope), body)

    def push(self, headers: tuple[str, str, str, str], target: str, body: bytes) -> Reply:
        """The push with its retries, on a push thread: one hand-over from the event loop and back."""
        assert self.pool is not None
        ctx = self.ctx
        try:
            check_taken = False  # the ids of a push are new but for a faulty terminal: looked up only then
            for attempt in range(5):
                try:
                    conn, born = self.pool.acquire()
                except psycopg.OperationalError:  # the database is down or refuses connections: retry later
                    return 503, {"detail": DB_LOST}, {"Retry-After": "1"}
                try:
                    outcome = push_once(ctx, conn, headers, target, body, check_taken=check_taken)
                except psycopg.errors.UniqueViolation:
                    # An entry id already stored (nothing of this attempt was kept): again, with the batch's
                    # ids looked up first, so ingest decides `duplicate_id` for them. Or another instance stored
                    # the same rows without the lock: read as duplicates.
                    check_taken = True
                    if attempt == 4:
                        return 409, {"detail": DB_CONFLICT}, {}
                    continue
                except Lost:
                    self.pool.drop_idle()
                    if attempt == 0:
                        continue  # nothing was kept: once more on a fresh connection
                    return 503, {"detail": DB_LOST}, {"Retry-After": "1"}
                except psycopg.DataError:
                    return 422, {"detail": DB_OUT_OF_RANGE}, {}
                finally:
                    self.pool.release(conn, born)
                if isinstance(outcome, RequestValidationError):
                    return 422, validation_problem(outcome), {}
                if isinstance(outcome, HTTPException):
                    raise outcome
                return 200, receipt(ctx, headers[0], outcome), {HEADER_NONCE: new_nonce(ctx, headers[0])}
        except HTTPException as exc:
            return exc.status_code, {"detail": exc.detail}, dict(exc.headers or {})
        raise AssertionError("unreachable")


async def _reply(send: Send, status: int, doc: dict[str, Any], headers: Iterable[tuple[str, str]]) -> None:
    body = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
