"""The ports the voice guidance needs from the machine: clips of speech, and the earphone jack. hardware/audio
implements them; app/voice.py wires them to ui/voice (which never imports hardware)."""

from __future__ import annotations

from typing import Protocol


class ClipSource(Protocol):
    """WAV bytes of a normalised text in a language at a rate index (pre-rendered or rendered now, cached)."""

    def clip(self, spoken: str, language: str, rate: int) -> bytes: ...

    def speaks(self, language: str) -> bool:
        """Whether there is a voice for `language` (else the policy speaks Korean and says so on screen)."""
        ...


class EarphoneJack(Protocol):
    """The headphone-jack switch: a file descriptor to watch (a QSocketNotifier in ui/voice), the state at
    start, and the changes that are ready to read once the descriptor is readable."""

    def fileno(self) -> int: ...

    def inserted_at_start(self) -> bool: ...

    def read_changes(self) -> list[bool]:
        """Each jack change readable now, in order (True: plugged in); [] if none is complete yet."""
        ...

    def close(self) -> None: ...
