"""The backend client: signed requests to the programme backend, with its single-use nonces, the key
promotion after an interrupted key rotation, replies read with a size limit, and errors as types.

Requests go only to https:// backends (plain http only on loopback), each signed with a single-use
server nonce (no replay). httpx (~0.1 s to import) loads at the first request: `kiosk run` unenrolled
never makes one.
"""

from __future__ import annotations

import ipaddress
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kiosk.files import sync_directory
from kiosk.ports import Clock
from kiosk.protocol import HEADER_NONCE, HEADER_REFUSAL, REFUSAL_NONCE, REFUSAL_SIGNATURE, signed_headers
from kiosk.sync.errors import BackendRefused, BackendUnavailable, InsecureBackend, NotEnrolled
from kiosk.sync.keys import key_path, load_key
from kiosk.sync.state import SyncState

if TYPE_CHECKING:
    import httpx

MAX_REPLY = 16 * 1024 * 1024  # bytes of a reply the kiosk reads (a catalog bundle is far smaller)


def check_backend_url(url: str) -> None:
    """https://, or http:// on loopback only: a signed request must not cross a network in clear."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname:
        host = parts.hostname
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if loopback:
            return
        raise InsecureBackend(
            f"동기화 서버 주소는 https:// 이어야 합니다 / refusing the plain http:// backend {host}: "
            "use its https:// address"
        )
    raise InsecureBackend("동기화 서버 주소가 잘못되었습니다 / the backend URL must start with https://")


def encode_body(body: Any) -> bytes:
    """A request body as the kiosk sends it (compact JSON, UTF-8 text kept as is)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def pending_key_path(data_dir: Path) -> Path:
    path = key_path(data_dir)
    return path.with_name(path.name + ".new")


def promote_new_key(data_dir: Path) -> bool:
    """Make a pending new key (`kiosk sync rotate-key` that stopped half-way) the device key."""
    pending = pending_key_path(data_dir)
    if not pending.exists():
        return False
    load_key(pending)  # the same checks (mode 0600, a whole Ed25519 key) before it replaces the old one
    path = key_path(data_dir)
    os.replace(pending, path)
    sync_directory(path.parent)
    return True


class BackendClient:
    """One HTTP connection to the backend, and the server's nonce for the next signed request."""

    def __init__(self, data_dir: Path, clock: Clock, *, default_url: str = "", timeout: float = 10.0) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.default_url = default_url
        self.timeout = timeout
        self._http: httpx.Client | None = None
        self._nonce = ""  # the server's nonce for the next signed request (single use)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def forget_nonce(self) -> None:
        self._nonce = ""

    def _client(self, base_url: str) -> httpx.Client:
        import httpx

        if self._http is None or str(self._http.base_url).rstrip("/") != base_url.rstrip("/"):
            self.close()
            self._http = httpx.Client(base_url=base_url.rstrip("/"), timeout=self.timeout)
        return self._http

    def call(
        self, state: SyncState, method: str, path: str, body: Any = None, *, signed: bool = True
    ) -> httpx.Response:
        content = b"" if body is None else encode_body(body)
        return self.send(state, method, path, content, signed=signed)

    def send(self, state: SyncState, method: str, path: str, content: bytes, *, signed: bool = True) -> httpx.Response:
        """Send `content` (already encoded; b"" for none), signed with the device key and the server's
        nonce unless `signed` is False. A 401 for a used nonce is answered once more with the fresh one;
        a refused signature with a pending new key promotes it and tries once more."""
        import httpx

        url = state.backend_url or self.default_url
        if not url:
            raise NotEnrolled(
                "동기화 서버가 설정되지 않았습니다. kiosk enroll --backend URL --code CODE 로 등록하세요."
            )
        check_backend_url(url)
        client = self._client(url)
        if signed and not state.terminal_id:
            raise NotEnrolled("단말기가 등록되지 않았습니다. kiosk enroll --backend URL --code CODE 로 등록하세요.")
        key = load_key(key_path(self.data_dir)) if signed else None
        nonce_retried = promoted = False
        while True:
            req = client.build_request(
                method,
                path,
                content=content or None,
                headers={"Content-Type": "application/json"} if content else None,
            )
            if key is not None:
                nonce, self._nonce = self._nonce, ""  # a nonce is good once, whatever the outcome
                target = req.url.raw_path.decode("ascii")
                ts = self.clock.now().isoformat(timespec="seconds")
                req.headers.update(
                    signed_headers(key, state.terminal_id, method, target, content, timestamp=ts, nonce=nonce)
                )
            try:
                resp = self._send_bounded(client, req)
            except httpx.HTTPError as exc:
                raise BackendUnavailable(
                    f"서버에 연결할 수 없습니다 / backend unreachable: {type(exc).__name__}: {exc}"
                ) from None
            fresh = resp.headers.get(HEADER_NONCE, "")
            if key is not None and fresh:
                self._nonce = fresh
            if resp.status_code != 401 or key is None:
                break
            refusal = resp.headers.get(HEADER_REFUSAL, "")
            if refusal == REFUSAL_NONCE and fresh and not nonce_retried:
                nonce_retried = True  # the nonce was missing, expired or used: once more with the fresh one
                continue
            if refusal == REFUSAL_SIGNATURE and not promoted and promote_new_key(self.data_dir):
                promoted = True  # the server took our new key but we crashed before keeping it
                key = load_key(key_path(self.data_dir))
                continue
            break
        if resp.status_code >= 500:
            raise BackendUnavailable(f"서버 오류 / backend error {resp.status_code}")
        if resp.status_code >= 400:
            raise BackendRefused(f"서버가 거부했습니다 / backend refused ({resp.status_code}): {_detail(resp)}")
        return resp

    @staticmethod
    def _send_bounded(client: httpx.Client, req: httpx.Request) -> httpx.Response:
        """Send and read the reply, but never more than MAX_REPLY bytes of it (a hostile or broken
        server cannot fill the kiosk's memory)."""
        import httpx

        resp = client.send(req, stream=True)
        body = bytearray()
        try:
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > MAX_REPLY:
                    raise BackendUnavailable(
                        f"서버 응답이 너무 큽니다 / the backend's reply is larger than {MAX_REPLY} bytes"
                    )
        finally:
            resp.close()
        # iter_bytes() decoded any content-encoding already: the headers must no longer announce it.
        skip = ("content-encoding", "content-length", "transfer-encoding")
        headers = [(k, v) for k, v in resp.headers.items() if k.lower() not in skip]
        return httpx.Response(resp.status_code, headers=headers, content=bytes(body), request=req)


def reply_json(resp: httpx.Response) -> Any:
    try:
        return resp.json()
    except ValueError:
        raise BackendUnavailable("서버 응답을 읽을 수 없습니다 / unreadable reply from the backend") from None


def _detail(resp: httpx.Response) -> str:
    try:
        doc = resp.json()
    except ValueError:
        return resp.text[:200]
    detail = doc.get("detail") if isinstance(doc, dict) else doc
    return detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)[:300]
