"""The journal push on PostgreSQL (backend/fastpush.py, a plain ASGI handler) answers every request as the
FastAPI route does on SQLite (backend/routes/journal.py): the same request sequence sent to one backend of
each, reply for reply — status, reason, refusal code, whether a fresh nonce comes back, the receipt's
figures — from a good push through replays, forged and stale signatures, hostile bodies, chain faults
and a revoked terminal."""

from __future__ import annotations

import json
import secrets
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.protocol import (
    GENESIS_HASH,
    HEADER_NONCE,
    HEADER_REFUSAL,
    MAX_BATCH,
    chain_hash,
    check_receipt,
    entry_canonical_bytes,
    signed_headers,
)
from kiosk.sync.keys import key_path, load_key
from tests.backend.servers import BACKEND_CMD, BackendProcess, Postgres
from tests.backend.signing import fresh_nonce, now
from tests.sync.helpers import server_entries, terminal

pytestmark = pytest.mark.postgres
DEVICE = "TEST-01"


def _chain(n: int, device: str = DEVICE) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        eid = f"00000000-0000-7000-8000-{seq:012d}"
        ts, payload = "2026-11-21T03:00:00.000000+00:00", json.dumps({"i": seq, "한": "글"}, ensure_ascii=False)
        h = chain_hash(prev, entry_canonical_bytes(device, seq, eid, ts, "test.event", payload))
        out.append({"device_id": device, "seq": seq, "id": eid, "ts": ts, "kind": "test.event", "payload": payload,
                    "prev_hash": prev, "hash": h})  # fmt: skip
        prev = h
    return out


def _body(entries: list[dict[str, Any]]) -> bytes:
    return json.dumps({"entries": entries}, ensure_ascii=False).encode()


class Side:
    """One backend and its enrolled terminal; `send` returns what a comparison needs of each reply."""

    def __init__(self, url: str, key: Ed25519PrivateKey, tid: str, programme_key: str) -> None:
        self.url, self.key, self.tid, self.programme_key = url, key, tid, programme_key
        self.last_headers: dict[str, str] = {}

    @property
    def path(self) -> str:
        return f"/v1/terminals/{self.tid}/journal"

    def post(self, body: bytes, headers: dict[str, str], path: str | None = None) -> httpx.Response:
        self.last_headers = headers
        return httpx.post(self.url + (path or self.path), content=body, headers=headers, timeout=30)

    def signed(self, body: bytes, *, nonce: str | None = None, timestamp: str | None = None,
               signed_body: bytes | None = None, path: str | None = None) -> httpx.Response:  # fmt: skip
        nonce = fresh_nonce(self.url, self.key, self.tid) if nonce is None else nonce
        target = path or self.path
        headers = signed_headers(self.key, self.tid, "POST", target, body if signed_body is None else signed_body,
                                 timestamp=timestamp or now(), nonce=nonce)  # fmt: skip
        headers["Content-Type"] = "application/json"
        return self.post(body, headers, target)

    def seen(self, r: httpx.Response) -> tuple[Any, ...]:
        try:
            doc = r.json()
        except ValueError:
            doc = r.text
        if r.status_code == 200:
            assert check_receipt(self.programme_key, doc, self.tid) is None, doc
            doc = {k: v for k, v in doc.items() if k not in ("signature", "terminal_id")}
        elif isinstance(doc, dict) and isinstance(doc.get("detail"), str):
            doc = {"detail": doc["detail"].replace(self.tid, "TID")}
        return r.status_code, doc, r.headers.get(HEADER_REFUSAL), bool(r.headers.get(HEADER_NONCE))


CASES: list[tuple[str, Callable[[Side], httpx.Response]]] = []


def case(fn: Callable[[Side], httpx.Response]) -> Callable[[Side], httpx.Response]:
    CASES.append((fn.__name__, fn))
    return fn


CHAIN = _chain(12)


@case
def good_push(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[:3]))


@case
def the_same_request_again(s: Side) -> httpx.Response:
    return s.post(_body(CHAIN[:3]), s.last_headers)


@case
def the_same_batch_with_a_new_nonce(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[:3]))


@case
def a_gap_and_what_follows_it(s: Side) -> httpx.Response:
    return s.signed(_body([CHAIN[3], CHAIN[5], CHAIN[6]]))


@case
def a_stored_sequence_with_other_content(s: Side) -> httpx.Response:
    return s.signed(_body([{**CHAIN[1], "payload": "{}"}]))


@case
def an_edited_entry_and_a_foreign_device(s: Side) -> httpx.Response:
    edited = {**CHAIN[4], "payload": '{"i":99}'}
    foreign = _chain(6, "OTHER-9")[5]
    return s.signed(_body([edited, {**foreign, "prev_hash": CHAIN[4]["hash"]}]))


@case
def an_id_already_taken(s: Side) -> httpx.Response:
    return s.signed(_body([{**CHAIN[6], "id": CHAIN[0]["id"]}]))


@case
def an_empty_batch(s: Side) -> httpx.Response:
    return s.signed(_body([]))


@case
def unsigned(s: Side) -> httpx.Response:
    return s.post(b"{not json", {"Content-Type": "application/json"})


