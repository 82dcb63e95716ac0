"""Soak: the real `kiosk run` taking thousands of orders through the real QML, then an idle hour.

The child process is `kiosk run` itself (`run_kiosk`: the demo shop, the payment service with its
intents and the pty card-terminal simulator, the printer simulator, sync off) on a fresh data directory.
Once it is ready for customers, a driver in the same event loop taps the screens by objectName, as a
customer would: start, take-out, a category, an item (options where it has them), the cart, pay, card
or QR, receipt yes / no, done. Mixed in, as in a shop's day: voice guidance on for one session in ten,
easy mode for another one in ten, and every 250 orders the owner (set up with `kiosk staff init-owner`)
holds the corner, types the PIN, looks at the back office's tabs and signs out (`--plain`: orders only,
as before 2026-11-30). After the orders, one order is left half-way (the idle warning and the reset
must come), the owner signs in and walks away (the idle sign-out's warning, then the customer screens),
and the kiosk idles on its attract screen for an hour of clock time: the clock runs
60x and the view-model's tick timer 60x faster, so an hour takes a minute (the QML's own animations
run in real time; they cannot be compressed).

It reports resident memory and the reference count of `True` every 500 orders, and fails on a crash
(the `bool_dealloc` abort of PySide6 6.12.0 is exit 134), on a stuck screen, on a ledger that does not
hold every order, or on memory growth beyond 5 % from the first report (after 500 orders, warm) to the
end. The growth is counted without what the voice's clip cache holds in memory (the latest 64 clips, up to
~20 MiB, filled as phrases are first said; each report shows it): a bounded cache still filling after the
warm report would otherwise read as growth.

Run: .venv/bin/python -m bench.soak  (5,000 orders and an idle hour; --quick: 500 orders, 10 minutes)
Diagnosis: --voice-every / --easy-every / --owner-every N turn one part of the mix up (0: off), --report-every N
reports more often, --detail adds where the memory is at each report (by mapping, malloc's free bytes and what
malloc_trim gives back, Python objects by type that grew, what holds the tuples that appeared). E.g.
`python -m bench.soak --orders 600 --idle 0 --voice-every 2 --easy-every 0 --owner-every 0 --report-every 100 --detail`
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

GROWTH_LIMIT = 0.05
REPORT_EVERY = 500
FAST = 60.0  # the idle phase's clock speed


class FastClock:
    """The system clock, but running `factor` times faster from the moment the factor is set (both
    wall and monotonic time), so the kiosk's timers see an hour pass in a minute."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._real0 = time.monotonic()
        self._mono0 = self._real0
        self._wall0 = datetime.now(UTC)
        self._factor = 1.0

    def _elapsed(self) -> float:
        return (time.monotonic() - self._real0) * self._factor

    def set_factor(self, factor: float) -> None:
        with self._lock:
            elapsed = self._elapsed()
            self._mono0 += elapsed
            self._wall0 += timedelta(seconds=elapsed)
            self._real0 = time.monotonic()
            self._factor = factor

    def now(self) -> datetime:
        with self._lock:
            return self._wall0 + timedelta(seconds=self._elapsed())

    def monotonic(self) -> float:
        with self._lock:
            return self._mono0 + self._elapsed()


def _rss_kib() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _where_kib() -> tuple[int, int]:
    """Where the memory is: what SQLite holds (page caches, statements; the library Python's sqlite3
    module uses) and what malloc has handed out in all (Python, Qt, SQLite together)."""
    import ctypes
    import ctypes.util

    fields = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in fields]

    sqlite = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    sqlite.sqlite3_memory_used.restype = ctypes.c_int64
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    libc.mallinfo2.restype = MallInfo2
    info = libc.mallinfo2()
    return sqlite.sqlite3_memory_used() // 1024, (info.uordblks + info.hblkhd) // 1024


# What each order is: (category, item, options to tap, payment method). Card mostly, QR now and then.
ORDERS = [
    ("dessert", "cheesecake", [], "card"),
    ("coffee", "americano", ["option_temp_iced", "option_size_regular"], "card"),
    ("bakery", "croissant", [], "card"),
    ("coffee", "americano", ["option_temp_hot", "option_size_large", "optionPlus_shot_extra_shot"], "card"),
    ("dessert", "cheesecake", [], "qr"),
]


