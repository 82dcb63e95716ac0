"""Ports the core needs from the outside world. Devices add their own ports under kiosk/devices.

The clock is defined once, in `kiosk.clock` (the backend's clock implements the same `Clock`); it is
re-exported here, where the core has always found it."""

from __future__ import annotations

from kiosk.clock import Clock, FakeClock, SystemClock

__all__ = ["Clock", "FakeClock", "SystemClock"]
