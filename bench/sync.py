"""Sync benchmarks, on real sale payloads: the journal entries of bench/history.py's one-year ledger
(payment intent steps, sales with the whole order, print entries; ~5.5 entries a sale).

1. Backlog: the first 10,000 entries of that year pushed by `SyncService.push_pending` (batches of 500,
   signed, server nonces, signed receipts) to a local backend on SQLite. Baseline in the same run, on
   the same backend: a bare httpx loop posting the same request bytes (each signed with the nonce of
   the previous reply, as the protocol requires), for another terminal enrolled with the same device
   id. Interleaved pairs: sync, bare, then bare, sync, ... (a fresh ledger copy, terminal and backend
   each run; both sides of a pair are set up before either is timed, then timed back to back; a first
   warm-up pair is not counted). Ratio = the median over the pairs of bare time / sync time (target
   >= 0.8): on the shared 2-core machine the load moves between pairs, and the two runs of a pair see
   nearly the same load. Each side's own CPU time (this process; the backend is another) is printed
   too: the client's work beyond the bare loop, whatever the load.
2. Ingest on PostgreSQL: 200 terminals push their own chains of real entries (re-chained per terminal:
   own device id, entry ids and hashes; the payloads as written) in batches of 100 (asyncio + httpx,
   50 connections) to one backend instance. Baseline in the same run: the same rows (as the backend
   stores them) written straight into the same `entries` table of a fresh database with the same
   migrations, one COPY per batch in its own transaction, 30 connections (the backend's pool). Rounds
   interleaved A B, B A, A B; ratio = bare time / ingest time (target >= 0.5). Then two instances on
   one database, for the fleet figure. Needs root (a private cluster run as the postgres user).

Run: `.venv/bin/python -m bench.sync [--quick] [--backlog] [--pairs N]` (`--backlog`: the backlog part only;
`--pairs`: interleaved pairs, 9 by default).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import secrets
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.db import enrollment_codes, make_engine, migrate
from kiosk import protocol
from kiosk.ledger.ledger import Ledger
from kiosk.ports import SystemClock
from kiosk.protocol import GENESIS_HASH, chain_hash, entry_canonical_bytes
from kiosk.sync.service import SyncService
from tests.backend.servers import BackendProcess, Postgres

BN = "1208147521"


def _code(db_url: str) -> str:
    code = secrets.token_hex(6).upper()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            enrollment_codes.insert().values(
                code=code, business_number=BN, created_at=datetime.now(UTC).isoformat(timespec="seconds")
            )
        )
    engine.dispose()
    return code


def _journal_source(quick: bool, work: Path) -> Path:
    """A ledger file with real entries: the one-year history (quick: two days built here)."""
    from bench import history

    if not quick:
        return history.one_year()
    path = work / "two-days.sqlite3"
    history.build(path, days=2)
    return path


def _ledger_with(src: Path, dest: Path, n: int) -> int:
    """A fresh ledger at `dest` holding the first `n` journal entries of `src` (the chain as written)."""
    from bench import history

    Ledger.open(dest, device_id=history.DEVICE_ID).close()
    conn = sqlite3.connect(dest, isolation_level=None)
    cols = "seq, id, device_id, ts, kind, payload, prev_hash, hash"
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{src}?mode=ro",))
    conn.execute("BEGIN")
    conn.execute(f"INSERT INTO journal ({cols}) SELECT {cols} FROM src.journal WHERE seq <= ? ORDER BY seq", (n,))
    conn.execute("COMMIT")
    got = int(conn.execute("SELECT count(*) FROM journal").fetchone()[0])
    conn.execute("DETACH DATABASE src")
    conn.close()
    return got


def _signed_post(
    client: httpx.Client, key: Ed25519PrivateKey, tid: str, path: str, body: bytes, nonce: str
) -> tuple[httpx.Response, str]:
    """One signed POST as the protocol wants it; a 401 that hands out a nonce is answered once more."""
    for _ in range(2):
        ts = datetime.now(UTC).isoformat(timespec="seconds")
        headers = {"Content-Type": "application/json"}
        headers.update(protocol.signed_headers(key, tid, "POST", path, body, timestamp=ts, nonce=nonce))
        r = client.post(path, content=body, headers=headers)
        fresh = r.headers.get(protocol.HEADER_NONCE, "")
        if r.status_code == 401 and fresh and fresh != nonce:
            nonce = fresh
            continue
        return r, fresh
    return r, fresh


def _enroll_bare(client: httpx.Client, db_url: str, device: str) -> tuple[str, Ed25519PrivateKey]:
    key = Ed25519PrivateKey.generate()
    r = client.post(
        f"{protocol.API}/enroll",
        json={
            "code": _code(db_url),
            "business_number": BN,
            "public_key": protocol.public_key_text(key),
            "device_id": device,
        },
    )
    r.raise_for_status()
    return str(r.json()["terminal_id"]), key


def _cpu() -> float:
    """CPU seconds of this process so far (the client's own work; the backend is another process)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def backlog(n: int, work: Path, pairs: int, src: Path) -> list[str]:
    """`pairs` interleaved pairs (sync then bare, bare then sync, ...; one warm-up pair first, not counted),
    each run on a fresh backend; the figure is the median of the per-pair ratios bare/sync, so a change in
    the machine's load between pairs cancels out instead of landing on one side."""
    from bench import history
    from kiosk.sync.push import read_batch

    base = work / "base.sqlite3"
    n = _ledger_with(src, base, n)
    sizes = sqlite3.connect(base).execute("SELECT sum(length(payload)), count(*) FROM journal").fetchone()
    # The bare requests' bodies: exactly what the push sends (kiosk/sync/push.py `read_batch`), built untimed.
    reader = Ledger.open(base, device_id=history.DEVICE_ID)
    bodies: list[bytes] = []
    after = 0
    while (batch := read_batch(reader, after, 500)).seqs:
        bodies.append(batch.body)
        after = batch.seqs[-1]
    reader.close()
    wire_bytes = sum(len(b) for b in bodies)

    def fresh_backend(name: str) -> BackendProcess:
        # One per run: entry ids are unique server-wide, so a second push of the same journal to the
        # same backend would be all duplicates (a different, cheaper path), not a backlog.
        return BackendProcess(f"sqlite:///{work / name}", test_clock=False).start()

    @contextmanager
    def sync_side(r: int) -> Iterator[Callable[[], tuple[float, float]]]:
        """A copy of the ledger, enrolled with its own fresh backend; yields the timed push."""
        copy = work / f"sync-{r}.sqlite3"
        shutil.copyfile(base, copy)
        srv = fresh_backend(f"backend-sync-{r}.sqlite3")
        ledger = Ledger.open(copy, device_id=history.DEVICE_ID)
        service = SyncService(ledger, work / f"data-{r}", SystemClock(), backend_url=srv.url, batch_size=500)

        def run() -> tuple[float, float]:
            c0, t0 = _cpu(), time.perf_counter()
            service.push_pending()
            took, cpu = time.perf_counter() - t0, _cpu() - c0
            status = service.status()
            assert status.acked_seq == n and not status.quarantined, status
            return took, cpu

        try:
            service.enroll(srv.url, _code(srv.db_url), BN)
            yield run
        finally:
            service.close()
            ledger.close()
            srv.stop()
            copy.unlink()

    @contextmanager
    def bare_side(r: int) -> Iterator[Callable[[], tuple[float, float]]]:
        """A terminal enrolled with its own fresh backend; yields the timed bare loop."""
        srv = fresh_backend(f"backend-bare-{r}.sqlite3")
        try:
            with httpx.Client(base_url=srv.url, timeout=60) as client:
                tid, key = _enroll_bare(client, srv.db_url, history.DEVICE_ID)
                path = f"{protocol.API}/terminals/{tid}/journal"

                def run() -> tuple[float, float]:
                    nonce = ""
                    c0, t0 = _cpu(), time.perf_counter()
                    for body in bodies:
                        resp, nonce = _signed_post(client, key, tid, path, body, nonce)
                        resp.raise_for_status()
                    took, cpu = time.perf_counter() - t0, _cpu() - c0
                    reply = resp.json()
                    assert reply["ack_seq"] == n and not reply["rejected"], resp.text[:300]
                    return took, cpu

                yield run
        finally:
            srv.stop()

    synced: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    load0 = os.getloadavg()[0]
    for r in range(pairs + 1):
        # Both sides set up first (backends started, terminals enrolled), then timed back to back, so the
        # two runs of a pair see nearly the same load; the order alternates between pairs.
        with sync_side(r) as run_sync, bare_side(r) as run_bare:
            if r % 2 == 0:
                s, b = run_sync(), run_bare()
            else:
                b, s = run_bare(), run_sync()
        if r > 0:  # pair 0 warms the page cache and the imports
            synced.append(s)
            bare.append(b)
    load1 = os.getloadavg()[0]
    ratios = [b[0] / s[0] for s, b in zip(synced, bare, strict=True)]
    s_med, b_med = statistics.median(x[0] for x in synced), statistics.median(x[0] for x in bare)
    s_cpu, b_cpu = statistics.median(x[1] for x in synced), statistics.median(x[1] for x in bare)
    return [
        f"backlog: {n:,} real entries ({sizes[0] / sizes[1]:,.0f} B payload on average, {wire_bytes / 2**20:.1f} MiB "
        f"on the wire in {len(bodies)} requests) to a local backend (SQLite); {pairs} interleaved pairs, a fresh "
        f"backend each run, the two runs of a pair back to back; load average {load0:.1f} -> {load1:.1f}",
        f"  SyncService.push_pending: median {s_med:.2f} s ({n / s_med:,.0f} entries/s) "
        f"{[round(x[0], 2) for x in synced]}; its own CPU median {s_cpu * 1000:.0f} ms",
        f"  bare httpx loop, same bytes: median {b_med:.2f} s {[round(x[0], 2) for x in bare]}; "
        f"its own CPU median {b_cpu * 1000:.0f} ms",
        f"  per-pair ratios bare/sync {[round(x, 2) for x in ratios]}",
        f"  ratio bare/sync = {statistics.median(ratios):.2f} (median of the pairs; target >= 0.8)",
    ]


# --- PostgreSQL ingest ----------------------------------------------------------------------------


def _real_entries(src: Path, count: int) -> list[tuple[str, str, str]]:
    """(ts, kind, payload) of the first `count` entries of the history, as written."""
    conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        return list(conn.execute("SELECT ts, kind, payload FROM journal ORDER BY seq LIMIT ?", (count,)))
    finally:
        conn.close()


def _chain(device: str, items: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """Real entries as one terminal's journal: its device id, fresh entry ids, its own hash chain."""
    out = []
    prev = GENESIS_HASH
    for seq, (ts, kind, payload) in enumerate(items, start=1):
        eid = str(uuid.uuid4())
        h = chain_hash(prev, entry_canonical_bytes(device, seq, eid, ts, kind, payload))
        out.append(
            {
                "device_id": device,
                "seq": seq,
                "id": eid,
                "ts": ts,
                "kind": kind,
                "payload": payload,
                "prev_hash": prev,
                "hash": h,
            }
        )
        prev = h
    return out


def _figures(kind: str, payload: str) -> tuple[str | None, int | None]:
    if kind == "sale.completed":
        doc = json.loads(payload)
        return str(doc["business_date"]), int(doc["totals"]["total"])
    if kind == "sale.refunded":
        doc = json.loads(payload)
        return str(doc["business_date"]), -int(doc["amount"])
    return None, None


async def _push_all(urls: list[str], work: list[tuple[str, Ed25519PrivateKey, list[bytes]]], conns: int) -> float:
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    clients = [httpx.AsyncClient(base_url=u, timeout=120, limits=limits) for u in urls]
    sem = asyncio.Semaphore(conns)

    async def terminal(i: int, tid: str, key: Ed25519PrivateKey, bodies: list[bytes]) -> None:
        path = f"{protocol.API}/terminals/{tid}/journal"
        nonce = ""
        for j, body in enumerate(bodies):
            client = clients[(i + j) % len(clients)]
            for _ in range(4):
                ts = datetime.now(UTC).isoformat(timespec="seconds")
                headers = {"Content-Type": "application/json"}
                headers.update(protocol.signed_headers(key, tid, "POST", path, body, timestamp=ts, nonce=nonce))
                try:
                    async with sem:
                        r = await client.post(path, content=body, headers=headers)
                except (httpx.ReadError, httpx.RemoteProtocolError):
                    # A kept-alive connection the server closed (uvicorn: 5 s idle) as we reused it: on a
                    # loaded machine a pooled connection can wait that long. Send again; if the first one
                    # was processed, its nonce is spent and the 401 below hands out a fresh one.
                    continue
                fresh = r.headers.get(protocol.HEADER_NONCE, "")
                if r.status_code == 401 and fresh and fresh != nonce:
                    nonce = fresh
                    continue
                nonce = fresh
                break
            r.raise_for_status()

    t0 = time.perf_counter()
    await asyncio.gather(*(terminal(i, tid, key, bodies) for i, (tid, key, bodies) in enumerate(work)))
    elapsed = time.perf_counter() - t0
    for c in clients:
        await c.aclose()
    return elapsed


async def _copy_all(db_url: str, batches: list[list[tuple[Any, ...]]], conns: int) -> float:
    import psycopg

    cols = (
        "terminal_id, seq, id, device_id, ts, kind, payload, prev_hash, hash, received_at, status, reason, detail, "
        "business_date, amount"
    )
    queue: asyncio.Queue[list[tuple[Any, ...]]] = asyncio.Queue()
    for b in batches:
        queue.put_nowait(b)
    connections = [await psycopg.AsyncConnection.connect(db_url) for _ in range(conns)]

    async def worker(conn: Any) -> None:
        while not queue.empty():
            rows = queue.get_nowait()
            async with (
                conn.transaction(),
                conn.cursor() as cur,
                cur.copy(f"COPY entries ({cols}) FROM STDIN") as copy,
            ):
                for row in rows:
                    await copy.write_row(row)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(c) for c in connections))
    elapsed = time.perf_counter() - t0
    for c in connections:
        await c.close()
    return elapsed


