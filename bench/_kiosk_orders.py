"""The memory benchmark's child: `kiosk run --windowed` itself (`run_kiosk`: payment service with
intents over the pty card-terminal simulator and the simulated QR provider, receipts and kitchen
tickets through the real ESC/POS driver to the printer of `KIOSK_PRINTER__URL`), in a fresh process,
taking orders through the view-model the QML calls (`python bench/_kiosk_orders.py N1 N2 ...`). After
order N1, N2, ... it prints `RSS <orders> <KiB>` (after a garbage collection), then quits.
"""

import argparse
import gc
import os
import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # not bench/, whose ui.py would shadow the ui package


def _rss_kib() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer

    from app.commands.run import run_kiosk

    marks = sorted(int(a) for a in sys.argv[1:])

    def wait(predicate: object, what: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            QCoreApplication.processEvents()

    def drive() -> None:
        from ui.app import KioskWindow

        # run_kiosk keeps its window to itself; the benchmark finds it like a test's debugger would.
        window = next(o for o in gc.get_objects() if isinstance(o, KioskWindow))
        vm = window.vm
        try:
            for i in range(marks[-1]):
                vm.start()
                vm.chooseOrderType("dine_in" if i % 2 else "take_out")
                vm.selectCategory(["dessert", "coffee", "bakery"][i % 3])
                vm.openItem("cheesecake")
                vm.openCart()
                vm.checkoutCart()
                vm.choosePaymentMethod("card" if i % 4 else "qr")
                wait(lambda: vm.step == "result", f"order {i + 1}'s payment")
                vm.answerReceipt(i % 2 == 0)
                vm.finish()
                wait(lambda: vm.step == "attract", f"order {i + 1} to finish")
                QCoreApplication.processEvents()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                if i + 1 in marks:
                    gc.collect()
                    print(f"RSS {i + 1} {_rss_kib()}", flush=True)
        except Exception as exc:
            print(f"FAILED {exc!r}", flush=True)
            QCoreApplication.exit(1)
            return
        QCoreApplication.quit()

    def on_stage(stage: str) -> None:
        if stage == "ready":
            QTimer.singleShot(0, drive)

    return run_kiosk(argparse.Namespace(config=None, windowed=True, size=None), on_stage=on_stage)


if __name__ == "__main__":
    sys.exit(main())
