"""Updates as a shop gets them (docs/DEPLOYING.md, "Updates"): a newer version migrates the ledger at its
next start; a ledger from a newer version is refused with what to do; a migration that fails leaves the
old ledger exactly as it was."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config

from kiosk.config import REPO_ROOT
from kiosk.ledger.db import MIGRATIONS, make_engine
from kiosk.ledger.precheck import revision_heads
from tests.packaging.helpers import query, verify_ledger


def ledger_at(path: Path, revision: str) -> None:
    """A ledger as the version whose schema ended at `revision` left it."""
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            conn.commit()
    finally:
        engine.dispose()


def start(db: Path) -> subprocess.CompletedProcess[str]:
    """The next start of the new version, as far as the ledger goes (`demo-sales` opens it as `run` does)."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "demo-sales", "--db", str(db), "--days", "1", "--per-day", "3"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def snapshot(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_newer_version_migrates_the_ledger_at_its_next_start(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    ledger_at(db, "0001")
    assert query(db, "SELECT version_num FROM alembic_version") == [("0001",)]
    started = start(db)
    assert started.returncode == 0, started.stderr
    assert {r[0] for r in query(db, "SELECT version_num FROM alembic_version")} == revision_heads()
    assert query(db, "SELECT count(*) FROM orders")[0][0] == 3
    verify_ledger(db)


def test_a_failed_migration_leaves_the_old_ledger_untouched(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    ledger_at(db, "0001")
    # The injected fault: a table in the way of a later migration (as a half-done manual repair might leave).
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE sync_state (id INTEGER PRIMARY KEY, note TEXT)")
        conn.execute("INSERT INTO sync_state VALUES (1, 'left by hand')")
    before = snapshot(db)
    started = start(db)
    assert started.returncode == 3, started.stdout + started.stderr
    assert "could not be migrated" in started.stderr and "it is unchanged" in started.stderr
    assert "Traceback" not in started.stderr
    assert snapshot(db) == before


def test_a_ledger_from_a_newer_version_is_refused_with_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    ledger_at(db, "heads")
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO alembic_version VALUES ('9001')")  # what a newer version would add
    before = snapshot(db)
    started = start(db)
    assert started.returncode == 3, started.stdout + started.stderr
    assert "written by a newer version of the kiosk (schema 9001)" in started.stderr
    assert "kiosk restore" in started.stderr and "Traceback" not in started.stderr
    assert snapshot(db) == before
