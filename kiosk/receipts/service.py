"""ReceiptService: after a sale, the kitchen ticket always and the receipt if asked, never blocking the
caller (the UI thread), never losing a receipt and never printing one twice.

The sale is committed before anything prints. Each print is a job with an id; its outcome is a journal
entry (`receipt.printed`, `receipt.print_failed`, `receipt.reprinted`, and the same for
`kitchen_ticket.*`). A failed print becomes a pending print: the screen shows the receipt and its QR
instead, staff are told, and when the printer is back (or staff ask) it is reprinted once, as a new job
marked 재발행. Pending prints survive a restart: the `open_prints` read model holds the prints whose
last entry is a failure, written in the same transaction as that entry (and removed with the next
`*.printed` / `*.reprinted`), so start-up reads what is open, never the history of every print.

Journal writes happen on the printer's completion thread through a second `Ledger` over the same
engine: each `Ledger` keeps its own open-transaction state, and SQLite's BEGIN IMMEDIATE serialises
the writers, so the UI thread's sale transaction and these entries never mix.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kiosk.devices.health import Health, HealthEvent
from kiosk.domain.ids import uuid7
from kiosk.ledger.ledger import SALE_COMPLETED, Ledger, LedgerTransaction, SaleRecord
from kiosk.ledger.models import JournalRow, OpenPrintRow, OrderRow
from kiosk.protocol import JournalEntry
from kiosk.receipts.content import SaleView, ShopInfo, kitchen_ticket, receipt_document
from kiosk.receipts.document import Document, DocumentKind
from kiosk.receipts.events import FAILED, PRINTED, REPRINTED, ReceiptEvent
from kiosk.receipts.port import PrinterPort, PrintJob, PrintOutcome

log = logging.getLogger(__name__)

_PREFIX = {DocumentKind.RECEIPT: "receipt", DocumentKind.KITCHEN: "kitchen_ticket"}
PRINT_KINDS = [f"{p}.{s}" for p in _PREFIX.values() for s in (PRINTED, FAILED, REPRINTED)]


@dataclass(frozen=True, slots=True)
class PendingPrint:
    """A receipt or kitchen ticket that did not print. `document` is what the screen shows instead."""

    order_id: str
    order_number: int
    kind: DocumentKind
    failed_job_id: str
    detail: str
    message: str
    document: Document

    @property
    def qr_content(self) -> str:
        return self.document.qr_content


Listener = Callable[[object], None]  # receives ReceiptEvent and the printer's HealthEvent


def _project_print(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    """Keep `open_prints` in step with the journal, in the entry's transaction: a failure opens (or
    replaces) the order's pending print of that document, a print or reprint closes it."""
    key = (OpenPrintRow.order_id == payload["order_id"]) & (OpenPrintRow.document == payload["document"])
    if entry.kind.endswith("." + FAILED):
        row = {
            "order_id": payload["order_id"],
            "document": payload["document"],
            "order_number": payload["order_number"],
            "job_id": payload["job_id"],
            "detail": payload.get("detail", ""),
            "message": payload.get("message", ""),
            "journal_seq": entry.seq,
        }
        stmt = sqlite_insert(OpenPrintRow).values(row)
        stmt = stmt.on_conflict_do_update(
            index_elements=[OpenPrintRow.order_id, OpenPrintRow.document],
            set_={k: stmt.excluded[k] for k in row if k not in ("order_id", "document")},
        )
        tx.connection.execute(stmt)
    else:
        tx.connection.execute(delete(OpenPrintRow).where(key))


def install(ledger: Ledger) -> None:
    """Register the open-prints projector for every print kind on `ledger` (idempotent)."""
    for kind in PRINT_KINDS:
        ledger.register_projector(kind, _project_print)


