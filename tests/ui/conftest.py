"""The real kiosk window, offscreen, on a real ledger file, with a fake clock, a fast simulated payment
provider and the real ReceiptService printing to the in-process printer simulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.builders.printing import shop_info
from app.builders.window import attach_window, open_window
from hardware.printer.driver import EscPosPrinter
from hardware.printer.profiles import profile_named
from hardware.printer.simulator import PrinterSimulator
from hardware.worker import Backoff
from kiosk.config import Settings, load_settings
from kiosk.domain.catalog import Catalog, load_catalog
from kiosk.domain.money import split_vat
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import OrderRow
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import FakeClock
from kiosk.receipts.service import ReceiptService
from kiosk.session.wiring import Printing, Relay
from tests.backend.servers import backend_server  # noqa: F401  (fixture: the QR / code provider for payment tests)
from ui import translations
from ui.app import KioskWindow


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    assert translations.build() == 0


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from walk(child)


def effectively_visible(item: QQuickItem) -> bool:
    return item.isVisible() and item.opacity() > 0


@dataclass
class Kiosk:
    """The window under test, and what a customer can do with it."""

    kw: KioskWindow
    ledger: Ledger
    clock: FakeClock
    provider: SimulatedPaymentProvider
    catalog: Catalog
    qtbot: Any
    printer_sim: PrinterSimulator

    @property
    def window(self) -> QQuickWindow:
        return self.kw.window

    @property
    def step(self) -> str:
        return str(self.kw.vm.step)

    def items(self, name: str) -> list[QQuickItem]:
        return [i for i in walk(self.window.contentItem()) if i.objectName() == name and effectively_visible(i)]

    def find(self, name: str) -> QQuickItem:
        self.qtbot.waitUntil(lambda: bool(self.items(name)), timeout=3000)
        return self.items(name)[0]

    def exists(self, name: str) -> bool:
        return bool(self.items(name))

    def centre(self, item: QQuickItem) -> QPoint:
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()

    def reveal(self, item: QQuickItem) -> None:
        """Scroll the nearest Flickable (grid, list) so the item is in view, as a customer's swipe would."""
        parent = item.parentItem()
        while parent is not None and parent.property("contentY") is None:
            parent = parent.parentItem()
        if parent is None:
            return
        content = parent.property("contentItem")
        origin = item.mapToItem(content, QPointF(0, 0))
        for pos, size, view, axis, extent in (
            (origin.y(), item.height(), parent.height(), "contentY", "contentHeight"),
            (origin.x(), item.width(), parent.width(), "contentX", "contentWidth"),  # category tabs
        ):
            at = float(parent.property(axis))
            if pos < at or pos + size > at + view:
                most = max(0.0, float(parent.property(extent)) - view)
                parent.setProperty(axis, min(most, max(0.0, pos - view / 3)))

    def click(self, name: str) -> None:
        item = self.find(name)
        self.reveal(item)

        def laid_out() -> bool:  # positioned by the scene graph's polish, after the screen loads
            c = self.centre(item)
            return item.width() > 0 and 0 <= c.x() < self.window.width() and 0 <= c.y() < self.window.height()

        self.qtbot.waitUntil(laid_out, timeout=3000)
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.centre(item))

    def pay_one_by_intents(self, item_id: str, order_type: str = "dine_in") -> None:
        """From the order-type screen: one item without options, paid by card, through the view-model's
        intents (the clicking is tested in test_orders.py); waits for the result screen."""
        vm = self.kw.vm
        vm.chooseOrderType(order_type)
        vm.openItem(item_id)
        vm.openCart()
        vm.checkoutCart()
        vm.choosePaymentMethod("card")
        self.wait_step("result")

    def text(self, name: str) -> str:
        return str(self.find(name).property("text"))

    def wait_step(self, step: str, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: self.step == step, timeout=timeout)

    def key(self, key: Qt.Key) -> None:
        QTest.keyClick(self.window, key)

    def focused(self) -> str:
        item = self.window.activeFocusItem()
        return item.objectName() if item is not None else ""

    def accessible_name(self, item: QObject) -> str:
        iface = QAccessible.queryAccessibleInterface(item)
        return iface.text(QAccessible.Text.Name) if iface is not None else ""

    def sales(self) -> list[dict[str, Any]]:
        with self.ledger.reading() as s:
            return [dict(r) for r in s.execute(select(OrderRow.__table__)).mappings()]

    def assert_one_sale(self, total: int, tax_free: int = 0) -> dict[str, Any]:
        rows = self.sales()
        assert len(rows) == 1, rows
        row = rows[0]
        expected = split_vat(total - tax_free, tax_free)
        assert (row["total"], row["tax_free_total"], row["supply_value"], row["vat"]) == (
            total,
            tax_free,
            expected.supply_value,
            expected.vat,
        )
        return row

    def grab(self, path: Path) -> None:
        QGuiApplication.processEvents()
        image = self.window.grabWindow()
        assert not image.isNull()
        image.save(str(path))


def make_printing(settings: Settings, ledger: Ledger) -> tuple[Printing, PrinterSimulator]:
    """What `build_printing` in app/builders/printing.py builds for `sim://`, with test-speed polling so a
    fault and its recovery are seen within a fraction of a second."""
    profile = profile_named(settings.printer.profile)
    sim = PrinterSimulator(profile.dots)
    events: Relay[object] = Relay()
    services: list[ReceiptService] = []
    printer = EscPosPrinter(
        "sim://",
        profile,
        listener=lambda e: services[0].on_printer_event(e) if services else None,
        sim=sim,
        backoff=Backoff(initial=0.05, maximum=0.2, jitter=0.0),
        poll_interval=0.05,
        status_timeout=0.3,
        job_timeout=10.0,
    )
    services.append(
        ReceiptService(
            ledger,
            printer,
            shop_info(settings),
            ledger.device_id,
            listener=events,
            print_kitchen=settings.printer.print_kitchen_ticket,
        )
    )
    return Printing(services[0], printer, events), sim


@pytest.fixture
def make_kiosk(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Kiosk]]:
    made: list[Kiosk] = []

    def make(
        size: tuple[int, int] = (1080, 1920),
        scale: float = 1.0,
        palette: str = "normal",
        windowed: bool = True,
        catalog_path: Path | None = None,
        attach: bool = True,
    ) -> Kiosk:
        """The kiosk window; `attach=False`: as `kiosk run` shows it before the ledger side is up (the
        test calls `k.kw.attach(...)` itself)."""
        base: Settings = load_settings(env={})
        settings = replace(base, ui=replace(base.ui, scale=scale, palette=palette))
        if catalog_path is not None:
            settings = replace(settings, catalog=str(catalog_path))
        clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
        ledger = Ledger.open(tmp_path / f"ledger{len(made)}.sqlite3", clock=clock, tz=settings.tz)
        provider = SimulatedPaymentProvider(delay_seconds=0.05)
        catalog = load_catalog(settings.catalog_path)
        printing, sim = make_printing(settings, ledger)
        kw = open_window(settings, catalog, clock, windowed=windowed, size=size, tick_ms=20)
        if attach:
            attach_window(kw, ledger, provider, printing=printing)
        kiosk = Kiosk(kw, ledger, clock, provider, catalog, qtbot, sim)
        made.append(kiosk)
        qtbot.waitExposed(kw.window)
        return kiosk

    yield make
    for k in made:
        k.kw.close()
        k.ledger.close()
    QGuiApplication.processEvents()
