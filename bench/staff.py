"""Staff sign-in at the real PIN cost (scrypt N=2^16, r=8, p=1; docs/STAFF.md).

PIN-alone sign-in checks the PIN against each person's hash in turn (per-person salts), so its cost grows
with the number of people who have a PIN; card + PIN checks one. Measured on a real ledger file with
N = 1, 3, 5 and 10 people: a wrong PIN (every hash checked, plus the failure's journal entry), the right
PIN of the last person checked, and card + PIN. Baseline in the same run, interleaved: one bare
`hashlib.scrypt` with the same parameters (the least a check can cost); the ratio is sign-in time over
(hashes checked x bare hash).

Run: `.venv/bin/python -m bench.staff [--quick]`.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.devices.nfc import hash_uid
from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from kiosk.session.modes import Role, SignedIn
from kiosk.staff.pins import PinHasher
from kiosk.staff.service import PinChangeRequired, SignInRefused, StaffService

KEY = b"bench-key-0123456789abcdef012345"


def _bare(hasher: PinHasher) -> float:
    start = time.perf_counter()
    hashlib.scrypt(b"550912", salt=b"0123456789abcdef", n=hasher.n, r=hasher.r, p=hasher.p, maxmem=2**28, dklen=32)
    return time.perf_counter() - start


def _timed(staff: StaffService, pin: str, card: str | None = None) -> float:
    start = time.perf_counter()
    staff.sign_in(pin, card)
    return time.perf_counter() - start


def _cell(samples: list[float], hashes: int, bare: float) -> str:
    m = statistics.median(samples)
    return f"{m * 1000:.0f} ({min(samples) * 1000:.0f}-{max(samples) * 1000:.0f}) x{m / (hashes * bare):.2f}"


def _shop(path: Path, people: int) -> tuple[Ledger, StaffService, FakeClock, list[str], str]:
    from datetime import UTC, datetime

    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = Ledger.open(path, device_id="BENCH-01", clock=clock, tz=ZoneInfo("Asia/Seoul"))
    staff = StaffService(ledger)
    pins = [f"{40_2913 + 7919 * i:06d}" for i in range(people)]
    staff.init_owner("사장", pins[0])
    boss = staff.sign_in(pins[0])
    assert isinstance(boss, SignedIn)
    for i, pin in enumerate(pins[1:], start=1):
        _, one_time = staff.add(boss, f"직원{i}", Role.STAFF)
        first = staff.sign_in(one_time)
        assert isinstance(first, PinChangeRequired)
        staff.complete_pin_change(first.token, pin)
    card = hash_uid(KEY, b"\x04\x01\x02\x03\x04\x05\x06")
    from kiosk.devices.nfc import CardKind, CardTapped

    last = staff.members()[-1]
    tap = CardTapped("bench", CardKind.UNKNOWN, card, (), None, "", clock.now())
    staff.register_card(boss, last.id, tap)
    return ledger, staff, clock, pins, card


def main(quick: bool = False) -> None:
    rounds = 3 if quick else 7
    hasher = PinHasher()
    print(f"{hasher.params}, {128 * hasher.r * hasher.n // 2**20} MiB per hash, {rounds} rounds, median (min-max)")
    print("people | bare hash ms | wrong PIN ms (ratio) | last person's PIN ms (ratio) | card + PIN ms (ratio)")
    for people in (1, 3, 5) if quick else (1, 3, 5, 10):
        with tempfile.TemporaryDirectory() as tmp:
            ledger, staff, clock, pins, card = _shop(Path(tmp) / "ledger.sqlite3", people)
            try:
                bare, wrong, right, carded = [], [], [], []
                for _ in range(rounds):
                    bare.append(_bare(hasher))
                    wrong.append(_timed(staff, "550912"))
                    clock.advance(3600)  # past any delay: each try is a first try
                    bare.append(_bare(hasher))
                    right.append(_timed(staff, pins[-1]))
                    bare.append(_bare(hasher))
                    carded.append(_timed(staff, pins[-1], card))
                assert isinstance(staff.sign_in("550912"), SignInRefused)
            finally:
                ledger.close()
        b = statistics.median(bare)

        print(
            f"{people:>6} | {b * 1000:.0f} ({min(bare) * 1000:.0f}-{max(bare) * 1000:.0f}) | "
            f"{_cell(wrong, people, b)} | {_cell(right, people, b)} | {_cell(carded, 1, b)}",
            flush=True,
        )


if __name__ == "__main__":
    main(quick="--quick" in sys.argv[1:])
