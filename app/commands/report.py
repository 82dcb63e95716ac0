"""`kiosk report`: a business day's (or a range's) sales, Korean labels by default.

A thin path: the read models are read with plain sqlite3 on a read-only connection (kiosk.ledger.readonly),
so the command does not import SQLAlchemy or the ledger (most of its time before, docs/PERFORMANCE.md).
A file that connection cannot read is opened the full way, which says what is wrong with it."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

from app.context import add_db_option, open_ledger, settings_from
from kiosk.domain.business_day import business_date
from kiosk.ports import SystemClock
from kiosk.reports import SalesReport, format_report, read_sales_report, sales_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="sales report for a business day or a range")
    add_db_option(p)
    p.add_argument("--date", type=date.fromisoformat, help="business day YYYY-MM-DD (default: today)")
    p.add_argument("--from", dest="date_from", type=date.fromisoformat, help="first business day of a range")
    p.add_argument("--to", dest="date_to", type=date.fromisoformat, help="last business day of a range")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--orders",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="list each order by its number (default: for a single day, not for a range)",
    )
    p.add_argument("--lang", choices=["ko", "en"], default="ko", help="label language (default ko)")
    p.set_defaults(handler=report)


def report(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.db and not args.db.exists():
        print(f"kiosk: {args.db}: no ledger here; check --db", file=sys.stderr)
        return 2
    if args.date and (args.date_from or args.date_to):
        print("kiosk: give either --date or --from/--to, not both", file=sys.stderr)
        return 2
    today = business_date(SystemClock().now(), settings.tz, settings.shop.business_day_start_hour)
    lo = args.date or args.date_from or today
    hi = args.date or args.date_to or (lo if not args.date_from else today)
    if hi < lo:
        print("kiosk: --to is before --from", file=sys.stderr)
        return 2
    with_orders = args.orders if args.orders is not None else lo == hi
    result = _thin(args.db or settings.ledger_path, lo, hi, with_orders)
    if result is None:
        ledger = open_ledger(args, settings, create=False)
        try:
            result = sales_report(ledger, lo, hi, with_orders=with_orders)
        finally:
            ledger.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(result, settings.shop.name, args.lang, tz=settings.tz))
    return 0


def _thin(path: Path, lo: date, hi: date, with_orders: bool) -> SalesReport | None:
    """The report through a read-only sqlite3 connection; None when that cannot read the file."""
    from kiosk.ledger.readonly import open_readonly

    conn = open_readonly(path)
    if conn is None:
        return None
    with closing(conn):
        try:
            return read_sales_report(conn, lo, hi, with_orders=with_orders)
        except sqlite3.Error:  # damaged or locked: the full open reports it with its exit status
            return None