def postgres_ingest(terminals: int, batches: int, per: int, rounds: int, src: Path) -> list[str]:
    why = Postgres.available()
    if why:
        return [f"PostgreSQL ingest: skipped ({why})"]
    total = terminals * batches * per
    items = _real_entries(src, batches * per)
    chains = [_chain(f"BENCH-{i:03d}", items) for i in range(terminals)]
    payload_bytes = sum(len(p) for _, _, p in items) / len(items)
    base = Path(tempfile.mkdtemp(prefix="kiosk-bench-pg-"))
    pg = Postgres(base).start()
    lines: list[str] = []
    ingest_times: list[float] = []
    bare_times: list[float] = []
    try:

        def run_ingest(r: int, instances: int = 1) -> float:
            db = pg.create_db(f"ingest{r}x{instances}")
            servers = [BackendProcess(db, test_clock=False).start() for _ in range(instances)]
            try:
                work = []
                with httpx.Client(base_url=servers[0].url, timeout=30) as client:
                    for i, chain in enumerate(chains):
                        tid, key = _enroll_bare(client, db, f"BENCH-{i:03d}")
                        bodies = [
                            json.dumps(
                                {"entries": chain[k : k + per]}, ensure_ascii=False, separators=(",", ":")
                            ).encode()
                            for k in range(0, len(chain), per)
                        ]
                        work.append((tid, key, bodies))
                elapsed = asyncio.run(_push_all([s.url for s in servers], work, conns=50))
                engine = make_engine(db)
                with engine.connect() as conn:
                    stored = conn.exec_driver_sql("SELECT count(*) FROM entries WHERE status = 'stored'").scalar()
                engine.dispose()
                assert stored == total, f"{stored} of {total} entries stored"
                return elapsed
            finally:
                for s in servers:
                    s.stop()

        def bare_rows() -> list[list[tuple[Any, ...]]]:
            now = datetime.now(UTC).isoformat(timespec="microseconds")
            rows: list[list[tuple[Any, ...]]] = []
            for i, chain in enumerate(chains):
                tid = f"t{i:031d}"
                for k in range(0, len(chain), per):
                    rows.append(
                        [
                            (
                                tid,
                                e["seq"],
                                e["id"],
                                e["device_id"],
                                e["ts"],
                                e["kind"],
                                e["payload"],
                                e["prev_hash"],
                                e["hash"],
                                now,
                                "stored",
                                "",
                                "",
                                *_figures(e["kind"], e["payload"]),
                            )
                            for e in chain[k : k + per]
                        ]
                    )
            return rows

        def run_bare(r: int) -> float:
            db = pg.create_db(f"bare{r}")
            engine = make_engine(db)
            migrate(engine)
            engine.dispose()
            return asyncio.run(_copy_all(db, bare_rows(), conns=30))

        def run_insert(r: int) -> float:
            """The backend's own way of writing rows (SQLAlchemy executemany), without HTTP or checks."""
            from concurrent.futures import ThreadPoolExecutor

            from backend.db import entries

            db = pg.create_db(f"insert{r}")
            engine = make_engine(db)
            migrate(engine)
            keys = [c.name for c in entries.columns]  # the order of the rows' fields
            batches_rows = [[dict(zip(keys, row, strict=False)) for row in b] for b in bare_rows()]

            def one(rows: list[dict[str, Any]]) -> None:
                with engine.begin() as conn:
                    conn.execute(entries.insert(), rows)

            t0 = time.perf_counter()
            with ThreadPoolExecutor(10) as pool:
                list(pool.map(one, batches_rows))
            took = time.perf_counter() - t0
            engine.dispose()
            return took

        insert_times: list[float] = []
        for r in range(rounds):
            if r % 2 == 0:
                ingest_times.append(run_ingest(r))
                bare_times.append(run_bare(r))
                insert_times.append(run_insert(r))
            else:
                insert_times.append(run_insert(r))
                bare_times.append(run_bare(r))
                ingest_times.append(run_ingest(r))
        a, b = statistics.median(ingest_times), statistics.median(bare_times)
        c = statistics.median(insert_times)
        lines.append(
            f"PostgreSQL ingest, 1 instance, {terminals} terminals x {batches} batches x {per} real entries "
            f"({payload_bytes:,.0f} B payload on average): median {a:.1f} s = {total / a:,.0f} entries/s "
            f"{[round(x, 1) for x in ingest_times]}"
        )
        lines.append(
            f"  bare COPY of the same rows into the same table, one transaction a batch, 30 connections: median "
            f"{b:.1f} s = {total / b:,.0f} rows/s {[round(x, 1) for x in bare_times]}; "
            f"ratio bare/ingest = {b / a:.2f} (target >= 0.5)"
        )
        lines.append(
            f"  the same rows through SQLAlchemy executemany (the backend's insert, no HTTP, no checks), 10 "
            f"connections: median {c:.1f} s = {total / c:,.0f} rows/s {[round(x, 1) for x in insert_times]}"
        )
        two = run_ingest(99, instances=2)
        lines.append(
            f"PostgreSQL ingest, 2 instances on one database (round-robin): {total / two:,.0f} entries/s "
            f"({total / two / 2:,.0f} per instance)"
        )
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    return lines


def main(quick: bool = False, backlog_only: bool = False, pairs: int | None = None) -> list[str]:
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-sync-") as tmp:
        work = Path(tmp)
        src = _journal_source(quick, work)
        lines += backlog(2_000 if quick else 10_000, work, pairs or (2 if quick else 9), src)
        for line in lines:
            print(line, flush=True)
        if backlog_only:
            return lines
        pg_lines = postgres_ingest(40 if quick else 200, 2 if quick else 5, 100, 1 if quick else 3, src)
    for line in pg_lines:
        print(line, flush=True)
    need = 100_000 * 200 / 86_400
    tail = (
        f"fleet need (DESIGN 8): 100,000 terminals x 200 entries/day = {need:,.0f} entries/s average, "
        f"{need * 10:,.0f} entries/s at a x10 lunch peak"
    )
    print(tail, flush=True)
    return [*lines, *pg_lines, tail]


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    args = sys.argv[1:]
    main(
        quick="--quick" in args,
        backlog_only="--backlog" in args,
        pairs=int(args[args.index("--pairs") + 1]) if "--pairs" in args else None,
    )
