"""Accessibility checks over the live QML item tree of the kiosk window (issue 18, docs/ACCESSIBILITY.md):
what a crawler finds on a screen — the touch targets and their names, roles and sizes; text that is cut,
elided, overlapping or outside the window; controls a scroll cannot bring into view; and the contrast of
every visible text against what is actually drawn behind it."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from tests.helpers.kiosk import Kiosk, all_visible, effectively_visible, is_ancestor, walk

# WCAG 2.2 1.4.3 / 1.4.6 / 1.4.11; the high-contrast palette holds every text to the enhanced level.
NORMAL_TEXT = 4.5
LARGE_TEXT = 3.0
NON_TEXT = 3.0
HIGH_CONTRAST_TEXT = 7.0
MIN_TARGET_PX = 44
MIN_TARGET_MM = 9.0


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: QColor, bottom: QColor, alpha: float) -> QColor:
    return QColor.fromRgbF(
        top.redF() * alpha + bottom.redF() * (1 - alpha),
        top.greenF() * alpha + bottom.greenF() * (1 - alpha),
        top.blueF() * alpha + bottom.blueF() * (1 - alpha),
    )


def class_name(obj: QObject) -> str:
    return obj.metaObject().className()


def is_text(item: QQuickItem) -> bool:
    return class_name(item).startswith("QQuickText") and not class_name(item).startswith("QQuickTextInput")


def accessible_attached(item: QObject) -> QObject | None:
    for child in item.children():
        if class_name(child) == "QQuickAccessibleAttached":
            return child
    return None


def has_click_handler(area: QQuickItem) -> bool:
    mo = area.metaObject()
    for signature in ("clicked(QQuickMouseEvent*)", "activated()", "tapped(QEventPoint,Qt::MouseButton)"):
        index = mo.indexOfSignal(signature)
        if index >= 0 and area.isSignalConnected(mo.method(index)):
            return True
    return False


def opacity_chain(item: QQuickItem) -> float:
    value, node = 1.0, item
    while node is not None:
        value *= node.opacity()
        node = node.parentItem()
    return value


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def qml_value(item: QObject, expression: str) -> object:
    """A property PySide cannot convert (an enum of a QML type), read by evaluating it in QML."""
    value, _undefined = QQmlExpression(QQmlEngine.contextForObject(item), item, expression).evaluate()
    return value


def text_rect(item: QQuickItem) -> QRectF:
    """Where the glyphs are, in the window: the Text's box narrowed to its content by its alignment."""
    w, h = item.width(), item.height()
    cw = float(item.property("contentWidth") or 0)
    ch = float(item.property("contentHeight") or 0)
    align = int(qml_value(item, "effectiveHorizontalAlignment") or 1)  # type: ignore[call-overload]
    x = 0.0 if align & 1 or cw > w else (w - cw) / 2 if align & 4 else (w - cw) if align & 2 else 0.0
    valign = int(qml_value(item, "verticalAlignment") or 0x20)  # type: ignore[call-overload]
    y = 0.0 if valign & 0x20 or ch > h else (h - ch) / 2 if valign & 0x80 else (h - ch)
    return item.mapRectToScene(QRectF(x, y, cw, ch))


def flickable_of(item: QQuickItem) -> QQuickItem | None:
    node = item.parentItem()
    while node is not None:
        if node.property("contentY") is not None and node.property("contentItem") is not None:
            return node
        node = node.parentItem()
    return None


def clip_rect(item: QQuickItem) -> QRectF | None:
    """The part of the window the item's clipping ancestors let through (None: no clipping ancestor)."""
    rect: QRectF | None = None
    node = item.parentItem()
    while node is not None:
        if node.clip():
            r = scene_rect(node)
            rect = r if rect is None else rect.intersected(r)
        node = node.parentItem()
    return rect


@dataclass
class Target:
    """A touch target: the item a finger or the keypad activates."""

    item: QQuickItem
    name: str
    role: QAccessible.Role
    rect: QRectF


