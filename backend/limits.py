"""Request bodies bounded at the ASGI level, before routing, authentication or parsing.

A declared `Content-Length` over the limit is refused at once; a streamed body is counted as it
arrives and refused the moment it passes the limit. Below the limit the body is handed to the app as
one message. So a request never costs more than its limit in memory, and the 413 never echoes it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Journal pushes and catalog publishing carry big bodies; everything else is small.
LARGE = re.compile(r"^/v1/(terminals/[^/]+/journal|admin/catalogs)$")


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    def __init__(self, app: ASGIApp, *, default: int, journal: int) -> None:
        self.app, self.default, self.journal = app, default, journal

    def limit_for(self, path: str) -> int:
        return self.journal if LARGE.match(path) else self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(str(scope.get("path", "")))
        too_large = f"request body too large: at most {limit} bytes here"
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or len(value) > 18:
                    await _refuse(send, 400, "bad Content-Length")
                    return
                if int(value) > limit:
                    await _refuse(send, 413, too_large)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _refuse(send, 413, too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        whole: dict[str, Any] = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        chunks.clear()
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return whole
            return await receive()

        await self.app(scope, replay, send)
