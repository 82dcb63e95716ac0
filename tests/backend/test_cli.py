"""`kiosk-backend` sub-commands: clear messages for bad input, codes that enroll, catalog publishing."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.backend.servers import BACKEND_CMD, REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BACKEND_CMD, *args], cwd=REPO, capture_output=True, text=True, timeout=60)


def test_enroll_code_and_publish_catalog(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    bad = run("enroll-code", "--db", db, "--business-number", "1208147522")
    assert bad.returncode == 2 and "사업자등록번호" in bad.stderr and "Traceback" not in bad.stderr
    ok = run("enroll-code", "--db", db, "--business-number", "120-81-47521")
    assert ok.returncode == 0 and len(ok.stdout.strip()) == 14 and ok.stdout.count("-") == 2
    missing = run("publish-catalog", "--db", db, str(tmp_path / "nope.json"), "--all")
    assert missing.returncode == 2 and "cannot read the catalog JSON" in missing.stderr
    menu = tmp_path / "menu.json"
    menu.write_text((REPO / "assets" / "demo" / "catalog.json").read_text(encoding="utf-8"), encoding="utf-8")
    unknown = run("publish-catalog", "--db", db, str(menu), "--terminal", "TNOPE")
    assert unknown.returncode == 2 and "no terminal TNOPE" in unknown.stderr
    pub = run("publish-catalog", "--db", db, str(menu), "--all")
    assert pub.returncode == 0 and "version 1" in pub.stdout
    assert "version 2" in run("publish-catalog", "--db", db, str(menu), "--all").stdout


def test_unusable_database_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    r = run("migrate", "--db", f"sqlite:///{tmp_path / 'missing-dir' / 'x.sqlite3'}")
    assert r.returncode == 3 and "cannot use the database" in r.stderr and "Traceback" not in r.stderr