def touch_targets(k: Kiosk) -> Iterator[Target]:
    """Every visible actionable item: each item that takes keypad focus, and the item each clickable
    MouseArea / TapArea / TapHandler belongs to (itself when it carries the accessible name)."""
    seen: set[int] = set()
    for item in walk(k.window.contentItem()):
        if not effectively_visible(item) or not all_visible(item):
            continue
        target: QQuickItem | None = None
        if item.activeFocusOnTab():
            target = item
        elif class_name(item).startswith(("QQuickMouseArea", "TapArea", "QQuickTapHandler")):
            if not item.isEnabled() or not has_click_handler(item):
                continue  # a blocker (a modal's scrim) or decoration: nothing happens on a tap
            own = accessible_attached(item)
            target = item if own is not None and own.property("name") else item.parentItem()
        if target is None or id(target) in seen:
            continue
        seen.add(id(target))
        iface = QAccessible.queryAccessibleInterface(target)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        role = iface.role() if iface is not None else QAccessible.Role.NoRole
        own = accessible_attached(target)
        if iface is None and own is not None:
            # Qt's accessibility cache sometimes has no interface for a live delegate (a category tab
            # scrolled out of the rail, after many items were made and destroyed at other addresses): what
            # Qt builds the interface from, the item's own Accessible properties, is checked instead.
            name = str(own.property("name") or "")
            role = QAccessible.Role(own.property("role") or QAccessible.Role.NoRole)
        yield Target(target, name, role, scene_rect(target))


def describe(item: QQuickItem) -> str:
    return item.objectName() or repr(item.property("text")) or class_name(item)


def check_targets(k: Kiosk, px_per_mm: float) -> list[str]:
    """Every touch target has a name, a role and at least 44 px and 9 mm each way. Returns the problems."""
    problems = []
    least = max(MIN_TARGET_PX, math.ceil(MIN_TARGET_MM * px_per_mm))
    for t in touch_targets(k):
        what = describe(t.item)
        if not t.name.strip():
            problems.append(f"{what}: no accessible name")
        if t.role in (QAccessible.Role.NoRole, QAccessible.Role.Client):
            problems.append(f"{what}: no accessible role")
        if t.item.width() + 0.5 < least or t.item.height() + 0.5 < least:
            size = f"{t.item.width():.0f}x{t.item.height():.0f} px"
            problems.append(f"{what}: {size}, under {least} px ({MIN_TARGET_MM} mm)")
    return problems


def check_text(k: Kiosk) -> list[str]:
    """No visible text is elided, cut by its box, a clipping ancestor or the window, or drawn over another
    text; a text inside a control stays inside it. Text in a scrolling view only has to fit the view's
    content (a scroll shows it)."""
    window = QRectF(0, 0, k.window.width(), k.window.height())
    problems: list[str] = []
    texts: list[tuple[QQuickItem, QRectF]] = []
    controls = [t.item for t in touch_targets(k)]
    for item in walk(k.window.contentItem()):
        if not is_text(item) or not all_visible(item) or opacity_chain(item) <= 0.01 or not item.property("text"):
            continue
        what = describe(item)
        if item.property("truncated") is True:
            problems.append(f"{what}: elided or cut to its line count")
            continue
        rect = text_rect(item)
        if rect.width() < 0.5 or rect.height() < 0.5:
            continue  # nothing drawn
        wrap = int(qml_value(item, "wrapMode") or 0)  # type: ignore[call-overload]
        if wrap == 0 and float(item.property("contentWidth") or 0) > item.width() + 1 and item.width() > 0:
            problems.append(f"{what}: wider ({item.property('contentWidth'):.0f}) than its box ({item.width():.0f})")
        flick = flickable_of(item)
        if flick is None:
            if not window.contains(rect.adjusted(1, 1, -1, -1)):
                problems.append(f"{what}: {rect} outside the window")
            clip = clip_rect(item)
            if clip is not None and not clip.contains(rect.adjusted(1, 1, -1, -1)):
                problems.append(f"{what}: {rect} cut by a clipping parent {clip}")
        else:
            content = flick.property("contentItem")
            r = item.mapRectToItem(content, QRectF(0, 0, item.width(), item.height()))
            ox, oy = float(flick.property("originX") or 0), float(flick.property("originY") or 0)
            cw = max(float(flick.property("contentWidth")), flick.width())
            chh = max(float(flick.property("contentHeight")), flick.height())
            if r.left() < ox - 1 or r.top() < oy - 1 or r.right() > ox + cw + 1 or r.bottom() > oy + chh + 1:
                problems.append(f"{what}: outside its scrolling view's content")
        for control in controls:
            if is_ancestor(control, item):
                box = scene_rect(control)
                if not box.adjusted(-1, -1, 1, 1).contains(rect):
                    problems.append(f"{what}: {rect} sticks out of its control {describe(control)} {box}")
                break
        visible = rect if flick is None else rect.intersected(clip_rect(item) or window)
        # A scroll hint's arrow lies over the view's edge on purpose (a scroll shows what is under it).
        if visible.width() > 0 and visible.height() > 0 and not in_scroll_hint(item):
            texts.append((item, visible))
    overlay = k.items("idleWarning")[0] if k.exists("idleWarning") else None
    for i, (a, ra) in enumerate(texts):
        for b, rb in texts[i + 1 :]:
            if is_ancestor(a, b) or is_ancestor(b, a):
                continue
            if overlay is not None and is_ancestor(overlay, a) != is_ancestor(overlay, b):
                continue  # the dialog is meant to lie over the screen behind it
            overlap = ra.intersected(rb)
            if overlap.width() > 2 and overlap.height() > 2:
                problems.append(f"{describe(a)} {ra} and {describe(b)} {rb} overlap")
    return problems


