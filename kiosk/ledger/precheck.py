"""The start-up pre-check of `kiosk run`: may customers start ordering before the full ledger side is up?

DESIGN §6 (Recovery): "At start, before the attract screen, pending intents are resolved" — no customer
begins on a terminal whose open payments are not resolved. Opening the ledger the full way (SQLAlchemy,
the durability PRAGMAs, migrations) and payment recovery take ~0.3–0.4 s after the first frame; whether
there is anything to resolve at all takes a few milliseconds with the standard library's sqlite3, read
only. When this says `clean`, "touch to start" works at once and the customer builds an order (order type,
menu, options, cart) while the ledger, payment service, printer and card reader load; paying waits for
them (`CustomerSession.open_early`). Anything else — open intents, open refund requests, a file not
closed cleanly by the kiosk (kiosk/ledger/cleanclose.py: then the whole-file quick_check runs), a schema
other than this version's heads (migrations to run), a new ledger, any error — says why, and start-up
stays as it was: touch waits for recovery.

Nothing here writes: the connection is `mode=ro&immutable=1` (no -wal or -shm appears beside the file,
so the clean-close record still matches when the full open reads it a moment later). No SQLAlchemy."""

from __future__ import annotations

import ast
import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kiosk.ledger import cleanclose

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Not final (kiosk/payments/intents.py `IntentStore.pending`): what recovery would resolve. Two seeks on the
# (state, order_completed) index of migration 0007.
OPEN_INTENTS = (
    "SELECT 1 FROM payment_intents WHERE state IN ('created', 'sent', 'unknown') "
    "OR (state = 'approved' AND order_completed = 0) LIMIT 1"
)
OPEN_REFUNDS = "SELECT 1 FROM open_refund_requests LIMIT 1"


@dataclass(frozen=True, slots=True)
class StartCheck:
    """`clean`: nothing to recover, closed cleanly, schema current: customers may start before the full
    open. Otherwise `reason` says why not (logged)."""

    clean: bool
    reason: str


@functools.cache
def revisions() -> tuple[frozenset[str], frozenset[str]]:
    """Every revision this version knows, and every revision some other one follows; read from the
    revision files without importing Alembic (which costs a third of a second of start-up to find out that
    nothing needs doing), once a process: the pre-check and the full open (kiosk/ledger/db.py `migrate`)
    both ask."""
    known: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                continue
            name = node.targets[0].id
            if name not in ("revision", "down_revision"):
                continue
            value = ast.literal_eval(node.value)
            values = {value} if isinstance(value, str) else set(value or ())
            (known if name == "revision" else parents).update(values)
    return frozenset(known), frozenset(parents)


def revision_heads() -> frozenset[str]:
    known, parents = revisions()
    return known - parents


def check_start(path: Path, now: float) -> StartCheck:
    """Whether the ledger at `path` has nothing for start-up to resolve (see the module's docstring);
    `now` is unix time (the clean-close record's age). Never raises: any doubt is "not clean"."""
    try:
        if str(path) == ":memory:" or not path.is_file():
            return StartCheck(False, "no ledger file yet (it is created and migrated first)")
        if cleanclose.trusted_since(path, now) is None:
            return StartCheck(False, "the ledger was not closed cleanly (or not checked recently): it is checked first")
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", uri=True, timeout=1.0)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            needed = {"journal", "alembic_version", "payment_intents", "open_refund_requests"}
            if not needed <= tables:
                return StartCheck(False, "the ledger's schema is older than this version's: it is migrated first")
            current = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
            if current != revision_heads():
                return StartCheck(False, f"the ledger's schema ({','.join(sorted(current))}) is migrated first")
            if conn.execute(OPEN_INTENTS).fetchone() is not None:
                return StartCheck(False, "open payment intents: they are resolved first")
            if conn.execute(OPEN_REFUNDS).fetchone() is not None:
                return StartCheck(False, "open refund requests: they are resolved first")
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        return StartCheck(False, f"the pre-check could not read the ledger ({exc}): the full open decides")
    return StartCheck(True, "nothing to recover, closed cleanly, schema current")
