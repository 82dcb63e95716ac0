"""Child process for the kill-during-apply test: applies a signed bundle file over and over, each time
as the next version, until killed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kiosk.sync.service import SyncService
from tests.ledger.helpers import open_ledger


def main() -> None:
    base, bundles = Path(sys.argv[1]), Path(sys.argv[2])
    ledger = open_ledger(base / "ledger.sqlite3")
    service = SyncService(ledger, base / "data", ledger.clock)
    for path in sorted(bundles.glob("*.json"), key=lambda p: int(p.stem)):
        service.apply_bundle(json.loads(path.read_text(encoding="utf-8")))
        print(path.stem, flush=True)


if __name__ == "__main__":
    main()
