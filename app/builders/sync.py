"""The sync service over a ledger, from the settings: one builder for `kiosk run`'s worker, the `kiosk
enroll` / `kiosk sync` commands, the self-test and the set-up wizard's enrollment."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.ledger.ledger import Ledger
    from kiosk.ports import Clock
    from kiosk.sync.service import SyncService


def build_sync_service(
    settings: Settings, ledger: Ledger, clock: Clock, *, backend_url: str | None = None
) -> SyncService:
    """`backend_url`: instead of `sync.backend_url` (the wizard enrolls with the address just typed)."""
    from kiosk.sync.service import SyncService

    return SyncService(
        ledger,
        settings.data_path,
        clock,
        backend_url=settings.sync.backend_url if backend_url is None else backend_url,
        batch_size=settings.sync.batch_size,
    )
