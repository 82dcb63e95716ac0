"""`kiosk-backend`: serve the programme backend, issue enrollment codes, publish catalog bundles.

The database is `--db URL` or `$KIOSK_BACKEND_DB`, else `sqlite:///kiosk-backend.sqlite3` in the
current directory; `postgresql://user@host:port/db` for production.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from backend.db import DEFAULT_SQLITE, bundles, enrollment_codes, make_engine, migrate, terminals
from backend.keys import ensure_programme_key, load_programme_key
from kiosk.domain.catalog_rules import CatalogError, validate_catalog
from kiosk.sync.protocol import sign_bundle

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def _db(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("KIOSK_BACKEND_DB") or DEFAULT_SQLITE)


def _checksum_ok(number: str) -> bool:
    """사업자등록번호 check digit."""
    if len(number) != 10 or not number.isdigit():
        return False
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    digits = [int(c) for c in number]
    total = sum(d * w for d, w in zip(digits, weights, strict=False)) + digits[8] * 5 // 10
    return (10 - total % 10) % 10 == digits[9]


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    engine = make_engine(_db(args))
    migrate(engine)
    ensure_programme_key(engine)
    return engine


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from backend.app import create_app

    engine = _open(args)
    test_clock = args.test_clock or os.environ.get("KIOSK_BACKEND_TEST_CLOCK") == "1"
    app = create_app(engine, test_clock=test_clock, code_hang_seconds=args.code_hang_seconds)
    print(f"kiosk-backend: serving on http://{args.host}:{args.port} ({engine.url.render_as_string()})", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0


def enroll_code(args: argparse.Namespace) -> int:
    number = args.business_number.replace("-", "")
    if not _checksum_ok(number):
        print(
            f"kiosk-backend: {args.business_number} is not a valid 사업자등록번호 (10 digits with check digit)",
            file=sys.stderr,
        )
        return 2
    engine = _open(args)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    with engine.begin() as conn:
        conn.execute(
            enrollment_codes.insert().values(
                code=code, business_number=number, created_at=datetime.now(UTC).isoformat(timespec="seconds")
            )
        )
    print(f"{code[:4]}-{code[4:8]}-{code[8:]}")
    return 0


def publish_catalog(args: argparse.Namespace) -> int:
    try:
        catalog = json.loads(Path(args.file).read_text(encoding="utf-8"))
        validate_catalog(catalog, args.file)  # the kiosk's own validator: a bad catalog is never signed
    except CatalogError as exc:
        print(f"kiosk-backend: not published: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError, RecursionError) as exc:
        print(f"kiosk-backend: {args.file}: cannot read the catalog JSON ({exc})", file=sys.stderr)
        return 2
    engine = _open(args)
    key = load_programme_key(engine)
    now = datetime.now(UTC)
    target = None if args.all else args.terminal
    with engine.begin() as conn:
        if target is not None and conn.execute(select(terminals.c.id).where(terminals.c.id == target)).first() is None:
            print(f"kiosk-backend: no terminal {target}; see GET /v1/fleet/terminals", file=sys.stderr)
            return 2
        version = int(conn.execute(select(func.coalesce(func.max(bundles.c.version), 0))).scalar_one()) + 1
        bundle = sign_bundle(
            key,
            {
                "kind": "catalog",
                "version": version,
                "terminal_id": target,
                "issued_at": now.isoformat(timespec="seconds"),
                "expires_at": (now + timedelta(days=args.expires_days)).isoformat(timespec="seconds"),
                "catalog": catalog,
            },
        )
        conn.execute(
            bundles.insert().values(
                version=version,
                terminal_id=target,
                issued_at=bundle["issued_at"],
                expires_at=bundle["expires_at"],
                body=json.dumps(bundle, ensure_ascii=False),
            )
        )
    print(f"published catalog version {version} for {'every terminal' if target is None else target}")
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
    s.add_argument("--log-level", default="warning")
    s.add_argument("--test-clock", action="store_true", help="enable POST /v1/test/clock (tests and demo only)")
    s.add_argument("--code-hang-seconds", type=float, default=30.0, help="how long the ...0002 test code hangs")
    s.set_defaults(handler=serve)

    m = sub.add_parser("migrate", help="create or upgrade the database schema")
    db_opt(m)
    m.set_defaults(handler=lambda a: (_open(a), 0)[1])

    e = sub.add_parser("enroll-code", help="issue a one-time enrollment code for a shop")
    db_opt(e)
    e.add_argument("--business-number", required=True, help="사업자등록번호, 10 digits")
    e.set_defaults(handler=enroll_code)

    c = sub.add_parser("publish-catalog", help="sign and publish a catalog bundle")
    db_opt(c)
    c.add_argument("file", help="catalog JSON file")
    who = c.add_mutually_exclusive_group(required=True)
    who.add_argument("--terminal", help="one terminal id")
    who.add_argument("--all", action="store_true", help="every terminal")
    c.add_argument("--expires-days", type=int, default=30)
    c.set_defaults(handler=publish_catalog)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.handler(args)
    except OperationalError as exc:
        print(f"kiosk-backend: cannot use the database {_db(args)}: {exc.orig}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    raise SystemExit(main())