# What else a shop's day has, mixed into the orders (unless --plain): the customer turns voice guidance on
# for their session (the espeak-ng worker and Qt Multimedia's player; a machine with no sound card plays
# to no device, in real time), easy mode, and now and then the owner: the corner held 3 s, the PIN on
# the pad, the back office's tabs, sign out. Each comes at least once before the first memory report, so
# every report from 500 orders on is taken after the same mix.
OWNER_PIN = "482915"
SETTLE = 0.1  # seconds a staff screen's button (and an easy-mode order's category tab) stays put before its tap
OWNER_EVERY = 250  # an owner visit before order n when n % OWNER_EVERY == OWNER_EVERY // 2
OWNER_TABS = (
    ("today", "todayScreen"),
    ("orders", "ordersScreen"),
    ("calendar", "calendarScreen"),
    ("menu", "menuScreen"),
    ("status", "statusScreen"),
    ("forecast", "forecastScreen"),
    ("staff", "staffManagement"),
    ("today", "todayScreen"),  # where the next visit starts
)


VOICE_EVERY = 10
EASY_EVERY = 10


@dataclass(frozen=True)
class Mix:
    """How often each part of a shop's day comes: voice in one session in `voice`, easy mode in one in `easy`,
    the owner once in `owner` orders (0: never). The default is the day the soak stands for; the diagnostic
    flags (--voice-every ...) turn one part up and the others off, to see which part grows memory."""

    voice: int = VOICE_EVERY
    easy: int = EASY_EVERY
    owner: int = OWNER_EVERY

    @property
    def plain(self) -> bool:
        return not (self.voice or self.easy or self.owner)

    def args(self) -> list[str]:
        return [str(self.voice), str(self.easy), str(self.owner)]


PLAIN = Mix(0, 0, 0)
DAY = Mix()


def _voice_session(n: int, every: int = VOICE_EVERY) -> bool:
    return every > 0 and n % every == 3 % every  # every 10: an americano with options, paid by card


def _easy_session(n: int, every: int = EASY_EVERY) -> bool:
    """Only a cheesecake's session (easy mode pages an item's options, which the driver does not walk): every
    10 is one in ten; every 1 is the most there can be, four in ten."""
    return every > 0 and n % every == 0 and ORDERS[n % len(ORDERS)][1] == "cheesecake"


def _owner_visit(n: int, every: int = OWNER_EVERY) -> bool:
    return every > 0 and n % every == every // 2


def _smaps_kib() -> dict[str, int]:
    """Resident KiB by kind of mapping: malloc's heap, QML's JavaScript heap, other anonymous memory (malloc's
    other arenas and mmaps, Qt's own), other named memfds, files (libraries, fonts)."""
    kinds: dict[str, int] = {}
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split(maxsplit=5)
        if len(head) >= 5 and "-" in head[0] and not head[0].endswith(":"):
            path = head[5] if len(head) > 5 else ""
            if path == "[heap]":
                name = "heap"
            elif "JSGCHeap" in path:
                name = "jsgc"
            elif path.startswith("/memfd:") or path.startswith("memfd:"):
                name = "memfd"
            elif path.startswith("/"):
                name = "file"
            else:
                name = "anon"
        elif line.startswith("Rss:"):
            kinds[name] = kinds.get(name, 0) + int(line.split()[1])
    return kinds


def _malloc_kib() -> tuple[int, int, int]:
    """malloc's arenas (bytes it has from the system, all arenas), what of that is free but kept, and its
    own mmaps (large blocks)."""
    import ctypes
    import ctypes.util

    fields = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in fields]

    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    libc.mallinfo2.restype = MallInfo2
    info = libc.mallinfo2()
    return info.arena // 1024, info.fordblks // 1024, info.hblkhd // 1024


def _malloc_trim_kib() -> int:
    """What malloc_trim(0) gives back to the system (KiB of RSS): memory malloc kept after it was freed."""
    import ctypes
    import ctypes.util

    before = _rss_kib()
    ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    return before - _rss_kib()


