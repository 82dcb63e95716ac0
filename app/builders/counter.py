"""The counter mode from the composition root's `ModeContext`: the business day, counter sales, cash
receipts (the reference simulator: the VAN interfaces are under NDA), the drawer on the receipt printer,
card / QR through the PaymentService (a simulated one when the kiosk's provider is the demo's), and the
view-model. Imported the first time the counter mode is entered."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from app.builders.modes import ModeContext
from app.builders.printing import shop_info
from kiosk.counter.cash_receipts import CashReceipts, SimulatedCashReceiptProvider
from kiosk.counter.day import BusinessDay
from kiosk.counter.rules import rules_from
from kiosk.counter.sales import Counter, CounterSale
from kiosk.counter.session import CounterSession
from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import SaleRecord
from kiosk.receipts.port import PrintJob, PrintOutcome
from kiosk.session.modes import SignedIn
from ui.counter.viewmodel import CounterServices, CounterViewModel


def receipt_key(data_dir: Path) -> bytes:
    """The shop's key for cash-receipt identifiers' keyed hashes: cash-receipt.key beside the ledger (the
    data directory by default), 32 random bytes made on first use, mode 0600 (like the NFC UID key)."""
    path = data_dir / "cash-receipt.key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, key)
        os.fsync(fd)
    finally:
        os.close(fd)
    return key


def _key_dir(ctx: ModeContext) -> Path:
    """The key lives beside the ledger whose hashes it made (the data directory by default)."""
    database = ctx.ledger.engine.url.database
    return Path(database).parent if database and database != ":memory:" else ctx.data_dir


def _drawer(ctx: ModeContext) -> Any:
    from hardware.printer.drawer import PrinterDrawer
    from hardware.printer.driver import EscPosPrinter

    printer = ctx.printing.printer if ctx.printing is not None else None
    if isinstance(printer, EscPosPrinter):
        return PrinterDrawer(printer, has_sensor=ctx.settings.counter.drawer_sensor)
    return None


def _payments(ctx: ModeContext) -> Any:
    """The PaymentService for card / QR parts (intents first); the demo's simulated gateways when the kiosk
    runs on the simulated provider."""
    if ctx.payments is not None:
        return ctx.payments
    if not ctx.settings.payments.simulated:
        return None
    from kiosk.payments.service import PaymentService
    from kiosk.payments.simulated import SimulatedGateway

    delay = ctx.settings.payments.simulated_delay_seconds
    gateways = [SimulatedGateway(m, delay_seconds=delay) for m in (PaymentMethod.CARD, PaymentMethod.QR)]
    return PaymentService(ctx.ledger, gateways)


def build(ctx: ModeContext) -> QObject:
    rules = rules_from(ctx.settings)
    day = BusinessDay(ctx.ledger, rules, _drawer(ctx))
    receipts = CashReceipts(ctx.ledger, SimulatedCashReceiptProvider(ctx.clock), receipt_key(_key_dir(ctx)))
    counter = Counter(ctx.ledger, ctx.catalog, day, rules, cash_receipts=receipts, held_dir=_key_dir(ctx))
    session = CounterSession(counter, day)
    payments = _payments(ctx)
    printing = ctx.printing

    def who() -> SignedIn | None:
        return ctx.staff_session.who

    def sign_in(pin: str) -> SignedIn | None:
        result = ctx.staff.sign_in(pin)
        return result if isinstance(result, SignedIn) else None

    print_document: Callable[[Any, Callable[[bool, str], None]], None] | None = None
    print_sale: Callable[[CounterSale], None] | None = None
    if printing is not None:
        printer: Any = printing.printer

        def print_document(doc: Any, done: Callable[[bool, str], None]) -> None:
            from kiosk.domain.ids import uuid7

            printer.submit(PrintJob(f"report-{uuid7()}", "", doc), lambda o: done(o.ok, _message(o)))

        def print_sale(sale: CounterSale) -> None:
            printing.service.after_sale(
                SaleRecord(sale.order_id, sale.business_date, sale.order_number, sale.seq), True
            )

    vm = CounterViewModel(
        CounterServices(
            session=session,
            day=day,
            counter=counter,
            cash_receipts=receipts,
            shop=shop_info(ctx.settings),
            terminal_id=ctx.settings.ledger.device_id,
            who=who,
            sign_in=sign_in,
            post=ctx.bridge.post,
            start_payment=payments.start if payments is not None else None,
            print_document=print_document,
            print_sale=print_sale,
        )
    )
    ctx.busy.append(vm.busy)
    if payments is not None and payments is not ctx.payments:
        closing = vm.close

        def close() -> None:
            closing()
            payments.close()

        vm.close = close  # type: ignore[method-assign]
    return vm


def _message(outcome: PrintOutcome) -> str:
    return outcome.message or outcome.detail
