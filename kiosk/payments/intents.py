"""Payment intents: written to the ledger before anything leaves the device, one id for every call.

States: created → sent → approved | declined | cancelled | unknown; unknown → approved | declined |
net_cancelled | manual_review; approved → net_cancelled | refunded | manual_review. Every transition is
a journal entry (`payment.<state>`), projected into the `payment_intents` read model in the same
transaction. An approved intent is *completed* when the sale that it paid for is committed (the
sale.completed entry carries the intent id as its payment id); that happens in the same transaction,
through a wrapper around the ledger's sale projector that also refuses a card / QR / barcode sale
without a committed approval.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger, LedgerError, LedgerTransaction
from kiosk.ledger.models import Base, JournalRow
from kiosk.payments.masking import check_masked
from kiosk.protocol import JournalEntry


class IntentState(StrEnum):
    CREATED = "created"
    SENT = "sent"
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # nothing was charged: the customer or the kiosk stopped before approval
    UNKNOWN = "unknown"
    NET_CANCELLED = "net_cancelled"  # 망취소: an approval (or a possible one) was reversed
    REFUNDED = "refunded"
    MANUAL_REVIEW = "manual_review"


FINAL_STATES = frozenset(
    {
        IntentState.DECLINED,
        IntentState.CANCELLED,
        IntentState.NET_CANCELLED,
        IntentState.REFUNDED,
        IntentState.MANUAL_REVIEW,
    }
)

ALLOWED: dict[IntentState, frozenset[IntentState]] = {
    IntentState.CREATED: frozenset({IntentState.SENT, IntentState.CANCELLED}),
    IntentState.SENT: frozenset(
        {IntentState.APPROVED, IntentState.DECLINED, IntentState.CANCELLED, IntentState.UNKNOWN}
    ),
    IntentState.UNKNOWN: frozenset(
        {
            IntentState.APPROVED,
            IntentState.DECLINED,
            IntentState.CANCELLED,
            IntentState.NET_CANCELLED,
            IntentState.MANUAL_REVIEW,
            IntentState.UNKNOWN,
        }
    ),
    IntentState.APPROVED: frozenset({IntentState.NET_CANCELLED, IntentState.REFUNDED, IntentState.MANUAL_REVIEW}),
    IntentState.MANUAL_REVIEW: frozenset({IntentState.NET_CANCELLED, IntentState.REFUNDED}),
    # a QR paid after it expired or was cancelled: refunded as a reconciliation item, never an order
    IntentState.CANCELLED: frozenset({IntentState.REFUNDED}),
}

KIND_PREFIX = "payment."
INTENT_KINDS = tuple(KIND_PREFIX + s.value for s in IntentState)
# The payment methods that go through an intent before anything happens (cash and paper vouchers do not).
INTENT_METHODS = frozenset({PaymentMethod.CARD.value, PaymentMethod.QR.value, PaymentMethod.BARCODE.value})
RECOVERY_KIND = "payment.recovery"
REFUND_REQUESTED_KIND = "payment.refund_requested"
# An approved intent leaves these when its refund (or reversal) is settled: its open refund request closes.
_CLOSES_REFUND = frozenset({IntentState.REFUNDED, IntentState.NET_CANCELLED, IntentState.MANUAL_REVIEW})
RECONCILIATION_KIND = "payment.reconciliation"


class IntentRow(Base):
    __tablename__ = "payment_intents"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    order_id: Mapped[str] = mapped_column(String(36), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    order_ref: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    ever_approved: Mapped[bool] = mapped_column(Boolean)
    order_completed: Mapped[bool] = mapped_column(Boolean)
    provider: Mapped[str] = mapped_column(String(64))
    approval_no: Mapped[str] = mapped_column(String(64))
    approved_at: Mapped[str] = mapped_column(String(40))
    issuer: Mapped[str] = mapped_column(String(64))
    masked_card: Mapped[str] = mapped_column(String(32))
    installments: Mapped[int] = mapped_column(Integer)
    code_hint: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    last_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))
    # migration 0007: `pending` and `reconcile_late` seek what is open instead of scanning every intent
    __table_args__ = (
        Index("ix_payment_intents_state_open", "state", "order_completed"),
        Index("ix_payment_intents_state_created", "state", "created_at"),
    )


class OpenRefundRow(Base):
    """A refund asked of the provider whose outcome is not committed yet (migration 0008): recovery reads
    these, not every refund request ever written. Opened by `payment.refund_requested`, closed in the same
    transaction as the intent's refunded / net-cancelled / manual-review entry."""

    __tablename__ = "open_refund_requests"
    intent_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))


