"""An option the back office switched sold out shows "품절" on the customer's options screen and cannot be
chosen there (the session refuses it too: tests/owner/test_core.py)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.owner.menu import MenuBook
from tests.helpers.kiosk import Kiosk
from tests.helpers.owner import OWNER


def test_a_sold_out_option_says_so_and_is_not_chosen(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(size=(1280, 800))
    session = k.kw.vm.session
    book = MenuBook(k.ledger, k.catalog, on_change=session.apply_menu)
    book.set_option_sold_out(OWNER, "milk", "oat", True)
    k.kw.vm.start()
    k.wait_step("order_type")
    k.kw.vm.chooseOrderType("take_out")
    k.kw.vm.openItem("cafe_latte")
    k.wait_step("options")
    oat, soy = k.find("option_milk_oat"), k.find("option_milk_soy")
    assert oat.property("subText") == "품절" and soy.property("subText") != "품절"
    assert not oat.property("enabled_") and soy.property("enabled_")
    k.click("option_milk_oat")
    k.click("option_milk_soy")
    k.qtbot.waitUntil(lambda: dict(session.state.editing.selection).get("milk") == ("soy",), timeout=3000)
