"""The ledger: every business event is a journal entry; sales and refunds also write read models in
the same transaction, so a sale is either wholly there or not at all.

Other feature areas keep read models of their own entries the same way, through two public extension
points (docs/LEDGER.md, "Read models of other areas"):
- `Ledger.register_projector(kind, projector)`: the `Projector` that writes a kind's rows, called by
  `record` in the transaction that appends the entry (payment intents, prints, the business day ...);
- `Ledger.extend_sale(name, check=..., project=...)`: what an area adds to every `sale.completed` entry,
  a check before the ledger writes the order (it may refuse the sale) and rows after it (a split tender's
  further payments: `LedgerTransaction.add_payment`)."""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
import random
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, LargeBinary, Table, bindparam, func, insert, literal_column, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from kiosk.domain.business_day import OrderNumberMode, business_date, next_order_number
from kiosk.domain.ids import uuid7
from kiosk.domain.order import Order, PaymentMethod
from kiosk.ledger import cleanclose, db
from kiosk.ledger.cleanclose import FileCheck
from kiosk.ledger.models import DailyTotalRow, JournalRow, OrderLineRow, OrderRow, PaymentRow, RefundRow
from kiosk.ports import Clock, SystemClock
from kiosk.protocol import GENESIS_HASH, JournalEntry, canonical_json, chain_hash, entry_canonical_bytes


class LedgerError(RuntimeError):
    """A business rule refused by the ledger (unknown order, refund twice, ...)."""


# Core-level tables: sales insert rows without the ORM's per-object bookkeeping (measured in bench/ledger.py).
_JOURNAL = cast(Table, JournalRow.__table__)
_ORDERS = cast(Table, OrderRow.__table__)
_ORDER_LINES = cast(Table, OrderLineRow.__table__)
_PAYMENTS = cast(Table, PaymentRow.__table__)


