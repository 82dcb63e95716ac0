"""The sync wire protocol (version 1) shared by the kiosk and the programme backend.

Every terminal request is signed with the terminal's Ed25519 key: the signature covers the method,
the path, a UTC timestamp and the SHA-256 of the body, so a push batch is signed as a whole. Catalog
bundles are signed by the programme key over their canonical JSON without the signature field. The
journal chain itself (`kiosk.protocol`) is verified by the backend entry by entry with `check_entry`.
The backend's OpenAPI document (`/openapi.json`) is the reference for the message shapes.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any, TypedDict

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.protocol import canonical_json, chain_hash, entry_canonical_bytes

API = "/v1"
HEADER_TERMINAL = "X-Kiosk-Terminal"
HEADER_TIMESTAMP = "X-Kiosk-Timestamp"
HEADER_SIGNATURE = "X-Kiosk-Signature"

MAX_BATCH = 1000  # entries in one push; the server refuses bigger batches with 413

# Why an entry was refused; the kiosk quarantines it and raises an alert with this text.
REASON_HASH = "hash_mismatch"  # content edited after it was written (the hash no longer matches)
REASON_CHAIN = "chain_broken"  # prev_hash is not the hash of the entry before (removed / reordered)
REASON_GAP = "sequence_gap"  # entries between the last stored one and this one are missing
REASON_DEVICE = "wrong_device"  # the entry names another device than the enrolled terminal
REASON_CONFLICT = "conflict"  # the same sequence number was already stored with different content
REASON_DUPLICATE_ID = "duplicate_id"  # the entry id was already stored under another sequence


class WireEntry(TypedDict):
    device_id: str
    seq: int
    id: str
    ts: str
    kind: str
    payload: str
    prev_hash: str
    hash: str


class Rejection(TypedDict):
    seq: int
    id: str
    reason: str
    detail: str


class PushResult(TypedDict):
    """The reply to a push: the highest contiguous sequence the server holds for the terminal
    (stored or quarantined), and the entries of this batch it refused, with reasons."""

    ack_seq: int
    stored: int
    duplicates: int
    rejected: list[Rejection]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64(pub.public_bytes(Encoding.Raw, PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    """Raises ValueError for anything that is not a base64 raw 32-byte Ed25519 key."""
    try:
        raw = unb64(text)
    except Exception as exc:
        raise ValueError("the public key is not base64") from exc
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return b64(key.sign(data))


def verify(public_key: str | Ed25519PublicKey, data: bytes, signature: str) -> bool:
    try:
        key = load_public_key(public_key) if isinstance(public_key, str) else public_key
        key.verify(unb64(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def request_signing_bytes(method: str, path: str, timestamp: str, body: bytes) -> bytes:
    return "\n".join((method.upper(), path, timestamp, hashlib.sha256(body).hexdigest())).encode("utf-8")


def bundle_signing_bytes(bundle: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in bundle.items() if k != "signature"}).encode("utf-8")


def sign_bundle(key: Ed25519PrivateKey, bundle: dict[str, Any]) -> dict[str, Any]:
    return {**bundle, "signature": sign(key, bundle_signing_bytes(bundle))}


def check_entry(entry: WireEntry, prev_hash: str, device_id: str) -> tuple[str, str] | None:
    """Check one entry against the hash of the entry before it: None if sound, else (reason, detail)."""
    if entry["device_id"] != device_id:
        return REASON_DEVICE, f"entry names device {entry['device_id']!r}, the terminal is {device_id!r}"
    canonical = entry_canonical_bytes(
        entry["device_id"], entry["seq"], entry["id"], entry["ts"], entry["kind"], entry["payload"]
    )
    if chain_hash(entry["prev_hash"], canonical) != entry["hash"]:
        return REASON_HASH, f"seq {entry['seq']}: content does not match its hash (edited after it was written)"
    if entry["prev_hash"] != prev_hash:
        return REASON_CHAIN, f"seq {entry['seq']}: prev_hash does not match the hash of seq {entry['seq'] - 1}"
    return None
