"""The Qt binding must not take references it does not own (issue 11).

PySide6 6.12.0 on Python 3.11 dropped one reference to `True` for every QML read of a Python property:
a kiosk on its attract screen aborted with `Fatal Python error: bool_dealloc` after ~40 minutes, one
taking orders after ~830 orders. These tests make QML re-read properties thousands of times and assert
that the reference counts of `True`, `False` and `None` do not fall; on that binding they fail within
seconds (without crashing: a few thousand reads are far from the singletons' reference counts).

On a Python whose singletons are immortal (3.12 and later) their counts never move, so the invariant is
also checked through the binding's own objects: a Python object returned by a property keeps its count.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import Property, QByteArray, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtQml import QQmlComponent, QQmlEngine

from tests.helpers.kiosk import Kiosk

READS = 3000


def singleton_counts() -> dict[str, int]:
    return {"True": sys.getrefcount(True), "False": sys.getrefcount(False), "None": sys.getrefcount(None)}


# The window's worker threads (printer status polls, payment and reconciliation threads) hold and drop
# references to these singletons while the GUI thread re-reads: the counts wobble by a few dozen. The
# bug takes one reference per read, 500 rounds x every binding on the screen: thousands.
WOBBLE = 100


def fallen(before: dict[str, int], after: dict[str, int], wobble: int = 0) -> dict[str, int]:
    """Which counts fell by more than `wobble`, and by how much (a rise is harmless: something still
    holds a reference)."""
    return {k: before[k] - after[k] for k in before if after[k] < before[k] - wobble}


class Probe(QObject):
    """Every kind of read the kiosk's view-models offer QML: bool, int, str, None, a Python object."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.held = object()  # returned by `thing`: its count is the check on an immortal-singleton Python

    def _on(self) -> bool:
        return True

    def _off(self) -> bool:
        return False

    def _count(self) -> int:
        return 3

    def _text(self) -> str:
        return "주문"

    def _nothing(self) -> object:
        return None

    def _thing(self) -> object:
        return self.held

    @Slot(result=bool)
    def ready(self) -> bool:
        return True

    on = Property(bool, _on, notify=changed)
    off = Property(bool, _off, notify=changed)
    count = Property(int, _count, notify=changed)
    text = Property(str, _text, notify=changed)
    nothing = Property("QVariant", _nothing, notify=changed)
    thing = Property("QVariant", _thing, notify=changed)


PROBE_QML = b"""
import QtQuick
Item {
    property bool a: probe.on
    property bool b: !probe.off
    property var c: probe.on
    property int d: probe.count
    property string e: probe.text
    property var f: probe.nothing
    property var g: probe.thing
    property bool h: { probe.count; return probe.ready() }
}
"""


def test_qml_reads_of_python_properties_keep_reference_counts(qapp: QGuiApplication) -> None:
    engine = QQmlEngine()
    probe = Probe()
    probe.setParent(engine)  # lives as long as the engine, after the item that reads it
    engine.rootContext().setContextProperty("probe", probe)
    component = QQmlComponent(engine)
    component.setData(QByteArray(PROBE_QML), "probe.qml")
    item = component.create()
    assert item is not None, component.errorString()
    try:
        held_before = sys.getrefcount(probe.held)
        before = singleton_counts()
        for _ in range(READS):
            probe.changed.emit()  # every binding above re-reads its property
        after = singleton_counts()
        assert fallen(before, after) == {}, f"QML reads took references they did not own: {fallen(before, after)}"
        assert sys.getrefcount(probe.held) >= held_before, "QML reads of a Python object took its references"
    finally:
        del item  # before the probe and the engine: its bindings would read a null object
        del component, engine


def view_models(k: Kiosk) -> list[QObject]:
    """The QObjects the window hands to QML (the view-model, and any mode's view-models beside it)."""
    found = [v for v in vars(k.kw).values() if isinstance(v, QObject) and not isinstance(v, QWindow | QQmlEngine)]
    assert found, "the window exposes no view-model"
    return found


def notify_signals(obj: QObject) -> list[Callable[[], None]]:
    meta = obj.metaObject()
    names = {
        bytes(meta.property(i).notifySignal().name().data()).decode()
        for i in range(meta.propertyOffset(), meta.propertyCount())
        if meta.property(i).hasNotifySignal()
    }
    return [getattr(obj, name).emit for name in sorted(names)]


@pytest.mark.parametrize("screen", ["attract", "menu", "cart"])
def test_the_kiosk_screens_reread_view_model_properties_without_losing_references(
    make_kiosk: Callable[..., Kiosk], screen: str
) -> None:
    """The real window on the screens a shop shows all day: each of the view-models' notify signals is
    emitted so that every binding on the screen re-reads its property, 500 times over."""
    k = make_kiosk()
    vm = k.kw.vm
    if screen != "attract":
        vm.start()
        k.wait_step("order_type")
        vm.chooseOrderType("take_out")
        k.wait_step("menu")
        if screen == "cart":
            vm.openItem("cheesecake")
            vm.openCart()
            k.wait_step("cart")
    emits = [emit for obj in view_models(k) for emit in notify_signals(obj)]
    assert emits, "no notify signal to drive"
    QGuiApplication.processEvents()
    before = singleton_counts()
    for _ in range(500):
        for emit in emits:
            emit()
    QGuiApplication.processEvents()
    after = singleton_counts()
    lost = fallen(before, after, WOBBLE)
    assert lost == {}, f"QML reads on the {screen} screen took references: {lost}"
    assert k.step == screen  # the re-reads changed nothing the customer sees
