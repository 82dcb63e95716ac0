"""`kiosk refund --number N [--date D]` and the order list of `kiosk report`, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.processes import kiosk


def test_refund_by_number_and_the_report_lists_order_numbers(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.sqlite3")
    made = kiosk("demo-sales", "--db", db, "--days", "2", "--per-day", "8", "--seed", "5", "--end", "2026-11-20")
    assert made.returncode == 0, made.stderr
    text = kiosk("report", "--db", db, "--date", "2026-11-20")
    assert text.returncode == 0 and "[주문별" in text.stdout
    before = json.loads(kiosk("report", "--db", db, "--date", "2026-11-20", "--json").stdout)
    numbers = [o["number"] for o in before["orders"]]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == before["sale_count"]
    target = next(o for o in before["orders"] if o["status"] == "completed")
    missing = kiosk("refund", "--db", db, "--number", "999", "--date", "2026-11-20")
    assert missing.returncode == 2 and "no order No. 999 on 2026-11-20" in missing.stderr
    alone = kiosk("refund", "--db", db, "--order", "x", "--date", "2026-11-20")
    assert alone.returncode == 2 and "--date goes with --number" in alone.stderr
    done = kiosk(
        "refund", "--db", db, "--number", str(target["number"]), "--date", "2026-11-20", "--manual", "--reason", "t"
    )
    assert done.returncode == 0, done.stderr
    assert f"주문 {target['number']}번" in done.stdout
    after = json.loads(kiosk("report", "--db", db, "--date", "2026-11-20", "--json").stdout)
    refunded_today = json.loads(kiosk("report", "--db", db, "--json").stdout)  # a refund counts on its own day
    assert refunded_today["refunds"] == target["total"] and refunded_today["refund_count"] == 1
    assert next(o for o in after["orders"] if o["number"] == target["number"])["status"] == "refunded"
    ranged = json.loads(kiosk("report", "--db", db, "--from", "2026-11-19", "--to", "2026-11-20", "--json").stdout)
    assert ranged["orders"] == []
