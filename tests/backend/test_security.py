"""Who may call what, bounded bodies, no replay, no 500 from input, exact acknowledgements
(issue 13: docs/SECURITY.md)."""

from __future__ import annotations

import json
import re
import socket
import subprocess
from pathlib import Path

import httpx
import pytest
from fastapi.routing import APIRoute, iter_route_contexts

from backend.app import create_app
from backend.auth import OWNER, Owner
from backend.config import BackendConfig, Mode
from backend.db import make_engine, migrate
from backend.keys import ensure_programme_key
from kiosk.protocol import HEADER_NONCE, MAX_BATCH, MAX_JOURNAL_BODY, chain_hash, check_receipt, entry_canonical_bytes
from kiosk.sync.keys import key_path, load_key
from tests.backend.servers import BackendProcess, make_operator
from tests.backend.signing import signed
from tests.sync.helpers import BUSINESS_NUMBER, issue_code, terminal

DOCS = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}  # the protocol's public reference


def routes(mode: Mode, tmp_path: Path) -> list[tuple[str, str, str]]:
    """(method, path, owner) of every route the app serves in `mode`."""
    engine = make_engine(f"sqlite:///{tmp_path / f'{mode.value}.sqlite3'}")
    migrate(engine)
    ensure_programme_key(engine)
    app = create_app(engine, BackendConfig(mode=mode))
    out = []
    for rc in iter_route_contexts(app.routes):
        route = rc.original_route
        owner = str((route.openapi_extra or {}).get(OWNER, "")) if isinstance(route, APIRoute) else ""
        for method in sorted((rc.methods or set()) - {"HEAD"}):
            out.append((method, str(rc.path), owner))
    engine.dispose()
    return out


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: "TNOBODY0000000000" if m.group(1) == "terminal_id" else "pi-x", path)


def test_every_route_has_an_owner_and_refuses_anonymous_callers(backend_server: BackendProcess, tmp_path: Path) -> None:
    served = routes(Mode.TEST, tmp_path)
    assert len(served) >= 20
    body = json.dumps({"entries": [], "code": "AAAA-BBBB-CCCC", "catalog": {}}).encode()
    checked = 0
    for method, path, owner in served:
        if path in DOCS:
            continue
        assert owner in {o.value for o in Owner}, f"{method} {path} has no owner"
        if owner == Owner.SIMULATION:
            continue  # demo / test mode only: asserted absent from production below
        r = httpx.request(
            method, backend_server.url + concrete(path), content=body, headers={"Content-Type": "application/json"}
        )
        if owner == Owner.ENROLLMENT_CODE:
            assert r.status_code in (403, 422), (path, r.status_code)  # the code is the credential
            good = {"code": "AAAA-BBBB-CCCC", "business_number": BUSINESS_NUMBER, "device_id": "x"}
            r = httpx.post(backend_server.url + path, json={**good, "public_key": "A" * 43 + "="})
            assert r.status_code == 403, r.text
        else:
            assert r.status_code == 401, (method, path, r.status_code, r.text)
        assert "AAAA-BBBB" not in r.text  # never echoes the request
        checked += 1
    assert checked >= 11
    spec = httpx.get(f"{backend_server.url}/openapi.json").json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get(OWNER) in {o.value for o in Owner}, f"{method} {path}: no x-kiosk-owner in the document"
    production = routes(Mode.PRODUCTION, tmp_path)
    assert not [p for _m, p, o in production if o == Owner.SIMULATION]
    assert {p for _m, p, _o in production} < {p for _m, p, _o in served}


