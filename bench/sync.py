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
   migrations, one COPY per batch in its own transaction, 30 connections (the backend's pool); and the
   target's other baseline, one multi-row INSERT per batch the same way. Rounds interleaved A B, B A,
   A B; ratio = bare time / ingest time (target >= 0.5). Then two instances on
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
REPO_ROOT = Path(__file__).resolve().parents[1]


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


class _Http:
    """A lean keep-alive HTTP/1.1 connection for the load generator (asyncio streams, no client library):
    the load generator shares the 2 cores with the backend and PostgreSQL, and httpx cost ~7 ms of CPU a
    request (~40 % of the CPU of a run, more than PostgreSQL's), where the bare COPY's client costs
    nearly nothing. What the server receives is byte for byte what httpx sent it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        head = [f"POST {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        try:
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
            await writer.drain()
            raw = await reader.readuntil(b"\r\n\r\n")
            lines = raw.decode("latin-1").split("\r\n")
            got = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
            data = await reader.readexactly(int(got.get("content-length", "0")))
        except (OSError, asyncio.IncompleteReadError):
            self.close()
            raise
        if got.get("connection", "").lower() == "close":
            self.close()
        return int(lines[0].split()[1]), got, data

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def _push_all(urls: list[str], work: list[tuple[str, Ed25519PrivateKey, list[bytes], str]], conns: int) -> float:
    """Every terminal pushes its batches in order, each signed with the nonce of the reply before (the
    first with the nonce its enrolment got, as a kiosk in service always holds one), over `conns`
    kept-alive connections in all, spread over the instances round-robin."""
    pools: list[asyncio.Queue[_Http]] = []
    for u in urls:
        host, port = httpx.URL(u).host, httpx.URL(u).port or 80
        pool: asyncio.Queue[_Http] = asyncio.Queue()
        for _ in range(max(1, conns // len(urls))):
            pool.put_nowait(_Http(host, port))
        pools.append(pool)

    async def terminal(i: int, tid: str, key: Ed25519PrivateKey, bodies: list[bytes], nonce: str) -> None:
        path = f"{protocol.API}/terminals/{tid}/journal"
        for j, body in enumerate(bodies):
            pool = pools[(i + j) % len(pools)]
            for _ in range(4):
                ts = datetime.now(UTC).isoformat(timespec="seconds")
                headers = {"Content-Type": "application/json"}
                headers.update(protocol.signed_headers(key, tid, "POST", path, body, timestamp=ts, nonce=nonce))
                conn = await pool.get()
                try:
                    status, got, data = await conn.post(path, headers, body)
                except (OSError, asyncio.IncompleteReadError):
                    # A kept-alive connection the server closed (uvicorn: 5 s idle) as we reused it. Send
                    # again; if the first one was processed, its nonce is spent and the 401 below hands
                    # out a fresh one.
                    continue
                finally:
                    pool.put_nowait(conn)
                fresh = got.get(protocol.HEADER_NONCE.lower(), "")
                if status == 401 and fresh and fresh != nonce:
                    nonce = fresh
                    continue
                nonce = fresh
                break
            if status != 200:
                raise RuntimeError(f"push of {tid} batch {j}: HTTP {status} {data[:300]!r}")

    t0 = time.perf_counter()
    await asyncio.gather(*(terminal(i, *w) for i, w in enumerate(work)))
    elapsed = time.perf_counter() - t0
    for pool in pools:
        while not pool.empty():
            pool.get_nowait().close()
    return elapsed


# The `entries` columns the bare baselines write, in the order of `_bare_rows`' tuples.
ENTRY_COLUMNS = (
    "terminal_id, seq, id, device_id, ts, kind, payload, prev_hash, hash, received_at, status, reason, detail, "
    "business_date, amount"
)


async def _write_all(
    db_url: str, batches: list[list[tuple[Any, ...]]], conns: int, write: Callable[[Any, list[tuple[Any, ...]]], Any]
) -> float:
    """Seconds to write every batch with `write(cursor, rows)`, each batch in its own transaction, over `conns`
    connections taking batches from one queue."""
    import psycopg

    queue: asyncio.Queue[list[tuple[Any, ...]]] = asyncio.Queue()
    for b in batches:
        queue.put_nowait(b)
    connections = [await psycopg.AsyncConnection.connect(db_url) for _ in range(conns)]

    async def worker(conn: Any) -> None:
        while not queue.empty():
            rows = queue.get_nowait()
            async with conn.transaction(), conn.cursor() as cur:
                await write(cur, rows)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(c) for c in connections))
    elapsed = time.perf_counter() - t0
    for c in connections:
        await c.close()
    return elapsed


async def _copy_all(db_url: str, batches: list[list[tuple[Any, ...]]], conns: int) -> float:
    """The bare baseline: one COPY a batch."""

    async def copy_rows(cur: Any, rows: list[tuple[Any, ...]]) -> None:
        async with cur.copy(f"COPY entries ({ENTRY_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                await copy.write_row(row)

    return await _write_all(db_url, batches, conns, copy_rows)


async def _multirow_all(db_url: str, batches: list[list[tuple[Any, ...]]], conns: int) -> float:
    """The other bare baseline the target names: one multi-row INSERT a batch."""
    width = ENTRY_COLUMNS.count(",") + 1
    statements = {  # one text per batch size, made untimed (a driver would prepare it once)
        n: f"INSERT INTO entries ({ENTRY_COLUMNS}) VALUES " + ",".join(["(" + ",".join(["%s"] * width) + ")"] * n)
        for n in {len(b) for b in batches}
    }

    async def insert_rows(cur: Any, rows: list[tuple[Any, ...]]) -> None:
        await cur.execute(statements[len(rows)], [v for row in rows for v in row])

    return await _write_all(db_url, batches, conns, insert_rows)


def _enrolled_work(url: str, db: str, chains: list[list[dict[str, Any]]], per: int) -> list[Any]:
    """Enroll every benchmark terminal; its request bodies (batches of `per` of its chain), built untimed."""
    work = []
    with httpx.Client(base_url=url, timeout=30) as client:
        for i, chain in enumerate(chains):
            tid, key = _enroll_bare(client, db, f"BENCH-{i:03d}")
            bodies = [
                json.dumps({"entries": chain[k : k + per]}, ensure_ascii=False, separators=(",", ":")).encode()
                for k in range(0, len(chain), per)
            ]
            # The terminal's first nonce (a signed request without one is answered 401 with one).
            path = f"{protocol.API}/terminals/{tid}/journal/ack"
            ts = datetime.now(UTC).isoformat(timespec="seconds")
            r = client.get(path, headers=protocol.signed_headers(key, tid, "GET", path, b"", timestamp=ts, nonce=""))
            nonce = r.headers.get(protocol.HEADER_NONCE, "")
            assert r.status_code == 401 and nonce, r.text
            work.append((tid, key, bodies, nonce))
    return work


def _expected(chain: list[dict[str, Any]]) -> tuple[int, str, str, int]:
    """What a terminal's stored chain must show: count, head hash, MD5 of its payloads in order, sales total."""
    import hashlib

    md5 = hashlib.md5(usedforsecurity=False)
    total = 0
    for e in chain:
        md5.update(e["payload"].encode())
        total += _figures(e["kind"], e["payload"])[1] or 0
    return len(chain), chain[-1]["hash"], md5.hexdigest(), total


def _verify_stored(db: str, chains: list[list[dict[str, Any]]], by: str) -> None:
    """After a run, untimed: every terminal's rows are its own chain, stored, in order, unchanged (count,
    hashes linked seq by seq, the head hash, the payloads' MD5, the sale amounts extracted)."""
    import psycopg

    want = {chain[0]["device_id"]: _expected(chain) for chain in chains}
    key = "device_id" if by == "device" else "terminal_id"
    with psycopg.connect(db) as conn:
        got = conn.execute(
            f"""SELECT min(device_id), count(*), count(*) FILTER (WHERE status = 'stored'),
                  (array_agg(hash ORDER BY seq DESC))[1], md5(string_agg(payload, '' ORDER BY seq)),
                  coalesce(sum(amount), 0), max(seq)
                FROM entries GROUP BY {key}"""
        ).fetchall()
        broken = conn.execute(
            """SELECT count(*) FROM entries e JOIN entries p
                 ON p.terminal_id = e.terminal_id AND p.seq = e.seq - 1 WHERE e.prev_hash <> p.hash"""
        ).fetchone()[0]  # type: ignore[index]
    assert len(got) == len(want), f"{len(got)} terminals stored, {len(want)} pushed"
    for device, n, stored, head, md5, amount, top in got:
        exp = want[device]
        assert (n, stored, top, head, md5, int(amount)) == (exp[0], exp[0], exp[0], exp[1], exp[2], exp[3]), device
    assert broken == 0, f"{broken} rows not linked to the row before"


def _cpu_of(pids: list[int], reaped: bool = False) -> float:
    """CPU seconds (user + system, all threads) the processes have used so far; `reaped`: the first one's
    ended children too (PostgreSQL's postmaster: the connections closed meanwhile)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for i, pid in enumerate(pids):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
        if reaped and i == 0:
            total += (int(fields[13]) + int(fields[14])) / tick
    return total


def _children(root: int) -> list[int]:
    """`root` and the processes it started (PostgreSQL's connections, a backend's worker processes)."""
    pids = [root]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == root:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return pids


def _postgres_pids(pg: Postgres) -> list[int]:
    """The cluster's postmaster and every process it started (the connections' backends among them)."""
    return _children(pg.pid())


def _ingest_once(
    pg: Postgres,
    name: str,
    chains: list[list[dict[str, Any]]],
    per: int,
    instances: int = 1,
    repo: Path | None = None,
    cpu: dict[str, list[float]] | None = None,
) -> float:
    """One timed ingest of every chain into a fresh database through `instances` backends (of `repo`'s
    code: another checkout for an A/B), then the stored rows checked. `cpu` collects the CPU seconds the
    backend, PostgreSQL and the load generator used during the timed part."""
    db = pg.create_db(name)
    servers = [BackendProcess(db, test_clock=False, repo=repo).start() for _ in range(instances)]
    try:
        work = _enrolled_work(servers[0].url, db, chains, per)
        backend_pids = [p for s in servers if s.proc is not None for p in _children(s.proc.pid)]
        before = (_cpu_of(backend_pids), _cpu_of(_postgres_pids(pg), True), time.process_time())
        elapsed = asyncio.run(_push_all([s.url for s in servers], work, conns=50))
        after = (_cpu_of(backend_pids), _cpu_of(_postgres_pids(pg), True), time.process_time())
        if cpu is not None:
            for k, a, b in zip(("backend", "postgres", "load"), before, after, strict=True):
                cpu.setdefault(k, []).append(b - a)
    finally:
        for s in servers:
            s.stop()
    _verify_stored(db, chains, "terminal")
    return elapsed


def _bare_rows(chains: list[list[dict[str, Any]]], per: int) -> list[list[tuple[Any, ...]]]:
    """The rows as the backend stores them, one list a batch (built untimed)."""
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


def _bare_once(
    pg: Postgres, name: str, chains: list[list[dict[str, Any]]], per: int, cpu: dict[str, list[float]] | None = None
) -> float:
    db = pg.create_db(name)
    engine = make_engine(db)
    migrate(engine)
    engine.dispose()
    rows = _bare_rows(chains, per)
    before = (_cpu_of(_postgres_pids(pg), True), time.process_time())
    took = asyncio.run(_copy_all(db, rows, conns=30))
    after = (_cpu_of(_postgres_pids(pg), True), time.process_time())
    if cpu is not None:
        for k, a, b in zip(("postgres", "load"), before, after, strict=True):
            cpu.setdefault(k, []).append(b - a)
    _verify_stored(db, chains, "device")
    return took


def _multirow_once(pg: Postgres, name: str, chains: list[list[dict[str, Any]]], per: int) -> float:
    db = pg.create_db(name)
    engine = make_engine(db)
    migrate(engine)
    engine.dispose()
    took = asyncio.run(_multirow_all(db, _bare_rows(chains, per), conns=30))
    _verify_stored(db, chains, "device")
    return took


def _insert_once(pg: Postgres, name: str, chains: list[list[dict[str, Any]]], per: int) -> float:
    """The backend's old way of writing rows (SQLAlchemy executemany), without HTTP or checks."""
    from concurrent.futures import ThreadPoolExecutor

    from backend.db import entries

    db = pg.create_db(name)
    engine = make_engine(db)
    migrate(engine)
    keys = [c.name for c in entries.columns]  # the order of the rows' fields
    batches_rows = [[dict(zip(keys, row, strict=False)) for row in b] for b in _bare_rows(chains, per)]

    def one(rows: list[dict[str, Any]]) -> None:
        with engine.begin() as conn:
            conn.execute(entries.insert(), rows)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(one, batches_rows))
    took = time.perf_counter() - t0
    engine.dispose()
    return took


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


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
    insert_times: list[float] = []
    multirow_times: list[float] = []
    loads: list[str] = []
    try:
        for r in range(rounds):
            loads.append(_load())
            if r % 2 == 0:
                ingest_times.append(_ingest_once(pg, f"ingest{r}", chains, per))
                bare_times.append(_bare_once(pg, f"bare{r}", chains, per))
                multirow_times.append(_multirow_once(pg, f"multirow{r}", chains, per))
                insert_times.append(_insert_once(pg, f"insert{r}", chains, per))
            else:
                insert_times.append(_insert_once(pg, f"insert{r}", chains, per))
                multirow_times.append(_multirow_once(pg, f"multirow{r}", chains, per))
                bare_times.append(_bare_once(pg, f"bare{r}", chains, per))
                ingest_times.append(_ingest_once(pg, f"ingest{r}", chains, per))
        a, c = statistics.median(ingest_times), statistics.median(insert_times)

        def against(label: str, times: list[float], target: str = "") -> str:
            t = statistics.median(times)
            per_round = [round(y / x, 2) for x, y in zip(ingest_times, times, strict=True)]
            return (
                f"  {label}, 30 connections: median {t:.2f} s = {total / t:,.0f} rows/s "
                f"{[round(x, 2) for x in times]}; ratio bare/ingest = {t / a:.2f} (per round {per_round}{target})"
            )

        lines.append(
            f"PostgreSQL ingest, 1 instance, {terminals} terminals x {batches} batches x {per} real entries "
            f"({payload_bytes:,.0f} B payload on average; rows checked after each run): median {a:.2f} s = "
            f"{total / a:,.0f} entries/s {[round(x, 2) for x in ingest_times]} ({', '.join(loads)} at each round)"
        )
        lines.append(
            against(
                "bare COPY of the same rows into the same table, one transaction a batch", bare_times, "; target >= 0.5"
            )
        )
        lines.append(
            against("bare multi-row INSERT of the same rows (one statement and transaction a batch)", multirow_times)
        )
        lines.append(
            f"  the same rows through SQLAlchemy executemany (no HTTP, no checks), 10 "
            f"connections: median {c:.2f} s = {total / c:,.0f} rows/s {[round(x, 2) for x in insert_times]}"
        )
        two = _ingest_once(pg, "ingest2x", chains, per, instances=2)
        lines.append(
            f"PostgreSQL ingest, 2 instances on one database (round-robin): {total / two:,.0f} entries/s "
            f"({total / two / 2:,.0f} per instance)"
        )
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    return lines


