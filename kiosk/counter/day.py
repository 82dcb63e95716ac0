"""The business day at this terminal (DESIGN §13, docs/COUNTER.md): open with a float, paid in / out,
no-sale drawer openings, close with a count into a numbered, hash-chained Z report, reopen (마감 취소).

Every step is one journal entry written with its read-model rows in one transaction (kiosk/counter/
models.py), so a crash leaves the day either as it was or wholly changed. A Z report covers the journal
from the previous valid Z (exclusive) to its own entry: sales of the kiosk that happened with no day open
are never left out. Figures come from the read models (orders, payments, refunds, cash movements ...)
by journal range, so a Z on a day of 1,000 sales is a handful of indexed queries.

Journal kinds: `day.opened`, `day.paid_in`, `day.paid_out`, `drawer.no_sale`, `drawer.opened` (a drawer
opening that moves no money by itself: a cash refund, the closing count), `day.x_report`, `day.closed`
(the Z), `day.reopened`; counter sales are `sale.completed` entries with a `counter` part
(kiosk/counter/sales.py), projected here too.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select, update

from kiosk.counter.models import (
    CashMovementRow,
    CashReceiptRow,
    CounterDiscountRow,
    DaySessionRow,
    DrawerOpeningRow,
    ZReportRow,
)
from kiosk.counter.rules import DENOMINATIONS, CounterRules
from kiosk.domain.business_day import business_date
from kiosk.domain.ids import uuid7
from kiosk.ledger.ledger import Ledger, LedgerError, LedgerTransaction, Projector
from kiosk.ledger.models import JournalRow
from kiosk.payments import intents
from kiosk.payments.intents import IntentStore
from kiosk.protocol import JournalEntry
from kiosk.session.modes import Permission, Role, SignedIn, may

log = logging.getLogger(__name__)

DAY_OPENED = "day.opened"
DAY_PAID_IN = "day.paid_in"
DAY_PAID_OUT = "day.paid_out"
NO_SALE = "drawer.no_sale"
DRAWER_OPENED = "drawer.opened"
X_REPORT = "day.x_report"
DAY_CLOSED = "day.closed"
DAY_REOPENED = "day.reopened"
KIOSK = SignedIn(Role.STAFF, "kiosk", "키오스크")  # who opens a day automatically for a kiosk sale
MAX_AMOUNT = 100_000_000  # won: a float, a paid in / out or a count above this is a typing mistake


class DayError(LedgerError):
    """A business-day operation that was refused; the message (Korean / English) says what to do."""

    code = "refused"


class DayNotOpen(DayError):
    code = "not_open"


class DayAlreadyOpen(DayError):
    code = "already_open"


class UnresolvedPayments(DayError):
    code = "unresolved"


class NotPermitted(DayError):
    """Refused for who asked. `approval`: what another person's PIN can approve here ("refund", "discount"),
    or "" when nobody's can."""

    code = "not_permitted"

    def __init__(self, message: str, *, approval: str = "") -> None:
        super().__init__(message)
        self.approval = approval


class OwnerPinNeeded(DayError):
    """The counted cash differs from the expected by more than the tolerance: the owner signs it off."""

    code = "owner_pin"

    def __init__(self, message: str, difference: int) -> None:
        super().__init__(message)
        self.difference = difference


class BadAmount(DayError):
    code = "bad_amount"


@dataclass(frozen=True, slots=True)
class DaySession:
    id: str
    business_date: str
    state: str
    start_seq: int
    opened_seq: int
    opened_at: str
    opened_by: str
    opened_by_name: str
    float_amount: int
    auto: bool
    closed_seq: int | None
    closed_at: str
    z_number: int | None

    @property
    def open(self) -> bool:
        return self.state == "open"

    @staticmethod
    def from_row(r: DaySessionRow) -> DaySession:
        return DaySession(
            r.id,
            r.business_date,
            r.state,
            r.start_seq,
            r.opened_seq,
            r.opened_at,
            r.opened_by,
            r.opened_by_name,
            r.float_amount,
            r.auto,
            r.closed_seq,
            r.closed_at,
            r.z_number,
        )


