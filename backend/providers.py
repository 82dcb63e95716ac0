"""Payment providers that may call the programme back: each is registered with its Ed25519 public key
(`kiosk-backend provider add NAME KEY`) and revoked by name. A callback is signed by the provider's key
over the same bytes a terminal signs (without a nonce) and carries the provider's event id: the same
event again is a duplicate, never a second record."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError

from backend.db import providers
from kiosk.protocol import load_public_key

NAME = re.compile(r"^[a-z0-9_-]{1,32}$")


class ProviderError(ValueError):
    """A bad name or key, a duplicate or an unknown provider; the message says what to do."""


def add_provider(engine: Engine, name: str, public_key: str) -> None:
    if not NAME.fullmatch(name):
        raise ProviderError(f"provider name {name!r}: use 1-32 lower-case letters, digits, _ -")
    try:
        load_public_key(public_key)
    except ValueError as exc:
        raise ProviderError(f"public key: {exc} (base64 of the raw 32-byte Ed25519 key)") from None
    try:
        with engine.begin() as conn:
            conn.execute(
                providers.insert().values(
                    name=name, public_key=public_key, created_at=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )
    except IntegrityError:
        raise ProviderError(f"a provider named {name} exists; revoke it first or pick another name") from None


def revoke_provider(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        done = conn.execute(
            update(providers)
            .where(providers.c.name == name, providers.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC).isoformat(timespec="seconds"))
        )
    if done.rowcount != 1:
        raise ProviderError(f"no active provider named {name}")


def provider_key(engine: Engine, name: str) -> str | None:
    """The active provider's public key, or None."""
    with engine.connect() as conn:
        key = conn.execute(
            select(providers.c.public_key).where(providers.c.name == name, providers.c.revoked_at.is_(None))
        ).scalar()
        conn.rollback()
    return None if key is None else str(key)