class _Precompiled:
    """A statement of the sale path compiled once to SQLite SQL and run on the transaction's own DBAPI
    connection (the same sqlite3 connection and transaction SQLAlchemy holds).

    SQLAlchemy's per-execution work (coercing, cache-keying, compiling, then its execution context and
    result set-up: ~8 us a statement against ~0.6 us for the cursor) was most of a sale's Python time
    (bench/ledger.py); the SQL still comes from the typed models, not from strings. A driver error is
    raised as SQLAlchemy's exception for it (IntegrityError, OperationalError ...), as before."""

    def __init__(self, stmt: Any) -> None:
        compiled = stmt.compile(dialect=sqlite_dialect())
        self.sql = str(compiled)
        self.keys: tuple[str, ...] = tuple(compiled.positiontup or ())
        self.defaults: dict[str, Any] = dict(compiled.params)
        get = operator.itemgetter(*self.keys) if self.keys else (lambda _: ())
        self._get: Callable[[dict[str, Any]], tuple[Any, ...]] = (
            get if len(self.keys) != 1 else (lambda d: (d[self.keys[0]],))
        )

    def _row(self, params: dict[str, Any]) -> tuple[Any, ...]:
        return self._get({**self.defaults, **params})

    def run(self, dbapi: sqlite3.Connection, params: dict[str, Any] | None = None) -> sqlite3.Cursor:
        row = self._row(params or {})
        try:
            return dbapi.execute(self.sql, row)
        except sqlite3.Error as exc:
            raise _wrapped(self.sql, row, exc) from exc

    def run_many(self, dbapi: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        values = [self._row(r) for r in rows]
        try:
            dbapi.executemany(self.sql, values)
        except sqlite3.Error as exc:
            raise _wrapped(self.sql, values, exc) from exc


def _wrapped(sql: str, params: Any, exc: sqlite3.Error) -> StatementError:
    """The SQLAlchemy exception SQLAlchemy itself would have raised for this driver error."""
    return DBAPIError.instance(sql, params, exc, sqlite3.Error, hide_parameters=True)


@functools.cache
def _statements() -> dict[str, _Precompiled]:
    daily = sqlite_insert(DailyTotalRow)
    daily = daily.on_conflict_do_update(
        index_elements=[DailyTotalRow.business_date],
        set_={c: getattr(DailyTotalRow, c) + getattr(daily.excluded, c) for c in _DAILY_COLUMNS},
    )
    last = select(JournalRow.seq, JournalRow.hash).order_by(JournalRow.seq.desc()).limit(1)
    on_day = OrderRow.business_date == bindparam("day")
    in_range = OrderRow.order_number.between(bindparam("lo"), bindparam("hi"))
    # Columns in JournalEntry's field order, so a row is JournalEntry(*row).
    entry_columns = [getattr(JournalRow, f.name) for f in dataclasses.fields(JournalEntry)]
    after = (
        select(*entry_columns)
        .where(JournalRow.seq > bindparam("after"))
        .order_by(JournalRow.seq)
        .limit(bindparam("limit"))
    )
    # The same entries as the sync push's wire objects (JournalEntry.to_wire: its fields, in order), each built
    # by SQLite's json_object as UTF-8 bytes. The bytes are what `json.dumps(entry.to_wire(),
    # ensure_ascii=False, separators=(",", ":"))` gives (tests/sync/test_push_wire.py), made without a Python
    # object per field and while the statement runs without the GIL (bench/sync.py).
    pairs: list[Any] = []
    for column in entry_columns:
        pairs += [literal_column(f"'{column.key}'"), column]
    wire = func.json_object(*pairs)
    wire_after = (
        select(JournalRow.seq, JournalRow.hash, sql_cast(wire, LargeBinary))
        .where(JournalRow.seq > bindparam("after"))
        .order_by(JournalRow.seq)
        .limit(bindparam("limit"))
    )
    return {
        "entries_after": _Precompiled(after),
        "wire_after": _Precompiled(wire_after),
        "journal": _Precompiled(insert(_JOURNAL)),
        "order": _Precompiled(insert(_ORDERS)),
        "order_lines": _Precompiled(insert(_ORDER_LINES)),
        "payment": _Precompiled(insert(_PAYMENTS)),
        "daily": _Precompiled(daily),
        "last_entry": _Precompiled(last),
        "max_number": _Precompiled(select(func.max(OrderRow.order_number)).where(on_day)),
        "used_numbers": _Precompiled(select(OrderRow.order_number).where(on_day)),
        "max_in_range": _Precompiled(select(func.max(OrderRow.order_number)).where(on_day & in_range)),
        "used_in_range": _Precompiled(select(OrderRow.order_number).where(on_day & in_range)),
    }


SALE_COMPLETED = "sale.completed"
SALE_REFUNDED = "sale.refunded"


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    """An approved payment as the ledger keeps it. Never a card number: `masked_card` only."""

    method: PaymentMethod
    amount: int
    provider: str = ""
    approval_no: str = ""
    issuer: str = ""
    masked_card: str = ""
    installments: int = 0
    id: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "method": self.method.value,
            "amount": self.amount,
            "provider": self.provider,
            "approval_no": self.approval_no,
            "issuer": self.issuer,
            "masked_card": self.masked_card,
            "installments": self.installments,
        }


@dataclass(frozen=True, slots=True)
class SaleRecord:
    order_id: str
    business_date: date
    order_number: int
    seq: int


