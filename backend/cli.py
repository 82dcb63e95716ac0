"""`kiosk-backend`: serve the programme backend, manage operators, issue enrollment codes, publish
catalog bundles.

The database is `--db URL` or `$KIOSK_BACKEND_DB`, else `sqlite:///kiosk-backend.sqlite3` in the
current directory; `postgresql://user@host:port/db` for production.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from backend.config import BackendConfig, Mode
from backend.db import DEFAULT_SQLITE, make_engine, migrate
from backend.keys import ensure_programme_key, load_programme_key
from backend.operators import OperatorError, Role, create_operator, list_operators, revoke_operator
from backend.programme import (
    CatalogError,
    UnknownTerminal,
    business_number_ok,
    mint_code,
    publish_catalog,
    revoke_terminal,
)
from backend.providers import ProviderError, add_provider, revoke_provider

EXIT_USAGE = 2
EXIT_DATABASE = 3


def _db(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("KIOSK_BACKEND_DB") or DEFAULT_SQLITE)


def _open(args: argparse.Namespace) -> Engine:
    engine = make_engine(_db(args))
    migrate(engine)
    ensure_programme_key(engine)
    return engine


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"kiosk-backend: {message}", file=sys.stderr)
    return code


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _mode(args: argparse.Namespace) -> Mode:
    if args.test_clock or os.environ.get("KIOSK_BACKEND_TEST_CLOCK") == "1":
        return Mode.TEST
    return Mode(args.mode or os.environ.get("KIOSK_BACKEND_MODE") or Mode.PRODUCTION.value)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from backend.app import create_app

    try:
        mode = _mode(args)
    except ValueError:
        return _fail(f"unknown mode in $KIOSK_BACKEND_MODE; use one of {', '.join(m.value for m in Mode)}")
    tls = bool(args.tls_cert or args.tls_key)
    if tls and not (args.tls_cert and args.tls_key):
        return _fail("TLS needs both --tls-cert and --tls-key")
    for f in (args.tls_cert, args.tls_key):
        if f and not Path(f).is_file():
            return _fail(f"{f}: no such file (TLS certificate or key)")
    if not tls and not args.behind_proxy and not _loopback(args.host):
        return _fail(
            f"refusing plain HTTP on {args.host}: give --tls-cert and --tls-key, or run behind a TLS reverse "
            "proxy on this machine and say so with --behind-proxy (docs/SECURITY.md)"
        )
    workers = args.workers if args.workers is not None else int(os.environ.get("KIOSK_BACKEND_WORKERS") or 1)
    if not 1 <= workers <= 64:
        return _fail("--workers (or $KIOSK_BACKEND_WORKERS): a number of processes from 1 to 64")
    engine = _open(args)  # migrated once, before any worker starts
    config = BackendConfig(mode=mode, code_hang_seconds=args.code_hang_seconds)
    scheme = "https" if tls else "http"
    print(config.announcement(), file=sys.stderr, flush=True)
    every = f", {workers} worker processes" if workers > 1 else ""
    print(
        f"kiosk-backend: serving on {scheme}://{args.host}:{args.port} ({engine.url.render_as_string()}{every})",
        flush=True,
    )
    app: Any = "backend.cli:worker_app"
    if workers == 1:
        app = create_app(engine, config)
    else:
        # Each worker process builds its own app (its own pools) through `worker_app`; the backend keeps no
        # state in the process, so they serve one database side by side.
        engine.dispose()
        os.environ[_WORKER_CONFIG] = json.dumps(
            {"db": engine.url.render_as_string(hide_password=False), "mode": mode.value,
             "code_hang_seconds": args.code_hang_seconds}
        )  # fmt: skip
    uvicorn.run(
        app,
        factory=workers > 1,
        workers=workers if workers > 1 else None,
        http="httptools",
        loop="uvloop",
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=False,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        proxy_headers=args.behind_proxy,
        forwarded_allow_ips=args.forwarded_allow_ips if args.behind_proxy else None,
        server_header=False,
    )
    return 0


_WORKER_CONFIG = "KIOSK_BACKEND_WORKER_CONFIG"  # set by `serve --workers N` for its worker processes


def worker_app() -> Any:
    """The app of one `serve --workers N` worker process (uvicorn calls this in each)."""
    from backend.app import create_app

    conf = json.loads(os.environ[_WORKER_CONFIG])
    config = BackendConfig(mode=Mode(conf["mode"]), code_hang_seconds=float(conf["code_hang_seconds"]))
    return create_app(make_engine(conf["db"]), config)


def enroll_code(args: argparse.Namespace) -> int:
    number = args.business_number.replace("-", "")
    if not business_number_ok(number):
        return _fail(f"{args.business_number} is not a valid 사업자등록번호 (10 digits with check digit)")
    if not 0 < args.expires_days <= 90:
        return _fail("--expires-days must be between 0 and 90")
    print(mint_code(_open(args), number, days=args.expires_days))
    return 0


def publish(args: argparse.Namespace) -> int:
    try:
        catalog = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        return _fail(f"{args.file}: cannot read the catalog JSON ({exc})")
    if not 0 < args.expires_days <= 366:
        return _fail("--expires-days must be between 1 and 366")
    engine = _open(args)
    target = None if args.all else args.terminal
    try:
        version = publish_catalog(engine, load_programme_key(engine), catalog, target, expires_days=args.expires_days)
    except CatalogError as exc:
        return _fail(f"not published: {exc}")
    except UnknownTerminal:
        return _fail(f"no terminal {target}; see GET /v1/fleet/terminals")
    print(f"published catalog version {version} for {'every terminal' if target is None else target}")
    return 0


def operator_add(args: argparse.Namespace) -> int:
    try:
        token = create_operator(_open(args), args.name, {Role(r) for r in args.role or []})
    except OperatorError as exc:
        return _fail(str(exc))
    print(token)
    print(
        "kiosk-backend: the token is shown once; store it in the operator's secret store", file=sys.stderr, flush=True
    )
    return 0


def operator_revoke(args: argparse.Namespace) -> int:
    try:
        revoke_operator(_open(args), args.name)
    except OperatorError as exc:
        return _fail(str(exc))
    print(f"revoked operator {args.name}")
    return 0


def operator_list(args: argparse.Namespace) -> int:
    for name, roles, created, revoked in list_operators(_open(args)):
        print(f"{name}\t{roles}\tcreated {created}\t{'revoked ' + revoked if revoked else 'active'}")
    return 0


def provider_add(args: argparse.Namespace) -> int:
    try:
        add_provider(_open(args), args.name, args.public_key)
    except ProviderError as exc:
        return _fail(str(exc))
    print(f"provider {args.name} may now call POST /v1/provider/events (signed with its key)")
    return 0


def provider_revoke(args: argparse.Namespace) -> int:
    try:
        revoke_provider(_open(args), args.name)
    except ProviderError as exc:
        return _fail(str(exc))
    print(f"revoked provider {args.name}")
    return 0


def terminal_revoke(args: argparse.Namespace) -> int:
    try:
        revoke_terminal(_open(args), args.terminal_id)
    except UnknownTerminal:
        return _fail(f"no active terminal {args.terminal_id}; see GET /v1/fleet/terminals")
    print(f"revoked terminal {args.terminal_id}: its key signs nothing any more (enroll the device again)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiosk-backend", description="The programme backend (reference implementation)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db_opt(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", help=f"database URL (default $KIOSK_BACKEND_DB or {DEFAULT_SQLITE})")

    s = sub.add_parser("serve", help="run the HTTP API")
    db_opt(s)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8700)
    s.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    s.add_argument(
        "--mode",
        choices=[m.value for m in Mode],
        help="production (default, or $KIOSK_BACKEND_MODE); demo adds the payment provider simulation; "
        "test adds the test clock too",
    )
    s.add_argument("--test-clock", action="store_true", help="test mode (same as --mode test)")
    s.add_argument("--code-hang-seconds", type=float, default=30.0, help="how long the ...0002 test code hangs")
    s.add_argument("--tls-cert", help="serve HTTPS with this certificate chain (PEM)")
    s.add_argument("--tls-key", help="the certificate's private key (PEM)")
    s.add_argument(
        "--behind-proxy", action="store_true", help="plain HTTP behind a TLS reverse proxy (trusts X-Forwarded-For)"
    )
    s.add_argument(
        "--workers",
        type=int,
        help="worker processes serving the same port (default $KIOSK_BACKEND_WORKERS or 1); on PostgreSQL "
        "each keeps up to 70 connections",
    )
    s.add_argument("--forwarded-allow-ips", default="127.0.0.1", help="the proxy's address (with --behind-proxy)")
    s.set_defaults(handler=serve)

    m = sub.add_parser("migrate", help="create or upgrade the database schema")
    db_opt(m)
    m.set_defaults(handler=lambda a: (_open(a), 0)[1])

    e = sub.add_parser("enroll-code", help="issue a single-use enrollment code for a shop")
    db_opt(e)
    e.add_argument("--business-number", required=True, help="사업자등록번호, 10 digits")
    e.add_argument("--expires-days", type=float, default=7.0, help="the code expires after this many days (7)")
    e.set_defaults(handler=enroll_code)

    c = sub.add_parser("publish-catalog", help="sign and publish a catalog bundle")
    db_opt(c)
    c.add_argument("file", help="catalog JSON file")
    who = c.add_mutually_exclusive_group(required=True)
    who.add_argument("--terminal", help="one terminal id")
    who.add_argument("--all", action="store_true", help="every terminal")
    c.add_argument("--expires-days", type=int, default=30)
    c.set_defaults(handler=publish)

    o = sub.add_parser("operator", help="programme operators' API tokens")
    osub = o.add_subparsers(dest="operator_command", required=True, metavar="ACTION")
    oa = osub.add_parser("add", help="create an operator and print its token (once)")
    db_opt(oa)
    oa.add_argument("name")
    oa.add_argument("--role", action="append", choices=[r.value for r in Role], help="repeat for several roles")
    oa.set_defaults(handler=operator_add)
    orv = osub.add_parser("revoke", help="revoke an operator's token")
    db_opt(orv)
    orv.add_argument("name")
    orv.set_defaults(handler=operator_revoke)
    ol = osub.add_parser("list", help="list operators (never their tokens)")
    db_opt(ol)
    ol.set_defaults(handler=operator_list)

    pv = sub.add_parser("provider", help="payment providers allowed to call back")
    pvsub = pv.add_subparsers(dest="provider_command", required=True, metavar="ACTION")
    pa = pvsub.add_parser("add", help="register a provider's Ed25519 public key")
    db_opt(pa)
    pa.add_argument("name")
    pa.add_argument("public_key", help="base64 of the raw 32-byte Ed25519 public key")
    pa.set_defaults(handler=provider_add)
    pr = pvsub.add_parser("revoke", help="stop accepting a provider's callbacks")
    db_opt(pr)
    pr.add_argument("name")
    pr.set_defaults(handler=provider_revoke)

    tm = sub.add_parser("terminal", help="terminals")
    tmsub = tm.add_subparsers(dest="terminal_command", required=True, metavar="ACTION")
    tr = tmsub.add_parser("revoke", help="revoke a terminal (a stolen or retired device)")
    db_opt(tr)
    tr.add_argument("terminal_id")
    tr.set_defaults(handler=terminal_revoke)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except (OperationalError, ArgumentError) as exc:
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())  # one line
        return _fail(f"cannot use the database {_db(args)}: {reason}", EXIT_DATABASE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kiosk-backend ... | head`: quiet, like any Unix tool (docs/EXIT-STATUS.md)
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 141
    except Exception as exc:  # one line, never a traceback (KIOSK_DEBUG=1 shows it)
        if os.environ.get("KIOSK_DEBUG") == "1":
            import traceback

            traceback.print_exception(exc)
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
        if isinstance(exc, SQLAlchemyError):
            return _fail(f"cannot use the database {_db(args)}: {reason}", EXIT_DATABASE)
        if isinstance(exc, OSError):
            return _fail(f"{exc.filename or ''}: {exc.strerror or reason}; check the path and permissions", 5)
        if isinstance(exc, RecursionError | OverflowError | UnicodeError):
            return _fail(f"input out of range or too deeply nested ({type(exc).__name__}): {reason}")
        return _fail(f"internal error ({type(exc).__name__}: {reason}); a bug: report it with KIOSK_DEBUG=1", 70)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
