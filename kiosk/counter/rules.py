"""The shop's counter rules, as the core sees them (built from `Settings.counter` in app/; no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class VoucherChange(StrEnum):
    """온누리상품권 (paper): when the unused part of a voucher is given back in cash."""

    NEVER = "never"
    ALWAYS = "always"
    PERCENT = "percent"  # only when at least `voucher_change_percent` of the face value was used (law: 60 %)


DENOMINATIONS = (50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10)  # 권종: notes and coins in use


@dataclass(frozen=True, slots=True)
class CounterRules:
    order_range: tuple[int, int] = (5001, 9999)  # this terminal's counter order numbers
    auto_open_day: bool = True  # a kiosk sale with no open day opens one (float 0) by itself
    blind_count: bool = False  # the closing count does not show the expected cash
    close_tolerance: int = 1_000  # won; a bigger difference needs the owner's PIN
    discount_limit_percent: int = 10  # a discount above this share of the ticket needs a manager / owner
    voucher_change: VoucherChange = VoucherChange.PERCENT
    voucher_change_percent: int = 60
    cash_receipt_mandatory: bool = False  # the shop is on the mandatory-issue list (현금영수증 의무발행)
    cash_receipt_threshold: int = 100_000  # won, VAT included


def rules_from(settings: Any) -> CounterRules:
    """The rules from `kiosk.config.Settings.counter` (validated there)."""
    c = settings.counter
    return CounterRules(
        order_range=(c.order_number_first, c.order_number_last),
        auto_open_day=c.auto_open_day,
        blind_count=c.blind_count,
        close_tolerance=c.close_tolerance_won,
        discount_limit_percent=c.discount_limit_percent,
        voucher_change=VoucherChange(c.voucher_change),
        voucher_change_percent=c.voucher_change_percent,
        cash_receipt_mandatory=c.cash_receipt_mandatory,
        cash_receipt_threshold=c.cash_receipt_threshold_won,
    )
