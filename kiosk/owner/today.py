"""Today at a glance and the calendar of days, from the read models (never the journal).

`today_at_a_glance` is `kiosk report` for the day (kiosk.reports.sales_report: the same figures, one
code path) plus what the owner compares it with: the same weekday last week, hour by hour, and the refunds
by payment method. `month_of_days` is the calendar: one indexed range read of `daily_totals`."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from kiosk.reports import ItemSales, SalesReport, sales_report

if TYPE_CHECKING:
    from kiosk.ledger import Ledger

_HOURS = "SELECT local_hour, count(*), sum(total) FROM orders WHERE business_date = ? GROUP BY local_hour"
_DAY = "SELECT sale_count, gross, refund_count, refunds FROM daily_totals WHERE business_date = ?"
_REFUNDS = "SELECT method, count(*), sum(amount) FROM refunds WHERE business_date = ? GROUP BY method"
_MONTH = (
    "SELECT business_date, sale_count, gross, refund_count, refunds FROM daily_totals "
    "WHERE business_date BETWEEN ? AND ? ORDER BY business_date"
)
_LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM journal"


def _rows(ledger: Ledger, sql: str, params: tuple[Any, ...]) -> Sequence[Sequence[Any]]:
    with ledger.reading() as s:
        return s.connection().exec_driver_sql(sql, params).all()


@dataclass(frozen=True)
class HourFigures:
    hour: int
    today_count: int
    today_amount: int
    last_week_count: int
    last_week_amount: int


@dataclass(frozen=True)
class Today:
    day: date
    report: SalesReport  # exactly `kiosk report --json --date day`
    last_week_day: date
    last_week_net: int
    last_week_count: int
    hours: list[HourFigures]  # the shop's hours that had sales on either day, in order
    refunds_by_method: dict[str, tuple[int, int]] = field(default_factory=dict)  # method -> (count, amount)
    as_of_seq: int = 0  # the journal position the figures include (for live updates)

    @property
    def net(self) -> int:
        return self.report.net

    @property
    def orders(self) -> int:
        return self.report.sale_count

    @property
    def average(self) -> int:
        """The average order (gross / orders), in won."""
        return self.report.gross // self.report.sale_count if self.report.sale_count else 0

    @property
    def top_items(self) -> list[ItemSales]:
        return self.report.by_item[:5]

    @property
    def change_vs_last_week(self) -> float | None:
        """Net sales against the same weekday last week (0.12 = +12 %); None when last week had none."""
        if not self.last_week_net:
            return None
        return (self.net - self.last_week_net) / self.last_week_net


def last_seq(ledger: Ledger) -> int:
    return int(_rows(ledger, _LAST_SEQ, ())[0][0])


def today_at_a_glance(ledger: Ledger, day: date) -> Today:
    report = sales_report(ledger, day)
    week = day - timedelta(days=7)
    with ledger.reading() as s:
        conn = s.connection()
        last_hours = {int(h): (int(c), int(a)) for h, c, a in conn.exec_driver_sql(_HOURS, (week.isoformat(),)).all()}
        lw = conn.exec_driver_sql(_DAY, (week.isoformat(),)).first()
        refunds = {m or "manual": (int(c), int(a)) for m, c, a in conn.exec_driver_sql(_REFUNDS, (day.isoformat(),))}
        seq = int(conn.exec_driver_sql(_LAST_SEQ).scalar_one())
    hours_seen = sorted(set(report.by_hour) | set(last_hours))
    hours = [HourFigures(h, *report.by_hour.get(h, (0, 0)), *last_hours.get(h, (0, 0))) for h in hours_seen]
    return Today(
        day=day,
        report=report,
        last_week_day=week,
        last_week_net=int(lw[1]) - int(lw[3]) if lw else 0,
        last_week_count=int(lw[0]) if lw else 0,
        hours=hours,
        refunds_by_method=refunds,
        as_of_seq=seq,
    )


@dataclass(frozen=True)
class DayFigures:
    day: date
    orders: int
    gross: int
    refunds: int

    @property
    def net(self) -> int:
        return self.gross - self.refunds


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    days: list[DayFigures]  # every day of the month, in order (days without sales have zeros)

    @property
    def net(self) -> int:
        return sum(d.net for d in self.days)

    @property
    def best(self) -> DayFigures | None:
        sold = [d for d in self.days if d.orders]
        return max(sold, key=lambda d: d.net) if sold else None

    @property
    def first_weekday(self) -> int:
        """Monday 0 .. Sunday 6, of the 1st."""
        return date(self.year, self.month, 1).weekday()


def month_of_days(ledger: Ledger, year: int, month: int) -> Month:
    n = calendar.monthrange(year, month)[1]
    first, last = date(year, month, 1), date(year, month, n)
    found = {r[0]: r for r in _rows(ledger, _MONTH, (first.isoformat(), last.isoformat()))}
    days = []
    for i in range(n):
        d = first + timedelta(days=i)
        r = found.get(d.isoformat())
        days.append(DayFigures(d, int(r[1]), int(r[2]), int(r[4])) if r else DayFigures(d, 0, 0, 0))
    return Month(year, month, days)


def range_report(ledger: Ledger, date_from: date, date_to: date | None = None) -> SalesReport:
    """A day or a range: the same report as `kiosk report` (by item, hour, payment method, VAT, tax-free)."""
    return sales_report(ledger, date_from, date_to)
