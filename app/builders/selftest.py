"""The self-test's checks built from the settings: the device checks around the real drivers (the same
ones `kiosk print`, `kiosk devices` and `kiosk nfc watch` use) and the core's network, storage, sound and
versions checks (kiosk/installer/checks.py). Used by `kiosk selftest` and the installer's screens.

Checks that need a person (confirm the printed page, scan its barcode, tap a card, touch the screen) are
built here too, as `PersonChecks`: the screen drives them; the CLI leaves them out."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.config import Settings
from kiosk.installer import checks as core
from kiosk.installer.selftest import Check, CheckResult, fail, needs_check, ok
from kiosk.installer.testpage import new_scan_code, selftest_page

STATUS_TIMEOUT = 2.0
PRINTER_TODO_EN = {
    "paper_out": "Out of paper: load a roll",
    "cover_open": "The cover is open: close it",
    "offline": "The printer is offline: check power and its error light",
    "paper_near_end": "Paper nearly out: have a new roll ready",
}


# --- printer ----------------------------------------------------------------------------------------


def check_printer(url: str, profile_name: str, sim_out: Path | None) -> CheckResult:
    """DLE EOT status, decoded in plain words; no reply is unknown (확인 필요), never fine."""
    from app.builders.printing import build_printer
    from hardware.printer.profiles import profile_named
    from hardware.worker import DeviceLost, DeviceUnavailable, RequestTimeout

    try:
        profile = profile_named(profile_name)
        printer, _sim = build_printer(url, profile, None, sim_out)
    except ValueError as exc:
        return fail(
            "printer",
            (f"프린터 설정이 잘못되었습니다: {exc}", f"The printer setting is wrong: {exc}"),
            "설정 마법사의 '장치' 단계에서 프린터를 다시 고르세요",
            "The printer setting is wrong: choose the printer again in the set-up's devices step",
        )
    with printer:
        try:
            status = printer.status(timeout=STATUS_TIMEOUT)
        except (DeviceUnavailable, RequestTimeout):
            status = None
        except (DeviceLost, OSError) as exc:
            return fail(
                "printer",
                (f"프린터 연결이 끊어졌습니다 ({exc})", f"The printer's connection was lost ({exc})"),
                "프린터 전원과 케이블을 확인하세요",
                "The printer connection dropped: check its power and cable",
                url,
            )
        health = printer.last_health
    if status is None and health is not None and health.detail in ("paper_out", "cover_open", "paper_near_end"):
        # The driver refuses to connect to a printer reporting a fault: its health says which one.
        make = needs_check if health.detail == "paper_near_end" else fail
        found = (health.message, _printer_words(health.detail))
        return make("printer", found, health.message, PRINTER_TODO_EN[health.detail], url, status=health.detail)
    if status is None:
        lost = health is not None and health.health.value == "lost" and health.detail != "no_reply"
        if lost and health is not None:
            return fail(
                "printer",
                (
                    f"프린터에 연결할 수 없습니다 (꺼짐 또는 오프라인): {health.message}",
                    f"Cannot reach the printer (off or offline): {_printer_words(health.detail)}",
                ),
                "프린터 전원, 케이블, 주소, 오류 표시등을 확인하세요",
                "Cannot reach the printer, or it is offline: check power, cable, address and its error light",
                url,
            )
        return needs_check(
            "printer",
            (
                "프린터가 상태 질문에 답하지 않습니다: 상태를 알 수 없음",
                "The printer does not answer the status question: status unknown",
            ),
            "전원 표시등과 오류 표시등을 보고 시험 인쇄로 확인하세요",
            "The printer did not answer (status unknown): look at its lights and print the test page",
            url,
        )
    h, detail, message = status.health()
    flags = [
        name
        for name in ("offline", "cover_open", "paper_out", "paper_end_stop", "paper_near_end")
        if getattr(status, name)
    ]
    lines = (url, f"상태 status: {detail}" + (f" [{', '.join(flags)}]" if flags else ""))
    if h.value == "ok":
        found = ("프린터 정상 (용지 있음, 덮개 닫힘)", "Printer OK (paper in, cover closed)")
        return ok("printer", found, *lines, status=detail)
    if h.value == "degraded":
        found = (message, _printer_words(detail))
        return needs_check(
            "printer", found, message, PRINTER_TODO_EN.get(detail, "Check the printer"), *lines, status=detail
        )
    found = (message, _printer_words(detail))
    return fail("printer", found, message, PRINTER_TODO_EN.get(detail, "Check the printer"), *lines, status=detail)


def _printer_words(detail: str) -> str:
    """A printer's state in English from its status code (the driver's own message is Korean)."""
    return "Printer: " + (detail.replace("_", " ") or "status unknown")


def print_test_page(settings: Settings, scan_code: str, sim_out: Path | None, timeout: float = 60.0) -> CheckResult:
    """Print the self-test page; with the simulator its image is kept (extra.page_image) to show on screen."""
    from app.builders.printing import build_printer
    from hardware.printer.profiles import profile_named
    from kiosk.receipts.port import PrintJob, PrintOutcome

    url = settings.printer.url
    try:
        profile = profile_named(settings.printer.profile)
        printer, sim = build_printer(url, profile, None, sim_out)
    except ValueError as exc:
        return fail(
            "test_page",
            (f"프린터 설정이 잘못되었습니다: {exc}", f"The printer setting is wrong: {exc}"),
            "프린터를 다시 고르세요",
            "Choose the printer again",
        )
    doc = selftest_page(settings.shop.name, url, profile.name, settings.ledger.device_id, scan_code)
    done: queue.Queue[PrintOutcome] = queue.Queue()
    with printer:
        printer.submit(PrintJob(f"selftest-{scan_code}", "", doc), done.put)
        try:
            outcome = done.get(timeout=timeout)
        except queue.Empty:
            outcome = None
    if outcome is None or not outcome.ok:
        why = outcome.message if outcome is not None else "시간 초과 (timed out)"
        return fail(
            "test_page",
            (f"시험 인쇄가 되지 않았습니다: {why}", f"The test page did not print: {why}"),
            "프린터 상태(용지, 덮개, 전원)를 확인하고 다시 인쇄하세요",
            "The test page did not print: check paper, cover and power, then print again",
        )
    extra: dict[str, Any] = {"scan_code": scan_code}
    if sim is not None and sim.pages:
        page = sim.pages[-1]
        if sim_out is not None:
            sim_out.mkdir(parents=True, exist_ok=True)
            image = sim_out / f"selftest-{scan_code}.png"
            page.image(sim.dots).save(image)
            extra["page_image"] = str(image)
    return needs_check(
        "test_page",
        ("시험 인쇄를 보냈습니다: 나온 종이를 확인하세요", "Test page sent: look at the paper that came out"),
        "한글 두 줄, 눈금, QR, 바코드가 보이고 종이가 잘리고 금전함이 열렸는지 확인하세요",
        "Printed: check the paper shows both Hangul lines, the ruler, the QR and the barcode, is cut, "
        "and the drawer opened",
        **extra,
    )


# --- card terminal ----------------------------------------------------------------------------------


def check_card_terminal(settings: Settings) -> CheckResult:
    """Link and status query ("S"), no charge: with sim:// the demo terminal runs in this process and is
    reached through the real adapter."""
    from hardware.card_terminal.driver import SerialCardTerminal
    from kiosk.payments.terminal import TerminalError

    url = settings.card_terminal.url
    demo = None
    if url.startswith("sim:"):
        from hardware.card_terminal.demo import DemoCardTerminal

        demo = DemoCardTerminal(approve_after=0.0)
        demo.start()
        url = demo.port
    terminal = SerialCardTerminal(url, baudrate=settings.card_terminal.baudrate, reply_timeout=3.0)
    try:
        terminal.open()
        reply = terminal.check()
    except TerminalError as exc:
        return fail(
            "card_terminal",
            (f"카드 단말기와 통신할 수 없습니다: {exc}"[:200], f"Cannot talk to the card terminal: {exc}"[:200]),
            "카드 단말기 전원과 케이블(직렬/USB)을 확인하세요",
            "Cannot talk to the card terminal: check its power and its serial/USB cable",
            settings.card_terminal.url,
        )
    finally:
        terminal.close()
        if demo is not None:
            demo.stop()
    if reply.status.value == "ok":
        return ok(
            "card_terminal",
            ("카드 단말기 정상 (결제 없이 상태만 확인)", "Card terminal OK (status only, nothing charged)"),
            settings.card_terminal.url,
            reply.message,
        )
    return needs_check(
        "card_terminal",
        (
            f"카드 단말기 상태: {reply.status.value} {reply.message}",
            f"Card terminal status: {reply.status.value} {reply.message}",
        ),
        "카드 단말기 화면의 메시지를 확인하세요",
        "Check the message on the card terminal's screen",
        settings.card_terminal.url,
    )


# --- scanner and NFC reader (presence; the person checks are below) --------------------------------


def check_scanner_port(settings: Settings) -> CheckResult:
    from hardware.discovery import check_url

    url = settings.scanner.url
    health, detail = check_url(url)
    if health.value == "ok":
        return needs_check(
            "scanner",
            (f"스캐너 연결됨 ({detail})", f"Scanner connected ({detail})"),
            "시험 인쇄한 종이의 바코드를 스캐너로 읽어 주세요",
            "Scanner connected: scan the barcode on the test page",
            url,
        )
    return fail(
        "scanner",
        (f"스캐너를 찾을 수 없습니다: {detail}", f"Scanner not found: {detail}"),
        "스캐너 USB 케이블을 확인하세요",
        "Scanner not found: check its USB cable",
        url,
    )


def check_nfc_reader(settings: Settings) -> CheckResult:
    from hardware.discovery import check_url

    url = settings.nfc.reader
    try:
        health, detail = check_url(url)
    except Exception as exc:  # pcsc-lite missing altogether
        health, detail = None, str(exc)
    if health is not None and health.value == "ok":
        return needs_check(
            "nfc",
            (f"NFC 리더 있음 ({detail})", f"NFC reader present ({detail})"),
            "리더에 카드를 대 보세요 (종류와 짧은 번호만 표시됩니다)",
            "Reader present: tap a card (only its kind and a short hash are shown)",
            url,
        )
    pcscd = "pcscd" in detail or "PC/SC" in detail
    return fail(
        "nfc",
        (f"NFC 리더를 쓸 수 없습니다: {detail}", f"The NFC reader cannot be used: {detail}"),
        "PC/SC 서비스를 켜세요: systemctl start pcscd" if pcscd else "리더 USB 케이블을 확인하세요",
        "Start the PC/SC service: systemctl start pcscd" if pcscd else "Reader not found: check its USB cable",
        url,
    )


# --- all of them ------------------------------------------------------------------------------------


@dataclass
class SelfTestKit:
    settings: Settings
    sim_out: Path | None = None
    sync_status: Callable[[], Any] | None = None
    scan_code: str = field(default_factory=new_scan_code)
    backup_dir: Path | None = None
    print_page: bool = False

    def checks(self) -> list[Check]:
        s = self.settings
        out = [
            Check(
                "printer",
                "프린터",
                "Printer",
                lambda: check_printer(s.printer.url, s.printer.profile, self.sim_out),
                6.0,
            ),
        ]
        if self.print_page:
            out.append(
                Check(
                    "test_page",
                    "시험 인쇄",
                    "Test page",
                    lambda: print_test_page(s, self.scan_code, self.sim_out),
                    30.0,
                )
            )
        out += [
            Check("card_terminal", "카드 단말기", "Card terminal", lambda: check_card_terminal(s), 8.0),
            Check("scanner", "스캐너", "Scanner", lambda: check_scanner_port(s), 3.0),
            Check("nfc", "NFC 리더", "NFC reader", lambda: check_nfc_reader(s), 4.0),
            Check("network", "네트워크", "Network", lambda: core.check_network(s.sync.backend_url), 8.0),
        ]
        if self.sync_status is not None:
            status = self.sync_status
            out.append(Check("sync", "프로그램 서버", "Programme backend", lambda: core.check_sync(status), 4.0))
        backup = self.backup_dir or core.env_backup_dir(s.ledger_path)
        out += [
            Check(
                "storage",
                "저장 공간",
                "Storage",
                lambda: core.check_storage(s.data_path, s.ledger_path, backup, s.ledger.device_id),
                8.0,
            ),
            Check("sound", "소리", "Sound", core.check_sound, 2.0),
            Check("versions", "버전", "Versions", lambda: core.check_versions(self.versions()), 2.0),
        ]
        return out

    def versions(self) -> dict[str, str]:
        return core.catalog_versions(self.settings.data_path, self.settings.catalog_path)


def sync_status(settings: Settings, ledger: Any) -> Any:
    """The sync state for the self-test's sync check, from a sync service built for it and closed again."""
    from app.builders.sync import build_sync_service
    from kiosk.ports import SystemClock

    service = build_sync_service(settings, ledger, SystemClock())
    try:
        return service.status()
    finally:
        service.close()


