"""The ledger's SQLite engine: durable PRAGMAs, real transactions, migrations at start.

Before an engine touches an existing file (setting WAL mode writes to it), the file is inspected
read-only: it must be a SQLite database that is a ledger (or an empty database a first start left) and
pass SQLite's quick_check (skipped only for a file the kiosk closed cleanly, untouched since and checked
in the last days: kiosk/ledger/cleanclose.py). A 0-byte file, another program's file or a damaged ledger
is refused and left exactly as it was, for recovery (docs/LEDGER.md).

pysqlite's default transaction handling issues BEGIN lazily (and not before SELECTs), so
SQLAlchemy's documented recipe is used: the driver's own handling is switched off and SQLAlchemy's
`begin` event emits BEGIN itself. Writes use BEGIN IMMEDIATE so a writer takes the lock up front
instead of failing later on a lock upgrade.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from kiosk.ledger import cleanclose
from kiosk.ledger.cleanclose import FileCheck
from kiosk.ledger.precheck import revision_heads, revisions

BUSY_TIMEOUT_MS = 10_000
REQUIRED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
}
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


SQLITE_MAGIC = b"SQLite format 3\x00"


class LedgerConfigError(RuntimeError):
    """The database cannot be used safely; the message says why and what to do. `exit_status` is what the
    `kiosk` command exits with (docs/EXIT-STATUS.md)."""

    exit_status = 3


class LedgerMissingError(LedgerConfigError):
    """No ledger at the path, and the command only reads: nothing is created."""

    exit_status = 2


class NotALedgerError(LedgerConfigError):
    """The path is a directory, an empty (0-byte) file, or a file that is not a kiosk ledger. Never migrated
    or written to."""

    exit_status = 2


class LedgerDamagedError(LedgerConfigError):
    """A SQLite ledger that fails SQLite's checks: the kiosk is out of order until staff recover it. The file
    is left exactly as it was."""

    exit_status = 4


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN, see module doc
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _begin(conn: Connection) -> None:
    """Emit BEGIN on the driver's connection itself: through `exec_driver_sql` it cost every transaction
    ~8 us of SQLAlchemy's execution machinery (half of an empty `engine.begin()`, bench/ledger.py). A
    driver error (the busy timeout ran out) is raised as SQLAlchemy's exception for it, as before."""
    mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    sql = f"BEGIN {mode}"
    try:
        conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]
    except sqlite3.Error as exc:
        raise DBAPIError.instance(sql, (), exc, sqlite3.Error) from exc


def require_ledger(path: Path) -> None:
    """For commands that only read: the ledger must already be there (a mistyped --db creates nothing)."""
    if str(path) == ":memory:" or path.exists():
        return
    raise LedgerMissingError(
        f"{path}: no ledger here; check --db (or ledger.path / data_dir in the config). Nothing was created."
    )


def _read_only(path: Path, busy_timeout: float = BUSY_TIMEOUT_MS / 1000) -> sqlite3.Connection:
    """mode=ro: this connection can never write to the file, whatever is wrong with it. Without a -wal file
    beside it (no connection is open and everything is in the file), immutable=1 as well, so that not
    even the -wal and -shm files appear next to a file that is being inspected."""
    resolved = path.resolve()
    mode = "ro" if Path(f"{resolved}-wal").exists() else "ro&immutable=1"
    return sqlite3.connect(f"file:{quote(str(resolved))}?mode={mode}", uri=True, timeout=busy_timeout)


def _sqlite_check(path: Path, pragma: str) -> list[str]:
    """The problems SQLite's `quick_check` or `integrity_check` finds (at most 10), [] when it says ok.
    Raises LedgerDamagedError when SQLite cannot even read the file's structure."""
    try:
        conn = _read_only(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}(10)").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from None
    problems = [line for r in rows for line in str(r[0]).splitlines() if line.strip()]
    return [] if problems == ["ok"] else problems


# SQLite's answers that say nothing about the file's health: another program holds it, or it cannot be opened.
_NOT_DAMAGE = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH", "SQLITE_NOMEM"}


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> LedgerConfigError:
    name = getattr(exc, "sqlite_errorname", "")
    if name in _NOT_DAMAGE:
        return LedgerConfigError(
            f"{path}: the ledger cannot be read now ({exc}); check its permissions, or whether another program "
            "holds it, and try again"
        )
    return LedgerDamagedError(_damaged(path, str(exc)))


def _damaged(path: Path, detail: str) -> str:
    detail = " ".join(detail.split())  # one line, whatever SQLite said
    if len(detail) > 200:
        detail = detail[:197] + "..."
    return (
        f"{path}: the ledger is damaged ({detail}). The kiosk is out of order: call staff. Do not delete or "
        "overwrite the file; copy it (with any -wal file beside it) for recovery and restore the latest backup."
    )


def integrity_check(path: Path) -> list[str]:
    """SQLite's full `PRAGMA integrity_check` on the file, read-only: the problems found, [] when intact.
    Raises LedgerDamagedError when the file cannot be read as a database at all."""
    return _sqlite_check(path, "integrity_check")


def check_integrity(path: Path) -> None:
    """For `kiosk ledger verify`: SQLite's full integrity_check, read-only. Raises LedgerDamagedError with
    what it found; does nothing for a path that is not a SQLite file (the journal check reports that)."""
    try:
        with path.open("rb") as f:
            if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return
    except OSError:
        return
    problems = integrity_check(path)
    if problems:
        raise LedgerDamagedError(_damaged(path, "SQLite integrity_check: " + "; ".join(problems[:4])))


