"""Payment commands: `kiosk qr-payload` (installers), `kiosk refund` (owners), `kiosk payments recover|list`.
The payment service is built by app/builders/payments.py (`build_payment_service`).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from sqlalchemy import select

from app.builders.payments import build_payment_service
from app.context import add_config_option, add_db_option, open_ledger, settings_from
from kiosk import emv
from kiosk.domain.business_day import business_date
from kiosk.ledger import LedgerError
from kiosk.ledger.models import OrderRow
from kiosk.payments.refunds import NoCompletedPayment
from kiosk.payments.service import PaymentService
from kiosk.ports import SystemClock

# The most one QR payment asks for (a whole cart of the dearest catalog units: kiosk/domain/catalog_rules.py).
MAX_QR_AMOUNT = 1_000_000_000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    q = sub.add_parser("qr-payload", help="print the EMVCo QR payload for an amount and order (set-up check)")
    add_config_option(q)
    q.add_argument("--amount", type=int, required=True, help="amount in won")
    q.add_argument("--order", required=True, help="order reference (at most 25 characters)")
    q.set_defaults(handler=qr_payload)

    r = sub.add_parser("refund", help="refund an order through its payment provider (a reversal entry)")
    add_db_option(r)
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("--order", help="order id")
    which.add_argument("--number", type=int, help="order number of a business day (see kiosk report)")
    r.add_argument("--date", type=date.fromisoformat, help="business day YYYY-MM-DD of --number (default: today)")
    r.add_argument("--reason", default="", help="why (kept in the journal)")
    r.add_argument(
        "--manual", action="store_true", help="record the refund only; the money is returned by hand (cash, demo)"
    )
    r.set_defaults(handler=refund)

    p = sub.add_parser("payments", help="payment intents: recover open ones, list them")
    psub = p.add_subparsers(dest="payments_command", required=True, metavar="ACTION")
    rec = psub.add_parser("recover", help="resolve every open payment intent (query, keep or net-cancel)")
    add_db_option(rec)
    rec.set_defaults(handler=recover)
    ls = psub.add_parser("list", help="list payment intents")
    add_db_option(ls)
    ls.add_argument("--pending", action="store_true", help="only intents that are not final")
    ls.set_defaults(handler=list_intents)


def qr_payload(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if not 0 < args.amount <= MAX_QR_AMOUNT:
        print(f"kiosk: --amount must be a positive number of won, at most {MAX_QR_AMOUNT:,}", file=sys.stderr)
        return 2
    if not args.order or len(args.order) > 25:
        print("kiosk: --order must be 1 to 25 characters", file=sys.stderr)
        return 2
    try:
        payload = emv.merchant_presented_payload(
            args.amount, args.order, settings.shop.name, "SEOUL", f"HG{settings.ledger.device_id}"
        )
    except emv.EmvError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    print(payload)
    return 0


def refund(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.date is not None and args.number is None:
        print("kiosk: --date goes with --number (the order number of that business day)", file=sys.stderr)
        return 2
    ledger = open_ledger(args, settings, create=False)
    try:
        if args.number is not None:
            day = args.date or business_date(SystemClock().now(), settings.tz, settings.shop.business_day_start_hour)
            with ledger.reading() as s:
                found = s.execute(
                    select(OrderRow.id).where(
                        OrderRow.business_date == day.isoformat(), OrderRow.order_number == args.number
                    )
                ).scalar()
            if found is None:
                print(
                    f"kiosk: no order No. {args.number} on {day}; "
                    f"check the number (kiosk report --date {day} lists them)",
                    file=sys.stderr,
                )
                return 2
            args.order = found
        with ledger.reading() as s:
            order = s.get(OrderRow, args.order)
            number = order.order_number if order is not None else None
        if number is None:
            print(
                f"kiosk: no order {args.order} in this ledger; check the id (kiosk report lists orders)",
                file=sys.stderr,
            )
            return 2
        if args.manual:
            ledger.record_refund(args.order, reason=args.reason or "manual", method="manual")
            print(f"환불 기록됨: 주문 {number}번 ({args.order}). 돈은 직접 돌려주세요.")
            return 0
        with build_payment_service(settings, ledger) as service:
            intent = service.refund(args.order, args.reason)
        print(f"환불 완료: 주문 {number}번, {intent.amount:,}원, {intent.method.value} 승인번호 {intent.approval_no}")
        return 0
    except LedgerError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        if isinstance(exc, NoCompletedPayment):
            print("kiosk: if the money was taken another way, return it by hand and use --manual", file=sys.stderr)
        return 1
    except Exception as exc:  # a device or network problem: say what to check, not a traceback
        print(f"kiosk: refund not done: {exc}", file=sys.stderr)
        return 1
    finally:
        ledger.close()


def recover(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    ledger = open_ledger(args, settings, create=False)
    try:
        with build_payment_service(settings, ledger) as service:
            report = service.recover()
            late = service.reconcile_late()
        print(report.summary())
        if late:
            print(f"늦게 들어온 결제 환불: {len(late)}건")
        for intent_id in report.unresolved + report.manual_review:
            print(f"  확인 필요: {intent_id}")
        return 0 if report.clean else 1
    except Exception as exc:
        print(f"kiosk: recovery not done: {exc}", file=sys.stderr)
        return 1
    finally:
        ledger.close()


def list_intents(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    ledger = open_ledger(args, settings, create=False)
    try:
        service = PaymentService(ledger, [])
        intents = service.store.pending() if args.pending else service.store.all()
        for i in intents:
            done = " (주문 완료)" if i.order_completed else ""
            print(
                f"{i.created_at[:19]}  {i.id}  {i.method.value:8} {i.amount:>9,}원  {i.state.value}{done}  {i.reason}"
            )
        return 0
    finally:
        ledger.close()
