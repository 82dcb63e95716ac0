"""Every way a catalog comes in refuses an invalid one with its reason, and takes a valid one: `kiosk config
check`, `kiosk demo-sales`, the menu `kiosk run` loads, `kiosk-backend publish-catalog`, and a signed
bundle the kiosk applies (refused, journaled once, the applied catalog kept)."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.cli import main
from app.commands.run import load_menu
from kiosk.config import load_settings
from kiosk.domain.catalog import CatalogError
from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from kiosk.protocol import public_key_text, sign_bundle
from kiosk.sync.files import catalog_file
from kiosk.sync.models import SyncStateRow
from kiosk.sync.service import CATALOG_APPLIED, CATALOG_REFUSED, BundleError, SyncService
from tests.domain.catalogs import BASE, MUTATIONS, mutated

CONFIG = """catalog = "catalog.json"
data_dir = "data"
[shop]
name = "시장 분식"
business_number = "2148710355"
"""
NOW = datetime(2026, 11, 21, 3, tzinfo=UTC)
# A bundle is signed over canonical JSON, which has no NaN and no lone surrogates: those cannot be signed.
UNSIGNABLE = {"NaN", "lone surrogate"}


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def run_backend(*argv: str) -> tuple[int, str]:
    from backend.cli import main as backend_main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = backend_main(list(argv))
    return code, err.getvalue()


def shop(tmp_path: Path, catalog: Any) -> Path:
    (tmp_path / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")  # ASCII: surrogates survive
    config = tmp_path / "kiosk.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("KIOSK_CONFIG", "KIOSK_DATA_DIR", "KIOSK_LEDGER__PATH", "KIOSK_CATALOG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KIOSK_BACKEND_MODE", "test")
    return tmp_path


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_an_invalid_catalog_is_refused_with_its_reason_at_every_entry_point(isolated: Path, name: str) -> None:
    reason = MUTATIONS[name][1]
    config = shop(isolated, mutated(BASE, name))

    code, out, err = run_cli("config", "check", "--config", str(config))
    assert code == 2 and reason in err and "[catalog]" in err, err
    assert "Traceback" not in err + out

    db = isolated / "sales.sqlite3"
    code, out, err = run_cli("demo-sales", "--config", str(config), "--db", str(db), "--days", "1", "--per-day", "1")
    assert code == 2 and reason in err, err
    assert not db.exists()  # refused before a ledger is made

    with pytest.raises(CatalogError, match=None) as info:  # what `kiosk run` loads before its first frame
        load_menu(load_settings(config, env={}))
    assert reason in str(info.value)

    code, err = run_backend("publish-catalog", str(isolated / "catalog.json"), "--all", "--db", backend_db(isolated))
    assert code == 2 and reason in err and "not published" in err, err


def backend_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'backend.sqlite3'}"


def test_a_valid_catalog_is_taken_everywhere(isolated: Path) -> None:
    config = shop(isolated, BASE)
    code, out, err = run_cli("config", "check", "--config", str(config))
    assert code == 0 and "catalog v3 with 3 items in 2 categories" in out, err
    db = isolated / "sales.sqlite3"
    code, out, err = run_cli("demo-sales", "--config", str(config), "--db", str(db), "--days", "1", "--per-day", "3")
    assert code == 0 and "recorded" in out, err
    assert [i.id for i in load_menu(load_settings(config, env={})).items] == ["i0", "i1", "i2"]
    code, err = run_backend("publish-catalog", str(isolated / "catalog.json"), "--all", "--db", backend_db(isolated))
    assert code == 0, err


class Kiosk:
    """An enrolled kiosk's sync service (enrolled by writing the programme key, as enrollment does)."""

    def __init__(self, tmp_path: Path) -> None:
        self.key = Ed25519PrivateKey.generate()
        self.data = tmp_path / "data"
        self.ledger = Ledger.open(tmp_path / "ledger.sqlite3", device_id="K-1", clock=FakeClock(NOW))
        with self.ledger.transaction() as tx:
            tx.session.add(
                SyncStateRow(
                    id=1,
                    backend_url="",
                    terminal_id="T-1",
                    programme_key=public_key_text(self.key),
                    acked_seq=0,
                    catalog_version=0,
                    catalog_journaled=0,
                )
            )
        self.service = SyncService(self.ledger, self.data, FakeClock(NOW))

    def bundle(self, version: int, catalog: Any) -> dict[str, Any]:
        return sign_bundle(
            self.key,
            {
                "kind": "catalog",
                "version": version,
                "terminal_id": None,
                "issued_at": NOW.isoformat(),
                "expires_at": (NOW + timedelta(days=30)).isoformat(),
                "catalog": catalog,
            },
        )

    def kinds(self) -> Sequence[str]:
        return [e.kind for e in self.ledger.entries_after(0, limit=10_000)]

    def close(self) -> None:
        self.service.close()
        self.ledger.close()


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    k = Kiosk(tmp_path_factory.mktemp("kiosk"))
    assert k.service.apply_bundle(k.bundle(1, BASE)) == 1
    try:
        yield k
    finally:
        k.close()


@pytest.mark.parametrize("name", sorted(set(MUTATIONS) - UNSIGNABLE))
def test_a_signed_bundle_with_an_invalid_catalog_is_refused_journaled_and_the_old_one_stays(
    kiosk: Kiosk, name: str
) -> None:
    applied = catalog_file(kiosk.data).read_bytes()
    refused_before = kiosk.kinds().count(CATALOG_REFUSED)
    version = 100 + sorted(MUTATIONS).index(name)
    bundle = kiosk.bundle(version, mutated(BASE, name))
    for _ in range(2):  # offered again at the next heartbeat: journaled once
        with pytest.raises(BundleError) as info:
            kiosk.service.apply_bundle(bundle)
        assert MUTATIONS[name][1] in str(info.value)
    assert catalog_file(kiosk.data).read_bytes() == applied
    kinds = kiosk.kinds()
    assert kinds.count(CATALOG_REFUSED) == refused_before + 1
    assert kinds.count(CATALOG_APPLIED) == 1
    last = kiosk.ledger.entries_after(len(kinds) - 1)[0]
    assert last.kind == CATALOG_REFUSED and json.loads(last.payload)["version"] == version
