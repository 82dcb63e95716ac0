"""End to end without the UI: a sale committed in a real ledger, printed over TCP (and a pty) to the
simulator, faults, pending receipts, recovery, exactly one reprint marked 재발행."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.printer.driver import EscPosPrinter
from hardware.printer.profiles import PROFILES
from hardware.printer.simulator import PrinterSimulator, PtyPrinterServer, TcpPrinterServer
from hardware.worker import Backoff
from kiosk.devices.health import Health, HealthEvent
from kiosk.ledger import Ledger
from kiosk.receipts.content import installer_test_page
from kiosk.receipts.document import DocumentKind
from kiosk.receipts.events import ReceiptEvent
from kiosk.receipts.port import PrintJob, PrintOutcome
from kiosk.receipts.service import ReceiptService
from tests.printer.helpers import SHOP, TERMINAL, ledger_with_sale

FAST = {"poll_interval": 0.05, "status_timeout": 0.3, "job_timeout": 10.0}


def fast_backoff() -> Backoff:
    return Backoff(initial=0.05, maximum=0.2, jitter=0.0)


def wait_for(predicate: object, timeout: float = 10.0) -> None:
    done = threading.Event()
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():  # type: ignore[operator]
            return
        done.wait(0.02)
    raise AssertionError("condition not reached in time")


@pytest.fixture
def sim(tmp_path: Path) -> PrinterSimulator:
    return PrinterSimulator(out_dir=tmp_path / "pages")


@pytest.fixture
def server(sim: PrinterSimulator) -> Iterator[TcpPrinterServer]:
    with TcpPrinterServer(sim) as srv:
        yield srv


def test_test_page_over_tcp_and_status(server: TcpPrinterServer, sim: PrinterSimulator, tmp_path: Path) -> None:
    with EscPosPrinter(server.url, PROFILES["korean-80mm"], backoff=fast_backoff(), **FAST) as printer:
        done: queue.Queue[PrintOutcome] = queue.Queue()
        doc = installer_test_page("카페 한결", server.url, "korean-80mm", TERMINAL)
        printer.submit(PrintJob("t-1", "", doc), done.put)
        assert done.get(timeout=10).ok
        printer.submit(PrintJob("t-1", "", doc), done.put)  # the same job again: never printed twice
        again = done.get(timeout=10)
        assert again.ok and again.duplicate
        assert printer.status() is not None
        sim.set_faults(paper_near_end=True)
        status = printer.status()
        assert status is not None and status.paper_near_end and not status.paper_out
    assert len(sim.pages) == 1
    assert "한글 기본: 가나다라마바사 아자차카타파하" in sim.pages[0].text_lines
    assert sim.pages[0].drawer_kicks == 1
    assert (tmp_path / "pages" / "page-0001.png").exists()


@pytest.mark.parametrize("baud", [9600, 115200])
def test_serial_over_a_pty(sim: PrinterSimulator, baud: int) -> None:
    with (
        PtyPrinterServer(sim) as pty,
        EscPosPrinter(
            f"serial://{pty.port}?baudrate={baud}", PROFILES["korean-58mm"], backoff=fast_backoff(), **FAST
        ) as printer,
    ):
        done: queue.Queue[PrintOutcome] = queue.Queue()
        printer.submit(
            PrintJob("s-1", "", installer_test_page("카페 한결", "serial", "korean-58mm", TERMINAL)), done.put
        )
        outcome = done.get(timeout=10)
        assert outcome.ok, outcome
        assert sim.wait_for_pages(1)
    assert "ASCII: 0123456789 ABCDEF abcdef" in sim.pages[0].text_lines
    assert sim.pages[0].cut


class Recorder:
    def __init__(self) -> None:
        self.events: list[object] = []
        self._lock = threading.Lock()

    def __call__(self, event: object) -> None:
        with self._lock:
            self.events.append(event)

    def health(self) -> list[tuple[Health, str]]:
        with self._lock:
            return [(e.health, e.detail) for e in self.events if isinstance(e, HealthEvent)]

    def results(self) -> list[tuple[DocumentKind, str]]:
        with self._lock:
            return [(e.kind, e.result) for e in self.events if isinstance(e, ReceiptEvent)]


def journal(ledger: Ledger, prefix: str) -> list[dict[str, object]]:
    return [
        {"kind": e.kind, **json.loads(e.payload)} for e in ledger.entries_after(0, 1000) if e.kind.startswith(prefix)
    ]


def receipt_pages(sim: PrinterSimulator) -> list[str]:
    return [p.text() for p in sim.pages if not p.torn and "영수증번호" in p.text()]


def test_sale_prints_kitchen_ticket_and_receipt(
    tmp_path: Path, server: TcpPrinterServer, sim: PrinterSimulator
) -> None:
    ledger, sale = ledger_with_sale(tmp_path / "ledger.sqlite3")
    rec = Recorder()
    service: ReceiptService
    printer = EscPosPrinter(
        server.url,
        PROFILES["korean-80mm"],
        backoff=fast_backoff(),
        listener=lambda e: service.on_printer_event(e),
        **FAST,
    )
    service = ReceiptService(ledger, printer, SHOP, TERMINAL, listener=rec)
    try:
        printer.start()
        service.after_sale(sale, print_receipt=True)
        wait_for(lambda: len(rec.results()) == 2)
    finally:
        printer.stop()
        ledger.close()
    assert rec.results() == [(DocumentKind.KITCHEN, "printed"), (DocumentKind.RECEIPT, "printed")]
    assert "주방 주문서" in sim.pages[0].text() and "10,000" not in sim.pages[0].text()
    assert len(receipt_pages(sim)) == 1 and "재발행" not in receipt_pages(sim)[0]
    assert service.pending() == []
    ledger = Ledger.open(tmp_path / "ledger.sqlite3", device_id=TERMINAL)
    try:
        kinds = [e["kind"] for e in journal(ledger, "")]
        assert kinds == ["sale.completed", "kitchen_ticket.printed", "receipt.printed"]
    finally:
        ledger.close()


FAULTS = {
    "paper_out": ({"paper_out": True}, "paper_out"),
    "cover_open": ({"cover_open": True}, "cover_open"),
    "offline": ({"offline": True}, "offline"),
    "never_answers": ({"silent": True}, "no_reply"),
    "dropped_mid_job": ({"drop_after": 300}, "connection_lost"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_leaves_sale_and_pending_receipt_then_exactly_one_reprint(
    tmp_path: Path, server: TcpPrinterServer, sim: PrinterSimulator, fault: str
) -> None:
    faults, detail = FAULTS[fault]
    db = tmp_path / "ledger.sqlite3"
    ledger, sale = ledger_with_sale(db)
    rec = Recorder()
    service: ReceiptService
    printer = EscPosPrinter(
        server.url,
        PROFILES["korean-80mm"],
        backoff=fast_backoff(),
        listener=lambda e: service.on_printer_event(e),
        **FAST,
    )
    service = ReceiptService(ledger, printer, SHOP, TERMINAL, listener=rec)
    try:
        printer.start()
        wait_for(lambda: (Health.OK, "connected") in rec.health())
        sim.set_faults(**faults)
        service.after_sale(sale, print_receipt=True)  # returns at once, whatever the printer does
        wait_for(lambda: {k for k, r in rec.results() if r == "print_failed"} >= {DocumentKind.RECEIPT})
        assert any(h is Health.LOST and d == detail for h, d in rec.health()), rec.health()
        pending = {p.kind: p for p in service.pending()}
        assert DocumentKind.RECEIPT in pending
        assert pending[DocumentKind.RECEIPT].qr_content.startswith(f"HKR1:{TERMINAL}:20261121-0001:")
        assert ledger.order_exists(sale.order_id)  # the sale stays committed
        assert receipt_pages(sim) == []
        # a restarted kiosk finds the same pending receipt in the journal
        other = ReceiptService(ledger, printer, SHOP, TERMINAL)
        assert other.load_pending() >= 1 and DocumentKind.RECEIPT in {p.kind for p in other.pending()}

        sim.clear_faults()  # staff load paper / close the cover / power the printer
        wait_for(lambda: ("receipt", "reprinted") in [(k.value, r) for k, r in rec.results()])
        wait_for(lambda: service.pending() == [])
        # a second recovery signal must not print again
        service.on_printer_health(HealthEvent("printer", Health.LOST, "offline", "", ledger.clock.now()))
        service.on_printer_health(HealthEvent("printer", Health.OK, "connected", "", ledger.clock.now()))
    finally:
        printer.stop()
    try:
        receipts = receipt_pages(sim)
        assert len(receipts) == 1, receipts
        assert "[재발행]" in receipts[0]
        entries = journal(ledger, "receipt.")
        assert [e["kind"] for e in entries] == ["receipt.print_failed", "receipt.reprinted"]
        assert entries[0]["detail"] in (detail, "offline" if fault == "dropped_mid_job" else detail)
        assert entries[1]["reprint"] is True and entries[1]["job_id"] != entries[0]["job_id"]
        assert [e["kind"] for e in journal(ledger, "sale.")] == ["sale.completed"]
    finally:
        ledger.close()
