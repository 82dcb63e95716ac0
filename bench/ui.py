"""UI benchmarks: cold start to the attract screen's first frame (vs a bare one-Text QML window, same
way, same run), category switching on a 500-item catalog, and resident memory after 200 vs 20 orders.

Run: .venv/bin/python -m bench.ui  (offscreen, software renderer, as the tests run)
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

BARE_QML = (
    "import QtQuick\nimport QtQuick.Window\n"
    'Window { width: 1080; height: 1920; visible: true; Text { text: "안녕하세요" } }\n'
)


def _child(kind: str, data_dir: str) -> None:
    """Runs in a fresh process: print the wall-clock time of the first frame (and, for the kiosk, of
    the moment "touch to start" works), then quit. The kiosk is `kiosk run` itself, in-process through
    run_kiosk, on the demo shop with its simulated devices and a fresh ledger in `data_dir`."""
    if kind == "bare":
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtQml import QQmlApplicationEngine

        app = QGuiApplication(sys.argv[:1])
        engine = QQmlApplicationEngine()
        path = Path(data_dir) / "bare.qml"
        path.write_text(BARE_QML, encoding="utf-8")
        engine.load(QUrl.fromLocalFile(str(path)))
        window = engine.rootObjects()[0]

        def first_frame() -> None:
            print(f"FRAME {time.time():.6f}", flush=True)
            app.quit()

        window.frameSwapped.connect(first_frame)  # type: ignore[attr-defined]
        app.exec()
        return

    import argparse

    from app.commands.run import run_kiosk

    def on_stage(stage: str) -> None:
        if stage == "first-frame":
            print(f"FRAME {time.time():.6f}", flush=True)
        elif stage == "ready":
            print(f"READY {time.time():.6f}", flush=True)
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.quit()

    args = argparse.Namespace(config=None, windowed=True, size=None)
    raise SystemExit(run_kiosk(args, on_stage=on_stage))


def _cold_start(kind: str, data_dir: str) -> tuple[float, float]:
    """Seconds from spawning the process to its first frame, and to ready (the kiosk; bare: = frame)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software", "KIOSK_DATA_DIR": data_dir}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench.ui", "--child", kind, data_dir],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    stamps = {line.split()[0]: float(line.split()[1]) for line in out.splitlines() if line[:5] in ("FRAME", "READY")}
    return stamps["FRAME"] - start, stamps.get("READY", stamps["FRAME"]) - start


def _big_catalog(path: Path, demo: dict[str, object], items: int = 500, categories: int = 10) -> None:
    demo_items = demo["items"]
    assert isinstance(demo_items, list)
    cats = [{"id": f"c{i}", "names": {"ko": f"분류 {i}", "en": f"Category {i}"}} for i in range(categories)]
    out = []
    for n in range(items):
        src = demo_items[n % len(demo_items)]
        out.append(
            {
                **src,
                "id": f"i{n}",
                "category": f"c{n % categories}",
                "image": str(Path(__file__).resolve().parent.parent / "assets" / src["image"]),
                "names": {"ko": f"{src['names']['ko']} {n}", "en": f"{src['names']['en']} {n}"},
                "set": [],
            }
        )
    data = {**demo, "categories": cats, "items": out}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _rss_kib() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _in_process(quick: bool, tmp: Path) -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import load_settings
    from kiosk.domain.catalog import load_catalog
    from kiosk.ledger.ledger import Ledger
    from kiosk.payments.simulated import SimulatedPaymentProvider
    from kiosk.ports import FakeClock
    from ui.app import build_window

    app = QGuiApplication.instance() or QGuiApplication([])
    lines = []
    base = load_settings(env={})
    demo = json.loads(Path(base.catalog).read_text(encoding="utf-8"))
    big = tmp / "big.json"
    _big_catalog(big, demo)
    clock = FakeClock(datetime(2026, 3, 2, 3, 0, tzinfo=UTC))

    # --- category switch on 500 items ---
    settings = replace(base, catalog=str(big))
    ledger = Ledger.open(tmp / "switch.sqlite3", clock=clock)
    provider = SimulatedPaymentProvider(0.0)
    kw = build_window(settings, ledger, load_catalog(big), provider, clock, windowed=True)
    vm = kw.vm
    vm.start()
    vm.chooseOrderType("dine_in")
    swapped = [0]
    kw.window.frameSwapped.connect(lambda: swapped.__setitem__(0, swapped[0] + 1))
    times = []
    for n in range(20 if quick else 60):
        before = swapped[0]
        t0 = time.perf_counter()
        vm.selectCategory(f"c{(n % 9) + 1 if n % 2 else 0}")
        while swapped[0] == before:
            QCoreApplication.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    lines.append(
        f"category switch, 500 items (50 per category), until the next frame: median {median:.1f} ms "
        f"(target < 50 ms) over {len(times)} switches"
    )
    kw.close()
    ledger.close()

    # --- memory after 20 vs 200 orders ---
    ledger = Ledger.open(tmp / "orders.sqlite3", clock=clock)
    provider = SimulatedPaymentProvider(0.0)
    kw = build_window(base, ledger, load_catalog(Path(base.catalog)), provider, clock, windowed=True)
    vm = kw.vm

    def order(i: int) -> None:
        vm.start()
        vm.chooseOrderType("dine_in" if i % 2 else "take_out")
        vm.selectCategory(["dessert", "coffee", "bakery"][i % 3])
        vm.openItem("cheesecake")
        vm.openCart()
        vm.checkoutCart()
        vm.choosePaymentMethod(["card", "qr", "barcode"][i % 3])
        while vm.step != "result":
            QCoreApplication.processEvents()
        vm.answerReceipt(False)
        vm.finish()
        QCoreApplication.processEvents()
        # Outside app.exec() deleteLater() never runs by itself; the real event loop does this for us.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    small, large = (10, 50) if quick else (20, 200)
    for i in range(small):
        order(i)
    gc.collect()
    rss_small = _rss_kib()
    for i in range(small, large):
        order(i)
    gc.collect()
    rss_large = _rss_kib()
    growth = (rss_large - rss_small) / rss_small * 100
    lines.append(
        f"resident memory after {small} orders {rss_small / 1024:.1f} MiB, after {large} {rss_large / 1024:.1f} MiB: "
        f"{growth:+.1f} % (target within 10 %)"
    )
    kw.close()
    ledger.close()
    del app
    return lines


def main(quick: bool = False) -> list[str]:
    lines: list[str] = []
    runs = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        bare, kiosk, ready = [], [], []
        for n in range(runs):  # interleaved so both see the same machine load
            bare.append(_cold_start("bare", tmp)[0])
            # A fresh data directory each run: a first start (new ledger, migrations) is the slowest.
            frame, up = _cold_start("kiosk", str(Path(tmp) / f"kiosk-{n}"))
            kiosk.append(frame)
            ready.append(up)
        b, k, r = statistics.median(bare), statistics.median(kiosk), statistics.median(ready)
        lines.append(
            f"cold start to first frame: kiosk median {k * 1000:.0f} ms, bare QML window {b * 1000:.0f} ms, "
            f"ratio {k / b:.2f} (target <= 2), {runs} runs each; "
            f"kiosk ready for customers (ledger open, payments recovered) {r * 1000:.0f} ms"
        )
        lines += _in_process(quick, Path(tmp))
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3])
    else:
        main(quick="--quick" in sys.argv)