def print_report(settings: Settings, run: Any, sim_out: Path) -> bool:
    """Print a self-test run as its one-page report on the configured printer; True when it printed."""
    import queue

    from app.builders.printing import build_printer
    from hardware.printer.profiles import profile_named
    from kiosk.installer.report import report_document
    from kiosk.receipts.port import PrintJob, PrintOutcome

    printer, _sim = build_printer(settings.printer.url, profile_named(settings.printer.profile), None, sim_out)
    done: queue.Queue[PrintOutcome] = queue.Queue()
    with printer:
        printer.submit(
            PrintJob("selftest-report", "", report_document(run, settings.shop.name, settings.ledger.device_id)),
            done.put,
        )
        try:
            return done.get(timeout=60).ok
        except queue.Empty:
            return False


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- the person checks (the screen) -----------------------------------------------------------------


class _DeviceWatch:
    """A device's own service run for one person check on the screen: `start` builds and starts it (its
    listener reports through `on_result`), `ready` once its port is open, `stop` ends it."""

    def __init__(self, settings: Settings, on_result: Callable[[CheckResult], None]) -> None:
        self.settings = settings
        self.on_result = on_result
        self._service: Any = None

    def _build(self) -> Any:
        raise NotImplementedError

    def start(self) -> None:
        self._service = self._build()
        self._service.start()

    @property
    def ready(self) -> bool:
        """The device's port is open (a code or a tap before that is lost, as with the real device)."""
        return self._service is not None and str(self._service.health) == "ok"

    def stop(self) -> None:
        if self._service is not None:
            self._service.stop()
            self._service = None


