"""Backups of the ledger (DESIGN §15): online, through SQLite's backup API, while the kiosk sells.

A backup is one consistent snapshot: `sqlite3.Connection.backup` with every page in one step holds a
single read transaction, which in WAL mode never blocks the kiosk's writers. It is written to a hidden
temporary file in the destination, checked (integrity_check and the journal's hash chain), fsynced, then
renamed into place, so a half-written backup never carries a backup's name (a USB stick pulled out
mid-copy leaves only a `.partial` file).

A restore verifies the backup's chain first and refuses a backup that ends before the sequence the
programme backend has acknowledged (the backend would then hold sales the kiosk no longer has, and the
next sales would reuse their sequence numbers) unless forced. The ledger it replaces is kept beside it,
renamed, never deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.ledger.verify import VerifyResult, verify_journal

BACKUP_GLOB = "ledger-*.sqlite3"
_NAME = re.compile(r"^ledger-(?P<device>.+)-(?P<stamp>\d{8}T\d{6}Z)-seq(?P<seq>\d+)\.sqlite3$")


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says what to do. `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    entries: int
    last_seq: int
    last_hash: str
    acked_seq: int
    device_id: str


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def acked_seq(path: Path) -> int:
    """The sequence the backend acknowledged, as recorded in the ledger at `path` (0: none, or no sync)."""
    if not path.exists():
        return 0
    conn = _connect_ro(path)
    try:
        row = conn.execute("SELECT acked_seq FROM sync_state WHERE id = 1").fetchone()
    except sqlite3.Error:
        return 0
    finally:
        conn.close()
    return int(row[0]) if row else 0


def _device_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT device_id FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    return str(row[0]) if row else ""


def inspect(path: Path) -> tuple[VerifyResult, BackupInfo]:
    """Check a ledger file (a backup, usually): SQLite's integrity_check and the journal's chain."""
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file; check the path", 2)
    try:
        conn = _connect_ro(path)
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()
            device = _device_id(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path}: not a readable ledger ({exc}); use another backup", 4) from None
    if not integrity or integrity[0] != "ok":
        raise BackupError(f"{path}: the database is damaged ({integrity}); use another backup", 4)
    try:
        result = verify_journal(path)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path}: not a ledger ({exc}); use another backup", 4) from None
    info = BackupInfo(path, result.entries, result.last_seq, result.last_hash, acked_seq(path), device)
    return result, info


def backup(source: Path, dest_dir: Path, *, now: datetime | None = None, keep: int = 0) -> BackupInfo:
    """Copy the live ledger `source` into `dest_dir` as ledger-<device>-<UTC time>-seq<N>.sqlite3. With
    `keep` > 0, only the newest `keep` backups of this device are kept in `dest_dir` afterwards."""
    if not source.is_file():
        raise BackupError(f"{source}: no ledger here; check --db or ledger.path in the config", 2)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = f"cannot write backups here ({exc.strerror}); check the stick or the path"
        raise BackupError(f"{dest_dir}: {reason}", 5) from None
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    partial = dest_dir / f".ledger-{stamp}-{os.getpid()}.partial"
    try:
        src = _connect_ro(source)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # every page in one step: one read transaction, one consistent snapshot
            dst.execute("PRAGMA journal_mode=DELETE")  # a single file, no -wal beside it
            dst.commit()
        finally:
            dst.close()
            src.close()
        os.chmod(partial, 0o640)  # sales data: the kiosk's user and its group only
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
        result, info = inspect(partial)
        if not result.ok:
            raise BackupError(
                f"{source}: the journal's chain is broken at seq {result.bad_seq} ({result.problem}); "
                "the ledger itself needs attention (kiosk ledger verify), no backup written",
                4,
            )
        device = re.sub(r"[^A-Za-z0-9_.-]", "_", info.device_id or "unknown")
        final = dest_dir / f"ledger-{device}-{stamp}-seq{info.last_seq}.sqlite3"
        os.replace(partial, final)
        _fsync_dir(dest_dir)
    except OSError as exc:
        reason = f"the backup could not be written ({exc.strerror}); check free space"
        raise BackupError(f"{dest_dir}: {reason}", 5) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    if keep > 0:
        prune(dest_dir, device, keep)
    return BackupInfo(final, info.entries, info.last_seq, info.last_hash, info.acked_seq, info.device_id)


def backups(dest_dir: Path) -> list[Path]:
    """The backups in `dest_dir`, oldest first (by their UTC time stamp, then sequence)."""
    found = [(m, p) for p in dest_dir.glob(BACKUP_GLOB) if (m := _NAME.match(p.name))]
    found.sort(key=lambda mp: (mp[0]["stamp"], int(mp[0]["seq"])))
    return [p for _, p in found]


def prune(dest_dir: Path, device: str, keep: int) -> list[Path]:
    mine = [p for p in backups(dest_dir) if (m := _NAME.match(p.name)) and m["device"] == device]
    removed = mine[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink()
    return removed


def _ledger_in_use(path: Path) -> bool:
    """True when another process has the ledger open (the kiosk is running, even idle). In WAL mode a
    database can leave WAL only when no other connection has it open: try that, and go back to WAL."""
    if not path.exists():
        return False
    conn = sqlite3.connect(path, timeout=0.2, isolation_level=None)
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            if conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "wal":
                return True
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()
    return False


def restore(
    backup_file: Path, ledger: Path, *, acked: int = 0, force: bool = False, now: datetime | None = None
) -> tuple[BackupInfo, Path | None]:
    """Put `backup_file` in place of `ledger`. The backup's chain is verified first; a backup that ends
    before `acked` (or before what the current ledger says the backend acknowledged) is refused unless
    `force`. Returns the restored ledger's info and where the replaced ledger was kept (None: there was
    none)."""
    result, info = inspect(backup_file)
    if not result.ok:
        raise BackupError(
            f"{backup_file}: the journal's chain is broken at seq {result.bad_seq} ({result.problem}: "
            f"{result.detail}); this backup cannot be restored, use another one",
            4,
        )
    needed = max(acked, acked_seq(ledger))
    if info.last_seq < needed and not force:
        raise BackupError(
            f"{backup_file}: this backup ends at seq {info.last_seq}, but the backend has acknowledged up to "
            f"seq {needed}; sales after it would be lost and their numbers reused. Use a newer backup, or "
            "--force if you are sure",
            6,
        )
    if _ledger_in_use(ledger):
        raise BackupError(f"{ledger}: the kiosk is using this ledger; stop it first (systemctl stop kiosk)", 7)
    ledger.parent.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    partial = ledger.with_name(f".{ledger.name}.restore-{os.getpid()}.partial")
    kept: Path | None = None
    try:
        src = _connect_ro(backup_file)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")  # the kiosk's own setting
            dst.commit()
        finally:
            dst.close()
            src.close()
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
        parent = ledger.parent.stat()
        if os.geteuid() == 0 and (parent.st_uid, parent.st_gid) != (0, 0):
            os.chown(partial, parent.st_uid, parent.st_gid)  # root restores for the kiosk's own user
        os.chmod(partial, 0o640)
        if ledger.exists():
            kept = ledger.with_name(f"{ledger.name}.before-restore-{stamp}")
            os.replace(ledger, kept)
            for suffix in ("-wal", "-shm"):
                side = ledger.with_name(ledger.name + suffix)
                if side.exists():
                    os.replace(side, kept.with_name(kept.name + suffix))
        os.replace(partial, ledger)
        _fsync_dir(ledger.parent)
    except OSError as exc:
        reason = f"the restore could not be written ({exc.strerror}); see above what is in place"
        raise BackupError(f"{ledger}: {reason}", 5) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return BackupInfo(ledger, info.entries, info.last_seq, info.last_hash, info.acked_seq, info.device_id), kept
