"""Child process for the kill-during-apply test: applies the signed bundle files in version order, from
the one after what is applied, saying each version it applied, until killed."""

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
    service.reconcile_catalog()  # as a starting kiosk does: a file applied before the last kill is journalled
    current = service.status().catalog_version
    for path in sorted(bundles.glob("*.json"), key=lambda p: int(p.stem)):
        if int(path.stem) <= current:
            continue  # applied before the last kill: go on from there, as the next pull would
        service.apply_bundle(json.loads(path.read_text(encoding="utf-8")))
        print(path.stem, flush=True)


if __name__ == "__main__":
    main()
