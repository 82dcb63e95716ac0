"""`kiosk run` in kiosk (full-screen) mode as the packaged service starts it, for tests/packaging: the
real `run_kiosk`, plus, with `--pay`, a customer who orders a cheesecake and pays by card as soon as the
kiosk is ready (the view-model's intents, what the screen's buttons call). It prints `PAYING <intent>`
once the card payment is in flight, then carries on until it is stopped."""

from __future__ import annotations

import sys

from app.cli import build_parser
from app.commands.run import run_kiosk


def main(argv: list[str]) -> int:
    pay = "--pay" in argv
    args = build_parser("run").parse_args(["run", *(a for a in argv if a != "--pay")])

    def on_stage(stage: str) -> None:
        if stage != "ready" or not pay:
            return
        from PySide6.QtGui import QGuiApplication

        vm = next(w.property("kiosk") for w in QGuiApplication.topLevelWindows() if w.property("kiosk"))
        vm.start()
        vm.chooseOrderType("take_out")
        vm.openItem("cheesecake")
        vm.openCart()
        vm.checkoutCart()
        vm.choosePaymentMethod("card")
        pending = vm.checkout.pending
        assert pending is not None, vm.state.step
        print(f"PAYING {pending.request.intent_id}", flush=True)

    return run_kiosk(args, on_stage=on_stage)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