class ScanWatch(_DeviceWatch):
    """Waits for the test page's code on the configured scanner (through the real scanner service)."""

    def __init__(self, settings: Settings, expected: str, on_result: Callable[[CheckResult], None]) -> None:
        super().__init__(settings, on_result)
        self.expected = expected
        self._done = threading.Event()

    def _build(self) -> Any:
        from app.devices import scanner
        from kiosk.devices.scanner import CodeScanned

        def listener(event: object) -> None:  # the scanner's worker thread
            if not isinstance(event, CodeScanned) or self._done.is_set():
                return
            if event.code.strip() == self.expected:
                self._done.set()
                found = ("스캐너가 시험 인쇄의 바코드를 읽었습니다", "The scanner read the test page's barcode")
                self.on_result(ok("scanner", found, event.code))
            else:
                self.on_result(
                    needs_check(
                        "scanner",
                        ("다른 코드를 읽었습니다", "Read another code"),
                        "방금 인쇄한 시험 종이의 바코드를 읽어 주세요",
                        "That was another code: scan the barcode on the test page just printed",
                    )
                )

        return scanner(self.settings, listener)

    @property
    def simulator(self) -> Any:
        return getattr(self._service, "simulator", None)


class TapWatch(_DeviceWatch):
    """One card tap on the NFC reader: its kind and a short hash; a bank card is named and refused."""

    def _build(self) -> Any:
        from app.devices import nfc_reader
        from kiosk.devices.nfc import CardKind, CardTapped

        def listener(event: object) -> None:
            if not isinstance(event, CardTapped):
                return
            short = (event.uid_hash or "")[:8] or "-"
            if event.kind is CardKind.PAYMENT:
                self.on_result(
                    ok(
                        "nfc",
                        (
                            "은행 카드입니다: 읽지 않았습니다 (결제는 카드 단말기에서)",
                            "A bank card: not read (payments go through the card terminal)",
                        ),
                        "리더가 은행 카드를 알아보고 거절했습니다 — 정상 / bank card recognised and refused",
                        kind=str(event.kind),
                    )
                )
                return
            self.on_result(
                ok(
                    "nfc",
                    (f"카드를 읽었습니다: {event.kind} #{short}", f"Card read: {event.kind} #{short}"),
                    kind=str(event.kind),
                    short_hash=short,
                )
            )

        return nfc_reader(self.settings, listener)

    @property
    def driver(self) -> Any:
        return getattr(self._service, "driver", None)


def wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
