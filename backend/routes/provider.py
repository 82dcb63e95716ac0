"""The QR / one-time-code payment provider simulation, for the kiosk's payment tests and the demo.

Merchant-presented QR: `POST /v1/qr/payments` creates a payment and returns its EMVCo payload; the
customer's app "pays" with `POST .../pay`; a payment expires 3 minutes after creation, and paying after
expiry or cancellation is recorded as `paid_late` (the kiosk must refund it, never fulfil the order).

Customer-presented one-time codes (`POST /v1/codes/approve`), test patterns by the code's last digits:
`...0001` is declined (잔액 부족), `...0002` makes the provider hang (no reply for `code_hang_seconds`,
then 504, nothing recorded), anything else is approved. The provider name comes from the prefix:
28 카카오페이, 91 네이버페이, 77 제로페이, otherwise 간편결제.

A stand-in for a third party: it exists only when the backend runs in demo or test mode (announced
at start), and its endpoints are anonymous on purpose (owner `simulation`), as the customer's app and
the provider's merchant API would be outside the programme.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from backend.auth import BackendDep, OwnedRoute, Owner, owned
from backend.clock import utc_iso
from backend.context import Backend
from backend.db import code_payments, qr_payments
from backend.errors import Problem
from kiosk.emv import merchant_presented_payload

QR_EXPIRY = timedelta(minutes=3)
QR_PROVIDER = "QR간편결제"
PROVIDERS = {"28": "카카오페이", "91": "네이버페이", "77": "제로페이"}
STRICT = ConfigDict(extra="forbid")
ID = r"^[A-Za-z0-9_.:\-]{1,64}$"
IntentPath = Annotated[str, Path(pattern=ID)]
SIM = owned(Owner.SIMULATION)
router = APIRouter(tags=["payment provider simulation"], route_class=OwnedRoute)


class QrCreate(BaseModel):
    model_config = STRICT
    intent_id: str = Field(pattern=ID)
    amount: int = Field(gt=0, le=100_000_000)
    order_ref: str = Field(min_length=1, max_length=25)
    merchant_name: str = Field(min_length=1, max_length=25)
    merchant_city: str = Field(min_length=1, max_length=15)


class QrCreated(BaseModel):
    intent_id: str
    payload: str
    status: str
    expires_at: str


class QrStatus(BaseModel):
    intent_id: str
    status: str
    amount: int
    approval_no: str
    provider: str
    paid_at: str | None


class StatusOnly(BaseModel):
    status: str


class CodeApprove(BaseModel):
    model_config = STRICT
    intent_id: str = Field(pattern=ID)
    code: str = Field(pattern=r"^[0-9]{18,21}$")
    amount: int = Field(gt=0, le=100_000_000)
    order_ref: str = Field(min_length=1, max_length=64)


class CodeResult(BaseModel):
    status: str
    reason: str = ""
    approval_no: str = ""
    provider: str = ""


def _approval_no() -> str:
    return f"{secrets.randbelow(10**8):08d}"


def current(conn: Any, intent_id: str, now: datetime) -> Any:
    """The payment row, with a pending one past its expiry turned into `expired`. `now` is read
    before the transaction: the test clock lives in the database too."""
    row = conn.execute(select(qr_payments).where(qr_payments.c.intent_id == intent_id)).first()
    if row is not None and row.status == "pending" and utc_iso(now) >= row.expires_at:
        conn.execute(
            update(qr_payments)
            .where(qr_payments.c.intent_id == intent_id, qr_payments.c.status == "pending")
            .values(status="expired")
        )
        row = conn.execute(select(qr_payments).where(qr_payments.c.intent_id == intent_id)).first()
    return row


@router.post(
    "/v1/qr/payments", response_model=QrCreated, status_code=201, responses={409: {"model": Problem}}, openapi_extra=SIM
)
def create_qr(req: QrCreate, ctx: BackendDep) -> Any:
    now = ctx.clock.now()
    payload = merchant_presented_payload(
        req.amount, req.order_ref, req.merchant_name, req.merchant_city, f"HG{req.intent_id[:40]}"
    )
    try:
        with ctx.engine.begin() as conn:
            row = current(conn, req.intent_id, now)
            if row is None:
                conn.execute(
                    qr_payments.insert().values(
                        intent_id=req.intent_id,
                        amount=req.amount,
                        order_ref=req.order_ref,
                        merchant_name=req.merchant_name,
                        merchant_city=req.merchant_city,
                        payload=payload,
                        status="pending",
                        created_at=utc_iso(now),
                        expires_at=utc_iso(now + QR_EXPIRY),
                    )
                )
                row = current(conn, req.intent_id, now)
    except IntegrityError:  # created concurrently by another request: read it
        with ctx.engine.begin() as conn:
            row = current(conn, req.intent_id, now)
    if row.amount != req.amount or row.order_ref != req.order_ref:
        raise HTTPException(409, "this intent already exists with another amount or order")
    return {"intent_id": row.intent_id, "payload": row.payload, "status": row.status, "expires_at": row.expires_at}


@router.post(
    "/v1/qr/payments/{intent_id}/pay", response_model=StatusOnly, responses={404: {"model": Problem}}, openapi_extra=SIM
)
def pay_qr(intent_id: IntentPath, ctx: BackendDep) -> Any:
    now = ctx.clock.now()
    with ctx.engine.begin() as conn:
        row = current(conn, intent_id, now)
        if row is None:
            raise HTTPException(404, "no such QR payment")
        status = {"pending": "approved", "expired": "paid_late", "cancelled": "paid_late"}.get(row.status)
        if status is not None:
            conn.execute(
                update(qr_payments)
                .where(qr_payments.c.intent_id == intent_id)
                .values(status=status, approval_no=_approval_no(), provider=QR_PROVIDER, paid_at=utc_iso(now))
            )
            return {"status": status}
        return {"status": row.status}


@router.get(
    "/v1/qr/payments/{intent_id}", response_model=QrStatus, responses={404: {"model": Problem}}, openapi_extra=SIM
)
def get_qr(intent_id: IntentPath, ctx: BackendDep) -> Any:
    now = ctx.clock.now()
    with ctx.engine.begin() as conn:
        row = current(conn, intent_id, now)
    if row is None:
        raise HTTPException(404, "no such QR payment")
    return {
        "intent_id": row.intent_id,
        "status": row.status,
        "amount": row.amount,
        "approval_no": row.approval_no,
        "provider": row.provider,
        "paid_at": row.paid_at,
    }


@router.post(
    "/v1/qr/payments/{intent_id}/cancel",
    response_model=StatusOnly,
    responses={404: {"model": Problem}},
    openapi_extra=SIM,
)
def cancel_qr(intent_id: IntentPath, ctx: BackendDep) -> Any:
    now = ctx.clock.now()
    with ctx.engine.begin() as conn:
        row = current(conn, intent_id, now)
        if row is None:
            raise HTTPException(404, "no such QR payment")
        status = {"pending": "cancelled", "approved": "refunded", "paid_late": "refunded"}.get(row.status, row.status)
        conn.execute(update(qr_payments).where(qr_payments.c.intent_id == intent_id).values(status=status))
        return {"status": status}


# --- customer-presented one-time codes ----------------------------------------------------------


def approve_code(ctx: Backend, req: CodeApprove) -> dict[str, Any]:
    now = ctx.clock.now()
    with ctx.engine.begin() as conn:
        row = conn.execute(select(code_payments).where(code_payments.c.intent_id == req.intent_id)).first()
        if row is None:
            if req.code.endswith("0001"):
                out = {"status": "declined", "reason": "잔액 부족", "approval_no": "", "provider": ""}
            else:
                out = {
                    "status": "approved",
                    "reason": "",
                    "approval_no": _approval_no(),
                    "provider": PROVIDERS.get(req.code[:2], "간편결제"),
                }
            conn.execute(
                code_payments.insert().values(
                    intent_id=req.intent_id,
                    code_last4=req.code[-4:],
                    amount=req.amount,
                    order_ref=req.order_ref,
                    created_at=utc_iso(now),
                    **out,
                )
            )
            return out
        return {
            "status": row.status,
            "reason": row.reason,
            "approval_no": row.approval_no,
            "provider": row.provider,
        }


@router.post("/v1/codes/approve", response_model=CodeResult, responses={504: {"model": Problem}}, openapi_extra=SIM)
async def approve(req: CodeApprove, ctx: BackendDep) -> Any:
    if req.code.endswith("0002"):
        await asyncio.sleep(ctx.config.code_hang_seconds)
        raise HTTPException(504, "the payment provider did not answer (simulated timeout)")
    try:
        return await run_in_threadpool(approve_code, ctx, req)
    except IntegrityError:  # the same intent approved concurrently: answer with what was stored
        return await run_in_threadpool(approve_code, ctx, req)


@router.get("/v1/codes/{intent_id}", response_model=CodeResult, openapi_extra=SIM)
def get_code(intent_id: IntentPath, ctx: BackendDep) -> Any:
    with ctx.engine.begin() as conn:
        row = conn.execute(select(code_payments).where(code_payments.c.intent_id == intent_id)).first()
    if row is None:
        return {"status": "not_found"}
    return {"status": row.status, "reason": row.reason, "approval_no": row.approval_no, "provider": row.provider}


@router.post("/v1/codes/{intent_id}/cancel", response_model=CodeResult, openapi_extra=SIM)
def cancel_code(intent_id: IntentPath, ctx: BackendDep) -> Any:
    """Net-cancel (망취소): an approved payment is cancelled; an unknown intent gets a tombstone so a
    late approval for it can never go through."""
    now = ctx.clock.now()
    with ctx.engine.begin() as conn:
        row = conn.execute(select(code_payments).where(code_payments.c.intent_id == intent_id)).first()
        if row is None:
            conn.execute(
                code_payments.insert().values(
                    intent_id=intent_id[:64],
                    code_last4="",
                    amount=0,
                    order_ref="",
                    status="cancelled",
                    reason="net-cancel before approval",
                    created_at=utc_iso(now),
                )
            )
            return {"status": "cancelled", "reason": "net-cancel before approval"}
        if row.status == "approved":
            conn.execute(update(code_payments).where(code_payments.c.intent_id == intent_id).values(status="cancelled"))
            return {"status": "cancelled", "approval_no": row.approval_no, "provider": row.provider}
        return {
            "status": row.status,
            "reason": row.reason,
            "approval_no": row.approval_no,
            "provider": row.provider,
        }
