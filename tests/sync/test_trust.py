"""The kiosk trusts no reply: a server (or anything in the middle) that acknowledges what it did not
store cannot make the kiosk drop entries; then the real backend stores every entry exactly once."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.cli import main as kiosk_main
from backend.db import make_engine
from backend.keys import load_programme_key
from kiosk.protocol import RECEIPT_KIND, sign_doc
from kiosk.sync.service import InsecureBackend, UntrustedReply, check_backend_url
from tests.backend.servers import BackendProcess
from tests.ledger.helpers import open_ledger
from tests.sync.helpers import Terminal, local_entries, same_journal, server_entries, terminal

Reply = Callable[[str, dict[str, Any]], dict[str, Any]]


@contextmanager
def ack_everything(reply: Reply) -> Iterator[str]:
    """A real HTTP server on loopback that answers every push with `reply(terminal_id, body)`."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            tid = self.path.split("/")[3]
            data = json.dumps(reply(tid, body) if self.path.endswith("/journal") else {}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="ack-everything", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def _receipt(tid: str, body: dict[str, Any], **over: Any) -> dict[str, Any]:
    last = body["entries"][-1]
    doc = {"kind": RECEIPT_KIND, "terminal_id": tid, "ack_seq": last["seq"], "ack_hash": last["hash"]}
    return {**doc, "stored": len(body["entries"]), "duplicates": 0, "rejected": [], **over}


def test_a_server_that_acks_everything_cannot_make_the_kiosk_drop_entries(
    backend_server: BackendProcess, tmp_path: Path
) -> None:
    engine = make_engine(backend_server.db_url)
    programme = load_programme_key(engine)
    engine.dispose()
    impostor = Ed25519PrivateKey.generate()
    liars: dict[str, Reply] = {
        "unsigned": lambda tid, body: _receipt(tid, body),
        "signed by another key": lambda tid, body: sign_doc(impostor, _receipt(tid, body)),
        "another terminal": lambda tid, body: sign_doc(programme, _receipt("TOTHER", body)),
        "a hash we never wrote": lambda tid, body: sign_doc(programme, _receipt(tid, body, ack_hash="ab" * 32)),
        "beyond our journal": lambda tid, body: sign_doc(programme, _receipt(tid, body, ack_seq=10_000)),
        "a forged rejection": lambda tid, body: {
            **_receipt(tid, body),
            "rejected": [{"seq": 1, "id": "x", "reason": "hash_mismatch", "detail": "forged"}],
        },
    }
    with terminal(tmp_path, backend_server.url, backend_server.db_url, batch_size=4) as t:
        t.sell(10)
        for name, liar in liars.items():
            with ack_everything(liar) as fake:
                t.service._update(backend_url=fake)  # a hijacked address, a proxy in the middle
                with pytest.raises(UntrustedReply):
                    t.service.push_pending()
                st = t.service.status()
                assert st.acked_seq == 0 and st.pending == 10 and not st.quarantined, name
        t.service._update(backend_url=backend_server.url)
        t.sell(2)
        st = t.service.sync_once()
        assert st.state == "synced" and st.acked_seq == 12 and not st.quarantined
        remote = server_entries(backend_server.url, t.terminal_id)
        assert same_journal(local_entries(t.ledger), remote)  # every entry, exactly once
        assert [e["seq"] for e in remote] == list(range(1, 13)) and {e["status"] for e in remote} == {"stored"}


def test_a_server_that_lost_entries_gets_them_again(backend_server: BackendProcess, tmp_path: Path) -> None:
    """A signed receipt below the kiosk's ack (a backend restored from a backup) moves it back."""
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        t.sell(3)
        assert t.service.sync_once().acked_seq == 3
        t.sell(2)
        t.service._update(acked_seq=5)  # the kiosk believes 4 and 5 arrived; the server holds 1..3
        t.sell(1)
        st = t.service.sync_once()
        assert st.acked_seq == 6
        assert [e["seq"] for e in server_entries(backend_server.url, t.terminal_id)] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("http://127.0.0.1:8700", True),
        ("http://localhost:8700", True),
        ("http://[::1]:8700", True),
        ("https://programme.example.kr", True),
        ("http://192.168.0.10:8700", False),
        ("http://programme.example.kr", False),
        ("ftp://programme.example.kr", False),
        ("programme.example.kr", False),
    ],
)
def test_the_kiosk_refuses_a_plain_http_backend_off_this_machine(url: str, ok: bool) -> None:
    if ok:
        check_backend_url(url)
    else:
        with pytest.raises(InsecureBackend):
            check_backend_url(url)


