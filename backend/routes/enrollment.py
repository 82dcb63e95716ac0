"""Enrollment and catalogs: a terminal enrolls with a single-use code and pulls signed catalog bundles;
operators mint codes and publish catalogs."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from backend.auth import BackendDep, OwnedRoute, Owner, SignedOperator, SignedTerminal, owned, record_enroll_failure
from backend.clock import utc_iso
from backend.context import Backend
from backend.db import bundles, enrollment_codes, terminals
from backend.errors import Problem, ValidationProblem
from backend.operators import Role
from backend.programme import (
    CODE_DAYS,
    CatalogError,
    UnknownTerminal,
    business_number_ok,
    mint_code,
    publish_catalog,
)
from backend.routes.journal import TerminalPath
from kiosk.protocol import API, GENESIS_HASH, load_public_key

STRICT = ConfigDict(extra="forbid")
router = APIRouter(prefix=API, route_class=OwnedRoute)
BAD_CODE = "등록 코드가 올바르지 않습니다 (또는 만료). 프로그램 운영기관에서 받은 코드와 사업자등록번호를 확인하세요."
USED_CODE = "이 등록 코드는 이미 다른 단말기에 사용되었습니다. 새 코드를 받으세요."


class EnrollRequest(BaseModel):
    model_config = STRICT
    code: str = Field(min_length=4, max_length=32)
    business_number: str = Field(pattern=r"^[0-9]{10}$")
    public_key: str = Field(min_length=40, max_length=64, description="base64 of the raw 32-byte Ed25519 key")
    device_id: str = Field(min_length=1, max_length=64)


class EnrollResponse(BaseModel):
    terminal_id: str
    programme_public_key: str
    server_time: str


class CodeRequest(BaseModel):
    model_config = STRICT
    business_number: str = Field(pattern=r"^[0-9]{3}-?[0-9]{2}-?[0-9]{5}$")
    expires_days: float = Field(default=CODE_DAYS, gt=0, le=90, allow_inf_nan=False)


class CodeOut(BaseModel):
    code: str
    expires_at: str


class PublishRequest(BaseModel):
    model_config = STRICT
    catalog: dict[str, Any]
    terminal_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9]{1,32}$", description="null: every terminal")
    expires_days: float = Field(default=30, gt=0, le=366, allow_inf_nan=False)


class KeyRequest(BaseModel):
    model_config = STRICT
    public_key: str = Field(min_length=40, max_length=64, description="the terminal's new key, base64 raw Ed25519")


class KeyOut(BaseModel):
    terminal_id: str


class PublishOut(BaseModel):
    version: int


def _code_expired(row: Any, now: datetime) -> bool:
    expires = row.expires_at
    try:
        if expires is None:
            return now >= datetime.fromisoformat(str(row.created_at)) + timedelta(days=CODE_DAYS)
        return now >= datetime.fromisoformat(str(expires))
    except (ValueError, TypeError):
        return True


def _enroll(ctx: Backend, req: EnrollRequest) -> dict[str, Any] | tuple[int, str]:
    code = req.code.replace("-", "").strip().upper()
    now_dt = datetime.now(UTC)  # wall time: the test clock moves only the payment simulation
    now = utc_iso(now_dt)
    with ctx.engine.begin() as conn:
        row = conn.execute(select(enrollment_codes).where(enrollment_codes.c.code == code)).first()
        if row is None or row.business_number != req.business_number:
            return 403, BAD_CODE
        pub = ctx.programme_public_key
        if row.terminal_id is not None:
            term = conn.execute(select(terminals).where(terminals.c.id == row.terminal_id)).first()
            if term is not None and term.public_key == req.public_key:  # a retry after a lost reply
                return {"terminal_id": term.id, "programme_public_key": pub, "server_time": now}
            return 409, USED_CODE
        if _code_expired(row, now_dt):
            return 403, BAD_CODE
        terminal_id = "T" + secrets.token_hex(8).upper()
        try:
            conn.execute(
                terminals.insert().values(
                    id=terminal_id,
                    business_number=req.business_number,
                    device_id=req.device_id,
                    public_key=req.public_key,
                    enrolled_at=now,
                    health="[]",
                    pending=0,
                    catalog_version=0,
                    ack_seq=0,
                    head_hash=GENESIS_HASH,
                )
            )
        except IntegrityError:
            return 409, "this public key is already enrolled as another terminal"
        done = conn.execute(
            update(enrollment_codes)
            .where(enrollment_codes.c.code == code, enrollment_codes.c.terminal_id.is_(None))
            .values(terminal_id=terminal_id, used_at=now)
        )
        if done.rowcount != 1:
            raise HTTPException(409, USED_CODE)  # rolls the terminal back
    return {"terminal_id": terminal_id, "programme_public_key": pub, "server_time": now}


@router.post(
    "/enroll",
    tags=["enrollment"],
    response_model=EnrollResponse,
    status_code=201,
    responses={
        400: {"model": Problem},
        403: {"model": Problem},
        409: {"model": Problem},
        413: {"model": Problem},
        429: {"model": Problem},
    },
    openapi_extra=owned(Owner.ENROLLMENT_CODE),
)
async def enroll(req: EnrollRequest, request: Request, ctx: BackendDep) -> Any:
    """Enroll a terminal with a single-use, expiring code; failed attempts are rate-limited per address."""
    try:
        load_public_key(req.public_key)
    except ValueError as exc:
        raise HTTPException(400, f"public_key: {exc}") from None
    out = await run_in_threadpool(_enroll, ctx, req)
    if isinstance(out, tuple):
        await run_in_threadpool(record_enroll_failure, ctx, request)
        raise HTTPException(out[0], out[1])
    return out


@router.get(
    "/terminals/{terminal_id}/catalog",
    tags=["catalog"],
    responses={
        200: {"description": "the newest signed bundle for this terminal"},
        204: {"description": "nothing newer"},
        401: {"model": Problem},
        422: {"model": ValidationProblem},
    },
    openapi_extra=owned(Owner.TERMINAL),
)
def catalog(
    terminal_id: TerminalPath,
    caller: SignedTerminal,
    ctx: BackendDep,
    after: Annotated[int, Query(ge=0, le=2**31)] = 0,
) -> Response:
    with ctx.engine.connect() as conn:
        q = (
            select(bundles.c.body)
            .where((bundles.c.terminal_id == caller) | bundles.c.terminal_id.is_(None), bundles.c.version > after)
            .order_by(bundles.c.version.desc())
            .limit(1)
        )
        text = conn.execute(q).scalar()
        conn.rollback()
    if text is None:
        return Response(status_code=204)
    return Response(content=str(text).encode("utf-8"), media_type="application/json")


@router.post(
    "/admin/enrollment-codes",
    tags=["enrollment"],
    response_model=CodeOut,
    status_code=201,
    responses={401: {"model": Problem}, 403: {"model": Problem}, 422: {"model": ValidationProblem}},
    openapi_extra=owned(Owner.OPERATOR, Role.ENROLL_MINT),
)
def create_code(req: CodeRequest, operator: SignedOperator, ctx: BackendDep) -> Any:
    """Issue a single-use enrollment code for a shop (role enroll:mint)."""
    number = req.business_number.replace("-", "")
    if not business_number_ok(number):
        raise HTTPException(422, "business_number: not a valid 사업자등록번호 (check digit)")
    now = datetime.now(UTC)
    code = mint_code(ctx.engine, number, days=req.expires_days, now=now)
    return {"code": code, "expires_at": utc_iso(now + timedelta(days=req.expires_days))}


@router.post(
    "/admin/catalogs",
    tags=["catalog"],
    response_model=PublishOut,
    status_code=201,
    responses={
        401: {"model": Problem},
        403: {"model": Problem},
        404: {"model": Problem},
        413: {"model": Problem},
        422: {"model": ValidationProblem},
    },
    openapi_extra=owned(Owner.OPERATOR, Role.CATALOG_PUBLISH),
)
def create_catalog(req: PublishRequest, operator: SignedOperator, ctx: BackendDep) -> Any:
    """Sign and publish a catalog bundle for one terminal or every terminal (role catalog:publish)."""
    try:
        version = publish_catalog(
            ctx.engine, ctx.programme_key, req.catalog, req.terminal_id, expires_days=req.expires_days
        )
    except UnknownTerminal:
        raise HTTPException(404, "no such terminal") from None
    except CatalogError as exc:  # the kiosk's own validator: a catalog it would refuse is never signed
        raise HTTPException(422, str(exc)) from None
    return {"version": version}


@router.post(
    "/terminals/{terminal_id}/key",
    tags=["enrollment"],
    response_model=KeyOut,
    responses={
        400: {"model": Problem},
        401: {"model": Problem},
        409: {"model": Problem},
        422: {"model": ValidationProblem},
    },
    openapi_extra=owned(Owner.TERMINAL),
)
def rotate_key(terminal_id: TerminalPath, req: KeyRequest, caller: SignedTerminal, ctx: BackendDep) -> Any:
    """Replace the terminal's key, signed with the current one (`kiosk sync rotate-key`). Sending the
    key it already has is a no-op, so a kiosk that crashed before keeping its new key can retry."""
    try:
        load_public_key(req.public_key)
    except ValueError as exc:
        raise HTTPException(400, f"public_key: {exc}") from None
    try:
        with ctx.engine.begin() as conn:
            conn.execute(update(terminals).where(terminals.c.id == caller).values(public_key=req.public_key))
    except IntegrityError:
        raise HTTPException(409, "this public key belongs to another terminal") from None
    return {"terminal_id": caller}
