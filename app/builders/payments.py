"""The payment service from the settings: the card terminal (the real one through its serial adapter, or the
demo's pty simulator behind that same adapter for `sim://`), the backend's QR and one-time-code providers,
or the simulated ones. Used by `kiosk run` and by the payment commands."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from hardware.card_terminal.demo import DemoCardTerminal
from hardware.card_terminal.driver import SerialCardTerminal
from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from kiosk.config import Settings
from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger
from kiosk.payments.card import CardGateway
from kiosk.payments.gateway import Gateway
from kiosk.payments.remote import CodeGateway, QrGateway
from kiosk.payments.service import PaymentService, RecoveryReport
from kiosk.payments.simulated import SimulatedGateway


def backend_gateways(settings: Settings) -> tuple[list[Gateway], list[Callable[[], None]]]:
    """QR and one-time-code gateways of the programme backend (none when sync is not configured),
    with what closes them. Used by the CLI and by `kiosk run`."""
    if not settings.sync.backend_url:
        return [], []
    qr = QrGateway(
        settings.sync.backend_url, merchant_name=settings.shop.name, expiry_seconds=settings.payments.qr_expiry_seconds
    )
    code = CodeGateway(settings.sync.backend_url)
    return [qr, code], [qr.close, code.close]


@contextmanager
def build_payment_service(settings: Settings, ledger: Ledger) -> Iterator[PaymentService]:
    """The real providers the settings name (a `sim://` card terminal is left to the simulated
    provider of the demo). Opens the terminal; closes everything on exit."""
    gateways, closers = backend_gateways(settings)
    if settings.card_terminal.url and not settings.card_terminal.url.startswith("sim://"):
        terminal = SerialCardTerminal(
            settings.card_terminal.url,
            baudrate=settings.card_terminal.baudrate,
            approval_timeout=settings.card_terminal.timeout_seconds,
        )
        terminal.open()
        closers.append(terminal.close)
        gateways.append(CardGateway(terminal))
    service = PaymentService(ledger, gateways)
    try:
        yield service
    finally:
        service.close()
        for close in reversed(closers):
            close()


@dataclass
class KioskPayments:
    """The payment service `kiosk run` sells through, and what it owns (terminal, simulators, clients)."""

    service: PaymentService
    card_sim: TerminalSimulator | None = None
    simulated: list[SimulatedGateway] = field(default_factory=list)
    closers: list[Callable[[], None]] = field(default_factory=list)

    def decline_next(self) -> None:
        """Demo key F9: the next card payment (card-terminal simulator) and the next simulated QR /
        barcode payment are declined (잔액 부족)."""
        if self.card_sim is not None:
            self.card_sim.queue(Behaviour.DECLINE_FUNDS)
        for gateway in self.simulated:
            gateway.decline_next()

    def recover(self) -> RecoveryReport:
        """Resolve every intent a crash left open; before the first customer can start."""
        report = self.service.recover()
        log = logging.getLogger(__name__)
        if report.clean:
            log.info("%s", report.summary())
        else:
            log.warning("%s: staff must check (kiosk payments list --pending)", report.summary())
        return report

    def close(self) -> None:
        self.service.close()
        for close in reversed(self.closers):
            try:
                close()
            except Exception:  # closing the rest matters more than one device's complaint
                logging.getLogger(__name__).exception("closing a payment device failed")


def build_payments(
    settings: Settings,
    ledger: Ledger,
    *,
    card_sim: TerminalSimulator | None = None,
    terminal_options: dict[str, Any] | None = None,
) -> KioskPayments:
    """PaymentService from the settings. Card: `sim://` starts the pty card-terminal simulator in this
    process (or uses `card_sim`, which the caller owns) and talks to it through the real adapter; any
    other URL is the real terminal. QR / barcode: the backend's providers when `sync.backend_url` is
    set, else the simulated ones (`payments.simulated`). Raises ValueError with what to fix."""
    gateways: list[Gateway] = []
    closers: list[Callable[[], None]] = []
    simulated: list[SimulatedGateway] = []
    try:
        url = settings.card_terminal.url
        if url:
            port = url
            if url.startswith("sim://"):
                if card_sim is None:
                    if not settings.payments.simulated:
                        raise ValueError("card_terminal.url is sim:// but payments.simulated is false")
                    card_sim = DemoCardTerminal(approve_after=settings.payments.simulated_delay_seconds)
                    card_sim.start()
                    closers.append(card_sim.stop)
                port = card_sim.port
            else:
                card_sim = None
            options: dict[str, Any] = {"approval_timeout": settings.card_terminal.timeout_seconds}
            options.update(terminal_options or {})
            terminal = SerialCardTerminal(port, baudrate=settings.card_terminal.baudrate, **options)
            terminal.open()
            closers.append(terminal.close)
            gateways.append(CardGateway(terminal))
        remote, remote_closers = backend_gateways(settings)
        gateways += remote
        closers += remote_closers
        if not remote and settings.payments.simulated:
            delay = settings.payments.simulated_delay_seconds
            simulated = [
                SimulatedGateway(PaymentMethod.QR, delay, settings.payments.qr_expiry_seconds),
                SimulatedGateway(PaymentMethod.BARCODE, delay),
            ]
            gateways += simulated
        # Constructing the service installs the intent projectors and the sale guard on this ledger.
        service = PaymentService(ledger, gateways)
    except Exception:
        for close in reversed(closers):
            close()
        raise
    return KioskPayments(service, card_sim, simulated, closers)