def test_operator_roles_tokens_and_revocation(backend_server: BackendProcess, tmp_path: Path) -> None:
    reader = {"Authorization": f"Bearer {make_operator(backend_server.db_url, ('fleet:read',))}"}
    url = backend_server.url
    assert httpx.get(f"{url}/v1/fleet/terminals", headers=reader).status_code == 200
    mint = {"business_number": "120-81-47521"}
    assert httpx.post(f"{url}/v1/admin/enrollment-codes", json=mint, headers=reader).status_code == 403
    wrong = {"Authorization": "Bearer kop_aaaaaaaaaaaa_" + "A" * 43}
    assert httpx.get(f"{url}/v1/fleet/terminals", headers=wrong).status_code == 401
    minted = httpx.post(f"{url}/v1/admin/enrollment-codes", json=mint, headers=backend_server.operator_headers)
    assert minted.status_code == 201 and re.fullmatch(r"\w{4}-\w{4}-\w{4}", minted.json()["code"])
    # The CLI: a token is created, listed (never shown again), revoked.
    from tests.backend.test_cli import run

    def cli(action: str, *args: str) -> subprocess.CompletedProcess[str]:
        return run("operator", action, "--db", backend_server.db_url, *args)

    created = cli("add", "alice", "--role", "fleet:read")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{url}/v1/fleet/terminals", headers=headers).status_code == 200
    listed = cli("list")
    assert "alice" in listed.stdout and token not in listed.stdout
    db = Path(backend_server.db_url.removeprefix("sqlite:///"))
    assert token.split("_")[2].encode() not in db.read_bytes()  # only a hash is stored
    assert cli("revoke", "alice").returncode == 0
    assert httpx.get(f"{url}/v1/fleet/terminals", headers=headers).status_code == 401
    again = cli("add", "alice", "--role", "fleet:read")
    assert again.returncode == 2 and "exists" in again.stderr and "Traceback" not in again.stderr


def test_simulation_exists_only_in_demo_or_test_mode_and_is_announced(tmp_path: Path) -> None:
    with BackendProcess(f"sqlite:///{tmp_path / 'p.sqlite3'}", test_clock=False, log=tmp_path / "p.log") as prod:
        r = httpx.post(f"{prod.url}/v1/qr/payments/pi-x/pay")
        assert r.status_code == 404
        assert httpx.post(f"{prod.url}/v1/test/clock", json={"advance_seconds": 1}).status_code == 404
    assert "production mode" in (tmp_path / "p.log").read_text()
    with BackendProcess(f"sqlite:///{tmp_path / 'd.sqlite3'}", mode="demo", log=tmp_path / "d.log") as demo:
        assert httpx.post(f"{demo.url}/v1/qr/payments/pi-x/pay").status_code == 404  # exists: unknown payment
        assert httpx.post(f"{demo.url}/v1/test/clock", json={"advance_seconds": 1}).status_code == 404
    assert "DEMO MODE" in (tmp_path / "d.log").read_text()


def test_plain_http_on_a_public_address_is_refused(tmp_path: Path) -> None:
    from tests.backend.test_cli import run

    r = run("serve", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "--host", "0.0.0.0", "--port", "1")
    assert r.returncode == 2 and "--tls-cert" in r.stderr and "Traceback" not in r.stderr


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def _raw(port: int, head: bytes, chunks: int = 0, chunk: bytes = b"") -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(head)
        try:
            for _ in range(chunks):
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass  # the server answered and closed as soon as the limit was passed
        data = b""
        while b"\r\n\r\n" not in data:
            got = s.recv(65536)
            if not got:
                break
            data += got
        return data


