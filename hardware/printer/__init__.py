"""ESC/POS receipt printers: profiles, the one renderer, transports, the driver on its worker thread,
and the simulator (interpreter + TCP / pty server) that shows what a printer would print."""

import os
from pathlib import Path


def _escpos_cache() -> None:
    """python-escpos parses its capabilities YAML (~0.2 s) on every import unless it finds the pickle it
    made last time, which by default goes to a fresh temporary directory and so is never found again.
    Give it a fixed cache directory (before anything imports escpos) so the kiosk starts faster."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" in os.environ:
        return
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kiosk" / "escpos"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a read-only home: escpos works as before, just slower to import
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(cache)


_escpos_cache()
