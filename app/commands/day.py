"""`kiosk day status|open|x|close|z|reopen`: the business day from a shell, for support and scripts
(docs/COUNTER.md). The same core as the counter's screens (kiosk/counter/day.py): opening and the X need a
staff sign-in, closing needs the count by denomination and the owner's PIN, reopening the owner's PIN.
A PIN is never taken from the command line: it is asked on the terminal, or read from the first line of
standard input with `--pin-stdin`.

Exit statuses (docs/EXIT-STATUS.md): 0 done; 1 refused (wrong PIN, locked, not permitted); 2 usage (a bad
amount or count, no such Z, no terminal to ask the PIN on); 3 / 4 the ledger; 6 the day is not in the
state asked for (not open, already open, nothing to reopen); 7 payments or cash receipts still unresolved.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.context import CommandUsage, add_db_option, add_pin_option, open_ledger, read_pin, settings_from

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.counter.day import BusinessDay
    from kiosk.ledger import Ledger
    from kiosk.session.modes import SignedIn

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_DAY_STATE = 6
EXIT_UNRESOLVED = 7


class _Refused(Exception):
    pass


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("day", help="the business day: status, open, X report, close (Z), Z reports, reopen")
    dsub = p.add_subparsers(dest="day_command", required=True, metavar="ACTION")

    st = dsub.add_parser("status", help="is the day open, since when, the drawer's expected cash, what blocks closing")
    add_db_option(st)
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=run)

    op = dsub.add_parser("open", help="open the day (개점) with the float counted into the drawer")
    add_db_option(op)
    op.add_argument("--float", dest="float_amount", type=int, required=True, help="the float in won, e.g. 100000")
    add_pin_option(op)
    op.set_defaults(handler=run)

    x = dsub.add_parser("x", help="X report: today's figures without closing")
    add_db_option(x)
    x.add_argument("--json", action="store_true")
    x.add_argument("--print", action="store_true", help="also print it on the receipt printer")
    add_pin_option(x)
    x.set_defaults(handler=run)

    cl = dsub.add_parser("close", help="close the day (마감): the count by denomination and the owner's PIN")
    add_db_option(cl)
    cl.add_argument(
        "--count", required=True, help="the cash counted, by denomination: 50000x2,10000x5,1000x7,500x3 (VALUExCOUNT)"
    )
    cl.add_argument("--json", action="store_true")
    cl.add_argument("--print", action="store_true", help="print the Z on the receipt printer")
    add_pin_option(cl, "the owner's PIN")
    cl.set_defaults(handler=run)

    z = dsub.add_parser("z", help="show a Z report as journaled (default: the last)")
    add_db_option(z)
    z.add_argument("--number", type=int, help="the Z number")
    z.add_argument("--json", action="store_true")
    z.add_argument("--print", action="store_true", help="print it again (marked 재발행)")
    z.set_defaults(handler=run)

    ro = dsub.add_parser("reopen", help="마감 취소: reopen the last closed day (owner only)")
    add_db_option(ro)
    ro.add_argument("--reason", required=True)
    add_pin_option(ro, "the owner's PIN")
    ro.set_defaults(handler=run)

    for q in (x, cl, z):
        q.add_argument("--printer", help="printer URL (default: printer.url from the config)")
        q.add_argument("--sim-out", type=Path, default=Path("printer-sim-out"), help="PNG folder for sim://")


def _sign_in(args: argparse.Namespace, ledger: Ledger, prompt: str) -> SignedIn:
    from kiosk.session.modes import SignedIn
    from kiosk.staff.service import PinChangeRequired, StaffService

    result = StaffService(ledger).sign_in(read_pin(args, prompt))
    if isinstance(result, SignedIn):
        return result
    if isinstance(result, PinChangeRequired):
        raise _Refused("that is a one-time PIN: sign in on the kiosk first and choose your own PIN")
    raise _Refused(result.message("en"))


def run(args: argparse.Namespace) -> int:
    from kiosk.counter.day import BadAmount, BusinessDay, DayAlreadyOpen, DayError, DayNotOpen, UnresolvedPayments
    from kiosk.counter.rules import rules_from

    settings = settings_from(args)
    action = args.day_command
    ledger = open_ledger(args, settings, create=action == "open")
    try:
        day = BusinessDay(ledger, rules_from(settings))
        return _ACTIONS[action](args, day, settings)
    except (CommandUsage, BadAmount) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (DayNotOpen, DayAlreadyOpen) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_DAY_STATE
    except UnresolvedPayments as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_UNRESOLVED
    except (_Refused, DayError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_DAY_STATE if "no closed day" in str(exc) else EXIT_FAILED
    finally:
        ledger.close()


def _status(args: argparse.Namespace, day: BusinessDay, settings: Settings) -> int:
    session = day.current()
    data: dict[str, Any] = {"open": session is not None}
    if session is not None:
        data.update(
            business_date=session.business_date,
            opened_at=session.opened_at,
            opened_by=session.opened_by_name,
            float=session.float_amount,
            auto=session.auto,
            expected_cash=day.drawer_balance(),
            unresolved=day.unresolved(),
        )
    last = day.last_closed()
    if last is not None:
        data["last_z"] = {"z_number": last.z_number, "business_date": last.business_date, "closed_at": last.closed_at}
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if session is None:
        print("영업 전 (closed): open the day with `kiosk day open --float N`")
    else:
        auto = " (자동 개점)" if session.auto else ""
        print(f"영업 중 (open) {session.business_date} since {session.opened_at} by {session.opened_by_name}{auto}")
        print(f"float {session.float_amount:,} won; expected cash in the drawer {data['expected_cash']:,} won")
        for problem in data["unresolved"]:
            print(f"unresolved: {problem}")
    if last is not None:
        print(f"last Z {last.z_number} ({last.business_date}, closed {last.closed_at})")
    return 0


def _open(args: argparse.Namespace, day: BusinessDay, settings: Settings) -> int:
    from kiosk.counter.day import NotPermitted
    from kiosk.session.modes import Permission, may

    if day.current() is not None:
        from kiosk.counter.day import DayAlreadyOpen

        raise DayAlreadyOpen("the business day is already open (kiosk day status)")
    who = _sign_in(args, day.ledger, "Your PIN: ")
    if not may(who.role, Permission.COUNTER_SALES):
        raise NotPermitted(f"{who.name} ({who.role.value}) may not open the day")
    session = day.open(who, args.float_amount)
    print(f"개점: {session.business_date}, float {session.float_amount:,} won, by {who.name}")
    return 0


def _x(args: argparse.Namespace, day: BusinessDay, settings: Settings) -> int:
    day.require_open()
    who = _sign_in(args, day.ledger, "Your PIN: ")
    report = day.x_report(who)
    return _show(args, report, settings)


def _close(args: argparse.Namespace, day: BusinessDay, settings: Settings) -> int:
    from kiosk.counter.day import CashCount, NotPermitted, UnresolvedPayments
    from kiosk.session.modes import Role

    count = CashCount.parse(args.count)
    day.require_open()
    problems = day.unresolved()
    if problems:
        raise UnresolvedPayments(
            "cannot close, unresolved: " + "; ".join(problems) + " (resolve them: kiosk payments recover)"
        )
    who = _sign_in(args, day.ledger, "The owner's PIN: ")
    if who.role is not Role.OWNER:
        raise NotPermitted("closing from the command line needs the owner's PIN")
    z = day.close(who, count, approver=who)
    return _show(args, z, settings)


def _z(args: argparse.Namespace, day: BusinessDay, settings: Settings) -> int:
    from kiosk.counter.day import DayError

    if args.number is not None and not 1 <= args.number <= 10**9:
        raise CommandUsage("--number is a Z number (1, 2, ...)")
    try:
        z = day.z_report(args.number)
    except DayError as exc:
        raise CommandUsage(str(exc)) from None
    return _show(args, z, settings, reprint=True)


def _reopen(args: argparse.Namespace, day: BusinessDay, settings: Settings) -> int:
    from kiosk.counter.day import DayAlreadyOpen, DayError

    if day.current() is not None:
        raise DayAlreadyOpen("a day is open: nothing to reopen")
    if day.last_closed() is None:
        raise DayError("no closed day to reopen")
    who = _sign_in(args, day.ledger, "The owner's PIN: ")
    session = day.reopen(who, args.reason)
    print(f"마감 취소: {session.business_date} is open again (by {who.name})")
    return 0


def _show(args: argparse.Namespace, report: dict[str, Any], settings: Settings, *, reprint: bool = False) -> int:
    from app.builders.printing import shop_info
    from kiosk.receipts.document import plain_text
    from kiosk.receipts.zreport import report_document

    doc = report_document(report, shop_info(settings), settings.ledger.device_id, reprint=reprint and args.print)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(plain_text(doc, 42))
    if getattr(args, "print", False):
        return _print(args, doc, settings)
    return 0


def _print(args: argparse.Namespace, doc: Any, settings: Settings) -> int:
    from app.builders.printing import build_printer
    from hardware.printer.profiles import profile_named
    from kiosk.domain.ids import uuid7
    from kiosk.receipts.port import PrintJob, PrintOutcome

    try:
        printer, _sim = build_printer(
            args.printer or settings.printer.url, profile_named(settings.printer.profile), sim_out=args.sim_out
        )
    except ValueError as exc:
        raise CommandUsage(str(exc)) from None
    done: queue.Queue[PrintOutcome] = queue.Queue()
    with printer:
        printer.submit(PrintJob(f"report-{uuid7()}", "", doc), done.put)
        outcome = done.get(timeout=120)
    if outcome.ok:
        print("인쇄했습니다 (printed)", file=sys.stderr)
        return 0
    print(f"kiosk: 인쇄하지 못했습니다 ({outcome.detail}): {outcome.message}", file=sys.stderr)
    return EXIT_FAILED


_ACTIONS = {"status": _status, "open": _open, "x": _x, "close": _close, "z": _z, "reopen": _reopen}
