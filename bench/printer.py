"""Printer benchmark: render time and bytes of a 10-line receipt, native Korean vs raster, and how long
those bytes take on a 9,600 / 115,200 baud serial line and on a 250 mm/s printer (its physical limit).

Baseline: the same receipt as bare text (`plain_text(...).encode("cp949")`), measured in the same run.
Run: .venv/bin/python -m bench.printer
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime

from hardware.printer.interpreter import Interpreter, Page
from hardware.printer.profiles import PROFILES
from hardware.printer.renderer import Renderer
from kiosk.receipts.content import SaleView, ShopInfo, kitchen_ticket, receipt_document
from kiosk.receipts.document import Columns, Document, plain_text

DOTS_PER_MM = 8  # 203 dpi heads
PRINT_SPEED_MM_S = 250


def _nine(doc: Document) -> Document:
    """The same receipt with its last item line left out."""
    items = [i for i, b in enumerate(doc.blocks) if isinstance(b, Columns) and b.left.endswith(" x1")]
    return replace(doc, blocks=doc.blocks[: items[-1]] + doc.blocks[items[-1] + 1 :])


def _sale() -> SaleView:
    names = [
        "아메리카노",
        "카페라떼",
        "바닐라라떼",
        "유자차",
        "녹차",
        "초코케이크",
        "크루아상",
        "치즈케이크",
        "레몬에이드",
        "사과주스",
    ]
    lines = tuple(
        {"name_ko": n, "quantity": 1, "line_total": 4_500 + 500 * i, "tax_type": "taxable", "options": []}
        for i, n in enumerate(names)
    )
    total = sum(int(str(ln["line_total"])) for ln in lines)
    supply = (total * 10 + 5) // 11
    return SaleView(
        "bench-order",
        42,
        date(2026, 11, 21),
        "dine_in",
        datetime(2026, 11, 21, 3, 0, tzinfo=UTC),
        lines,
        {
            "method": "card",
            "amount": total,
            "issuer": "신한카드",
            "masked_card": "5365-12**-****-1234",
            "approval_no": "30012345",
        },
        {"total": total, "taxable": total, "tax_free": 0, "supply_value": supply, "vat": total - supply},
    )


def _where(data: bytes) -> dict[str, int]:
    """Bytes of a native rendering by what they are for."""
    out = {"style": 0, "kanji on/off": 0, "Korean": 0, "padding spaces": 0, "ASCII": 0, "QR": 0, "other": 0}
    i = 0
    while i < len(data):
        c = data[i]
        if data[i : i + 2] in (b"\x1b!", b"\x1ba", b"\x1bE"):
            out["style"] += 3
            i += 3
        elif data[i : i + 2] in (b"\x1c&", b"\x1c."):
            out["kanji on/off"] += 2
            i += 2
        elif data[i : i + 3] == b"\x1d(k":
            n = 5 + data[i + 3] + 256 * data[i + 4]
            out["QR"] += n
            i += n
        elif c >= 0xA1:
            out["Korean"] += 2
            i += 2
        elif (c == 0x20 and data[i + 1 : i + 2] == b" ") or (c == 0x20 and data[i - 1 : i] == b" "):
            out["padding spaces"] += 1
            i += 1
        elif 0x20 <= c < 0x7F or c == 0x0A:
            out["ASCII"] += 1
            i += 1
        else:
            out["other"] += 1
            i += 1
    return out


def _time(fn: object, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main(quick: bool = False) -> list[str]:
    repeat = 5 if quick else 30
    shop = ShopInfo(
        "카페 한결", "2148710355", "김한결", "서울특별시 마포구 월드컵북로 12길 34", "02-335-1234", "감사합니다"
    )
    doc = receipt_document(_sale(), shop, "HANGYEOL-K1")
    base = _time(lambda: plain_text(doc, 48).encode("cp949", "replace"), repeat * 10)
    out = [f"printer: 10-line receipt, baseline plain text encode {base * 1e3:.3f} ms"]
    for name in ("korean-80mm", "generic-80mm"):
        renderer = Renderer(PROFILES[name])
        data = renderer.render(doc)
        t = _time(lambda r=renderer: r.render(doc), repeat)
        pages: list[Page] = []
        Interpreter(on_page=pages.append).feed(data)
        paper_mm = pages[0].image(PROFILES[name].dots).height / DOTS_PER_MM
        out.append(
            f"printer: {name:<13} render {t * 1e3:7.2f} ms ({t / base:,.0f}x baseline), {len(data):>6,} bytes, "
            f"wire {len(data) * 10 / 9600:6.2f} s @9600, {len(data) * 10 / 115200:5.2f} s @115200, "
            f"paper {paper_mm:.0f} mm = {paper_mm / PRINT_SPEED_MM_S:.2f} s @250 mm/s"
        )
    native = Renderer(PROFILES["korean-80mm"]).render(doc)
    out.append(
        "printer: korean-80mm receipt bytes by use: "
        + ", ".join(f"{k} {v:,}" for k, v in _where(native).items())
        + f"; per item line {(len(native) - len(Renderer(PROFILES['korean-80mm']).render(_nine(doc)))):,} B"
    )
    ticket = kitchen_ticket(_sale(), shop)
    for name in ("korean-80mm", "generic-80mm"):
        data = Renderer(PROFILES[name]).render(ticket)
        out.append(
            f"printer: {name:<13} kitchen ticket (10 lines) {len(data):>6,} bytes, "
            f"wire {len(data) * 10 / 9600:6.2f} s @9600, {len(data) * 10 / 115200:5.2f} s @115200"
        )
    for line in out:
        print(line)
    return out


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
