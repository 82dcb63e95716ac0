"""Issue 18 item 6, from the theme itself: every text / control colour pair the customer screens use, in
every state (normal, pressed, checked, selected, disabled, focused), in both palettes — at least 4.5:1 for
text (7:1 in the high-contrast palette) and 3:1 for a control's edge, the focus ring and a selected tab
(which is never weaker than an unselected one). The live screens are checked pixel by pixel in
test_a11y_screens.py; this test names the pair that fails."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlComponent, QQmlEngine

from tests.helpers.a11y import HIGH_CONTRAST_TEXT, NON_TEXT, NORMAL_TEXT, contrast
from ui.app import QML_DIR

# (foreground, background, what it is); "pressed:x" is x darkened as KButton / KCard darken it.
TEXT_PAIRS = [
    ("text", "background", "body text on the screen"),
    ("text", "surface", "text on a card or button"),
    ("text", "pressed:surface", "a button's text while pressed"),
    ("text", "surfaceAlt", "text on the cart summary"),
    ("textMuted", "background", "secondary text on the screen"),
    ("textMuted", "surface", "secondary text on a card"),
    ("textMuted", "surfaceAlt", "secondary text on the cart summary"),
    ("primary", "surface", "a price on a card"),
    ("primary", "background", "a price on the screen"),
    ("primaryInk", "primary", "a primary / checked button's text"),
    ("primaryInk", "pressed:primary", "a primary button's text while pressed"),
    ("darkInk", "dark", "the top bar and toasts"),
    ("selectedInk", "selected", "a selected category tab"),
    ("accentInk", "accent", "the staff call button, a satisfied badge"),
    ("dangerInk", "danger", "the failure mark, a required badge"),
    ("danger", "surface", "a warning on a card (required options, remove)"),
    ("danger", "background", "a warning on the screen"),
    ("accent", "surface", "the QR countdown, the result title"),
    ("accent", "background", "the result title on the screen"),
    ("disabledInk", "disabled", "a disabled button's text (order with an empty cart)"),
]
NON_TEXT_PAIRS = [
    ("controlBorder", "background", "a button's edge on the screen"),
    ("controlBorder", "surface", "a control's edge on a card"),
    ("disabledInk", "disabled", "a disabled button's edge"),
    ("focusRing", "background", "the focus ring on the screen"),
    ("focusRing", "surface", "the focus ring on a card"),
    ("focusRing", "dark", "the focus ring in the top bar"),
    ("selected", "background", "a selected tab on the screen"),
    ("selected", "surface", "a selected tab beside unselected ones"),
    ("primary", "background", "a primary button on the screen"),
    ("primary", "surface", "a checked option on a card"),
]


def theme_colours(high_contrast: bool) -> dict[str, QColor]:
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(
        b'import QtQuick\nimport "common"\nQtObject { property var theme: Theme }',
        QUrl.fromLocalFile(str(QML_DIR / "probe.qml")),
    )
    probe = component.create()
    assert probe is not None, component.errors()
    theme: Any = probe.property("theme")
    theme.setProperty("highContrast", high_contrast)
    names = {n for pair in TEXT_PAIRS + NON_TEXT_PAIRS for n in pair[:2]} | {"surface", "background"}
    colours: dict[str, QColor] = {}
    for name in names:
        base = name.removeprefix("pressed:")
        colour = QColor(theme.property(base))
        colours[name] = colour.darker(115) if name.startswith("pressed:") else colour
    theme.setProperty("highContrast", False)
    return colours


@pytest.mark.parametrize("palette", ["normal", "high-contrast"])
def test_theme_pairs_have_enough_contrast(qtbot: Any, palette: str) -> None:
    high = palette == "high-contrast"
    colours = theme_colours(high)
    need_text = HIGH_CONTRAST_TEXT if high else NORMAL_TEXT
    problems = []
    for fg, bg, what in TEXT_PAIRS:
        ratio = contrast(colours[fg], colours[bg])
        if ratio < need_text:
            problems.append(f"{what}: {fg} on {bg} is {ratio:.2f}:1, under {need_text}:1")
    for fg, bg, what in NON_TEXT_PAIRS:
        ratio = contrast(colours[fg], colours[bg])
        if ratio < NON_TEXT:
            problems.append(f"{what}: {fg} against {bg} is {ratio:.2f}:1, under {NON_TEXT}:1")
    # A selected tab stands out more than an unselected one: its fill against the screen, compared with an
    # unselected tab's fill (the issue found the high-contrast one drawn black on black, weaker than the rest).
    selected = contrast(colours["selected"], colours["background"])
    unselected = contrast(colours["surface"], colours["background"])
    if selected < unselected:
        problems.append(f"a selected tab ({selected:.2f}:1) is weaker than an unselected one ({unselected:.2f}:1)")
    assert not problems, f"{palette}:\n" + "\n".join(problems)
