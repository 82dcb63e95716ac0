"""The receipt QR: which terminal printed which receipt, with a check code so a misread is caught.

Content: ``HKR1:<terminal id>:<receipt number>:<check>``, where the receipt number is the business
date and the order number (``20261121-0042``) and the check is CRC-16/CCITT-FALSE over everything
before it, as 4 hex digits. Staff scan it to find the sale for a refund or a reprint.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from datetime import date

PREFIX = "HKR1"


@dataclass(frozen=True, slots=True)
class ReceiptRef:
    terminal_id: str
    receipt_no: str


def receipt_number(business_date: date, order_number: int) -> str:
    return f"{business_date:%Y%m%d}-{order_number:04d}"


def _check(body: str) -> str:
    return f"{binascii.crc_hqx(body.encode('utf-8'), 0xFFFF):04X}"


def receipt_qr_content(terminal_id: str, receipt_no: str) -> str:
    if ":" in terminal_id or ":" in receipt_no:
        raise ValueError("terminal id and receipt number must not contain ':'")
    body = f"{PREFIX}:{terminal_id}:{receipt_no}"
    return f"{body}:{_check(body)}"


def parse_receipt_qr(content: str) -> ReceiptRef:
    """The terminal and receipt a scanned QR names; ValueError if it is not ours or the check fails."""
    parts = content.strip().split(":")
    if len(parts) != 4 or parts[0] != PREFIX:
        raise ValueError("이 QR은 영수증 QR이 아닙니다 (not a receipt QR)")
    body = ":".join(parts[:3])
    if _check(body) != parts[3].upper():
        raise ValueError("영수증 QR의 검증 코드가 맞지 않습니다. 다시 스캔하세요 (check code mismatch)")
    return ReceiptRef(parts[1], parts[2])
