"""Push, acknowledgement, quarantine and key handling against a real backend process."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from app.cli import main as kiosk_main
from kiosk.protocol import chain_hash, entry_canonical_bytes
from kiosk.sync.keys import key_path
from kiosk.sync.service import BackendRefused, BackendUnavailable, SyncService
from kiosk.sync.worker import SyncWorker
from tests.backend.servers import BackendProcess, free_port, wait_until
from tests.ledger.helpers import open_ledger
from tests.sync.helpers import Terminal, local_entries, same_journal, server_entries, terminal


def db_url(server: BackendProcess) -> str:
    return server.db_url


def test_sales_arrive_exactly_once_and_resending_only_counts_duplicates(
    backend_server: BackendProcess, tmp_path: Path
) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url, batch_size=7) as t:
        t.sell(20)
        status = t.service.sync_once()
        assert status.state == "synced" and status.pending == 0 and status.acked_seq == 20
        remote = server_entries(backend_server.url, t.terminal_id)
        assert same_journal(local_entries(t.ledger), remote)
        assert all(e["status"] == "stored" for e in remote)

        # The ack was lost: the kiosk forgets it and sends everything again.
        t.service._update(acked_seq=0)
        t.service.sync_once()
        assert len(server_entries(backend_server.url, t.terminal_id)) == 20
        assert t.service.status().acked_seq == 20

        totals = httpx.get(
            f"{backend_server.url}/v1/fleet/terminals/{t.terminal_id}/daily-totals",
            headers=backend_server.operator_headers,
        ).json()
        assert sum(d["sale_count"] for d in totals) == 20
        assert sum(d["gross"] for d in totals) == sum(
            __import__("json").loads(e["payload"])["totals"]["total"] for e in local_entries(t.ledger)
        )


def _edit_entry(db: Path, seq: int, payload: str, *, rehash: bool) -> None:
    """What an attacker with the file does: drop the guard trigger and edit a journal row."""
    con = sqlite3.connect(db)
    trig = con.execute("SELECT sql FROM sqlite_master WHERE name='journal_no_update'").fetchone()[0]
    con.execute("DROP TRIGGER journal_no_update")
    row = con.execute("SELECT device_id, seq, id, ts, kind, prev_hash FROM journal WHERE seq=?", (seq,)).fetchone()
    new_hash = chain_hash(row[5], entry_canonical_bytes(row[0], row[1], row[2], row[3], row[4], payload))
    if rehash:
        con.execute("UPDATE journal SET payload=?, hash=? WHERE seq=?", (payload, new_hash, seq))
    else:
        con.execute("UPDATE journal SET payload=? WHERE seq=?", (payload, seq))
    con.execute(trig)
    con.commit()
    con.close()


@pytest.mark.parametrize(("rehash", "bad_seq", "reason"), [(False, 3, "hash_mismatch"), (True, 4, "chain_broken")])
def test_tampered_entry_is_quarantined_with_a_reason_and_the_queue_moves_on(
    backend_server: BackendProcess, tmp_path: Path, rehash: bool, bad_seq: int, reason: str
) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        t.bulk(6)
        _edit_entry(tmp_path / "ledger.sqlite3", 3, '{"i":999}', rehash=rehash)
        status = t.service.sync_once()
        assert status.acked_seq == 6 and status.pending == 0
        assert [(q.seq, q.reason) for q in status.quarantined] == [(bad_seq, reason)]
        assert t.events and t.events[0].detail == "entry_quarantined" and "kiosk ledger verify" in t.events[0].message
        remote = {e["seq"]: e for e in server_entries(backend_server.url, t.terminal_id)}
        assert remote[bad_seq]["status"] == "rejected" and remote[bad_seq]["reason"] == reason
        assert [s for s, e in remote.items() if e["status"] == "stored"] == [s for s in range(1, 7) if s != bad_seq]
        fleet = httpx.get(
            f"{backend_server.url}/v1/fleet/terminals/{t.terminal_id}", headers=backend_server.operator_headers
        ).json()
        assert fleet["rejected"] == 1


def test_wrong_signature_is_refused_and_nothing_is_stored(backend_server: BackendProcess, tmp_path: Path) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        t.bulk(3)
        path = key_path(tmp_path / "data")
        path.unlink()
        other = Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, other)
        os.close(fd)
        with pytest.raises(BackendRefused, match="bad signature"):
            t.service.sync_once()
        status = t.service.status()
        assert status.state == "pending" and status.pending == 3 and "bad signature" in status.last_error
        assert server_entries(backend_server.url, t.terminal_id) == []


def test_private_key_is_0600_and_never_in_the_database(backend_server: BackendProcess, tmp_path: Path) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        t.sell(2)
        t.service.sync_once()
        path = key_path(tmp_path / "data")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        from kiosk.sync.keys import load_key

        raw = load_key(path).private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        import base64

        for f in tmp_path.glob("ledger.sqlite3*"):
            data = f.read_bytes()
            assert raw not in data and base64.b64encode(raw) not in data and b"PRIVATE KEY" not in data
    backend_files = Path(backend_server.db_url.removeprefix("sqlite:///")).parent.glob("*")
    for f in backend_files:
        if f.is_file():
            assert raw not in f.read_bytes() and base64.b64encode(raw) not in f.read_bytes()


def test_a_week_offline_10000_entries_all_arrive_in_order(backend_server: BackendProcess, tmp_path: Path) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        t.sell(3)
        t.bulk(10_000)
        t.sell(3)
        assert t.service.status().pending == 10_006
        t.service.sync_once()
        remote = server_entries(backend_server.url, t.terminal_id)
        assert [e["seq"] for e in remote] == list(range(1, 10_007))
        assert same_journal(local_entries(t.ledger), remote)


def test_worker_shows_offline_then_catches_up_when_the_backend_comes_back(tmp_path: Path) -> None:
    server = BackendProcess(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    with server:
        t = Terminal(tmp_path / "k", server.url, timeout=2.0)
        try:
            t.enroll(server.db_url)
            t.sell(5)
            server.stop()
            worker = SyncWorker(t.service, interval=0.05, backoff_base=0.05, backoff_cap=0.2)
            worker.start()
            try:
                st = wait_until(lambda: (s := worker.status()).state == "offline" and s, what="offline state")
                assert st.pending == 5 and st.offline_since and "unreachable" in st.last_error
                assert "오프라인" in st.summary()
                t.sell(2)  # selling goes on while offline
                server.start()
                st = wait_until(lambda: (s := worker.status()).state == "synced" and s, what="synced state")
                assert st.acked_seq == 7 and not st.offline_since
            finally:
                worker.stop()
            assert same_journal(local_entries(t.ledger), server_entries(server.url, t.terminal_id))
        finally:
            t.close()


def test_kiosk_cli_enroll_sync_once_and_status(
    backend_server: BackendProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sync.helpers import issue_code

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "ledger.sqlite3"
    open_ledger(db).close()  # read-only commands never create a ledger: the kiosk has one already
    assert kiosk_main(["sync", "status", "--db", str(db)]) == 0
    assert "등록 전" in capsys.readouterr().out
    code = issue_code(backend_server.db_url)
    assert (
        kiosk_main(
            [
                "enroll",
                "--db",
                str(db),
                "--backend",
                backend_server.url,
                "--code",
                code,
                "--business-number",
                "120-81-47521",
            ]
        )
        == 0
    )
    assert "등록 완료" in capsys.readouterr().out
    assert kiosk_main(["enroll", "--db", str(db), "--backend", backend_server.url, "--code", "WRONG-CODE"]) == 1
    assert "등록 코드가 올바르지 않습니다" in capsys.readouterr().err
    assert kiosk_main(["sync", "--once", "--db", str(db)]) == 0
    assert "동기화 완료" in capsys.readouterr().out
    assert kiosk_main(["sync", "status", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "동기화 완료" in out and "terminal: T" in out


def test_unreachable_backend_is_reported_not_raised_as_a_traceback(tmp_path: Path) -> None:
    t = Terminal(tmp_path, f"http://127.0.0.1:{free_port()}", timeout=1.0)
    try:
        with pytest.raises(BackendUnavailable, match="backend unreachable"):
            t.service.enroll(t.service.default_url, "CODE", "1208147521")
        assert isinstance(t.service, SyncService)
    finally:
        t.close()
