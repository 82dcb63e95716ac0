"""A push is one transaction on PostgreSQL: the terminal's row, the signature, the nonce and the entries.

Whatever stops a push half-way (the database dropping its connection, the backend process dying) keeps
neither its entries nor its nonce: the request can be sent again and stores its entries exactly once,
and once stored, the same request is refused as a replay. The push is held mid-way deterministically:
the test's own open transaction holds a row the push's COPY must wait for.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.protocol import GENESIS_HASH, chain_hash, entry_canonical_bytes, signed_headers
from kiosk.sync.keys import key_path, load_key
from tests.backend.servers import BackendProcess, Postgres, wait_until
from tests.backend.signing import fresh_nonce, now, signed
from tests.sync.helpers import server_entries, terminal

pytestmark = pytest.mark.postgres


def _batch(device: str, n: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        eid = f"00000000-0000-7000-8000-{seq:012d}"
        ts, payload = "2026-11-21T03:00:00.000000+00:00", json.dumps({"i": seq})
        h = chain_hash(prev, entry_canonical_bytes(device, seq, eid, ts, "test.event", payload))
        out.append({"device_id": device, "seq": seq, "id": eid, "ts": ts, "kind": "test.event", "payload": payload,
                    "prev_hash": prev, "hash": h})  # fmt: skip
        prev = h
    return out


@contextmanager
def seq_one_held(db_url: str, terminal_id: str) -> Iterator[psycopg.Connection[Any]]:
    """An open transaction holding (terminal, seq 1) uncommitted: a push storing seq 1 waits for it.
    Rolled back on leaving (or earlier by the test)."""
    conn = psycopg.connect(db_url)
    try:
        conn.execute(
            "INSERT INTO entries (terminal_id, seq, id, device_id, ts, kind, payload, prev_hash, hash, received_at, "
            "status) VALUES (%s, 1, 'held', 'x', 'x', 'x', '{}', %s, %s, 'x', 'stored')",
            (terminal_id, GENESIS_HASH, GENESIS_HASH),
        )
        yield conn
    finally:
        conn.rollback()
        conn.close()


def waiting_pushes(db_url: str) -> list[int]:
    """PostgreSQL backends of this database waiting on a lock (a push held by `seq_one_held`)."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchall()
    return [int(r[0]) for r in rows]


def signed_push(server_url: str, key: Ed25519PrivateKey, tid: str) -> Callable[[float], httpx.Response]:
    """One signed push of five entries, with a fresh nonce, that can be sent again byte for byte (a replay)."""
    path = f"/v1/terminals/{tid}/journal"
    body = json.dumps({"entries": _batch("TEST-01", 5)}).encode()
    headers = signed_headers(key, tid, "POST", path, body, timestamp=now(), nonce=fresh_nonce(server_url, key, tid))
    headers["Content-Type"] = "application/json"
    return lambda timeout: httpx.post(server_url + path, content=body, headers=headers, timeout=timeout)


def in_thread(fn: Callable[[], httpx.Response]) -> tuple[threading.Thread, dict[str, Any]]:
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["reply"] = fn()
        except httpx.HTTPError as exc:
            out["error"] = exc

    th = threading.Thread(target=run)
    th.start()
    return th, out


