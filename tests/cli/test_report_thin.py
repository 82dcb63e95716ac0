"""`kiosk report` takes a thin path: plain sqlite3 on a read-only connection, no SQLAlchemy, nothing written,
the same figures as the ledger's own report; a file that path cannot read goes the full way, which says
what is wrong with it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from kiosk.ledger import Ledger
from kiosk.ledger.readonly import open_readonly
from kiosk.reports import read_sales_report, sales_report
from tests.helpers.processes import kiosk


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("thin") / "ledger.sqlite3"
    done = kiosk("demo-sales", "--db", str(db), "--days", "4", "--per-day", "60", "--seed", "3", "--end", "2026-11-20")
    assert done.returncode == 0, done.stderr
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_report_imports_no_sqlalchemy_and_writes_nothing(history: Path) -> None:
    before = _digest(history)
    code = (
        "import sys\n"
        "from app.cli import main\n"
        f"status = main(['report', '--db', {str(history)!r}, '--date', '2026-11-20', '--json'])\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
        "raise SystemExit(status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    report, loaded = done.stdout.split("LOADED")
    assert json.loads(report)["sale_count"] > 0
    assert loaded.strip() == "[]"
    assert _digest(history) == before
    wal = Path(f"{history}-wal")  # a read-only connection on a WAL file may leave an empty one
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_thin_report_is_the_ledgers_report(history: Path) -> None:
    ledger = Ledger.open(history)
    conn = open_readonly(history)
    assert conn is not None
    try:
        for lo, hi in ((date(2026, 11, 20), None), (date(2026, 11, 17), date(2026, 11, 20)), (date(2026, 1, 1), None)):
            assert read_sales_report(conn, lo, hi) == sales_report(ledger, lo, hi)
        assert sales_report(ledger, date(2026, 11, 17), date(2026, 11, 20)).sale_count > 200
    finally:
        conn.close()
        ledger.close()


def test_a_file_the_thin_path_cannot_read_goes_the_full_way(tmp_path: Path) -> None:
    other = tmp_path / "contacts.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    assert open_readonly(other) is None
    done = kiosk("report", "--db", str(other), "--date", "2026-11-20")
    assert done.returncode == 2 and "not a kiosk ledger" in done.stderr, done.stderr
    text = tmp_path / "notes.txt"
    text.write_text("장부 아님\n" * 200, encoding="utf-8")
    assert open_readonly(text) is None
    done = kiosk("report", "--db", str(text), "--date", "2026-11-20")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    empty = tmp_path / "new.sqlite3"
    empty.write_bytes(b"")
    done = kiosk("report", "--db", str(empty), "--date", "2026-11-20", "--json")
    assert done.returncode == 2 and "0-byte" in done.stderr and empty.read_bytes() == b"", done.stderr