@dataclass(frozen=True, slots=True)
class Intent:
    id: str
    order_id: str
    method: PaymentMethod
    amount: int
    order_ref: str
    state: IntentState
    ever_approved: bool
    order_completed: bool
    provider: str
    approval_no: str
    approved_at: str
    issuer: str
    masked_card: str
    installments: int
    code_hint: str
    reason: str
    created_at: str

    @property
    def final(self) -> bool:
        """Nothing more to do: a final state, or approved with its order committed."""
        return self.state in FINAL_STATES or (self.state is IntentState.APPROVED and self.order_completed)

    @staticmethod
    def from_row(r: IntentRow) -> Intent:
        return Intent(
            r.id,
            r.order_id,
            PaymentMethod(r.method),
            r.amount,
            r.order_ref,
            IntentState(r.state),
            r.ever_approved,
            r.order_completed,
            r.provider,
            r.approval_no,
            r.approved_at,
            r.issuer,
            r.masked_card,
            r.installments,
            r.code_hint,
            r.reason,
            r.created_at,
        )


class IllegalTransition(LedgerError):
    pass


_DETAIL_FIELDS = ("provider", "approval_no", "approved_at", "issuer", "masked_card", "installments", "code_hint")


def _project(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    s = tx.session
    state = IntentState(entry.kind.removeprefix(KIND_PREFIX))
    row = s.get(IntentRow, payload["intent_id"])
    if state is IntentState.CREATED:
        if row is not None:
            raise LedgerError(f"payment intent {payload['intent_id']} already exists")
        row = IntentRow(
            id=payload["intent_id"],
            order_id=payload["order_id"],
            method=payload["method"],
            amount=payload["amount"],
            order_ref=payload.get("order_ref", ""),
            state=state.value,
            ever_approved=False,
            order_completed=False,
            provider=payload.get("provider", ""),
            approval_no="",
            approved_at="",
            issuer="",
            masked_card="",
            installments=0,
            code_hint=payload.get("code_hint", ""),
            reason="",
            created_at=entry.ts,
            updated_at=entry.ts,
            last_seq=entry.seq,
        )
        s.add(row)
        s.flush()
        return
    if row is None:
        raise LedgerError(f"no payment intent {payload['intent_id']}")
    current = IntentState(row.state)
    if state not in ALLOWED.get(current, frozenset()):
        raise IllegalTransition(f"payment intent {row.id}: {current.value} → {state.value} is not allowed")
    row.state = state.value
    row.updated_at = entry.ts
    row.last_seq = entry.seq
    if state is IntentState.APPROVED or payload.get("late"):
        row.ever_approved = True
    for f in _DETAIL_FIELDS:
        if f in payload and payload[f] not in ("", None):
            setattr(row, f, payload[f])
    if "reason" in payload:
        row.reason = payload["reason"]
    if state in _CLOSES_REFUND:
        tx.connection.execute(delete(OpenRefundRow).where(OpenRefundRow.intent_id == row.id))
    s.flush()


def _project_refund_request(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    row = {"intent_id": payload["intent_id"], "reason": payload.get("reason", ""), "journal_seq": entry.seq}
    stmt = sqlite_insert(OpenRefundRow).values(row)
    tx.connection.execute(
        stmt.on_conflict_do_update(
            index_elements=[OpenRefundRow.intent_id],
            set_={"reason": stmt.excluded.reason, "journal_seq": stmt.excluded.journal_seq},
        )
    )


def complete_with_intent(tx: LedgerTransaction, payment: dict[str, Any], order_id: str) -> None:
    """The sale guard's rule for one payment of a sale: a card / QR / barcode payment completes an order
    only with its own committed approval (`payment["id"]` is the intent's id), once; the intent is marked
    as having completed it. Cash and paper vouchers have no intent."""
    if payment["method"] not in INTENT_METHODS:
        return
    row = tx.session.get(IntentRow, payment["id"]) if payment.get("id") else None
    if row is None or not row.ever_approved or row.order_id != order_id:
        raise LedgerError(
            "no committed payment approval for this order: the sale is not recorded "
            "(use PaymentRecord(id=<intent id>) from the approved PaymentResult)"
        )
    if row.state != IntentState.APPROVED.value and not row.order_completed:
        raise LedgerError(f"payment intent {row.id} is {row.state}; it cannot complete an order")
    row.order_completed = True


def _check_sale(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    complete_with_intent(tx, payload["payment"], payload["order"]["id"])


def install(ledger: Ledger) -> None:
    """Register the intent projectors and the sale guard on `ledger` (idempotent)."""
    for kind in INTENT_KINDS:
        ledger.register_projector(kind, _project)
    ledger.register_projector(REFUND_REQUESTED_KIND, _project_refund_request)
    ledger.extend_sale("payment_intents", check=_check_sale)


class IntentStore:
    """Reads and writes intents on one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        install(ledger)

    def create(
        self, intent_id: str, order_id: str, method: PaymentMethod, amount: int, order_ref: str = "", **extra: Any
    ) -> Intent:
        if amount <= 0:
            raise LedgerError("a payment amount must be positive")
        payload = {
            "intent_id": intent_id,
            "order_id": order_id,
            "method": method.value,
            "amount": amount,
            "order_ref": order_ref,
            **extra,
        }
        self.ledger.record(KIND_PREFIX + IntentState.CREATED.value, payload)
        return self.get(intent_id)

    def transition(self, intent_id: str, state: IntentState, **details: Any) -> Intent:
        if "masked_card" in details:
            details["masked_card"] = check_masked(str(details["masked_card"]))
        self.ledger.record(KIND_PREFIX + state.value, {"intent_id": intent_id, **details})
        return self.get(intent_id)

    def get(self, intent_id: str) -> Intent:
        with self.ledger.reading() as s:
            row = s.get(IntentRow, intent_id)
            if row is None:
                raise LedgerError(f"no payment intent {intent_id}")
            return Intent.from_row(row)

    def find(self, intent_id: str) -> Intent | None:
        with self.ledger.reading() as s:
            row = s.get(IntentRow, intent_id)
            return Intent.from_row(row) if row is not None else None

    def all(self) -> list[Intent]:
        with self.ledger.reading() as s:
            return [Intent.from_row(r) for r in s.execute(select(IntentRow).order_by(IntentRow.created_at)).scalars()]

    def pending(self) -> list[Intent]:
        """Intents that are not final: recovery resolves these. Two seeks on the (state, order_completed)
        index of migration 0007 (SQLAlchemy writes the negation as `order_completed = 0`), so the cost is
        the open intents', not the year's approved ones."""
        open_states = [IntentState.CREATED.value, IntentState.SENT.value, IntentState.UNKNOWN.value]
        with self.ledger.reading() as s:
            rows = s.execute(
                select(IntentRow)
                .where(
                    IntentRow.state.in_(open_states)
                    | ((IntentRow.state == IntentState.APPROVED.value) & ~IntentRow.order_completed)
                )
                .order_by(IntentRow.created_at)
            )
            return [Intent.from_row(r) for r in rows.scalars()]

    def open_refund_requests(self) -> list[tuple[Intent, str]]:
        """Approved intents with a refund asked of the provider and not settled (a crash in between), with
        the reason asked: a read of the open requests (migration 0008), not of every request ever made."""
        with self.ledger.reading() as s:
            rows = s.execute(
                select(IntentRow, OpenRefundRow.reason)
                .join(OpenRefundRow, OpenRefundRow.intent_id == IntentRow.id)
                .where(IntentRow.state == IntentState.APPROVED.value)
                .order_by(OpenRefundRow.journal_seq)
            )
            return [(Intent.from_row(r), reason) for r, reason in rows]

    def for_order(self, order_id: str) -> list[Intent]:
        with self.ledger.reading() as s:
            rows = s.execute(select(IntentRow).where(IntentRow.order_id == order_id).order_by(IntentRow.created_at))
            return [Intent.from_row(r) for r in rows.scalars()]

    def history(self, intent_id: str) -> list[tuple[str, dict[str, Any]]]:
        """The journal entries about one intent, oldest first (kind, payload)."""
        out: list[tuple[str, dict[str, Any]]] = []
        with self.ledger.reading() as s:
            rows = s.execute(select(JournalRow).where(JournalRow.kind.like("payment.%")).order_by(JournalRow.seq))
            for r in rows.scalars():
                payload = json.loads(r.payload)
                if payload.get("intent_id") == intent_id:
                    out.append((r.kind, payload))
        return out
