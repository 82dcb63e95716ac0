"""The sync state, typed: what the terminal knows about its enrollment and its backend (one row of
`sync_state` in the ledger database), the status shown to staff, and the store that reads and writes
them. The store always uses its own short sessions, never the ledger's transaction helper: the sync
worker's thread must never join a sale's transaction."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from kiosk.ledger.ledger import Ledger
from kiosk.sync.models import QuarantineRow, SyncStateRow


@dataclass(frozen=True, slots=True)
class SyncState:
    """A snapshot of the `sync_state` row (public data only: the device's private key is a file)."""

    backend_url: str = ""
    terminal_id: str = ""
    programme_key: str = ""  # the programme's public key, received at enrollment
    acked_seq: int = 0  # the highest sequence the backend has acknowledged with a signed receipt
    catalog_version: int = 0
    catalog_journaled: int = 0  # the catalog version last recorded in the journal
    last_success_at: str = ""
    offline_since: str = ""
    last_error: str = ""

    @property
    def enrolled(self) -> bool:
        return bool(self.terminal_id)


_FIELDS = tuple(f.name for f in dataclasses.fields(SyncState))
_SET_ACKED = update(SyncStateRow).where(SyncStateRow.id == 1).values(acked_seq=bindparam("seq"))


class SyncPhase(StrEnum):
    NOT_ENROLLED = "not_enrolled"
    SYNCED = "synced"
    PENDING = "pending"
    OFFLINE = "offline"


@dataclass(frozen=True)
class Quarantined:
    seq: int
    reason: str
    detail: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """An entry the backend refused (its receipt says why): quarantined, never re-sent as if sound."""

    seq: int
    entry_id: str
    reason: str
    detail: str


@dataclass(frozen=True)
class SyncStatus:
    state: SyncPhase  # a StrEnum: compares equal to "synced", "pending" ...
    pending: int
    acked_seq: int
    last_seq: int
    terminal_id: str = ""
    offline_since: str = ""
    last_error: str = ""
    last_success_at: str = ""
    catalog_version: int = 0
    quarantined: list[Quarantined] = field(default_factory=list)

    def summary(self) -> str:
        """One line for staff, Korean first."""
        if self.state is SyncPhase.NOT_ENROLLED:
            text = "동기화 꺼짐: 단말기 등록 전입니다 (kiosk enroll) / sync off: not enrolled"
        elif self.state is SyncPhase.SYNCED:
            text = f"동기화 완료 / synced (seq {self.acked_seq})"
        elif self.state is SyncPhase.PENDING:
            text = f"전송 대기 {self.pending}건 / pending {self.pending}"
        else:
            since = self.offline_since
            text = f"오프라인 {since}부터, 대기 {self.pending}건 / offline since {since}, pending {self.pending}"
        if self.quarantined:
            text += f"; 격리된 항목 {len(self.quarantined)}건 / {len(self.quarantined)} quarantined"
        if self.last_error and self.state is SyncPhase.SYNCED:
            # The last round failed even though nothing is pending (a refused heartbeat or catalog):
            # never say "synced" then.
            text = f"동기화 실패 / sync failed (seq {self.acked_seq} acknowledged)"
        if self.last_error:
            text += f"; 마지막 오류 / last error: {self.last_error}"
        return text


def phase_of(state: SyncState, pending: int) -> SyncPhase:
    if not state.enrolled:
        return SyncPhase.NOT_ENROLLED
    if state.offline_since:
        return SyncPhase.OFFLINE
    return SyncPhase.PENDING if pending else SyncPhase.SYNCED


class StateStore:
    """Reads and writes the one `sync_state` row and the quarantine table."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    @staticmethod
    def row(session: Session) -> SyncStateRow:
        """The row, created with its defaults on first use (inside `session`'s transaction)."""
        row = session.get(SyncStateRow, 1)
        if row is None:
            row = SyncStateRow(id=1, backend_url="", terminal_id="", programme_key="", acked_seq=0)
            row.catalog_version = row.catalog_journaled = 0
            row.last_success_at = row.offline_since = row.last_error = ""
            session.add(row)
            session.flush()
        return row

    @staticmethod
    def snapshot(row: SyncStateRow) -> SyncState:
        return SyncState(**{name: getattr(row, name) for name in _FIELDS})

    def read(self) -> SyncState:
        with Session(self.ledger.engine) as s, s.begin():
            return self.snapshot(self.row(s))

    def update(self, **values: Any) -> None:
        """Set fields of the state (names of `SyncState`'s fields) in one short transaction."""
        unknown = set(values) - set(_FIELDS)
        if unknown:
            raise TypeError(f"not sync state fields: {sorted(unknown)}")
        with Session(self.ledger.engine) as s, s.begin():
            row = self.row(s)
            for k, v in values.items():
                setattr(row, k, v)

    def set_acked(self, seq: int) -> None:
        """`update(acked_seq=seq)` for the push, after each verified receipt: one UPDATE statement on the
        row `read()` made, without an ORM session (a fifth of the push's own CPU time, bench/sync.py)."""
        with self.ledger.engine.begin() as conn:
            done = conn.execute(_SET_ACKED, {"seq": seq}).rowcount
        if done != 1:
            self.update(acked_seq=seq)

    def quarantine(self, rejected: list[Rejected], at: str) -> None:
        with Session(self.ledger.engine) as s, s.begin():
            for r in rejected:
                s.merge(QuarantineRow(seq=r.seq, entry_id=r.entry_id, reason=r.reason, detail=r.detail, at=at))

    def quarantined(self) -> list[Quarantined]:
        with self.ledger.reading() as s:
            return [Quarantined(r.seq, r.reason, r.detail) for r in s.execute(select(QuarantineRow)).scalars()]
