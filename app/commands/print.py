"""`kiosk print test-page|receipt|status`: the installer's and staff's printer tools. The printer is built by
app/builders/printing.py (`sim://` is the in-process simulator, the demo default)."""

from __future__ import annotations

import argparse
import queue
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.builders.printing import build_printer, shop_info
from app.context import add_db_option, open_ledger, settings_from
from kiosk.devices.health import HealthEvent
from kiosk.receipts.content import installer_test_page
from kiosk.receipts.document import DocumentKind
from kiosk.receipts.events import ReceiptEvent
from kiosk.receipts.port import PrintJob, PrintOutcome
from kiosk.receipts.service import ReceiptService

if TYPE_CHECKING:  # imported by the builder, after escpos's cache directory is set
    from hardware.printer.driver import EscPosPrinter


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("print", help="printer tools: test page, receipt (re)print, status")
    psub = p.add_subparsers(dest="print_command", required=True, metavar="ACTION")

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--printer", help="printer URL (default: printer.url from the config)")
        q.add_argument("--profile", help="printer profile (default: printer.profile from the config)")
        q.add_argument("--sim-out", type=Path, default=Path("printer-sim-out"), help="PNG folder for sim://")

    t = psub.add_parser("test-page", help="print the installer's test page (Korean, raster, QR, cut, drawer)")
    add_db_option(t)
    common(t)
    t.set_defaults(handler=test_page_cmd)
    r = psub.add_parser("receipt", help="reprint an order's receipt (marked 재발행, recorded in the journal)")
    add_db_option(r)
    common(r)
    r.add_argument("--order", required=True, help="order id")
    r.add_argument("--kitchen", action="store_true", help="the kitchen ticket instead of the receipt")
    r.set_defaults(handler=receipt_cmd)
    s = psub.add_parser("status", help="ask the printer for its status (DLE EOT)")
    add_db_option(s)
    common(s)
    s.set_defaults(handler=status_cmd)


def _printer(args: argparse.Namespace, listener: Callable[[object], None] | None = None) -> EscPosPrinter | None:
    settings = settings_from(args)
    url = args.printer or settings.printer.url
    from hardware.printer.profiles import profile_named

    try:
        profile = profile_named(args.profile or settings.printer.profile)
        printer, _sim = build_printer(url, profile, listener, args.sim_out)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return None
    return printer


def _report(outcome: PrintOutcome) -> int:
    if outcome.ok:
        print("인쇄했습니다 (printed)")
        return 0
    print(f"kiosk: 인쇄하지 못했습니다 ({outcome.detail}): {outcome.message}", file=sys.stderr)
    return 1


def test_page_cmd(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    printer = _printer(args)
    if printer is None:
        return 2
    doc = installer_test_page(
        settings.shop.name, args.printer or settings.printer.url, printer.profile.name, settings.ledger.device_id
    )
    done: queue.Queue[PrintOutcome] = queue.Queue()
    with printer:
        printer.submit(PrintJob("test-page", "", doc), done.put)
        return _report(done.get(timeout=120))


def receipt_cmd(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.db and not args.db.exists():
        print(f"kiosk: {args.db}: no ledger here; check --db", file=sys.stderr)
        return 2
    events: queue.Queue[object] = queue.Queue()
    printer = _printer(args, events.put)
    if printer is None:
        return 2
    ledger = open_ledger(args, settings, create=False)
    try:
        service = ReceiptService(
            ledger, printer, shop_info(settings), settings.ledger.device_id, listener=events.put, auto_reprint=False
        )
        kind = DocumentKind.KITCHEN if args.kitchen else DocumentKind.RECEIPT
        with printer:
            try:
                job_id = service.reprint(args.order, kind)
            except LookupError as exc:
                print(f"kiosk: {exc}; check --order and --db", file=sys.stderr)
                return 2
            while True:
                event = events.get(timeout=120)
                if isinstance(event, ReceiptEvent) and event.job_id == job_id:
                    break
            service_event: ReceiptEvent = event
    finally:
        ledger.close()
    return _report(
        PrintOutcome(
            service_event.job_id, service_event.result != "print_failed", service_event.detail, service_event.message
        )
    )


def status_cmd(args: argparse.Namespace) -> int:
    from hardware.worker import DeviceLost, DeviceUnavailable, RequestTimeout

    events: queue.Queue[object] = queue.Queue()
    printer = _printer(args, events.put)
    if printer is None:
        return 2
    with printer:
        try:
            status = printer.status()
        except (DeviceUnavailable, RequestTimeout):
            status = None
        except DeviceLost as exc:  # from the query itself
            print(f"kiosk: {exc.message}", file=sys.stderr)
            return 1
        except OSError as exc:  # the port itself
            print(f"kiosk: {exc}", file=sys.stderr)
            return 1
    if status is None:
        health = printer.last_health
        reason = f"{health.detail}: {health.message}" if isinstance(health, HealthEvent) else "no reply"
        print(f"unknown — 프린터 상태를 알 수 없습니다 ({reason})")
        return 1
    print(status.describe())
    return 0