class LedgerTransaction:
    """One open write transaction: append journal entries, and write read models either with Core
    statements on `connection` (the sale path) or with the ORM through `session`, which joins the same
    transaction and is only created when asked for (it costs a sale a quarter of its Python time)."""

    def __init__(self, ledger: Ledger, connection: Connection) -> None:
        self.ledger = ledger
        self.connection = connection
        self._session: Session | None = None
        # The transaction's own sqlite3 connection: the sale path's statements run on it directly.
        self.dbapi = cast(sqlite3.Connection, connection.connection.driver_connection)
        row = _statements()["last_entry"].run(self.dbapi).fetchone()
        self._seq: int = int(row[0]) if row else 0
        self._hash: str = str(row[1]) if row else GENESIS_HASH

    @property
    def session(self) -> Session:
        if self._session is None:
            # Joins the connection's transaction: the ledger, not the Session, commits or rolls back.
            self._session = Session(bind=self.connection)
        return self._session

    def _finish(self) -> None:
        if self._session is not None:
            self._session.flush()

    def _close(self) -> None:
        if self._session is not None:
            self._session.close()

    def add_payment(self, order_id: str, business_date: str, payment: dict[str, Any]) -> None:
        """One more approved payment row of an order this transaction records (a split tender's further
        parts); `payment` has `PaymentRecord.to_payload()`'s fields (others are ignored)."""
        _statements()["payment"].run(
            self.dbapi, {**payment, "order_id": order_id, "business_date": business_date, "status": "approved"}
        )

    def append(self, kind: str, payload: dict[str, Any]) -> JournalEntry:
        seq = self._seq + 1
        ts = self.ledger.clock.now().isoformat(timespec="microseconds")
        entry_id = uuid7()
        body = canonical_json(payload)
        digest = chain_hash(self._hash, entry_canonical_bytes(self.ledger.device_id, seq, entry_id, ts, kind, body))
        entry = JournalEntry(self.ledger.device_id, seq, entry_id, ts, kind, body, self._hash, digest)
        _statements()["journal"].run(self.dbapi, entry.to_wire())
        self._seq, self._hash = seq, digest
        return entry


class Projector(Protocol):
    """Writes the read-model rows of one journal entry, inside the transaction that appends it: the entry
    and its rows commit together or not at all. Raising (a `LedgerError` for a refused business rule)
    rolls the whole transaction back. Also called by `Ledger.rebuild_read_models` on replay."""

    def __call__(self, tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any], /) -> None: ...


LEDGER_KINDS = frozenset({SALE_COMPLETED, SALE_REFUNDED})  # kinds whose projectors are the ledger's own


