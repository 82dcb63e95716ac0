"""Money is integer won; VAT is carried inside taxable prices (10 %), tax-free items carry none."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Won = int


class TaxType(StrEnum):
    TAXABLE = "taxable"  # 과세
    TAX_FREE = "taxfree"  # 면세


@dataclass(frozen=True, slots=True)
class VatSplit:
    """The tax breakdown of a sale as a Korean receipt shows it."""

    taxable_total: Won
    tax_free_total: Won
    supply_value: Won  # 공급가액
    vat: Won  # 부가세

    @property
    def total(self) -> Won:
        return self.taxable_total + self.tax_free_total


def supply_value_of(taxable_total: Won) -> Won:
    """round(taxable_total / 1.1) in integers, halves rounded away from zero."""
    if taxable_total >= 0:
        return (taxable_total * 10 + 5) // 11
    return -((-taxable_total * 10 + 5) // 11)


def split_vat(taxable_total: Won, tax_free_total: Won) -> VatSplit:
    supply = supply_value_of(taxable_total)
    return VatSplit(taxable_total, tax_free_total, supply, taxable_total - supply)


def format_won(amount: Won) -> str:
    """12,500원 style, as on Korean receipts and menus."""
    return f"{amount:,}원"
