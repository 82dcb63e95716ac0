"""`kiosk report`: a business day's (or a range's) sales, Korean labels by default."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from app.context import add_db_option, open_ledger, settings_from
from kiosk.domain.business_day import business_date
from kiosk.ports import SystemClock
from kiosk.reports import format_report, sales_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="sales report for a business day or a range")
    add_db_option(p)
    p.add_argument("--date", type=date.fromisoformat, help="business day YYYY-MM-DD (default: today)")
    p.add_argument("--from", dest="date_from", type=date.fromisoformat, help="first business day of a range")
    p.add_argument("--to", dest="date_to", type=date.fromisoformat, help="last business day of a range")
    p.add_argument("--json", action="store_true", help="machine-readable output")
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
    ledger = open_ledger(args, settings, create=False)
    try:
        result = sales_report(ledger, lo, hi)
    finally:
        ledger.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(result, settings.shop.name, args.lang))
    return 0
