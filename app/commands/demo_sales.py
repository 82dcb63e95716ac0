"""`kiosk demo-sales`: fill a ledger with realistic history through the real sale code path."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime

from app.context import add_db_option, open_ledger, settings_from
from kiosk.demo_sales import generate
from kiosk.domain.business_day import business_date
from kiosk.domain.catalog import load_catalog
from kiosk.ports import FakeClock, SystemClock

FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


def _bounded(lo: int, hi: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value} is not between {lo} and {hi}")
        return value

    return parse


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give the day as YYYY-MM-DD") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{text}: give a day between {FIRST_DAY} and {LAST_DAY}")
    return day


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo-sales", help="fill a ledger with realistic demo sales history")
    add_db_option(p)
    p.add_argument("--days", type=_bounded(1, 3660), required=True, help="number of business days (1 to 3660)")
    p.add_argument("--per-day", type=_bounded(1, 5000), default=300, help="average sales a day (default 300)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same history)")
    p.add_argument("--end", type=_day, help="last business day (default: today)")
    p.set_defaults(handler=demo_sales)


def demo_sales(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    catalog = load_catalog(settings.catalog_path)
    end = args.end or business_date(SystemClock().now(), settings.tz, settings.shop.business_day_start_hour)
    clock = FakeClock(datetime(end.year, end.month, end.day, 12, tzinfo=settings.tz))
    ledger = open_ledger(args, settings, clock=clock)
    try:
        n = generate(
            ledger,
            catalog,
            clock,
            days=args.days,
            per_day=args.per_day,
            seed=args.seed,
            end=end,
            tz=settings.tz,
        )
    finally:
        ledger.close()
    print(f"recorded {n} sales over {args.days} business days ending {end.isoformat()}")
    return 0
