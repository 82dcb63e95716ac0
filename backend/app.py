"""The programme backend's HTTP API (FastAPI). `/openapi.json` is the protocol's reference document.

`create_app` composes one router per area; every route names its owner (`backend.auth`), bodies are
bounded before anything else runs (`backend.limits`), and errors never echo the request
(`backend.errors`). docs/SECURITY.md says who may call what.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI
from sqlalchemy import Engine

from backend.config import BackendConfig, Mode
from backend.context import Backend
from backend.errors import install as install_errors
from backend.fastpush import FastPush
from backend.keys import load_programme_key
from backend.limits import BodyLimit
from backend.routes import callbacks, enrollment, fleet, journal, provider, testclock


def create_app(
    engine: Engine, config: BackendConfig | None = None, *, programme_key: Ed25519PrivateKey | None = None
) -> FastAPI:
    config = config or BackendConfig()
    app = FastAPI(
        title="한결 키오스크 programme backend",
        version="2",
        description=(
            "Journal sync, enrollment, catalog bundles and the fleet view"
            + (" — and the QR payment provider simulation (demo / test mode)" if config.simulation else "")
            + ". Each operation's `x-kiosk-owner` says who may call it (docs/SECURITY.md)."
        ),
    )
    app.state.backend = Backend.build(engine, config, programme_key or load_programme_key(engine))
    app.include_router(journal.router)
    app.include_router(enrollment.router)
    app.include_router(fleet.router)
    app.include_router(callbacks.router)
    if config.simulation:
        app.include_router(provider.router)
    if config.test_clock:
        app.include_router(testclock.router)
    install_errors(app)
    _document_push_body(app)
    # The journal push on PostgreSQL is answered by a plain ASGI handler (backend.fastpush), inside the body
    # limit; on SQLite, and for every other route, the request goes on to FastAPI.
    app.add_middleware(FastPush, backend=app.state.backend)
    app.add_middleware(BodyLimit, default=config.max_body, journal=config.max_journal_body)
    return app


def _document_push_body(app: FastAPI) -> None:
    """The journal push parses its own body (after the signature check): its schemas go into the
    OpenAPI document's components here, as FastAPI would have put them."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        doc = generate()
        doc.setdefault("components", {}).setdefault("schemas", {}).update(journal.body_schemas())
        return doc

    app.openapi = openapi  # type: ignore[method-assign]


__all__ = ["BackendConfig", "Mode", "create_app"]
