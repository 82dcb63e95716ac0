"""The Tomorrow tab with the real forecast (kiosk.forecast, docs/FORECAST.md): the window's owner screen
shows `forecast_next_business_day`'s figures and reason for the shop's ledger; the view-model computes it
on its worker thread, never on the GUI thread, and only when the tab is opened."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.forecast import Forecast, forecast_next_business_day
from kiosk.owner.export import Exporter
from kiosk.owner.menu import MenuBook
from kiosk.owner.orders import OrderBook
from kiosk.owner.status import Status
from kiosk.session.modes import Mode, Role
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import sign_in
from tests.helpers.owner import OWNER, seed_window_ledger, shop_ledger
from tests.ledger.helpers import CATALOG
from ui.bridge import GuiBridge
from ui.owner.viewmodel import OwnerServices, OwnerViewModel, won


@pytest.mark.qt_log_ignore(r"QRhiGles2: Failed to create")
def test_the_tomorrow_tab_shows_the_forecast(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(size=(800, 1280))
    day = seed_window_ledger(k.ledger, k.clock, days=9, per_day=20)
    sign_in(k, Role.OWNER, Mode.OWNER)
    vm = k.kw.modes.viewModel
    k.click("tab_forecast")
    k.qtbot.waitUntil(lambda: vm.forecast.get("state") == "ready", timeout=20000)
    expected = forecast_next_business_day(Path(str(k.ledger.engine.url.database)), day)
    assert k.text("forecastExpectedValue") == won(expected.expected, "ko")
    assert k.text("forecastReason") == expected.reason_ko
    assert vm.forecast["tooShort"] == expected.too_short and vm.forecast["historyDays"] == expected.history_days
    vm.setLanguage("en")
    k.qtbot.waitUntil(lambda: k.text("forecastReason") == expected.reason_en, timeout=5000)


def test_the_forecast_runs_on_the_worker_only_when_asked(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    ledger, _ = shop_ledger(path, days=3, per_day=5)
    bridge = GuiBridge()
    threads: list[str] = []

    def forecast() -> Forecast:
        threads.append(threading.current_thread().name)
        return forecast_next_business_day(path, book.today(), cache_dir=tmp_path / "cache")

    book = OrderBook(ledger)
    services = OwnerServices(
        book=book, menu=MenuBook(ledger, CATALOG), exporter=Exporter(ledger), status=lambda: Status(),
        who=lambda: OWNER, post=bridge.post, today=book.today, forecast=forecast,
    )  # fmt: skip
    vm = OwnerViewModel(services, poll_ms=60_000)
    try:
        qtbot.waitUntil(lambda: vm.todayReady, timeout=5000)
        assert threads == []  # not at start, not with today's figures
        vm.setTab("forecast")
        qtbot.waitUntil(lambda: vm.forecast.get("state") == "ready", timeout=20000)
        assert threads and threads[0] != threading.main_thread().name
        assert vm.forecast["tooShort"]  # three days of history: the screen says so
    finally:
        vm.close()
        ledger.close()
