"""What every router of one backend instance shares: the database, the clock, the configuration and
the programme key. Built once by `backend.app.create_app`, reached through `backend_of(request)`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import Engine
from starlette.requests import HTTPConnection

from backend.clock import backend_clock
from backend.config import BackendConfig
from backend.db import is_sqlite
from kiosk.clock import Clock
from kiosk.protocol import public_key_text


@dataclass(frozen=True, slots=True)
class Backend:
    engine: Engine
    clock: Clock
    config: BackendConfig
    programme_key: Ed25519PrivateKey
    nonce_secret: bytes

    @classmethod
    def build(cls, engine: Engine, config: BackendConfig, programme_key: Ed25519PrivateKey) -> Backend:
        raw = programme_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        secret = hashlib.sha256(b"kiosk-backend nonce key\n" + raw).digest()
        return cls(engine, backend_clock(engine, config.test_clock), config, programme_key, secret)

    @property
    def lock(self) -> bool:
        """Row locks for ingest (PostgreSQL); SQLite has a single writer anyway."""
        return not is_sqlite(self.engine)

    @property
    def programme_public_key(self) -> str:
        return public_key_text(self.programme_key)


def backend_of(conn: HTTPConnection) -> Backend:
    ctx = conn.app.state.backend
    assert isinstance(ctx, Backend)
    return ctx