@case
def malformed_signature_headers(s: Side) -> httpx.Response:
    return s.post(b"{}", {"X-Kiosk-Terminal": "T" * 40, "X-Kiosk-Timestamp": now(), "X-Kiosk-Signature": "x"})


@case
def signed_for_another_terminals_path(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[7:8]), path="/v1/terminals/T0000000000000000/journal", nonce="")


@case
def signed_over_another_body(s: Side) -> httpx.Response:
    return s.signed(b"{not json", signed_body=_body(CHAIN[7:8]))


@case
def a_timestamp_years_off(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[7:8]), timestamp="2000-01-01T00:00:00+00:00")


@case
def a_timestamp_without_offset(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[7:8]), timestamp="2026-11-21T03:00:00")


@case
def no_nonce(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[7:8]), nonce="")


@case
def a_forged_nonce(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[7:8]), nonce="4102444800.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")


@case
def a_huge_sequence_number(s: Side) -> httpx.Response:
    return s.signed(_body([{**CHAIN[7], "seq": 0}]).replace(b'"seq": 0', b'"seq": 1e400'))


@case
def a_sequence_beyond_64_bits(s: Side) -> httpx.Response:
    return s.signed(_body([{**CHAIN[7], "seq": 2**63}]))


@case
def an_unknown_field(s: Side) -> httpx.Response:
    return s.signed(_body([{**CHAIN[7], "extra": 1}]))


@case
def a_bad_hash_pattern(s: Side) -> httpx.Response:
    return s.signed(_body([{**CHAIN[7], "hash": "X" * 64}]))


@case
def not_utf8(s: Side) -> httpx.Response:
    return s.signed(b"\xff\xfe{")


@case
def not_json(s: Side) -> httpx.Response:
    return s.signed(b'{"entries": [')


@case
def too_many_entries(s: Side) -> httpx.Response:
    return s.signed(_body([CHAIN[7]] * (MAX_BATCH + 1)))


@case
def the_rest_in_order(s: Side) -> httpx.Response:
    return s.signed(_body(CHAIN[5:]))


@case
def a_terminal_never_enrolled(s: Side) -> httpx.Response:
    other, tid = Ed25519PrivateKey.generate(), "T" + secrets.token_hex(8).upper()
    body = _body(CHAIN[:1])
    path = f"/v1/terminals/{tid}/journal"
    headers = signed_headers(other, tid, "POST", path, body, timestamp=now(), nonce="")
    return s.post(body, headers, path)


def test_the_postgresql_push_answers_as_the_fastapi_route_does(postgres: Postgres, tmp_path: Path) -> None:
    pg_url = postgres.create_db("fastpush")
    with (
        BackendProcess(f"sqlite:///{tmp_path / 'b.sqlite3'}", log=tmp_path / "lite.log") as lite,
        BackendProcess(pg_url, log=tmp_path / "pg.log") as pg,
        terminal(tmp_path / "a", lite.url, lite.db_url) as ta,
        terminal(tmp_path / "b", pg.url, pg_url) as tb,
    ):
        sides = [
            Side(srv.url, load_key(key_path(base / "data")), t.terminal_id, t.service.state().programme_key)
            for srv, t, base in ((lite, ta, tmp_path / "a"), (pg, tb, tmp_path / "b"))
        ]
        statuses = []
        for name, send in CASES:
            on_sqlite, on_postgres = (side.seen(send(side)) for side in sides)
            assert on_postgres == on_sqlite, name
            statuses.append(on_sqlite[0])
        assert 500 not in statuses and {200, 401, 413, 422} <= set(statuses)
        stored = [[(e["seq"], e["status"]) for e in server_entries(side.url, side.tid)] for side in sides]
        assert stored[0] == stored[1] and [s for s, _ in stored[1]] == list(range(1, 13))
        # Revoked: refused before anything else, on both.
        for srv, side in zip((lite, pg), sides, strict=True):
            cmd = [*BACKEND_CMD, "terminal", "revoke", "--db", srv.db_url, side.tid]
            assert subprocess.run(cmd, capture_output=True, timeout=60).returncode == 0
        revoked = [side.seen(side.signed(_body(CHAIN[:1]), nonce="")) for side in sides]
        assert revoked[0] == revoked[1] and revoked[0][0] == 401 and revoked[0][2] == "revoked"


def test_a_push_while_the_database_is_gone_is_503_with_retry_after(postgres: Postgres, tmp_path: Path) -> None:
    """Its pooled connections dropped and no new one to be had: the push is told to come back (503 with
    Retry-After, never a 500), and nothing of it was kept."""
    import psycopg

    url = postgres.create_db("fastpushgone")
    with BackendProcess(url, log=tmp_path / "pg.log") as server, terminal(tmp_path, server.url, url) as t:
        side = Side(server.url, load_key(key_path(tmp_path / "data")), t.terminal_id, t.service.state().programme_key)
        assert side.seen(side.signed(_body(CHAIN[:2])))[0] == 200  # the push pool holds a connection now
        nonce = fresh_nonce(side.url, side.key, side.tid)
        admin_url = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute("DROP DATABASE fastpushgone WITH (FORCE)")
        reply = side.signed(_body(CHAIN[2:4]), nonce=nonce)
        assert (reply.status_code, reply.headers.get("Retry-After")) == (503, "1"), reply.text
        assert "retry" in reply.json()["detail"]
