"""`kiosk enroll`, `kiosk sync --once`, `kiosk sync status`: enrollment and sync from the command line."""

from __future__ import annotations

import argparse
import sys

from app.builders.sync import build_sync_service
from app.context import add_db_option, open_ledger, settings_from
from kiosk.config import Settings
from kiosk.ledger import Ledger
from kiosk.ports import SystemClock
from kiosk.sync.keys import KeyFileError
from kiosk.sync.service import SyncError, SyncService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    e = sub.add_parser("enroll", help="enroll this terminal with the programme backend")
    add_db_option(e)
    e.add_argument("--backend", required=True, help="backend URL, e.g. https://programme.example.kr")
    e.add_argument("--code", required=True, help="the enrollment code from the programme")
    e.add_argument("--business-number", help="사업자등록번호 (default: the configured shop's)")
    e.set_defaults(handler=enroll)

    s = sub.add_parser("sync", help="sync the journal with the programme backend")
    add_db_option(s)
    s.add_argument("--once", action="store_true", help="run one sync round now and report")
    ssub = s.add_subparsers(dest="sync_command", metavar="ACTION")
    st = ssub.add_parser("status", help="show the sync state")
    add_db_option(st)
    st.set_defaults(handler=status)
    rk = ssub.add_parser("rotate-key", help="replace the device key (the backend is told, signed by the old one)")
    add_db_option(rk)
    rk.set_defaults(handler=rotate_key)
    s.set_defaults(handler=once)


def _service(args: argparse.Namespace, settings: Settings, ledger: Ledger) -> SyncService:
    return build_sync_service(settings, ledger, SystemClock())


def enroll(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    ledger = open_ledger(args, settings)
    service = _service(args, settings, ledger)
    try:
        tid = service.enroll(args.backend, args.code, args.business_number or settings.shop.business_number)
    except (SyncError, KeyFileError) as exc:
        print(f"kiosk: 등록 실패 / enrollment failed: {exc}", file=sys.stderr)
        return 1
    finally:
        service.close()
        ledger.close()
    print(f"등록 완료 / enrolled: terminal {tid}")
    return 0


def once(args: argparse.Namespace) -> int:
    if not args.once:
        print("kiosk sync: use --once to run a round now, or `kiosk sync status`", file=sys.stderr)
        return 2
    settings = settings_from(args)
    ledger = open_ledger(args, settings)
    service = _service(args, settings, ledger)
    try:
        service.sync_once(force_heartbeat=True)
        code = 0
    except (SyncError, KeyFileError) as exc:
        if isinstance(exc, KeyFileError):  # sync_once records SyncErrors itself
            service.record_error(str(exc))
        print(f"kiosk: 동기화 실패 / sync failed: {exc}", file=sys.stderr)
        code = 1
    try:
        # The summary reflects the recorded outcome: after a failure it never says "synced".
        print(service.status().summary())
    finally:
        service.close()
        ledger.close()
    return code


def status(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    ledger = open_ledger(args, settings, create=False)
    service = _service(args, settings, ledger)
    try:
        st = service.status()
    finally:
        ledger.close()
    print(st.summary())
    print(
        f"terminal: {st.terminal_id or '-'}  acked seq: {st.acked_seq}  last seq: {st.last_seq}  "
        f"catalog: v{st.catalog_version}"
    )
    if st.last_success_at:
        print(f"last success: {st.last_success_at}")
    for q in st.quarantined:
        print(f"quarantined seq {q.seq}: {q.reason}: {q.detail}")
    return 0


def rotate_key(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    ledger = open_ledger(args, settings)
    service = _service(args, settings, ledger)
    try:
        service.rotate_key()
    except (SyncError, KeyFileError) as exc:
        print(f"kiosk: 키 교체 실패 / key rotation failed: {exc}", file=sys.stderr)
        return 1
    finally:
        service.close()
        ledger.close()
    print("단말기 키 교체 완료 / device key replaced")
    return 0
