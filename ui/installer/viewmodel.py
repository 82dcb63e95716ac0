"""The installer's mode: the first set-up wizard and the self-test checklist (issue 16). Properties and
slots only: every step is done by the core's `Wizard` and the composition root's `InstallerBackend`
(kiosk/installer/ports.py); anything slow (enrollment, the owner's PIN hash, discovery, the checks, the
scanner and the NFC reader) runs on worker threads, and results come back through the GuiBridge."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from kiosk.installer.ports import InstallerBackend, Watch
from kiosk.installer.report import TITLES
from kiosk.installer.selftest import CheckResult, SelfTestRun, fail, ok, run_checks
from kiosk.installer.wizard import ROLES, STEPS, WizardError
from ui.bridge import GuiBridge

STEP_TITLES = {
    "language": ("언어", "Language"),
    "shop": ("가게 정보", "Shop"),
    "enroll": ("등록", "Enrollment"),
    "devices": ("장치", "Devices"),
    "owner": ("사장님 PIN", "Owner PIN"),
    "mode": ("사용 방식", "Mode"),
    "selftest": ("자가 점검", "Self-test"),
}
ROLE_TITLES = {
    "printer": ("영수증 프린터", "Receipt printer"),
    "card_terminal": ("카드 단말기", "Card terminal"),
    "scanner": ("스캐너", "Scanner"),
    "nfc": ("NFC 리더", "NFC reader"),
}
PERSON_CHECKS = ("test_page", "screen", "sound")


class InstallerViewModel(QObject):
    changed = Signal()  # the wizard's step, values, busy state or the last message
    resultsChanged = Signal()
    devicesChanged = Signal()
    setupFinished = Signal()  # the set-up is done: `kiosk run` restarts with the new settings

    def __init__(self, backend: InstallerBackend, bridge: GuiBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.bridge = bridge
        self._busy = False
        self._message = ""
        self._error = False
        self._detected: list[dict[str, str]] = []
        self._detect_problem = ""
        self._detected_once = False
        s = backend.wizard.settings
        self._assignment: dict[str, str] = {
            "printer": s.printer.url,
            "card_terminal": s.card_terminal.url,
            "scanner": s.scanner.url,
            "nfc": s.nfc.reader,
        }
        self._profile = s.printer.profile
        self._order: list[str] = []
        self._results: dict[str, CheckResult] = {}
        self._running = False
        self._started_at = ""
        self._first_result_ms = -1.0
        self._t0: float | None = None
        self._scan_code = ""
        self._page_image = ""
        self._watches: list[Watch] = []
        self._threads: list[threading.Thread] = []

    # --- plumbing ---------------------------------------------------------------------------------

    def _work(self, name: str, job: Callable[[], Any], done: Callable[[Any, BaseException | None], None]) -> None:
        """Run `job` on a worker thread; `done(value, error)` on the GUI thread."""
        self._set_busy(True)

        def run() -> None:
            try:
                value, error = job(), None
            except BaseException as exc:  # handed to the GUI thread, which says it in one line
                value, error = None, exc
            self.bridge.post(lambda: self._finish_work(done, value, error))

        t = threading.Thread(target=run, name=f"installer-{name}", daemon=True)
        self._threads = [x for x in self._threads if x.is_alive()] + [t]
        t.start()

    def _finish_work(
        self, done: Callable[[Any, BaseException | None], None], value: Any, error: BaseException | None
    ) -> None:
        self._set_busy(False)
        done(value, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.changed.emit()

    def _say(self, message: str, error: bool = False) -> None:
        self._message, self._error = message, error
        self.changed.emit()

    def busy(self) -> bool:
        """Something is running (ModeContext.busy: no idle sign-out meanwhile)."""
        return self._busy or self._running

    def close(self) -> None:
        for w in self._watches:
            w.stop()
        self._watches.clear()
        for t in self._threads:
            t.join(10)

    # --- wizard state -----------------------------------------------------------------------------

    def _step(self) -> str:
        return self.backend.wizard.step

    def _steps(self) -> list[dict[str, Any]]:
        done = set(self.backend.wizard.state.done)
        return [
            {"id": s, "ko": STEP_TITLES[s][0], "en": STEP_TITLES[s][1], "done": s in done, "current": s == self._step()}
            for s in STEPS
        ]

    def _settings_value(self, key: str) -> str:
        s = self.backend.wizard.settings
        section, _, name = key.partition(".")
        return str(getattr(getattr(s, section), name))

    def _shop(self) -> dict[str, str]:
        s = self.backend.wizard.settings.shop
        return {
            "name": s.name,
            "businessNumber": s.business_number,
            "owner": s.owner,
            "address": s.address,
            "phone": s.phone,
        }

    def _enrolled(self) -> str:
        return str(self.backend.wizard.state.values.get("enroll", {}).get("terminal_id", ""))

    step = Property(str, _step, notify=changed)
    steps = Property(list, _steps, notify=changed)
    shop = Property(dict, _shop, notify=changed)
    terminalId = Property(str, _enrolled, notify=changed)
    isBusy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    messageIsError = Property(bool, lambda self: self._error, notify=changed)
    language = Property(str, lambda self: self.backend.wizard.settings.ui.language, notify=changed)
    backendUrl = Property(str, lambda self: self.backend.wizard.settings.sync.backend_url, notify=changed)
    terminalMode = Property(str, lambda self: self.backend.wizard.settings.setup.terminal_mode, notify=changed)
    ownerSet = Property(bool, lambda self: self.backend.wizard.owner_is_set(), notify=changed)
    setUp = Property(bool, lambda self: self.backend.wizard.settings.setup.done, notify=changed)

    @Slot(str)
    def goTo(self, step: str) -> None:
        try:
            self.backend.wizard.go(step)
            self._say("")
        except WizardError as exc:
            self._say(str(exc), True)

    def _sync_step(self, call: Callable[[], None]) -> str:
        try:
            call()
        except WizardError as exc:
            self._say(str(exc), True)
            return str(exc)
        self._say("")
        return ""

    @Slot(str, result=str)
    def setLanguage(self, language: str) -> str:
        return self._sync_step(lambda: self.backend.wizard.set_language(language))

    @Slot(str, str, str, str, str, result=str)
    def saveShop(self, name: str, business_number: str, owner: str, address: str, phone: str) -> str:
        return self._sync_step(lambda: self.backend.wizard.set_shop(name, business_number, owner, address, phone))

    @Slot(str, str)
    def enroll(self, backend_url: str, code: str) -> None:
        def done(value: Any, error: BaseException | None) -> None:
            if error is not None:
                self._say(str(error), True)
            else:
                self._say(f"등록 완료 / enrolled: {value}")

        self._work("enroll", lambda: self.backend.wizard.enroll(backend_url, code), done)

    @Slot()
    def skipEnroll(self) -> None:
        self._sync_step(self.backend.wizard.skip_enroll)

    # --- devices ----------------------------------------------------------------------------------

    def _devices(self) -> list[dict[str, str]]:
        return self._detected

    def _roles(self) -> list[dict[str, str]]:
        return [
            {"role": r, "ko": ROLE_TITLES[r][0], "en": ROLE_TITLES[r][1], "address": self._assignment.get(r, "")}
            for r in ROLES
        ]

    devices = Property(list, _devices, notify=devicesChanged)
    roles = Property(list, _roles, notify=devicesChanged)
    detectProblem = Property(str, lambda self: self._detect_problem, notify=devicesChanged)
    detected = Property(bool, lambda self: self._detected_once, notify=devicesChanged)
    profile = Property(str, lambda self: self._profile, notify=devicesChanged)

    @Slot(bool)
    def detectDevices(self, scan_network: bool) -> None:
        def done(value: Any, error: BaseException | None) -> None:
            if error is not None:
                self._say(f"장치를 찾지 못했습니다 / detection failed: {error}", True)
                return
            found, problem = value
            self._detected = [{"kind": d.kind, "address": d.address, "detail": d.detail, "role": d.role} for d in found]
            self._detect_problem = problem
            self._detected_once = True
            for d in found:  # suggest each recognised device for its role, unless one is chosen already
                if d.role and self._assignment.get(d.role, "").startswith("sim:"):
                    self._assignment[d.role] = d.address
            self.devicesChanged.emit()

        self._work("detect", lambda: self.backend.detect(scan_network), done)

    @Slot(str, str)
    def assign(self, role: str, address: str) -> None:
        if role in ROLES:
            self._assignment[role] = address
            self.devicesChanged.emit()

    @Slot(str)
    def setProfile(self, profile: str) -> None:
        self._profile = profile
        self.devicesChanged.emit()

    @Slot(result=str)
    def saveDevices(self) -> str:
        return self._sync_step(lambda: self.backend.wizard.set_devices(dict(self._assignment), self._profile))

    # --- owner and mode ---------------------------------------------------------------------------

    @Slot(str, str, str)
    def setOwner(self, name: str, pin: str, pin_again: str) -> None:
        def done(_value: Any, error: BaseException | None) -> None:
            self._say(str(error), True) if error is not None else self._say("사장님 PIN을 저장했습니다 / owner PIN set")

        self._work("owner", lambda: self.backend.wizard.set_owner(name, pin, pin_again), done)

    @Slot(str, result=str)
    def setMode(self, mode: str) -> str:
        return self._sync_step(lambda: self.backend.wizard.set_mode(mode))

    # --- the self-test ----------------------------------------------------------------------------

    def _checklist(self) -> list[dict[str, Any]]:
        out = []
        for cid in self._order:
            r = self._results.get(cid)
            ko, en = TITLES.get(cid, (cid, cid))
            out.append(
                {
                    "id": cid,
                    "ko": ko,
                    "en": en,
                    "outcome": r.outcome.value if r else "running",
                    "label": r.outcome.korean if r else "점검 중",
                    "labelEn": r.outcome.english if r else "Checking",
                    "found": r.found if r else "",
                    "foundEn": (r.found_en or r.found) if r else "",
                    "todoKo": r.todo_ko if r else "",
                    "todoEn": r.todo_en if r else "",
                    "details": list(r.details) if r else [],
                }
            )
        return out

    def _overall(self) -> str:
        done = [r for r in self._results.values()]
        if not done:
            return ""
        return SelfTestRun("", tuple(done)).outcome.value

    checklist = Property(list, _checklist, notify=resultsChanged)
    running = Property(bool, lambda self: self._running, notify=resultsChanged)
    overall = Property(str, _overall, notify=resultsChanged)
    firstResultMs = Property(float, lambda self: self._first_result_ms, notify=resultsChanged)
    pageImage = Property(
        QUrl, lambda self: QUrl.fromLocalFile(self._page_image) if self._page_image else QUrl(), notify=resultsChanged
    )
    scanCode = Property(str, lambda self: self._scan_code, notify=resultsChanged)
    scannerSimulated = Property(
        bool, lambda self: self.backend.wizard.settings.scanner.url.startswith("sim:"), notify=changed
    )

    def _result(self, result: CheckResult) -> None:  # GUI thread
        if self._first_result_ms < 0 and self._t0 is not None:  # a person's verdict may come before any run
            self._first_result_ms = (time.monotonic() - self._t0) * 1000
        self._results[result.check] = result
        if result.check == "test_page" and result.extra.get("page_image"):
            self._page_image = str(result.extra["page_image"])
        self.resultsChanged.emit()
        if not self._running:
            self._save()

    @Slot()
    def runSelfTest(self) -> None:
        if self._running:
            return
        self._stop_watches()
        checks, self._scan_code = self.backend.checks(True)
        self._order = [c.id for c in checks] + [c for c in PERSON_CHECKS if c not in {x.id for x in checks}]
        self._results = {}
        self._page_image = ""
        self._first_result_ms = -1.0
        self._t0 = time.monotonic()
        self._started_at = datetime.now(UTC).isoformat(timespec="seconds")
        self._running = True
        self.resultsChanged.emit()
        post = self.bridge.forward(self._result)

        def job() -> None:
            run_checks(checks, post)

        def done(_value: Any, error: BaseException | None) -> None:
            self._running = False
            self.resultsChanged.emit()
            self._save()
            if error is not None:
                self._say(f"점검 중 오류 / self-test error: {error}", True)

        self._work("selftest", job, done)

    def _save(self) -> None:
        results = tuple(self._results[c] for c in self._order if c in self._results)
        if results:
            run = SelfTestRun(self._started_at, results, self.backend.versions())
            self.backend.save_run(run)

    def _stop_watches(self) -> None:
        for w in self._watches:
            w.stop()
        self._watches.clear()

    @Slot()
    def startScanCheck(self) -> None:
        """Wait for the test page's barcode on the scanner."""
        if not self._scan_code:
            self._say("먼저 점검을 시작해 시험 인쇄를 하세요 / run the self-test first (it prints the page)", True)
            return
        watch = self.backend.scan_watch(self._scan_code, self.bridge.forward(self._result))
        self._watches.append(watch)
        self._work(
            "scanner",
            watch.start,
            lambda _v, e: self._say(str(e), True) if e else self._say("바코드를 읽어 주세요 / scan the barcode"),
        )

    @Slot()
    def startTapCheck(self) -> None:
        watch = self.backend.tap_watch(self.bridge.forward(self._result))
        self._watches.append(watch)
        self._work(
            "nfc",
            watch.start,
            lambda _v, e: self._say(str(e), True) if e else self._say("카드를 대 주세요 / tap a card"),
        )

    @Slot()
    def simulateScan(self) -> None:
        """The demo's simulated scanner reads the page's code (a real scanner is used by hand)."""
        for w in self._watches:
            sim = getattr(w, "simulator", None)
            if sim is not None and getattr(w, "ready", False):
                sim.scan(self._scan_code)
                return
        self._say("시뮬레이터 스캐너가 준비되지 않았습니다 / the simulated scanner is not ready", True)

    @Slot(str, bool)
    def confirm(self, check: str, good: bool) -> None:
        """The installer's verdict on what only a person can see or hear: the printed page, the screen and
        touch, the sound (the test phrase, the tone, the volume steps, the earphone jack)."""
        if check not in PERSON_CHECKS:
            return
        what = {"test_page": "시험 인쇄", "screen": "화면과 터치", "sound": "소리"}[check]
        todo = {
            "test_page": (
                "프린터 용지 방향·헤드 청소를 확인하세요",
                "Check the paper roll's direction and clean the head",
            ),
            "screen": ("화면 케이블과 터치 보정을 확인하세요", "Check the screen cable and touch calibration"),
            "sound": (
                "스피커 케이블·전원과 음량, 이어폰 잭 연결을 확인하세요",
                "Check the speaker's cable, power and volume, and the earphone jack's cable",
            ),
        }[check]
        result = (
            ok(check, (f"{what}: 설치 기사가 확인함", f"{what}: confirmed by the installer"))
            if good
            else fail(check, (f"{what}: 이상 있음", f"{what}: reported as faulty by the installer"), *todo)
        )
        if check not in self._order:
            self._order.append(check)
        self._result(result)

    @Slot(result=str)
    def printReport(self) -> str:
        results = tuple(self._results[c] for c in self._order if c in self._results)
        if not results:
            return "먼저 점검하세요 / run the self-test first"
        run = SelfTestRun(self._started_at, results, self.backend.versions())
        self._work(
            "report",
            lambda: self.backend.print_report(run),
            lambda v, e: self._say(
                "점검 결과를 인쇄했습니다 / report printed" if v else f"인쇄하지 못했습니다 / not printed {e or ''}",
                not v,
            ),
        )
        return ""

    @Slot()
    def writeBundle(self) -> None:
        self._work(
            "bundle",
            self.backend.write_bundle,
            lambda v, e: self._say(
                f"지원 파일 저장 / bundle written: {Path(v).name}" if e is None else str(e), e is not None
            ),
        )

    @Slot(result=str)
    def finish(self) -> str:
        outcome = self._overall() or "not_run"
        err = self._sync_step(lambda: self.backend.wizard.finish(outcome))
        if not err:
            self._say("설정이 끝났습니다. 새 설정으로 다시 시작합니다 / set-up done: restarting")
            self.setupFinished.emit()
        return err
