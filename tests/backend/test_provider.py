"""The QR / one-time-code payment provider simulation, over HTTP against a real backend process."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from kiosk.emv import parse
from tests.backend.servers import BackendProcess


def new_id() -> str:
    return f"pi-{uuid.uuid4().hex}"


def create(url: str, intent: str, amount: int = 8900) -> httpx.Response:
    body = {
        "intent_id": intent,
        "amount": amount,
        "order_ref": "A-0042",
        "merchant_name": "카페 한결",
        "merchant_city": "서울",
    }
    return httpx.post(f"{url}/v1/qr/payments", json=body)


def shift(url: str, seconds: float) -> None:
    assert httpx.post(f"{url}/v1/test/clock", json={"advance_seconds": seconds}).status_code == 200


def test_qr_create_is_idempotent_and_pay_approves(backend_server: BackendProcess) -> None:
    url, intent = backend_server.url, new_id()
    r = create(url, intent)
    assert r.status_code == 201
    doc = r.json()
    assert doc["status"] == "pending" and doc["expires_at"].endswith("Z")
    fields = parse(doc["payload"])
    assert fields["54"] == "8900" and fields["62"] == {"05": "A-0042"}
    assert create(url, intent).json() == doc  # the same intent again: the same payment
    assert httpx.get(f"{url}/v1/qr/payments/{intent}").json()["status"] == "pending"
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/pay").json() == {"status": "approved"}
    st = httpx.get(f"{url}/v1/qr/payments/{intent}").json()
    assert st["status"] == "approved" and st["amount"] == 8900 and len(st["approval_no"]) == 8 and st["paid_at"]
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/pay").json() == {"status": "approved"}  # paying twice: once
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/cancel").json() == {"status": "refunded"}
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/cancel").json() == {"status": "refunded"}


def test_qr_expires_after_three_minutes_and_a_late_payment_is_paid_late(backend_server: BackendProcess) -> None:
    url, intent = backend_server.url, new_id()
    create(url, intent)
    # the backend's test clock is real time plus a shift: 5 s short of the limit leaves room for a slow
    # request on a loaded machine (179 s failed when a request took more than a second)
    shift(url, 175)
    assert httpx.get(f"{url}/v1/qr/payments/{intent}").json()["status"] == "pending"
    shift(url, 6)
    assert httpx.get(f"{url}/v1/qr/payments/{intent}").json()["status"] == "expired"
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/pay").json() == {"status": "paid_late"}
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/cancel").json() == {"status": "refunded"}


def test_qr_cancelled_then_paid_is_paid_late(backend_server: BackendProcess) -> None:
    url, intent = backend_server.url, new_id()
    create(url, intent)
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/cancel").json() == {"status": "cancelled"}
    assert httpx.post(f"{url}/v1/qr/payments/{intent}/pay").json() == {"status": "paid_late"}


def test_qr_unknown_and_malformed(backend_server: BackendProcess) -> None:
    url = backend_server.url
    assert httpx.get(f"{url}/v1/qr/payments/nope").status_code == 404
    assert httpx.post(f"{url}/v1/qr/payments/nope/pay").status_code == 404
    assert create(url, new_id(), amount=0).status_code == 422
    assert httpx.post(f"{url}/v1/qr/payments", content=b"{not json").status_code == 422


def approve(url: str, intent: str, code: str, timeout: float = 10) -> httpx.Response:
    body = {"intent_id": intent, "code": code, "amount": 4500, "order_ref": "A-7"}
    return httpx.post(f"{url}/v1/codes/approve", json=body, timeout=timeout)


@pytest.mark.parametrize(
    ("code", "provider"),
    [
        ("281234567890123456", "카카오페이"),
        ("9112345678901234567", "네이버페이"),
        ("771234567890123456789", "제로페이"),
        ("101234567890123456", "간편결제"),
    ],
)
def test_code_approved_with_provider_from_prefix(backend_server: BackendProcess, code: str, provider: str) -> None:
    intent = new_id()
    r = approve(backend_server.url, intent, code).json()
    assert r["status"] == "approved" and r["provider"] == provider and r["approval_no"]
    assert approve(backend_server.url, intent, code).json() == r  # idempotent by intent
    assert httpx.get(f"{backend_server.url}/v1/codes/{intent}").json()["status"] == "approved"
    assert httpx.post(f"{backend_server.url}/v1/codes/{intent}/cancel").json()["status"] == "cancelled"
    assert httpx.get(f"{backend_server.url}/v1/codes/{intent}").json()["status"] == "cancelled"


def test_code_ending_0001_is_declined(backend_server: BackendProcess) -> None:
    intent = new_id()
    r = approve(backend_server.url, intent, "281234567890120001").json()
    assert r["status"] == "declined" and r["reason"] == "잔액 부족"
    assert httpx.get(f"{backend_server.url}/v1/codes/{intent}").json()["status"] == "declined"


def test_code_ending_0002_hangs_then_504_and_nothing_is_recorded(backend_server: BackendProcess) -> None:
    intent = new_id()
    start = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        approve(backend_server.url, intent, "281234567890120002", timeout=1.0)
    r = approve(backend_server.url, intent, "281234567890120002", timeout=10)
    assert r.status_code == 504 and time.monotonic() - start >= 3.0  # the session server hangs 3 s
    assert httpx.get(f"{backend_server.url}/v1/codes/{intent}").json()["status"] == "not_found"
    # Net-cancel after the timeout leaves a tombstone: a late approval can never go through.
    assert httpx.post(f"{backend_server.url}/v1/codes/{intent}/cancel").json()["status"] == "cancelled"
    assert approve(backend_server.url, intent, "281234567890121234").json()["status"] == "cancelled"


@pytest.mark.parametrize("code", ["12345", "28123456789012345678901", "28123456789012345a"])
def test_malformed_codes_are_422(backend_server: BackendProcess, code: str) -> None:
    assert approve(backend_server.url, new_id(), code).status_code == 422
