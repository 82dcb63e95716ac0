"""The sync service: push the journal above the last acknowledgement, pull catalog bundles, send
heartbeats. One `sync_once()` is a whole round; `kiosk.sync.worker.SyncWorker` runs rounds in a thread
so selling never waits for the network.

The parts, each in its own module: the typed sync state and its store (`state.py`), the backend client
with its signed requests and nonces (`client.py`), the pipelined journal push with its signed receipts
(`push.py`), catalog bundles (`catalog.py`) and the errors (`errors.py`). This module composes them and
runs the round; the names other modules import from here are re-exported below.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.devices.health import Health, HealthEvent
from kiosk.files import write_atomically
from kiosk.ledger.ledger import Ledger
from kiosk.ports import Clock
from kiosk.protocol import API, public_key_text
from kiosk.sync.catalog import CATALOG_APPLIED, CATALOG_REFUSED, CatalogSync
from kiosk.sync.client import (
    MAX_REPLY,
    BackendClient,
    check_backend_url,
    pending_key_path,
    promote_new_key,
    reply_json,
)
from kiosk.sync.errors import (
    BackendRefused,
    BackendUnavailable,
    BundleError,
    InsecureBackend,
    NotEnrolled,
    SyncError,
    UntrustedReply,
)
from kiosk.sync.keys import key_path, load_or_create_key
from kiosk.sync.push import MAX_PUSH_BYTES, Pusher
from kiosk.sync.state import Quarantined, StateStore, SyncPhase, SyncState, SyncStatus, phase_of

__all__ = [
    "CATALOG_APPLIED",
    "CATALOG_REFUSED",
    "HEARTBEAT_EVERY",
    "MAX_PUSH_BYTES",
    "MAX_REPLY",
    "BackendRefused",
    "BackendUnavailable",
    "BundleError",
    "InsecureBackend",
    "NotEnrolled",
    "Quarantined",
    "SyncError",
    "SyncPhase",
    "SyncService",
    "SyncState",
    "SyncStatus",
    "UntrustedReply",
    "check_backend_url",
    "write_atomically",
]

HEARTBEAT_EVERY = 60.0  # seconds between heartbeats when rounds come faster


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
        self.batch_size = max(1, min(batch_size, 1000))
        self.health = health
        self.on_event = on_event
        self.store = StateStore(ledger)
        self.client = BackendClient(data_dir, clock, default_url=backend_url, timeout=timeout)
        self.pusher = Pusher(ledger, self.store, self.client, clock, self.batch_size, self._emit)
        self.catalog = CatalogSync(ledger, self.store, self.client, data_dir, clock)
        self._last_heartbeat: float | None = None

    @property
    def default_url(self) -> str:
        return self.client.default_url

    # --- state ------------------------------------------------------------------------------------

    def state(self) -> SyncState:
        return self.store.read()

    def _update(self, **values: Any) -> None:
        self.store.update(**values)

    def record_error(self, message: str) -> None:
        """Show an unexpected failure (a key file problem, say) in the sync state for staff."""
        self.store.update(last_error=message)

    def status(self) -> SyncStatus:
        st = self.store.read()
        last = self.ledger.last_seq()
        pending = max(0, last - st.acked_seq)
        return SyncStatus(
            state=phase_of(st, pending),
            pending=pending,
            acked_seq=st.acked_seq,
            last_seq=last,
            terminal_id=st.terminal_id,
            offline_since=st.offline_since,
            last_error=st.last_error,
            last_success_at=st.last_success_at,
            catalog_version=st.catalog_version,
            quarantined=self.store.quarantined(),
        )

    def close(self) -> None:
        self.client.close()

    def _emit(self, health: Health, detail: str, message: str) -> None:
        if self.on_event is not None:
            self.on_event(HealthEvent("sync", health, detail, message, self.clock.now()))

    # --- enrollment -------------------------------------------------------------------------------

    def enroll(self, backend_url: str, code: str, business_number: str) -> str:
        check_backend_url(backend_url)
        key = load_or_create_key(key_path(self.data_dir))
        self.store.update(backend_url=backend_url.rstrip("/"))
        resp = self.client.call(
            self.store.read(),
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
        doc = reply_json(resp)
        try:
            terminal_id, programme_key = str(doc["terminal_id"]), str(doc["programme_public_key"])
        except (KeyError, TypeError):
            raise BackendUnavailable("서버 응답 형식이 잘못되었습니다 / malformed enrollment reply") from None
        self.client.forget_nonce()
        self.store.update(terminal_id=terminal_id, programme_key=programme_key, last_error="")
        return terminal_id

    def rotate_key(self) -> None:
        """Replace the device key: a new key is made next to the old one, the backend is told with a
        request signed by the old key, then the new file replaces the old one. A crash in between is
        repaired by the next request (a refused signature with a pending new key promotes it) or by
        running this again (the pending new key is reused)."""
        st = self.store.read()
        if not st.enrolled:
            raise NotEnrolled("단말기가 등록되지 않았습니다 / not enrolled: nothing to rotate")
        new_key = load_or_create_key(pending_key_path(self.data_dir))
        self.client.call(st, "POST", f"{API}/terminals/{st.terminal_id}/key", {"public_key": public_key_text(new_key)})
        promote_new_key(self.data_dir)

    # --- push, heartbeat, catalog -----------------------------------------------------------------

    def push_pending(self) -> int:
        """Send every entry above the acknowledgement; returns how many the server newly stored
        (kiosk/sync/push.py)."""
        return self.pusher.push_pending()

    def heartbeat(self) -> dict[str, Any]:
        st = self.store.read()
        events = list(self.health()) if self.health is not None else []
        events.append(self._disk_health())
        events.extend(self._selftest_health())
        body = {
            "clock": self.clock.now().isoformat(),
            "pending": max(0, self.ledger.last_seq() - st.acked_seq),
            "last_seq": self.ledger.last_seq(),
            "catalog_version": st.catalog_version,
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
        doc: dict[str, Any] = reply_json(
            self.client.call(st, "POST", f"{API}/terminals/{st.terminal_id}/heartbeat", body)
        )
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
        return self.catalog.pull()

    def apply_bundle(self, bundle: dict[str, Any]) -> int:
        """Verify a signed catalog bundle and apply it atomically, then journal it."""
        return self.catalog.apply(bundle)

    def reconcile_catalog(self) -> None:
        """Journal an applied catalog the journal does not know yet (kiosk/sync/catalog.py)."""
        self.catalog.reconcile()

    # --- a whole round ----------------------------------------------------------------------------

    def sync_once(self, *, force_heartbeat: bool = False) -> SyncStatus:
        """Push, heartbeat (at most every minute) and pull. Records the outcome in the sync state;
        raises SyncError (after recording it) when the round failed."""
        self.catalog.reconcile()
        try:
            self.pusher.push_pending()
            due = self._last_heartbeat is None or self.clock.monotonic() - self._last_heartbeat >= HEARTBEAT_EVERY
            if force_heartbeat or due:
                hb = self.heartbeat()
                available = hb.get("catalog_version_available", 0) if isinstance(hb, dict) else 0
                if isinstance(available, int) and available > self.store.read().catalog_version:
                    try:
                        self.catalog.pull()
                    except BundleError as exc:
                        self._emit(Health.DEGRADED, "catalog_rejected", str(exc))
                        raise
        except SyncError as exc:
            st = self.store.read()
            offline = st.offline_since or (
                self.clock.now().isoformat(timespec="seconds") if isinstance(exc, BackendUnavailable) else ""
            )
            self.store.update(last_error=str(exc), offline_since=offline)
            raise
        self.store.update(
            last_error="", offline_since="", last_success_at=self.clock.now().isoformat(timespec="seconds")
        )
        return self.status()
