"""The one masking function and the re-check that refuses full card numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.payments.masking import (
    UnmaskedCardNumber,
    check_masked,
    code_hint,
    contains_card_number,
    find_card_numbers,
    luhn_valid,
    mask_card,
)


def _with_check_digit(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


def test_luhn_on_known_numbers() -> None:
    assert luhn_valid("79927398713")  # the textbook example
    assert not luhn_valid("79927398710")
    assert not luhn_valid("")


def test_mask_card_follows_korean_practice() -> None:
    pan = _with_check_digit("536512001234123")
    masked = mask_card(pan)
    assert masked == f"5365-12**-****-{pan[-4:]}"
    assert check_masked(masked) == masked


@pytest.mark.parametrize("bad", ["1234", "12345678901234567890", "5365-12ab"])
def test_mask_card_refuses_what_is_not_a_card_number(bad: str) -> None:
    with pytest.raises(ValueError):
        mask_card(bad)


def test_check_masked_refuses_full_and_half_masked_numbers() -> None:
    pan = _with_check_digit("536512001234123")
    with pytest.raises(UnmaskedCardNumber):
        check_masked(pan)
    with pytest.raises(UnmaskedCardNumber):
        check_masked(f"{pan[:4]}-{pan[4:8]}-{pan[8:12]}-{pan[12:]}")
    with pytest.raises(UnmaskedCardNumber):
        check_masked(pan[:12] + "****")  # 12 digits visible
    with pytest.raises(UnmaskedCardNumber):
        check_masked("5365-12**-****-1234; DROP")
    assert check_masked("") == ""


@settings(database=None)  # no example files with card-like numbers on disk
@given(st.text(alphabet="0123456789", min_size=13, max_size=19))
def test_every_luhn_valid_run_is_found(digits: str) -> None:
    run = _with_check_digit(digits[:-1])
    assert run in find_card_numbers(f"x{run}y")
    assert contains_card_number(f"payload {run} end".encode())
    with pytest.raises(UnmaskedCardNumber):
        check_masked(run)


@settings(database=None)  # no example files with card-like numbers on disk
@given(st.text(alphabet="0123456789", min_size=13, max_size=19).map(lambda d: _with_check_digit(d[:-1])))
def test_masked_numbers_pass_and_contain_no_card_number(pan: str) -> None:
    masked = mask_card(pan)
    assert check_masked(masked) == masked
    assert not contains_card_number(masked)


def test_code_hint_keeps_only_a_hash_and_the_last_four() -> None:
    code = _with_check_digit("281006123456789")
    hint = code_hint(code)
    assert hint.endswith(code[-4:])
    assert code not in hint
    assert not contains_card_number(hint)
