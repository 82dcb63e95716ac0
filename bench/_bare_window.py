"""The bare baseline of the cold-start benchmark: a QML window with one Text, nothing else, started as a
standalone script (`python bench/_bare_window.py`), so none of the benchmark's or the kiosk's modules
are imported. Prints `FRAME <unix time>` at its first frame and quits."""

import sys
import time

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine

QML = """import QtQuick
import QtQuick.Window
Window { width: 1080; height: 1920; visible: true; Text { text: "안녕하세요" } }
""".encode()

app = QGuiApplication(sys.argv[:1])
engine = QQmlApplicationEngine()
engine.loadData(QByteArray(QML))
window = engine.rootObjects()[0]


def first_frame() -> None:
    print(f"FRAME {time.time():.6f}", flush=True)
    app.quit()


window.frameSwapped.connect(first_frame)  # type: ignore[attr-defined]
sys.exit(app.exec())