class Ledger:
    def __init__(
        self,
        engine: Engine,
        *,
        device_id: str,
        clock: Clock,
        tz: ZoneInfo,
        day_start_hour: int = 5,
        order_numbers: OrderNumberMode = OrderNumberMode.SEQUENTIAL,
        rng: random.Random | None = None,
    ) -> None:
        self.engine = engine
        self.device_id = device_id
        self.clock = clock
        self.tz = tz
        self.day_start_hour = day_start_hour
        self.order_numbers = order_numbers
        self._rng = rng or random.SystemRandom()
        # This terminal's order numbers (docs/COUNTER.md): a kiosk and a counter in one shop use distinct
        # ranges so their numbers never collide; None is the whole day's sequence (1, 2, ...).
        self.order_range: tuple[int, int] | None = None
        self._local = threading.local()  # the open write transaction, per thread
        self.path: Path | None = None  # the file, when opened by `open`
        self.file_check: FileCheck | None = None  # what the open's inspection found
        self._projectors: dict[str, Projector] = {
            SALE_COMPLETED: self._project_sale,
            SALE_REFUNDED: _project_refund,
        }
        self._sale_extensions: dict[str, tuple[Projector | None, Projector | None]] = {}
        self._sale_checks: tuple[Projector, ...] = ()
        self._sale_projections: tuple[Projector, ...] = ()

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        device_id: str = "KIOSK-01",
        clock: Clock | None = None,
        tz: ZoneInfo | None = None,
        day_start_hour: int = 5,
        order_numbers: OrderNumberMode = OrderNumberMode.SEQUENTIAL,
        rng: random.Random | None = None,
        on_connect: Callable[[sqlite3.Connection, Any], None] | None = None,
    ) -> Ledger:
        """Open (creating if needed), check the durability PRAGMAs and run migrations.

        The file is inspected read-only first (db.inspect_ledger_file); its whole-file quick_check is
        skipped only for a file this kiosk closed cleanly, untouched since and checked within the last
        days (kiosk/ledger/cleanclose.py). The record that allows it is removed before anything is
        written, and written again only by `close()`."""
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        clock = clock or SystemClock()
        found: list[FileCheck | None] = []

        def inspected(check: FileCheck | None) -> None:
            found.append(check)
            if check is not None:
                cleanclose.forget(path)

        engine = db.make_engine(path, on_connect=on_connect, inspected=inspected, now=clock.now().timestamp())
        try:
            db.check_pragmas(engine)
            db.migrate(engine)
        except Exception:
            engine.dispose()
            raise
        ledger = cls(
            engine,
            device_id=device_id,
            clock=clock,
            tz=tz or ZoneInfo("Asia/Seoul"),
            day_start_hour=day_start_hour,
            order_numbers=order_numbers,
            rng=rng,
        )
        ledger.path = None if str(path) == ":memory:" else path
        ledger.file_check = found[0] if found else None
        return ledger

    def close(self) -> None:
        """Close every pooled connection; when that was the file's last one (SQLite checkpointed and
        removed the -wal), record the clean close so the next open may skip the whole-file quick_check."""
        self.engine.dispose()
        if self.path is not None and self.file_check is not None:
            cleanclose.remember(self.path, self.file_check.checked_at)

    # --- read models of other areas -------------------------------------------------------------

    def register_projector(self, kind: str, projector: Projector) -> None:
        """`projector` writes the read-model rows of every `kind` entry from now on (registering a kind
        again replaces its projector, so an area's `install` may run twice). Sales and refunds have the
        ledger's own: extend a sale with `extend_sale`."""
        if kind in LEDGER_KINDS:
            raise ValueError(f"{kind} entries are projected by the ledger itself: use extend_sale")
        self._projectors[kind] = projector

    def projector(self, kind: str) -> Projector | None:
        """The projector `record` calls for `kind`, if any."""
        return self._projectors.get(kind)

    def extend_sale(self, name: str, *, check: Projector | None = None, project: Projector | None = None) -> None:
        """Add an area's part to every `sale.completed` entry, in its transaction: `check` runs before the
        ledger writes the order, its lines, the first payment and the day's totals (raise `LedgerError` to
        refuse the sale), `project` after them (the area's own rows). Extensions run in the order they were
        first added; adding `name` again replaces it in place (idempotent installs)."""
        self._sale_extensions[name] = (check, project)
        extensions = self._sale_extensions.values()
        self._sale_checks = tuple(c for c, _ in extensions if c is not None)
        self._sale_projections = tuple(p for _, p in extensions if p is not None)

    def _project_sale(self, tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
        for check in self._sale_checks:
            check(tx, entry, payload)
        _project_sale(tx, entry, payload)
        for project in self._sale_projections:
            project(tx, entry, payload)

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[LedgerTransaction]:
        """A write transaction (BEGIN IMMEDIATE). Nested calls on the same thread join the outer one;
        other threads (sync worker, printer completions) get their own, serialised by SQLite."""
        current: LedgerTransaction | None = getattr(self._local, "tx", None)
        if current is not None:
            yield current
            return
        with self.engine.begin() as connection:
            tx = LedgerTransaction(self, connection)
            self._local.tx = tx
            try:
                yield tx
                tx._finish()
            finally:
                self._local.tx = None
                tx._close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine.execution_options(sqlite_begin="DEFERRED")) as session, session.begin():
            yield session

    def record(self, kind: str, payload: dict[str, Any]) -> JournalEntry:
        """Append one event (and its read-model rows, if a projector is registered for the kind)."""
        with self.transaction() as tx:
            entry = tx.append(kind, payload)
            projector = self._projectors.get(kind)
            if projector is not None:
                projector(tx, entry, payload)
            return entry

    # --- sales ----------------------------------------------------------------------------------

    def record_sale(self, order: Order, payment: PaymentRecord) -> SaleRecord:
        if payment.amount != order.total:
            raise LedgerError(f"payment {payment.amount} does not match the order total {order.total}")
        if not payment.id:
            payment = dataclasses.replace(payment, id=uuid7())
        day = business_date(order.created_at, self.tz, self.day_start_hour)
        with self.transaction() as tx:
            number = self._next_number(tx.dbapi, day)
            vat = order.vat
            payload = {
                "order": order.to_payload(),
                "payment": payment.to_payload(),
                "business_date": day.isoformat(),
                "order_number": number,
                "local_hour": order.created_at.astimezone(self.tz).hour,
                "totals": {
                    "total": order.total,
                    "taxable": vat.taxable_total,
                    "tax_free": vat.tax_free_total,
                    "supply_value": vat.supply_value,
                    "vat": vat.vat,
                },
            }
            entry = self.record(SALE_COMPLETED, payload)
            return SaleRecord(order.id, day, number, entry.seq)

    def _next_number(self, dbapi: sqlite3.Connection, day: date) -> int:
        if self.order_range is not None:
            return self.number_in_range(dbapi, day, self.order_range)
        if self.order_numbers is OrderNumberMode.SEQUENTIAL:
            last = _statements()["max_number"].run(dbapi, {"day": day.isoformat()}).fetchone()[0]
            return next_order_number(self.order_numbers, (), last or 0)
        used = {r[0] for r in _statements()["used_numbers"].run(dbapi, {"day": day.isoformat()})}
        return next_order_number(self.order_numbers, used, 0, self._rng)

    def number_in_range(self, dbapi: sqlite3.Connection, day: date, order_range: tuple[int, int]) -> int:
        """The next order number of `day` within [lo, hi]: sequential from lo, or random in the range."""
        lo, hi = order_range
        span = {"day": day.isoformat(), "lo": lo, "hi": hi}
        if self.order_numbers is OrderNumberMode.SEQUENTIAL:
            last = _statements()["max_in_range"].run(dbapi, span).fetchone()[0]
            number = lo if last is None else int(last) + 1
            if number > hi:
                raise LedgerError(f"all order numbers {lo}-{hi} of business day {day} are used")
            return number
        used = {r[0] for r in _statements()["used_in_range"].run(dbapi, span)}
        if len(used) > hi - lo:
            raise LedgerError(f"all order numbers {lo}-{hi} of business day {day} are used")
        while True:
            candidate = self._rng.randint(lo, hi)
            if candidate not in used:
                return candidate

    def record_refund(self, order_id: str, reason: str = "", method: str = "") -> JournalEntry:
        """A refund is a reversal entry; the sale's own entry is never changed."""
        with self.transaction() as tx:
            order = tx.session.get(OrderRow, order_id)
            if order is None:
                raise LedgerError(f"no order {order_id} in this ledger")
            if order.status == "refunded":
                raise LedgerError(f"order {order_id} (No. {order.order_number}) is already refunded")
            now = self.clock.now()
            payload = {
                "refund_id": uuid7(),
                "order_id": order_id,
                "amount": order.total,
                "method": method,
                "reason": reason,
                "business_date": business_date(now, self.tz, self.day_start_hour).isoformat(),
            }
            return self.record(SALE_REFUNDED, payload)

    # --- reading --------------------------------------------------------------------------------

    def last_seq(self) -> int:
        with self.reading() as s:
            return s.execute(select(func.coalesce(func.max(JournalRow.seq), 0))).scalar_one()

    def entries_after(self, seq: int, limit: int = 500) -> list[JournalEntry]:
        """Up to `limit` entries above `seq`, in order. One SELECT on the driver's connection (a single
        statement reads one consistent snapshot): the sync push reads its batches here, and a mapped
        object per row was a fifth of its time (bench/sync.py)."""
        with self.engine.connect() as conn:
            dbapi = cast(sqlite3.Connection, conn.connection.driver_connection)
            rows = _statements()["entries_after"].run(dbapi, {"after": seq, "limit": limit}).fetchall()
        return [JournalEntry(*r) for r in rows]

    def wire_after(self, seq: int, limit: int = 500) -> list[tuple[int, str, bytes]]:
        """(seq, hash, the entry as the push sends it: compact UTF-8 JSON of `JournalEntry.to_wire()`) of
        up to `limit` entries above `seq`, in order; one SELECT, like `entries_after`."""
        with self.engine.connect() as conn:
            dbapi = cast(sqlite3.Connection, conn.connection.driver_connection)
            rows = _statements()["wire_after"].run(dbapi, {"after": seq, "limit": limit}).fetchall()
        return cast(list[tuple[int, str, bytes]], rows)

    def order_exists(self, order_id: str) -> bool:
        with self.reading() as s:
            return s.get(OrderRow, order_id) is not None

    def rebuild_read_models(self) -> int:
        """Drop and rebuild the sales read models from the journal. Returns the entries replayed."""
        count = 0
        with self.transaction() as tx:
            for table in (OrderLineRow, PaymentRow, RefundRow, DailyTotalRow):
                tx.session.query(table).delete()
            tx.session.query(OrderRow).delete()
            for row in tx.session.execute(select(JournalRow).order_by(JournalRow.seq)).scalars():
                projector = self._projectors.get(row.kind)
                if projector is not None:
                    entry = _entry(row)
                    projector(tx, entry, json.loads(entry.payload))
                    count += 1
        return count


