"""Reproducer for the PySide6 6.12.0 regression behind the kiosk's `bool_dealloc` abort (issue 11).

QML bindings read two `Property(bool)` of a Python object (one declared as a decorator, one with a
getter function) and a `Slot(result=bool)`; the object's notify signal is emitted N times, so QML
re-reads them N times. The script prints how `sys.getrefcount` of True, False and None moved. On a
binding without the bug the deltas are 0. On PySide6 6.12.0 with Python 3.11 each QML read of a bool
property takes one reference from the singleton it returns, until CPython deallocates `True` and
aborts (`Fatal Python error: bool_dealloc`). On Python >= 3.12 the singletons are immortal: their
reference count never moves, whatever the binding does.

    python scripts/bool_refcount_repro.py [N]      (default 100: small enough not to abort on 6.12.0)

docs/PERFORMANCE.md ("Stability") records its figures for each candidate binding and Python.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import Property, QByteArray, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent, QQmlEngine


class Model(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._on = True

    @Property(bool, notify=changed)
    def flag(self) -> bool:
        return self._on

    def _other(self) -> bool:
        return not self._on

    other = Property(bool, _other, notify=changed)

    @Slot(result=bool)
    def ready(self) -> bool:
        return True


QML = b"""
import QtQuick
Item {
    property bool a: model.flag
    property bool b: model.other
    property var c: model.flag
    property bool d: { model.flag; return model.ready() }
}
"""


def counts() -> tuple[int, int, int]:
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    app = QGuiApplication(sys.argv[:1])
    engine = QQmlEngine()
    model = Model()
    engine.rootContext().setContextProperty("model", model)
    component = QQmlComponent(engine)
    component.setData(QByteArray(QML), "repro.qml")
    item = component.create()
    if item is None:
        print(component.errorString(), file=sys.stderr)
        return 2
    before = counts()
    for _ in range(n):
        model.changed.emit()
    after = counts()
    delta = dict(zip(("True", "False", "None"), (a - b for a, b in zip(after, before, strict=True)), strict=True))
    print(
        f"python {sys.version.split()[0]} PySide6 {PySide6.__version__} re-reads={n} "
        + " ".join(f"{k}:{v:+d}" for k, v in delta.items())
    )
    del item, component, engine, app
    return 0 if all(v == 0 for v in delta.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
