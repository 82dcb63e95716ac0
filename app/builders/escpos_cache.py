"""escpos's capabilities cache directory: set once by `kiosk run` before any thread starts (and before a
printer is built), never at import time. Light on purpose: imported before the first frame."""

from __future__ import annotations

import os
from pathlib import Path


def configure_escpos_cache() -> None:
    """python-escpos parses its capabilities YAML (~0.2 s) on every import unless it finds the pickle it
    made last time, which by default goes to a fresh temporary directory and so is never found again.
    Give it a fixed cache directory; call before anything imports escpos (and before threads start)."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" in os.environ:
        return
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kiosk" / "escpos"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a read-only home: escpos works as before, just slower to import
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(cache)
