"""Signed terminal requests by hand, for tests that need exact bytes (replays, NaN, huge numbers)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.protocol import HEADER_NONCE, signed_headers


def fresh_nonce(url: str, key: Ed25519PrivateKey, tid: str) -> str:
    """A nonce for the terminal: a signed request without one is refused with a fresh one attached."""
    path = f"/v1/terminals/{tid}/journal/ack"
    r = httpx.get(url + path, headers=signed_headers(key, tid, "GET", path, b"", timestamp=now(), nonce=""))
    assert r.status_code == 401 and r.headers.get(HEADER_NONCE), r.text
    return r.headers[HEADER_NONCE]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def signed(
    url: str,
    key: Ed25519PrivateKey,
    tid: str,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    timestamp: str | None = None,
    nonce: str | None = None,
) -> tuple[httpx.Response, dict[str, str]]:
    """Send one signed request (with a fresh nonce unless given); returns the reply and the headers sent."""
    nonce = fresh_nonce(url, key, tid) if nonce is None else nonce
    headers = signed_headers(key, tid, method, path, body, timestamp=timestamp or now(), nonce=nonce)
    if body:
        headers["Content-Type"] = "application/json"
    return httpx.request(method, url + path, content=body, headers=headers, timeout=30), headers
