"""The `kiosk` command as a user runs it: a real process, real files, exit codes and messages."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import DEMO_CONFIG, REPO_ROOT
from tests.helpers.processes import kiosk


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("history") / "ledger.sqlite3"
    done = kiosk("demo-sales", "--db", str(db), "--days", "3", "--per-day", "40", "--seed", "5", "--end", "2026-11-20")
    assert done.returncode == 0, done.stderr
    assert "recorded" in done.stdout
    return db


def test_verify_intact(history: Path) -> None:
    done = kiosk("ledger", "verify", "--db", str(history))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("OK: ") and "chain intact" in done.stdout


def _tampered_copy(history: Path, tmp_path: Path, *statements: str) -> Path:
    copy = tmp_path / "copy.sqlite3"
    src = sqlite3.connect(history)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.execute("DROP TRIGGER journal_no_update")
    dst.execute("DROP TRIGGER journal_no_delete")
    dst.execute("PRAGMA foreign_keys=OFF")
    for s in statements:
        dst.execute(s)
    dst.commit()
    dst.close()
    return copy


@pytest.mark.parametrize(
    ("statements", "seq", "problem"),
    [
        (["UPDATE journal SET payload = replace(payload, '\"total\":', '\"total\":1') WHERE seq = 17"], 17, "edited"),
        (["DELETE FROM journal WHERE seq = 23"], 23, "missing"),
        (
            [
                "UPDATE journal SET seq = -1 WHERE seq = 30",
                "UPDATE journal SET seq = 30 WHERE seq = 31",
                "UPDATE journal SET seq = 31 WHERE seq = -1",
            ],
            30,
            "reordered",
        ),
        (["UPDATE journal SET ts = '2026-01-01T00:00:00.000000+00:00' WHERE seq = 5"], 5, "edited"),
    ],
    ids=["edited", "deleted", "swapped", "backdated"],
)
def test_verify_finds_tampering(history: Path, tmp_path: Path, statements: list[str], seq: int, problem: str) -> None:
    copy = _tampered_copy(history, tmp_path, *statements)
    done = kiosk("ledger", "verify", "--db", str(copy))
    assert done.returncode == 1
    assert done.stdout.startswith(f"TAMPERED at seq {seq}: {problem}:"), done.stdout


def test_verify_bad_paths(tmp_path: Path) -> None:
    done = kiosk("ledger", "verify", "--db", str(tmp_path / "none.sqlite3"))
    assert done.returncode == 2 and "no ledger here" in done.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    done = kiosk("ledger", "verify", "--db", str(junk))
    assert done.returncode == 2 and "is this a kiosk ledger?" in done.stderr
    assert "Traceback" not in done.stderr


def test_report_korean_and_english(history: Path) -> None:
    done = kiosk("report", "--db", str(history), "--date", "2026-11-20")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for label in (
        "카페 한결",
        "일일 매출 보고서",
        "판매 건수",
        "총매출",
        "환불",
        "순매출",
        "공급가액",
        "부가세",
        "면세 매출",
    ):
        assert label in out
    for section in ("[품목별]", "[시간대별]", "[결제수단별]"):
        assert section in out
    en = kiosk("report", "--db", str(history), "--date", "2026-11-20", "--lang", "en").stdout
    assert "Net sales" in en and "By payment method" in en
    data = json.loads(kiosk("report", "--db", str(history), "--date", "2026-11-20", "--json").stdout)
    assert data["sale_count"] > 0
    assert data["net"] == data["gross"] - data["refunds"]
    assert data["supply_value"] + data["vat"] == data["taxable_total"]
    assert sum(i["amount"] for i in data["by_item"]) == data["gross"]
    assert sum(h["count"] for h in data["by_hour"]) == data["sale_count"]
    assert sum(m["amount"] for m in data["by_method"]) == data["gross"]
    rng = json.loads(
        kiosk("report", "--db", str(history), "--from", "2026-11-18", "--to", "2026-11-20", "--json").stdout
    )
    assert rng["sale_count"] > data["sale_count"]


def test_config_check_demo() -> None:
    done = kiosk("config", "check", "--config", str(DEMO_CONFIG))
    assert done.returncode == 0, done.stderr
    assert "카페 한결 (214-87-10355)" in done.stdout and "52 items" in done.stdout


def _config(tmp_path: Path, text: str) -> Path:
    shutil.copy(REPO_ROOT / "assets" / "demo" / "catalog.json", tmp_path / "catalog.json")
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[shop]\nname = "x"\nbusiness_number = "214-87-10356"\n', "[shop.business_number]"),
        ('[shop]\nname = "x"\nbusiness_number = "2148710355"\nbusiness_day_start_hour = "five"\n', "must be int"),
        ('[shop]\nname = "x"\nbusiness_number = "2148710355"\ncolour = "red"\n', "[shop.colour] unknown key"),
        ('[shop\nname = "x"\n', "is not valid TOML"),
        ('[ui]\nscale = 3.0\n[shop]\nbusiness_number = "2148710355"\n', "[ui.scale] must be between 1.0 and 2.0"),
        ('catalog = "missing.json"\n[shop]\nbusiness_number = "2148710355"\n', "[catalog]"),
        ('catalog = "bad.json"\n[shop]\nbusiness_number = "2148710355"\n', "not valid JSON"),
    ],
)
def test_config_check_bad_files(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    path = _config(tmp_path, text)
    done = kiosk("config", "check", "--config", str(path))
    assert done.returncode == 2
    assert str(path) in done.stderr
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_environment_overrides(tmp_path: Path) -> None:
    done = kiosk("config", "check", env={"KIOSK_SHOP__NAME": "시장 분식", "KIOSK_LEDGER__PATH": str(tmp_path / "x.db")})
    assert done.returncode == 0 and "시장 분식" in done.stdout and str(tmp_path / "x.db") in done.stdout


def test_command_table_matches_the_modules() -> None:
    """app.cli.COMMANDS (which module to import for a command) says exactly what the modules register."""
    import argparse
    import importlib
    import pkgutil

    import app.commands
    from app.cli import COMMANDS

    registered: dict[str, str] = {}
    for info in pkgutil.iter_modules(app.commands.__path__):
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"app.commands.{info.name}").register(sub)
        registered.update(dict.fromkeys(sub.choices, info.name))
    assert registered == COMMANDS


def test_help_lists_every_command_and_run_imports_only_its_module() -> None:
    done = kiosk("--help")
    assert done.returncode == 0
    for command in ("run", "refund", "printer-sim", "enroll", "demo-sales"):
        assert command in done.stdout
    probe = (
        "import sys; from app.cli import build_parser; build_parser('run'); "
        "print(sorted(m for m in sys.modules if m.startswith('app.commands.')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert out.stdout.strip() == "['app.commands.run']"
