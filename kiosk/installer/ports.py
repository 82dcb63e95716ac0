"""What the installer's screens need from the composition root (app/builders/installer.py builds it around
the real drivers; the view-model only sees this protocol)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from kiosk.installer.selftest import Check, CheckResult, SelfTestRun
from kiosk.installer.wizard import Detected, Wizard


class Watch(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


class InstallerBackend(Protocol):
    wizard: Wizard

    def detect(self, scan_network: bool) -> tuple[list[Detected], str]: ...

    def checks(self, print_page: bool) -> tuple[list[Check], str]:
        """The self-test's checks for the settings as they are now, and the test page's barcode content."""
        ...

    def versions(self) -> dict[str, str]: ...

    def save_run(self, run: SelfTestRun) -> None: ...

    def scan_watch(self, expected: str, on_result: Callable[[CheckResult], None]) -> Watch: ...

    def tap_watch(self, on_result: Callable[[CheckResult], None]) -> Watch: ...

    def print_report(self, run: SelfTestRun) -> bool: ...

    def write_bundle(self) -> str: ...
