"""The attract screen reads only the photos it shows (a few of the menu's, not all of them): every photo read
at start-up competes with the first frame and "touch to start" for the machine (docs/PERFORMANCE.md,
"Cold start")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtQuick import QQuickItem

from tests.helpers.kiosk import Kiosk, walk


def _photos(k: Kiosk) -> tuple[list[QQuickItem], list[QQuickItem]]:
    """The attract screen's images that have a source, and those of them a customer sees."""
    loading = [
        i for i in walk(k.window.contentItem()) if i.inherits("QQuickImage") and not i.property("source").isEmpty()
    ]
    return loading, [i for i in loading if i.isVisible()]


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_the_attract_screen_reads_only_the_photos_it_shows(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int]
) -> None:
    k = make_kiosk(size=size)
    assert k.step == "attract"
    with_photo = sum(1 for item in k.catalog.items if item.image)
    assert with_photo > 10  # the demo menu: far more photos than the screen shows
    k.qtbot.waitUntil(lambda: len(_photos(k)[1]) > 0, timeout=3000)
    loading, shown = _photos(k)
    assert len(shown) == (6 if size[0] < size[1] else 5)  # two rows of three, or one row of five
    assert loading == shown
    k.qtbot.waitUntil(lambda: all(i.property("progress") == 1.0 for i in shown), timeout=5000)
