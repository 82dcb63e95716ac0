"""Screenshots of every owner screen (not collected by default): both orientations, scale 1.0 / 1.5, both
palettes, Korean and English. Run: `SHOTS=/work/shots/owner pytest tests/owner/shots_owner.py -p no:randomly`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.session.modes import Mode, Role
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import sign_in
from tests.helpers.owner import seed_window_ledger

SHOTS = Path(os.environ.get("SHOTS", "/work/shots/owner"))
TABS = ("today", "calendar", "orders", "menu", "export", "status", "forecast", "staff")


@pytest.mark.qt_log_ignore(r"QRhiGles2: Failed to create")
@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("palette", ["normal", "high-contrast"])
def test_shots(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int],
    scale: float, palette: str,
) -> None:  # fmt: skip
    if palette == "high-contrast" and scale != 1.0:
        pytest.skip("high contrast at 1.0 only")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("KIOSK_EXPORT_DIRS", str(usb))
    k = make_kiosk(size=size, scale=scale, palette=palette)
    seed_window_ledger(k.ledger, k.clock)
    sign_in(k, Role.OWNER, Mode.OWNER)
    vm = k.kw.modes.viewModel
    SHOTS.mkdir(parents=True, exist_ok=True)
    tag = f"{size[0]}x{size[1]}-s{scale}-{palette}"
    for lang in ("ko", "en") if scale == 1.0 and palette == "normal" else ("ko",):
        vm.setLanguage(lang)
        for tab in TABS:
            k.click(f"tab_{tab}")
            k.qtbot.waitUntil(lambda t=tab: not vm.busy and vm.tab == t, timeout=10000)
            if tab == "orders":
                k.qtbot.waitUntil(lambda: len(vm.orders) > 0, timeout=5000)
            if tab == "forecast":
                k.qtbot.waitUntil(lambda: vm.forecast.get("state") == "ready", timeout=30000)
            if tab == "status":
                k.qtbot.waitUntil(lambda: len(vm.statusLines) > 0, timeout=5000)
            k.next_frame()
            k.grab(SHOTS / f"{tag}-{lang}-{tab}.png")
            if tab == "calendar":
                k.click(f"day_{vm.today['day']}")
                k.qtbot.waitUntil(lambda: "period" in vm.report, timeout=5000)
                k.next_frame()
                k.grab(SHOTS / f"{tag}-{lang}-calendar-report.png")
                k.click("reportClose")
            if tab == "orders":
                first = vm.orders[0]
                vm.openOrder(first["id"])
                k.qtbot.waitUntil(lambda f=first: vm.order.get("id") == f["id"], timeout=5000)
                k.next_frame()
                k.grab(SHOTS / f"{tag}-{lang}-order.png")
                k.click("orderRefund")
                k.next_frame()
                k.grab(SHOTS / f"{tag}-{lang}-refund-dialog.png")
                k.click("refundCancel")
                k.click("orderClose")
            if tab == "menu":
                k.click("price_americano")
                k.next_frame()
                k.grab(SHOTS / f"{tag}-{lang}-price.png")
                k.click("priceCancel")
            if tab == "export":
                k.click("exportStart")
                k.qtbot.waitUntil(lambda: bool(vm.exportState.get("files")), timeout=20000)
                k.next_frame()
                k.grab(SHOTS / f"{tag}-{lang}-export-done.png")
