"""The sync service: push the journal above the last acknowledgement, pull catalog bundles, send
heartbeats. One `sync_once()` is a whole round; `kiosk.sync.worker.SyncWorker` runs rounds in a thread
so selling never waits for the network.

Exactly once: the client advances its acknowledged sequence only on a receipt signed by the programme
key (received at enrollment) that names this terminal, the sequence and that entry's hash, and re-sends
everything above it after any failure; the server stores by (terminal, seq) and entry id, so a re-sent
entry is only counted as a duplicate. A server, or anything in the middle, that acknowledges what it
did not store cannot make the kiosk drop entries. Requests go only to https:// backends (plain http
only on loopback), each signed with a single-use server nonce (no replay).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.devices.health import Health, HealthEvent
from kiosk.domain.catalog import CatalogError, parse_catalog
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import JournalRow
from kiosk.ports import Clock
from kiosk.protocol import GENESIS_HASH, JournalEntry, canonical_json
from kiosk.sync.files import catalog_file, read_bundle
from kiosk.sync.keys import key_path, load_key, load_or_create_key
from kiosk.sync.models import QuarantineRow, SyncStateRow
from kiosk.sync.protocol import (
    API,
    HEADER_NONCE,
    HEADER_REFUSAL,
    MAX_JOURNAL_BODY,
    REFUSAL_NONCE,
    REFUSAL_SIGNATURE,
    bundle_signing_bytes,
    check_receipt,
    public_key_text,
    signed_headers,
    verify,
)

if TYPE_CHECKING:  # httpx (~0.1 s to import) loads at the first request: `kiosk run` unenrolled never does
    import httpx

CATALOG_APPLIED = "catalog.applied"
CATALOG_REFUSED = "catalog.refused"
HEARTBEAT_EVERY = 60.0  # seconds between heartbeats when rounds come faster


class SyncError(RuntimeError):
    """Sync could not complete; `str()` is a message for staff (what happened, what to do)."""


class NotEnrolled(SyncError):
    pass


class BackendUnavailable(SyncError):
    """No answer, a timeout, or a 5xx: try again later (with backoff)."""


class BackendRefused(SyncError):
    """A 4xx: retrying the same request will not help until someone acts."""


class UntrustedReply(BackendUnavailable):
    """A reply that is not signed by the programme key for this terminal and entry: nothing is
    advanced; the next round sends the same entries again."""


class InsecureBackend(SyncError):
    """A plain http:// backend that is not on this machine: refused (use https://)."""


