"""The real kiosk window with voice guidance that plays into buffers (no sound card) and an earphone jack
that is a FIFO carrying kernel-format input events."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLoggingCategory
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
from ui.voice.controller import VoiceController
from ui.voice.speaker import QtSpeaker


@dataclass
class VoiceKiosk:
    k: Kiosk
    jack_writer: int  # write end of the jack FIFO

    @property
    def voice(self) -> VoiceController:
        voice = self.k.kw.voice
        assert voice is not None
        return voice

    @property
    def speaker(self) -> QtSpeaker:
        speaker = self.voice.policy.speaker
        assert isinstance(speaker, QtSpeaker)
        return speaker

    def said(self) -> list[str]:
        return self.voice.policy.spoken_texts()

    def wait_playing(self, text: str, timeout: int = 5000) -> None:
        """Until `text` has started to play (rendered by espeak-ng on the worker, decoded by QMediaPlayer)."""
        self.k.qtbot.waitUntil(
            lambda: any(p.event == "play" and p.text == text for p in self.speaker.played), timeout=timeout
        )


@pytest.fixture
def voice_kiosk(qtbot: Any, tmp_path: Path, compiled_translations: None) -> Iterator[Callable[..., VoiceKiosk]]:
    # QtMultimedia's FFmpeg backend reports the hardware decoders it cannot load (no VA-API here): not ours.
    QLoggingCategory.setFilterRules("qt.multimedia.*=false\nqt.multimedia.*.debug=false")
    made: list[tuple[VoiceKiosk, Ledger]] = []

    def make(
        language: str = "ko", size: tuple[int, int] = (1080, 1920), names_ahead: bool = False, espeak_data: str = ""
    ) -> VoiceKiosk:
        fifo = tmp_path / f"jack{len(made)}"
        os.mkfifo(fifo)
        base: Settings = load_settings(env={})
        settings = replace(
            base,
            data_dir=str(tmp_path / "data"),
            ui=replace(base.ui, language=language),
            voice=replace(
                base.voice, output="buffer", jack_device=str(fifo), names_ahead=names_ahead, espeak_data=espeak_data
            ),
        )
        clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
        ledger = Ledger.open(tmp_path / f"ledger{len(made)}.sqlite3", clock=clock, tz=settings.tz)
        provider = SimulatedPaymentProvider(delay_seconds=0.05)
        catalog = load_catalog(settings.catalog_path)
        printing, sim = make_printing(settings, ledger)
        kw = open_window(settings, catalog, clock, windowed=True, size=size, tick_ms=20)
        attach_window(kw, ledger, provider, printing=printing, staff=StaffService(ledger, hasher=CHEAP))
        writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        vk = VoiceKiosk(Kiosk(kw, ledger, clock, provider, catalog, qtbot, sim), writer)
        made.append((vk, ledger))
        qtbot.waitExposed(kw.window)
        return vk

    yield make
    for vk, ledger in made:
        vk.k.kw.close()
        os.close(vk.jack_writer)
        ledger.close()
    QGuiApplication.processEvents()
    QLoggingCategory.setFilterRules("")
