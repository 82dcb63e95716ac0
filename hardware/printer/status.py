"""Real-time status (`DLE EOT n`) decoded into what staff need to know.

No reply means unknown, never fine (python-escpos's `paper_status()` says "plenty" when nothing came
back). Query only between jobs, never in the middle of image data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.devices.health import Health

QUERIES = (1, 2, 4)


def dle_eot(n: int) -> bytes:
    return bytes((0x10, 0x04, n))


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    offline: bool = False
    drawer_open: bool = False
    cover_open: bool = False
    paper_end_stop: bool = False
    paper_near_end: bool = False
    paper_out: bool = False

    @staticmethod
    def decode(printer: int, offline_cause: int, paper: int) -> PrinterStatus:
        return PrinterStatus(
            offline=bool(printer & 0x08),
            drawer_open=bool(printer & 0x04),
            cover_open=bool(offline_cause & 0x04),
            paper_end_stop=bool(offline_cause & 0x20),
            paper_near_end=bool(paper & 0x0C),
            paper_out=bool(paper & 0x60),
        )

    def health(self) -> tuple[Health, str, str]:
        """(health, detail, message for staff)."""
        if self.paper_out or self.paper_end_stop:
            return Health.LOST, "paper_out", "프린터 용지가 없습니다. 용지를 넣어 주세요."
        if self.cover_open:
            return Health.LOST, "cover_open", "프린터 덮개가 열려 있습니다. 덮개를 닫아 주세요."
        if self.offline:
            return Health.LOST, "offline", "프린터가 오프라인입니다. 전원과 오류 표시등을 확인하세요."
        if self.paper_near_end:
            return Health.DEGRADED, "paper_near_end", "프린터 용지가 곧 떨어집니다. 새 용지를 준비하세요."
        return Health.OK, "connected", "프린터 정상"

    def describe(self) -> str:
        h, detail, message = self.health()
        flags = [name for name in self.__slots__ if getattr(self, name)]
        return f"{h.value} ({detail}): {message}" + (f" [{', '.join(flags)}]" if flags else "")


def query_status(
    write: Callable[[bytes], None], read_one: Callable[[float], int | None], timeout: float
) -> PrinterStatus | None:
    """Ask n=1, 2, 4 in turn; None when any of them gets no reply within `timeout`."""
    replies = []
    for n in QUERIES:
        write(dle_eot(n))
        byte = read_one(timeout)
        if byte is None:
            return None
        replies.append(byte)
    return PrinterStatus.decode(*replies)


def status_byte(n: int, status: PrinterStatus) -> int:
    """The byte a printer in `status` answers to DLE EOT n (fixed bits 1 and 4 set, as Epson does)."""
    b = 0x12
    if n == 1:
        b |= (0x08 if status.offline or status.cover_open or status.paper_out else 0) | (
            0x04 if status.drawer_open else 0
        )
    elif n == 2:
        b |= (0x04 if status.cover_open else 0) | (0x20 if status.paper_out else 0)
    elif n == 4:
        b |= (0x0C if status.paper_near_end or status.paper_out else 0) | (0x60 if status.paper_out else 0)
    return b
