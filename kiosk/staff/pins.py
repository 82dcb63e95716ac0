"""PINs: six digits, kept only as a scrypt hash (memory-hard) with a per-person salt.

Parameters (docs/STAFF.md, "PIN storage"): scrypt N=2^16, r=8, p=1, a 16-byte random salt per person and
per PIN, a 32-byte key; 64 MiB of memory per hash. On the 2-core build machine a hash takes about 140 ms
when the machine is otherwise quiet, as a kiosk is when someone signs in (~360 ms with the machine loaded
by test runs; `python -m kiosk.staff.pins` measures it). The parameters are stored with each hash, so a
later version can raise them; a hash is checked with the parameters it was made with. Tests pass a
`PinHasher` with a tiny N to stay fast (one test uses the real cost).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets
from dataclasses import dataclass

PIN_LENGTH = 6


class PinError(ValueError):
    """A PIN that cannot be used; the message says what a good one looks like."""


def check_pin_format(pin: str) -> None:
    """Six digits, not one digit repeated and not a run (123456, 987654): those are guessed first."""
    if len(pin) != PIN_LENGTH or not pin.isascii() or not pin.isdigit():
        raise PinError(f"a PIN is exactly {PIN_LENGTH} digits (0-9)")
    digits = [int(c) for c in pin]
    steps = {(b - a) % 10 for a, b in itertools.pairwise(digits)}
    if steps == {0}:
        raise PinError("a PIN of one repeated digit is too easy to guess; choose another")
    if steps in ({1}, {9}):
        raise PinError("a PIN of consecutive digits is too easy to guess; choose another")


def random_pin() -> str:
    """A one-time PIN (issued to new staff and on a reset) that passes `check_pin_format`."""
    while True:
        pin = f"{secrets.randbelow(10**PIN_LENGTH):0{PIN_LENGTH}d}"
        try:
            check_pin_format(pin)
        except PinError:
            continue
        return pin


@dataclass(frozen=True, slots=True)
class PinHash:
    """What the register stores: the scrypt parameters, the salt and the derived key (hex)."""

    params: str  # "scrypt$n=65536$r=8$p=1"
    salt: str
    digest: str


@dataclass(frozen=True, slots=True)
class PinHasher:
    n: int = 2**16
    r: int = 8
    p: int = 1
    salt_bytes: int = 16
    key_bytes: int = 32

    @property
    def params(self) -> str:
        return f"scrypt$n={self.n}$r={self.r}$p={self.p}"

    def hash(self, pin: str) -> PinHash:
        salt = secrets.token_bytes(self.salt_bytes)
        return PinHash(self.params, salt.hex(), _scrypt(pin, salt, self.n, self.r, self.p, self.key_bytes).hex())

    @staticmethod
    def verify(pin: str, stored: PinHash) -> bool:
        n, r, p = _parse(stored.params)
        expected = bytes.fromhex(stored.digest)
        got = _scrypt(pin, bytes.fromhex(stored.salt), n, r, p, len(expected))
        return hmac.compare_digest(got, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    # maxmem: OpenSSL refuses more than 32 MiB by default; N=2^16, r=8 needs 64 MiB plus a little.
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * r * n + 2**20, dklen=dklen)


def _parse(params: str) -> tuple[int, int, int]:
    name, *fields = params.split("$")
    values = dict(f.split("=", 1) for f in fields)
    if name != "scrypt" or set(values) != {"n", "r", "p"}:
        raise ValueError(f"unknown PIN hash parameters {params!r}")
    return int(values["n"]), int(values["r"]), int(values["p"])


def _measure(rounds: int = 7) -> None:
    """`python -m kiosk.staff.pins`: the time of one PIN hash at the real cost on this machine."""
    import time

    hasher = PinHasher()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        hasher.hash("402913")
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"{hasher.params}: {128 * hasher.r * hasher.n // 2**20} MiB, median {times[len(times) // 2]:.0f} ms "
        f"(min {times[0]:.0f}, max {times[-1]:.0f}) over {rounds} hashes"
    )


if __name__ == "__main__":
    _measure()
