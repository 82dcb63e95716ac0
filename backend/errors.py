"""Error replies: a reason, never the request echoed back, never a 500 for bad input."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError


class Problem(BaseModel):
    detail: str


class FieldProblem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationProblem(BaseModel):
    detail: list[FieldProblem]


def _clean(error: Any) -> dict[str, Any]:
    loc = [p if isinstance(p, int) else str(p)[:64] for p in error.get("loc", ())]
    msg = str(error.get("msg", "invalid"))
    ctx = error.get("ctx") or {}
    if error.get("type") == "json_invalid" and isinstance(ctx.get("error"), str):
        msg = f"{msg}: {ctx['error'][:120]}"
    return {"loc": loc, "msg": msg[:300], "type": str(error.get("type", "invalid"))[:64]}


def validation_problem(exc: RequestValidationError) -> dict[str, Any]:
    """The 422 reply's body: the first 20 problems, each cleaned (never the request's input)."""
    return {"detail": [_clean(e) for e in exc.errors()[:20]]}


DB_OUT_OF_RANGE = "a value is out of range for the database"
DB_CONFLICT = "conflict with a concurrent request; retry"
DB_LOST = "the database connection was lost; retry"


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    def validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(validation_problem(exc), status_code=422)

    @app.exception_handler(IntegrityError)
    def integrity(_request: Request, _exc: IntegrityError) -> JSONResponse:
        return JSONResponse({"detail": DB_CONFLICT}, status_code=409)

    @app.exception_handler(DataError)
    def data(_request: Request, _exc: DataError) -> JSONResponse:
        return JSONResponse({"detail": DB_OUT_OF_RANGE}, status_code=422)

    @app.exception_handler(DBAPIError)
    def lost(_request: Request, exc: DBAPIError) -> JSONResponse:
        # A pooled connection the database dropped (restart, failover): the pool has been discarded
        # and the next request gets a fresh connection. Anything else is a server error as before.
        if not exc.connection_invalidated:
            raise exc
        return JSONResponse({"detail": DB_LOST}, status_code=503, headers={"Retry-After": "1"})