def _entry(r: JournalRow) -> JournalEntry:
    return JournalEntry(r.device_id, r.seq, r.id, r.ts, r.kind, r.payload, r.prev_hash, r.hash)


_DAILY_COLUMNS = (
    "sale_count",
    "gross",
    "refund_count",
    "refunds",
    "taxable_total",
    "tax_free_total",
    "supply_value",
    "vat",
)


def _add_daily(dbapi: sqlite3.Connection, day: str, **deltas: int) -> None:
    """Add to a business day's totals with one upsert (the row is created on the day's first event)."""
    _statements()["daily"].run(dbapi, {"business_date": day, **{c: deltas.get(c, 0) for c in _DAILY_COLUMNS}})


def _project_sale(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    order = payload["order"]
    totals = payload["totals"]
    day = payload["business_date"]
    try:
        _statements()["order"].run(
            tx.dbapi,
            {
                "id": order["id"],
                "business_date": day,
                "order_number": payload["order_number"],
                "order_type": order["order_type"],
                "created_at": order["created_at"],
                "local_hour": payload["local_hour"],
                "language": order["language"],
                "total": totals["total"],
                "taxable_total": totals["taxable"],
                "tax_free_total": totals["tax_free"],
                "supply_value": totals["supply_value"],
                "vat": totals["vat"],
                "status": "completed",
                "journal_seq": entry.seq,
            },
        )
    except IntegrityError:
        raise LedgerError(f"order {order['id']} is already recorded") from None
    _statements()["order_lines"].run_many(
        tx.dbapi,
        [
            {
                "order_id": order["id"],
                "line_no": i,
                "business_date": day,
                "item_id": ln["item_id"],
                "name_ko": ln["name_ko"],
                "quantity": ln["quantity"],
                "unit_price": ln["unit_price"],
                "line_total": ln["line_total"],
                "tax_type": ln["tax_type"],
                "options_ko": ", ".join(
                    o["name_ko"] + (f" x{o['quantity']}" if o["quantity"] > 1 else "") for o in ln["options"]
                ),
            }
            for i, ln in enumerate(order["lines"], start=1)
        ],
    )
    pay = payload["payment"]
    _statements()["payment"].run(tx.dbapi, {**pay, "order_id": order["id"], "business_date": day, "status": "approved"})
    _add_daily(
        tx.dbapi,
        day,
        sale_count=1,
        gross=totals["total"],
        taxable_total=totals["taxable"],
        tax_free_total=totals["tax_free"],
        supply_value=totals["supply_value"],
        vat=totals["vat"],
    )


def _project_refund(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    s = tx.session
    order = s.get(OrderRow, payload["order_id"])
    if order is None:
        raise LedgerError(f"no order {payload['order_id']}")
    s.execute(
        insert(RefundRow),
        [
            {
                "id": payload["refund_id"],
                "order_id": order.id,
                "business_date": payload["business_date"],
                "created_at": entry.ts,
                "amount": payload["amount"],
                "method": payload["method"],
                "reason": payload["reason"],
                "journal_seq": entry.seq,
            }
        ],
    )
    order.status = "refunded"
    s.execute(update(PaymentRow).where(PaymentRow.order_id == order.id).values(status="refunded"))
    _add_daily(
        tx.dbapi,
        payload["business_date"],
        refund_count=1,
        refunds=payload["amount"],
        taxable_total=-order.taxable_total,
        tax_free_total=-order.tax_free_total,
        supply_value=-order.supply_value,
        vat=-order.vat,
    )
    s.flush()
