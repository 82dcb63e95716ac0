"""Signed catalog bundles: applied atomically and journaled; bad signature, older version and expired
bundles rejected with a clear message; a kill during apply leaves a whole catalog."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backend.db import make_engine
from backend.keys import load_programme_key
from kiosk.config import REPO_ROOT
from kiosk.protocol import bundle_signing_bytes, sign_bundle, verify
from kiosk.sync.files import catalog_file
from kiosk.sync.service import CATALOG_APPLIED, BundleError
from tests.backend.servers import BackendProcess
from tests.sync.helpers import local_entries, terminal

DEMO = json.loads((REPO_ROOT / "assets" / "demo" / "catalog.json").read_text(encoding="utf-8"))


def programme_sign(server: BackendProcess, bundle: dict[str, Any]) -> dict[str, Any]:
    engine = make_engine(server.db_url)
    try:
        return sign_bundle(load_programme_key(engine), bundle)
    finally:
        engine.dispose()


def bundle(
    version: int, terminal_id: str | None, *, expires_in: float = 86400.0, catalog: Any = None
) -> dict[str, Any]:
    now = datetime(2026, 11, 21, 3, tzinfo=UTC)
    return {
        "kind": "catalog",
        "version": version,
        "terminal_id": terminal_id,
        "issued_at": now.isoformat(),
        "expires_at": (now + timedelta(seconds=expires_in)).isoformat(),
        "catalog": DEMO if catalog is None else catalog,
    }


def test_published_catalog_is_pulled_applied_and_journaled(backend_server: BackendProcess, tmp_path: Path) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        src = tmp_path / "menu.json"
        src.write_text(json.dumps(DEMO, ensure_ascii=False), encoding="utf-8")
        done = backend_server.cli("publish-catalog", str(src), "--terminal", t.terminal_id)
        assert done.returncode == 0, done.stderr
        status = t.service.sync_once(force_heartbeat=True)
        applied = json.loads(catalog_file(tmp_path / "data").read_text(encoding="utf-8"))
        assert status.catalog_version == applied["version"] >= 1 and applied["catalog"] == DEMO
        kinds = [e["kind"] for e in local_entries(t.ledger)]
        assert kinds.count(CATALOG_APPLIED) == 1
        t.service.sync_once(force_heartbeat=True)  # nothing newer: nothing applied again
        assert [e["kind"] for e in local_entries(t.ledger)].count(CATALOG_APPLIED) == 1


def test_bad_signature_older_version_and_expired_bundles_are_rejected(
    backend_server: BackendProcess, tmp_path: Path
) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        good = programme_sign(backend_server, bundle(5, t.terminal_id))
        assert t.service.apply_bundle(good) == 5
        before = catalog_file(tmp_path / "data").read_bytes()

        forged = {**good, "version": 6, "catalog": {**DEMO, "shop": "forged"}}
        with pytest.raises(BundleError, match="서명이 올바르지 않아"):
            t.service.apply_bundle(forged)
        with pytest.raises(BundleError, match="새롭지 않아"):
            t.service.apply_bundle(programme_sign(backend_server, bundle(4, t.terminal_id)))
        with pytest.raises(BundleError, match="만료"):
            t.service.apply_bundle(programme_sign(backend_server, bundle(7, t.terminal_id, expires_in=-1)))
        with pytest.raises(BundleError, match="다른 단말기"):
            t.service.apply_bundle(programme_sign(backend_server, bundle(8, "TOTHER")))
        with pytest.raises(BundleError, match="카탈로그 내용이 잘못"):
            t.service.apply_bundle(programme_sign(backend_server, bundle(9, None, catalog={"categories": 3})))
        assert catalog_file(tmp_path / "data").read_bytes() == before
        assert t.service.status().catalog_version == 5
        assert [e["kind"] for e in local_entries(t.ledger)].count(CATALOG_APPLIED) == 1


def test_unsignable_bundles_are_refused_as_bad_signatures_and_the_menu_stays(
    backend_server: BackendProcess, tmp_path: Path
) -> None:
    """NaN, a lone surrogate or absurd nesting cannot even be put in canonical form: a refusal like any
    forged bundle, never an exception out of the sync worker."""
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        good = programme_sign(backend_server, bundle(5, t.terminal_id))
        assert t.service.apply_bundle(good) == 5
        before = catalog_file(tmp_path / "data").read_bytes()
        deep: dict[str, object] = {}
        for _ in range(100_000):
            deep = {"x": deep}
        for poison in (float("nan"), "\ud800", deep):
            hostile = {**good, "version": 6, "catalog": {**DEMO, "shop": poison}}
            with pytest.raises(BundleError, match="서명이 올바르지 않아"):
                t.service.apply_bundle(hostile)
        assert catalog_file(tmp_path / "data").read_bytes() == before
        assert t.service.status().catalog_version == 5


def test_kill_during_apply_leaves_a_whole_catalog_and_the_journal_catches_up(
    backend_server: BackendProcess, tmp_path: Path
) -> None:
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t:
        tid = t.terminal_id
    bundles = tmp_path / "bundles"
    bundles.mkdir()
    big = {**DEMO, "padding": "가" * 2_000_000}  # a big file so a kill often lands mid-write
    for v in range(1, 40):
        b = programme_sign(backend_server, bundle(v, tid, catalog=big))
        (bundles / f"{v}.json").write_text(json.dumps(b, ensure_ascii=False), encoding="utf-8")
    with make_engine(backend_server.db_url).connect() as conn:
        from backend.db import programme_key

        pub = conn.execute(programme_key.select()).first().public_key  # type: ignore[union-attr]
    rng = random.Random(7)
    for _ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.catalog_child", str(tmp_path), str(bundles)],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        # a bundle applied (the child says so), then a random moment into the next ones: on a
        # loaded machine a fixed delay could kill the child before it applied anything
        assert child.stdout is not None
        assert child.stdout.readline().strip(), child.stderr.read().decode() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 1.5))  # a random moment to kill at, not a wait for a condition
        child.kill()
        child.communicate(timeout=10)
        applied = (
            json.loads(catalog_file(tmp_path / "data").read_text(encoding="utf-8"))
            if catalog_file(tmp_path / "data").exists()
            else None
        )
        if applied is not None:
            assert verify(pub, bundle_signing_bytes(applied), applied["signature"]), "a partial or mixed catalog file"
    from tests.sync.helpers import Terminal

    t2 = Terminal(tmp_path, backend_server.url)
    try:
        t2.service.reconcile_catalog()
        applied = json.loads(catalog_file(tmp_path / "data").read_text(encoding="utf-8"))
        assert 1 <= applied["version"] < 39  # killed part-way through the sequence
        entries = [json.loads(e["payload"]) for e in local_entries(t2.ledger) if e["kind"] == CATALOG_APPLIED]
        assert entries and entries[-1]["version"] == applied["version"]
        assert t2.service.status().catalog_version == applied["version"]
    finally:
        t2.close()
