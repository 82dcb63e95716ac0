"""The local ledger: the source of truth for every sale, on SQLite through SQLAlchemy 2."""

from kiosk.ledger.ledger import Ledger, LedgerError, PaymentRecord, SaleRecord

__all__ = ["Ledger", "LedgerError", "PaymentRecord", "SaleRecord"]
