"""Cash receipts (현금영수증): issue through the provider, cancel with the original approval, the ≥ 100,000 won
rule and the self-issue number, and the identifiers never in clear: not in the ledger (and its WAL), not in
the sync payloads, not on the printed receipt or Z, only masked on screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.counter.cash_receipts import CashReceiptError
from kiosk.counter.day import CashCount
from kiosk.counter.identifiers import SELF_ISSUE_DISPLAY, BadIdentifier, IdKind, Purpose, parse_identifier
from kiosk.counter.rules import CounterRules
from kiosk.counter.sales import cash_tender
from kiosk.counter.ticket import Ticket
from kiosk.receipts.document import plain_text
from kiosk.receipts.zreport import report_document
from tests.helpers.card_numbers import numbers_in, phone_numbers_in
from tests.helpers.counter import BUSINESS, KEY, PHONE, STAFF, World, make_world


def test_identifiers_are_checked_and_masked_to_the_last_four() -> None:
    phone = parse_identifier(IdKind.PHONE, "010-1234-5678", KEY)
    assert phone.masked == "010-****-5678" and phone.last4 == "5678" and PHONE not in json.dumps(phone.to_record())
    biz = parse_identifier(IdKind.BUSINESS, BUSINESS, KEY)
    assert biz.masked == "***-**-*3455"
    card = parse_identifier(IdKind.CARD, "1234567890123456789", KEY)
    assert card.masked == "****-****-****-6789"
    assert parse_identifier(IdKind.PHONE, PHONE, KEY).hash == phone.hash  # a keyed hash finds it again
    assert parse_identifier(IdKind.PHONE, PHONE, b"another shop").hash != phone.hash
    for kind, bad in [
        (IdKind.PHONE, "0201234567"),
        (IdKind.BUSINESS, "6178123456"),
        (IdKind.CARD, "123"),
        (IdKind.PHONE, "abc"),
    ]:
        with pytest.raises(BadIdentifier):
            parse_identifier(kind, bad, KEY)


def test_issue_and_cancel_with_the_original_approval(world: World) -> None:
    world.day.open(STAFF, 0)
    ticket = Ticket().add(world.catalog, "bingsu")
    ident = parse_identifier(IdKind.PHONE, PHONE, KEY)
    sale = world.counter.sell(ticket, [cash_tender(9_000, 10_000)], STAFF, receipt_id=ident)
    receipt = sale.cash_receipt
    assert receipt is not None and receipt.state == "issued" and receipt.id_masked == "010-****-5678"
    assert receipt.amount == 9_000 and len(receipt.approval_no) == 9
    assert world.provider.seen == [PHONE]  # the provider, and only the provider, got the number
    day = receipt.approved_at[:10].replace("-", "")
    with pytest.raises(CashReceiptError, match="원승인번호"):
        world.receipts.cancel(receipt.id, "999999999", day, "1")
    with pytest.raises(CashReceiptError):
        world.receipts.cancel(receipt.id, receipt.approval_no, day, "9")
    cancelled = world.receipts.cancel(receipt.id, receipt.approval_no, day, "2")
    assert cancelled.state == "cancelled" and cancelled.cancel_reason == "2"
    with pytest.raises(CashReceiptError):
        world.receipts.cancel(receipt.id, receipt.approval_no, day, "1")


def test_a_refused_receipt_leaves_the_sale_and_says_why(world: World) -> None:
    world.day.open(STAFF, 0)
    world.provider.fail_next = "refuse"
    ident = parse_identifier(IdKind.BUSINESS, BUSINESS, KEY)
    sale = world.counter.sell(
        Ticket().add(world.catalog, "macaron"),
        [cash_tender(2_500, 2_500)],
        STAFF,
        receipt_id=ident,
        receipt_purpose=Purpose.PROOF,
    )
    assert sale.order_number == 5001 and "거절" in sale.cash_receipt_error


def test_a_lost_answer_blocks_closing_until_resolved_and_is_never_issued_twice(world: World) -> None:
    world.day.open(STAFF, 0)
    world.provider.fail_next = "unknown_after_issue"
    ident = parse_identifier(IdKind.PHONE, PHONE, KEY)
    sale = world.counter.sell(
        Ticket().add(world.catalog, "macaron"), [cash_tender(2_500, 2_500)], STAFF, receipt_id=ident
    )
    assert sale.cash_receipt is not None and sale.cash_receipt.state == "requested"
    assert any("현금영수증" in p for p in world.day.unresolved())
    [resolved] = world.receipts.resolve_pending()
    assert resolved.state == "issued" and len(world.provider.issued) == 1
    z = world.day.close(STAFF, CashCount({1_000: 2, 500: 1}))
    assert z["cash_receipts"] == {"issued": {"count": 1, "amount": 2_500}}


def test_the_mandatory_rule_marks_big_cash_sales_due_and_issues_them_to_the_self_issue_number(tmp_path: Path) -> None:
    w = make_world(tmp_path / "l.sqlite3", CounterRules(cash_receipt_mandatory=True))
    try:
        w.day.open(STAFF, 0)
        small = w.counter.sell(Ticket().add(w.catalog, "bingsu"), [cash_tender(9_000, 9_000)], STAFF)
        assert small.cash_receipt is None
        ticket = Ticket().add(w.catalog, "beans_house", quantity=9)  # 108,000 won
        big = w.counter.sell(ticket, [cash_tender(108_000, 110_000)], STAFF)
        assert big.receipt_due and big.cash_receipt is not None
        [due] = w.receipts.due()
        assert due.order_id == big.order_id and due.due_by == "2026-12-05" and due.id_masked == SELF_ISSUE_DISPLAY
        issued = w.receipts.issue_due(due.id)
        assert issued.state == "issued" and issued.id_kind == "self" and w.provider.seen == ["0100001234"]
        assert w.receipts.due() == []
        # a due receipt the customer comes back for goes to their number instead
        again = w.counter.sell(ticket, [cash_tender(108_000, 108_000)], STAFF)
        assert again.cash_receipt is not None
        mine = w.receipts.issue_due(again.cash_receipt.id, parse_identifier(IdKind.PHONE, PHONE, KEY))
        assert mine.id_masked == "010-****-5678"
    finally:
        w.close()


def test_identifiers_are_nowhere_in_clear(world: World, tmp_path: Path) -> None:
    world.day.open(STAFF, 0)
    for kind, number in ((IdKind.PHONE, PHONE), (IdKind.BUSINESS, BUSINESS), (IdKind.PHONE, "010-9876-5432")):
        ident = parse_identifier(kind, number, KEY)
        world.counter.sell(Ticket().add(world.catalog, "macaron"), [cash_tender(2_500, 2_500)], STAFF, receipt_id=ident)
    z = world.day.close(STAFF, CashCount({1_000: 7, 500: 1}))
    out = tmp_path / "out"
    out.mkdir()
    wire = [e.to_wire() for e in world.ledger.entries_after(0, 1000)]
    (out / "sync-payload.json").write_text(json.dumps(wire, ensure_ascii=False))
    (out / "z.txt").write_text(plain_text(report_document(z, _shop(), "COUNTER-01")))
    assert "010-****-5678" in (out / "sync-payload.json").read_text()  # masked is there
    assert phone_numbers_in(tmp_path) == []
    assert numbers_in(tmp_path, [BUSINESS, PHONE, "01098765432"]) == []


def _shop():  # type: ignore[no-untyped-def]
    from kiosk.receipts.content import ShopInfo

    return ShopInfo("카페 한결", "2148710355")
