"""PostgreSQL: two backend instances on one database receiving the same terminal's pushes concurrently
still store every entry exactly once; the batch insert keeps every row as ingest decided it."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from kiosk.protocol import chain_hash, entry_canonical_bytes
from kiosk.sync.keys import key_path, load_key
from kiosk.sync.service import BackendUnavailable
from tests.backend.servers import BackendProcess, Postgres
from tests.backend.signing import signed
from tests.sync.helpers import Terminal, local_entries, same_journal, server_entries, terminal

SALE_COMPLETED = "sale.completed"

pytestmark = pytest.mark.postgres


def test_two_instances_same_terminal_concurrent_pushes_exactly_once(postgres: Postgres, tmp_path: Path) -> None:
    url = postgres.create_db("twoinst")
    with BackendProcess(url) as a, BackendProcess(url) as b:
        ta = Terminal(tmp_path / "k", a.url, batch_size=50)
        try:
            ta.enroll(url)
            ta.bulk(3000)
            ta.sell(5)
            # A second client for the same terminal (same ledger and key) talking to instance b:
            # what a load balancer does with a retry that lands elsewhere.
            tb = Terminal(tmp_path / "k", b.url, batch_size=50)
            errors: list[BaseException] = []

            def run(t: Terminal) -> None:
                for _ in range(3):
                    try:
                        t.service.push_pending()
                        return
                    except BackendUnavailable as exc:  # pragma: no cover - reported below if it persists
                        errors.append(exc)

            try:
                threads = [threading.Thread(target=run, args=(t,)) for t in (ta, tb)]
                for th in threads:
                    th.start()
                for th in threads:
                    th.join(120)
                assert not errors
                remote = server_entries(a.url, ta.terminal_id)
                assert [e["seq"] for e in remote] == list(range(1, 3006))
                assert same_journal(local_entries(ta.ledger), remote)
                assert all(e["status"] == "stored" for e in remote)
                assert server_entries(b.url, ta.terminal_id) == remote
            finally:
                tb.close()
        finally:
            ta.close()


def _wire(
    device: str, seq: int, prev: str, kind: str = "test.event", payload: str = '{"i":1}', eid: str = ""
) -> dict[str, Any]:
    eid = eid or f"00000000-0000-7000-8000-{seq:012d}"
    ts = "2026-11-21T03:00:00.000000+00:00"
    h = chain_hash(prev, entry_canonical_bytes(device, seq, eid, ts, kind, payload))
    return {"device_id": device, "seq": seq, "id": eid, "ts": ts, "kind": kind, "payload": payload,
            "prev_hash": prev, "hash": h}  # fmt: skip


def test_sale_figures_no_terminal_writes_are_stored_without_them_never_a_server_error(
    postgres: Postgres, tmp_path: Path
) -> None:
    """A sale or refund whose payload is sound in the chain but holds figures no terminal writes (a total past
    any number, nesting too deep for a JSON parser, a fraction, a date that is not one, an amount as text) is
    stored like any entry, without a business date and amount for the daily totals: before, the first two
    were a server error for the whole push, and the push was sent again and again."""
    url = postgres.create_db("ingestfigures")
    with BackendProcess(url) as server, terminal(tmp_path, server.url, url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        payloads = [
            (SALE_COMPLETED, '{"business_date":"2026-11-21","totals":{"total":1e400}}'),
            (SALE_COMPLETED, '{"business_date":"2026-11-21","totals":' + "[" * 5000 + "]" * 5000 + "}"),
            (SALE_COMPLETED, "[" * 100_000),
            (SALE_COMPLETED, '{"business_date":"2026-11-21","totals":{"total":12.5}}'),
            (SALE_COMPLETED, '{"business_date":"2026-11-21 and then some","totals":{"total":100}}'),
            ("sale.refunded", '{"business_date":"2026-11-21","amount":"100"}'),
            ("sale.refunded", '{"business_date":"2026-11-21","amount":300}'),
        ]
        batch: list[dict[str, Any]] = []
        for kind, payload in payloads:
            batch.append(_wire("TEST-01", len(batch) + 1, str(batch[-1]["hash"]) if batch else "0" * 64, kind, payload))
        reply, _ = signed(
            server.url, key, tid, "POST", f"/v1/terminals/{tid}/journal", json.dumps({"entries": batch}).encode()
        )
        assert reply.status_code == 200, reply.text
        assert (reply.json()["stored"], reply.json()["rejected"]) == (7, [])
        rows = {r["seq"]: r for r in server_entries(server.url, tid)}
        assert [(rows[s]["business_date"], rows[s]["amount"]) for s in range(1, 7)] == [(None, None)] * 6
        assert (rows[7]["business_date"], rows[7]["amount"]) == ("2026-11-21", -300)


def test_ingest_on_postgres_stores_refused_entries_in_place_and_sale_figures(
    postgres: Postgres, tmp_path: Path
) -> None:
    """The batch insert (COPY on PostgreSQL) keeps what ingest decided for every row: stored entries with
    the sale's business date and amount, an edited entry kept as rejected with its reason, an entry whose
    id is taken kept without the id; a replay of the batch only counts duplicates."""
    url = postgres.create_db("ingestrows")
    with BackendProcess(url) as server, terminal(tmp_path, server.url, url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        sale = json.dumps({"business_date": "2026-11-21", "totals": {"total": 6700}}, separators=(",", ":"))
        batch = [_wire("TEST-01", 1, "0" * 64, SALE_COMPLETED, sale)]
        batch.append(_wire("TEST-01", 2, str(batch[-1]["hash"])))
        edited = _wire("TEST-01", 3, str(batch[-1]["hash"]))
        batch.append({**edited, "payload": '{"i":2}'})  # content changed after it was hashed
        batch.append(_wire("TEST-01", 4, str(edited["hash"]), eid=str(batch[0]["id"])))  # id already taken
        batch.append(_wire("TEST-01", 5, str(batch[-1]["hash"])))
        body = json.dumps({"entries": batch}).encode()
        path = f"/v1/terminals/{tid}/journal"
        reply, _ = signed(server.url, key, tid, "POST", path, body)
        assert reply.status_code == 200, reply.text
        doc = reply.json()
        assert (doc["ack_seq"], doc["ack_hash"], doc["stored"]) == (5, batch[-1]["hash"], 3)
        assert [(r["seq"], r["reason"]) for r in doc["rejected"]] == [(3, "hash_mismatch"), (4, "duplicate_id")]
        rows = {r["seq"]: r for r in server_entries(server.url, tid)}
        assert [rows[s]["status"] for s in range(1, 6)] == ["stored", "stored", "rejected", "rejected", "stored"]
        assert (rows[1]["business_date"], rows[1]["amount"]) == ("2026-11-21", 6700)
        assert rows[2]["business_date"] is None and rows[2]["amount"] is None
        assert (
            rows[3]["id"] == batch[2]["id"] and rows[3]["payload"] == '{"i":2}' and rows[3]["reason"] == "hash_mismatch"
        )
        assert rows[4]["id"] is None and rows[4]["reason"] == "duplicate_id" and rows[4]["detail"]
        again, _ = signed(server.url, key, tid, "POST", path, body)
        assert again.status_code == 200, again.text
        assert (again.json()["stored"], again.json()["duplicates"], again.json()["ack_seq"]) == (0, 5, 5)
        assert len(server_entries(server.url, tid)) == 5