@pytest.mark.slow
def test_oversize_bodies_get_413_and_the_server_memory_stays_bounded(tmp_path: Path) -> None:
    with BackendProcess(f"sqlite:///{tmp_path / 'b.sqlite3'}", log=tmp_path / "b.log") as b:
        assert b.proc is not None
        before = _peak_rss_kb(b.proc.pid)
        path = b"/v1/terminals/TX/journal"
        # An unauthenticated 1 GB push, declared: refused before a byte of it is read.
        declared = _raw(b.port, b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n" % path)
        assert declared.startswith(b"HTTP/1.1 413")
        # The same streamed without a length: refused once it passes the limit (8 MiB), never buffered.
        chunk = b"A" * 1024 * 1024
        head = b"POST %s HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" % path
        streamed = _raw(b.port, head, chunks=64, chunk=chunk)
        assert streamed.startswith(b"HTTP/1.1 413") and b"AAAA" not in streamed
        small = _raw(b.port, b"POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n")
        assert small.startswith(b"HTTP/1.1 413")
        grown_mb = (_peak_rss_kb(b.proc.pid) - before) / 1024
        assert grown_mb < MAX_JOURNAL_BODY / 2**20 * 3, f"peak RSS grew by {grown_mb:.0f} MB"


def _entry(device: str, seq: int, prev: str, payload: str = '{"i":1}') -> dict[str, object]:
    eid = f"00000000-0000-7000-8000-{seq:012d}"
    ts = "2026-11-21T03:00:00.000000+00:00"
    h = chain_hash(prev, entry_canonical_bytes(device, seq, eid, ts, "test.event", payload))
    return {"device_id": device, "seq": seq, "id": eid, "ts": ts, "kind": "test.event", "payload": payload,
            "prev_hash": prev, "hash": h}  # fmt: skip


def test_replays_and_absurd_timestamps_are_refused_but_a_day_off_clock_syncs(
    backend_server: BackendProcess, tmp_path: Path
) -> None:
    url = backend_server.url
    with terminal(tmp_path, url, backend_server.db_url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        path = f"/v1/terminals/{tid}/journal/ack"
        first, headers = signed(url, key, tid, "GET", path)
        assert first.status_code == 200 and first.headers[HEADER_NONCE]
        replay = httpx.get(url + path, headers=headers)  # the captured request, byte for byte
        assert replay.status_code == 401 and "replayed" in replay.json()["detail"]
        for ts in ("yesterday", "2026-11-21T03:00:00", "9999-12-31T23:59:59+00:00", "1970-01-01T00:00:00+00:00"):
            r, _ = signed(url, key, tid, "GET", path, timestamp=ts)
            assert r.status_code == 401 and "timestamp" in r.json()["detail"], (ts, r.text)
        other = "T0000000000000000"
        across, _ = signed(url, key, tid, "GET", f"/v1/terminals/{other}/journal/ack", nonce="")
        assert across.status_code == 401 and "another terminal" in across.json()["detail"]
        forged, _ = signed(url, key, tid, "GET", path, nonce="4102444800.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")
        assert forged.status_code == 401 and "not issued" in forged.json()["detail"]
        # A kiosk whose clock is a day (or eight) off still syncs: the nonce, not the time, stops replays.
        from datetime import UTC, datetime, timedelta

        for skew in (-1, 1):
            t.clock.set(datetime.now(UTC) + timedelta(days=skew))  # type: ignore[attr-defined]
            t.sell(2)
            assert t.service.sync_once().state == "synced"


def test_nan_infinity_and_huge_integers_are_422_with_a_reason(backend_server: BackendProcess, tmp_path: Path) -> None:
    url = backend_server.url
    with terminal(tmp_path, url, backend_server.db_url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        hb = f"/v1/terminals/{tid}/heartbeat"
        push = f"/v1/terminals/{tid}/journal"
        base = '{"clock":"2026-11-21T03:00:00+00:00","pending":%s,"last_seq":0,"catalog_version":0,"health":[]}'
        for value in ("NaN", "Infinity", "-Infinity", "1e999", "9" * 40, str(2**63), "1e30"):
            r, _ = signed(url, key, tid, "POST", hb, (base % value).encode())
            assert r.status_code == 422, (value, r.status_code, r.text)
            assert r.json()["detail"][0]["msg"] and '"clock"' not in r.text  # a reason, not the request
        entry = _entry("TEST-01", 1, "0" * 64)
        for seq in ("1e400", str(10**30), str(2**63)):
            body = json.dumps({"entries": [{**entry, "seq": 0}]}).replace('"seq": 0', f'"seq": {seq}')
            r, _ = signed(url, key, tid, "POST", push, body.encode())
            assert r.status_code == 422 and r.json()["detail"], (seq, r.text)
        too_many = json.dumps({"entries": [entry] * (MAX_BATCH + 1)}).encode()
        r, _ = signed(url, key, tid, "POST", push, too_many)
        assert r.status_code == 413
        deep = b"[" * 20000 + b"]" * 20000
        r, _ = signed(url, key, tid, "POST", hb, deep)
        assert r.status_code in (413, 422)
        r, _ = signed(url, key, tid, "POST", hb, b"\xff\xfe{")
        assert r.status_code == 422


def test_the_ack_is_the_highest_contiguous_stored_sequence(backend_server: BackendProcess, tmp_path: Path) -> None:
    url = backend_server.url
    with terminal(tmp_path, url, backend_server.db_url) as t:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        push = f"/v1/terminals/{tid}/journal"
        chain = [_entry("TEST-01", 1, "0" * 64)]
        for seq in range(2, 13):
            chain.append(_entry("TEST-01", seq, str(chain[-1]["hash"])))
        pub = t.service.state().programme_key

        def send(batch: list[dict[str, object]]) -> dict[str, object]:
            r, _ = signed(url, key, tid, "POST", push, json.dumps({"entries": batch}).encode())
            assert r.status_code == 200, r.text
            doc = r.json()
            assert check_receipt(pub, doc, tid) is None
            return dict(doc)

        assert send(chain[:3])["ack_seq"] == 3
        # One far-future entry, and one chained onto it: both refused, neither stored, the ack stays.
        doc = send([chain[9], chain[10]])
        assert doc["ack_seq"] == 3 and doc["ack_hash"] == chain[2]["hash"] and doc["stored"] == 0
        assert [(r["seq"], r["reason"]) for r in doc["rejected"]] == [(10, "sequence_gap"), (11, "sequence_gap")]
        # A gap inside a batch: everything after it is refused too.
        doc = send([chain[3], chain[5], chain[6]])
        assert doc["ack_seq"] == 4 and [r["seq"] for r in doc["rejected"]] == [6, 7]
        # Then the entries in order: all stored, none "duplicates" of the refused ones.
        doc = send(chain[4:])
        assert doc["ack_seq"] == 12 and doc["stored"] == 8 and doc["duplicates"] == 0 and doc["rejected"] == []
        entries = httpx.get(f"{url}/v1/fleet/terminals/{tid}/entries", headers=backend_server.operator_headers).json()
        assert [e["seq"] for e in entries] == list(range(1, 13)) and {e["status"] for e in entries} == {"stored"}


def test_enrollment_codes_expire_are_single_use_and_rate_limited(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from backend.programme import mint_code

    with BackendProcess(f"sqlite:///{tmp_path / 'e.sqlite3'}", log=tmp_path / "e.log") as b:
        engine = make_engine(b.db_url)
        old = mint_code(engine, BUSINESS_NUMBER, days=7, now=datetime.now(UTC) - timedelta(days=8))
        engine.dispose()

        def enroll(code: str, pub: str) -> httpx.Response:
            body = {"code": code, "business_number": BUSINESS_NUMBER, "public_key": pub, "device_id": "D"}
            return httpx.post(f"{b.url}/v1/enroll", json=body)

        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from kiosk.protocol import public_key_text

        k1, k2 = (public_key_text(Ed25519PrivateKey.generate()) for _ in range(2))
        assert enroll(old, k1).status_code == 403  # expired
        code = issue_code(b.db_url)
        first = enroll(code, k1)
        assert first.status_code == 201
        assert enroll(code, k1).json()["terminal_id"] == first.json()["terminal_id"]  # a retry: same terminal
        assert enroll(code, k2).status_code == 409  # single use
        statuses = [enroll("WRONG-CODE-0000", k2).status_code for _ in range(12)]
        assert 429 in statuses and statuses.index(429) <= 9
        assert enroll(issue_code(b.db_url), k2).status_code == 429  # even a good code waits: per source


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    from datetime import UTC, datetime, timedelta
    from ipaddress import ip_address

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path_ = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path_.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path_


def test_the_backend_serves_tls_itself(tmp_path: Path) -> None:
    import ssl
    import subprocess

    from tests.backend.servers import BACKEND_CMD, REPO, free_port, wait_until

    cert, key = _self_signed(tmp_path)
    port = free_port()
    db = f"sqlite:///{tmp_path / 't.sqlite3'}"
    cmd = [*BACKEND_CMD, "serve", "--db", db, "--port", str(port), "--tls-cert", str(cert), "--tls-key", str(key)]
    log = tmp_path / "tls.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    try:
        context = ssl.create_default_context(cafile=str(cert))

        def up() -> bool:
            try:
                return httpx.get(f"https://127.0.0.1:{port}/openapi.json", verify=context, timeout=1).is_success
            except httpx.HTTPError:
                assert proc.poll() is None, log.read_text()
                return False

        wait_until(up, what="the TLS backend")
        assert httpx.get(f"https://127.0.0.1:{port}/v1/fleet/terminals", verify=context).status_code == 401
        with pytest.raises(httpx.HTTPError):  # no plain HTTP on the TLS port
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2)
        assert "serving on https://" in log.read_text()
    finally:
        proc.terminate()
        proc.wait(10)


def test_provider_callbacks_need_the_providers_signature_and_are_stored_once(
    backend_server: BackendProcess,
) -> None:
    from datetime import UTC, datetime, timedelta

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from backend.auth import HEADER_PROVIDER, HEADER_PROVIDER_SIGNATURE, HEADER_PROVIDER_TIMESTAMP
    from kiosk.protocol import public_key_text, request_signing_bytes, sign
    from tests.backend.test_cli import run

    key = Ed25519PrivateKey.generate()
    name = f"pay{backend_server.port}"
    added = run("provider", "add", "--db", backend_server.db_url, name, public_key_text(key))
    assert added.returncode == 0, added.stderr
    path = "/v1/provider/events"
    event = {"event_id": f"ev-{name}", "intent_id": f"pi-{name}", "status": "approved", "amount": 4500,
             "approval_no": "12345678", "occurred_at": "2026-11-21T03:00:00Z"}  # fmt: skip
    body = json.dumps(event).encode()

    def post(signer: Ed25519PrivateKey, at: datetime, who: str = name) -> httpx.Response:
        ts = at.isoformat(timespec="seconds")
        headers = {
            HEADER_PROVIDER: who,
            HEADER_PROVIDER_TIMESTAMP: ts,
            HEADER_PROVIDER_SIGNATURE: sign(signer, request_signing_bytes("POST", path, ts, body)),
            "Content-Type": "application/json",
        }
        return httpx.post(backend_server.url + path, content=body, headers=headers)

    now = datetime.now(UTC)
    assert httpx.post(backend_server.url + path, content=body).status_code == 401
    assert post(Ed25519PrivateKey.generate(), now).status_code == 401  # not the provider's key
    assert post(key, now, who="nobody").status_code == 401
    assert post(key, now - timedelta(hours=1)).status_code == 401  # stale: a replay from long ago
    assert post(key, now).json() == {"duplicate": False}
    assert post(key, now).json() == {"duplicate": True}  # a replay or a retry: recorded once
    listed = httpx.get(
        f"{backend_server.url}/v1/fleet/provider-events",
        params={"intent_id": event["intent_id"]},
        headers=backend_server.operator_headers,
    ).json()
    assert [(e["provider"], e["status"], e["amount"]) for e in listed] == [(name, "approved", 4500)]
    assert run("provider", "revoke", "--db", backend_server.db_url, name).returncode == 0
    assert post(key, now).status_code == 401