@dataclass(frozen=True, slots=True)
class CashCount:
    """The closing count by denomination (권종별 수량)."""

    counts: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for value, n in self.counts.items():
            if value not in DENOMINATIONS:
                raise BadAmount(f"{value}원 is not a Korean note or coin ({', '.join(map(str, DENOMINATIONS))})")
            if not 0 <= n <= 100_000:
                raise BadAmount(f"{n} × {value}원: a count is 0 to 100,000")

    @property
    def total(self) -> int:
        return sum(v * n for v, n in self.counts.items())

    def to_payload(self) -> dict[str, int]:
        return {str(v): int(self.counts.get(v, 0)) for v in DENOMINATIONS}

    @staticmethod
    def parse(text: str) -> CashCount:
        """`50000x2,10000x5,1000x3` (also `=` or `:`) → a count. Raises BadAmount."""
        counts: dict[int, int] = {}
        for part in filter(None, (p.strip() for p in text.replace(" ", "").split(","))):
            for sep in ("x", "=", ":", "*"):
                if sep in part:
                    left, right = part.split(sep, 1)
                    break
            else:
                raise BadAmount(f"{part!r}: write each denomination as VALUExCOUNT, e.g. 10000x5")
            try:
                value, n = int(left.replace("원", "")), int(right)
            except ValueError:
                raise BadAmount(f"{part!r}: write each denomination as VALUExCOUNT, e.g. 10000x5") from None
            counts[value] = counts.get(value, 0) + n
        return CashCount(counts)


def _check_amount(amount: int, what: str, *, zero_ok: bool = False) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise BadAmount(f"{what}: a whole number of won")
    if amount < 0 or (amount == 0 and not zero_ok) or amount > MAX_AMOUNT:
        low = 0 if zero_ok else 1
        raise BadAmount(f"{what}: {amount:,}원 is out of range ({low:,} to {MAX_AMOUNT:,}원)")


def _who(who: SignedIn) -> dict[str, str]:
    return {"person_id": who.person_id, "person_name": who.name, "role": who.role.value}


# --- projectors ----------------------------------------------------------------------------------------


def _open_session(tx: LedgerTransaction) -> DaySessionRow | None:
    return tx.session.execute(select(DaySessionRow).where(DaySessionRow.state == "open")).scalars().first()


def _movement(
    tx: LedgerTransaction, entry: JournalEntry, line: int, session: str, kind: str, amount: int, **kw: str
) -> None:
    tx.session.add(
        CashMovementRow(
            journal_seq=entry.seq,
            line=line,
            session_id=session,
            kind=kind,
            amount=amount,
            person_id=kw.get("person_id", ""),
            reason=kw.get("reason", ""),
            order_id=kw.get("order_id", ""),
        )
    )


def _opening(tx: LedgerTransaction, entry: JournalEntry, session: str, kind: str, payload: dict[str, Any]) -> None:
    tx.session.add(
        DrawerOpeningRow(
            journal_seq=entry.seq,
            session_id=session,
            kind=kind,
            person_id=payload.get("person_id", ""),
            person_name=payload.get("person_name", ""),
            reason=payload.get("reason", ""),
        )
    )


