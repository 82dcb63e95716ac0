"""What the receipt service tells the UI about a print job: light on purpose (no ledger, no SQLAlchemy),
so the view-model can import it before the ledger is open."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.receipts.document import DocumentKind

PRINTED, FAILED, REPRINTED = "printed", "print_failed", "reprinted"


@dataclass(frozen=True, slots=True)
class ReceiptEvent:
    """For the UI and staff alerts: what happened to one print job."""

    order_id: str
    kind: DocumentKind
    result: str  # "printed", "print_failed", "reprinted"
    job_id: str
    detail: str = ""
    message: str = ""