def postgres_ab(other: Path, terminals: int, batches: int, per: int, rounds: int, src: Path) -> list[str]:
    """A/B of the backend alone: the same load generator and rows against `other`'s backend code (A, e.g.
    the main checkout) and this checkout's (B), with the bare COPY between them, the order alternating
    (A bare B, B bare A, ...), each run on a fresh database with its rows checked."""
    why = Postgres.available()
    if why:
        return [f"PostgreSQL A/B: skipped ({why})"]
    total = terminals * batches * per
    items = _real_entries(src, batches * per)
    chains = [_chain(f"BENCH-{i:03d}", items) for i in range(terminals)]
    base = Path(tempfile.mkdtemp(prefix="kiosk-bench-pgab-"))
    pg = Postgres(base).start()
    times: dict[str, list[float]] = {"A": [], "B": [], "bare": []}
    cpu: dict[str, dict[str, list[float]]] = {"A": {}, "B": {}, "bare": {}}
    loads: list[str] = []
    try:
        for r in range(rounds):
            loads.append(_load())
            order = ["A", "bare", "B"] if r % 2 == 0 else ["B", "bare", "A"]
            for which in order:
                if which == "bare":
                    times[which].append(_bare_once(pg, f"bare{r}", chains, per, cpu=cpu[which]))
                else:
                    repo = other if which == "A" else None
                    took = _ingest_once(pg, f"ingest{which}{r}", chains, per, repo=repo, cpu=cpu[which])
                    times[which].append(took)
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    lines = [
        f"PostgreSQL ingest A/B, {terminals} x {batches} x {per} real entries, {rounds} rounds ({', '.join(loads)})"
    ]
    for k, label in (("A", f"A {other}"), ("B", f"B {REPO_ROOT}"), ("bare", "bare COPY")):
        lines.append(
            f"  {label}: median {med[k]:.2f} s = {total / med[k]:,.0f} /s {[round(x, 2) for x in times[k]]}"
            + ("" if k == "bare" else f"; bare/ingest {med['bare'] / med[k]:.2f}")
        )
        used = ", ".join(f"{what} {statistics.median(v):.1f} s" for what, v in cpu[k].items())
        lines.append(f"    CPU during the timed part (medians): {used}")
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
    if len(args) > 1 and args[0] == "--ab":
        # python -m bench.sync --ab /work/main [rounds]: this checkout's backend against another's
        from bench import history

        n = int(args[2]) if len(args) > 2 else 3
        for line in postgres_ab(Path(args[1]), 200, 5, 100, n, history.one_year()):
            print(line, flush=True)
    else:
        main(
            quick="--quick" in args,
            backlog_only="--backlog" in args,
            pairs=int(args[args.index("--pairs") + 1]) if "--pairs" in args else None,
        )