class ReceiptService:
    def __init__(
        self,
        ledger: Ledger,
        printer: PrinterPort,
        shop: ShopInfo,
        terminal_id: str,
        *,
        listener: Listener | None = None,
        print_kitchen: bool = True,
        auto_reprint: bool = True,
    ) -> None:
        self._reader = ledger
        self._writer = Ledger(
            ledger.engine,
            device_id=ledger.device_id,
            clock=ledger.clock,
            tz=ledger.tz,
            day_start_hour=ledger.day_start_hour,
            order_numbers=ledger.order_numbers,
        )
        install(self._writer)
        self._printer = printer
        self.shop = shop
        self.terminal_id = terminal_id
        self._listener = listener
        self.print_kitchen = print_kitchen
        self.auto_reprint = auto_reprint
        self._lock = threading.Lock()
        self._pending: dict[tuple[str, DocumentKind], PendingPrint] = {}
        self._reprinting: set[tuple[str, DocumentKind]] = set()
        # Outcomes this service saw while a load was reading (newer than what it read, so they win). Only then:
        # kept for every print, it grew by 1.5 entries an order for the life of the process (issue 11's soak).
        self._seen: set[tuple[str, DocumentKind]] = set()
        self._loading = 0  # load_pending calls reading now
        self._printer_usable = True

    # --- the API the UI uses --------------------------------------------------------------------------
    def after_sale(self, sale: SaleRecord, print_receipt: bool) -> None:
        """Queue the kitchen ticket (always) and the receipt (if asked); returns at once."""
        view = self.sale_view(sale.order_id)
        if self.print_kitchen:
            self._submit(view, DocumentKind.KITCHEN, kitchen_ticket(view, self.shop), f"{view.order_id}:kitchen:1")
        if print_receipt:
            self._submit_receipt(view)

    def print_kitchen_ticket(self, order_id: str) -> None:
        """The kitchen ticket of a committed sale (unless `print_kitchen` is off); returns at once.

        The job id is fixed per order, so calling this twice never prints twice."""
        if self.print_kitchen:
            view = self.sale_view(order_id)
            self._submit(view, DocumentKind.KITCHEN, kitchen_ticket(view, self.shop), f"{order_id}:kitchen:1")

    def print_receipt(self, order_id: str) -> None:
        """The customer's receipt of a committed sale (the result screen's "yes"); returns at once.

        The job id is `<order_id>:receipt:1`, so a retry never prints a second receipt."""
        self._submit_receipt(self.sale_view(order_id))

    def pending(self) -> list[PendingPrint]:
        with self._lock:
            return sorted(self._pending.values(), key=lambda p: (p.order_number, p.kind.value))

    def receipt(self, order_id: str) -> Document:
        """The receipt document (for the result screen: shown with its QR when printing failed)."""
        return receipt_document(self.sale_view(order_id), self.shop, self.terminal_id)

    def reprint(self, order_id: str, kind: DocumentKind = DocumentKind.RECEIPT) -> str | None:
        """Print a copy marked 재발행 as a new job; returns its id, or None if one is already on its way."""
        key = (order_id, kind)
        with self._lock:
            if key in self._reprinting:
                return None
            self._reprinting.add(key)
        try:
            view = self.sale_view(order_id)
        except Exception:
            with self._lock:
                self._reprinting.discard(key)
            raise
        now = self._reader.clock.now()
        if kind is DocumentKind.KITCHEN:
            doc = kitchen_ticket(view, self.shop, reprint=True)
        else:
            doc = receipt_document(view, self.shop, self.terminal_id, reprint=True, reprinted_at=now)
        job_id = f"{order_id}:{_PREFIX[kind]}:r-{uuid7()}"
        self._submit(view, kind, doc, job_id, reprint=True)
        return job_id

    def reprint_pending(self) -> list[str]:
        return [job for p in self.pending() if (job := self.reprint(p.order_id, p.kind)) is not None]

    def on_printer_health(self, event: HealthEvent) -> None:
        """Wire the printer's listener here. Coming back to ok / degraded reprints what is pending."""
        usable = event.health in (Health.OK, Health.DEGRADED)
        with self._lock:
            recovered = usable and not self._printer_usable
            self._printer_usable = usable
        self._emit(event)
        if recovered and self.auto_reprint:
            self.reprint_pending()

    def on_printer_event(self, event: object) -> None:
        """A listener for `EscPosPrinter(listener=...)`: health events in, others passed on."""
        if isinstance(event, HealthEvent):
            self.on_printer_health(event)
        else:
            self._emit(event)

    def load_pending(self) -> int:
        """Find the prints still pending from earlier runs (at start; off the GUI thread). One read of the
        `open_prints` read model: its cost is the open prints', however long the journal is. Outcomes this
        service saw while it read win over what was read (an outcome seen before the read began is in what it
        read: the journal entry is written first). Returns how many are pending."""
        with self._lock:
            self._loading += 1
        try:
            return self._load_pending()
        finally:
            with self._lock:
                self._loading -= 1
                if not self._loading:
                    self._seen.clear()

    def _load_pending(self) -> int:
        with self._reader.reading() as s:
            rows = [
                (r.order_id, DocumentKind(r.document), r.job_id, r.detail, r.message)
                for r in s.execute(select(OpenPrintRow)).scalars()
            ]
        found = {}
        for order_id, kind, job_id, detail, message in rows:
            view = self.sale_view(order_id)
            doc = (
                receipt_document(view, self.shop, self.terminal_id)
                if kind is DocumentKind.RECEIPT
                else (kitchen_ticket(view, self.shop))
            )
            found[(order_id, kind)] = PendingPrint(order_id, view.order_number, kind, job_id, detail, message, doc)
        with self._lock:
            for key in list(self._pending):
                if key not in self._seen and key not in found:
                    del self._pending[key]
            for key, pending in found.items():
                if key not in self._seen:
                    self._pending[key] = pending
            return len(self._pending)

    # --- internals ------------------------------------------------------------------------------------
    def sale_view(self, order_id: str) -> SaleView:
        with self._reader.reading() as s:
            order = s.get(OrderRow, order_id)
            if order is None:
                raise LookupError(f"주문 {order_id}이(가) 장부에 없습니다 (no such order in this ledger)")
            entry = s.get(JournalRow, order.journal_seq)
            if entry is None or entry.kind != SALE_COMPLETED:
                raise LookupError(f"order {order_id}: its sale entry is missing; run `kiosk ledger verify`")
            return SaleView.from_payload(json.loads(entry.payload))

    def _submit_receipt(self, view: SaleView) -> None:
        doc = receipt_document(view, self.shop, self.terminal_id)
        self._submit(view, DocumentKind.RECEIPT, doc, f"{view.order_id}:receipt:1")

    def _submit(self, view: SaleView, kind: DocumentKind, doc: Document, job_id: str, reprint: bool = False) -> None:
        job = PrintJob(job_id, view.order_id, doc, reprint)
        self._printer.submit(job, lambda outcome: self._done(view, kind, job, outcome))

    def _done(self, view: SaleView, kind: DocumentKind, job: PrintJob, outcome: PrintOutcome) -> None:
        key = (view.order_id, kind)
        result = (REPRINTED if job.reprint else PRINTED) if outcome.ok else FAILED
        if not outcome.duplicate:
            payload = {
                "job_id": job.id,
                "order_id": view.order_id,
                "order_number": view.order_number,
                "document": kind.value,
                "reprint": job.reprint,
                "detail": outcome.detail,
                "message": outcome.message,
            }
            try:
                self._writer.record(f"{_PREFIX[kind]}.{result}", payload)
            except Exception:  # the print itself is done; the journal write is retried by nothing, so say it
                log.exception("could not record %s for job %s", result, job.id)
        with self._lock:
            if self._loading:
                self._seen.add(key)
            if job.reprint:
                self._reprinting.discard(key)
            if outcome.ok:
                self._pending.pop(key, None)
            else:
                failed_doc = (
                    receipt_document(view, self.shop, self.terminal_id)
                    if kind is DocumentKind.RECEIPT
                    else (kitchen_ticket(view, self.shop))
                )
                self._pending[key] = PendingPrint(
                    view.order_id, view.order_number, kind, job.id, outcome.detail, outcome.message, failed_doc
                )
        self._emit(ReceiptEvent(view.order_id, kind, result, job.id, outcome.detail, outcome.message))

    def _emit(self, event: object) -> None:
        if self._listener is not None:
            try:
                self._listener(event)
            except Exception:
                log.exception("receipt listener failed")