def inspect_ledger_file(
    path: Path, *, busy_timeout: float = BUSY_TIMEOUT_MS / 1000, now: float | None = None
) -> FileCheck | None:
    """Refuse, without writing a byte, a file that must not be opened as the ledger: a directory, a 0-byte
    file, a file that is not SQLite, another program's database, or a ledger that fails SQLite's
    quick_check. A missing file is fine (a new ledger); so is a SQLite file with no tables at all, which a
    first start that stopped before its first migration leaves behind.

    With `now` (unix time; the ledger's own open passes it) the whole-file quick_check is skipped for a file
    the kiosk closed cleanly and nothing touched since, checked within the last days (kiosk/ledger/
    cleanclose.py); every other check still runs. Returns what was found (None: no file yet)."""
    if str(path) == ":memory:" or not path.exists():
        return None
    if path.is_dir():
        raise NotALedgerError(f"{path}: is a directory, not a ledger file; give the ledger file's path")
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise LedgerConfigError(f"{path}: cannot read the ledger ({exc.strerror}); check its permissions") from None
    if not header:
        raise NotALedgerError(
            f"{path}: is an empty (0-byte) file, not a ledger; it is left alone. If this kiosk is new, remove "
            "the empty file; otherwise restore the ledger from a backup"
        )
    if header != SQLITE_MAGIC:
        raise NotALedgerError(
            f"{path}: is not a kiosk ledger (not a SQLite database); it is left alone. Check --db or "
            "ledger.path, or restore the ledger from a backup"
        )
    trusted = cleanclose.trusted_since(path, now) if now is not None else None
    try:
        conn = _read_only(path, busy_timeout)
        try:
            rows = conn.execute("PRAGMA quick_check(10)").fetchall() if trusted is None else [("ok",)]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from None
    problems = [line for r in rows for line in str(r[0]).splitlines() if line.strip()]
    if problems != ["ok"]:
        raise LedgerDamagedError(_damaged(path, "SQLite quick_check: " + "; ".join(problems[:4])))
    if tables and "journal" not in tables:
        raise NotALedgerError(
            f"{path}: is a SQLite database but not a kiosk ledger (no journal); it is left alone. Check --db "
            "or ledger.path"
        )
    if trusted is not None:
        return FileCheck(ran=False, checked_at=trusted)
    return FileCheck(ran=True, checked_at=time.time() if now is None else now)


def _create_empty(path: Path) -> None:
    """A new ledger file appears whole: an empty WAL-mode database is made under a temporary name, synced,
    and linked into place (never over an existing file). A crash at any moment leaves no ledger or an
    empty database, never the 0-byte file that `inspect_ledger_file` refuses."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.creating")
    tmp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # writes the header; the last close removes the -wal
        finally:
            conn.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return  # another process made it meanwhile: use theirs
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        tmp.unlink(missing_ok=True)


def make_engine(
    path: Path,
    *,
    on_connect: Callable[[sqlite3.Connection, Any], None] | None = None,
    inspected: Callable[[FileCheck | None], None] | None = None,
    now: float | None = None,
) -> Engine:
    """An engine on the ledger file, after `inspect_ledger_file` has found nothing wrong with it (a missing
    file is first created whole, see `_create_empty`). `on_connect` runs after ours (tests use it to
    inject faults); `inspected` is told what the inspection found, before anything is written; `now`: see
    `inspect_ledger_file`."""
    if str(path) != ":memory:" and not path.exists():
        _create_empty(path)
    found = inspect_ledger_file(path, now=now)
    if inspected is not None:
        inspected(found)
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    if on_connect is not None:
        event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _begin)
    return engine


def check_pragmas(engine: Engine) -> None:
    """Refuse to run unless every durability PRAGMA is in force on a real connection."""
    with engine.connect() as conn:
        for name, wanted in REQUIRED_PRAGMAS.items():
            got = conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            if isinstance(got, str):
                got = got.lower()
            if got != wanted:
                raise LedgerConfigError(
                    f"the ledger database has PRAGMA {name}={got}, but {wanted} is required so that no "
                    f"sale can be lost. Put the ledger on a local disk that supports SQLite's WAL mode "
                    f"(not a network share or tmpfs), and do not change the PRAGMA."
                )
        timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        if not timeout:
            raise LedgerConfigError("the ledger database has no busy timeout; it is required")
        conn.rollback()


def _current_heads(conn: Connection) -> set[str]:
    if not table_exists(conn, "alembic_version"):
        return set()
    return {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def migrate(engine: Engine) -> None:
    """Bring the schema to every head (feature branches hang off the foundation revision)."""
    with engine.connect() as conn:
        current = _current_heads(conn)
        conn.rollback()
        if current and current == revision_heads():
            return
        unknown = current - revisions()[0]
        if unknown:  # an older package installed over a newer one (docs/DEPLOYING.md, "Updates")
            raise LedgerConfigError(
                f"this ledger was written by a newer version of the kiosk (schema {', '.join(sorted(unknown))}); "
                "install that version or newer again, or restore a backup made before it (kiosk restore)"
            )
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, "heads")  # one transaction (the deferred-BEGIN recipe): all or nothing
        except Exception as exc:
            conn.rollback()
            raise LedgerConfigError(
                f"the ledger could not be migrated to this version ({type(exc).__name__}: {exc}); it is "
                "unchanged. Install the previous version again and report this with the journal's log"
            ) from exc
        conn.commit()
        if current:
            logging.getLogger(__name__).info(
                "ledger migrated from schema %s to %s", ",".join(sorted(current)), ",".join(sorted(revision_heads()))
            )


def table_exists(conn: Connection, name: str) -> bool:
    row = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": name})
    return row.first() is not None
