"""The documented way in from the customer screen (docs/STAFF.md): a press held `GESTURE_HOLD_S` seconds in
the top-left corner. Kept apart from kiosk.staff.session (which needs the ledger) so the window's staff
view-model, made before the first frame, can read the rule without importing SQLAlchemy."""

from __future__ import annotations

GESTURE_HOLD_S = 3.0  # a press held this long ...
GESTURE_CORNER = 1 / 8  # ... within this fraction of the screen's shorter side from the top-left corner


def is_way_in_gesture(x: float, y: float, width: float, height: float, held_s: float) -> bool:
    """Whether a press at (x, y) on a width x height screen, held `held_s` seconds, is the way in. Customers
    don't press a blank corner for three seconds by accident; a short tap there does nothing."""
    corner = min(width, height) * GESTURE_CORNER
    return 0 <= x <= corner and 0 <= y <= corner and held_s >= GESTURE_HOLD_S
