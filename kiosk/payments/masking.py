"""Card-number hygiene: the one function that masks, and the checks that refuse anything unmasked.

The app never reads card numbers: the certified terminal masks them. We still re-check every masked
number we are handed, because a terminal with a bad firmware or a wrong setting could send a full one,
and storing it would break PCI DSS and 여신전문금융업법. Customer-presented payment codes (one-time
barcodes) can be Luhn-valid digit runs too, so they are never stored whole either.
"""

from __future__ import annotations

import hashlib
import re

_DIGIT_RUN = re.compile(r"\d{13,19}")
_DIGITS_WITH_SEPARATORS = re.compile(r"\d(?:[ \-]?\d){12,18}")
MAX_FIRST = 6  # at most the first 6 digits and the last 4 are ever visible
MAX_LAST = 4
MAX_VISIBLE_DIGITS = MAX_FIRST + MAX_LAST


class UnmaskedCardNumber(ValueError):
    """A value that should be masked looks like a full card number; it was refused, not stored."""


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_card_numbers(text: str) -> list[str]:
    """Every Luhn-valid run of 13 to 19 digits (also inside longer runs, also with spaces or dashes)."""
    found: list[str] = []
    for m in _DIGITS_WITH_SEPARATORS.finditer(text):
        digits = re.sub(r"[ \-]", "", m.group())
        for length in range(13, min(19, len(digits)) + 1):
            for start in range(len(digits) - length + 1):
                run = digits[start : start + length]
                if luhn_valid(run):
                    found.append(run)
    return found


def contains_card_number(data: bytes | str) -> bool:
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    for m in _DIGIT_RUN.finditer(text):
        run = m.group()
        if any(luhn_valid(run[s : s + n]) for n in range(13, min(19, len(run)) + 1) for s in range(len(run) - n + 1)):
            return True
    return False


def mask_card(number: str) -> str:
    """Mask a card number the Korean way: first 6 and last 4 shown, digits 7-12 hidden, in groups of 4.

    5365120012341234 → 5365-12**-****-1234. Used by the terminal simulator (a real terminal masks
    on its side) and wherever a number has to be shown.
    """
    digits = re.sub(r"[ \-]", "", number)
    if not digits.isdigit() or not 13 <= len(digits) <= 19:
        raise ValueError("a card number has 13 to 19 digits")
    masked = digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    return "-".join(masked[i : i + 4] for i in range(0, len(masked), 4))


def mask_card_number(value: str) -> str:
    """`5365-1200-1234-1234` or `536512******1234` → `5365-12**-****-1234`; separators are kept.

    Digits beyond the first 6 and the last 4 become `*`. A value with 10 or fewer digits (already
    masked) keeps its digits but never gains any.
    """
    digit_positions = [i for i, c in enumerate(value) if c.isdigit() or c in "*Xx"]
    total = len(digit_positions)
    chars = list(value)
    for n, i in enumerate(digit_positions):
        if MAX_FIRST <= n < total - MAX_LAST or chars[i] in "Xx":
            chars[i] = "*"
    return "".join(c for c in chars if c.isdigit() or c in "*- ")


def check_masked(masked: str) -> str:
    """Return `masked` if it is safely masked; raise UnmaskedCardNumber otherwise.

    Refuses anything with a Luhn-valid 13-19 digit run, more than 10 visible digits, or characters
    other than digits, '*', 'X', '-' and spaces. An empty string (no card, e.g. a QR payment) passes.
    """
    if not masked:
        return masked
    if len(masked) > 32 or not re.fullmatch(r"[0-9*Xx\- ]+", masked):
        raise UnmaskedCardNumber("the masked card number has unexpected characters; it was not stored")
    if find_card_numbers(masked):
        raise UnmaskedCardNumber("the card terminal sent what looks like a full card number; it was not stored")
    if sum(c.isdigit() for c in masked) > MAX_VISIBLE_DIGITS:
        raise UnmaskedCardNumber("the masked card number shows more than the first 6 and last 4 digits")
    if "*" not in masked and "X" not in masked and "x" not in masked:
        raise UnmaskedCardNumber("the card number is not masked; it was not stored")
    return masked


def code_hint(code: str) -> str:
    """What we keep of a customer-presented payment code: a short hash and the last 4 characters."""
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:16]
    return f"sha256:{digest}…{code[-4:]}"
