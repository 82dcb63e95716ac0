"""`kiosk backup` / `kiosk restore` as an operator runs them: an online backup while another process
sells, a restore into a fresh data directory, and the refusals (older than the backend's acknowledged
sequence, a broken chain, the kiosk still running)."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kiosk.config import REPO_ROOT
from tests.packaging.helpers import query, verify_ledger


def kiosk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def journal_count(db: Path) -> int:
    try:
        return int(query(db, "SELECT count(*) FROM journal")[0][0])  # type: ignore[call-overload]
    except sqlite3.Error:
        return 0


def test_backup_while_selling_then_restore_into_a_fresh_data_dir(tmp_path: Path) -> None:
    db = tmp_path / "shop" / "ledger.sqlite3"
    db.parent.mkdir()
    seller = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "demo-sales", "--db", str(db), "--days", "60", "--seed", "7"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while journal_count(db) < 300 and seller.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(subprocess.TimeoutExpired):
                seller.wait(timeout=0.05)  # returns at once if the seller ends
        assert seller.poll() is None, "the seller finished before the backup could run while it sells"
        made = kiosk("backup", "--db", str(db), "--to", str(tmp_path / "usb"), "--json")
        assert made.returncode == 0, made.stderr
        out, _ = seller.communicate(timeout=120)
    finally:
        if seller.poll() is None:
            seller.kill()
            seller.communicate()
    assert seller.returncode == 0, out
    info = json.loads(made.stdout)
    backup_file = Path(info["path"])
    assert backup_file.parent == tmp_path / "usb" and backup_file.name.startswith("ledger-")
    assert oct(backup_file.stat().st_mode & 0o777) == "0o640"
    assert not list((tmp_path / "usb").glob(".*partial"))
    last_seq = info["last_seq"]
    final_seq = int(query(db, "SELECT max(seq) FROM journal")[0][0])  # type: ignore[call-overload]
    assert 300 <= last_seq < final_seq, "the kiosk kept selling during and after the backup"

    fresh = tmp_path / "fresh" / "data" / "ledger.sqlite3"
    restored = kiosk("restore", str(backup_file), "--db", str(fresh))
    assert restored.returncode == 0, restored.stderr
    assert f"up to seq {last_seq}" in restored.stdout
    verify_ledger(fresh)
    # The restored journal is the sold one up to the backup, entry for entry, and so are the totals.
    assert query(fresh, "SELECT seq, hash FROM journal ORDER BY seq") == query(
        db, "SELECT seq, hash FROM journal WHERE seq <= ? ORDER BY seq", last_seq
    )
    totals = "SELECT count(*), sum(total), sum(vat) FROM orders WHERE journal_seq <= ?"
    assert query(fresh, totals, last_seq) == query(db, totals, last_seq)
    assert query(fresh, "SELECT count(*), sum(total) FROM orders")[0][0] > 0  # type: ignore[operator]
    # The restored ledger opens and reports like any other.
    report = kiosk("report", "--db", str(fresh), "--from", "2000-01-01", "--to", "2100-01-01", "--json")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["sale_count"] == query(fresh, "SELECT count(*) FROM orders")[0][0]


def make_ledger(tmp_path: Path, days: int = 1) -> Path:
    db = tmp_path / "src" / "ledger.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    done = kiosk("demo-sales", "--db", str(db), "--days", str(days), "--per-day", "20", "--seed", "3")
    assert done.returncode == 0, done.stderr
    return db


def test_restore_refuses_a_backup_older_than_the_backends_acknowledged_sequence(tmp_path: Path) -> None:
    db = make_ledger(tmp_path)
    made = kiosk("backup", "--db", str(db), "--to", str(tmp_path / "b"), "--json")
    assert made.returncode == 0, made.stderr
    backup_file, last_seq = Path(json.loads(made.stdout)["path"]), json.loads(made.stdout)["last_seq"]
    target = tmp_path / "new" / "ledger.sqlite3"
    refused = kiosk("restore", str(backup_file), "--db", str(target), "--acked-seq", str(last_seq + 5))
    assert refused.returncode == 6
    assert f"acknowledged up to seq {last_seq + 5}" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not target.exists()
    # The current ledger's own record of what the backend acknowledged counts too.
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE sync_state (id INTEGER PRIMARY KEY, acked_seq INTEGER)")
        conn.execute("INSERT INTO sync_state VALUES (1, ?)", (last_seq + 1,))
    refused = kiosk("restore", str(backup_file), "--db", str(target))
    assert refused.returncode == 6, refused.stderr
    assert query(target, "SELECT acked_seq FROM sync_state") == [(last_seq + 1,)]  # untouched
    forced = kiosk("restore", str(backup_file), "--db", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    verify_ledger(target)
    kept = list(target.parent.glob("ledger.sqlite3.before-restore-*"))
    assert [p.name for p in kept if not p.name.endswith(("-wal", "-shm"))], "the replaced ledger was not kept"


def test_restore_verifies_the_chain_first_and_refuses_while_the_kiosk_runs(tmp_path: Path) -> None:
    db = make_ledger(tmp_path)
    made = kiosk("backup", "--db", str(db), "--to", str(tmp_path / "b"), "--json")
    assert made.returncode == 0, made.stderr
    backup_file = Path(json.loads(made.stdout)["path"])
    # A running kiosk has the target ledger open, idle (WAL, no transaction) or in the middle of a sale:
    # the restore refuses and replaces nothing.
    target = tmp_path / "live" / "ledger.sqlite3"
    target.parent.mkdir()
    holder = sqlite3.connect(target, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("CREATE TABLE t (x)")
        idle = kiosk("restore", str(backup_file), "--db", str(target))
        holder.execute("BEGIN IMMEDIATE")
        busy = kiosk("restore", str(backup_file), "--db", str(target))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for refused in (idle, busy):
        assert refused.returncode == 7 and "stop it first" in refused.stderr, refused.stderr
    assert query(target, "SELECT name FROM sqlite_master") == [("t",)]
    # Tampered: one payload edited behind the triggers' back.
    tampered = tmp_path / "b" / "ledger-TAMPERED-20000101T000000Z-seq1.sqlite3"
    tampered.write_bytes(backup_file.read_bytes())
    with sqlite3.connect(tampered) as conn:
        triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        for name in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("UPDATE journal SET payload = replace(payload, '1', '2') WHERE seq = 3")
    refused = kiosk("restore", str(tampered), "--db", str(tmp_path / "x" / "ledger.sqlite3"), "--force")
    assert refused.returncode == 4, refused.stderr
    assert "chain is broken at seq 3" in refused.stderr
    assert not (tmp_path / "x" / "ledger.sqlite3").exists()
    missing = kiosk("restore", str(tmp_path / "nope.sqlite3"), "--db", str(target))
    assert missing.returncode == 2 and "no such backup file" in missing.stderr
    nowhere = kiosk("backup", "--db", str(db), "--to", "/proc/kiosk-cannot-write-here")
    assert nowhere.returncode == 5 and "cannot write backups here" in nowhere.stderr, nowhere.stderr


def test_backups_keep_only_the_newest(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from kiosk.ledger.backup import backup, backups

    db = make_ledger(tmp_path)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for hour in range(5):
        backup(db, tmp_path / "b", now=start + timedelta(hours=hour), keep=3)
    kept = backups(tmp_path / "b")
    assert [p.name.split("-")[-2] for p in kept] == ["20260101T020000Z", "20260101T030000Z", "20260101T040000Z"]
