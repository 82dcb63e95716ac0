"""Sync state in the ledger database: enrollment (terminal id, programme key: public data only — the
device's private key lives in a 0600 file, never here), the last acknowledged sequence, the catalog
version, and quarantined entries. Written by the sync worker on its own sessions, never inside a sale.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.ledger.models import Base


class SyncStateRow(Base):
    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # always 1
    backend_url: Mapped[str] = mapped_column(String(200), default="")
    terminal_id: Mapped[str] = mapped_column(String(32), default="")
    programme_key: Mapped[str] = mapped_column(String(64), default="")
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    catalog_version: Mapped[int] = mapped_column(Integer, default=0)
    catalog_journaled: Mapped[int] = mapped_column(Integer, default=0)  # version last recorded in the journal
    last_success_at: Mapped[str] = mapped_column(String(40), default="")
    offline_since: Mapped[str] = mapped_column(String(40), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")


class QuarantineRow(Base):
    __tablename__ = "sync_quarantine"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entry_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))
