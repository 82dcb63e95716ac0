"""The counter's read models, in the ledger database (migration 0020), each written in the same transaction
as the journal entry it comes from (kiosk/counter/day.py's projectors), so they can be rebuilt from the
journal (`rebuild`):

- `day_sessions`: one row per business day opened at this terminal (open → closed, reopened → closed again);
- `cash_movements`: every won that went into or out of the drawer (float, cash sales net of change, change
  given for a paper voucher, cash refunds, paid in / out), so the drawer's expected balance is one sum;
- `drawer_openings`: every time the drawer was opened, and why (a sale, a no-sale with its reason, a count);
- `counter_discounts`: discounts given, with reason and who approved one over the shop's limit;
- `cash_receipts`: 현금영수증 issued / due / cancelled; the identifier only masked, keyed-hashed and its last 4;
- `z_reports`: one row per Z (number, day, journal seq, headline figures) for the owner's calendar.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.ledger.models import Base


class DaySessionRow(Base):
    __tablename__ = "day_sessions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    state: Mapped[str] = mapped_column(String(16))  # open | closed
    start_seq: Mapped[int] = mapped_column(Integer)  # the Z covers journal seq in (start_seq, closed_seq]
    opened_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))
    opened_at: Mapped[str] = mapped_column(String(40))
    opened_by: Mapped[str] = mapped_column(String(36))
    opened_by_name: Mapped[str] = mapped_column(String(64))
    float_amount: Mapped[int] = mapped_column(Integer)
    auto: Mapped[bool] = mapped_column(Boolean)
    closed_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    closed_at: Mapped[str] = mapped_column(String(40))
    z_number: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CashMovementRow(Base):
    __tablename__ = "cash_movements"
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # float | sale | voucher_change | refund | paid_in | paid_out
    amount: Mapped[int] = mapped_column(Integer)  # signed: + into the drawer, - out of it
    person_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text)
    order_id: Mapped[str] = mapped_column(String(36))


class DrawerOpeningRow(Base):
    __tablename__ = "drawer_openings"
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # sale | no_sale | refund | paid_in | paid_out | count
    person_id: Mapped[str] = mapped_column(String(36))
    person_name: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)


class CounterDiscountRow(Base):
    __tablename__ = "counter_discounts"
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(String(36), index=True)
    order_id: Mapped[str] = mapped_column(String(36), index=True)
    scope: Mapped[str] = mapped_column(String(8))  # line | ticket
    kind: Mapped[str] = mapped_column(String(8))  # amount | percent
    value: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)  # won taken off
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(36))


class CashReceiptRow(Base):
    __tablename__ = "cash_receipts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    order_id: Mapped[str] = mapped_column(String(36), index=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(16))  # deduction (소득공제) | proof (지출증빙)
    id_kind: Mapped[str] = mapped_column(String(16))  # phone | card | business | self
    id_masked: Mapped[str] = mapped_column(String(32))
    id_hash: Mapped[str] = mapped_column(String(64))
    id_last4: Mapped[str] = mapped_column(String(4))
    state: Mapped[str] = mapped_column(String(16), index=True)  # due | requested | issued | failed | cancelled
    approval_no: Mapped[str] = mapped_column(String(32))
    approved_at: Mapped[str] = mapped_column(String(40))
    due_by: Mapped[str] = mapped_column(String(10))
    cancel_reason: Mapped[str] = mapped_column(String(4))
    cancel_approval_no: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))


class ZReportRow(Base):
    __tablename__ = "z_reports"
    z_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(String(36), index=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))
    closed_at: Mapped[str] = mapped_column(String(40))
    sale_count: Mapped[int] = mapped_column(Integer)
    gross: Mapped[int] = mapped_column(Integer)
    refunds: Mapped[int] = mapped_column(Integer)
    cash_expected: Mapped[int] = mapped_column(Integer)
    cash_counted: Mapped[int] = mapped_column(Integer)
    valid: Mapped[bool] = mapped_column(Boolean)  # false once the day was reopened (마감 취소)


COUNTER_TABLES = (
    "day_sessions",
    "cash_movements",
    "drawer_openings",
    "counter_discounts",
    "cash_receipts",
    "z_reports",
)
