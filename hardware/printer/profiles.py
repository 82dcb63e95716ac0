"""Printer profiles: what a model can do, which decides how the renderer emits a document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    name: str
    paper_mm: int
    dots: int  # printable width in dots (203 dpi heads: 576 on 80 mm, 384 on 58 mm)
    columns: int  # font A (12 x 24 dots) characters per line
    korean_native: bool  # KS X 1001 double-byte font (FS & / ESC R 13)
    native_qr: bool  # GS ( k QR codes
    cutter: bool
    drawer: bool

    @property
    def column_dots(self) -> int:
        return self.dots // self.columns


PROFILES: dict[str, PrinterProfile] = {
    p.name: p
    for p in (
        PrinterProfile("korean-80mm", 80, 576, 48, korean_native=True, native_qr=True, cutter=True, drawer=True),
        PrinterProfile("korean-58mm", 58, 384, 32, korean_native=True, native_qr=True, cutter=True, drawer=False),
        PrinterProfile("generic-80mm", 80, 576, 48, korean_native=False, native_qr=False, cutter=True, drawer=True),
        PrinterProfile("generic-58mm", 58, 384, 32, korean_native=False, native_qr=False, cutter=True, drawer=False),
    )
}


def profile_named(name: str) -> PrinterProfile:
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise ValueError(f"unknown printer profile {name!r}; use one of {known} (printer.profile)") from None