def _child(
    orders: int, idle_seconds: float, mix: Mix = DAY, report_every: int = REPORT_EVERY, detail: bool = False
) -> int:
    """In a fresh process: `kiosk run` plus the driver. Prints MEM lines; exit 0 when all went through.
    `detail`: a DETAIL line at each report too (by mapping, what malloc_trim gives back, Python objects by
    type that grew, QML items) — it trims malloc, so its RSS figures are not the plain soak's."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt, QTimer
    from PySide6.QtGui import QGuiApplication, QMouseEvent
    from PySide6.QtQml import qmlEngine
    from PySide6.QtQuick import QQuickItem, QQuickWindow

    from app.commands.run import run_kiosk

    clock = FastClock()
    state: dict[str, object] = {}
    counts = {"voice": 0, "easy": 0, "owner": 0}

    def window() -> QQuickWindow:
        w = state["window"]
        assert isinstance(w, QQuickWindow)
        return w

    def walk(item: QQuickItem) -> Iterator[QQuickItem]:
        yield item
        for child in item.childItems():
            yield from walk(child)

    def visible(name: str) -> QQuickItem | None:
        for item in walk(window().contentItem()):
            if item.objectName() == name and item.isVisible() and item.opacity() > 0 and item.width() > 0:
                return item
        return None

    def reveal(item: QQuickItem) -> None:  # scroll the nearest Flickable, as a customer's swipe would
        parent = item.parentItem()
        while parent is not None and parent.property("contentY") is None:
            parent = parent.parentItem()
        if parent is None:
            return
        origin = item.mapToItem(parent.property("contentItem"), QPointF(0, 0))
        for pos, size, view, axis, extent in (
            (origin.y(), item.height(), parent.height(), "contentY", "contentHeight"),
            (origin.x(), item.width(), parent.width(), "contentX", "contentWidth"),
        ):
            at = float(parent.property(axis))
            if pos < at or pos + size > at + view:
                most = max(0.0, float(parent.property(extent)) - view)
                parent.setProperty(axis, min(most, max(0.0, pos - view / 3)))

    def centre(item: QQuickItem) -> QPoint:
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()

    def on_screen(item: QQuickItem) -> bool:
        c = centre(item)
        return 0 <= c.x() < window().width() and 0 <= c.y() < window().height()

    Wait = Callable[[], bool]

    def finger(down: bool, at: QPoint) -> None:
        """A press or a release, posted to the window like the platform's touch input: the event loop delivers
        it, with the GIL released as in a shop. (QTest's clicks deliver inside a call that holds the GIL: an
        FFmpeg audio thread of the voice's player, tearing down, once waited there for the GIL while the GUI
        thread waited for it, a deadlock of the driver; docs/PERFORMANCE.md, "Stability".)"""
        kind = QEvent.Type.MouseButtonPress if down else QEvent.Type.MouseButtonRelease
        buttons = Qt.MouseButton.LeftButton if down else Qt.MouseButton.NoButton
        where = QPointF(at)
        event = QMouseEvent(
            kind, where, window().mapToGlobal(where), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        QCoreApplication.postEvent(window(), event)

    def tap(name: str, settle: float = 0.0) -> Iterator[tuple[str, Wait]]:
        """Tap `name` once it is shown; `settle`: once it has also stayed put that many seconds (a panel that
        changes its layout as it appears: tapped at once, the PIN pad's mode button was hit where the
        pad's sign-out button was, and the owner signed out again)."""
        found: list[QQuickItem] = []
        seen: list[tuple[QPoint, float]] = []

        def shown() -> bool:
            item = visible(name)
            if item is None:
                return False
            reveal(item)
            found[:] = [item]
            if not on_screen(item):
                return False
            if settle <= 0:
                return True
            at, now = centre(item), time.monotonic()
            if not seen or seen[0][0] != at:
                seen[:] = [(at, now)]
                return False
            return now - seen[0][1] >= settle

        yield name, shown
        finger(True, centre(found[0]))
        finger(False, centre(found[0]))

    def checked(name: str) -> bool:
        item = visible(name)
        return item is not None and item.property("checked") is True

    def owner_sign_in() -> Iterator[tuple[str, Wait]]:
        """The owner signs in the documented way (docs/STAFF.md) and enters the back office."""
        yield "attract", lambda: visible("startButton") is not None and visible("staffCorner") is not None
        corner = visible("staffCorner")
        assert corner is not None
        at = QPoint(round(corner.width() / 3), round(corner.height() / 3))
        finger(True, at)
        yield "PIN pad (corner held 3 s)", lambda: visible("pinPad") is not None
        finger(False, at)
        for digit in OWNER_PIN:
            yield from tap(f"pinKey_{digit}", settle=SETTLE)
        yield "signed in", lambda: visible("ownerRoot") is not None or visible("chooseMode_owner") is not None
        if visible("ownerRoot") is None:
            yield from tap("chooseMode_owner", settle=SETTLE)
        yield "back office", lambda: visible("ownerRoot") is not None

    def shown_and_idle(screen: str) -> Wait:
        return lambda: visible(screen) is not None and visible("ownerBusy") is None

    def owner_visit() -> Iterator[tuple[str, Wait]]:
        """The owner signs in, looks at the back office's tabs and signs out."""
        yield from owner_sign_in()
        for tab, screen in OWNER_TABS:
            yield from tap(f"tab_{tab}", settle=SETTLE)
            yield f"owner's {tab}", shown_and_idle(screen)
        yield from tap("ownerSignOut", settle=SETTLE)
        yield "customer mode", lambda: visible("ownerRoot") is None and visible("startButton") is not None

    def order(n: int) -> Iterator[tuple[str, Wait]]:
        category, item, options, method = ORDERS[n % len(ORDERS)]
        state["order"] = n
        if _owner_visit(n, mix.owner):
            yield from owner_visit()
            counts["owner"] += 1
        if _voice_session(n, mix.voice):
            yield from tap("voiceButton")
            yield "voice on", lambda: checked("voiceButton")
            counts["voice"] += 1
        easy = _easy_session(n, mix.easy)
        if easy:
            yield from tap("easyModeButton")
            yield "easy mode", lambda: checked("easyModeButton")
            counts["easy"] += 1
        yield from tap("startButton")
        yield from tap("takeOutButton")
        yield from tap(f"category_{category}", settle=SETTLE if easy else 0.0)
        yield from tap(f"item_{item}")
        if options or item == "croissant":
            for option in options:
                yield from tap(option)
            yield from tap("addToCartButton")
        yield "menu", lambda: visible("orderButton") is not None and visible("addToCartButton") is None
        yield from tap("orderButton")
        yield from tap("payButton")
        yield from tap(f"method_{method}")
        yield from tap("receiptYes" if n % 2 else "receiptNo")
        yield from tap("finishButton")

    def clip_cache_kib() -> int:
        """What the voice's clip cache holds in memory (hardware/audio/clips.py: the latest 64 clips, up to
        ~20 MiB): it fills as phrases are first said, then stays; kept apart from the growth verdict."""
        import gc

        from hardware.audio.clips import ClipCache

        if "clips" not in state:
            state["clips"] = next((o for o in gc.get_objects() if isinstance(o, ClipCache)), None)
        cache = state["clips"]
        if not isinstance(cache, ClipCache):
            return 0
        with cache._lock:
            return sum(len(wav) for wav in cache._memory.values()) // 1024

    def report(done: int) -> None:
        sqlite_kib, malloc_kib = _where_kib()
        rss, clips = _rss_kib(), clip_cache_kib()
        print(f"MEM {done} {rss} {sys.getrefcount(True)} {sqlite_kib} {malloc_kib} {clips}", flush=True)
        print(f"MIX {counts['voice']} {counts['easy']} {counts['owner']}", flush=True)
        if detail:
            print(f"DETAIL {done} {details()}", flush=True)

    def details() -> str:
        import gc
        from collections import Counter

        gc.collect()
        kinds = _smaps_kib()
        # The JavaScript heap after a full collection: live data (a leak grows it) or garbage not yet collected.
        engine = qmlEngine(window())
        if engine is not None:
            engine.collectGarbage()
        kinds["jsgc_collected"] = _smaps_kib().get("jsgc", 0)
        arena, free, mmapped = _malloc_kib()
        trimmed = _malloc_trim_kib()
        types = Counter(type(o).__qualname__ for o in gc.get_objects())
        before = state.get("types")
        state["types"] = types
        grew = ", ".join(f"{t} +{d}" for t, d in (types - before).most_common(8)) if isinstance(before, Counter) else ""
        # What holds the tuples that appeared since the last report (they grew by ~1.5 an order, orders only).
        tuples = {id(o): o for o in gc.get_objects() if type(o) is tuple}
        seen = state.get("tuples")
        state["tuples"] = set(tuples)
        held = Counter[str]()
        example: dict[str, str] = {}
        if isinstance(seen, set):
            for key in [k for k in tuples if k not in seen][:200]:
                for ref in gc.get_referrers(tuples[key]):
                    if ref is tuples or isinstance(ref, type(sys._getframe())):
                        continue
                    what = type(ref).__qualname__
                    if isinstance(ref, dict | list) and len(ref) > 50:
                        what += f"[{len(ref)}]"
                    held[what] += 1
                    example.setdefault(what, repr(tuples[key])[:60])
        tuples.clear()
        items = sum(1 for _ in walk(window().contentItem()))
        engine_children = len(engine.findChildren(QObject)) if engine is not None else 0
        return (
            " ".join(f"{k}={v / 1024:.1f}" for k, v in sorted(kinds.items()))
            + f" malloc_arenas={arena / 1024:.1f} malloc_free={free / 1024:.1f} malloc_mmap={mmapped / 1024:.1f}"
            + f" py_blocks={sys.getallocatedblocks()}"
            + f" trim={trimmed / 1024:.1f} rss_after_trim={_rss_kib() / 1024:.1f} py_objects={sum(types.values())}"
            + f" items={items} engine_children={engine_children} grew: {grew}"
            + f" | new tuples held by: {'; '.join(f'{k} x{v} e.g. {example[k]}' for k, v in held.most_common(4))}"
        )

    def at_rest(what: str) -> Iterator[tuple[str, Wait]]:
        """On the attract screen with the kiosk's housekeeping done, as in a shop between customers: a return to
        the attract screen hands freed memory back (app/memory.py) on the event loop's next pass and then on a
        thread of its own, and the resident size is read after that, not while it runs."""
        yield what, lambda: visible("startButton") is not None
        passes = [0]

        def settled() -> bool:
            passes[0] += 1  # each check is one pass of the event loop
            return passes[0] > 2 and not any(t.name == "memory-trim" and t.is_alive() for t in threading.enumerate())

        yield "memory handed back", settled

    def script() -> Iterator[tuple[str, Wait]]:
        for n in range(orders):
            yield from order(n)
            if (n + 1) % 10 == 0:  # the heartbeat: 100 orders took over 300 s at load 15 (voice on in all)
                print(f"ORDERS {n + 1}", flush=True)
            if (n + 1) % report_every == 0 or n + 1 == orders:
                yield from at_rest("attract")
                report(n + 1)
        # An order left half-way, then the idle hour: the clock and the view-model's tick run 60x.
        engine = qmlEngine(window())
        assert engine is not None
        for timer in engine.findChildren(QTimer):
            timer.setInterval(max(1, round(timer.interval() / FAST)))
        clock.set_factor(FAST)
        yield from tap("startButton")
        yield from tap("takeOutButton")
        yield "idle warning", lambda: visible("idleResetButton") is not None or visible("moreTimeButton") is not None
        yield "reset to attract", lambda: visible("startButton") is not None
        if mix.owner:  # the owner signs in and walks away: the sign-out warning, then the customer screens
            yield from owner_sign_in()
            yield "sign-out warning", lambda: window().property("signOutWarning") is True
            yield (
                "idle sign-out",
                lambda: window().property("customerMode") is True and visible("startButton") is not None,
            )
        until = clock.monotonic() + idle_seconds
        yield "idle hour", lambda: clock.monotonic() >= until
        yield from at_rest("attract after the idle hour")
        report(orders)
        print("DONE", flush=True)
        QCoreApplication.exit(0)

    def pump(steps: Iterator[tuple[str, Wait]]) -> None:
        """Advance the script whenever the thing it waits for is there; fail if a screen is stuck."""
        current: dict[str, object] = {"what": "", "cond": lambda: True, "since": time.monotonic()}

        def step() -> None:
            cond = current["cond"]
            assert callable(cond)
            if cond():
                try:
                    what, cond = next(steps)
                except StopIteration:
                    return
                current.update(what=what, cond=cond, since=time.monotonic())
            elif current["what"] != "idle hour" and time.monotonic() - float(str(current["since"])) > 20:
                shot = Path.cwd() / f"soak-stuck-{os.getpid()}.png"  # what the screen showed
                window().grabWindow().save(str(shot))
                kiosk = window().property("kiosk")
                where = f"screen {kiosk.property('step')}" if isinstance(kiosk, QObject) else ""
                print(
                    f"STUCK waiting for {current['what']} at order {state.get('order')} ({where}; {shot})", flush=True
                )
                QCoreApplication.exit(3)
                return
            QTimer.singleShot(1, step)

        step()

    def on_stage(stage: str) -> None:
        if stage == "ready":
            windows = [w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickWindow)]
            state["window"] = windows[0]
            report(0)
            pump(script())

    args = argparse.Namespace(config=None, windowed=True, size=None)
    return run_kiosk(args, on_stage=on_stage, clock=clock)


