"""The modes other than the customer's: what the composition root hands each mode's builder
(`ModeContext`), and which module builds each mode's view-model (`MODE_BUILDERS`). A builder module has
`build(ctx: ModeContext) -> QObject`; it is imported the first time its mode is entered, never at
start-up. See docs/ARCHITECTURE.md, "Modes"."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.session.modes import Mode

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from kiosk.config import Settings
    from kiosk.domain.catalog import Catalog
    from kiosk.ledger.ledger import Ledger
    from kiosk.payments.port import PaymentProvider
    from kiosk.payments.service import PaymentService
    from kiosk.ports import Clock
    from kiosk.session.customer import CustomerSession
    from kiosk.session.wiring import Printing
    from kiosk.staff.service import StaffService
    from kiosk.staff.session import StaffSession
    from ui.bridge import GuiBridge

# Mode -> the module whose `build(ctx)` makes its view-model (one line per mode, added with its screens).
MODE_BUILDERS: dict[Mode, str] = {}


@dataclass
class ModeContext:
    """What the kiosk has once its ledger side is up. `busy`: checks a mode adds that say "don't sign out
    now" (a refund in progress); the idle sign-out asks them all."""

    settings: Settings
    catalog: Catalog
    ledger: Ledger
    clock: Clock
    data_dir: Path
    staff: StaffService
    staff_session: StaffSession
    provider: PaymentProvider
    payments: PaymentService | None
    customer: CustomerSession
    bridge: GuiBridge
    printing: Printing | None = None
    busy: list[Callable[[], bool]] = field(default_factory=list)

    def is_busy(self) -> bool:
        return any(check() for check in self.busy)


def build_mode_view_model(mode: Mode, ctx: ModeContext) -> QObject:
    build: Callable[[ModeContext], QObject] = importlib.import_module(MODE_BUILDERS[mode]).build
    return build(ctx)
