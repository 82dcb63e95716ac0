"""The programme's Ed25519 signing key (catalog bundles). Kept in the database so that every instance
signs with the same key; created once, race-free, on first start."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import Engine, select

from backend.db import is_sqlite, programme_key
from kiosk.protocol import b64, public_key_text, unb64


def ensure_programme_key(engine: Engine) -> None:
    key = Ed25519PrivateKey.generate()
    row = {
        "id": 1,
        "private_key": b64(key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())),
        "public_key": public_key_text(key),
    }
    if is_sqlite(engine):
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    with engine.begin() as conn:
        conn.execute(insert(programme_key).values(row).on_conflict_do_nothing())


def load_programme_key(engine: Engine) -> Ed25519PrivateKey:
    with engine.begin() as conn:
        text = conn.execute(select(programme_key.c.private_key).where(programme_key.c.id == 1)).scalar_one()
    return Ed25519PrivateKey.from_private_bytes(unb64(text))
