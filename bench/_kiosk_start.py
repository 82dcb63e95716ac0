"""The kiosk side of the cold-start benchmark: `kiosk run --windowed` itself (`run_kiosk`, the demo shop
with its simulated devices, the ledger of `KIOSK_DATA_DIR`), started as a standalone script like the
bare window (`PYTHONPATH=<repo> python bench/_kiosk_start.py`). Prints, as unix times:

- `FRAME`  the attract screen's first frame;
- `TOUCH`  the first frame that shows "touch to start" enabled (the start button's `enabled_`, which is
  the view-model's `isReady`: attached, or opened early by the start-up pre-check when there is nothing to
  recover; kiosk/ledger/precheck.py);
- `PHOTOS` the first frame in which every photo of the attract screen is decoded and fully faded in;
- `READY`  ready for customers: the later of TOUCH and PHOTOS. Then the benchmark touches: `start()` must
  leave the attract screen (else it exits 4: "ready" was not honest);
- `ATTACHED` the ledger side attached (`on_stage("ready")`: ledger open, payments recovered, printer and
  devices up, paying works); then it quits.
"""

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


def _find(window: object, name: str) -> object | None:
    stack = [window.contentItem()]  # type: ignore[attr-defined]
    while stack:
        item = stack.pop()
        if item.objectName() == name:
            return item
        stack.extend(item.childItems())
    return None


def _touch_shown(window: object) -> bool:
    """The attract screen's start button is enabled in this frame (what a customer sees: touch works)."""
    button = _find(window, "startButton")
    return button is not None and bool(button.property("enabled_")) and bool(button.isVisible())  # type: ignore[attr-defined]


def main() -> int:
    # What `kiosk run --windowed` does (app.cli `main`): the command's parser, then its handler, which
    # imports Qt itself. PySide6 imported first would cost the kiosk's own imports ~3 ms more than they cost
    # a shop (its import hook reads every module imported after it; app/pyside.py).
    from app.cli import build_parser

    args = build_parser("run").parse_args(["run", "--windowed"])
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QGuiApplication

    from app.commands.run import run_kiosk

    state: dict[str, float] = {}

    def stamp(name: str) -> None:
        state[name] = time.time()
        print(f"{name} {state[name]:.6f}", flush=True)

    def watch() -> None:
        # After the FRAME stamp: `kiosk run` imports PySide6.QtQuick only after its first frame, and a window
        # wrapped before that import has no `contentItem`.
        import PySide6.QtQuick  # noqa: F401

        windows = [w for w in QGuiApplication.topLevelWindows() if hasattr(w, "contentItem")]
        window = windows[0]

        def frame() -> None:
            if "PHOTOS" not in state and _photos_shown(window):
                stamp("PHOTOS")
            if "TOUCH" not in state and _touch_shown(window):
                stamp("TOUCH")
            if "TOUCH" in state and "PHOTOS" in state:
                window.frameSwapped.disconnect(frame)
                state["READY"] = max(state["TOUCH"], state["PHOTOS"])
                print(f"READY {state['READY']:.6f}", flush=True)
                QTimer.singleShot(0, lambda: touch(window))

        window.frameSwapped.connect(frame)

    def touch(window: object) -> None:  # what a customer does now: the order must start
        kiosk = window.property("kiosk")  # type: ignore[attr-defined]
        kiosk.start()
        if kiosk.property("step") == "attract":
            print("FAILED touch not accepted at READY", flush=True)
            QCoreApplication.exit(4)
        elif "ATTACHED" in state:
            QCoreApplication.quit()

    def on_stage(stage: str) -> None:
        if stage == "first-frame":
            stamp("FRAME")
            QTimer.singleShot(60_000, lambda: QCoreApplication.exit(3))  # never hang the benchmark
            watch()
        elif stage == "ready":
            stamp("ATTACHED")
            if "READY" in state:
                QCoreApplication.quit()

    return run_kiosk(args, on_stage=on_stage)


if __name__ == "__main__":
    sys.exit(main())
