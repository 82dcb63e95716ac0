"""Tables of the ledger: the append-only journal and the read models written with it."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class JournalRow(Base):
    """One business event. Triggers refuse UPDATE and DELETE (see the first migration)."""

    __tablename__ = "journal"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    device_id: Mapped[str] = mapped_column(String(64))
    ts: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OrderRow(Base):
    __tablename__ = "orders"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10))
    order_number: Mapped[int] = mapped_column(Integer)
    order_type: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[str] = mapped_column(String(40))
    local_hour: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(4))
    total: Mapped[int] = mapped_column(Integer)
    taxable_total: Mapped[int] = mapped_column(Integer)
    tax_free_total: Mapped[int] = mapped_column(Integer)
    supply_value: Mapped[int] = mapped_column(Integer)
    vat: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # completed | refunded
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))
    __table_args__ = (
        UniqueConstraint("business_date", "order_number", name="uq_orders_day_number"),
        Index("ix_orders_business_date", "business_date"),
    )


class OrderLineRow(Base):
    __tablename__ = "order_lines"
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    item_id: Mapped[str] = mapped_column(String(64))
    name_ko: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    line_total: Mapped[int] = mapped_column(Integer)
    tax_type: Mapped[str] = mapped_column(String(8))
    options_ko: Mapped[str] = mapped_column(Text)


class PaymentRow(Base):
    __tablename__ = "payments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    provider: Mapped[str] = mapped_column(String(64))
    approval_no: Mapped[str] = mapped_column(String(64))
    issuer: Mapped[str] = mapped_column(String(64))
    masked_card: Mapped[str] = mapped_column(String(32))
    installments: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # approved | refunded


class RefundRow(Base):
    __tablename__ = "refunds"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), unique=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    created_at: Mapped[str] = mapped_column(String(40))
    amount: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))


class DailyTotalRow(Base):
    __tablename__ = "daily_totals"
    business_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    sale_count: Mapped[int] = mapped_column(Integer, default=0)
    gross: Mapped[int] = mapped_column(Integer, default=0)
    refund_count: Mapped[int] = mapped_column(Integer, default=0)
    refunds: Mapped[int] = mapped_column(Integer, default=0)
    taxable_total: Mapped[int] = mapped_column(Integer, default=0)  # net of refunds
    tax_free_total: Mapped[int] = mapped_column(Integer, default=0)  # net of refunds
    supply_value: Mapped[int] = mapped_column(Integer, default=0)  # net of refunds
    vat: Mapped[int] = mapped_column(Integer, default=0)  # net of refunds


class OpenPrintRow(Base):
    """A receipt or kitchen ticket whose last print failed: the read model start-up reads pending prints
    from (O(open), not O(history)). Written by the receipt service's projector in the same transaction as
    the `*.print_failed` entry and deleted with the `*.printed` / `*.reprinted` one (migration 0006
    backfilled it once from the journal)."""

    __tablename__ = "open_prints"
    order_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    document: Mapped[str] = mapped_column(String(16), primary_key=True)  # receipt | kitchen
    order_number: Mapped[int] = mapped_column(Integer)
    job_id: Mapped[str] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))


READ_MODEL_TABLES = ("order_lines", "payments", "refunds", "orders", "daily_totals")
