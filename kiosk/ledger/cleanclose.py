"""Whether a ledger file may skip SQLite's whole-file `quick_check` at open: only when the kiosk itself
closed it cleanly, nothing has touched the file since, and its last quick_check passed less than
`CHECK_EVERY_DAYS` ago. Everything else — a crash or power cut while open (no record: it is removed at
open), a file another process has open (its -wal is there), a file restored, copied, edited or damaged
since (its identity differs), a record that is too old, unreadable or missing — runs the check as before.

The record is a small JSON file per ledger path in the user's cache directory
(`$XDG_CACHE_HOME/kiosk/ledger-checks/`, or `KIOSK_LEDGER_CHECKS_DIR`), not beside the ledger: the data
directory holds only the ledger. Losing the cache only costs one quick_check. Measured in bench/ledger.py
(`open`): on the one-year ledger the check was the whole difference between opening a year and an empty
ledger.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

CHECK_EVERY_DAYS = 7
KEEP_RECORDS = 256  # a kiosk has one ledger; tests and tools open many: the oldest records go


@dataclass(frozen=True, slots=True)
class FileCheck:
    """What the open found: `ran` whether quick_check ran now; `checked_at` (unix time) when it last passed."""

    ran: bool
    checked_at: float


@dataclass(frozen=True, slots=True)
class _Record:
    identity: str  # the file's device, inode, size, mtime and ctime, hashed (base32: no long digit runs)
    checked_at: float


def _folder() -> Path | None:
    """Where the records live; None without a usable (absolute) cache directory: then every open checks."""
    given = os.environ.get("KIOSK_LEDGER_CHECKS_DIR")
    if given:
        folder = Path(given)
    else:
        cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
        folder = Path(cache) / "kiosk" / "ledger-checks"
    return folder if folder.is_absolute() else None  # no HOME (a bare service account): no records


def record_path(ledger: Path) -> Path | None:
    folder = _folder()
    if folder is None:
        return None
    key = hashlib.sha256(str(ledger.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return folder / f"{key}.json"


def _identity(st: os.stat_result) -> str:
    """Changes with any write, truncation, replacement (rename, restore) or metadata change of the file:
    the ctime cannot be set back by tools that preserve times."""
    raw = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}".encode()
    return base64.b32encode(hashlib.sha256(raw).digest()).decode("ascii").rstrip("=")


def trusted_since(ledger: Path, now: float) -> float | None:
    """When the last quick_check of this very file passed, if the file may skip it now; else None."""
    if Path(f"{ledger}-wal").exists():
        return None  # open in another process now, or not closed cleanly
    record = record_path(ledger)
    if record is None:
        return None
    try:
        doc = json.loads(record.read_text(encoding="utf-8"))
        rec = _Record(**doc)
        st = ledger.stat()
    except (OSError, ValueError, TypeError):
        return None
    if _identity(st) != rec.identity or not isinstance(rec.checked_at, (int, float)):
        return None
    if not rec.checked_at <= now < rec.checked_at + CHECK_EVERY_DAYS * 86_400:
        return None  # too old, or a clock that went backwards: check again
    return rec.checked_at


def forget(ledger: Path) -> None:
    """At open, before anything is written: from now on only a clean close may say the file is sound."""
    record = record_path(ledger)
    if record is None:
        return
    try:
        record.unlink()
    except FileNotFoundError:
        return
    except OSError:
        return  # an unwritable cache: the record cannot be trusted after this open anyway (identity changes)
    _sync_dir(record.parent)


def remember(ledger: Path, checked_at: float) -> None:
    """After a clean close (every connection closed, the -wal checkpointed away): the file as it is now."""
    if Path(f"{ledger}-wal").exists():
        return  # another process still has it open: it is not closed
    record = record_path(ledger)
    if record is None:
        return
    try:
        st = ledger.stat()
        folder = record.parent
        folder.mkdir(parents=True, exist_ok=True)
        tmp = record.with_name(f".{record.name}.{os.getpid()}.tmp")
        data = json.dumps(asdict(_Record(_identity(st), round(checked_at, 3)))).encode("utf-8")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, record)
        _sync_dir(folder)
        _prune(folder)
    except OSError:
        return  # no cache: the next open checks the file, as before


def _prune(folder: Path) -> None:
    records = list(folder.glob("*.json"))
    if len(records) <= KEEP_RECORDS:
        return
    by_age = sorted(records, key=lambda r: r.stat().st_mtime)
    for old in by_age[: len(records) - KEEP_RECORDS]:
        old.unlink(missing_ok=True)


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
