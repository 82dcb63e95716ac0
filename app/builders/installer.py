"""The installer's mode: its view-model (`build(ctx)`, registered in app/builders/modes.py) over an
`InstallerBackend` built here from the real drivers, and `start_setup(window)`, which `kiosk run` calls on a
terminal that is not set up (or with --setup): the set-up person is let in without a PIN — there is no
register yet — as the installer role, into the installer mode, and idle sign-out waits until set-up is done."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import DEMO_CONFIG, Settings
from kiosk.installer.selftest import Check, CheckResult, SelfTestRun
from kiosk.installer.wizard import Detected, Wizard
from kiosk.session.modes import Mode

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from app.builders.modes import ModeContext
    from kiosk.ledger.ledger import Ledger
    from kiosk.ports import Clock
    from kiosk.staff.service import StaffService

log = logging.getLogger(__name__)
SETUP_NAME = "설치 기사"


def settings_path(settings: Settings) -> Path:
    """Where the wizard writes: the config file in use, except the shipped demo's (the repository's file is
    never rewritten): then `<data_dir>/kiosk.toml`."""
    source = Path(settings.source) if settings.source not in ("", "<defaults>") else None
    if source is None or source.resolve() == DEMO_CONFIG.resolve():
        return settings.data_path / "kiosk.toml"
    return source


class InstallerServices:
    """`kiosk.installer.ports.InstallerBackend` on this terminal's ledger, staff register and devices."""

    def __init__(
        self,
        settings: Settings,
        ledger: Ledger,
        clock: Clock,
        staff: StaffService,
        *,
        network_hosts: Callable[[], list[str]] | None = None,
    ) -> None:
        from kiosk.ports import SystemClock

        self.ledger = ledger
        self.clock = clock or SystemClock()
        self.staff = staff
        self._network_hosts = network_hosts
        self.wizard = Wizard(
            settings,
            settings_path(settings),
            journal=ledger,
            enroll=self._enroll,
            init_owner=self._init_owner,
            owner_exists=staff.owner_set_up,
        )

    def _init_owner(self, name: str, pin: str) -> None:
        self.staff.init_owner(name, pin)

    @property
    def settings(self) -> Settings:
        return self.wizard.settings

    def _enroll(self, backend_url: str, code: str, business_number: str) -> str:
        from kiosk.sync.service import SyncService

        service = SyncService(self.ledger, self.settings.data_path, self.clock, backend_url=backend_url)
        try:
            return service.enroll(backend_url, code, business_number)
        finally:
            service.close()

    def detect(self, scan_network: bool) -> tuple[list[Detected], str]:
        from hardware import discovery
        from kiosk.installer.wizard import detect

        def pcsc() -> tuple[list[str], str | None]:
            try:
                return discovery.pcsc_readers()
            except Exception as exc:  # pcsc-lite not installed at all
                return [], f"PC/SC: {exc}"

        hosts = self._network_hosts or discovery.local_segment_hosts
        return detect(
            pcsc=pcsc,
            serial=discovery.serial_ports,
            usb_printers=discovery.usb_printers,
            network_printers=(lambda: discovery.network_printers(hosts())) if scan_network else None,
        )

    def checks(self, print_page: bool) -> tuple[list[Check], str]:
        from app.builders.selftest import SelfTestKit, sync_status

        kit = SelfTestKit(
            self.settings,
            sim_out=self.settings.data_path / "printer-sim",
            sync_status=lambda: sync_status(self.settings, self.ledger),
            print_page=print_page,
        )
        return kit.checks(), kit.scan_code

    def versions(self) -> dict[str, str]:
        from app.builders.selftest import SelfTestKit

        return SelfTestKit(self.settings).versions()

    def save_run(self, run: SelfTestRun) -> None:
        from kiosk.installer import report

        report.save(run, self.settings.data_path)
        report.record(run, self.ledger)

    def scan_watch(self, expected: str, on_result: Callable[[CheckResult], None]) -> Any:
        from app.builders.selftest import ScanWatch

        return ScanWatch(self.settings, expected, on_result)

    def tap_watch(self, on_result: Callable[[CheckResult], None]) -> Any:
        from app.builders.selftest import TapWatch

        return TapWatch(self.settings, on_result)

    def print_report(self, run: SelfTestRun) -> bool:
        from app.builders.selftest import print_report

        return print_report(self.settings, run, self.settings.data_path / "printer-sim")

    def write_bundle(self) -> str:
        """The support bundle on the USB stick ($KIOSK_USB_DIR or the first removable mount)."""
        import os
        from datetime import UTC, datetime

        from app.commands.selftest import ledger_health
        from kiosk.installer import bundle, report

        target = Path(os.environ["KIOSK_USB_DIR"]) if os.environ.get("KIOSK_USB_DIR") else None
        if target is None:
            mounts = bundle.removable_mounts()
            if not mounts:
                raise bundle.BundleError("USB 저장장치를 꽂으세요 / plug in a USB stick")
            target = mounts[0]
        lines, _dropped = bundle.log_tail(sorted(self.settings.data_path.glob("*.log")))
        last = report.load_last(self.settings.data_path)
        detected, _problem = self.detect(False)
        parts = bundle.BundleParts(
            versions=self.versions(),
            settings=bundle.allowed_settings(self.settings),
            selftest=last.to_json() if last is not None else None,
            devices=[dict(vars(d)) for d in detected],
            log_lines=lines,
            ledger_health=ledger_health(self.settings),
        )
        now = datetime.now(UTC)
        return str(bundle.write_bundle(bundle.render(parts, now), target, self.settings.ledger.device_id, now))


def build(ctx: ModeContext) -> QObject:
    from ui.installer.viewmodel import InstallerViewModel

    settings = ctx.settings
    if settings_path(settings) != Path(settings.source):
        # The shipped demo (kiosk run --setup): the wizard writes its own file and can be finished there.
        settings = replace(settings, setup=replace(settings.setup, done=False))
    services = InstallerServices(settings, ctx.ledger, ctx.clock, ctx.staff)
    vm = InstallerViewModel(services, ctx.bridge)
    # Nobody is signed out in the middle of a set-up (the set-up person has no PIN to come back with): while
    # the installer's screens are up. Not after: on the demo (set-up never "done") that kept everyone who
    # signed in later, the owner included, from the idle sign-out until the kiosk restarted.
    router = ctx.staff_session.router
    ctx.busy.append(lambda: router.mode is Mode.INSTALLER and not services.settings.setup.done)
    ctx.busy.append(vm.busy)
    return vm


def start_setup(window: Any, on_finished: Callable[[], None] | None = None) -> str:
    """Let the set-up person in (installer role, no PIN: a terminal that is not set up has no register)
    and enter the installer mode. `on_finished`: called when the set-up is done (`kiosk run` quits with
    status 0 and the service manager starts it again with the new settings, devices and mode). Returns ""
    or the refusal."""
    from kiosk.session.modes import Mode, Role, SignedIn

    session = window.staff.session
    if session is None:
        return "not_ready"
    session.who = SignedIn(Role.INSTALLER, "setup", SETUP_NAME)
    refusal = str(window.staff.enterMode(Mode.INSTALLER.value))
    vm = window.modes.viewModel
    if not refusal and on_finished is not None and vm is not None:
        vm.setupFinished.connect(on_finished)
    return refusal