def test_a_dropped_connection_mid_push_keeps_nothing_and_the_push_stores_once(
    postgres: Postgres, tmp_path: Path
) -> None:
    url = postgres.create_db("pushdrop")
    with BackendProcess(url) as server, terminal(tmp_path, server.url, url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        push = signed_push(server.url, key, tid)
        with seq_one_held(url, tid) as held:
            th, out = in_thread(lambda: push(60))
            first = wait_until(lambda: waiting_pushes(url), what="the push waiting in its COPY")
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (first[0],))
            # The push's transaction died with its connection; it runs again on a fresh one and waits again.
            wait_until(lambda: [p for p in waiting_pushes(url) if p != first[0]], what="the push run again")
            held.rollback()
            th.join(30)
        assert "error" not in out, out
        reply = out["reply"]
        assert reply.status_code == 200, reply.text
        assert (reply.json()["stored"], reply.json()["ack_seq"]) == (5, 5)
        # The same request once more: refused as a replay, nothing stored twice.
        again = push(30)
        assert again.status_code == 401 and "replayed" in again.json()["detail"]
        assert [e["seq"] for e in server_entries(server.url, tid)] == [1, 2, 3, 4, 5]

        # Every pooled connection dropped (a database restart): a request that is not a push is answered
        # 503 with Retry-After (never a 500), and the next one gets a fresh connection.
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ack = f"/v1/terminals/{tid}/journal/ack"
        lost = httpx.get(server.url + ack, headers=signed_headers(key, tid, "GET", ack, b"", timestamp=now(), nonce=""))
        assert lost.status_code == 503 and lost.headers["Retry-After"] == "1", lost.text
        ok, _ = signed(server.url, key, tid, "GET", ack)
        assert ok.status_code == 200 and ok.json()["ack_seq"] == 5


@pytest.mark.slow
def test_a_backend_killed_mid_push_spends_no_nonce_and_the_same_request_stores_once(
    postgres: Postgres, tmp_path: Path
) -> None:
    url = postgres.create_db("pushkill")
    with BackendProcess(url) as server, terminal(tmp_path, server.url, url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        push = signed_push(server.url, key, tid)
        with seq_one_held(url, tid) as held:
            th, out = in_thread(lambda: push(60))
            wait_until(lambda: waiting_pushes(url), what="the push waiting in its COPY")
            server.kill()  # the backend dies with the entries written and the nonce recorded, uncommitted
            th.join(30)
            held.rollback()
        assert "error" in out, out
        server.start()
        # The captured request, byte for byte: its nonce was never spent, so it is accepted once ...
        first = push(30)
        assert first.status_code == 200, first.text
        assert (first.json()["stored"], first.json()["duplicates"]) == (5, 0)
        # ... and only once.
        again = push(30)
        assert again.status_code == 401 and "replayed" in again.json()["detail"]
        rows = server_entries(server.url, tid)
        assert [(e["seq"], e["status"]) for e in rows] == [(s, "stored") for s in range(1, 6)]


def test_a_refused_body_spends_its_nonce_and_is_never_parsed_unsigned(postgres: Postgres, tmp_path: Path) -> None:
    url = postgres.create_db("pushbody")
    with BackendProcess(url) as server, terminal(tmp_path, server.url, url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        path = f"/v1/terminals/{tid}/journal"
        bad = json.dumps({"entries": [{**_batch("TEST-01", 1)[0], "seq": "one"}]}).encode()
        reply, headers = signed(server.url, key, tid, "POST", path, bad)
        assert reply.status_code == 422 and reply.json()["detail"][0]["loc"][:3] == ["body", "entries", 0]
        again = httpx.post(server.url + path, content=bad, headers=headers, timeout=30)
        assert again.status_code == 401 and "replayed" in again.json()["detail"]
        # A body that is not even JSON, from a caller without a signature: refused as unsigned (401), not 422.
        anonymous = httpx.post(server.url + path, content=b"{not json", headers={"Content-Type": "application/json"})
        assert anonymous.status_code == 401
        # Signed headers over another body: the signature check refuses it before the body is parsed.
        forged = httpx.post(server.url + path, content=b"{not json", headers=headers)
        assert forged.status_code == 401 and "bad signature" in forged.json()["detail"]
        assert server_entries(server.url, tid) == []


def test_ingest_builds_rows_in_the_entries_tables_column_order() -> None:
    """Ingest writes tuples (COPY on PostgreSQL): their order is the table's, column for column."""
    from backend.db import entries
    from backend.ingest import _COLUMNS

    assert tuple(c.name for c in entries.columns) == _COLUMNS
