"""PIN format and hashing: six digits, no easy ones, scrypt with a per-person salt."""

from __future__ import annotations

import pytest

from kiosk.staff.pins import PinError, PinHasher, check_pin_format, random_pin
from tests.staff.conftest import CHEAP


@pytest.mark.parametrize(
    "pin", ["12345", "1234567", "12a456", "", "１２３４５６", "000000", "777777", "123456", "890123", "987654"]
)
def test_bad_or_easy_pins_are_refused(pin: str) -> None:
    with pytest.raises(PinError):
        check_pin_format(pin)


@pytest.mark.parametrize("pin", ["482915", "102938", "000001", "135790"])
def test_six_digit_pins_are_accepted(pin: str) -> None:
    check_pin_format(pin)


def test_one_time_pins_are_good_pins() -> None:
    pins = {random_pin() for _ in range(200)}
    for pin in pins:
        check_pin_format(pin)
    assert len(pins) > 190  # random, not a default


def test_the_same_pin_gets_a_different_salt_and_hash_each_time() -> None:
    a, b = CHEAP.hash("482915"), CHEAP.hash("482915")
    assert a.salt != b.salt and a.digest != b.digest
    assert CHEAP.verify("482915", a) and CHEAP.verify("482915", b)
    assert not CHEAP.verify("482916", a)


def test_the_real_cost() -> None:
    """The parameters a terminal uses (docs/STAFF.md): scrypt N=2^16, r=8, p=1, a 16-byte salt, 32 bytes."""
    hasher = PinHasher()
    stored = hasher.hash("482915")
    assert stored.params == "scrypt$n=65536$r=8$p=1"
    assert len(bytes.fromhex(stored.salt)) == 16 and len(bytes.fromhex(stored.digest)) == 32
    assert hasher.verify("482915", stored)
    assert not hasher.verify("482951", stored)
    # A hash made with other parameters is checked with its own (a later version may raise the cost).
    assert PinHasher.verify("482915", CHEAP.hash("482915"))
