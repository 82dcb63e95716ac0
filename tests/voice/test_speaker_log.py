"""The speaker's log of what it played is bounded: a kiosk with voice guidance runs for months (issue 11's
soak; each phrase said, cut or ended was kept for good)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QGuiApplication

from hardware.audio.clips import ClipCache
from hardware.audio.espeak import Espeak
from ui.voice.speaker import PLAYED_KEPT, TONE, QtSpeaker


def test_the_played_log_keeps_the_latest_events_only(qapp: QGuiApplication, tmp_path: Path) -> None:
    # QtMultimedia's FFmpeg backend reports the hardware decoders it cannot load (no VA-API here): not ours.
    QLoggingCategory.setFilterRules("qt.multimedia.*=false\nqt.multimedia.*.debug=false")
    speaker = QtSpeaker(ClipCache(Espeak("espeak-ng"), tmp_path / "clips"), buffer=True)
    try:
        for _ in range(2 * PLAYED_KEPT):  # each: the one playing is cut, the new one plays
            speaker.tone(3, seconds=0.01)
        assert PLAYED_KEPT <= len(speaker.played) < 2 * PLAYED_KEPT
        assert speaker.played[-1].event == "play" and speaker.played[-1].text == TONE
        assert [p.event for p in speaker.played[-3:]] == ["play", "cut", "play"]
    finally:
        speaker.close()
        QLoggingCategory.setFilterRules("")
