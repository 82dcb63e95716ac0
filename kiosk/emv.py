"""EMVCo merchant-presented QR payloads: TLV encoder / parser and the CRC, shared by the kiosk and the
programme backend's QR provider simulation (so both sides agree byte for byte).

A payload is a run of `ID (2 digits) LEN (2 digits) VALUE` objects. Lengths count characters, not
bytes (the EMVCo sample carries Chinese text in its language template that way); the CRC is
CRC-16/CCITT-FALSE over the UTF-8 bytes of everything up to and including "6304".
"""

from __future__ import annotations

import binascii
from collections.abc import Mapping

# A template's nested objects are parsed as well; these IDs hold templates in merchant-presented mode.
TEMPLATE_IDS = frozenset({f"{n:02d}" for n in range(26, 52)} | {"62", "64"} | {f"{n:02d}" for n in range(80, 100)})

KRW = "410"
GUID = "KR.HANGYEOL.QR"  # our reverse-domain id in the merchant account template (tag 26, sub-tag 00)


class EmvError(ValueError):
    """A payload that is not a well-formed EMVCo QR (bad length, bad CRC, ...)."""


def crc16(data: bytes) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as four upper-case hex digits."""
    return f"{binascii.crc_hqx(data, 0xFFFF):04X}"


def tlv(tag: str, value: str) -> str:
    if len(tag) != 2 or not tag.isdigit():
        raise EmvError(f"tag {tag!r} is not two digits")
    if len(value) > 99:
        raise EmvError(f"tag {tag}: value longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def encode(fields: Mapping[str, str | Mapping[str, str]]) -> str:
    """Encode objects in the given order (a mapping value is a template) and append the CRC (tag 63)."""
    body = ""
    for tag, value in fields.items():
        if tag == "63":
            continue
        body += tlv(tag, value if isinstance(value, str) else encode_template(value))
    body += "6304"
    return body + crc16(body.encode("utf-8"))


def encode_template(fields: Mapping[str, str]) -> str:
    return "".join(tlv(tag, value) for tag, value in fields.items())


def _objects(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    i = 0
    while i < len(text):
        tag, length = text[i : i + 2], text[i + 2 : i + 4]
        if len(length) < 2 or not tag.isdigit() or not length.isdigit():
            raise EmvError(f"malformed object at position {i}")
        value = text[i + 4 : i + 4 + int(length)]
        if len(value) != int(length):
            raise EmvError(f"tag {tag}: value shorter than its length {length}")
        if tag in out:
            raise EmvError(f"tag {tag} appears twice")
        out[tag] = value
        i += 4 + int(length)
    return out


def parse(payload: str) -> dict[str, str | dict[str, str]]:
    """Parse and check a payload (format indicator first, CRC last and correct). Templates become dicts."""
    if not payload.startswith("000201"):
        raise EmvError("not an EMVCo QR payload (it must start with 000201)")
    if len(payload) < 8 or payload[-8:-4] != "6304":
        raise EmvError("the CRC (tag 63) must be the last object")
    want = crc16(payload[:-4].encode("utf-8"))
    if payload[-4:].upper() != want:
        raise EmvError(f"CRC mismatch: payload says {payload[-4:]}, computed {want}")
    result: dict[str, str | dict[str, str]] = {}
    for tag, value in _objects(payload).items():
        result[tag] = _objects(value) if tag in TEMPLATE_IDS else value
    return result


def merchant_presented_payload(
    amount: int, order_ref: str, merchant_name: str, merchant_city: str, merchant_account: str
) -> str:
    """A dynamic (point-of-initiation 12) KRW payload for one order: amount in whole won."""
    if amount <= 0:
        raise EmvError("the amount must be a positive number of won")
    return encode(
        {
            "00": "01",
            "01": "12",
            "26": {"00": GUID, "01": merchant_account[:60]},
            "52": "5812",  # merchant category: eating places and restaurants
            "53": KRW,
            "54": str(amount),
            "58": "KR",
            "59": merchant_name[:25] or "MERCHANT",
            "60": merchant_city[:15] or "SEOUL",
            "62": {"05": order_ref[:25]},
        }
    )
