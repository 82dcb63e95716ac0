"""The kiosk window under test and what a customer (or a person checking a screenshot) does with it: shared
by the UI tests through the `make_kiosk` fixture (tests/helpers/windows.py) and imported from here."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.builders.printing import shop_info
from hardware.printer.driver import EscPosPrinter
from hardware.printer.profiles import profile_named
from hardware.printer.simulator import PrinterSimulator
from hardware.worker import Backoff
from kiosk.config import Settings
from kiosk.domain.catalog import Catalog
from kiosk.domain.money import split_vat
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import OrderRow
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import FakeClock
from kiosk.receipts.service import ReceiptService
from kiosk.session.wiring import Printing, Relay
from ui.app import KioskWindow


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from walk(child)


def effectively_visible(item: QQuickItem) -> bool:
    return item.isVisible() and item.opacity() > 0


def all_visible(item: QQuickItem) -> bool:
    """Neither the item nor any ancestor is hidden or fully transparent."""
    node: QQuickItem | None = item
    while node is not None:
        if not effectively_visible(node):
            return False
        node = node.parentItem()
    return True


def is_ancestor(ancestor: QQuickItem, item: QQuickItem) -> bool:
    node = item.parentItem()
    while node is not None:
        if node is ancestor:
            return True
        node = node.parentItem()
    return False


class WindowDriver:
    """Finding, scrolling to, touching and grabbing a window's items by objectName, as a person would: the
    one way every window test clicks (the kiosk's `Kiosk`, the installer's `InstallerWindow`)."""

    qtbot: Any
    find_timeout_ms = 3000

    @property
    def window(self) -> QQuickWindow:
        raise NotImplementedError

    def items(self, name: str) -> list[QQuickItem]:
        return [i for i in walk(self.window.contentItem()) if i.objectName() == name and effectively_visible(i)]

    def find(self, name: str) -> QQuickItem:
        self.qtbot.waitUntil(lambda: bool(self.items(name)), timeout=self.find_timeout_ms)
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
            return (
                item.width() > 0
                and item.height() > 0
                and 0 <= c.x() < self.window.width()
                and 0 <= c.y() < self.window.height()
            )

        self.qtbot.waitUntil(laid_out, timeout=3000)
        # and at rest, as a person taps it: a layout polished over two frames (a grid that places its cells
        # after the screen shows) moved a button from under a tap made on the first
        deadline = time.monotonic() + 3
        while True:
            before = self.centre(item)
            self.next_frame()
            if self.centre(item) == before or time.monotonic() > deadline:
                break
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.centre(item))

    def text(self, name: str) -> str:
        return str(self.find(name).property("text"))

    def next_frame(self, count: int = 1) -> None:
        """Wait until the window has drawn `count` new frames (bindings evaluated, layouts polished)."""
        frames = [0]

        def swapped() -> None:
            frames[0] += 1

        self.window.frameSwapped.connect(swapped)
        try:
            self.window.update()
            self.qtbot.waitUntil(lambda: frames[0] >= count, timeout=3000)
        finally:
            self.window.frameSwapped.disconnect(swapped)

    def grab(self, path: Path) -> None:
        QGuiApplication.processEvents()
        image = self.window.grabWindow()
        assert not image.isNull()
        image.save(str(path))


@dataclass
class Kiosk(WindowDriver):
    """The window under test, and what a customer can do with it."""

    kw: KioskWindow
    ledger: Ledger
    clock: FakeClock
    provider: SimulatedPaymentProvider
    catalog: Catalog
    qtbot: Any
    printer_sim: PrinterSimulator
    closed: bool = False

    def close(self) -> None:
        """Close the window and the ledger, as quitting the app does (once)."""
        if not self.closed:
            self.closed = True
            self.kw.close()
            self.ledger.close()

    @property
    def window(self) -> QQuickWindow:
        return self.kw.window

    @property
    def step(self) -> str:
        return str(self.kw.vm.step)

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

    # --- waiting on conditions, never on time ---------------------------------------------------------

    def wait_ticks(self, count: int = 3) -> None:
        """Wait for `count` ticks of the view-model's timer (each emits `idleChanged`): the flow has looked
        at the clock that many times."""
        seen = [0]

        def tick() -> None:
            seen[0] += 1

        self.kw.vm.idleChanged.connect(tick)
        try:
            self.qtbot.waitUntil(lambda: seen[0] >= count, timeout=3000)
        finally:
            self.kw.vm.idleChanged.disconnect(tick)

    def _image_opacities(self) -> list[float]:
        return [i.opacity() for i in walk(self.window.contentItem()) if i.property("asynchronous")]

    def wait_images_settled(self, timeout: float = 10.0) -> None:
        """Every photo decoded and done fading in: no image's opacity changes over two frames."""
        deadline = time.monotonic() + timeout
        before = self._image_opacities()
        while True:
            self.next_frame()
            self.next_frame()
            now = self._image_opacities()
            if now == before:
                return
            assert time.monotonic() < deadline, f"the photos never settled: {before} -> {now}"
            before = now

    def _layout(self) -> list[tuple[float, float, float, float]]:
        shown = []
        for item in walk(self.window.contentItem()):
            if item.isVisible() and (item.activeFocusOnTab() or item.property("text") is not None):
                r = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
                shown.append((round(r.x(), 1), round(r.y(), 1), round(r.width(), 1), round(r.height(), 1)))
        return shown

    def wait_layout_settled(self, timeout: float = 5.0) -> None:
        """No control or text moves or resizes over two frames: a screen that has just appeared (a strip of
        tabs still being built, a chooser sliding in) is judged once it has come to rest."""
        deadline = time.monotonic() + timeout
        before = self._layout()
        while True:
            self.next_frame()
            now = self._layout()
            if now == before or time.monotonic() > deadline:
                return  # a layout that never rests is judged as it is (and fails if it overlaps)
            before = now

    # --- what a person checks on a screenshot --------------------------------------------------------

    def visible_rect(self, item: QQuickItem) -> QRectF | None:
        """The item's rectangle in the window as it shows: cut by every clipping ancestor (a scrolled
        grid, a list); None when nothing of it shows."""
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        parent = item.parentItem()
        while parent is not None:
            if parent.clip():
                rect = rect.intersected(parent.mapRectToScene(QRectF(0, 0, parent.width(), parent.height())))
            parent = parent.parentItem()
        return rect if rect.width() > 0 and rect.height() > 0 else None

    def assert_laid_out(self, overlay: str = "") -> list[str]:
        """The key controls (every visible item that takes focus) lie inside the window and do not overlap
        one another, and no visible text is elided or cut. Controls under `overlay` (an item's objectName,
        e.g. the idle warning) are left out of the overlap check with the ones it covers. Returns the
        controls' names."""
        self.wait_layout_settled()
        window = QRectF(0, 0, self.window.width(), self.window.height())
        covering = self.items(overlay)[0] if overlay and self.exists(overlay) else None
        controls: list[tuple[QQuickItem, QRectF]] = []
        for item in walk(self.window.contentItem()):
            if not effectively_visible(item) or not all_visible(item):
                continue
            if item.property("truncated") is True:
                raise AssertionError(f"text cut or elided: {item.objectName() or item.property('text')!r}")
            if not item.activeFocusOnTab():
                continue
            rect = self.visible_rect(item)
            if rect is None:
                continue  # scrolled out of its list: a swipe brings it
            name = item.objectName() or repr(item.property("text"))
            assert window.contains(rect.adjusted(1, 1, -1, -1)), f"{name} {rect} lies outside the window {window}"
            controls.append((item, rect))
        for i, (a, ra) in enumerate(controls):
            for b, rb in controls[i + 1 :]:
                if is_ancestor(a, b) or is_ancestor(b, a):
                    continue
                if covering is not None and (is_ancestor(covering, a) != is_ancestor(covering, b)):
                    continue
                overlap = ra.intersected(rb)
                assert overlap.width() <= 1 or overlap.height() <= 1, (
                    f"{a.objectName()} {ra} and {b.objectName()} {rb} overlap"
                )
        return [item.objectName() for item, _ in controls]


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


def start_take_out(k: Kiosk) -> None:
    assert k.step == "attract"
    k.click("startButton")
    k.wait_step("order_type")
    k.click("takeOutButton")
    k.wait_step("menu")


def pay(k: Kiosk, method: str = "card") -> int:
    k.click("orderButton")
    k.wait_step("cart")
    k.click("payButton")
    k.wait_step("payment_method")
    k.click(f"method_{method}")
    k.wait_step("result")
    return int(k.text("orderNumberText"))
