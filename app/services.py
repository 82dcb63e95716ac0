"""The ledger side of `kiosk run`, built on a worker thread once the attract screen's first frame is
drawn: the ledger, the payment service (app/builders/payments.py) with payment recovery, and, on the GUI
thread once that is done, the sync worker. Receipt printing: app/builders/printing.py."""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass

from app.builders.payments import KioskPayments, build_payments
from app.builders.sync import build_sync_service
from app.context import open_ledger
from kiosk.config import Settings
from kiosk.ledger.ledger import Ledger
from kiosk.ports import Clock
from kiosk.sync.worker import SyncWorker


def start_sync(settings: Settings, ledger: Ledger, clock: Clock) -> SyncWorker | None:
    """The background sync worker, when this terminal is enrolled; selling never waits for it."""
    service = build_sync_service(settings, ledger, clock)
    if service.status().state == "not_enrolled":
        service.close()
        logging.getLogger(__name__).info("sync off: this terminal is not enrolled (kiosk enroll)")
        return None
    worker = SyncWorker(service, interval=settings.sync.interval_seconds)
    worker.start()
    return worker


class StartError(Exception):
    """The ledger side could not start; the message says what to fix, `code` is the exit status.
    `out_of_order`: the ledger itself cannot be used (damaged, not a ledger, not writable): the kiosk stays
    up saying so instead of being restarted over and over (docs/LEDGER.md)."""

    def __init__(self, message: str, code: int = 2, *, out_of_order: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.out_of_order = out_of_order


@dataclass
class Services:
    """What `kiosk run` sells through. Closed payments first, then sync, the ledger last, whatever fails."""

    ledger: Ledger
    payments: KioskPayments
    sync: SyncWorker | None = None

    def close(self) -> None:
        try:
            self.payments.close()
        finally:
            try:
                if self.sync is not None:
                    self.sync.stop()
                    self.sync.service.close()
            finally:
                self.ledger.close()


# SQLite's answers when the ledger's file or folder cannot be written or read at all (not a busy lock).
_UNUSABLE = frozenset({"SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_PERM"})


def _cannot_write(exc: BaseException) -> str | None:
    """SQLite's words when `exc` (raw or wrapped by SQLAlchemy) says the ledger cannot be opened for
    writing; None for anything else."""
    import sqlite3

    orig = getattr(exc, "orig", exc)
    name = getattr(orig, "sqlite_errorname", "") if isinstance(orig, sqlite3.Error) else ""
    return str(orig) if any(name.startswith(n) for n in _UNUSABLE) else None


def open_services(args: argparse.Namespace, settings: Settings, clock: Clock) -> Services:
    """The ledger and the payment service, with the intents a crash left open resolved (kept or
    net-cancelled): customers can start once this returns. Raises StartError with what to check."""
    try:
        ledger = open_ledger(args, settings, clock)
    except SystemExit as exc:  # open_ledger has said what is wrong with the file
        raise StartError("the ledger could not be opened (see above)", int(exc.code or 3), out_of_order=True) from None
    except Exception as exc:
        if _cannot_write(exc) is None:
            raise
        # A data directory or file system gone read-only: nothing to retry until staff fix it (the early
        # start's customer, if any, sees the out-of-order screen; nothing was committed).
        raise StartError(
            f"the ledger cannot be written ({_cannot_write(exc)}): check that the data directory "
            f"{settings.data_path} is writable and its disk healthy",
            3,
            out_of_order=True,
        ) from None
    try:
        payments = build_payments(settings, ledger)
    except Exception as exc:  # a missing terminal, a bad URL: say what to check, not a traceback
        ledger.close()
        raise StartError(f"[payments] {exc}") from None
    try:
        payments.recover()
    except Exception:
        payments.close()
        ledger.close()
        raise
    if settings.setup.terminal_mode in ("counter", "both"):
        # The business day spans both modes: a kiosk sale opens the day when the shop allows it, and the Z
        # counts kiosk and counter sales alike (docs/COUNTER.md). A kiosk-only terminal has no day to keep.
        from kiosk.counter.day import install
        from kiosk.counter.rules import rules_from

        install(ledger, rules_from(settings))
    return Services(ledger, payments)
