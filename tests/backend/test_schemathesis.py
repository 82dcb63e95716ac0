"""Property-based fuzzing of the backend's OpenAPI document: malformed input never causes a 500.

Bounded (a modest number of examples per operation) to keep the suite fast. The one-time code test
pattern ending in 0002 hangs then answers 504 on purpose; that is the only 5xx allowed. Requests go
past authentication: operator routes carry an all-roles token, terminal routes are signed by an
enrolled terminal with a fresh nonce (so the fuzzed bodies reach the parsers and the database), and
anonymous ones are refused. (Driven with hypothesis directly: schemathesis' pytest plugin does not
load with this pytest.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from kiosk.payments.masking import luhn_valid
from kiosk.protocol import signed_headers
from kiosk.sync.keys import key_path, load_key
from tests.backend.servers import BackendProcess
from tests.backend.signing import fresh_nonce, now
from tests.sync.helpers import terminal

DIGIT_RUN = re.compile(r"\d{13,19}")


def looks_like_a_card_number(text: str) -> bool:
    """The suite fails if a Luhn-valid digit run lands in a file; the fuzzer's own are not sent."""
    return any(luhn_valid(m.group()) for m in DIGIT_RUN.finditer(text))


def test_no_server_errors_on_any_input(backend_server: BackendProcess, tmp_path: Path) -> None:
    schema = schemathesis.openapi.from_url(f"{backend_server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    failures: list[str] = []
    calls = 0
    past_auth = 0
    with terminal(tmp_path, backend_server.url, backend_server.db_url) as t, httpx.Client(timeout=10) as http:
        key, tid = load_key(key_path(tmp_path / "data")), t.terminal_id
        for op, mode in [(op, m) for op in operations for m in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]:

            @given(case=op.as_strategy(generation_mode=mode))
            @settings(
                max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True
            )
            def check(case: schemathesis.Case) -> None:
                nonlocal calls, past_auth
                calls += 1
                owner = case.operation.definition.raw.get("x-kiosk-owner")
                if owner == "terminal" and isinstance(case.path_parameters, dict):
                    case.path_parameters["terminal_id"] = tid
                headers = backend_server.operator_headers if owner == "operator" else {}
                kw = case.as_transport_kwargs(base_url=backend_server.url, headers=headers)
                if looks_like_a_card_number(repr(kw)):
                    return
                if "json" in kw:
                    kw["content"] = json.dumps(kw.pop("json")).encode()
                    kw.setdefault("headers", {})["Content-Type"] = "application/json"
                if owner == "terminal":
                    request = http.build_request(kw["method"], kw["url"], params=kw.get("params"))
                    target = request.url.raw_path.decode("ascii")
                    body = kw.get("content") or b""
                    if isinstance(body, str):
                        body = body.encode()
                    kw["content"] = body
                    nonce = fresh_nonce(backend_server.url, key, tid)
                    signed = signed_headers(key, tid, kw["method"], target, body, timestamp=now(), nonce=nonce)
                    kw["headers"] = {**(kw.get("headers") or {}), **signed}
                response = http.request(
                    kw["method"],
                    kw["url"],
                    params=kw.get("params"),
                    headers=kw.get("headers"),
                    content=kw.get("content") or kw.get("data"),
                )
                if response.status_code not in (401, 403):
                    past_auth += 1
                if case.path == "/v1/codes/approve" and response.status_code == 504:
                    return
                if response.status_code >= 500:
                    failures.append(
                        f"{case.method} {case.formatted_path} {response.status_code}: {response.text[:200]}"
                    )

            try:
                check()
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE  # an operation without inputs has no malformed form
    print(f"schemathesis: {calls} calls, {past_auth} past authentication, {len(failures)} server errors")
    assert calls > 200
    assert past_auth > calls // 2  # most requests reached the parsers and the handlers
    assert not failures, "\n".join(failures[:10])
