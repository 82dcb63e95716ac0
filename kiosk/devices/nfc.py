"""NFC reader port: card and reader events, the shop's card list and the keyed hash of card UIDs.

The core never sees a raw UID: readers hand over `uid_hash`, an HMAC-SHA256 of the UID under a per-shop
key, so a stolen database or log cannot be matched against cards elsewhere. Payment cards produce a
`CardTapped` of kind PAYMENT with no id and no records at all: the app never reads payment-card data.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol

MEMBER_RECORD_TYPE = "urn:nfc:ext:hangyeol.kr:member"  # an NDEF record of this type marks a membership card


class CardKind(StrEnum):
    MEMBERSHIP = "membership"  # membership / stamp card
    STAFF = "staff"  # staff or owner card (registered UID with a role)
    PAYMENT = "payment"  # a bank card: send the customer to the card terminal, read nothing
    UNKNOWN = "unknown"


class ReaderChange(StrEnum):
    ADDED = "added"  # a reader appeared while the service was running
    REMOVED = "removed"  # a reader was unplugged
    LOST = "lost"  # the PC/SC service went away: the reader's state is unknown
    BACK = "back"  # the reader is there again after the service came back


@dataclass(frozen=True, slots=True)
class NdefRecord:
    type: str  # e.g. "urn:nfc:wkt:T", "urn:nfc:wkt:U", "urn:nfc:ext:hangyeol.kr:member"
    text: str | None = None  # for text records
    language: str | None = None
    uri: str | None = None  # for URI records
    data_hex: str = ""  # other records: the payload, hex

    def describe(self) -> str:
        if self.text is not None:
            return f"text[{self.language}]: {self.text}"
        if self.uri is not None:
            return f"uri: {self.uri}"
        return f"{self.type}: {self.data_hex}"


@dataclass(frozen=True, slots=True)
class CardTapped:
    reader: str
    kind: CardKind
    uid_hash: str | None  # HMAC-SHA256 hex of the UID; None for payment cards and unreadable UIDs
    records: tuple[NdefRecord, ...]
    role: str | None  # staff role from the card list ("owner", "staff"), else None
    message: str  # plain words for the screen
    at: datetime


@dataclass(frozen=True, slots=True)
class CardRemoved:
    reader: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ReaderEvent:
    reader: str
    change: ReaderChange
    message: str
    at: datetime


NfcEvent = CardTapped | CardRemoved | ReaderEvent


class NfcReader(Protocol):
    """What the core needs from a reader service. Events go to the listener given at construction."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


def hash_uid(key: bytes, uid: bytes) -> str:
    return hmac.new(key, uid, hashlib.sha256).hexdigest()


class CardListError(ValueError):
    pass


@dataclass(frozen=True)
class RegisteredCard:
    uid_hash: str
    kind: CardKind  # MEMBERSHIP or STAFF
    role: str | None = None


@dataclass(frozen=True)
class CardList:
    """The shop's registered cards, keyed by UID hash, plus which NDEF URIs mark a membership card.

    File format (JSON): {"cards": [{"uid_hash": "<hex>", "kind": "staff", "role": "owner"}, ...],
    "member_uri_prefixes": ["https://hangyeol.kr/m/"]}.
    """

    cards: dict[str, RegisteredCard] = field(default_factory=dict)
    member_uri_prefixes: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> CardList:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CardListError(f"{path}: 카드 목록 파일이 없습니다. 경로를 확인하세요 (card list not found)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise CardListError(f"{path}: 카드 목록을 읽을 수 없습니다 ({exc}); 파일을 다시 만드세요") from None
        return cls.from_json(raw, str(path))

    @classmethod
    def from_json(cls, raw: object, source: str = "card list") -> CardList:
        if not isinstance(raw, dict):
            raise CardListError(f"{source}: expected a JSON object with a 'cards' list")
        cards: dict[str, RegisteredCard] = {}
        for i, item in enumerate(raw.get("cards", [])):
            if not isinstance(item, dict) or not isinstance(item.get("uid_hash"), str):
                raise CardListError(f"{source}: cards[{i}] needs a 'uid_hash' string")
            try:
                kind = CardKind(item.get("kind", "membership"))
            except ValueError:
                raise CardListError(f"{source}: cards[{i}].kind must be 'membership' or 'staff'") from None
            if kind not in (CardKind.MEMBERSHIP, CardKind.STAFF):
                raise CardListError(f"{source}: cards[{i}].kind must be 'membership' or 'staff'")
            role = item.get("role")
            cards[item["uid_hash"].lower()] = RegisteredCard(
                item["uid_hash"].lower(), kind, str(role) if role else None
            )
        prefixes = raw.get("member_uri_prefixes", [])
        if not isinstance(prefixes, list) or not all(isinstance(p, str) for p in prefixes):
            raise CardListError(f"{source}: member_uri_prefixes must be a list of strings")
        return cls(cards, tuple(prefixes))

    def classify(self, uid_hash: str | None, records: tuple[NdefRecord, ...]) -> tuple[CardKind, str | None]:
        registered = self.cards.get(uid_hash) if uid_hash else None
        if registered is not None and registered.kind is CardKind.STAFF:
            return CardKind.STAFF, registered.role
        if registered is not None:
            return CardKind.MEMBERSHIP, None
        for rec in records:
            if rec.type == MEMBER_RECORD_TYPE:
                return CardKind.MEMBERSHIP, None
            if rec.uri is not None and any(rec.uri.startswith(p) for p in self.member_uri_prefixes):
                return CardKind.MEMBERSHIP, None
        return CardKind.UNKNOWN, None


CARD_MESSAGES = {
    CardKind.MEMBERSHIP: "멤버십 카드를 확인했습니다.",
    CardKind.STAFF: "직원 카드를 확인했습니다.",
    CardKind.PAYMENT: "결제 카드는 여기에 대지 마세요. 카드 단말기에 꽂거나 대 주세요.",
    CardKind.UNKNOWN: "등록되지 않은 카드입니다. 직원에게 문의하세요.",
}
