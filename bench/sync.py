"""Sync benchmarks.

1. Backlog: 10,000 journal entries pushed by `SyncService.push_pending` (batches of 500, signed) to a
   local backend on SQLite, in seconds. Baseline in the same run: a bare httpx loop posting the very
   same request bytes (pre-serialised and pre-signed) to an identical fresh backend. Ratio = bare / sync
   (target ≥ 0.5).
2. Ingest on PostgreSQL: 200 simulated terminals push pre-signed batches of 100 entries concurrently
   (asyncio + httpx, 50 connections) to one backend instance, then to two instances on the same
   database (round-robin). Entries per second; target ≥ 3,000 / s per instance. Needs root (private
   cluster run as the postgres user, like the tests).

Run: `.venv/bin/python -m bench.sync [--quick]`.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.db import enrollment_codes, make_engine
from kiosk.protocol import GENESIS_HASH, JournalEntry, canonical_json, chain_hash, entry_canonical_bytes
from kiosk.sync.keys import key_path, load_key
from kiosk.sync.protocol import (
    HEADER_SIGNATURE,
    HEADER_TERMINAL,
    HEADER_TIMESTAMP,
    public_key_text,
    request_signing_bytes,
    sign,
)
from kiosk.sync.service import SyncService
from tests.backend.servers import BackendProcess, Postgres
from tests.ledger.helpers import open_ledger

BN = "1208147521"


def _code(db_url: str) -> str:
    code = secrets.token_hex(6).upper()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(enrollment_codes.insert().values(code=code, business_number=BN, created_at="2026-11-21T00:00:00Z"))
    engine.dispose()
    return code


def _signed(key: Ed25519PrivateKey, tid: str, path: str, body: bytes) -> dict[str, str]:
    ts = datetime.now(UTC).isoformat(timespec="seconds")
    return {
        "Content-Type": "application/json",
        HEADER_TERMINAL: tid,
        HEADER_TIMESTAMP: ts,
        HEADER_SIGNATURE: sign(key, request_signing_bytes("POST", path, ts, body)),
    }


def backlog(n: int, base: Path) -> list[str]:
    ledger = open_ledger(base / "ledger.sqlite3")
    with ledger.transaction() as tx:
        for i in range(n):
            tx.append("bench.event", {"i": i, "item": "아메리카노", "amount": 4500})
    bare_srv = BackendProcess(f"sqlite:///{base / 'bare.sqlite3'}", test_clock=False).start()
    sync_srv = BackendProcess(f"sqlite:///{base / 'sync.sqlite3'}", test_clock=False).start()
    try:
        service = SyncService(ledger, base / "data", ledger.clock, backend_url=bare_srv.url, batch_size=500)
        bare_tid = service.enroll(bare_srv.url, _code(bare_srv.db_url), BN)
        key = load_key(key_path(base / "data"))
        path = f"/v1/terminals/{bare_tid}/journal"
        requests: list[tuple[bytes, dict[str, str]]] = []
        after = 0
        while batch := ledger.entries_after(after, 500):
            body = json.dumps(
                {"entries": [e.to_wire() for e in batch]}, ensure_ascii=False, separators=(",", ":")
            ).encode()
            requests.append((body, _signed(key, bare_tid, path, body)))
            after = batch[-1].seq
        with httpx.Client(base_url=bare_srv.url, timeout=60) as client:
            t0 = time.perf_counter()
            for body, headers in requests:
                r = client.post(path, content=body, headers=headers)
                r.raise_for_status()
            bare = time.perf_counter() - t0
        assert r.json()["ack_seq"] == n

        service.enroll(sync_srv.url, _code(sync_srv.db_url), BN)
        service._update(acked_seq=0)
        t0 = time.perf_counter()
        service.push_pending()
        synced = time.perf_counter() - t0
        assert service.status().acked_seq == n
        service.close()
    finally:
        bare_srv.stop()
        sync_srv.stop()
        ledger.close()
    return [
        f"backlog {n} entries to a local backend (SQLite): {synced:.2f} s ({n / synced:,.0f} entries/s)",
        f"  bare httpx loop, same bytes: {bare:.2f} s; ratio bare/sync = {bare / synced:.2f} (target >= 0.5)",
    ]


def _terminal_batches(
    tid: str, key: Ed25519PrivateKey, device: str, batches: int, per: int
) -> list[tuple[str, bytes, dict[str, str]]]:
    out = []
    prev, seq = GENESIS_HASH, 0
    path = f"/v1/terminals/{tid}/journal"
    for _ in range(batches):
        wire = []
        for _ in range(per):
            seq += 1
            ts = f"2026-11-21T03:{seq // 60 % 60:02d}:{seq % 60:02d}.000000+00:00"
            payload = canonical_json({"order": seq, "total": 4500})
            eid = secrets.token_hex(16)
            h = chain_hash(prev, entry_canonical_bytes(device, seq, eid, ts, "sale.completed.bench", payload))
            wire.append(JournalEntry(device, seq, eid, ts, "sale.completed.bench", payload, prev, h).to_wire())
            prev = h
        body = json.dumps({"entries": wire}, separators=(",", ":")).encode()
        out.append((path, body, _signed(key, tid, path, body)))
    return out


async def _push_all(urls: list[str], work: list[list[tuple[str, bytes, dict[str, str]]]], conns: int) -> float:
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    clients = [httpx.AsyncClient(base_url=u, timeout=120, limits=limits) for u in urls]
    sem = asyncio.Semaphore(conns)

    async def terminal(i: int, batches: list[tuple[str, bytes, dict[str, str]]]) -> None:
        for j, (path, body, headers) in enumerate(batches):
            client = clients[(i + j) % len(clients)]
            async with sem:
                r = await client.post(path, content=body, headers=headers)
            r.raise_for_status()

    t0 = time.perf_counter()
    await asyncio.gather(*(terminal(i, b) for i, b in enumerate(work)))
    elapsed = time.perf_counter() - t0
    for c in clients:
        await c.aclose()
    return elapsed


def _enroll_many(url: str, db_url: str, n: int) -> list[tuple[str, Ed25519PrivateKey, str]]:
    out = []
    with httpx.Client(base_url=url, timeout=30) as client:
        for i in range(n):
            key = Ed25519PrivateKey.generate()
            device = f"BENCH-{i:03d}"
            r = client.post(
                "/v1/enroll",
                json={
                    "code": _code(db_url),
                    "business_number": BN,
                    "public_key": public_key_text(key),
                    "device_id": device,
                },
            )
            r.raise_for_status()
            out.append((r.json()["terminal_id"], key, device))
    return out


def postgres_ingest(terminals: int, batches: int, per: int) -> list[str]:
    why = Postgres.available()
    if why:
        return [f"PostgreSQL ingest: skipped ({why})"]
    base = Path(tempfile.mkdtemp(prefix="kiosk-bench-pg-"))
    pg = Postgres(base).start()
    lines = []
    try:
        for instances in (1, 2):
            db = pg.create_db(f"ingest{instances}")
            servers = [BackendProcess(db, test_clock=False).start() for _ in range(instances)]
            try:
                enrolled = _enroll_many(servers[0].url, db, terminals)
                work = [_terminal_batches(tid, key, dev, batches, per) for tid, key, dev in enrolled]
                elapsed = asyncio.run(_push_all([s.url for s in servers], work, conns=50))
                total = terminals * batches * per
                rate = total / elapsed
                with httpx.Client(base_url=servers[0].url) as c:
                    acks = [t["ack_seq"] for t in c.get("/v1/fleet/terminals").json()]
                assert acks == [batches * per] * terminals, "not every entry was stored"
                lines.append(
                    f"PostgreSQL ingest, {instances} instance(s), {terminals} terminals x {batches} batches x {per}: "
                    f"{total:,} entries in {elapsed:.1f} s = {rate:,.0f} entries/s "
                    f"({rate / instances:,.0f} per instance)"
                )
            finally:
                for s in servers:
                    s.stop()
    finally:
        pg.stop()
        import shutil

        shutil.rmtree(base, ignore_errors=True)
    return lines


def main(quick: bool = False) -> list[str]:
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-sync-") as tmp:
        lines += backlog(2_000 if quick else 10_000, Path(tmp))
    lines += postgres_ingest(40 if quick else 200, 2 if quick else 5, 100)
    need = 100_000 * 200 / 86_400
    lines.append(
        f"fleet need (DESIGN 8): 100,000 terminals x 200 entries/day = {need:,.0f} entries/s average, "
        f"{need * 10:,.0f} entries/s at a x10 lunch peak"
    )
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main(quick=False)
