"""Cash receipts (현금영수증, DESIGN §13): issued through a provider port, every step a journal entry.

The VAN interfaces are under NDA, so the provider is a port (`CashReceiptProvider`) with a reference
simulator (`SimulatedCashReceiptProvider`). Issuing writes `cash_receipt.requested` before the provider
is asked (a crash in between leaves a `requested` receipt that `resolve_pending` settles by asking the
provider about the same receipt id: never a second issue), then `cash_receipt.issued` or
`cash_receipt.failed`. A shop on the mandatory-issue list (a setting) gets a `cash_receipt.due` entry for
every cash sale of at least the threshold (100,000 won) whose customer gave no identifier; `issue_due`
issues it, to the customer's number if they come back within the deadline (5 days), else to the tax
office's self-issue number 010-000-1234. Cancelling needs the original approval number and date and a
reason code (1 transaction cancelled, 2 issued in error, 3 other).

Identifiers are masked and keyed-hashed (kiosk/counter/identifiers.py) before anything is journaled.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import select

from kiosk.counter.identifiers import SELF_ISSUE_NUMBER, Identifier, IdKind, Purpose, self_issue
from kiosk.counter.models import CashReceiptRow
from kiosk.domain.ids import uuid7
from kiosk.domain.money import split_vat
from kiosk.ledger.ledger import Ledger, LedgerError, LedgerTransaction
from kiosk.protocol import JournalEntry

REQUESTED = "cash_receipt.requested"
ISSUED = "cash_receipt.issued"
FAILED = "cash_receipt.failed"
DUE = "cash_receipt.due"
CANCELLED = "cash_receipt.cancelled"
KINDS = (REQUESTED, ISSUED, FAILED, DUE, CANCELLED)
DEADLINE_DAYS = 5  # the self-issue must be made within 5 days of the sale


class CancelReason(StrEnum):
    TRANSACTION_CANCELLED = "1"  # 거래취소
    ISSUED_IN_ERROR = "2"  # 오류발급
    OTHER = "3"  # 기타


class CashReceiptError(LedgerError):
    """A cash-receipt operation that was refused; the message says what to do."""


class ProviderRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ProviderUnknown(Exception):
    """No answer from the provider: the outcome is not known (query later by the receipt id)."""


@dataclass(frozen=True, slots=True)
class IssueRequest:
    receipt_id: str
    amount: int
    supply_value: int
    vat: int
    purpose: Purpose
    id_kind: IdKind
    identifier: str = ""  # the digits, in memory only on their way to the provider
    trade_date: str = ""  # YYYYMMDD


@dataclass(frozen=True, slots=True)
class CancelRequest:
    receipt_id: str
    original_approval_no: str
    original_date: str  # YYYYMMDD
    reason: CancelReason
    amount: int


@dataclass(frozen=True, slots=True)
class Approval:
    approval_no: str
    approved_at: str  # ISO timestamp from the provider


class CashReceiptProvider(Protocol):
    def issue(self, request: IssueRequest) -> Approval: ...

    def cancel(self, request: CancelRequest) -> Approval: ...

    def query(self, receipt_id: str) -> Approval | None:
        """The approval the provider gave for `receipt_id`, or None if it never issued one."""
        ...


class SimulatedCashReceiptProvider:
    """The reference simulator: approves well-formed requests with 9-digit approval numbers, remembers
    them, and checks cancels against the original approval number and date. `fail_next` injects a
    refusal or a lost answer (tests). `seen` keeps the identifiers it was given (the only place they
    exist), so tests can check that the provider, and nothing else, got the number."""

    def __init__(self, clock: Any) -> None:
        self.clock = clock
        self._numbers = itertools.count(100_000_001)
        self._lock = threading.Lock()
        self.issued: dict[str, tuple[Approval, IssueRequest]] = {}
        self.cancelled: dict[str, Approval] = {}
        self.seen: list[str] = []
        self.fail_next: str = ""  # "" | "refuse" | "unknown" | "unknown_after_issue"

    def issue(self, request: IssueRequest) -> Approval:
        with self._lock:
            mode, self.fail_next = self.fail_next, ""
            if mode == "refuse":
                raise ProviderRefused("E01", "국세청 응답 거절 (simulated)")
            if mode == "unknown":
                raise ProviderUnknown("no answer from the cash-receipt provider")
            if request.amount <= 0 or request.supply_value < 0 or request.vat < 0:
                raise ProviderRefused("E02", "금액 오류")
            if request.supply_value + request.vat > request.amount:
                raise ProviderRefused("E02", "공급가액과 부가세가 거래금액보다 큽니다")
            if request.id_kind is IdKind.SELF and request.identifier != SELF_ISSUE_NUMBER:
                raise ProviderRefused("E03", "자진발급 번호 오류")
            if request.receipt_id in self.issued:
                return self.issued[request.receipt_id][0]
            self.seen.append(request.identifier)
            approval = Approval(f"{next(self._numbers):09d}", self.clock.now().isoformat(timespec="seconds"))
            self.issued[request.receipt_id] = (approval, request)
            if mode == "unknown_after_issue":
                raise ProviderUnknown("the answer was lost after the provider issued")
            return approval

    def cancel(self, request: CancelRequest) -> Approval:
        with self._lock:
            original = next((a for a, _ in self.issued.values() if a.approval_no == request.original_approval_no), None)
            if original is None:
                raise ProviderRefused("C01", "원승인번호가 없습니다")
            if original.approved_at[:10].replace("-", "") != request.original_date:
                raise ProviderRefused("C02", "원거래일자가 맞지 않습니다")
            if request.reason not in CancelReason:
                raise ProviderRefused("C03", "취소사유 코드 오류")
            if request.original_approval_no in self.cancelled:
                raise ProviderRefused("C04", "이미 취소된 현금영수증입니다")
            approval = Approval(f"{next(self._numbers):09d}", self.clock.now().isoformat(timespec="seconds"))
            self.cancelled[request.original_approval_no] = approval
            return approval

    def query(self, receipt_id: str) -> Approval | None:
        with self._lock:
            found = self.issued.get(receipt_id)
            return found[0] if found else None


@dataclass(frozen=True, slots=True)
class CashReceipt:
    id: str
    order_id: str
    business_date: str
    amount: int
    purpose: str
    id_kind: str
    id_masked: str
    state: str
    approval_no: str
    approved_at: str
    due_by: str
    cancel_reason: str
    detail: str

    @staticmethod
    def from_row(r: CashReceiptRow) -> CashReceipt:
        return CashReceipt(
            r.id,
            r.order_id,
            r.business_date,
            r.amount,
            r.purpose,
            r.id_kind,
            r.id_masked,
            r.state,
            r.approval_no,
            r.approved_at,
            r.due_by,
            r.cancel_reason,
            r.detail,
        )


def _project(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    s = tx.session
    row = s.get(CashReceiptRow, payload["receipt_id"])
    if entry.kind in (REQUESTED, DUE):
        if row is None:
            row = CashReceiptRow(
                id=payload["receipt_id"],
                order_id=payload["order_id"],
                business_date=payload["business_date"],
                amount=payload["amount"],
                purpose=payload["purpose"],
                approval_no="",
                approved_at="",
                due_by=payload.get("due_by", ""),
                cancel_reason="",
                cancel_approval_no="",
                detail="",
                journal_seq=entry.seq,
            )
            s.add(row)
        elif row.state not in ("due", "failed"):
            raise CashReceiptError(f"cash receipt {row.id} is {row.state}; it cannot be requested again")
        row.id_kind = payload["id_kind"]
        row.id_masked = payload["id_masked"]
        row.id_hash = payload["id_hash"]
        row.id_last4 = payload["id_last4"]
        row.purpose = payload["purpose"]
        row.state = "due" if entry.kind == DUE else "requested"
    else:
        if row is None:
            raise CashReceiptError(f"no cash receipt {payload['receipt_id']}")
        if entry.kind == ISSUED:
            row.state, row.approval_no, row.approved_at = "issued", payload["approval_no"], payload["approved_at"]
        elif entry.kind == FAILED:
            row.state, row.detail = "failed", payload.get("detail", "")
        elif entry.kind == CANCELLED:
            row.state = "cancelled"
            row.cancel_reason = payload["reason"]
            row.cancel_approval_no = payload["cancel_approval_no"]
    row.journal_seq = entry.seq
    s.flush()


def install(ledger: Ledger) -> None:
    for kind in KINDS:
        ledger.register_projector(kind, _project)


class CashReceipts:
    """Issue, mark due, list, cancel and resolve cash receipts on one ledger."""

    def __init__(self, ledger: Ledger, provider: CashReceiptProvider, key: bytes) -> None:
        self.ledger = ledger
        self.provider = provider
        self.key = key
        install(ledger)

    # --- issuing --------------------------------------------------------------------------------

    def issue(
        self,
        order_id: str,
        amount: int,
        identifier: Identifier,
        purpose: Purpose,
        *,
        taxable: int | None = None,
        receipt_id: str | None = None,
    ) -> CashReceipt:
        """Issue now (the customer gave their number, or the self-issue number). Raises CashReceiptError
        when the provider refused; a lost answer leaves the receipt `requested` for `resolve_pending`."""
        if amount <= 0:
            raise CashReceiptError("a cash receipt needs a positive amount")
        vat = split_vat(amount if taxable is None else taxable, 0 if taxable is None else amount - taxable)
        receipt_id = receipt_id or uuid7()
        today = self._today()
        self.ledger.record(
            REQUESTED,
            {
                "receipt_id": receipt_id,
                "order_id": order_id,
                "business_date": self._business_date(order_id) or today.isoformat(),
                "amount": amount,
                "supply_value": vat.supply_value,
                "vat": vat.vat,
                "purpose": purpose.value,
                **identifier.to_record(),
            },
        )
        request = IssueRequest(
            receipt_id,
            amount,
            vat.supply_value,
            vat.vat,
            purpose,
            identifier.kind,
            identifier.digits,
            today.strftime("%Y%m%d"),
        )
        return self._ask(request)

    def _ask(self, request: IssueRequest) -> CashReceipt:
        try:
            approval = self.provider.issue(request)
        except ProviderRefused as exc:
            self.ledger.record(FAILED, {"receipt_id": request.receipt_id, "code": exc.code, "detail": str(exc)})
            raise CashReceiptError(f"현금영수증 발급 거절: {exc} / the cash receipt was refused ({exc.code})") from None
        except ProviderUnknown:
            return self.get(request.receipt_id)
        return self._issued(request.receipt_id, approval)

    def _issued(self, receipt_id: str, approval: Approval) -> CashReceipt:
        self.ledger.record(
            ISSUED,
            {"receipt_id": receipt_id, "approval_no": approval.approval_no, "approved_at": approval.approved_at},
        )
        return self.get(receipt_id)

    def mark_due(self, order_id: str, amount: int, business_date: date) -> CashReceipt:
        """A mandatory receipt the customer gave no number for: due within DEADLINE_DAYS."""
        receipt_id = uuid7()
        ident = self_issue(self.key)
        self.ledger.record(
            DUE,
            {
                "receipt_id": receipt_id,
                "order_id": order_id,
                "business_date": business_date.isoformat(),
                "amount": amount,
                "purpose": Purpose.DEDUCTION.value,
                "due_by": (business_date + timedelta(days=DEADLINE_DAYS)).isoformat(),
                **ident.to_record(),
            },
        )
        return self.get(receipt_id)

    def issue_due(self, receipt_id: str, identifier: Identifier | None = None) -> CashReceipt:
        """Issue a due receipt: to the customer's number if given, else to 010-000-1234."""
        row = self.get(receipt_id)
        if row.state not in ("due", "failed"):
            raise CashReceiptError(f"this cash receipt is {row.state}, not due")
        ident = identifier or self_issue(self.key)
        purpose = Purpose(row.purpose) if identifier is not None else Purpose.DEDUCTION
        vat = split_vat(row.amount, 0)
        self.ledger.record(
            REQUESTED,
            {
                "receipt_id": receipt_id,
                "order_id": row.order_id,
                "business_date": row.business_date,
                "amount": row.amount,
                "supply_value": vat.supply_value,
                "vat": vat.vat,
                "purpose": purpose.value,
                **ident.to_record(),
            },
        )
        request = IssueRequest(
            receipt_id,
            row.amount,
            vat.supply_value,
            vat.vat,
            purpose,
            ident.kind,
            ident.digits,
            self._today().strftime("%Y%m%d"),
        )
        return self._ask(request)

    def cancel(self, receipt_id: str, approval_no: str, approved_date: str, reason: CancelReason | str) -> CashReceipt:
        """Cancel an issued receipt; the original approval number and date (YYYYMMDD) must match."""
        try:
            reason = CancelReason(str(reason))
        except ValueError:
            raise CashReceiptError("취소사유는 1 (거래취소), 2 (오류발급), 3 (기타) 중 하나입니다") from None
        row = self.get(receipt_id)
        if row.state != "issued":
            raise CashReceiptError(f"this cash receipt is {row.state}; only an issued one can be cancelled")
        if approval_no != row.approval_no or approved_date != row.approved_at[:10].replace("-", ""):
            raise CashReceiptError(
                "원승인번호와 원거래일자가 맞지 않습니다 / the original approval number or date differ"
            )
        try:
            approval = self.provider.cancel(CancelRequest(receipt_id, approval_no, approved_date, reason, row.amount))
        except ProviderRefused as exc:
            raise CashReceiptError(f"현금영수증 취소 거절: {exc} ({exc.code})") from None
        except ProviderUnknown:
            raise CashReceiptError("현금영수증 취소 응답이 없습니다: 다시 시도하세요 / no answer, try again") from None
        self.ledger.record(
            CANCELLED,
            {
                "receipt_id": receipt_id,
                "original_approval_no": approval_no,
                "original_date": approved_date,
                "reason": reason.value,
                "cancel_approval_no": approval.approval_no,
            },
        )
        return self.get(receipt_id)

    def resolve_pending(self) -> list[CashReceipt]:
        """Receipts asked for whose answer was lost: keep the provider's approval if it issued one, else
        mark failed (then due again if it was mandatory: `issue_due` accepts failed ones)."""
        out = []
        for r in self.by_state("requested"):
            approval = self.provider.query(r.id)
            if approval is not None:
                out.append(self._issued(r.id, approval))
            else:
                self.ledger.record(FAILED, {"receipt_id": r.id, "code": "lost", "detail": "no answer; not issued"})
                out.append(self.get(r.id))
        return out

    # --- reading --------------------------------------------------------------------------------

    def get(self, receipt_id: str) -> CashReceipt:
        with self.ledger.reading() as s:
            row = s.get(CashReceiptRow, receipt_id)
            if row is None:
                raise CashReceiptError(f"no cash receipt {receipt_id}")
            return CashReceipt.from_row(row)

    def by_state(self, state: str) -> list[CashReceipt]:
        with self.ledger.reading() as s:
            rows = s.execute(select(CashReceiptRow).where(CashReceiptRow.state == state).order_by(CashReceiptRow.id))
            return [CashReceipt.from_row(r) for r in rows.scalars()]

    def due(self) -> list[CashReceipt]:
        """Mandatory receipts still to issue, oldest deadline first."""
        return sorted(self.by_state("due"), key=lambda r: (r.due_by, r.id))

    def for_order(self, order_id: str) -> list[CashReceipt]:
        with self.ledger.reading() as s:
            rows = s.execute(select(CashReceiptRow).where(CashReceiptRow.order_id == order_id))
            return [CashReceipt.from_row(r) for r in rows.scalars()]

    def _today(self) -> date:
        now: datetime = self.ledger.clock.now()
        return now.astimezone(self.ledger.tz).date()

    def _business_date(self, order_id: str) -> str:
        from kiosk.ledger.models import OrderRow

        with self.ledger.reading() as s:
            row = s.get(OrderRow, order_id)
            return row.business_date if row is not None else ""
