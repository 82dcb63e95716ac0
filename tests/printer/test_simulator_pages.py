"""The printer simulator keeps only its last pages, in memory and on disk: a demo kiosk that prints for
months must not grow or fill its disk (issue 11's soak)."""

from __future__ import annotations

from pathlib import Path

from hardware.printer.simulator import PrinterSimulator, page_file

PAGE = "영수증 {n}\n".encode("cp949") + b"\n\n\n\x1dV\x00"  # text, feed, full cut


def test_only_the_last_pages_are_kept_and_numbering_goes_on(tmp_path: Path) -> None:
    sim = PrinterSimulator(576, out_dir=tmp_path, keep=3)
    for n in range(1, 8):
        sim.feed(PAGE.replace(b"{n}", str(n).encode()))
    assert sim.printed == 7
    assert [p.text_lines[0] for p in sim.pages] == ["영수증 5", "영수증 6", "영수증 7"]
    assert sorted(f.name for f in tmp_path.iterdir()) == [page_file(n, False) for n in (5, 6, 7)]
    assert sim.page(7) is sim.pages[-1] and sim.page(5) is sim.pages[0]
    assert sim.page(4) is None and sim.page(8) is None and sim.page(0) is None
    assert sim.wait_for_pages(7, timeout=0) and not sim.wait_for_pages(8, timeout=0)
