"""Held tickets (보류) survive the app closing: kept in counter-held.json beside the ledger, written
atomically on every hold and recall; a damaged file or an item gone from the menu never stops the
counter (docs/COUNTER.md, "Held tickets")."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kiosk.counter.held import HELD_FILE, HeldTickets
from kiosk.counter.sales import SaleRefused
from kiosk.counter.ticket import Discount, DiscountKind, Ticket
from kiosk.domain.order import OrderType
from tests.helpers.counter import catalog, make_world


def _two_tickets() -> tuple[Ticket, Ticket]:
    cat = catalog()
    first = Ticket().append(cat, "cafe_latte", (("temp", ("iced",)), ("size", ("large",)), ("shot", ("extra_shot",))))
    first = first.add(cat, "croissant", quantity=2).with_line_discount(1, Discount(DiscountKind.AMOUNT, 500, "단골"))
    second = Ticket().add(cat, "macaron").with_order_type(OrderType.TAKE_OUT)
    second = second.with_discount(Discount(DiscountKind.PERCENT, 10, "행사"))
    return first, second


def test_held_tickets_survive_closing_and_reopening_the_counter(tmp_path: Path) -> None:
    first, second = _two_tickets()
    world = make_world(tmp_path / "ledger.sqlite3")
    try:
        assert world.counter.held.hold(first) == 1
        assert world.counter.held.hold(second) == 2
        assert world.counter.held.recall(1) == first  # recalled before the restart: gone for good
        third = world.counter.held.hold(first)
    finally:
        world.close()

    again = make_world(tmp_path / "ledger.sqlite3")  # the app started anew on the same data directory
    try:
        held = again.counter.held
        assert held.tickets == {2: second, 3: first} and third == 3
        assert held.tickets[2].total(again.catalog) == second.total(again.catalog)
        assert held.hold(second) == 4  # numbers go on while any ticket is held
        assert held.recall(3) == first and held.recall(2) == second and held.recall(4) == second
        with pytest.raises(SaleRefused):
            held.recall(2)
        assert held.hold(first) == 1  # none held: numbering starts again
    finally:
        again.close()
    assert json.loads((tmp_path / HELD_FILE).read_text(encoding="utf-8"))["tickets"].keys() == {"1"}


def test_a_damaged_file_is_set_aside_and_the_counter_starts_with_none_held(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / HELD_FILE).write_text('{"format": 1, "next": 2, "tickets": {"1": {"lines": [', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kiosk.counter.held"):
        held = HeldTickets(tmp_path / HELD_FILE, catalog())
    assert held.tickets == {}
    assert (tmp_path / (HELD_FILE + ".bad")).is_file() and not (tmp_path / HELD_FILE).exists()
    assert any("moved to counter-held.json.bad" in r.getMessage() for r in caplog.records)
    assert held.hold(Ticket().add(catalog(), "macaron")) == 1


def test_a_held_line_whose_item_left_the_menu_is_dropped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    first, _ = _two_tickets()
    HeldTickets(tmp_path / HELD_FILE).hold(first)
    body = json.loads((tmp_path / HELD_FILE).read_text(encoding="utf-8"))
    body["tickets"]["1"]["lines"][0]["item_id"] = "discontinued_latte"
    (tmp_path / HELD_FILE).write_text(json.dumps(body), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kiosk.counter.held"):
        held = HeldTickets(tmp_path / HELD_FILE, catalog())
    assert [line.cart_line.item_id for line in held.tickets[1].lines] == ["croissant"]
    assert any("discontinued_latte is no longer on the menu" in r.getMessage() for r in caplog.records)
