"""2D scanner port: a scanned code as a plain event (customer-presented payment codes, coupons)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class CodeScanned:
    device: str  # configured name, "scanner"
    code: str  # the code as scanned, without its CR / LF terminator
    at: datetime
    # monotonic time the terminator arrived, for latency measurement; not wall-clock
    received: float = 0.0


class Scanner(Protocol):
    """A code scanner service; codes and health go to the listener given at construction."""

    def start(self) -> None: ...

    def stop(self) -> None: ...
