"""Programme operations shared by the `kiosk-backend` command and the operator API: issue enrollment
codes and publish signed catalog bundles."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, func, select

from backend.db import bundles, enrollment_codes, terminals
from kiosk.domain.catalog_rules import CatalogError, validate_catalog
from kiosk.protocol import sign_bundle

__all__ = ["CatalogError", "UnknownTerminal", "business_number_ok", "mint_code", "publish_catalog", "revoke_terminal"]

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
CODE_DAYS = 7  # default lifetime of an enrollment code


class UnknownTerminal(LookupError):
    pass


def business_number_ok(number: str) -> bool:
    """사업자등록번호 check digit."""
    if len(number) != 10 or not number.isdigit():
        return False
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    digits = [int(c) for c in number]
    total = sum(d * w for d, w in zip(digits, weights, strict=False)) + digits[8] * 5 // 10
    return (10 - total % 10) % 10 == digits[9]


def mint_code(engine: Engine, business_number: str, *, days: float = CODE_DAYS, now: datetime | None = None) -> str:
    """A new single-use enrollment code (12 characters, shown as XXXX-XXXX-XXXX) that expires."""
    now = now or datetime.now(UTC)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    with engine.begin() as conn:
        conn.execute(
            enrollment_codes.insert().values(
                code=code,
                business_number=business_number,
                created_at=now.isoformat(timespec="seconds"),
                expires_at=(now + timedelta(days=days)).isoformat(timespec="seconds"),
            )
        )
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def revoke_terminal(engine: Engine, terminal_id: str, *, now: datetime | None = None) -> None:
    """The terminal's key signs nothing any more (its stored entries stay)."""
    from sqlalchemy import update

    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    with engine.begin() as conn:
        done = conn.execute(
            update(terminals)
            .where(terminals.c.id == terminal_id, terminals.c.revoked_at.is_(None))
            .values(revoked_at=stamp)
        )
    if done.rowcount != 1:
        raise UnknownTerminal(terminal_id)


def publish_catalog(
    engine: Engine,
    key: Ed25519PrivateKey,
    catalog: Any,
    terminal_id: str | None,
    *,
    expires_days: float,
    now: datetime | None = None,
) -> int:
    """Sign and store a catalog bundle for one terminal or (None) every terminal; returns its version.
    Raises CatalogError (a ValueError, with the place and what to fix) for a catalog the kiosk would refuse:
    the kiosk's own validator, so a bad catalog is never signed."""
    validate_catalog(catalog, "catalog")
    now = now or datetime.now(UTC)
    with engine.begin() as conn:
        if terminal_id is not None:
            known = conn.execute(select(terminals.c.id).where(terminals.c.id == terminal_id)).first()
            if known is None:
                raise UnknownTerminal(terminal_id)
        version = int(conn.execute(select(func.coalesce(func.max(bundles.c.version), 0))).scalar_one()) + 1
        bundle = sign_bundle(
            key,
            {
                "kind": "catalog",
                "version": version,
                "terminal_id": terminal_id,
                "issued_at": now.isoformat(timespec="seconds"),
                "expires_at": (now + timedelta(days=expires_days)).isoformat(timespec="seconds"),
                "catalog": catalog,
            },
        )
        conn.execute(
            bundles.insert().values(
                version=version,
                terminal_id=terminal_id,
                issued_at=bundle["issued_at"],
                expires_at=bundle["expires_at"],
                body=json.dumps(bundle, ensure_ascii=False),
            )
        )
    return version