def _ledger_orders(data_dir: Path) -> int:
    with sqlite3.connect(f"file:{data_dir / 'ledger.sqlite3'}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM orders").fetchone()[0])


class SoakFailed(RuntimeError):
    pass


SILENCE = 300.0  # seconds without a line from the kiosk (it prints every 10 orders): its GUI thread hangs


def _lines(proc: subprocess.Popen[str], hung: list[str]) -> Iterator[str]:
    """The child's stdout lines; aborts it (and says so in `hung`) if it says nothing for SILENCE seconds
    (a hung event loop cannot report itself stuck)."""
    assert proc.stdout is not None
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], SILENCE)
        if not ready:  # SIGABRT: faulthandler writes every thread's Python stack to the log (and a core
            proc.send_signal(signal.SIGABRT)  # file, with `ulimit -c unlimited`, has the native ones)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
            hung.append(f"the kiosk said nothing for {SILENCE:.0f} s (its event loop hangs) and was aborted: ")
            return
        line = proc.stdout.readline()
        if not line:
            return
        yield line


def _init_owner(env: dict[str, str]) -> None:
    """The shop's owner, set up the way an installer does it (`kiosk staff init-owner`)."""
    subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", "init-owner", "--name", "김사장", "--pin-stdin"],
        input=OWNER_PIN + "\n",
        env=env,
        text=True,
        check=True,
        capture_output=True,
    )


