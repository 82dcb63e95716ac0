"""Cash-receipt identifiers (현금영수증 식별번호): a phone number, a cash-receipt card number or a business
registration number, never the resident registration number (DESIGN §13).

An identifier is entered on a keypad, handed to the cash-receipt provider once, and otherwise only ever
kept as `Identifier.masked` (for screens and receipts: at most the last 4 digits), `Identifier.hash`
(HMAC-SHA256 under the shop's key, for lookup) and `Identifier.last4`. `Identifier.digits` lives only in
memory on its way to the provider; it is not in `to_record()`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.domain.business import is_valid_business_number

SELF_ISSUE_NUMBER = "0100001234"  # 국세청 자진발급 번호 010-000-1234
SELF_ISSUE_DISPLAY = "010-000-1234"


class IdKind(StrEnum):
    PHONE = "phone"  # 휴대전화번호
    CARD = "card"  # 현금영수증 카드
    BUSINESS = "business"  # 사업자등록번호 (지출증빙)
    SELF = "self"  # 자진발급 010-000-1234


class Purpose(StrEnum):
    DEDUCTION = "deduction"  # 소득공제 (individuals)
    PROOF = "proof"  # 지출증빙 (businesses)


class BadIdentifier(ValueError):
    """An identifier that cannot be right; the message says what to enter (never echoes the number)."""


_PHONE = re.compile(r"01[016789]\d{7,8}")


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: IdKind
    masked: str
    hash: str
    last4: str
    digits: str = field(repr=False, compare=False, default="")  # in memory only, for the provider

    def to_record(self) -> dict[str, str]:
        """What may be journaled, synced and printed."""
        return {"id_kind": self.kind.value, "id_masked": self.masked, "id_hash": self.hash, "id_last4": self.last4}


def mask_identifier(kind: IdKind, digits: str) -> str:
    """At most the last 4 digits shown: 010-****-5678, ***-**-*7890, ****-****-****-1234."""
    if kind is IdKind.SELF:
        return SELF_ISSUE_DISPLAY
    last4 = digits[-4:]
    if kind is IdKind.PHONE:
        return f"{digits[:3]}-****-{last4}"
    if kind is IdKind.BUSINESS:
        return f"***-**-*{last4}"
    return "****-****-****-" + last4


def identifier_hash(key: bytes, kind: IdKind, digits: str) -> str:
    return hmac.new(key, f"{kind.value}:{digits}".encode(), hashlib.sha256).hexdigest()


def parse_identifier(kind: IdKind | str, entered: str, key: bytes) -> Identifier:
    """Check an entered identifier and return it masked and hashed. Raises BadIdentifier."""
    kind = IdKind(kind)
    digits = re.sub(r"[\s\-]", "", entered)
    if kind is IdKind.SELF:
        digits = SELF_ISSUE_NUMBER
    if not digits.isdigit():
        raise BadIdentifier("숫자만 입력하세요 / digits only")
    if kind is IdKind.PHONE and not _PHONE.fullmatch(digits):
        raise BadIdentifier("휴대전화번호를 확인하세요 (010으로 시작하는 10-11자리) / check the mobile number")
    if kind is IdKind.CARD and not 13 <= len(digits) <= 19:
        raise BadIdentifier("현금영수증 카드번호는 13-19자리입니다 / a cash-receipt card number has 13-19 digits")
    if kind is IdKind.BUSINESS and not is_valid_business_number(digits):
        raise BadIdentifier("사업자등록번호를 확인하세요 (10자리) / check the business number (10 digits)")
    return Identifier(kind, mask_identifier(kind, digits), identifier_hash(key, kind, digits), digits[-4:], digits)


def self_issue(key: bytes) -> Identifier:
    return parse_identifier(IdKind.SELF, SELF_ISSUE_NUMBER, key)
