"""Issue 18 items 5, 6 and 8 through the real QML: every customer screen (and the states that change one)
walked at each zoom and orientation, checked by a crawler over the live item tree — geometry (inside the
window, no overlapping controls or text, nothing elided or cut, every control reachable by a scroll),
touch targets (name, role, 44 px and 9 mm on the configured panel) and the contrast of every visible text
against what is drawn behind it, in both palettes. KIOSK_SCREENSHOT_DIR=/tmp/shots keeps screenshots."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import load_settings
from tests.helpers.a11y import (
    check_reachable,
    check_targets,
    check_text,
    every_screen,
    px_per_mm,
    settle,
    text_contrast,
)
from tests.helpers.kiosk import Kiosk

SCREENS = [
    "attract",
    "order_type",
    "menu",
    "menu_last_tab",
    "options",
    "menu_added",
    "cart",
    "payment_method",
    "paying",
    "payment_cancelled",
    "payment_failed",
    "result",
    "result_printed",
    "easy_options",
    "idle_warning",
]
SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080), "tablet-portrait": (800, 1280), "tablet": (1280, 800)}


def keep(k: Kiosk, name: str) -> None:
    folder = os.environ.get("KIOSK_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        k.grab(Path(folder) / f"{name}.png")


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_every_screen_fits_at_every_zoom(make_kiosk: Callable[..., Kiosk], size: tuple[int, int], scale: float) -> None:
    """Nothing clipped, elided or overlapping; every control inside the window or reachable by a scroll."""
    k = make_kiosk(size=size, scale=scale)
    tag = f"{next(n for n, s in SIZES.items() if s == size)}-{scale:.1f}"
    seen: list[str] = []

    def shoot(name: str) -> None:
        settle(k)
        seen.append(name)
        keep(k, f"{tag}-{name}")
        problems = check_text(k) + check_reachable(k)
        assert not problems, f"{tag} {name}:\n" + "\n".join(problems)
        controls = k.assert_laid_out(overlay="idleWarning" if name == "idle_warning" else "")
        assert "staffCallButton" in controls, f"{tag} {name}: no staff call button in view"

    every_screen(k, shoot)
    assert seen == SCREENS
    k.assert_one_sale(4000 + 500 + 700 + 6000)


@pytest.mark.parametrize("size", [SIZES["portrait"], SIZES["tablet"]], ids=["portrait", "tablet"])
def test_every_touch_target_is_named_and_big_enough(make_kiosk: Callable[..., Kiosk], size: tuple[int, int]) -> None:
    """The crawler: every actionable item (focusable, or under a MouseArea / TapArea with a handler) has an
    accessible name and role, and is at least 44 px and 9 mm each way on the configured panel."""
    k = make_kiosk(size=size)
    ui = load_settings(env={}).ui
    density = px_per_mm(size[0], size[1], ui.panel_diagonal_inches)
    crawled: list[str] = []

    def shoot(name: str) -> None:
        settle(k)
        problems = check_targets(k, density)
        assert not problems, f"{name}:\n" + "\n".join(problems)
        crawled.append(name)

    every_screen(k, shoot)
    assert crawled == SCREENS


@pytest.mark.parametrize("palette", ["normal", "high-contrast"])
@pytest.mark.parametrize("size", [SIZES["portrait"], SIZES["landscape"]], ids=["portrait", "landscape"])
def test_every_text_has_enough_contrast(make_kiosk: Callable[..., Kiosk], size: tuple[int, int], palette: str) -> None:
    """Each visible text against the pixels behind it: 4.5:1 (3:1 large) normal, 7:1 high contrast."""
    k = make_kiosk(size=size, palette=palette)
    checked: list[str] = []

    def shoot(name: str) -> None:
        settle(k)
        problems = text_contrast(k, palette == "high-contrast")
        assert not problems, f"{palette} {name}:\n" + "\n".join(problems)
        keep(k, f"{palette}-{'portrait' if size[0] < size[1] else 'landscape'}-{name}")
        checked.append(name)

    every_screen(k, shoot)
    assert checked == SCREENS
