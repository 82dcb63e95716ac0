"""The real kiosk window, offscreen, on a real ledger file, with a fake clock, a fast simulated payment
provider, the real ReceiptService printing to the in-process printer simulator and the real staff register
(with a cheap PIN hash): the `make_kiosk` fixture, for every test package (registered in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from app.builders.window import attach_window, open_window
from kiosk.config import Settings, load_settings
from kiosk.domain.catalog import load_catalog
from kiosk.ledger.ledger import Ledger
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import FakeClock
from kiosk.staff.service import StaffService
from tests.helpers.kiosk import Kiosk, make_printing
from tests.helpers.staff import CHEAP
from ui import translations


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    assert translations.build() == 0


@pytest.fixture
def make_kiosk(qtbot: Any, tmp_path: Path, compiled_translations: None) -> Iterator[Callable[..., Kiosk]]:
    made: list[Kiosk] = []

    def make(
        size: tuple[int, int] = (1080, 1920),
        scale: float = 1.0,
        palette: str = "normal",
        windowed: bool = True,
        catalog_path: Path | None = None,
        attach: bool = True,
        ledger_file: str = "",
        language: str = "",
    ) -> Kiosk:
        """The kiosk window; `attach=False`: as `kiosk run` shows it before the ledger side is up (the
        test calls `k.kw.attach(...)` itself). `ledger_file`: a name in the test's folder, to open the same
        ledger (and the files beside it) again after `k.close()`, as a restart does; `language`: the
        terminal's language (`ui.language`) instead of Korean."""
        base: Settings = load_settings(env={})
        ui = replace(base.ui, scale=scale, palette=palette, **({"language": language} if language else {}))
        settings = replace(base, ui=ui)
        if catalog_path is not None:
            settings = replace(settings, catalog=str(catalog_path))
        clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
        ledger = Ledger.open(tmp_path / (ledger_file or f"ledger{len(made)}.sqlite3"), clock=clock, tz=settings.tz)
        provider = SimulatedPaymentProvider(delay_seconds=0.05)
        catalog = load_catalog(settings.catalog_path)
        printing, sim = make_printing(settings, ledger)
        kw = open_window(settings, catalog, clock, windowed=windowed, size=size, tick_ms=20)
        if attach:
            attach_window(kw, ledger, provider, printing=printing, staff=StaffService(ledger, hasher=CHEAP))
        kiosk = Kiosk(kw, ledger, clock, provider, catalog, qtbot, sim)
        made.append(kiosk)
        qtbot.waitExposed(kw.window)
        return kiosk

    yield make
    for k in made:
        k.close()
    QGuiApplication.processEvents()
