"""How a backend instance runs: its mode and its limits.

* `production`: terminal, operator and enrollment endpoints only.
* `demo`: also the payment provider simulation (`/v1/qr/...`, `/v1/codes/...`), anonymous by design.
* `test`: also the test clock (`POST /v1/test/clock`).
The mode is announced on stderr at start; demo and test servers must never face the internet.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.protocol import MAX_BODY, MAX_JOURNAL_BODY


class Mode(StrEnum):
    PRODUCTION = "production"
    DEMO = "demo"
    TEST = "test"


@dataclass(frozen=True, slots=True)
class BackendConfig:
    mode: Mode = Mode.PRODUCTION
    code_hang_seconds: float = 30.0  # how long the simulated provider hangs on a code ending 0002
    max_body: int = MAX_BODY  # bytes of any request body but a journal push
    max_journal_body: int = MAX_JOURNAL_BODY  # bytes of a journal push
    nonce_ttl_seconds: int = 600  # a nonce handed to a terminal is good for this long, once
    timestamp_window_days: int = 30  # a signed request's timestamp further off than this is refused
    enroll_failures: int = 10  # failed enrollments allowed per source address ...
    enroll_window_seconds: int = 600  # ... in this window; then 429

    @property
    def simulation(self) -> bool:
        return self.mode in (Mode.DEMO, Mode.TEST)

    @property
    def test_clock(self) -> bool:
        return self.mode is Mode.TEST

    def announcement(self) -> str:
        if self.mode is Mode.PRODUCTION:
            return "kiosk-backend: production mode (no payment simulation, no test clock)"
        extra = " and the test clock (POST /v1/test/clock)" if self.test_clock else ""
        return (
            f"kiosk-backend: {self.mode.value.upper()} MODE: the payment provider simulation "
            f"(/v1/qr/payments, /v1/codes, anonymous pay / cancel){extra} are enabled; "
            "never expose this server to the internet"
        )
