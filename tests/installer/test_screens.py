"""Every installer screen in both orientations (1280x800, 800x1280) and both palettes: the controls lie
inside the window and do not overlap, no text is cut. With KIOSK_SHOTS=DIR each screen is also saved there
as a PNG to look at (docs/INSTALLING.md has a few)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from kiosk.installer.wizard import STEPS
from tests.helpers.installer import InstallerWindow, fresh_config, installer_window
from tests.helpers.kiosk import all_visible, is_ancestor, walk


def _check_layout(w: InstallerWindow, overlay: str = "") -> None:
    """With `overlay` (an objectName), only the controls on that full-screen overlay count."""
    window = QRectF(0, 0, w.window.width(), w.window.height())
    cover = w.find(overlay) if overlay else None
    controls = []
    for item in walk(w.window.contentItem()):
        if not all_visible(item) or (cover is not None and not is_ancestor(cover, item)):
            continue
        if item.property("truncated") is True:
            raise AssertionError(f"text cut: {item.property('text')!r}")
        if not item.activeFocusOnTab():
            continue
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        parent = item.parentItem()
        while parent is not None:
            if parent.clip():
                rect = rect.intersected(parent.mapRectToScene(QRectF(0, 0, parent.width(), parent.height())))
            parent = parent.parentItem()
        if rect.width() <= 0 or rect.height() <= 0:
            continue  # scrolled out of view
        name = item.objectName() or repr(item.property("text"))
        assert window.contains(rect.adjusted(1, 1, -1, -1)), f"{name} {rect} outside {window}"
        assert item.height() >= 44 and item.width() >= 44, f"{name} is smaller than a touch target"
        controls.append((item, rect, name))
    for i, (a, ra, na) in enumerate(controls):
        for b, rb, nb in controls[i + 1 :]:
            if is_ancestor(a, b) or is_ancestor(b, a):
                continue
            overlap = ra.intersected(rb)
            assert overlap.width() <= 1 or overlap.height() <= 1, f"{na} overlaps {nb}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "scale"),
    [((1280, 800), 1.0), ((800, 1280), 1.0), ((1920, 1080), 2.0), ((1080, 1920), 2.0)],
    ids=["landscape", "portrait", "landscape-x2", "portrait-x2"],
)
@pytest.mark.parametrize("palette", ["normal", "high-contrast"])
def test_every_screen_laid_out(qtbot, tmp_path: Path, compiled_translations: None, size, scale, palette) -> None:  # type: ignore[no-untyped-def]
    shots = Path(os.environ["KIOSK_SHOTS"]) if os.environ.get("KIOSK_SHOTS") else None
    tag = f"{'landscape' if size[0] > size[1] else 'portrait'}-x{scale:g}-{palette}"
    with installer_window(qtbot, fresh_config(tmp_path), size=size, palette=palette, scale=scale) as w:

        def shot(name: str, overlay: str = "") -> None:
            w.next_frame(2)
            _check_layout(w, overlay)
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                w.grab(shots / f"{name}-{tag}.png")

        for step in STEPS:
            w.vm.goTo(step)
            w.wait_step(step)
            if step == "devices":
                w.click("detect")
                w.wait_idle()
            if step == "selftest":
                w.click("runSelfTest")
                qtbot.waitUntil(lambda: not w.vm.running and w.vm.overall != "", timeout=30000)
                qtbot.waitUntil(lambda: w.find("printedPage").property("paintedHeight") > 100)
            shot(f"{list(STEPS).index(step) + 1}-{step}")
        w.vm.goTo("shop")
        w.type_into("businessNumber", "1234567890")
        w.click("saveShop")
        qtbot.waitUntil(lambda: w.vm.messageIsError)
        shot("2-shop-refused")
        w.vm.goTo("selftest")
        w.click("screenCheckButton")
        shot("8-screen-colour", "screenCheck")
        for _ in range(5):
            w.click("screenCheck")
        shot("8-screen-targets", "screenCheck")
