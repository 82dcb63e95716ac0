"""PostgreSQL: two backend instances on one database receiving the same terminal's pushes concurrently
still store every entry exactly once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kiosk.sync.service import BackendUnavailable
from tests.backend.servers import BackendProcess, Postgres
from tests.sync.helpers import Terminal, local_entries, same_journal, server_entries

pytestmark = pytest.mark.postgres


def test_two_instances_same_terminal_concurrent_pushes_exactly_once(postgres: Postgres, tmp_path: Path) -> None:
    url = postgres.create_db("twoinst")
    with BackendProcess(url) as a, BackendProcess(url) as b:
        ta = Terminal(tmp_path / "k", a.url, batch_size=50)
        try:
            ta.enroll(url)
            ta.bulk(3000)
            ta.sell(5)
            # A second client for the same terminal (same ledger and key) talking to instance b:
            # what a load balancer does with a retry that lands elsewhere.
            tb = Terminal(tmp_path / "k", b.url, batch_size=50)
            errors: list[BaseException] = []

            def run(t: Terminal) -> None:
                for _ in range(3):
                    try:
                        t.service.push_pending()
                        return
                    except BackendUnavailable as exc:  # pragma: no cover - reported below if it persists
                        errors.append(exc)

            try:
                threads = [threading.Thread(target=run, args=(t,)) for t in (ta, tb)]
                for th in threads:
                    th.start()
                for th in threads:
                    th.join(120)
                assert not errors
                remote = server_entries(a.url, ta.terminal_id)
                assert [e["seq"] for e in remote] == list(range(1, 3006))
                assert same_journal(local_entries(ta.ledger), remote)
                assert all(e["status"] == "stored" for e in remote)
                assert server_entries(b.url, ta.terminal_id) == remote
            finally:
                tb.close()
        finally:
            ta.close()
