"""`kiosk backup` and `kiosk restore`: online backups of the ledger to a second location or a USB stick,
and a restore that verifies the chain first (kiosk/ledger/backup.py, docs/DEPLOYING.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.context import add_db_option, settings_from


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser("backup", help="back the ledger up now (online, while the kiosk sells)")
    add_db_option(b)
    b.add_argument(
        "--to",
        type=Path,
        help="directory for the backup, e.g. a USB stick's mount point (default: $KIOSK_BACKUP_DIR, "
        "else <data_dir>/backups)",
    )
    b.add_argument("--keep", type=int, default=0, help="keep only the newest N backups there (0: keep all)")
    b.add_argument("--json", action="store_true", help="print the result as JSON")
    b.set_defaults(handler=run_backup)

    r = sub.add_parser("restore", help="replace the ledger with a backup (the kiosk must be stopped)")
    add_db_option(r)
    r.add_argument("backup", type=Path, help="the backup file (ledger-<device>-<time>-seq<N>.sqlite3)")
    r.add_argument(
        "--acked-seq",
        type=int,
        default=0,
        help="the sequence the backend has acknowledged, when the old ledger is gone (`kiosk sync status` "
        "or the backend's terminal page)",
    )
    r.add_argument("--force", action="store_true", help="restore even a backup older than what the backend has")
    r.set_defaults(handler=run_restore)


def _ledger(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else settings_from(args).ledger_path


def run_backup(args: argparse.Namespace) -> int:
    from kiosk.ledger.backup import BackupError, backup
    from kiosk.ledger.db import LedgerConfigError, inspect_ledger_file

    ledger = _ledger(args)
    try:
        inspect_ledger_file(ledger)  # read-only: a 0-byte, foreign or damaged file says so (docs/EXIT-STATUS.md)
    except LedgerConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.exit_status
    dest = args.to or Path(os.environ.get("KIOSK_BACKUP_DIR") or (ledger.parent / "backups"))
    try:
        info = backup(ledger, dest, keep=max(0, args.keep))
    except BackupError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.code
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(info.path),
                    "entries": info.entries,
                    "last_seq": info.last_seq,
                    "acked_seq": info.acked_seq,
                }
            )
        )
    else:
        print(f"backed up {info.entries} entries (up to seq {info.last_seq}, chain verified) to {info.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from kiosk.ledger.backup import BackupError, restore

    ledger = _ledger(args)
    try:
        info, kept = restore(args.backup, ledger, acked=max(0, args.acked_seq), force=args.force)
    except BackupError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.code
    print(f"restored {info.entries} entries (up to seq {info.last_seq}, chain verified) into {ledger}")
    if kept is not None:
        print(f"the ledger it replaced is kept as {kept}")
    return 0
