"""A set-up run in a child process, for the power-cut tests (tests/installer/test_power_cut.py):

    python -m tests.helpers.installer_child CONFIG BACKEND_URL CODE [KILL_AT]

It resumes the wizard for CONFIG where its state says, runs the remaining steps in order through the same
InstallerServices the screens use (the real ledger, staff register and enrollment), and prints one line
per step: `START <step>` just before it and `DONE <step>` after. With KILL_AT it stops before that step,
prints `WAIT <step>` and waits for its stdin to close (the test sends SIGKILL instead). The last line is a
JSON summary: the state as resumed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.builders.installer import InstallerServices
from kiosk.config import load_settings
from kiosk.installer.wizard import STEPS
from kiosk.ledger.ledger import Ledger
from kiosk.ports import SystemClock
from kiosk.staff.pins import PinHasher
from kiosk.staff.service import StaffService


def main(argv: list[str]) -> int:
    config, backend, code = Path(argv[0]), argv[1], argv[2]
    kill_at = argv[3] if len(argv) > 3 else ""
    settings = load_settings(config, env={})
    ledger = Ledger.open(settings.ledger_path, device_id=settings.ledger.device_id, tz=settings.tz)
    try:
        services = InstallerServices(
            settings, ledger, SystemClock(), StaffService(ledger, hasher=PinHasher(n=2**4, r=8, p=1))
        )
        wizard = services.wizard
        resumed = {"step": wizard.step, "done": list(wizard.state.done)}
        print("RESUMED " + json.dumps(resumed), flush=True)
        actions = {
            "language": lambda: wizard.set_language("ko"),
            "shop": lambda: wizard.set_shop("정전 카페", "120-81-47521", "김한결", "서울 중구", "02-123-4567"),
            "enroll": lambda: wizard.enroll(backend, code),
            "devices": lambda: wizard.set_devices({"printer": "sim://", "scanner": "sim://"}, "korean-58mm"),
            "owner": lambda: wizard.set_owner("김한결", "482913", "482913"),
            "mode": lambda: wizard.set_mode("counter"),
            "selftest": lambda: wizard.finish("ok"),
        }
        for step in STEPS:
            if step in wizard.state.done:
                continue
            if step == kill_at:
                print(f"WAIT {step}", flush=True)
                sys.stdin.read()
                return 3
            print(f"START {step}", flush=True)
            actions[step]()
            print(f"DONE {step}", flush=True)
        return 0
    finally:
        ledger.close()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
