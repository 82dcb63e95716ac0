"""`kiosk ledger verify`: check the journal's hash chain and report the first bad entry."""

from __future__ import annotations

import argparse
import sys

from app.context import add_db_option, settings_from
from kiosk.ledger.verify import verify_journal


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ledger", help="ledger tools")
    lsub = p.add_subparsers(dest="ledger_command", required=True, metavar="ACTION")
    v = lsub.add_parser("verify", help="verify the journal's hash chain")
    add_db_option(v)
    v.set_defaults(handler=verify)


def verify(args: argparse.Namespace) -> int:
    path = args.db if args.db else settings_from(args).ledger_path
    from kiosk.ledger.db import LedgerDamagedError, check_integrity

    try:
        check_integrity(path)  # SQLite's own integrity_check, read-only, before the hash chain
    except LedgerDamagedError as exc:
        print(f"DAMAGED: {exc}")
        return LedgerDamagedError.exit_status
    try:
        result = verify_journal(path)
    except FileNotFoundError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a file that is not a ledger at all
        print(f"kiosk: {path}: cannot read the journal ({exc}); is this a kiosk ledger?", file=sys.stderr)
        return 2
    if result.ok:
        print(f"OK: {result.entries} entries, chain intact up to seq {result.last_seq} (head {result.last_hash[:16]})")
        return 0
    print(f"TAMPERED at seq {result.bad_seq}: {result.problem}: {result.detail}")
    return 1