def check_backend_url(url: str) -> None:
    """https://, or http:// on loopback only: a signed request must not cross a network in clear."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname:
        host = parts.hostname
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if loopback:
            return
        raise InsecureBackend(
            f"동기화 서버 주소는 https:// 이어야 합니다 / refusing the plain http:// backend {host}: "
            "use its https:// address"
        )
    raise InsecureBackend("동기화 서버 주소가 잘못되었습니다 / the backend URL must start with https://")


MAX_PUSH_BYTES = MAX_JOURNAL_BODY // 2  # a push body stays well under the server's limit
MAX_REPLY = 16 * 1024 * 1024  # bytes of a reply the kiosk reads (a catalog bundle is far smaller)


class BundleError(SyncError):
    """A catalog bundle that must not be applied (bad signature, older version, expired, invalid)."""


@dataclass(frozen=True)
class Quarantined:
    seq: int
    reason: str
    detail: str


@dataclass(frozen=True)
class SyncStatus:
    state: str  # not_enrolled | synced | pending | offline
    pending: int
    acked_seq: int
    last_seq: int
    terminal_id: str = ""
    offline_since: str = ""
    last_error: str = ""
    last_success_at: str = ""
    catalog_version: int = 0
    quarantined: list[Quarantined] = field(default_factory=list)

    def summary(self) -> str:
        """One line for staff, Korean first."""
        if self.state == "not_enrolled":
            text = "동기화 꺼짐: 단말기 등록 전입니다 (kiosk enroll) / sync off: not enrolled"
        elif self.state == "synced":
            text = f"동기화 완료 / synced (seq {self.acked_seq})"
        elif self.state == "pending":
            text = f"전송 대기 {self.pending}건 / pending {self.pending}"
        else:
            since = self.offline_since
            text = f"오프라인 {since}부터, 대기 {self.pending}건 / offline since {since}, pending {self.pending}"
        if self.quarantined:
            text += f"; 격리된 항목 {len(self.quarantined)}건 / {len(self.quarantined)} quarantined"
        if self.last_error and self.state == "synced":
            # The last round failed even though nothing is pending (a refused heartbeat or catalog):
            # never say "synced" then.
            text = f"동기화 실패 / sync failed (seq {self.acked_seq} acknowledged)"
        if self.last_error:
            text += f"; 마지막 오류 / last error: {self.last_error}"
        return text


def write_atomically(path: Path, data: bytes) -> None:
    """Write a temporary file, fsync it, rename it over the target and fsync the directory: a crash
    leaves either the old file or the new one, never a mixture."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class SyncService:
    def __init__(
        self,
        ledger: Ledger,
        data_dir: Path,
        clock: Clock,
        *,
        backend_url: str = "",
        batch_size: int = 500,
        timeout: float = 10.0,
        health: Callable[[], list[HealthEvent]] | None = None,
        on_event: Callable[[HealthEvent], None] | None = None,
    ) -> None:
        self.ledger = ledger
        self.data_dir = data_dir
        self.clock = clock
        self.default_url = backend_url
        self.batch_size = max(1, min(batch_size, 1000))
        self.timeout = timeout
        self.health = health
        self.on_event = on_event
        self._http: httpx.Client | None = None
        self._last_heartbeat: float | None = None
        self._nonce = ""  # the server's nonce for the next signed request (single use)

    # --- state ------------------------------------------------------------------------------------

    def _state(self, session: Session) -> SyncStateRow:
        row = session.get(SyncStateRow, 1)
        if row is None:
            row = SyncStateRow(id=1, backend_url="", terminal_id="", programme_key="", acked_seq=0)
            row.catalog_version = row.catalog_journaled = 0
            row.last_success_at = row.offline_since = row.last_error = ""
            session.add(row)
            session.flush()
        return row

    def _update(self, **values: Any) -> None:
        # Own short session, not the ledger's transaction helper: the worker thread must never join a
        # sale's transaction.
        with Session(self.ledger.engine) as s, s.begin():
            row = self._state(s)
            for k, v in values.items():
                setattr(row, k, v)

    def record_error(self, message: str) -> None:
        """Show an unexpected failure (a key file problem, say) in the sync state for staff."""
        self._update(last_error=message)

    def _read(self) -> dict[str, Any]:
        with Session(self.ledger.engine) as s, s.begin():
            row = self._state(s)
            return {c.name: getattr(row, c.name) for c in SyncStateRow.__table__.columns}

    def status(self) -> SyncStatus:
        st = self._read()
        last = self.ledger.last_seq()
        with self.ledger.reading() as s:
            q = [Quarantined(r.seq, r.reason, r.detail) for r in s.execute(select(QuarantineRow)).scalars()]
        pending = max(0, last - st["acked_seq"])
        if not st["terminal_id"]:
            state = "not_enrolled"
        elif st["offline_since"]:
            state = "offline"
        elif pending:
            state = "pending"
        else:
            state = "synced"
        return SyncStatus(
            state=state,
            pending=pending,
            acked_seq=st["acked_seq"],
            last_seq=last,
            terminal_id=st["terminal_id"],
            offline_since=st["offline_since"],
            last_error=st["last_error"],
            last_success_at=st["last_success_at"],
            catalog_version=st["catalog_version"],
            quarantined=q,
        )

    # --- HTTP -------------------------------------------------------------------------------------

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _client(self, base_url: str) -> httpx.Client:
        import httpx

        if self._http is None or str(self._http.base_url).rstrip("/") != base_url.rstrip("/"):
            self.close()
            self._http = httpx.Client(base_url=base_url.rstrip("/"), timeout=self.timeout)
        return self._http

    def _call(self, method: str, path: str, body: Any = None, *, signed: bool = True) -> httpx.Response:
        import httpx

        st = self._read()
        url = st["backend_url"] or self.default_url
        if not url:
            raise NotEnrolled(
                "동기화 서버가 설정되지 않았습니다. kiosk enroll --backend URL --code CODE 로 등록하세요."
            )
        check_backend_url(url)
        client = self._client(url)
        content = b"" if body is None else json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if signed and not st["terminal_id"]:
            raise NotEnrolled("단말기가 등록되지 않았습니다. kiosk enroll --backend URL --code CODE 로 등록하세요.")
        key = load_key(key_path(self.data_dir)) if signed else None
        nonce_retried = promoted = False
        while True:
            req = client.build_request(
                method,
                path,
                content=content or None,
                headers={"Content-Type": "application/json"} if content else None,
            )
            if key is not None:
                nonce, self._nonce = self._nonce, ""  # a nonce is good once, whatever the outcome
                target = req.url.raw_path.decode("ascii")
                ts = self.clock.now().isoformat(timespec="seconds")
                req.headers.update(
                    signed_headers(key, st["terminal_id"], method, target, content, timestamp=ts, nonce=nonce)
                )
            try:
                resp = self._send_bounded(client, req)
            except httpx.HTTPError as exc:
                raise BackendUnavailable(
                    f"서버에 연결할 수 없습니다 / backend unreachable: {type(exc).__name__}: {exc}"
                ) from None
            fresh = resp.headers.get(HEADER_NONCE, "")
            if key is not None and fresh:
                self._nonce = fresh
            if resp.status_code != 401 or key is None:
                break
            refusal = resp.headers.get(HEADER_REFUSAL, "")
            if refusal == REFUSAL_NONCE and fresh and not nonce_retried:
                nonce_retried = True  # the nonce was missing, expired or used: once more with the fresh one
                continue
            if refusal == REFUSAL_SIGNATURE and not promoted and self._promote_new_key():
                promoted = True  # the server took our new key but we crashed before keeping it
                key = load_key(key_path(self.data_dir))
                continue
            break
        if resp.status_code >= 500:
            raise BackendUnavailable(f"서버 오류 / backend error {resp.status_code}")
        if resp.status_code >= 400:
            raise BackendRefused(f"서버가 거부했습니다 / backend refused ({resp.status_code}): {_detail(resp)}")
        return resp

    @staticmethod
    def _send_bounded(client: httpx.Client, req: httpx.Request) -> httpx.Response:
        """Send and read the reply, but never more than MAX_REPLY bytes of it (a hostile or broken
        server cannot fill the kiosk's memory)."""
        import httpx

        resp = client.send(req, stream=True)
        body = bytearray()
        try:
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > MAX_REPLY:
                    raise BackendUnavailable(
                        f"서버 응답이 너무 큽니다 / the backend's reply is larger than {MAX_REPLY} bytes"
                    )
        finally:
            resp.close()
        # iter_bytes() decoded any content-encoding already: the headers must no longer announce it.
        skip = ("content-encoding", "content-length", "transfer-encoding")
        headers = [(k, v) for k, v in resp.headers.items() if k.lower() not in skip]
        return httpx.Response(resp.status_code, headers=headers, content=bytes(body), request=req)

    def _json(self, resp: httpx.Response) -> Any:
        try:
            return resp.json()
        except ValueError:
            raise BackendUnavailable("서버 응답을 읽을 수 없습니다 / unreadable reply from the backend") from None

    # --- enrollment -------------------------------------------------------------------------------

    def enroll(self, backend_url: str, code: str, business_number: str) -> str:
        check_backend_url(backend_url)
        key = load_or_create_key(key_path(self.data_dir))
        self._update(backend_url=backend_url.rstrip("/"))
        resp = self._call(
            "POST",
            f"{API}/enroll",
            {
                "code": code,
                "business_number": business_number.replace("-", ""),
                "public_key": public_key_text(key),
                "device_id": self.ledger.device_id,
            },
            signed=False,
        )
        doc = self._json(resp)
        try:
            terminal_id, programme_key = str(doc["terminal_id"]), str(doc["programme_public_key"])
        except (KeyError, TypeError):
            raise BackendUnavailable("서버 응답 형식이 잘못되었습니다 / malformed enrollment reply") from None
        self._nonce = ""
        self._update(terminal_id=terminal_id, programme_key=programme_key, last_error="")
        return terminal_id

    def rotate_key(self) -> None:
        """Replace the device key: a new key is made next to the old one, the backend is told with a
        request signed by the old key, then the new file replaces the old one. A crash in between is
        repaired by the next request (a refused signature with a pending new key promotes it) or by
        running this again (the pending new key is reused)."""
        st = self._read()
        if not st["terminal_id"]:
            raise NotEnrolled("단말기가 등록되지 않았습니다 / not enrolled: nothing to rotate")
        new_key = load_or_create_key(_pending_key_path(self.data_dir))
        self._call("POST", f"{API}/terminals/{st['terminal_id']}/key", {"public_key": public_key_text(new_key)})
        self._promote_new_key()

    def _promote_new_key(self) -> bool:
        pending = _pending_key_path(self.data_dir)
        if not pending.exists():
            return False
        load_key(pending)  # the same checks (mode 0600, a whole Ed25519 key) before it replaces the old one
        path = key_path(self.data_dir)
        os.replace(pending, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        return True

    # --- push -------------------------------------------------------------------------------------

    def push_pending(self) -> int:
        """Send every entry above the acknowledgement; returns how many the server newly stored.

        The acknowledgement moves only on a receipt signed by the programme key that names this
        terminal, a sequence we sent (or hold) and that entry's hash. A signed receipt below what we had
        (the server lost entries, e.g. restored from a backup) moves it back, once per call, so the
        entries are sent again."""
        stored = 0
        rewound = False
        while True:
            st = self._read()
            batch = self._batch(st["acked_seq"])
            if not batch:
                return stored
            tid = st["terminal_id"]
            resp = self._call("POST", f"{API}/terminals/{tid}/journal", {"entries": [e.to_wire() for e in batch]})
            reply = self._json(resp)
            ack, rejected, n = self._verified_ack(st, reply, batch)
            stored += n
            self._quarantine([r for r in rejected if r["seq"] <= ack])
            if ack >= batch[0].seq:
                self._update(acked_seq=ack)
                continue
            if ack < st["acked_seq"] and not rewound:
                rewound = True
                self._update(acked_seq=ack)
                continue
            raise BackendRefused(f"서버가 seq {ack + 1}부터 요구합니다 / the backend did not advance past seq {ack}")

    def _batch(self, after: int) -> list[JournalEntry]:
        batch = self.ledger.entries_after(after, limit=self.batch_size)
        size = 0
        for i, e in enumerate(batch):
            size += len(e.payload.encode("utf-8")) + 400
            if size > MAX_PUSH_BYTES and i > 0:
                return batch[:i]
        return batch

    def _verified_ack(
        self, st: dict[str, Any], reply: Any, batch: list[JournalEntry]
    ) -> tuple[int, list[dict[str, Any]], int]:
        """(acknowledged sequence, rejections, stored count) from a push receipt, or UntrustedReply."""
        why = check_receipt(st["programme_key"], reply, st["terminal_id"])
        if why is None:
            ack, ack_hash = int(reply["ack_seq"]), str(reply["ack_hash"])
            # Beyond the batch is fine (a re-send after a lost ack) if it is our entry there.
            if self._hash_at(ack, batch) != ack_hash:
                why = f"the receipt's hash for seq {ack} is not this terminal's entry"
        if why is not None:
            raise UntrustedReply(f"서버 응답을 믿을 수 없어 전송 기록을 유지합니다 / untrusted reply: {why}")
        try:
            rejected = [
                {"seq": int(r["seq"]), "id": str(r["id"]), "reason": str(r["reason"]), "detail": str(r["detail"])}
                for r in reply["rejected"]
            ]
            n = int(reply["stored"])
        except (KeyError, TypeError, ValueError):
            raise UntrustedReply("서버 응답 형식이 잘못되었습니다 / malformed push reply") from None
        return ack, rejected, n

    def _hash_at(self, seq: int, batch: list[JournalEntry]) -> str:
        if seq == 0:
            return GENESIS_HASH
        for e in batch:
            if e.seq == seq:
                return e.hash
        found = self.ledger.entries_after(seq - 1, limit=1)
        return found[0].hash if found and found[0].seq == seq else ""

    def _quarantine(self, rejected: list[Any]) -> None:
        if not rejected:
            return
        now = self.clock.now().isoformat(timespec="seconds")
        with Session(self.ledger.engine) as s, s.begin():
            for r in rejected:
                s.merge(
                    QuarantineRow(
                        seq=int(r["seq"]),
                        entry_id=str(r["id"]),
                        reason=str(r["reason"]),
                        detail=str(r["detail"]),
                        at=now,
                    )
                )
        for r in rejected:
            self._emit(
                Health.DEGRADED,
                "entry_quarantined",
                f"서버가 기록 seq {r['seq']}을(를) 거부했습니다 ({r['reason']}): {r['detail']}. "
                "장부가 변경되었을 수 있습니다. kiosk ledger verify 를 실행하고 관리자에게 알리세요.",
            )

    def _emit(self, health: Health, detail: str, message: str) -> None:
        if self.on_event is not None:
            self.on_event(HealthEvent("sync", health, detail, message, self.clock.now()))

    # --- heartbeat and catalog --------------------------------------------------------------------

    def heartbeat(self) -> dict[str, Any]:
        st = self._read()
        events = list(self.health()) if self.health is not None else []
        events.append(self._disk_health())
        events.extend(self._selftest_health())
        body = {
            "clock": self.clock.now().isoformat(),
            "pending": max(0, self.ledger.last_seq() - st["acked_seq"]),
            "last_seq": self.ledger.last_seq(),
            "catalog_version": st["catalog_version"],
            "health": [
                {
                    "device": e.device,
                    "health": e.health.value,
                    "detail": e.detail,
                    "message": e.message,
                    "at": e.at.isoformat(),
                }
                for e in events
            ],
        }
        doc: dict[str, Any] = self._json(self._call("POST", f"{API}/terminals/{st['terminal_id']}/heartbeat", body))
        self._last_heartbeat = self.clock.monotonic()
        return doc

    def _selftest_health(self) -> list[HealthEvent]:
        """The last self-test's outcome (kiosk/installer/report.py): the programme sees which terminals passed."""
        from kiosk.installer.report import selftest_health

        return selftest_health(self.data_dir, self.clock.now())

    def _disk_health(self) -> HealthEvent:
        usage = shutil.disk_usage(self.data_dir if self.data_dir.exists() else Path("/"))
        free_mb = usage.free // (1024 * 1024)
        ok = free_mb >= 500
        return HealthEvent(
            "disk",
            Health.OK if ok else Health.DEGRADED,
            f"free_mb={free_mb}",
            "" if ok else "저장 공간이 부족합니다. 관리자에게 알리세요 / low disk space",
            self.clock.now(),
        )

    def pull_catalog(self) -> int | None:
        """Fetch and apply a newer bundle, if the server has one. Returns the applied version."""
        st = self._read()
        resp = self._call("GET", f"{API}/terminals/{st['terminal_id']}/catalog?after={st['catalog_version']}")
        if resp.status_code == 204:
            return None
        bundle = self._json(resp)
        if not isinstance(bundle, dict):
            raise BundleError("카탈로그 번들 형식이 잘못되었습니다 / malformed catalog bundle")
        return self.apply_bundle(bundle)

    def apply_bundle(self, bundle: dict[str, Any]) -> int:
        """Verify a signed catalog bundle and apply it atomically, then journal it."""
        st = self._read()
        if not st["programme_key"]:
            raise NotEnrolled(
                "단말기가 등록되지 않아 카탈로그를 검증할 수 없습니다 / not enrolled: cannot verify a catalog"
            )
        signature = bundle.get("signature")
        try:
            signed = bundle_signing_bytes(bundle)
        except (ValueError, TypeError, RecursionError):  # NaN, lone surrogates, absurd nesting: not signable
            signed = None
        if not isinstance(signature, str) or signed is None or not verify(st["programme_key"], signed, signature):
            raise BundleError(
                "카탈로그 서명이 올바르지 않아 적용하지 않았습니다. 기존 메뉴를 계속 사용합니다 / "
                "bad signature on the catalog bundle: not applied, the current menu stays"
            )
        version = bundle.get("version")
        current = max(int(st["catalog_version"]), self._file_version())
        if not isinstance(version, int) or version <= current:
            raise BundleError(
                f"카탈로그 버전 {version}은(는) 현재 버전 {current}보다 새롭지 않아 적용하지 않았습니다 / "
                f"catalog version {version} is not newer than {current}: not applied"
            )
        try:
            expires = datetime.fromisoformat(str(bundle.get("expires_at")))
        except ValueError:
            raise BundleError("카탈로그 번들의 만료 시각이 잘못되었습니다 / bad expiry in the bundle") from None
        if expires.tzinfo is None or expires <= self.clock.now():
            raise BundleError(
                f"카탈로그 번들이 {bundle.get('expires_at')}에 만료되어 적용하지 않았습니다. "
                "운영기관에 새 번들을 요청하세요 / "
                "expired catalog bundle: not applied"
            )
        target = bundle.get("terminal_id")
        if target not in (None, st["terminal_id"]):
            raise BundleError(f"다른 단말기({target})용 카탈로그입니다 / bundle for another terminal: not applied")
        try:
            parse_catalog(bundle.get("catalog"), source=f"catalog bundle v{version}")
        except CatalogError as exc:
            self._journal_refused(version, bundle.get("catalog"), str(exc))
            raise BundleError(
                f"카탈로그 내용이 잘못되어 적용하지 않았습니다 / invalid catalog in the bundle: {exc}"
            ) from None
        write_atomically(catalog_file(self.data_dir), json.dumps(bundle, ensure_ascii=False).encode("utf-8"))
        self.reconcile_catalog()
        return version

    def _journal_refused(self, version: int, catalog: Any, reason: str) -> None:
        """A signed bundle whose catalog the validator refused is recorded in the journal, once per version
        (the server keeps offering it at every heartbeat); the applied catalog stays."""
        with self.ledger.reading() as s:
            last = s.execute(
                select(JournalRow.payload)
                .where(JournalRow.kind == CATALOG_REFUSED)
                .order_by(JournalRow.seq.desc())
                .limit(1)
            ).scalar()
        if last is not None and json.loads(last).get("version") == version:
            return
        try:
            digest = hashlib.sha256(canonical_json(catalog).encode("utf-8")).hexdigest()
        except (TypeError, ValueError, RecursionError):
            digest = ""
        self.ledger.record(CATALOG_REFUSED, {"version": version, "reason": reason[:500], "sha256": digest})

    def _file_version(self) -> int:
        doc = read_bundle(catalog_file(self.data_dir))
        v = doc.get("version") if doc else 0
        return v if isinstance(v, int) else 0

    def reconcile_catalog(self) -> None:
        """Journal an applied catalog the journal does not know yet (a crash between the file rename
        and the journal entry), so the journal always ends up recording every applied version."""
        doc = read_bundle(catalog_file(self.data_dir))
        if not doc or not isinstance(doc.get("version"), int):
            return
        version = int(doc["version"])
        st = self._read()
        if version <= st["catalog_journaled"]:
            return
        digest = hashlib.sha256(canonical_json(doc.get("catalog")).encode("utf-8")).hexdigest()
        with self.ledger.transaction() as tx:
            tx.append(
                CATALOG_APPLIED,
                {
                    "version": version,
                    "issued_at": doc.get("issued_at"),
                    "expires_at": doc.get("expires_at"),
                    "sha256": digest,
                },
            )
            row = self._state(tx.session)
            row.catalog_version = max(row.catalog_version, version)
            row.catalog_journaled = version

    # --- a whole round ----------------------------------------------------------------------------

    def sync_once(self, *, force_heartbeat: bool = False) -> SyncStatus:
        """Push, heartbeat (at most every minute) and pull. Records the outcome in the sync state;
        raises SyncError (after recording it) when the round failed."""
        self.reconcile_catalog()
        try:
            self.push_pending()
            due = self._last_heartbeat is None or self.clock.monotonic() - self._last_heartbeat >= HEARTBEAT_EVERY
            if force_heartbeat or due:
                hb = self.heartbeat()
                available = hb.get("catalog_version_available", 0) if isinstance(hb, dict) else 0
                if isinstance(available, int) and available > self._read()["catalog_version"]:
                    try:
                        self.pull_catalog()
                    except BundleError as exc:
                        self._emit(Health.DEGRADED, "catalog_rejected", str(exc))
                        raise
        except SyncError as exc:
            st = self._read()
            offline = st["offline_since"] or (
                self.clock.now().isoformat(timespec="seconds") if isinstance(exc, BackendUnavailable) else ""
            )
            self._update(last_error=str(exc), offline_since=offline)
            raise
        self._update(last_error="", offline_since="", last_success_at=self.clock.now().isoformat(timespec="seconds"))
        return self.status()


def _pending_key_path(data_dir: Path) -> Path:
    path = key_path(data_dir)
    return path.with_name(path.name + ".new")


def _detail(resp: httpx.Response) -> str:
    try:
        doc = resp.json()
    except ValueError:
        return resp.text[:200]
    detail = doc.get("detail") if isinstance(doc, dict) else doc
    return detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)[:300]
