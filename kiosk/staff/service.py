"""The staff register and sign-in, in the core (DESIGN §11, docs/STAFF.md).

Every change and every sign-in attempt is a journal entry, written in the same transaction as the read
models (`staff`, `sign_in_guard`). The journal never holds a PIN or a PIN hash; a card appears only as
its keyed hash (kiosk.devices.nfc). PINs are checked outside the write transaction (a hash costs ~0.2 s and
a sale must not wait for it); the counters are re-read and updated inside it.

Wrong PINs count against a subject: the person when a card said who it is (or a PIN matched a person who
is then refused), else the terminal ("terminal": the PIN matched nobody). `wait_after` gives the rules.
Nothing here sleeps: a refusal says how many seconds to wait, and the clock (kiosk.ports.Clock) decides.
"""

from __future__ import annotations

import logging
import math
import re
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from kiosk.devices.nfc import CardKind, CardTapped
from kiosk.domain.ids import uuid7
from kiosk.ledger import Ledger
from kiosk.ledger.ledger import LedgerTransaction
from kiosk.session.modes import ChangeMode, ModeRouter, Permission, Refusal, Role, SignedIn, may
from kiosk.staff.models import SignInGuardRow, StaffRow
from kiosk.staff.pins import PinError, PinHash, PinHasher, check_pin_format, random_pin
from kiosk.staff.results import (  # re-exported: the register's callers import them from here
    BadName as BadName,
)
from kiosk.staff.results import (
    NotPermitted as NotPermitted,
)
from kiosk.staff.results import (
    OwnerExists as OwnerExists,
)
from kiosk.staff.results import (
    PinChangeRequired as PinChangeRequired,
)
from kiosk.staff.results import (
    PinInUse as PinInUse,
)
from kiosk.staff.results import (
    SignInRefusal as SignInRefusal,
)
from kiosk.staff.results import (
    SignInRefused as SignInRefused,
)
from kiosk.staff.results import (
    SignInResult as SignInResult,
)
from kiosk.staff.results import (
    StaffError as StaffError,
)
from kiosk.staff.results import (
    StaffMember as StaffMember,
)
from kiosk.staff.results import (
    UnknownPerson as UnknownPerson,
)

log = logging.getLogger(__name__)

TERMINAL = "terminal"  # the subject of wrong PINs that matched nobody
FREE_TRIES = 5  # wrong PINs in a row before the first delay
LOCK_AT = 10  # wrong PINs in a row that lock the subject
FIRST_DELAY_S = 30  # after the 5th: 30 s, then doubling (60, 120, 240, 480 s)
LOCK_S = 30 * 60  # the 10th locks for 30 minutes; each further one after a lock doubles it
MAX_LOCK_S = 24 * 60 * 60
ONE_TIME_PIN_TTL = timedelta(hours=24)  # a one-time PIN (new staff, reset) must be replaced within this
PIN_CHANGE_WINDOW_S = 120.0  # after signing in with a one-time PIN, this long to choose one's own

# Journal kinds (docs/STAFF.md, "What is journaled").
STAFF_ADDED = "staff.added"
STAFF_REMOVED = "staff.removed"
STAFF_ROLE_SET = "staff.role_set"
STAFF_CARD_REGISTERED = "staff.card_registered"
STAFF_PIN_RESET = "staff.pin_reset"
STAFF_PIN_SET = "staff.pin_set"
STAFF_PIN_REFUSED = "staff.pin_refused"
SIGNED_IN = "staff.signed_in"
SIGN_IN_FAILED = "staff.sign_in_failed"
SIGN_IN_REFUSED = "staff.sign_in_refused"
LOCKED = "staff.locked"
MODE_CHANGED = "mode.changed"

_CARD_HASH = re.compile(r"[0-9a-f]{64}")


def wait_after(failures: int) -> tuple[int, bool]:
    """Seconds before the next try after `failures` wrong PINs in a row, and whether that is a lock."""
    if failures < FREE_TRIES:
        return 0, False
    if failures < LOCK_AT:
        return FIRST_DELAY_S * 2 ** (failures - FREE_TRIES), False
    return min(LOCK_S * 2 ** min(failures - LOCK_AT, 16), MAX_LOCK_S), True


