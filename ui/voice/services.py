"""What the window needs for voice guidance, as plain values: built by app/voice.py (by `kiosk run` on its
startup thread, after the first frame) without loading the voice modules themselves (ui/voice/controller.py
loads with the ledger side)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.voice.ports import ClipSource, EarphoneJack


@dataclass(frozen=True)
class VoiceKeys:
    """Key names as QKeySequence reads them ("F2", "*", "Help"); "" for none."""

    start: str = "F2"
    repeat: str = "F3"
    slower: str = "F4"
    faster: str = "F5"
    softer: str = "F6"
    louder: str = "F7"

    def codes(self) -> dict[int, str]:
        from PySide6.QtGui import QKeySequence

        out: dict[int, str] = {}
        for action in ("start", "repeat", "slower", "faster", "softer", "louder"):
            name = getattr(self, action)
            seq = QKeySequence(name) if name else QKeySequence()
            if not seq.isEmpty():
                out[seq[0].key().value] = action  # type: ignore[index]  # PySide6's stub lacks __getitem__
        return out


@dataclass(frozen=True)
class VoiceServices:
    """What the composition root (app/voice.py) hands the window: the clips (espeak-ng and the clip cache
    behind a port), the earphone jack if there is one, the voice keys, and whether to play into buffers
    instead of a sound card."""

    clips: ClipSource
    jack: EarphoneJack | None = None
    keys: VoiceKeys = VoiceKeys()
    buffer: bool = False
    names_ahead: bool = True  # render the menu's spoken names on the voice worker once voice is on
