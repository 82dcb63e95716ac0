"""The last self-test goes out with the next heartbeat: the programme's fleet view shows which terminals
passed (the real backend on loopback; the kiosk's heartbeat payload, one added health line)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx

from kiosk.installer import report
from kiosk.installer.selftest import Outcome, SelfTestRun, fail, ok
from tests.backend.servers import OPERATOR_TOKENS, BackendProcess
from tests.sync.helpers import terminal


def test_selftest_result_reaches_the_fleet_view(tmp_path: Path, backend_server: BackendProcess) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        run = SelfTestRun(
            datetime(2026, 11, 29, 22, 0, tzinfo=UTC).isoformat(),
            (ok("printer", "프린터 정상"), fail("nfc", "리더 없음", "리더를 연결하세요", "Plug the reader")),
            {"app": "0.1.0"},
        )
        assert run.outcome is Outcome.FAIL
        report.save(run, tmp_path / "data")
        t.service.sync_once(force_heartbeat=True)
        reply = httpx.get(
            f"{backend_server.url}/v1/fleet/terminals/{t.terminal_id}",
            headers={"Authorization": f"Bearer {OPERATOR_TOKENS[backend_server.url]}"},
            timeout=10,
        )
        reply.raise_for_status()
    lines = [h for h in reply.json()["health"] if h["device"] == "selftest"]
    assert len(lines) == 1
    assert lines[0]["health"] == "lost"
    assert lines[0]["detail"].startswith("fail ok=1 check=0 fail=1 at=2026-11-29T22:00:00")
    assert "nfc" in lines[0]["message"]


def test_no_selftest_no_line(tmp_path: Path) -> None:
    assert report.selftest_health(tmp_path, datetime.now(UTC)) == []