def in_scroll_hint(item: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if class_name(node).startswith("ScrollHint"):
            return True
        node = node.parentItem()
    return False


def check_reachable(k: Kiosk) -> list[str]:
    """Every touch target can be brought wholly into view: inside the window, or inside a scrolling view
    that is big enough to show it and can scroll to it."""
    window = QRectF(0, 0, k.window.width(), k.window.height())
    problems = []
    for t in touch_targets(k):
        flick = flickable_of(t.item)
        what = describe(t.item)
        if flick is None:
            if not window.contains(t.rect.adjusted(1, 1, -1, -1)):
                problems.append(f"{what}: {t.rect} outside the window")
            continue
        view = scene_rect(flick)
        if not window.contains(view.adjusted(1, 1, -1, -1)):
            problems.append(f"{describe(flick)}: the scrolling view {view} is outside the window")
        if t.item.width() > flick.width() + 1 or t.item.height() > flick.height() + 1:
            problems.append(f"{what}: {t.item.width():.0f}x{t.item.height():.0f} bigger than its view {view}")
    return problems


def text_contrast(k: Kiosk, high_contrast: bool) -> list[str]:
    """Each visible text against the pixels drawn behind it (the window grabbed with the texts hidden):
    at least 4.5:1 (3:1 for large text) in the normal palette, 7:1 in the high-contrast one."""
    # With a dialog up (the idle warning), the screen behind it is dimmed on purpose: only the dialog counts.
    root = k.items("idleWarning")[0] if k.exists("idleWarning") else k.window.contentItem()
    texts = [
        i
        for i in walk(root)
        if is_text(i) and all_visible(i) and opacity_chain(i) > 0.01 and str(i.property("text") or "").strip()
    ]
    saved = [(i, i.opacity()) for i in texts]
    for i in texts:
        i.setOpacity(0)
    try:
        k.next_frame()
        background = k.window.grabWindow()
    finally:
        for i, opacity in saved:
            i.setOpacity(opacity)
    k.next_frame()
    ratio = k.window.devicePixelRatio()
    problems = []
    for item, opacity in saved:
        rect = text_rect(item).intersected(clip_rect(item) or QRectF(0, 0, k.window.width(), k.window.height()))
        if rect.width() < 1 or rect.height() < 1:
            continue
        bg = median_colour(background, rect, ratio)
        colour = QColor(item.property("color"))
        alpha = colour.alphaF() * opacity_chain(item) / max(item.opacity(), 1e-6) * opacity
        ink = blend(colour, bg, alpha)
        px = int(item.property("font").pixelSize())
        bold = bool(item.property("font").bold())
        large = px >= 24 or (bold and px >= 19)
        need = HIGH_CONTRAST_TEXT if high_contrast else (LARGE_TEXT if large else NORMAL_TEXT)
        got = contrast(ink, bg)
        if got + 1e-6 < need:
            problems.append(
                f"{describe(item)} {item.property('text')!r}: {ink.name()} on {bg.name()} is {got:.2f}:1,"
                f" under {need}:1"
            )
    return problems


def median_colour(image: QImage, rect: QRectF, ratio: float) -> QColor:
    xs = [rect.left() + rect.width() * f for f in (0.1, 0.3, 0.5, 0.7, 0.9)]
    ys = [rect.top() + rect.height() * f for f in (0.15, 0.5, 0.85)]
    samples = []
    for x in xs:
        for y in ys:
            px, py = int(x * ratio), int(y * ratio)
            if 0 <= px < image.width() and 0 <= py < image.height():
                samples.append(image.pixelColor(px, py))
    samples.sort(key=luminance)
    return samples[len(samples) // 2] if samples else QColor("#000000")


def px_per_mm(width_px: int, height_px: int, diagonal_inches: float) -> float:
    return math.hypot(width_px, height_px) / (diagonal_inches * 25.4)


def settle(k: Kiosk) -> None:
    """Laid out and at rest, and every photo decoded (a placeholder shows while one loads)."""
    k.next_frame()
    k.qtbot.waitUntil(lambda: not k.exists("imagePlaceholder"))
    k.wait_images_settled()
    k.wait_layout_settled()


def every_screen(k: Kiosk, shoot: Callable[[str], None]) -> None:
    """Every customer screen and the states that change one (a cancelled payment, a decline, the receipt
    printing, easy mode's pages), reached through the view-model's intents; `shoot(name)` is called on
    each. Ends with one card sale of 4,000 + 500 + 700 + 6,000 won."""
    vm = k.kw.vm
    shoot("attract")
    vm.start()
    k.wait_step("order_type")
    shoot("order_type")
    vm.chooseOrderType("dine_in")
    vm.selectCategory("latte")
    k.wait_step("menu")
    shoot("menu")
    vm.selectCategory("market")  # the last tab
    shoot("menu_last_tab")
    vm.selectCategory("latte")
    vm.openItem("cafe_latte")
    k.wait_step("options")
    vm.toggleOption("temp", "iced")
    vm.changeOptionCount("shot", "extra_shot", 2)
    vm.toggleOption("syrup", "vanilla")
    shoot("options")
    vm.toggleOption("size", "large")
    vm.changeOptionCount("shot", "extra_shot", -2)
    vm.toggleOption("syrup", "vanilla")
    vm.addToCart()
    k.wait_step("menu")
    shoot("menu_added")
    vm.openItem("cheesecake")
    vm.openCart()
    k.wait_step("cart")
    shoot("cart")
    vm.checkoutCart()
    k.wait_step("payment_method")
    shoot("payment_method")
    k.provider.delay_seconds = 30
    vm.choosePaymentMethod("qr")
    k.qtbot.waitUntil(lambda: vm.qrPayload != "")
    shoot("paying")
    k.provider.delay_seconds = 0.05
    vm.cancelPayment()
    k.wait_step("payment_method")
    shoot("payment_cancelled")
    k.provider.decline_next()
    vm.choosePaymentMethod("card")
    k.wait_step("payment_failed")
    shoot("payment_failed")
    vm.retryPayment()
    k.wait_step("result")
    shoot("result")
    vm.answerReceipt(True)
    k.qtbot.waitUntil(lambda: vm.receiptStatus == "printed", timeout=5000)
    shoot("result_printed")
    vm.finish()
    k.wait_step("attract")
    vm.setEasyMode(True)
    vm.start()
    vm.chooseOrderType("take_out")
    vm.openItem("americano")
    k.wait_step("options")
    shoot("easy_options")
    vm.back()
    k.clock.advance(140)  # easy mode: the warning after 130 s, the reset at 180 s
    k.qtbot.waitUntil(lambda: vm.idleWarning)
    shoot("idle_warning")
    vm.moreTime()
