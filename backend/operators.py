"""Programme operators: API tokens with roles, created and revoked with `kiosk-backend operator`.

A token is `kop_<id>_<secret>`; the database keeps only the SHA-256 of the secret (the secret has 256
bits of entropy, so a fast hash is enough), so a copy of the database lets no one in. Rotation is a new
token for the same person under another name, then `revoke` of the old one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError


class Role(StrEnum):
    FLEET_READ = "fleet:read"  # terminals, health, stored entries (sales data), daily totals
    CATALOG_PUBLISH = "catalog:publish"  # sign and publish catalog bundles
    ENROLL_MINT = "enroll:mint"  # issue enrollment codes


TOKEN = re.compile(r"^kop_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$")
NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


class OperatorError(ValueError):
    """A bad name, a duplicate or an unknown operator; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Operator:
    id: str
    name: str
    roles: frozenset[Role]


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def create_operator(engine: Engine, name: str, roles: set[Role]) -> str:
    """Create an operator and return its token (shown once, never stored)."""
    from backend.db import operators

    if not NAME.fullmatch(name):
        raise OperatorError(f"operator name {name!r}: use 1-64 letters, digits, . _ @ -")
    if not roles:
        raise OperatorError("give the operator at least one --role (" + ", ".join(r.value for r in Role) + ")")
    op_id = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))
    secret = secrets.token_urlsafe(32)
    try:
        with engine.begin() as conn:
            conn.execute(
                operators.insert().values(
                    id=op_id,
                    name=name,
                    token_hash=_hash(secret),
                    roles=" ".join(sorted(r.value for r in roles)),
                    created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
    except IntegrityError:
        raise OperatorError(f"an operator named {name} exists; pick another name (then revoke the old one)") from None
    return f"kop_{op_id}_{secret}"


def revoke_operator(engine: Engine, name: str) -> None:
    from backend.db import operators

    with engine.begin() as conn:
        done = conn.execute(
            update(operators)
            .where(operators.c.name == name, operators.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC).isoformat(timespec="seconds"))
        )
    if done.rowcount != 1:
        raise OperatorError(f"no active operator named {name}; see `kiosk-backend operator list`")


def list_operators(engine: Engine) -> list[tuple[str, str, str, str | None]]:
    """(name, roles, created_at, revoked_at) of every operator."""
    from backend.db import operators

    with engine.connect() as conn:
        rows = conn.execute(
            select(operators.c.name, operators.c.roles, operators.c.created_at, operators.c.revoked_at).order_by(
                operators.c.name
            )
        ).all()
        conn.rollback()
    return [(str(a), str(b), str(c), None if d is None else str(d)) for a, b, c, d in rows]


def authenticate_operator(engine: Engine, token: str) -> Operator | None:
    """The active operator holding `token`, or None."""
    from backend.db import operators

    m = TOKEN.fullmatch(token)
    if m is None:
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(operators.c.name, operators.c.token_hash, operators.c.roles, operators.c.revoked_at).where(
                operators.c.id == m.group(1)
            )
        ).first()
        conn.rollback()
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.token_hash, _hash(m.group(2))):
        return None
    roles = frozenset(Role(r) for r in str(row.roles).split() if r in Role.__members__.values())
    return Operator(m.group(1), str(row.name), roles)
