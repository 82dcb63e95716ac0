"""Issue 18, tests: a screen reader sees the names. The real kiosk (`kiosk run`) under Xvfb with an AT-SPI
bus, its accessibility tree read through AT-SPI as Orca would (tests/helpers/atspi.py): the attract screen's
and the menu screen's controls — the touch targets the QML crawler (tests/helpers/a11y.py) finds on the same
screens in the same window size — are there with their names and roles, and pressing a button through
AT-SPI's action moves the order on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAccessible

from tests.helpers.a11y import settle, touch_targets
from tests.helpers.atspi import AtspiDesktop, every_node, showing, unavailable
from tests.helpers.kiosk import Kiosk

# Qt's AT-SPI bridge names these roles so (qt6 src/gui/accessible/linux/qspiaccessiblebridge.cpp).
ATSPI_ROLES = {
    QAccessible.Role.Button: "push button",
    QAccessible.Role.CheckBox: "check box",
    QAccessible.Role.RadioButton: "radio button",
    QAccessible.Role.PageTab: "page tab",
    QAccessible.Role.ListItem: "list item",
    QAccessible.Role.StaticText: "label",
}
SIZE = (1280, 800)


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[AtspiDesktop]:
    why = unavailable()
    if why:
        pytest.skip(why)
    d = AtspiDesktop(tmp_path / "data")
    try:
        d.start()
        yield d
    finally:
        d.close()


def crawled(k: Kiosk) -> set[tuple[str, str]]:
    """(name, AT-SPI role) of every touch target the QML crawler finds on the screen shown."""
    settle(k)
    return {(t.name, ATSPI_ROLES.get(t.role, "")) for t in touch_targets(k)}


def seen(tree: dict[str, Any], only_showing: bool = True) -> set[tuple[str, str]]:
    nodes = showing(tree) if only_showing else every_node(tree)
    return {(str(n["name"]), str(n["role"])) for n in nodes}


def missing(expected: set[tuple[str, str]], tree: dict[str, Any], only_showing: bool = True) -> list[tuple[str, str]]:
    """What the crawler found that the AT-SPI tree lacks (by name and role; by name where the crawler's role
    has no AT-SPI name in ATSPI_ROLES)."""
    got = seen(tree, only_showing)
    names = {name for name, _ in got}
    return sorted((n, r) for n, r in expected if ((n, r) not in got if r else n not in names))


@pytest.mark.slow
def test_a_screen_reader_sees_the_attract_and_menu_screens(
    desktop: AtspiDesktop, make_kiosk: Callable[..., Kiosk]
) -> None:
    # What the crawler finds in the same window size, offscreen, in this process.
    k = make_kiosk(size=SIZE)
    on_attract = crawled(k)
    k.kw.vm.start()
    k.wait_step("order_type", timeout=20_000)
    k.kw.vm.chooseOrderType("dine_in")
    k.wait_step("menu", timeout=20_000)
    on_menu = crawled(k)
    assert ("주문 시작", "push button") in on_attract and ("English", "push button") in on_attract
    assert ("커피, 선택됨", "push button") in on_menu  # the first tab, selected
    cards = {(name, role) for name, role in on_menu if name.endswith("원")}  # "아메리카노, 3,500원"
    assert len(on_attract) >= 7 and len(cards) >= 3, (on_attract, on_menu)  # languages, voice, staff; cards

    # The real kiosk on an X display, through AT-SPI.
    desktop.run_kiosk(f"{SIZE[0]}x{SIZE[1]}")
    tree = desktop.wait_for(lambda tree: not missing(on_attract, tree))
    assert tree["role"] == "application" and tree["children"][0]["role"] == "frame"
    assert not missing(on_attract, tree), missing(on_attract, tree)
    assert all(n["name"] for n in showing(tree) if n["focusable"] and n["role"] == "push button")

    desktop.press("주문 시작")  # AT-SPI's "press" action, as a screen reader's user starts an order
    desktop.wait_for(lambda tree: ("매장에서 먹어요", "push button") in seen(tree))
    desktop.press("매장에서 먹어요")
    # Every control in view; a card the grid has made but that a scroll would bring fully into view may be
    # "not showing" to AT-SPI at one window size and showing at another: the cards need only be there.
    controls = {(n, r) for n, r in on_menu if (n, r) not in cards}
    tree = desktop.wait_for(lambda tree: not missing(controls, tree) and not missing(cards, tree, False))
    assert not missing(controls, tree), missing(controls, tree)
    assert not missing(cards, tree, only_showing=False), missing(cards, tree, only_showing=False)
    unnamed = [n for n in showing(tree) if n["focusable"] and not n["name"]]
    assert not unnamed, unnamed