def test_enroll_and_sync_refuse_a_non_loopback_http_backend(tmp_path: Path) -> None:
    t = Terminal(tmp_path, "http://10.1.2.3:8700")
    try:
        with pytest.raises(InsecureBackend, match="https"):
            t.service.enroll("http://10.1.2.3:8700", "CODE", "1208147521")
        t.service._update(terminal_id="TX", backend_url="http://10.1.2.3:8700")
        t.sell(1)
        with pytest.raises(InsecureBackend):
            t.service.sync_once()
        assert t.service.status().pending == 1
    finally:
        t.close()


def test_sync_once_exit_status_and_output_agree(
    backend_server: BackendProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sync.helpers import issue_code

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "ledger.sqlite3"
    open_ledger(db).close()
    code = issue_code(backend_server.db_url)
    args = ["enroll", "--db", str(db), "--backend", backend_server.url, "--code", code]
    assert kiosk_main([*args, "--business-number", "120-81-47521"]) == 0
    assert kiosk_main(["sync", "--once", "--db", str(db)]) == 0
    assert "동기화 완료" in capsys.readouterr().out
    # Nothing pending, but the round fails (the key file is gone): exit 1, and never "synced".
    (tmp_path / "data" / "sync" / "device_key.pem").unlink()
    assert kiosk_main(["sync", "--once", "--db", str(db)]) == 1
    out = capsys.readouterr()
    assert "동기화 실패" in out.err and "동기화 완료" not in out.out and "synced" not in out.out
    assert "동기화 실패" in out.out


def test_key_rotation_and_revocation(backend_server: BackendProcess, tmp_path: Path) -> None:
    from kiosk.protocol import public_key_text
    from kiosk.sync.keys import key_path, load_key
    from kiosk.sync.service import BackendRefused
    from tests.backend.signing import signed

    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        path = key_path(tmp_path / "data")
        old = load_key(path)
        t.sell(2)
        t.service.sync_once()
        t.service.rotate_key()
        new = load_key(path)
        assert public_key_text(new) != public_key_text(old) and not path.with_name(path.name + ".new").exists()
        ack = f"/v1/terminals/{t.terminal_id}/journal/ack"
        assert signed(backend_server.url, new, t.terminal_id, "GET", ack)[0].status_code == 200
        r, _ = signed(backend_server.url, old, t.terminal_id, "GET", ack, nonce="")
        assert r.status_code == 401  # the old key signs nothing any more
        t.sell(1)
        assert t.service.sync_once().acked_seq == 3

        # A crash after the backend took the next key but before the kiosk kept it: the next request
        # finds the refused signature and the pending key, and promotes it.
        from kiosk.sync.keys import load_or_create_key

        pending = load_or_create_key(path.with_name(path.name + ".new"))
        body = json.dumps({"public_key": public_key_text(pending)}).encode()
        rot = f"/v1/terminals/{t.terminal_id}/key"
        assert signed(backend_server.url, new, t.terminal_id, "POST", rot, body)[0].status_code == 200
        t.sell(1)
        assert t.service.sync_once().acked_seq == 4
        assert public_key_text(load_key(path)) == public_key_text(pending)

        # Revoked by the programme: refused with a message, nothing lost locally.
        from tests.backend.test_cli import run

        assert run("terminal", "revoke", "--db", backend_server.db_url, t.terminal_id).returncode == 0
        t.sell(1)
        with pytest.raises(BackendRefused, match="revoked"):
            t.service.sync_once()
        assert t.service.status().pending == 1


def test_a_huge_or_garbled_reply_is_an_error_not_a_crash(backend_server: BackendProcess, tmp_path: Path) -> None:
    """The kiosk reads at most MAX_REPLY bytes of a reply, and a garbled heartbeat reply changes nothing."""
    from kiosk.sync.service import MAX_REPLY, BackendUnavailable

    class Huge(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()  # no length: the body runs until the connection closes
            try:
                for _ in range(MAX_REPLY // 65536 + 8):
                    self.wfile.write(b" " * 65536)
            except OSError:
                pass  # the kiosk stopped reading

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Huge)
    thread = threading.Thread(target=server.serve_forever, name="huge-reply", daemon=True)
    thread.start()
    try:
        with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
            t.sell(2)
            t.service._update(backend_url=f"http://127.0.0.1:{server.server_address[1]}")
            with pytest.raises(BackendUnavailable, match="너무 큽니다"):
                t.service.push_pending()
            assert t.service.status().acked_seq == 0
            with ack_everything(lambda tid, body: {"catalog_version_available": "garbage"}) as fake:
                t.service._update(backend_url=fake)
                assert isinstance(t.service.heartbeat(), dict)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
