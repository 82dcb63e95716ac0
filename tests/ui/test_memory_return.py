"""Memory freed while a customer ordered goes back to the system once the kiosk is back on its attract screen
(app/memory.py): glibc keeps freed memory resident unless it is at the top of the heap, and issue 11's soak
saw 15-28 MiB of it with voice, easy mode and owner visits mixed into the orders."""

from __future__ import annotations

import os
import subprocess
import sys
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


ARENAS_CHILD = r"""
import ctypes, os, re, sys, tempfile, threading
from app.memory import limit_arenas
if sys.argv[1] == "limit":
    assert limit_arenas(2)
barrier = threading.Barrier(8)
def work():
    barrier.wait()  # all eight allocate at once: each would get an arena of its own
    held = [bytearray(2048) for _ in range(2000)]
    barrier.wait()
    del held
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
path = tempfile.mktemp()
fp = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, fp)
libc.fclose(fp)
print(len(re.findall(r"<heap nr=", open(path).read())))
os.unlink(path)
"""


def _arenas(mode: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    done = subprocess.run(
        [sys.executable, "-c", ARENAS_CHILD, mode], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return int(done.stdout.split()[-1])


def test_the_kiosk_allocates_from_two_malloc_arenas_whatever_its_threads() -> None:
    """`kiosk run` limits glibc to two arenas before any thread starts (app/memory.py `limit_arenas`): with one
    arena a thread, what each thread frees in the middle of its arena stays resident (the soak's mix)."""
    assert _arenas("plain") > 2, "eight threads allocating at once got no arenas of their own: nothing to test"
    assert _arenas("limit") <= 2


def test_a_trim_runs_off_the_calling_thread_at_most_every_interval() -> None:
    """`MemoryReturner.idle()` hands the trim to a thread of its own (a trim takes up to ~17 ms, which the GUI
    thread should not wait for), and trims again only once `every_s` has passed."""
    import threading

    from app.memory import MemoryReturner

    clock = [100.0]
    ran_on: list[int] = []

    def trim() -> bool:
        ran_on.append(threading.get_ident())
        return True

    returner = MemoryReturner(trim, lambda: clock[0], every_s=10.0)
    assert returner.idle()
    returner.wait(10)
    assert ran_on and ran_on[0] != threading.get_ident() and returner.trims == 1
    clock[0] += 9.9
    assert not returner.idle()
    clock[0] += 0.2
    assert returner.idle()
    returner.wait(10)
    assert returner.trims == 2 and len(ran_on) == 2