def main(
    quick: bool = False,
    orders: int | None = None,
    idle: float | None = None,
    plain: bool = False,
    mix: Mix | None = None,
    report_every: int = REPORT_EVERY,
    detail: bool = False,
) -> list[str]:
    """`plain`: orders only, as up to 2026-11-29 (no voice, easy mode or owner visits); `mix`: how often each
    part comes (default: the shop's day); `detail`: where the memory is at each report (see `_child`)."""
    mix = PLAIN if plain else (mix or DAY)
    plain = mix.plain
    orders = orders or (500 if quick else 5000)
    idle = idle if idle is not None else (600.0 if quick else 3600.0)
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        data = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
            "KIOSK_DATA_DIR": str(data),
            "KIOSK_PAYMENTS__SIMULATED_DELAY_SECONDS": "0.05",
            "KIOSK_SYNC__BACKEND_URL": "",
            "PYTHONFAULTHANDLER": "1",  # a crash prints every thread's Python stack into the log
        }
        if mix.owner:
            _init_owner(env)
        started = time.monotonic()
        # The kiosk's log goes to a file: a pipe nobody reads until the end fills after a few hundred
        # orders and blocks the kiosk's GUI thread on its next log line.
        log_path = data / "kiosk.log"
        log_file = log_path.open("w", encoding="utf-8")
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.soak",
                "--child",
                str(orders),
                str(idle),
                *mix.args(),
                str(report_every),
                *(["--detail"] if detail else []),
            ],
            stdout=subprocess.PIPE,
            stderr=log_file,
            text=True,
            env=env,
        )
        mem: list[tuple[int, int, int]] = []  # (orders, RSS less the voice's clip cache, refcount(True))
        raw: list[int] = []  # RSS as it is
        mixed = ["0", "0", "0"]
        done = False
        taken = 0
        assert proc.stdout is not None
        hung: list[str] = []
        for line in _lines(proc, hung):
            if line.startswith("MEM "):
                n, rss, trues, sqlite_kib, malloc_kib, clips_kib = line.split()[1:]
                mem.append((int(n), int(rss) - int(clips_kib), int(trues)))
                raw.append(int(rss))
                text = (
                    f"after {int(n):>5} orders: RSS {int(rss) / 1024:7.1f} MiB (SQLite {int(sqlite_kib) / 1024:5.1f}, "
                    f"malloc in use {int(malloc_kib) / 1024:6.1f}, voice clips {int(clips_kib) / 1024:4.1f}), "
                    f"refcount(True) {int(trues):>6}; "
                    f"{time.monotonic() - started:.0f} s"
                )
                print(text, flush=True)
                lines.append(text)
            elif line.startswith("MIX "):
                mixed = line.split()[1:]
            elif line.startswith("ORDERS "):
                taken = int(line.split()[1])
            elif line.startswith("DONE"):
                done = True
            elif line.startswith("DETAIL "):
                print(line.strip(), flush=True)
                lines.append(line.strip())
            elif line.startswith("STUCK"):
                print(line.strip(), flush=True)
        code = proc.wait()
        log_file.close()
        stderr = log_path.read_text(encoding="utf-8", errors="replace")
        elapsed = time.monotonic() - started
        if code != 0 or not done:
            kept = Path.cwd() / f"soak-kiosk-{proc.pid}.log"  # the data directory goes; the stacks stay
            kept.write_text(stderr, encoding="utf-8")
            how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with status {code}"
            not_info = [ln for ln in stderr.splitlines() if " INFO " not in ln]
            stacks = "\n".join(not_info[-60:])
            raise SoakFailed(
                f"{''.join(hung)}the kiosk {how} after {elapsed:.0f} s and {taken}+ orders (log: {kept}):\n{stacks}"
            )
        stored = _ledger_orders(data)
        if stored != orders:
            raise SoakFailed(f"{orders} orders taken, {stored} in the ledger")
        first = min(report_every, orders)
        warm = next(rss for n, rss, _ in mem if n >= first)
        final = mem[-1][1]
        growth = final / warm - 1
        raw_warm = raw[[n for n, _, _ in mem].index(next(n for n, _, _ in mem if n >= first))]
        summary = (
            f"{orders} orders + {idle / 60:.0f} idle minutes (60x clock) in {elapsed:.0f} s: "
            f"RSS less the voice clip cache {warm / 1024:.1f} MiB after {first} orders -> "
            f"{final / 1024:.1f} MiB at the end ({growth:+.1%}, limit +{GROWTH_LIMIT:.0%}; RSS as it is "
            f"{raw_warm / 1024:.1f} -> {raw[-1] / 1024:.1f} MiB, {raw[-1] / raw_warm - 1:+.1%}); "
            f"refcount(True) {mem[0][2]} -> {mem[-1][2]}; "
            f"{stored} orders in the ledger; "
            + (
                f"voice on in {mixed[0]}, easy mode in {mixed[1]}, {mixed[2]} owner visits"
                if not plain
                else "orders only"
            )
        )
        print(summary, flush=True)
        lines.append(summary)
        if growth > GROWTH_LIMIT:
            raise SoakFailed(f"memory grew {growth:.1%} (limit {GROWTH_LIMIT:.0%})")
    return lines


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--child":
        voice, easy, owner, every = (int(a) for a in sys.argv[4:8])
        raise SystemExit(
            _child(
                int(sys.argv[2]), float(sys.argv[3]), Mix(voice, easy, owner), every, detail="--detail" in sys.argv[8:]
            )
        )
    parser = argparse.ArgumentParser(prog="python -m bench.soak")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--orders", type=int, help="orders to take (default 5,000; --quick 500)")
    parser.add_argument("--idle", type=float, help="idle seconds of clock time (default 3,600; --quick 600)")
    parser.add_argument("--plain", action="store_true", help="orders only: no voice, easy mode or owner visits")
    diag = parser.add_argument_group("diagnosis (which part of the mix grows memory)")
    diag.add_argument(
        "--voice-every", type=int, default=VOICE_EVERY, metavar="N", help="voice in 1 session in N (0: never)"
    )
    diag.add_argument("--easy-every", type=int, default=EASY_EVERY, metavar="N", help="easy mode in 1 session in N")
    diag.add_argument("--owner-every", type=int, default=OWNER_EVERY, metavar="N", help="an owner visit every N orders")
    diag.add_argument(
        "--report-every", type=int, default=REPORT_EVERY, metavar="N", help="a memory report every N orders"
    )
    diag.add_argument(
        "--detail", action="store_true", help="where the memory is at each report (trims malloc: RSS differs)"
    )
    opts = parser.parse_args()
    try:
        main(
            quick=opts.quick,
            orders=opts.orders,
            idle=opts.idle,
            plain=opts.plain,
            mix=Mix(opts.voice_every, opts.easy_every, opts.owner_every),
            report_every=opts.report_every,
            detail=opts.detail,
        )
    except SoakFailed as exc:
        print(f"soak FAILED: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
