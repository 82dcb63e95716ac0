"""The local ledger: the source of truth for every sale, on SQLite through SQLAlchemy 2.

`Ledger` and friends are loaded on first use, so that `kiosk.ledger.verify` and `kiosk.ledger.readonly`
(the read-only paths of `kiosk ledger verify` and `kiosk report`) do not import SQLAlchemy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ledger.ledger import Ledger, LedgerError, PaymentRecord, SaleRecord

__all__ = ["Ledger", "LedgerError", "PaymentRecord", "SaleRecord"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kiosk.ledger import ledger

        return getattr(ledger, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
