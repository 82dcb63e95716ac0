"""`kiosk ledger verify` on one realistic year: peak memory and time, against a bare sqlite3 script that
recomputes the same hash chain, each in a fresh process, interleaved (A B A B ...) in one run.

The year is bench.history's (the real sale, payment and print code, ~5.5 entries a sale, cached;
KIOSK_BENCH_HISTORY=/path uses another file). Targets (issue 11): peak RSS < 64 MiB, time <= 1.5x the
bare streaming check.

Run: .venv/bin/python -m bench verify   (--quick: 7 days)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import history
from kiosk.config import REPO_ROOT

# The bare check: the same query and the same canonical bytes and SHA-256 chain, nothing else.
BARE = """
import hashlib, json, sqlite3, sys, time
t0 = time.perf_counter()
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
prev, n = "0" * 64, 0
for seq, eid, dev, ts, kind, payload, sprev, shash in conn.execute(
    "SELECT seq, id, device_id, ts, kind, payload, prev_hash, hash FROM journal ORDER BY seq"
):
    doc = {"device_id": dev, "seq": seq, "id": eid, "ts": ts, "kind": kind, "payload": payload}
    body = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    digest = hashlib.sha256(bytes.fromhex(prev) + body.encode("utf-8")).hexdigest()
    if sprev != prev or digest != shash:
        sys.exit(f"bad at {seq}")
    prev, n = digest, n + 1
hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print("RESULT", n, time.perf_counter() - t0, hwm)
"""

KIOSK = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from kiosk.ledger.verify import verify_journal
r = verify_journal(Path(sys.argv[1]))
assert r.ok, r
hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print("RESULT", r.entries, time.perf_counter() - t0, hwm)
"""


def _run(code: str, path: Path) -> tuple[int, float, float, float]:
    """(entries, seconds inside the check, process wall seconds, peak RSS MiB) of one fresh process. The peak
    is the child's VmHWM (ru_maxrss would carry over this process's peak across fork and exec)."""
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True, cwd=REPO_ROOT, env=env
    ).stdout
    wall = time.perf_counter() - t0
    _, n, secs, rss = next(line for line in out.splitlines() if line.startswith("RESULT")).split()
    return int(n), float(secs), wall, int(rss) / 1024


def _command(path: Path) -> tuple[float, float]:
    """`python -m kiosk ledger verify --db` as a user runs it (with SQLite's integrity check first)."""
    t0 = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "MAXRSS %M", sys.executable, "-m", "kiosk", "ledger", "verify", "--db", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"kiosk ledger verify failed: {done.stdout}{done.stderr}")
    rss = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("MAXRSS"))
    return wall, rss / 1024


def main(quick: bool = False) -> list[str]:
    if not quick:
        return _measure(history.one_year(), 3)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "week.sqlite3"
        history.build(path, days=7)
        return _measure(path, 2)


def _measure(path: Path, rounds: int) -> list[str]:
    kiosk, bare = [], []
    for _ in range(rounds):  # interleaved: A B A B ...
        kiosk.append(_run(KIOSK, path))
        bare.append(_run(BARE, path))
    entries = kiosk[0][0]
    k_time = statistics.median(r[1] for r in kiosk)
    b_time = statistics.median(r[1] for r in bare)
    lines = [
        f"ledger: {entries:,} entries, {path.stat().st_size / 2**20:.0f} MiB ({path.name})",
        f"verify_journal: median {k_time:.2f} s, peak RSS {max(r[3] for r in kiosk):.0f} MiB (target < 64 MiB)",
        f"bare sqlite3 chain check, same run: median {b_time:.2f} s, peak RSS {max(r[3] for r in bare):.0f} MiB",
        f"ratio verify / bare: {k_time / b_time:.2f} (target <= 1.5)",
    ]
    if Path("/usr/bin/time").exists():
        runs = [_command(path) for _ in range(rounds)]
        lines.append(
            f"`kiosk ledger verify --db` whole process (integrity_check + chain): median "
            f"{statistics.median(r[0] for r in runs):.2f} s, peak RSS {max(r[1] for r in runs):.0f} MiB"
        )
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