def _project_day(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    s = tx.session
    if entry.kind == DAY_OPENED:
        if _open_session(tx) is not None:
            raise DayAlreadyOpen("영업이 이미 시작되었습니다 / the business day is already open")
        s.add(
            DaySessionRow(
                id=payload["session_id"],
                business_date=payload["business_date"],
                state="open",
                start_seq=payload["start_seq"],
                opened_seq=entry.seq,
                opened_at=entry.ts,
                opened_by=payload["person_id"],
                opened_by_name=payload["person_name"],
                float_amount=payload["float"],
                auto=payload.get("auto", False),
                closed_seq=None,
                closed_at="",
                z_number=None,
            )
        )
        s.flush()
        if payload["float"]:
            _movement(tx, entry, 0, payload["session_id"], "float", payload["float"], person_id=payload["person_id"])
            _opening(tx, entry, payload["session_id"], "float", payload)
        s.flush()
        return
    if entry.kind == DAY_REOPENED:
        row = s.get(DaySessionRow, payload["session_id"])
        if row is None or row.state != "closed":
            raise DayError("마감된 영업일이 아닙니다 / that day is not closed")
        if _open_session(tx) is not None:
            raise DayAlreadyOpen("다른 영업일이 열려 있습니다 / another business day is open")
        row.state, row.closed_seq, row.closed_at, row.z_number = "open", None, "", None
        s.execute(update(ZReportRow).where(ZReportRow.z_number == payload["z_number"]).values(valid=False))
        s.flush()
        return
    session = _open_session(tx)
    if session is None or session.id != payload["session_id"]:
        raise DayNotOpen("영업이 시작되지 않았습니다 / the business day is not open")
    if entry.kind in (DAY_PAID_IN, DAY_PAID_OUT):
        sign = 1 if entry.kind == DAY_PAID_IN else -1
        kind = "paid_in" if sign > 0 else "paid_out"
        _movement(
            tx,
            entry,
            0,
            session.id,
            kind,
            sign * payload["amount"],
            person_id=payload["person_id"],
            reason=payload["reason"],
        )
        _opening(tx, entry, session.id, kind, payload)
    elif entry.kind == NO_SALE:
        _opening(tx, entry, session.id, "no_sale", payload)
    elif entry.kind == DRAWER_OPENED:
        _opening(tx, entry, session.id, payload["purpose"], payload)
        if payload.get("refund_amount"):
            _movement(
                tx,
                entry,
                0,
                session.id,
                "refund",
                -payload["refund_amount"],
                person_id=payload["person_id"],
                reason=payload.get("reason", ""),
                order_id=payload.get("order_id", ""),
            )
    elif entry.kind == DAY_CLOSED:
        z = payload["z"]
        session.state, session.closed_seq, session.closed_at = "closed", entry.seq, entry.ts
        session.z_number = z["z_number"]
        s.add(
            ZReportRow(
                z_number=z["z_number"],
                session_id=session.id,
                business_date=session.business_date,
                journal_seq=entry.seq,
                closed_at=entry.ts,
                sale_count=z["sales"]["count"],
                gross=z["sales"]["gross"],
                refunds=z["refunds"]["amount"],
                cash_expected=z["cash"]["expected"],
                cash_counted=z["cash"]["counted"],
                valid=True,
            )
        )
    s.flush()


def _check_counter_sale(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    """Before the ledger writes a counter sale (payload `counter`): the day it was rung up in is still
    open, and every card / QR / barcode part has its own committed approval (the intent guard's rule for
    every part of a split tender; the guard itself checks the first)."""
    counter = payload.get("counter")
    if counter is None:
        return
    session = _open_session(tx)
    if session is None or session.id != counter["session_id"]:
        raise DayNotOpen("영업이 시작되지 않았습니다 / the business day is not open: open it first")
    for part in counter["payments"]:
        intents.complete_with_intent(tx, part, payload["order"]["id"])


def _counter_sale_rows(auto_open_day: bool) -> Projector:
    """After the ledger wrote a sale's order, lines, first payment and totals: a counter sale's other
    payment parts (split, cash with tendered / change, 온누리상품권), its discounts and its cash movements;
    a kiosk sale with no day open opens one, in the same transaction, if the shop allows it."""

    def project(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
        counter = payload.get("counter")
        if counter is None:
            if auto_open_day and _open_session(tx) is None:
                # in the same transaction: the sale and the day it opened commit together
                start = _last_valid_close(tx.connection)
                tx.ledger.record(
                    DAY_OPENED,
                    {
                        "session_id": uuid7(),
                        "business_date": payload["business_date"],
                        "start_seq": start,
                        "float": 0,
                        "auto": True,
                        **_who(KIOSK),
                    },
                )
            return
        session = _open_session(tx)
        if session is None:  # _check_counter_sale refused such a sale already
            raise DayNotOpen("영업이 시작되지 않았습니다 / the business day is not open: open it first")
        order_id = payload["order"]["id"]
        for part in counter["payments"][1:]:
            tx.add_payment(order_id, payload["business_date"], part)
        who = {"person_id": counter["person_id"]}
        line = 0
        drawer = False
        for part in counter["payments"]:
            if part["method"] == "cash":
                _movement(tx, entry, line, session.id, "sale", part["amount"], order_id=order_id, **who)
                line, drawer = line + 1, True
            elif part["method"] == "voucher" and part.get("change", 0):
                _movement(tx, entry, line, session.id, "voucher_change", -part["change"], order_id=order_id, **who)
                line, drawer = line + 1, True
            elif part["method"] == "voucher":
                drawer = True
        if drawer:
            _opening(tx, entry, session.id, "sale", {**counter, "reason": ""})
        for i, d in enumerate(counter.get("discounts", [])):
            tx.session.add(
                CounterDiscountRow(
                    journal_seq=entry.seq,
                    line=i,
                    session_id=session.id,
                    order_id=order_id,
                    scope=d["scope"],
                    kind=d["kind"],
                    value=d["value"],
                    amount=d["amount"],
                    reason=d["reason"],
                    approved_by=d.get("approved_by", ""),
                )
            )
        tx.session.flush()

    return project


def install(ledger: Ledger, rules: CounterRules) -> None:
    """Register the day's projectors and the counter's part of every sale on `ledger` (idempotent; the
    shop's rules decide whether a kiosk sale opens the day by itself)."""
    intents.install(ledger)
    for kind in (DAY_OPENED, DAY_PAID_IN, DAY_PAID_OUT, NO_SALE, DRAWER_OPENED, DAY_CLOSED, DAY_REOPENED):
        ledger.register_projector(kind, _project_day)
    ledger.extend_sale("counter", check=_check_counter_sale, project=_counter_sale_rows(rules.auto_open_day))


def _last_valid_close(conn: Connection) -> int:
    seq = conn.execute(select(func.max(ZReportRow.journal_seq)).where(ZReportRow.valid)).scalar()
    return int(seq or 0)


# --- reports ---------------------------------------------------------------------------------------------

_SALES = (
    "SELECT count(*), coalesce(sum(total),0), coalesce(sum(taxable_total),0), coalesce(sum(tax_free_total),0), "
    "coalesce(sum(supply_value),0), coalesce(sum(vat),0) FROM orders WHERE journal_seq > ? AND journal_seq <= ?"
)
_FIRST = "SELECT order_number FROM orders WHERE journal_seq > ? AND journal_seq <= ? ORDER BY journal_seq {} LIMIT 1"
_METHODS = (
    "SELECT p.method, count(*), sum(p.amount) FROM payments p JOIN orders o ON o.id = p.order_id "
    "WHERE o.journal_seq > ? AND o.journal_seq <= ? GROUP BY p.method ORDER BY p.method"
)
_REFUNDS = (
    "SELECT r.method, count(*), coalesce(sum(r.amount),0), coalesce(sum(o.taxable_total),0), "
    "coalesce(sum(o.tax_free_total),0), coalesce(sum(o.supply_value),0), coalesce(sum(o.vat),0) "
    "FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.journal_seq > ? AND r.journal_seq <= ? "
    "GROUP BY r.method ORDER BY r.method"
)
_DISCOUNTS = (
    "SELECT count(*), coalesce(sum(amount),0) FROM counter_discounts WHERE journal_seq > ? AND journal_seq <= ?"
)
_NO_SALES = (
    "SELECT person_id, min(person_name), count(*) FROM drawer_openings WHERE kind = 'no_sale' AND journal_seq > ? "
    "AND journal_seq <= ? GROUP BY person_id ORDER BY person_id"
)
_CASH = "SELECT kind, coalesce(sum(amount),0) FROM cash_movements WHERE session_id = ? GROUP BY kind"
_RECEIPTS = (
    "SELECT c.state, count(*), coalesce(sum(c.amount),0) FROM cash_receipts c JOIN orders o ON o.id = c.order_id "
    "WHERE o.journal_seq > ? AND o.journal_seq <= ? GROUP BY c.state ORDER BY c.state"
)


def compute_report(conn: Connection, session: DaySession, upto: int) -> dict[str, Any]:
    """The figures of a Z / X report for `session`, journal range (start_seq, upto]."""
    span = (session.start_seq, upto)
    q = conn.exec_driver_sql
    count, gross, taxable, tax_free, supply, vat = (int(v) for v in q(_SALES, span).one())
    first = q(_FIRST.format("ASC"), span).scalar()
    last = q(_FIRST.format("DESC"), span).scalar()
    methods = {m: {"count": int(c), "amount": int(a)} for m, c, a in q(_METHODS, span).all()}
    refunds: dict[str, dict[str, int]] = {}
    r_total = r_count = 0
    r_tax = [0, 0, 0, 0]
    for m, c, a, t, tf, sv, v in q(_REFUNDS, span).all():
        refunds[m or "unknown"] = {"count": int(c), "amount": int(a)}
        r_count, r_total = r_count + int(c), r_total + int(a)
        r_tax = [r_tax[0] + int(t), r_tax[1] + int(tf), r_tax[2] + int(sv), r_tax[3] + int(v)]
    d_count, d_amount = (int(v) for v in q(_DISCOUNTS, span).one())
    no_sales = [{"person_id": p, "name": n, "count": int(c)} for p, n, c in q(_NO_SALES, span).all()]
    cash = {k: int(a) for k, a in q(_CASH, (session.id,)).all()}
    receipts = {st: {"count": int(c), "amount": int(a)} for st, c, a in q(_RECEIPTS, span).all()}
    expected = sum(cash.values())
    return {
        "session_id": session.id,
        "business_date": session.business_date,
        "opened_at": session.opened_at,
        "opened_by": {"person_id": session.opened_by, "name": session.opened_by_name},
        "range": {"from_seq": session.start_seq + 1, "to_seq": upto},
        "orders": {"first": first, "last": last},
        "sales": {"count": count, "gross": gross},
        "by_method": methods,
        "refunds": {"count": r_count, "amount": r_total, "by_method": refunds},
        "net": gross - r_total,
        "tax": {
            "taxable": taxable - r_tax[0],
            "tax_free": tax_free - r_tax[1],
            "supply_value": supply - r_tax[2],
            "vat": vat - r_tax[3],
        },
        "discounts": {"count": d_count, "amount": d_amount},
        "no_sales": {"count": sum(n["count"] for n in no_sales), "by_staff": no_sales},
        "paid_in": cash.get("paid_in", 0),
        "paid_out": -cash.get("paid_out", 0),
        "cash": {
            "float": cash.get("float", 0),
            "sales": cash.get("sale", 0),
            "refunds": -cash.get("refund", 0),
            "voucher_change": -cash.get("voucher_change", 0),
            "paid_in": cash.get("paid_in", 0),
            "paid_out": -cash.get("paid_out", 0),
            "expected": expected,
        },
        "cash_receipts": receipts,
    }


class BusinessDay:
    """Open, paid in / out, no-sale, close (Z), reopen and X on one ledger. `drawer` is the Drawer port
    (kiosk/counter/drawer.py); kicks happen after the entry is committed and never undo it."""

    def __init__(self, ledger: Ledger, rules: CounterRules, drawer: Any = None) -> None:
        self.ledger = ledger
        self.rules = rules
        self.drawer = drawer
        install(ledger, rules)

    # --- reading --------------------------------------------------------------------------------

    def current(self) -> DaySession | None:
        with self.ledger.reading() as s:
            row = s.execute(select(DaySessionRow).where(DaySessionRow.state == "open")).scalars().first()
            return DaySession.from_row(row) if row is not None else None

    def last_closed(self) -> DaySession | None:
        with self.ledger.reading() as s:
            row = (
                s.execute(
                    select(DaySessionRow)
                    .where(DaySessionRow.state == "closed")
                    .order_by(DaySessionRow.closed_seq.desc())
                )
                .scalars()
                .first()
            )
            return DaySession.from_row(row) if row is not None else None

    def require_open(self) -> DaySession:
        session = self.current()
        if session is None:
            raise DayNotOpen("영업 시작(개점) 전입니다: 먼저 개점하세요 / the business day is not open: open it first")
        return session

    def drawer_balance(self) -> int:
        """The cash the drawer should hold now: float + cash in − cash out."""
        session = self.require_open()
        with self.ledger.reading() as s:
            total = s.execute(
                select(func.coalesce(func.sum(CashMovementRow.amount), 0)).where(
                    CashMovementRow.session_id == session.id
                )
            ).scalar_one()
            return int(total)

    def z_report(self, number: int | None = None) -> dict[str, Any]:
        """A Z report as journaled (the last one when `number` is None), with its entry's seq and hash."""
        with self.ledger.reading() as s:
            q = select(ZReportRow).order_by(ZReportRow.z_number.desc())
            if number is not None:
                q = select(ZReportRow).where(ZReportRow.z_number == number)
            row = s.execute(q).scalars().first()
            if row is None:
                raise DayError(
                    f"Z {number} 이(가) 없습니다 / no Z report {number}"
                    if number
                    else "Z 보고서가 없습니다 / no Z report yet"
                )
            entry = s.get(JournalRow, row.journal_seq)
            assert entry is not None
            z: dict[str, Any] = json.loads(entry.payload)["z"]
            z["entry"] = {"seq": entry.seq, "hash": entry.hash, "prev_hash": entry.prev_hash}
            z["valid"] = row.valid
            z["closed_at"] = row.closed_at
            return z

    def z_list(self) -> list[dict[str, Any]]:
        """Every Z for the owner's calendar: number, day, figures, whether a reopen superseded it."""
        with self.ledger.reading() as s:
            rows = s.execute(select(ZReportRow).order_by(ZReportRow.z_number)).scalars()
            return [
                {
                    "z_number": r.z_number,
                    "business_date": r.business_date,
                    "closed_at": r.closed_at,
                    "sale_count": r.sale_count,
                    "gross": r.gross,
                    "refunds": r.refunds,
                    "cash_expected": r.cash_expected,
                    "cash_counted": r.cash_counted,
                    "valid": r.valid,
                }
                for r in rows
            ]

    # --- the day's steps ------------------------------------------------------------------------

    def open(self, who: SignedIn, float_amount: int) -> DaySession:
        """개점: who opened, the float counted into the drawer."""
        _check_amount(float_amount, "float (시재금)", zero_ok=True)
        if self.current() is not None:
            raise DayAlreadyOpen("영업이 이미 시작되었습니다 / the business day is already open")
        day = business_date(self.ledger.clock.now(), self.ledger.tz, self.ledger.day_start_hour)
        with self.ledger.transaction() as tx:
            self.ledger.record(
                DAY_OPENED,
                {
                    "session_id": uuid7(),
                    "business_date": day.isoformat(),
                    "start_seq": _last_valid_close(tx.connection),
                    "float": float_amount,
                    "auto": False,
                    **_who(who),
                },
            )
        self.kick_drawer()
        return self.require_open()

    def paid(self, who: SignedIn, amount: int, reason: str, *, out: bool) -> int:
        """Paid in (입금) or paid out (출금) with a reason; returns the drawer balance after it."""
        _check_amount(amount, "paid out (출금)" if out else "paid in (입금)")
        reason = " ".join(reason.split())[:200]
        if not reason:
            raise DayError("사유를 입력하세요 / give a reason")
        session = self.require_open()
        if out and amount > self.drawer_balance():
            raise BadAmount(
                f"금전함 잔액보다 많이 출금할 수 없습니다 / more than the drawer holds ({self.drawer_balance():,}원)"
            )
        kind = DAY_PAID_OUT if out else DAY_PAID_IN
        self.ledger.record(kind, {"session_id": session.id, "amount": amount, "reason": reason, **_who(who)})
        self.kick_drawer()
        return self.drawer_balance()

    def no_sale(self, who: SignedIn, reason: str) -> None:
        """Open the drawer without a sale (노세일): a reason is required; journaled with who."""
        reason = " ".join(reason.split())[:200]
        if not reason:
            raise DayError("금전함을 여는 사유를 입력하세요 / give the reason for opening the drawer")
        session = self.require_open()
        self.ledger.record(NO_SALE, {"session_id": session.id, "reason": reason, **_who(who)})
        self.kick_drawer()

    def x_report(self, who: SignedIn) -> dict[str, Any]:
        """X report: the Z's figures now, without closing (journaled as who asked for it)."""
        if not may(who.role, Permission.X_REPORT):
            raise NotPermitted("X 보고서 권한이 없습니다 / not permitted")
        session = self.require_open()
        with self.ledger.transaction() as tx:
            upto = int(tx.connection.execute(select(func.max(JournalRow.seq))).scalar() or 0)
            report = compute_report(tx.connection, session, upto)
            report["kind"] = "X"
            report["printed_by"] = _who(who)
            self.ledger.record(X_REPORT, {"session_id": session.id, "upto": upto, **_who(who)})
        return report

    def expected_cash(self) -> int:
        return self.drawer_balance()

    def open_for_count(self, who: SignedIn) -> None:
        """The drawer opens for the closing count (journaled)."""
        session = self.require_open()
        self.ledger.record(
            DRAWER_OPENED, {"session_id": session.id, "purpose": "count", "reason": "마감 시재 확인", **_who(who)}
        )
        self.kick_drawer()

    def unresolved(self) -> list[str]:
        """What must be settled before closing: payment intents in flight, cash receipts asked and not answered."""
        problems = [
            f"결제 {i.method.value} {i.amount:,}원 ({i.state.value})" for i in IntentStore(self.ledger).pending()
        ]
        with self.ledger.reading() as s:
            n = s.execute(
                select(func.count()).select_from(CashReceiptRow).where(CashReceiptRow.state == "requested")
            ).scalar_one()
        if n:
            problems.append(f"현금영수증 응답 대기 {n}건")
        return problems

    def close(
        self, who: SignedIn, count: CashCount, *, approver: SignedIn | None = None, blind: bool | None = None
    ) -> dict[str, Any]:
        """마감: the count, the difference (over the tolerance only with the owner's sign-in as `approver`),
        and the Z report as one journal entry. Returns the Z as journaled."""
        session = self.require_open()
        problems = self.unresolved()
        if problems:
            raise UnresolvedPayments(
                "처리되지 않은 결제가 있어 마감할 수 없습니다: "
                + ", ".join(problems[:3])
                + " / unresolved payments: resolve them first (kiosk payments recover)"
            )
        counted = count.total
        _check_amount(counted, "counted cash", zero_ok=True)
        with self.ledger.transaction() as tx:
            last = tx.connection.execute(
                select(JournalRow.seq, JournalRow.hash).order_by(JournalRow.seq.desc()).limit(1)
            ).one()
            report = compute_report(tx.connection, session, int(last[0]) + 1)
            expected = report["cash"]["expected"]
            difference = counted - expected
            if abs(difference) > self.rules.close_tolerance:
                if approver is None:
                    raise OwnerPinNeeded(
                        f"시재 차이 {difference:+,}원: 허용 범위({self.rules.close_tolerance:,}원)를 넘어 "
                        "점주 PIN이 필요합니다"
                        f" / the count differs by {difference:+,} won: the owner's PIN is needed",
                        difference,
                    )
                if approver.role is not Role.OWNER:
                    raise NotPermitted(
                        "시재 차이 승인은 점주만 할 수 있습니다 / only the owner can sign off the difference"
                    )
            z_number = (
                int(tx.connection.execute(select(func.coalesce(func.max(ZReportRow.z_number), 0))).scalar_one()) + 1
            )
            report.update(
                kind="Z",
                z_number=z_number,
                chain_head={"seq": int(last[0]), "hash": str(last[1])},
                closed_by=_who(who),
                approved_by=_who(approver)
                if approver is not None and abs(difference) > self.rules.close_tolerance
                else None,
                blind=self.rules.blind_count if blind is None else blind,
            )
            report["cash"].update(counted=counted, difference=difference, denominations=count.to_payload())
            self.ledger.record(DAY_CLOSED, {"session_id": session.id, "z": report})
        return self.z_report(z_number)

    def reopen(self, who: SignedIn, reason: str) -> DaySession:
        """마감 취소: the owner reopens the last closed day; its Z stays in the journal, marked superseded."""
        if who.role is not Role.OWNER:
            raise NotPermitted("마감 취소는 점주만 할 수 있습니다 / only the owner can reopen a closed day")
        reason = " ".join(reason.split())[:200]
        if not reason:
            raise DayError("마감 취소 사유를 입력하세요 / give a reason")
        if self.current() is not None:
            raise DayAlreadyOpen("영업이 열려 있어 마감 취소할 수 없습니다 / a day is open: nothing to reopen")
        last = self.last_closed()
        if last is None or last.z_number is None:
            raise DayError("마감된 영업일이 없습니다 / no closed day to reopen")
        self.ledger.record(
            DAY_REOPENED, {"session_id": last.id, "z_number": last.z_number, "reason": reason, **_who(who)}
        )
        return self.require_open()

    def ensure_open_for_kiosk(self) -> DaySession | None:
        """For a kiosk about to sell: the open day, or one opened now (float 0) if the shop allows it;
        None when no day is open and the shop does not allow opening it automatically."""
        session = self.current()
        if session is not None or not self.rules.auto_open_day:
            return session
        day = business_date(self.ledger.clock.now(), self.ledger.tz, self.ledger.day_start_hour)
        with self.ledger.transaction() as tx:
            self.ledger.record(
                DAY_OPENED,
                {
                    "session_id": uuid7(),
                    "business_date": day.isoformat(),
                    "start_seq": _last_valid_close(tx.connection),
                    "float": 0,
                    "auto": True,
                    **_who(KIOSK),
                },
            )
        return self.current()

    def kick_drawer(self) -> None:
        """Open the drawer after a committed entry; a failed kick is logged, never undoes the entry."""
        if self.drawer is None:
            return
        try:
            self.drawer.kick()
        except Exception as exc:  # the entry is committed; the drawer can be opened by key
            log.warning("drawer kick failed: %s", exc)


def business_date_of(ledger: Ledger) -> date:
    return business_date(ledger.clock.now(), ledger.tz, ledger.day_start_hour)
