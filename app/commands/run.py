"""`kiosk run`: the customer kiosk window. The composition root for the UI: settings, ledger, catalog,
payment provider and clock are built here and passed down; nothing is global."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys

from app.context import add_config_option, open_ledger, settings_from
from kiosk.domain.catalog import CatalogError, load_catalog
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import SystemClock


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give the size as WIDTHxHEIGHT, e.g. 1080x1920") from None
    if not (320 <= w <= 8000 and 320 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be between 320 and 8000 pixels")
    return w, h


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="the full-screen customer kiosk")
    add_config_option(p)
    p.add_argument("--windowed", action="store_true", help="a normal window that can be closed (development)")
    p.add_argument("--size", type=_size, help="window size WIDTHxHEIGHT (default from ui.width / ui.height)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = settings_from(args)
    try:
        catalog = load_catalog(settings.catalog_path)
    except CatalogError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    if not settings.payments.simulated:
        print(
            "kiosk: only the simulated payment provider exists yet; set [payments] simulated = true",
            file=sys.stderr,
        )
        return 2
    # Qt is imported here, not at module level, so `kiosk report` and friends never load it.
    from PySide6.QtGui import QGuiApplication

    from ui.app import build_window

    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    clock = SystemClock()
    ledger = open_ledger(args, settings, clock)
    provider = SimulatedPaymentProvider(settings.payments.simulated_delay_seconds, settings.payments.qr_expiry_seconds)
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal still stops a development run
    try:
        window = build_window(settings, ledger, catalog, provider, clock, windowed=args.windowed, size=args.size)
    except RuntimeError as exc:
        provider.close()
        ledger.close()
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    try:
        return app.exec()
    finally:
        window.close()
        ledger.close()
