"""The GUI thread's CPU time up to the first frame (`time.thread_time()` at `frameSwapped`), for the bare
one-Text QML window (bench/_bare_window.py's window) and for `kiosk run` (bench/_kiosk_start.py's
`run_kiosk`, windowed, the data directory of `KIOSK_DATA_DIR` or a fresh one), interleaved, each in a fresh
process. Much less sensitive to the machine's load than the wall-clock times of `bench.ui.cold_start`
(other processes delay the first frame, they hardly change the CPU time our own thread spends on it), so it
is the figure to compare code with on a shared machine (docs/PERFORMANCE.md, "Cold start").

Run: PYTHONPATH=<tree> .venv/bin/python -m bench.frame_cpu [RUNS]  (or `python -m bench frame_cpu`; offscreen,
software renderer)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.ui import QT_ENV, REPO, compile_like_the_package

BARE = """
import os, sys, time
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv[:1])
engine = QQmlApplicationEngine()
engine.loadData(QByteArray('''import QtQuick
import QtQuick.Window
Window { width: 1080; height: 1920; visible: true; Text { text: "안녕하세요" } }
'''.encode()))
def first_frame():
    print(f"CPU {time.thread_time() * 1000:.2f}", flush=True)
    os._exit(0)
engine.rootObjects()[0].frameSwapped.connect(first_frame)
app.exec()
"""

KIOSK = """
import os, sys, time
from app.cli import build_parser
args = build_parser("run").parse_args(["run", "--windowed"])
from app.commands.run import run_kiosk
def on_stage(stage):
    if stage == "first-frame":
        print(f"CPU {time.thread_time() * 1000:.2f}", flush=True)
        os._exit(0)
run_kiosk(args, on_stage=on_stage)
"""


def _cpu(code: str, env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **QT_ENV, **env},
        cwd=REPO,
        timeout=120,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("CPU "):
            return float(line.split()[1])
    raise RuntimeError(f"no first frame (exit {done.returncode}): {done.stderr[-1500:]}")


def main(quick: bool = False, runs: int | None = None) -> list[str]:
    runs = runs or (3 if quick else 7)
    compile_like_the_package()
    with tempfile.TemporaryDirectory(prefix="bench-frame-cpu-") as tmp:
        env = {"KIOSK_DATA_DIR": os.environ.get("KIOSK_DATA_DIR", str(Path(tmp) / "data"))}
        _cpu(KIOSK, env)  # warm-up: the QML disk cache, the data directory
        bare: list[float] = []
        kiosk: list[float] = []
        for _ in range(runs):
            bare.append(_cpu(BARE, {}))
            kiosk.append(_cpu(KIOSK, env))
    b, k = statistics.median(bare), statistics.median(kiosk)
    with open("/proc/loadavg", encoding="ascii") as f:
        load = f.read().split()[0]
    lines = [
        f"GUI thread CPU to the first frame, medians of {runs} interleaved runs (load {load}): bare {b:.1f} ms, "
        f"kiosk {k:.1f} ms = {k / b:.2f}x bare (target <= 1.5 in wall time); "
        f"kiosk {' '.join(f'{v:.0f}' for v in kiosk)}; bare {' '.join(f'{v:.0f}' for v in bare)}"
    ]
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    main(runs=int(sys.argv[1]) if len(sys.argv) > 1 else None)
