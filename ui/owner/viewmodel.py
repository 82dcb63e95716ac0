"""The owner's back office view-model (issue 14 items 5-10, 12): properties and slots over kiosk/owner.

Every read and change runs in the core on one worker thread (ledger reads, the terminal's refund, the
export); results come back to the GUI thread through the GuiBridge. The figures refresh by themselves
when the journal moves (a sale, a refund, a sold-out switch), checked every `poll_ms` on the worker.

Language: the back office has its own Korean / English switch (`lang`), independent of the customer's
language (which installs the app-wide translator); the QML picks the text with `t(ko, en)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.owner.access import OwnerError
from kiosk.owner.export import Exporter, Mount, removable_mounts
from kiosk.owner.menu import MenuBook, MenuOverrides
from kiosk.owner.orders import OrderBook, OrderDetail, OrderSummary, Search
from kiosk.owner.status import Status
from kiosk.owner.today import Month, Today, last_seq, month_of_days, range_report, today_at_a_glance
from kiosk.reports import LABELS, SalesReport
from kiosk.session.modes import SignedIn

log = logging.getLogger(__name__)
T = TypeVar("T")

TABS = ("today", "calendar", "orders", "menu", "export", "status", "forecast", "staff")
_METHOD_EN = {"card": "Card", "qr": "QR", "barcode": "Mobile barcode", "cash": "Cash", "manual": "By hand"}
_METHOD_KO = {"card": "카드", "qr": "QR 결제", "barcode": "바코드 결제", "cash": "현금", "manual": "직접 환불"}
_WEEKDAYS = {"ko": "월화수목금토일", "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]}


@dataclass
class OwnerServices:
    """What the composition root gives the back office (app/builders/owner.py)."""

    book: OrderBook
    menu: MenuBook
    exporter: Exporter
    status: Callable[[], Status]
    who: Callable[[], SignedIn | None]
    post: Callable[[Callable[[], None]], None]  # GuiBridge.post
    today: Callable[[], date]
    shop_name: str = ""
    forecast: Callable[[], Any] | None = None  # kiosk.forecast.forecast_next_business_day for today; None: none
    mounts: Callable[[], list[Mount]] = removable_mounts


def won(amount: int, lang: str) -> str:
    return f"{amount:,}원" if lang == "ko" else f"₩{amount:,}"


def preset_range(preset: str, today: date) -> tuple[date, date]:
    if preset == "yesterday":
        return today - timedelta(days=1), today - timedelta(days=1)
    if preset == "week":
        return today - timedelta(days=6), today
    if preset == "month":
        return today.replace(day=1), today
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    return today, today


class OwnerViewModel(QObject):
    changed = Signal()  # language, tab, busy, message
    todayChanged = Signal()
    monthChanged = Signal()
    reportChanged = Signal()
    ordersChanged = Signal()
    orderChanged = Signal()
    menuChanged = Signal()
    exportChanged = Signal()
    statusChanged = Signal()
    forecastChanged = Signal()

    def __init__(self, services: OwnerServices, *, poll_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.s = services
        self._lang = "ko"
        self._tab = "today"
        self._message = ""
        self._error = False
        self._pending = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="owner")
        self._closed = False
        self._seq = -1
        self._polling = False
        self._today: dict[str, Any] = {}
        self._today_obj: Today | None = None
        self._month: dict[str, Any] = {}
        self._month_obj: Month | None = None
        self._report: dict[str, Any] = {}
        self._report_obj: SalesReport | None = None
        self._orders: list[dict[str, Any]] = []
        self._order: dict[str, Any] = {}
        self._order_obj: OrderDetail | None = None
        self._items: list[dict[str, Any]] = []
        self._options: list[dict[str, Any]] = []
        self._mounts: list[dict[str, Any]] = []
        self._export: dict[str, Any] = {"running": False, "progress": 0.0, "files": [], "folder": "", "what": ""}
        self._status: list[dict[str, Any]] = []
        self._status_ok = True
        self._forecast: dict[str, Any] = {"state": "idle"}
        self._forecast_obj: Any = None
        self._status_obj: Status | None = None
        self._menu_obj: tuple[list[Any], list[Any]] | None = None
        self._last_search: Search = Search()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        self._fresh = True
        today = services.today()
        self._shown_month = (today.year, today.month)
        self.refreshToday()

    # --- plumbing ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the poll and the worker (the window closes, or the kiosk stops)."""
        self._closed = True
        self._timer.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, work: Callable[[], T], done: Callable[[T], None], *, quiet: bool = False) -> Future[None]:
        """`work` on the worker thread; `done(result)` (or the error's message) back on the GUI thread."""
        if not quiet:
            self._pending += 1
            self.changed.emit()

        def job() -> None:
            try:
                result = work()
            except Exception as exc:  # every failure becomes one line on the screen
                if not isinstance(exc, OwnerError):
                    log.exception("back office task failed")
                text = str(exc) or type(exc).__name__
                self.s.post(lambda: self._finished(quiet, lambda: self._say(text, error=True)))
                return
            self.s.post(lambda: self._finished(quiet, lambda: done(result)))

        return self._pool.submit(job)

    def _finished(self, quiet: bool, then: Callable[[], None]) -> None:
        if self._closed:
            return
        if not quiet:
            self._pending = max(0, self._pending - 1)
        then()
        self.changed.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self._message, self._error = text, error
        self.changed.emit()

    def _poll(self) -> None:
        """Something new in the journal (a sale, a refund, a switch): the shown figures follow."""
        if self._polling or self._closed:
            return
        self._polling = True

        def seen(seq: int) -> None:
            if seq != self._seq:
                self._seq = seq
                self._refresh_shown()

        fut = self._run(lambda: last_seq(self.s.book.ledger), seen, quiet=True)
        fut.add_done_callback(lambda f: self.s.post(self._poll_done))

    def _poll_done(self) -> None:
        self._polling = False

    def _refresh_shown(self) -> None:
        self.refreshToday()
        if self._tab == "calendar":
            self._load_month(*self._shown_month)
        elif self._tab == "orders":
            self._search(self._last_search)
            if self._order_obj is not None:
                self.openOrder(self._order_obj.summary.id)
        elif self._tab == "menu":
            self.refreshMenu()

    @Slot(bool)
    def setActive(self, active: bool) -> None:
        """The mode's screens are up (Root.qml made) or gone: figures follow the journal only while shown,
        so the back office costs the customer screens nothing when nobody is signed in."""
        if self._closed:
            return
        if active:
            self._message, self._error = "", False
            self._timer.start()
            if self._fresh:  # just made: today's figures are already on their way
                self._fresh = False
            else:
                self._refresh_shown()
            if self._tab not in ("today", "calendar", "orders", "menu"):
                self.setTab(self._tab)
            self.changed.emit()
        else:
            self._timer.stop()

    # --- language, tabs, messages ---------------------------------------------------------------------

    def _get_lang(self) -> str:
        return self._lang

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang in ("ko", "en") and lang != self._lang:
            self._lang = lang
            self._rebuild_texts()
            self.changed.emit()

    def _rebuild_texts(self) -> None:
        if self._today_obj is not None:
            self._set_today(self._today_obj)
        if self._month_obj is not None:
            self._set_month(self._month_obj)
        if self._report_obj is not None:
            self._set_report(self._report_obj)
        if self._order_obj is not None:
            self._set_order(self._order_obj)
        if self._forecast_obj is not None:
            self._set_forecast(self._forecast_obj)
        if self._status_obj is not None:
            self._set_status(self._status_obj)
        if self._menu_obj is not None:
            self._set_menu(self._menu_obj)
        self.ordersChanged.emit()

    def _get_tab(self) -> str:
        return self._tab

    @Slot(str)
    def setTab(self, tab: str) -> None:
        if tab not in TABS:
            return
        self._tab = tab
        self._message, self._error = "", False
        self.changed.emit()
        if tab == "today":
            self.refreshToday()
        elif tab == "calendar":
            self._load_month(*self._shown_month)
        elif tab == "orders":
            self._search(self._last_search)
        elif tab == "menu":
            self.refreshMenu()
        elif tab == "export":
            self.refreshMounts()
        elif tab == "status":
            self.refreshStatus()
        elif tab == "forecast":
            self.refreshForecast()

    def _get_busy(self) -> bool:
        return self._pending > 0

    def _get_message(self) -> str:
        return self._message

    def _get_error(self) -> bool:
        return self._error

    def _get_shop(self) -> str:
        return self.s.shop_name

    @Slot()
    def clearMessage(self) -> None:
        self._say("")

    @Slot(str, result=bool)
    def may(self, permission: str) -> bool:
        from kiosk.session.modes import Permission, may

        who = self.s.who()
        try:
            return who is not None and may(who.role, Permission(permission))
        except ValueError:
            return False

    lang = Property(str, _get_lang, notify=changed)
    tab = Property(str, _get_tab, notify=changed)
    busy = Property(bool, _get_busy, notify=changed)
    message = Property(str, _get_message, notify=changed)
    messageIsError = Property(bool, _get_error, notify=changed)
    shopName = Property(str, _get_shop, constant=True)

    # --- today ----------------------------------------------------------------------------------

    @Slot()
    def refreshToday(self) -> None:
        day = self.s.today()
        self._run(lambda: today_at_a_glance(self.s.book.ledger, day), self._set_today, quiet=bool(self._today))

    def _method(self, method: str) -> str:
        return (_METHOD_KO if self._lang == "ko" else _METHOD_EN).get(method, method)

    def _day_text(self, d: date) -> str:
        wd = _WEEKDAYS[self._lang][d.weekday()]
        return f"{d.month}월 {d.day}일 ({wd})" if self._lang == "ko" else f"{wd} {d:%d %b %Y}"

    def _set_today(self, t: Today) -> None:
        self._today_obj = t
        self._seq = max(self._seq, t.as_of_seq)
        lang = self._lang
        r = t.report
        change = t.change_vs_last_week
        refunds = t.refunds_by_method
        methods = [
            {
                "method": m,
                "label": self._method(m),
                "count": c,
                "amountText": won(a, lang),
                "refundText": ("-" + won(refunds[m][1], lang)) if m in refunds else "",
            }
            for m, (c, a) in r.by_method.items()
        ]
        peak = max([1] + [max(h.today_amount, h.last_week_amount) for h in t.hours])
        self._today = {
            "day": t.day.isoformat(),
            "dayText": self._day_text(t.day),
            "lastWeekText": self._day_text(t.last_week_day),
            "net": t.net,
            "netText": won(t.net, lang),
            "orders": t.orders,
            "averageText": won(t.average, lang),
            "refundCount": r.refund_count,
            "refundsText": won(r.refunds, lang),
            "grossText": won(r.gross, lang),
            "lastWeekNetText": won(t.last_week_net, lang),
            "change": change if change is not None else 0.0,
            "hasChange": change is not None,
            "changeText": (f"{change * 100:+.0f}%" if change is not None else "-"),
            "methods": methods,
            "top": [
                {"rank": i + 1, "name": it.name, "quantity": it.quantity, "amountText": won(it.amount, lang)}
                for i, it in enumerate(t.top_items)
            ],
            "hours": [
                {"hour": h.hour, "today": h.today_amount, "lastWeek": h.last_week_amount, "label": f"{h.hour}"}
                for h in t.hours
            ],
            "peak": peak,
        }
        self.todayChanged.emit()

    def _get_today(self) -> dict[str, Any]:
        return self._today

    def _get_today_ready(self) -> bool:
        return bool(self._today)

    today = Property(dict, _get_today, notify=todayChanged)
    todayReady = Property(bool, _get_today_ready, notify=todayChanged)

    # --- calendar and the day / range report -----------------------------------------------------------

    def _load_month(self, year: int, month: int) -> None:
        self._shown_month = (year, month)
        self._run(lambda: month_of_days(self.s.book.ledger, year, month), self._set_month, quiet=bool(self._month))

    @Slot(int)
    def moveMonth(self, delta: int) -> None:
        y, m = self._shown_month
        m += delta
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        self._load_month(y, m)

    def _set_month(self, month: Month) -> None:
        self._month_obj = month
        lang = self._lang
        today = self.s.today()
        best = month.best
        peak = max([1] + [d.net for d in month.days])
        self._month = {
            "year": month.year,
            "month": month.month,
            "title": f"{month.year}년 {month.month}월"
            if lang == "ko"
            else date(month.year, month.month, 1).strftime("%B %Y"),
            "firstWeekday": month.first_weekday,
            "netText": won(month.net, lang),
            "bestText": self._day_text(best.day) + " " + won(best.net, lang) if best else "",
            "days": [
                {
                    "date": d.day.isoformat(),
                    "day": d.day.day,
                    "net": d.net,
                    "orders": d.orders,
                    "netText": f"{d.net / 10000:.1f}만"
                    if lang == "ko" and d.orders
                    else (f"{d.net / 1000:.0f}k" if d.orders else ""),
                    "level": d.net / peak if d.orders else 0.0,
                    "isToday": d.day == today,
                    "future": d.day > today,
                }
                for d in month.days
            ],
        }
        self.monthChanged.emit()

    def _get_month(self) -> dict[str, Any]:
        return self._month

    month = Property(dict, _get_month, notify=monthChanged)

    @Slot(str, str)
    def openReport(self, date_from: str, date_to: str) -> None:
        """The same report as `kiosk report` for a day (date_to "") or a range."""
        try:
            lo = date.fromisoformat(date_from)
            hi = date.fromisoformat(date_to) if date_to else lo
        except ValueError:
            self._say("날짜를 YYYY-MM-DD로 입력하세요 / give dates as YYYY-MM-DD", error=True)
            return
        if hi < lo:
            lo, hi = hi, lo
        self._run(lambda: range_report(self.s.book.ledger, lo, hi), self._set_report)

    @Slot()
    def closeReport(self) -> None:
        self._report_obj, self._report = None, {}
        self.reportChanged.emit()

    def _set_report(self, r: SalesReport) -> None:
        self._report_obj = r
        lang = self._lang
        L = LABELS[lang]
        period = r.date_from if r.date_from == r.date_to else f"{r.date_from} ~ {r.date_to}"
        self._report = {
            "period": period,
            "rows": [
                {"label": L["count"], "value": f"{r.sale_count:,}{L['cases']}"},
                {"label": L["gross"], "value": won(r.gross, lang)},
                {"label": L["refunds"], "value": f"-{won(r.refunds, lang)} ({r.refund_count})"},
                {"label": L["net"], "value": won(r.net, lang)},
                {"label": L["taxable"], "value": won(r.taxable_total, lang)},
                {"label": L["supply"], "value": won(r.supply_value, lang)},
                {"label": L["vat"], "value": won(r.vat, lang)},
                {"label": L["tax_free"], "value": won(r.tax_free_total, lang)},
            ],
            "items": [{"name": i.name, "quantity": i.quantity, "amountText": won(i.amount, lang)} for i in r.by_item],
            "hours": [
                {"hour": f"{h:02d}:00", "count": c, "amountText": won(a, lang)}
                for h, (c, a) in sorted(r.by_hour.items())
            ],
            "methods": [
                {"label": self._method(m), "count": c, "amountText": won(a, lang)} for m, (c, a) in r.by_method.items()
            ],
        }
        self.reportChanged.emit()

    def _get_report(self) -> dict[str, Any]:
        return self._report

    report = Property(dict, _get_report, notify=reportChanged)

    # --- orders -------------------------------------------------------------------------------------

    @Slot("QVariantMap")
    def search(self, q: dict[str, Any]) -> None:
        """Fields (all optional, text from the screen): date ("YYYY-MM-DD", default today), days (how many
        days back, default 1), number, amount, hourFrom, hourTo, method, card (last 4 digits)."""

        def num(key: str) -> int | None:
            v = str(q.get(key, "") or "").strip().replace(",", "")
            return int(v) if v.isdigit() else None

        try:
            end = date.fromisoformat(str(q["date"])) if q.get("date") else self.s.today()
        except ValueError:
            self._say("날짜를 YYYY-MM-DD로 입력하세요 / give the date as YYYY-MM-DD", error=True)
            return
        days = max(1, min(366, num("days") or 1))
        amount = num("amount")
        search = Search(
            date_from=end - timedelta(days=days - 1),
            date_to=end,
            number=num("number"),
            amount_min=amount,
            amount_max=amount,
            hour_from=num("hourFrom"),
            hour_to=num("hourTo"),
            method=str(q.get("method", "") or ""),
            card_last4=str(q.get("card", "") or "").strip(),
        )
        self._search(search)

    def _search(self, search: Search) -> None:
        self._last_search = search
        self._run(lambda: self.s.book.search(search), self._set_orders, quiet=bool(self._orders))

    def _row(self, o: OrderSummary) -> dict[str, Any]:
        return {
            "id": o.id,
            "number": o.number,
            "date": o.business_date,
            "time": o.local_time,
            "totalText": won(o.total, self._lang),
            "method": self._method(o.method),
            "card": o.masked_card[-4:] if o.masked_card else "",
            "refunded": o.status == "refunded",
        }

    def _set_orders(self, found: list[OrderSummary]) -> None:
        self._found = found
        self._orders = [self._row(o) for o in found]
        self.ordersChanged.emit()

    def _get_orders(self) -> list[dict[str, Any]]:
        return [self._row(o) for o in getattr(self, "_found", [])]

    orders = Property(list, _get_orders, notify=ordersChanged)

    @Slot(str)
    def openOrder(self, order_id: str) -> None:
        self._run(lambda: self.s.book.detail(order_id), self._set_order, quiet=self._order_obj is not None)

    @Slot()
    def closeOrder(self) -> None:
        self._order_obj, self._order = None, {}
        self.orderChanged.emit()

    def _set_order(self, d: OrderDetail) -> None:
        self._order_obj = d
        lang = self._lang
        self._order = {
            **self._row(d.summary),
            "type": ("매장" if d.order_type == "dine_in" else "포장")
            if lang == "ko"
            else d.order_type.replace("_", " "),
            "vatText": won(d.vat, lang),
            "lines": [
                {"name": ln.name, "quantity": ln.quantity, "options": ln.options, "totalText": won(ln.total, lang)}
                for ln in d.lines
            ],
            "payments": [
                {
                    "method": self._method(p.method),
                    "amountText": won(p.amount, lang),
                    "detail": " · ".join(
                        x for x in (p.issuer or p.provider, p.masked_card, p.approval_no and f"#{p.approval_no}") if x
                    ),
                    "refunded": p.status == "refunded",
                }
                for p in d.payments
            ],
            "prints": [{"text": self._print_text(p.at, p.document, p.result)} for p in d.prints],
            "refundReason": d.refund_reason,
            "cash": d.summary.method in ("cash", ""),
        }
        self.orderChanged.emit()

    def _print_text(self, at: str, document: str, result: str) -> str:
        i = 0 if self._lang == "ko" else 1
        doc = {"receipt": ("영수증", "Receipt"), "kitchen": ("주문서", "Kitchen ticket")}.get(document, (document,) * 2)
        res = {
            "printed": ("인쇄됨", "printed"),
            "print_failed": ("인쇄 실패", "failed"),
            "reprinted": ("재발행", "reprinted"),
        }
        return f"{at[11:16]} UTC · {doc[i]} {res.get(result, (result, result))[i]}"

    def _get_order(self) -> dict[str, Any]:
        return self._order

    order = Property(dict, _get_order, notify=orderChanged)

    @Slot(str, str, bool)
    def refund(self, order_id: str, reason: str, by_hand: bool) -> None:
        """Refund the whole order (the screen asked for confirmation first)."""
        who = self.s.who()

        def done(o: OrderSummary) -> None:
            self._say(f"{o.number}번 주문을 환불했습니다 / order No. {o.number} refunded")
            self.openOrder(o.id)
            self.refreshToday()
            self._search(self._last_search)

        self._run(lambda: self.s.book.refund(who, order_id, reason, by_hand=by_hand), done)

    @Slot(str)
    def reprint(self, order_id: str) -> None:
        who = self.s.who()
        self._run(
            lambda: self.s.book.reprint(who, order_id),
            lambda job: self._say("영수증을 재발행합니다 (재발행 표시) / reprinting the receipt, marked 재발행"),
        )

    # --- menu: sold-out and prices ---------------------------------------------------------------------

    @Slot()
    def refreshMenu(self) -> None:
        self._run(lambda: (self.s.menu.items(), self.s.menu.options()), self._set_menu, quiet=bool(self._items))

    def _set_menu(self, got: tuple[list[Any], list[Any]]) -> None:
        self._menu_obj = got
        items, options = got
        self._items = [
            {
                "id": it.item_id,
                "category": it.category,
                "name": it.name if self._lang == "ko" else it.name_en,
                "price": it.price,
                "priceText": won(it.price, self._lang),
                "changed": it.price != it.catalog_price,
                "soldOut": it.sold_out,
                "untilClose": it.until_close,
            }
            for it in items
        ]
        self._options = [
            {
                "group": o.group_id,
                "id": o.option_id,
                "groupName": o.group_name,
                "name": o.name,
                "soldOut": o.sold_out,
                "untilClose": o.until_close,
            }
            for o in options
        ]
        self.menuChanged.emit()

    def _get_items(self) -> list[dict[str, Any]]:
        return self._items

    def _get_options(self) -> list[dict[str, Any]]:
        return self._options

    menuItems = Property(list, _get_items, notify=menuChanged)
    menuOptions = Property(list, _get_options, notify=menuChanged)

    def _menu_change(self, change: Callable[[], MenuOverrides], said: str) -> None:
        def done(_: object) -> None:
            self._say(said)
            self.refreshMenu()

        self._run(change, done)

    @Slot(str, bool, bool)
    def setSoldOut(self, item_id: str, sold_out: bool, until_close: bool) -> None:
        who = self.s.who()
        said = "품절로 표시했습니다 / marked sold out" if sold_out else "다시 판매합니다 / back on sale"
        self._menu_change(lambda: self.s.menu.set_item_sold_out(who, item_id, sold_out, until_close=until_close), said)

    @Slot(str, str, bool, bool)
    def setOptionSoldOut(self, group_id: str, option_id: str, sold_out: bool, until_close: bool) -> None:
        who = self.s.who()
        said = "옵션을 품절로 표시했습니다 / option sold out" if sold_out else "옵션을 다시 판매합니다 / option back"
        self._menu_change(
            lambda: self.s.menu.set_option_sold_out(who, group_id, option_id, sold_out, until_close=until_close), said
        )

    @Slot(str, str)
    def setPrice(self, item_id: str, price_text: str) -> None:
        digits = price_text.replace(",", "").replace("원", "").strip()
        if not digits.isdigit():
            self._say("가격은 숫자로 입력하세요 / type the price in digits", error=True)
            return
        who = self.s.who()
        said = "새 가격은 다음 주문부터 적용됩니다 / the new price applies from the next order"
        self._menu_change(lambda: self.s.menu.set_price(who, item_id, int(digits)), said)

    # --- export ---------------------------------------------------------------------------------------

    @Slot()
    def refreshMounts(self) -> None:
        self._run(self.s.mounts, self._set_mounts, quiet=True)

    def _set_mounts(self, mounts: list[Mount]) -> None:
        self._mounts = [
            {"path": str(m.path), "label": m.label, "freeText": f"{m.free_bytes / 2**30:.1f} GB"} for m in mounts
        ]
        self.exportChanged.emit()

    def _get_mounts(self) -> list[dict[str, Any]]:
        return self._mounts

    def _get_export(self) -> dict[str, Any]:
        return self._export

    mounts = Property(list, _get_mounts, notify=exportChanged)
    exportState = Property(dict, _get_export, notify=exportChanged)

    @Slot(str, str, str)
    def exportRange(self, mount: str, date_from: str, date_to: str) -> None:
        try:
            lo, hi = date.fromisoformat(date_from), date.fromisoformat(date_to or date_from)
        except ValueError:
            self._say("날짜를 YYYY-MM-DD로 입력하세요 / give dates as YYYY-MM-DD", error=True)
            return
        if not mount:
            self._say("USB 메모리를 꽂아 주세요 / plug in a USB stick", error=True)
            return
        self._export = {"running": True, "progress": 0.0, "files": [], "folder": "", "what": ""}
        self.exportChanged.emit()

        def progress(fraction: float, what: str) -> None:
            self.s.post(lambda: self._export_progress(fraction, what))

        def done(result: Any) -> None:
            self._export = {
                "running": False,
                "progress": 1.0,
                "folder": str(result.folder),
                "files": [
                    {"name": p.name, "size": f"{max(1, round(p.stat().st_size / 1024))} KB"} for p in result.files
                ],
                "what": "",
                "netText": won(result.net, self._lang),
                "orders": result.orders,
            }
            self.exportChanged.emit()
            self._say(f"{len(result.files)}개 파일을 저장했습니다 / {len(result.files)} files written")

        fut = self._run(lambda: self.s.exporter.export(Path(mount), lo, hi, progress), done)
        fut.add_done_callback(lambda f: self.s.post(self._export_stopped))

    @Slot(str, str)
    def exportPreset(self, mount: str, preset: str) -> None:
        """today | yesterday | week (the last 7 days) | month (this month so far) | last_month."""
        lo, hi = preset_range(preset, self.s.today())
        self.exportRange(mount, lo.isoformat(), hi.isoformat())

    def _export_progress(self, fraction: float, what: str) -> None:
        if self._export.get("running"):
            self._export = {**self._export, "progress": fraction, "what": what}
            self.exportChanged.emit()

    def _export_stopped(self) -> None:
        if self._export.get("running"):  # failed: the message says why
            self._export = {**self._export, "running": False}
            self.exportChanged.emit()

    # --- status ----------------------------------------------------------------------------------------

    @Slot()
    def refreshStatus(self) -> None:
        self._run(self.s.status, self._set_status, quiet=bool(self._status))

    def _set_status(self, st: Status) -> None:
        self._status_obj = st
        ko = self._lang == "ko"
        self._status_ok = st.ok
        self._status = [
            {"key": line.key, "ok": line.ok, "text": line.text_ko if ko else line.text_en,
             "todo": line.todo_ko if ko else line.todo_en}
            for line in st.lines
        ]  # fmt: skip
        self.statusChanged.emit()

    def _get_status(self) -> list[dict[str, Any]]:
        return self._status

    statusLines = Property(list, _get_status, notify=statusChanged)

    # --- forecast ---------------------------------------------------------------------------------------

    @Slot()
    def refreshForecast(self) -> None:
        if self.s.forecast is None:
            self._forecast = {"state": "unavailable"}
            self.forecastChanged.emit()
            return
        self._forecast = {**self._forecast, "state": "loading"}
        self.forecastChanged.emit()
        self._run(self.s.forecast, self._set_forecast, quiet=True).add_done_callback(
            lambda f: self.s.post(self._forecast_stopped)
        )

    def _forecast_stopped(self) -> None:
        if self._forecast.get("state") == "loading":
            self._forecast = {"state": "failed"}
            self.forecastChanged.emit()

    def _set_forecast(self, f: Any) -> None:
        lang = self._lang
        self._forecast_obj = f
        self._forecast = {
            "state": "ready",
            "dayText": self._day_text(f.day),
            "expectedText": won(int(f.expected), lang),
            "rangeText": f"{won(int(f.low), lang)} ~ {won(int(f.high), lang)}",
            "reason": f.reason_ko if lang == "ko" else f.reason_en,
            "tooShort": bool(f.too_short),
            "historyDays": int(f.history_days),
            "hours": [
                {"hour": h.hour, "expected": float(h.expected), "low": float(h.low), "high": float(h.high)}
                for h in f.busy_hours
            ],
            "peak": max([1.0] + [float(h.high) for h in f.busy_hours]),
        }
        self.forecastChanged.emit()

    def _get_forecast(self) -> dict[str, Any]:
        return self._forecast

    forecast = Property(dict, _get_forecast, notify=forecastChanged)
