"""The staff read models, in the ledger database: who works here, and the wrong-PIN counters and locks.

`staff` is written in the same transaction as each `staff.*` journal entry. Its PIN columns (hash, salt,
parameters) are the one part that is deliberately not in the journal: the journal is synced off the
device, and a PIN hash must never leave it (docs/STAFF.md). `sign_in_guard` holds one row per subject
(a person's id, or "terminal" for PINs that matched nobody) so delays and locks survive restarts."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.ledger.models import Base


class StaffRow(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # kiosk.session.modes.Role
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    pin_params: Mapped[str] = mapped_column(String(64), default="")  # "" while no PIN is set
    pin_salt: Mapped[str] = mapped_column(String(64), default="")
    pin_hash: Mapped[str] = mapped_column(String(128), default="")
    must_change_pin: Mapped[bool] = mapped_column(Boolean, default=True)  # a one-time PIN: set your own
    pin_expires_at: Mapped[str] = mapped_column(String(40), default="")  # a one-time PIN's end; "" none
    card_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)  # keyed hash
    created_at: Mapped[str] = mapped_column(String(40))
    removed_at: Mapped[str] = mapped_column(String(40), default="")
    journal_seq: Mapped[int] = mapped_column(ForeignKey("journal.seq"))


class SignInGuardRow(Base):
    __tablename__ = "sign_in_guard"
    subject: Mapped[str] = mapped_column(String(36), primary_key=True)  # a staff id, or "terminal"
    failures: Mapped[int] = mapped_column(Integer, default=0)  # wrong PINs since the last success
    retry_at: Mapped[str] = mapped_column(String(40), default="")  # no try before (UTC ISO); "" none
    locked: Mapped[bool] = mapped_column(Boolean, default=False)  # retry_at is a lock, not a delay
