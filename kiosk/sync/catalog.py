"""Catalog bundles: pulled from the backend, signed by the programme key, with a version that never goes
backwards and an expiry; applied atomically (the file is replaced whole), and every applied version is
recorded in the journal (`catalog.applied`), every refused one once (`catalog.refused`)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kiosk.domain.catalog import CatalogError, parse_catalog
from kiosk.files import write_atomically
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import JournalRow
from kiosk.ports import Clock
from kiosk.protocol import API, bundle_signing_bytes, canonical_json, verify
from kiosk.sync.client import BackendClient, reply_json
from kiosk.sync.errors import BundleError, NotEnrolled
from kiosk.sync.files import catalog_file, read_bundle
from kiosk.sync.state import StateStore

CATALOG_APPLIED = "catalog.applied"
CATALOG_REFUSED = "catalog.refused"


class CatalogSync:
    def __init__(self, ledger: Ledger, store: StateStore, client: BackendClient, data_dir: Path, clock: Clock) -> None:
        self.ledger = ledger
        self.store = store
        self.client = client
        self.data_dir = data_dir
        self.clock = clock

    def pull(self) -> int | None:
        """Fetch and apply a newer bundle, if the server has one. Returns the applied version."""
        st = self.store.read()
        resp = self.client.call(st, "GET", f"{API}/terminals/{st.terminal_id}/catalog?after={st.catalog_version}")
        if resp.status_code == 204:
            return None
        bundle = reply_json(resp)
        if not isinstance(bundle, dict):
            raise BundleError("카탈로그 번들 형식이 잘못되었습니다 / malformed catalog bundle")
        return self.apply(bundle)

    def apply(self, bundle: dict[str, Any]) -> int:
        """Verify a signed catalog bundle and apply it atomically, then journal it."""
        st = self.store.read()
        if not st.programme_key:
            raise NotEnrolled(
                "단말기가 등록되지 않아 카탈로그를 검증할 수 없습니다 / not enrolled: cannot verify a catalog"
            )
        signature = bundle.get("signature")
        try:
            signed = bundle_signing_bytes(bundle)
        except (ValueError, TypeError, RecursionError):  # NaN, lone surrogates, absurd nesting: not signable
            signed = None
        if not isinstance(signature, str) or signed is None or not verify(st.programme_key, signed, signature):
            raise BundleError(
                "카탈로그 서명이 올바르지 않아 적용하지 않았습니다. 기존 메뉴를 계속 사용합니다 / "
                "bad signature on the catalog bundle: not applied, the current menu stays"
            )
        version = bundle.get("version")
        current = max(int(st.catalog_version), self._file_version())
        if not isinstance(version, int) or version <= current:
            raise BundleError(
                f"카탈로그 버전 {version}은(는) 현재 버전 {current}보다 새롭지 않아 적용하지 않았습니다 / "
                f"catalog version {version} is not newer than {current}: not applied"
            )
        try:
            expires = datetime.fromisoformat(str(bundle.get("expires_at")))
        except ValueError:
            raise BundleError("카탈로그 번들의 만료 시각이 잘못되었습니다 / bad expiry in the bundle") from None
        if expires.tzinfo is None or expires <= self.clock.now():
            raise BundleError(
                f"카탈로그 번들이 {bundle.get('expires_at')}에 만료되어 적용하지 않았습니다. "
                "운영기관에 새 번들을 요청하세요 / "
                "expired catalog bundle: not applied"
            )
        target = bundle.get("terminal_id")
        if target not in (None, st.terminal_id):
            raise BundleError(f"다른 단말기({target})용 카탈로그입니다 / bundle for another terminal: not applied")
        try:
            parse_catalog(bundle.get("catalog"), source=f"catalog bundle v{version}")
        except CatalogError as exc:
            self._journal_refused(version, bundle.get("catalog"), str(exc))
            raise BundleError(
                f"카탈로그 내용이 잘못되어 적용하지 않았습니다 / invalid catalog in the bundle: {exc}"
            ) from None
        write_atomically(catalog_file(self.data_dir), json.dumps(bundle, ensure_ascii=False).encode("utf-8"))
        self.reconcile()
        return version

    def _journal_refused(self, version: int, catalog: Any, reason: str) -> None:
        """A signed bundle whose catalog the validator refused is recorded in the journal, once per version
        (the server keeps offering it at every heartbeat); the applied catalog stays."""
        with self.ledger.reading() as s:
            last = s.execute(
                select(JournalRow.payload)
                .where(JournalRow.kind == CATALOG_REFUSED)
                .order_by(JournalRow.seq.desc())
                .limit(1)
            ).scalar()
        if last is not None and json.loads(last).get("version") == version:
            return
        try:
            digest = hashlib.sha256(canonical_json(catalog).encode("utf-8")).hexdigest()
        except (TypeError, ValueError, RecursionError):
            digest = ""
        self.ledger.record(CATALOG_REFUSED, {"version": version, "reason": reason[:500], "sha256": digest})

    def _file_version(self) -> int:
        doc = read_bundle(catalog_file(self.data_dir))
        v = doc.get("version") if doc else 0
        return v if isinstance(v, int) else 0

    def reconcile(self) -> None:
        """Journal an applied catalog the journal does not know yet (a crash between the file rename
        and the journal entry), so the journal always ends up recording every applied version."""
        doc = read_bundle(catalog_file(self.data_dir))
        if not doc or not isinstance(doc.get("version"), int):
            return
        version = int(doc["version"])
        if version <= self.store.read().catalog_journaled:
            return
        digest = hashlib.sha256(canonical_json(doc.get("catalog")).encode("utf-8")).hexdigest()
        with self.ledger.transaction() as tx:
            tx.append(
                CATALOG_APPLIED,
                {
                    "version": version,
                    "issued_at": doc.get("issued_at"),
                    "expires_at": doc.get("expires_at"),
                    "sha256": digest,
                },
            )
            row = self.store.row(tx.session)
            row.catalog_version = max(row.catalog_version, version)
            row.catalog_journaled = version
