"""`kiosk run` (the real `run_kiosk`) in a child process for the early-start tests (tests/cli/
test_early_start.py): at each start-up stage it prints what a customer can do then, and acts like one.

- `touch` (opened early by the pre-check): touches, builds an order up to the cart, presses pay;
- `ready` (the ledger side attached): presses pay again (an order begun early), or, with nothing begun,
  touches and builds the order now; then quits cleanly (the ledger is closed: a clean close);
- out of order (polled): prints the screen and quits.

Lines: `STAGE <stage> step=<step> touch=<isReady> pay=<payReady>`, `ORDER ...`, `PAID-STEP <step>`,
`OUT-OF-ORDER step=<step> cart=<n>`. Run: `python tests/helpers/early_child.py [kiosk run options]`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[2])  # the repository, not tests/helpers

from app.cli import build_parser  # noqa: E402
from app.commands.run import run_kiosk  # noqa: E402


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication, QObject, QTimer
    from PySide6.QtGui import QGuiApplication

    args = build_parser("run").parse_args(["run", *argv])

    def kiosk() -> QObject:
        return next(w.property("kiosk") for w in QGuiApplication.topLevelWindows() if w.property("kiosk"))

    def show(what: str) -> None:
        vm = kiosk()
        print(
            f"{what} step={vm.property('step')} touch={vm.property('isReady')} pay={vm.property('payReady')} "
            f"cart={vm.property('cartCount')}",
            flush=True,
        )

    def order() -> None:
        vm = kiosk()
        vm.start()
        vm.chooseOrderType("take_out")
        vm.openItem("cheesecake")
        vm.openCart()
        show("ORDER")

    def watch_out_of_order() -> None:
        vm = kiosk()
        if vm.property("outOfOrder"):
            show("OUT-OF-ORDER")
            QCoreApplication.quit()
            return
        QTimer.singleShot(10, watch_out_of_order)

    def on_stage(stage: str) -> None:
        show(f"STAGE {stage}")
        if stage == "first-frame":
            watch_out_of_order()
        elif stage == "touch":
            order()
            kiosk().checkoutCart()  # pay, before the ledger side is up
            show("PAY-EARLY")
        elif stage == "ready":
            vm = kiosk()
            if vm.property("step") == "attract":
                order()
            vm.checkoutCart()
            show("PAID-STEP")
            vm.cancelOrder()
            QTimer.singleShot(0, QCoreApplication.quit)

    return run_kiosk(args, on_stage=on_stage)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
