"""The fleet view for programme operators (role fleet:read): terminals, health, stored entries and
daily totals. Never readable anonymously: it holds sales data and business numbers."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel
from sqlalchemy import func, select

from backend.auth import BackendDep, OwnedRoute, Owner, SignedOperator, owned
from backend.db import entries, terminals
from backend.errors import Problem, ValidationProblem
from backend.operators import Role
from backend.routes.journal import TerminalPath
from kiosk.protocol import API

router = APIRouter(prefix=f"{API}/fleet", tags=["fleet"], route_class=OwnedRoute)
READ = owned(Owner.OPERATOR, Role.FLEET_READ)
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem},
    403: {"model": Problem},
    422: {"model": ValidationProblem},
}
DATE = r"^\d{4}-\d{2}-\d{2}$"


class TerminalOut(BaseModel):
    terminal_id: str
    business_number: str
    device_id: str
    enrolled_at: str
    last_seen: str | None
    health: list[dict[str, Any]]
    clock_skew_ms: int | None
    pending: int
    ack_seq: int
    rejected: int
    catalog_version: int


class DailyTotal(BaseModel):
    business_date: str
    sale_count: int
    gross: int
    refund_count: int
    refunds: int
    net: int


def _terminal_out(r: Any, rejected: int) -> dict[str, Any]:
    try:
        health = json.loads(r.health)
    except ValueError:
        health = []
    return {
        "terminal_id": r.id,
        "business_number": r.business_number,
        "device_id": r.device_id,
        "enrolled_at": r.enrolled_at,
        "last_seen": r.last_seen,
        "health": health if isinstance(health, list) else [],
        "clock_skew_ms": r.clock_skew_ms,
        "pending": r.pending,
        "ack_seq": r.ack_seq,
        "rejected": rejected,
        "catalog_version": r.catalog_version,
    }


@router.get("/terminals", response_model=list[TerminalOut], responses=ERRORS, openapi_extra=READ)
def fleet(operator: SignedOperator, ctx: BackendDep) -> Any:
    with ctx.engine.connect() as conn:
        rej: dict[str, int] = dict(
            conn.execute(
                select(entries.c.terminal_id, func.count())
                .where(entries.c.status == "rejected")
                .group_by(entries.c.terminal_id)
            ).all()
        )
        rows = conn.execute(select(terminals).order_by(terminals.c.id)).all()
        conn.rollback()
    return [_terminal_out(r, int(rej.get(r.id, 0))) for r in rows]


@router.get(
    "/terminals/{terminal_id}",
    response_model=TerminalOut,
    responses={**ERRORS, 404: {"model": Problem}},
    openapi_extra=READ,
)
def fleet_one(terminal_id: TerminalPath, operator: SignedOperator, ctx: BackendDep) -> Any:
    with ctx.engine.connect() as conn:
        row = conn.execute(select(terminals).where(terminals.c.id == terminal_id)).first()
        n = conn.execute(
            select(func.count()).where(entries.c.terminal_id == terminal_id, entries.c.status == "rejected")
        ).scalar_one()
        conn.rollback()
    if row is None:
        raise HTTPException(404, "no such terminal")
    return _terminal_out(row, int(n))


@router.get("/terminals/{terminal_id}/entries", responses=ERRORS, openapi_extra=READ)
def fleet_entries(
    terminal_id: TerminalPath,
    operator: SignedOperator,
    ctx: BackendDep,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> list[dict[str, Any]]:
    with ctx.engine.connect() as conn:
        q = (
            select(entries)
            .where(entries.c.terminal_id == terminal_id, entries.c.seq > after)
            .order_by(entries.c.seq)
            .limit(limit)
        )
        rows = [dict(r._mapping) for r in conn.execute(q)]
        conn.rollback()
    return rows


@router.get(
    "/terminals/{terminal_id}/daily-totals", response_model=list[DailyTotal], responses=ERRORS, openapi_extra=READ
)
def daily_totals(
    terminal_id: TerminalPath,
    operator: SignedOperator,
    ctx: BackendDep,
    date_from: Annotated[str, Query(alias="from", pattern=DATE)] = "0000-00-00",
    date_to: Annotated[str, Query(alias="to", pattern=DATE)] = "9999-99-99",
) -> Any:
    sale = entries.c.amount > 0
    q = (
        select(
            entries.c.business_date,
            func.count().filter(sale),
            func.coalesce(func.sum(entries.c.amount).filter(sale), 0),
            func.count().filter(entries.c.amount < 0),
            func.coalesce(-func.sum(entries.c.amount).filter(entries.c.amount < 0), 0),
        )
        .where(
            entries.c.terminal_id == terminal_id,
            entries.c.status == "stored",
            entries.c.business_date.is_not(None),
            entries.c.business_date >= date_from,
            entries.c.business_date <= date_to,
        )
        .group_by(entries.c.business_date)
        .order_by(entries.c.business_date)
    )
    with ctx.engine.connect() as conn:
        rows = conn.execute(q).all()
        conn.rollback()
    return [
        {
            "business_date": d,
            "sale_count": c,
            "gross": int(g),
            "refund_count": rc,
            "refunds": int(rf),
            "net": int(g) - int(rf),
        }
        for d, c, g, rc, rf in rows
    ]
