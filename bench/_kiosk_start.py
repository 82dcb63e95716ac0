"""The kiosk side of the cold-start benchmark: `kiosk run --windowed` itself (`run_kiosk`, the demo shop
with its simulated devices, the ledger of `KIOSK_DATA_DIR`), started as a standalone script like the
bare window (`PYTHONPATH=<repo> python bench/_kiosk_start.py`). Prints, as unix times:

- `FRAME`  the attract screen's first frame;
- `TOUCH`  "touch to start" accepted (ledger open, payments recovered, printer and devices attached);
- `PHOTOS` the first frame in which every photo of the attract screen is decoded and fully faded in;
- `READY`  ready for customers: the later of TOUCH and PHOTOS; then it quits.
"""

import argparse
import sys
import time
from pathlib import Path

# A script's own folder comes first on sys.path; here that is bench/, whose ui.py would shadow the ui package.
sys.path[0] = str(Path(__file__).resolve().parents[1])


def _photos_shown(window: object) -> bool:
    """Every visible Image of the window has loaded and is fully opaque (its fade-in is over)."""
    root = window.contentItem()  # type: ignore[attr-defined]
    images = 0
    stack = [root]
    while stack:
        item = stack.pop()
        stack.extend(item.childItems())
        if item.inherits("QQuickImage") and item.isVisible():
            images += 1
            # (`status` is an enum PySide cannot read; the screen's opacity binding is 1 only when Ready)
            if item.property("progress") < 1.0 or item.property("opacity") < 0.999:
                return False
    return images > 0


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QGuiApplication

    from app.commands.run import run_kiosk

    state: dict[str, float] = {}

    def stamp(name: str) -> None:
        state[name] = time.time()
        print(f"{name} {state[name]:.6f}", flush=True)
        if "TOUCH" in state and "PHOTOS" in state and "READY" not in state:
            state["READY"] = max(state["TOUCH"], state["PHOTOS"])
            print(f"READY {state['READY']:.6f}", flush=True)
            QCoreApplication.quit()

    def watch() -> None:
        # After the FRAME stamp: `kiosk run` imports PySide6.QtQuick only after its first frame, and a window
        # wrapped before that import has no `contentItem`.
        import PySide6.QtQuick  # noqa: F401

        windows = [w for w in QGuiApplication.topLevelWindows() if hasattr(w, "contentItem")]
        window = windows[0]

        def frame() -> None:
            if "PHOTOS" not in state and _photos_shown(window):
                window.frameSwapped.disconnect(frame)
                stamp("PHOTOS")

        window.frameSwapped.connect(frame)

    def on_stage(stage: str) -> None:
        if stage == "first-frame":
            stamp("FRAME")
            QTimer.singleShot(60_000, lambda: QCoreApplication.exit(3))  # never hang the benchmark
            watch()
        elif stage == "ready":
            stamp("TOUCH")

    return run_kiosk(argparse.Namespace(config=None, windowed=True, size=None), on_stage=on_stage)


if __name__ == "__main__":
    sys.exit(main())
