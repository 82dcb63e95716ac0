"""Time-ordered ids generated on the device (UUIDv7, RFC 9562) before anything leaves it."""

from __future__ import annotations

import os
import threading
import time

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7(unix_ms: int | None = None) -> str:
    """A UUIDv7 string; monotonic within this process even for ids made in the same millisecond."""
    global _last_ms, _counter
    with _lock:
        ms = unix_ms if unix_ms is not None else time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:
                ms += 1
                _counter = 0
        else:
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
        _last_ms = ms
        rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= (_counter & 0xFFF) << 64
        value |= 0b10 << 62
        value |= rand_b
        # str(uuid.UUID(int=value)), without importing uuid (and platform) on the attract screen's path
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