def _member(row: StaffRow) -> StaffMember:
    return StaffMember(
        row.id,
        row.name,
        Role(row.role),
        bool(row.active),
        bool(row.pin_hash),
        bool(row.must_change_pin),
        row.card_hash is not None,
        row.created_at,
    )


def _new_person(
    person_id: str, name: str, role: Role, stored: PinHash, now: datetime, seq: int, *, one_time_until: datetime | None
) -> StaffRow:
    """A person's row as added: their PIN's hash, one-time (chosen anew at first sign-in) until
    `one_time_until`, or their own (the first owner sets it at set-up); no card yet."""
    return StaffRow(
        id=person_id,
        name=name,
        role=role.value,
        active=True,
        pin_params=stored.params,
        pin_salt=stored.salt,
        pin_hash=stored.digest,
        must_change_pin=one_time_until is not None,
        pin_expires_at=one_time_until.isoformat() if one_time_until is not None else "",
        card_hash=None,
        created_at=now.isoformat(),
        removed_at="",
        journal_seq=seq,
    )


def _stored(row: StaffRow) -> PinHash:
    return PinHash(row.pin_params, row.pin_salt, row.pin_hash)


def _may_manage(actor: Role, target: Role) -> bool:
    """An owner manages everyone; a manager only people whose role is (and stays) staff."""
    if not may(actor, Permission.MANAGE_STAFF):
        return False
    return actor is Role.OWNER or target is Role.STAFF


may_manage = _may_manage  # for the screens (which buttons to offer); the service checks again


