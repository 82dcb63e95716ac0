"""The counter's refusal that every part of it raises (selling, holding, refunding)."""

from __future__ import annotations

from kiosk.ledger.ledger import LedgerError


class SaleRefused(LedgerError):
    """A counter sale or refund that cannot go ahead; the message is for the screen."""
