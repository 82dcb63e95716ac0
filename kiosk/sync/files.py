"""Where the applied catalog bundle lives, and reading it: light on purpose (json only), because
`kiosk run` reads the menu before its first frame, long before the ledger and sync are imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def catalog_file(data_dir: Path) -> Path:
    """The applied catalog bundle (the whole signed bundle, as received)."""
    return data_dir / "catalog" / "current.json"


def read_bundle(path: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError):
        return None  # unreadable: treated as absent, the shipped catalog stays in use
    return doc if isinstance(doc, dict) else None
