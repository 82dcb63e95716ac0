"""Memory freed while a customer ordered goes back to the system once the kiosk is back on its attract screen
(app/memory.py): glibc keeps freed memory resident unless it is at the top of the heap, and issue 11's soak
saw 15-28 MiB of it with voice, easy mode and owner visits mixed into the orders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tests.helpers.kiosk import Kiosk

MIB = 1024 * 1024


def _rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_freed_memory_goes_back_when_the_kiosk_is_back_on_its_attract_screen(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    k.click("startButton")
    k.wait_step("order_type")
    # 64 MiB in 16 KiB blocks (malloc's, below its mmap threshold), then a block still in use above them:
    # freed, they stay resident, as what a voice session or the back office frees does.
    blocks = [b"x" * (16 * 1024) for _ in range(4096)]
    pin = b"p" * (16 * 1024)
    with_blocks = _rss()
    del blocks
    assert _rss() > with_blocks - 16 * MIB, "glibc gave the freed blocks back by itself: nothing to test"
    k.click("orderTypeBackButton")
    k.wait_step("attract")
    k.qtbot.waitUntil(lambda: _rss() < with_blocks - 48 * MIB, timeout=10_000)
    assert pin