class StaffService:
    """The register, sign-in and staff management on one ledger. `hasher`: the PIN hash cost (tests pass
    a cheap one)."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        hasher: PinHasher | None = None,
        one_time_pin_ttl: timedelta = ONE_TIME_PIN_TTL,
        pin_change_window_s: float = PIN_CHANGE_WINDOW_S,
    ) -> None:
        self.ledger = ledger
        self.clock = ledger.clock
        self.hasher = hasher or PinHasher()
        self.one_time_pin_ttl = one_time_pin_ttl
        self.pin_change_window_s = pin_change_window_s
        self._pin_changes: dict[str, tuple[str, float]] = {}  # token -> (person id, monotonic deadline)

    # --- reading ------------------------------------------------------------------------------

    def members(self, *, include_removed: bool = False) -> list[StaffMember]:
        with self.ledger.reading() as s:
            q = select(StaffRow).order_by(StaffRow.created_at, StaffRow.id)
            if not include_removed:
                q = q.where(StaffRow.active.is_(True))
            return [_member(r) for r in s.execute(q).scalars()]

    def owner_set_up(self) -> bool:
        """Whether an owner exists. Until one does, no PIN works and the owner mode says how to set one."""
        with self.ledger.reading() as s:
            q = select(StaffRow.id).where(StaffRow.active.is_(True), StaffRow.role == Role.OWNER.value)
            return s.execute(q.limit(1)).first() is not None

    def find(self, ref: str) -> StaffMember:
        """An active person by id, by a unique start of the id (4+ characters) or by their exact name."""
        people = self.members()
        exact = [p for p in people if p.id == ref]
        if not exact and len(ref) >= 4:
            exact = [p for p in people if p.id.startswith(ref)]
        if not exact:
            exact = [p for p in people if p.name == ref]
        if len(exact) == 1:
            return exact[0]
        if not exact:
            raise UnknownPerson(f"nobody called or numbered {ref!r} works here; see `kiosk staff list`")
        raise UnknownPerson(f"{ref!r} names {len(exact)} people; use the id from `kiosk staff list`")

    def identify_card(self, tap: CardTapped) -> StaffMember | None:
        """Whose card this is (to greet them before the PIN), or None. Nothing is journaled."""
        if tap.uid_hash is None or tap.kind is CardKind.PAYMENT:
            return None
        with self.ledger.reading() as s:
            row = s.execute(
                select(StaffRow).where(StaffRow.card_hash == tap.uid_hash.lower(), StaffRow.active.is_(True))
            ).scalar_one_or_none()
            return _member(row) if row is not None else None

    def card_role(self, card_hash: str) -> str | None:
        """The role of the active person whose card has this keyed hash, or None: the NFC reader's list of
        staff cards (kiosk.staff.cards). Nothing is journaled."""
        with self.ledger.reading() as s:
            q = select(StaffRow.role).where(StaffRow.card_hash == card_hash.lower(), StaffRow.active.is_(True))
            role = s.execute(q).scalar_one_or_none()
            return str(role) if role is not None else None

    # --- set-up and management ------------------------------------------------------------------

    def init_owner(self, name: str, pin: str) -> StaffMember:
        """The first owner, from the set-up path (`kiosk staff init-owner`): the only way to make one."""
        name = _clean_name(name)
        check_pin_format(pin)
        if self.owner_set_up():
            raise OwnerExists("this terminal already has an owner; the owner adds people in the back office")
        self._refuse_pin_in_use(pin, except_id=None)
        stored = self.hasher.hash(pin)
        now = self._now()
        with self.ledger.transaction() as tx:
            if self._owners(tx):
                raise OwnerExists("this terminal already has an owner; the owner adds people in the back office")
            person_id = uuid7()
            entry = tx.append(
                STAFF_ADDED,
                {"person_id": person_id, "name": name, "role": Role.OWNER.value, "by": None, "via": "set-up"},
            )
            row = _new_person(person_id, name, Role.OWNER, stored, now, entry.seq, one_time_until=None)
            tx.session.add(row)
            tx.session.flush()
            return _member(row)

    def add(self, actor: SignedIn, name: str, role: Role) -> tuple[StaffMember, str]:
        """A new person with a one-time PIN (returned, shown once): they choose their own at first sign-in."""
        name = _clean_name(name)
        self._authorise(actor, role)
        pin, stored = self._one_time_pin(except_id=None)
        now = self._now()
        with self.ledger.transaction() as tx:
            by = self._actor_row(tx, actor, role)
            person_id = uuid7()
            entry = tx.append(STAFF_ADDED, {"person_id": person_id, "name": name, "role": role.value, "by": by.id})
            row = _new_person(person_id, name, role, stored, now, entry.seq, one_time_until=now + self.one_time_pin_ttl)
            tx.session.add(row)
            tx.session.flush()
            return _member(row), pin

    def remove(self, actor: SignedIn, person_id: str) -> None:
        """The person can no longer sign in; their PIN and card are forgotten. The last owner stays."""
        with self.ledger.transaction() as tx:
            row = self._target(tx, person_id)
            self._actor_row(tx, actor, Role(row.role))
            if row.role == Role.OWNER.value and self._owners(tx) <= 1:
                raise StaffError("the last owner cannot be removed; add another owner first")
            entry = tx.append(STAFF_REMOVED, {"person_id": row.id, "by": actor.person_id})
            row.active = False
            row.removed_at = self._now().isoformat()
            row.pin_params = row.pin_salt = row.pin_hash = ""
            row.card_hash = None
            row.journal_seq = entry.seq
            self._clear_guard(tx, row.id)

    def set_role(self, actor: SignedIn, person_id: str, role: Role) -> None:
        with self.ledger.transaction() as tx:
            row = self._target(tx, person_id)
            self._actor_row(tx, actor, Role(row.role))
            self._actor_row(tx, actor, role)
            if row.role == role.value:
                return
            if row.role == Role.OWNER.value and self._owners(tx) <= 1:
                raise StaffError("the last owner cannot be given another role; make someone else owner first")
            entry = tx.append(
                STAFF_ROLE_SET, {"person_id": row.id, "role": role.value, "previous": row.role, "by": actor.person_id}
            )
            row.role = role.value
            row.journal_seq = entry.seq

    def register_card(self, actor: SignedIn, person_id: str, tap: CardTapped) -> None:
        """Tap to register: the card's keyed hash from the reader's event becomes the person's card."""
        if tap.kind is CardKind.PAYMENT:
            raise StaffError("that is a payment card; register a staff card (a plain NFC card or tag) instead")
        if tap.uid_hash is None or not _CARD_HASH.fullmatch(tap.uid_hash.lower()):
            raise StaffError("the card's id could not be read; tap it again and hold it still")
        card = tap.uid_hash.lower()
        with self.ledger.transaction() as tx:
            row = self._target(tx, person_id)
            self._actor_row(tx, actor, Role(row.role))
            holder = tx.session.execute(select(StaffRow).where(StaffRow.card_hash == card)).scalar_one_or_none()
            if holder is not None and holder.id != row.id:
                raise StaffError("this card is already registered to another person; remove it there first")
            if holder is not None:
                return
            entry = tx.append(STAFF_CARD_REGISTERED, {"person_id": row.id, "card_hash": card, "by": actor.person_id})
            row.card_hash = card
            row.journal_seq = entry.seq

    def reset_pin(self, actor: SignedIn, person_id: str) -> str:
        """A new one-time PIN (returned, shown once); the person chooses their own at the next sign-in.
        Their wrong-PIN count and lock are cleared."""
        target = self._lookup(person_id)
        self._authorise(actor, target.role)
        pin, stored = self._one_time_pin(except_id=person_id)
        now = self._now()
        with self.ledger.transaction() as tx:
            row = self._target(tx, person_id)
            self._actor_row(tx, actor, Role(row.role))
            entry = tx.append(STAFF_PIN_RESET, {"person_id": row.id, "by": actor.person_id})
            row.pin_params, row.pin_salt, row.pin_hash = stored.params, stored.salt, stored.digest
            row.must_change_pin = True
            row.pin_expires_at = (now + self.one_time_pin_ttl).isoformat()
            row.journal_seq = entry.seq
            self._clear_guard(tx, row.id)
        self._pin_changes = {t: v for t, v in self._pin_changes.items() if v[0] != person_id}
        return pin

    # --- sign-in --------------------------------------------------------------------------------

    def sign_in(self, pin: str, card_hash: str | None = None) -> SignInResult:
        """By PIN alone (whoever has it) or after a card tap (`card_hash` from the reader's event)."""
        if not self.owner_set_up():
            return SignInRefused(SignInRefusal.NO_OWNER)
        method = "card_pin" if card_hash is not None else "pin"
        card = card_hash.lower() if card_hash is not None else None
        with self.ledger.reading() as s:
            q = select(StaffRow).where(StaffRow.active.is_(True), StaffRow.pin_hash != "")
            rows = list(s.execute(q).scalars())
            s.expunge_all()
        if card is not None:
            holder = [r for r in rows if r.card_hash == card]
            if not holder:  # counts against the terminal, like a PIN that matches nobody
                waiting = self._waiting(TERMINAL)
                if waiting is not None:
                    return self._refused(TERMINAL, method, waiting, card)
                return self._failure(TERMINAL, method, SignInRefusal.UNKNOWN_CARD, card)
            candidates = holder
            subject = holder[0].id
        else:
            candidates = rows
            subject = TERMINAL
        waiting = self._waiting(subject)
        if waiting is not None:
            return self._refused(subject, method, waiting, card)
        matched = self._match(pin, candidates)
        if matched is None:
            return self._failure(subject, method, SignInRefusal.WRONG_PIN, card)
        if subject == TERMINAL:
            waiting = self._waiting(matched.id)
            if waiting is not None:
                return self._refused(matched.id, method, waiting, card)
        one_time = bool(matched.must_change_pin)
        if one_time and matched.pin_expires_at and datetime.fromisoformat(matched.pin_expires_at) <= self._now():
            return self._refused(matched.id, method, SignInRefused(SignInRefusal.PIN_EXPIRED), card)
        with self.ledger.transaction() as tx:
            payload: dict[str, Any] = {"person_id": matched.id, "role": matched.role, "method": method}
            if card is not None:
                payload["card_hash"] = card
            if one_time:
                payload["pin_change_required"] = True
            tx.append(SIGNED_IN, payload)
            self._clear_guard(tx, matched.id)
            self._clear_guard(tx, TERMINAL)
        if one_time:
            token = secrets.token_urlsafe(16)
            self._pin_changes[token] = (matched.id, self.clock.monotonic() + self.pin_change_window_s)
            return PinChangeRequired(matched.id, matched.name, token)
        return SignedIn(Role(matched.role), matched.id, matched.name)

    def complete_pin_change(self, token: str, new_pin: str) -> SignedIn:
        """Set one's own PIN after signing in with a one-time PIN; then one is signed in."""
        pending = self._pin_changes.get(token)
        if pending is None or pending[1] < self.clock.monotonic():
            self._pin_changes.pop(token, None)
            raise StaffError("the PIN change has timed out; sign in again with the one-time PIN")
        person_id = pending[0]
        check_pin_format(new_pin)
        waiting = self._waiting(person_id)
        if waiting is not None:
            raise StaffError(waiting.message("en"))
        row = self._row(person_id)
        if row is None or not row.active:
            self._pin_changes.pop(token, None)
            raise StaffError("you are no longer on this terminal's staff list; ask the owner")
        if row.pin_hash and self.hasher.verify(new_pin, _stored(row)):
            raise PinError("choose a PIN of your own, not the one-time PIN")
        if self._pin_in_use(new_pin, except_id=person_id):
            with self.ledger.transaction() as tx:
                tx.append(STAFF_PIN_REFUSED, {"person_id": person_id, "reason": "in_use"})
            self._failure(person_id, "pin_change", SignInRefusal.WRONG_PIN, None)
            raise PinInUse("this PIN cannot be used here; choose another")
        stored = self.hasher.hash(new_pin)
        with self.ledger.transaction() as tx:
            row = self._target(tx, person_id)
            entry = tx.append(STAFF_PIN_SET, {"person_id": person_id})
            row.pin_params, row.pin_salt, row.pin_hash = stored.params, stored.salt, stored.digest
            row.must_change_pin = False
            row.pin_expires_at = ""
            row.journal_seq = entry.seq
            role, name = Role(row.role), row.name
        self._pin_changes.pop(token, None)
        return SignedIn(role, person_id, name)

    # --- modes ----------------------------------------------------------------------------------

    def enter_mode(self, router: ModeRouter, event: ChangeMode, *, reason: str = "") -> Refusal | None:
        """`router.send(event)`, and a journal entry when the mode changed (who, from, to, and why when
        it was not someone's choice, e.g. "idle")."""
        before = router.mode
        refusal = router.send(event)
        if refusal is None and router.mode is not before:
            who = event.who
            payload: dict[str, Any] = {
                "from": before.value,
                "to": router.mode.value,
                "person_id": who.person_id if who is not None else None,
                "role": who.role.value if who is not None else None,
            }
            if reason:
                payload["reason"] = reason
            self.ledger.record(MODE_CHANGED, payload)
        return refusal

    # --- internals ------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.clock.now()

    def _row(self, person_id: str) -> StaffRow | None:
        with self.ledger.reading() as s:
            row = s.get(StaffRow, person_id)
            if row is not None:
                s.expunge(row)
            return row

    def _lookup(self, person_id: str) -> StaffMember:
        row = self._row(person_id)
        if row is None or not row.active:
            raise UnknownPerson(f"nobody numbered {person_id!r} works here; see `kiosk staff list`")
        return _member(row)

    def _target(self, tx: LedgerTransaction, person_id: str) -> StaffRow:
        row = tx.session.get(StaffRow, person_id)
        if row is None or not row.active:
            raise UnknownPerson(f"nobody numbered {person_id!r} works here; see `kiosk staff list`")
        return row

    def _authorise(self, actor: SignedIn, target: Role) -> None:
        """The quick check before any hashing; `_actor_row` checks again inside the transaction."""
        with self.ledger.reading() as s:
            row = s.get(StaffRow, actor.person_id) if actor.person_id else None
            role = Role(row.role) if row is not None and row.active else None
        _check(role, target)

    def _actor_row(self, tx: LedgerTransaction, actor: SignedIn, target: Role) -> StaffRow:
        """The signed-in person as the register has them now (removed or demoted since: refused)."""
        row = tx.session.get(StaffRow, actor.person_id) if actor.person_id else None
        _check(Role(row.role) if row is not None and row.active else None, target)
        assert row is not None
        return row

    def _owners(self, tx: LedgerTransaction) -> int:
        q = select(StaffRow.id).where(StaffRow.active.is_(True), StaffRow.role == Role.OWNER.value)
        return len(tx.session.execute(q).all())

    def _match(self, pin: str, rows: Sequence[StaffRow]) -> StaffRow | None:
        for row in rows:
            if self.hasher.verify(pin, _stored(row)):
                return row
        return None

    def _pin_in_use(self, pin: str, except_id: str | None) -> bool:
        with self.ledger.reading() as s:
            q = select(StaffRow).where(StaffRow.active.is_(True), StaffRow.pin_hash != "")
            rows = [r for r in s.execute(q).scalars() if r.id != except_id]
            s.expunge_all()
        return self._match(pin, rows) is not None

    def _refuse_pin_in_use(self, pin: str, except_id: str | None) -> None:
        if self._pin_in_use(pin, except_id):
            raise PinInUse("this PIN cannot be used here; choose another")

    def _one_time_pin(self, except_id: str | None) -> tuple[str, PinHash]:
        while True:
            pin = random_pin()
            if not self._pin_in_use(pin, except_id):
                return pin, self.hasher.hash(pin)

    def _waiting(self, subject: str) -> SignInRefused | None:
        with self.ledger.reading() as s:
            guard = s.get(SignInGuardRow, subject)
            if guard is None or not guard.retry_at:
                return None
            left = math.ceil((datetime.fromisoformat(guard.retry_at) - self._now()).total_seconds())
            if left <= 0:
                return None
            return SignInRefused(SignInRefusal.LOCKED if guard.locked else SignInRefusal.WAIT, left)

    def _refused(self, subject: str, method: str, refusal: SignInRefused, card: str | None) -> SignInRefused:
        payload: dict[str, Any] = {
            "subject": subject,
            "method": method,
            "reason": refusal.reason.value,
            "retry_after_s": refusal.retry_after_s,
        }
        if card is not None:
            payload["card_hash"] = card
        self.ledger.record(SIGN_IN_REFUSED, payload)
        return refusal

    def _failure(self, subject: str, method: str, reason: SignInRefusal, card: str | None) -> SignInRefused:
        """One more wrong PIN against `subject`: count it, journal it, and set its delay or lock."""
        now = self._now()
        with self.ledger.transaction() as tx:
            guard = tx.session.get(SignInGuardRow, subject)
            if guard is None:
                guard = SignInGuardRow(subject=subject, failures=0, retry_at="", locked=False)
                tx.session.add(guard)
            guard.failures += 1
            wait, locked = wait_after(guard.failures)
            guard.retry_at = (now + timedelta(seconds=wait)).isoformat() if wait else ""
            guard.locked = locked
            payload: dict[str, Any] = {
                "subject": subject,
                "method": method,
                "reason": reason.value,
                "failures": guard.failures,
                "retry_after_s": wait,
            }
            if card is not None:
                payload["card_hash"] = card
            tx.append(SIGN_IN_FAILED, payload)
            if locked:
                tx.append(LOCKED, {"subject": subject, "until": guard.retry_at, "failures": guard.failures})
                log.warning("sign-in locked for %s after %d wrong PINs, %d s", subject, guard.failures, wait)
        if locked:
            return SignInRefused(SignInRefusal.LOCKED, wait)
        if reason is SignInRefusal.UNKNOWN_CARD:
            return SignInRefused(reason, wait)
        return SignInRefused(SignInRefusal.WAIT if wait else SignInRefusal.WRONG_PIN, wait)

    def _clear_guard(self, tx: LedgerTransaction, subject: str) -> None:
        guard = tx.session.get(SignInGuardRow, subject)
        if guard is not None:
            guard.failures, guard.retry_at, guard.locked = 0, "", False


def _check(actor: Role | None, target: Role) -> None:
    if actor is None:
        raise NotPermitted("sign in again: the signed-in person is no longer on the staff list")
    if not may(actor, Permission.MANAGE_STAFF):
        raise NotPermitted(f"a {actor.value} may not manage staff; ask the owner or a manager")
    if not _may_manage(actor, target):
        raise NotPermitted(f"a {actor.value} may not manage or make a {target.value}; ask the owner")


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > 64 or not name.isprintable():
        raise BadName("a name is 1 to 64 printable characters")
    return name
