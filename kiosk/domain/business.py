"""Business registration numbers (사업자등록번호): 10 digits, the last one a check digit."""

from __future__ import annotations

_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def normalize_business_number(value: str) -> str:
    return value.replace("-", "").replace(" ", "")


def business_number_check_digit(first_nine: str) -> int:
    digits = [int(c) for c in first_nine]
    total = sum(d * w for d, w in zip(digits, _WEIGHTS, strict=True))
    total += (digits[8] * 5) // 10
    return (10 - total % 10) % 10


def is_valid_business_number(value: str) -> bool:
    digits = normalize_business_number(value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    return business_number_check_digit(digits[:9]) == int(digits[9])


def format_business_number(value: str) -> str:
    """123-45-67890."""
    d = normalize_business_number(value)
    return f"{d[:3]}-{d[3:5]}-{d[5:]}"
