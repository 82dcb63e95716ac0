"""The wire protocol (version 1) shared by the kiosk and the programme backend: the one protocol module.

**The journal's hash chain.** Both sides recompute it: an entry's canonical bytes are the canonical JSON
of its fields, and `hash = SHA-256(prev_hash || canonical bytes)`. The backend verifies it entry by entry
with `check_entry`.

**Sync requests.** Every terminal request is signed with the terminal's Ed25519 key: the signature
covers the method, the path with its query, a UTC timestamp, a single-use server nonce and the SHA-256
of the body, so a push batch is signed as a whole and a captured request cannot be sent again. The
server hands out the next nonce with every reply to a signed request (header `X-Kiosk-Nonce`, also on a
401 for a missing, expired or used nonce when the signature itself was good). Catalog bundles and
journal receipts are signed by the programme key over their canonical JSON without the signature
field: the kiosk moves its acknowledged sequence only on a receipt that names its terminal, the
sequence and that entry's hash. The backend's OpenAPI document (`/openapi.json`) is the reference for
the message shapes.

A wire module: it imports nothing else of the kiosk (pyproject.toml's import contracts), and
`cryptography` only when a key is used, so the ledger (which needs only the chain) stays light.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

# --- the journal's hash chain -----------------------------------------------------------------------

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """One byte-exact JSON form: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    device_id: str
    seq: int
    id: str
    ts: str  # ISO 8601 UTC, e.g. 2026-11-21T03:04:05.123456+00:00
    kind: str
    payload: str  # canonical JSON
    prev_hash: str
    hash: str

    def canonical_bytes(self) -> bytes:
        return entry_canonical_bytes(self.device_id, self.seq, self.id, self.ts, self.kind, self.payload)

    def to_wire(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "seq": self.seq,
            "id": self.id,
            "ts": self.ts,
            "kind": self.kind,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


# json's own string encoder (the C one where there is one): what `canonical_json` uses for every string.
_json_str = json.encoder.c_encode_basestring or json.encoder.py_encode_basestring  # type: ignore[attr-defined]


def entry_canonical_bytes(device_id: str, seq: int, entry_id: str, ts: str, kind: str, payload: str) -> bytes:
    """`canonical_json` of the entry's fields, byte for byte (tests/sync/test_push_wire.py checks it),
    written out in the sorted key order with json's string encoder instead of building and sorting a
    dict: the backend computes this for every entry it receives."""
    if type(seq) is not int or not all(type(v) is str for v in (device_id, entry_id, ts, kind, payload)):
        doc = {"device_id": device_id, "seq": seq, "id": entry_id, "ts": ts, "kind": kind, "payload": payload}
        return canonical_json(doc).encode("utf-8")
    enc = _json_str
    return (
        f'{{"device_id":{enc(device_id)},"id":{enc(entry_id)},"kind":{enc(kind)},'
        f'"payload":{enc(payload)},"seq":{seq},"ts":{enc(ts)}}}'
    ).encode()


def chain_hash(prev_hash: str, canonical: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical).hexdigest()


# --- sync requests, receipts and bundles -------------------------------------------------------------

API = "/v1"
HEADER_TERMINAL = "X-Kiosk-Terminal"
HEADER_TIMESTAMP = "X-Kiosk-Timestamp"
HEADER_SIGNATURE = "X-Kiosk-Signature"
HEADER_NONCE = "X-Kiosk-Nonce"
HEADER_REFUSAL = "X-Kiosk-Refusal"  # on a 401 to a terminal: why, as a code (REFUSAL_*)
REFUSAL_SIGNATURE = "bad_signature"
REFUSAL_NONCE = "nonce"
REFUSAL_TIMESTAMP = "timestamp"
REFUSAL_UNKNOWN = "not_enrolled"
REFUSAL_REVOKED = "revoked"
SIGNING_VERSION = "kiosk-sync-2"  # first line of the signed request bytes

RECEIPT_KIND = "journal.receipt"  # the `kind` of a signed push reply
HEAD_KIND = "journal.head"  # the `kind` of a signed acknowledgement query reply

MAX_BATCH = 1000  # entries in one push; the server refuses bigger batches with 413
MAX_JOURNAL_BODY = 8 * 1024 * 1024  # bytes of one push request; bigger is refused with 413 before parsing
MAX_BODY = 64 * 1024  # bytes of any other request

# Why an entry was refused; the kiosk quarantines it and raises an alert with this text.
REASON_HASH = "hash_mismatch"  # content edited after it was written (the hash no longer matches)
REASON_CHAIN = "chain_broken"  # prev_hash is not the hash of the entry before (removed / reordered)
REASON_GAP = "sequence_gap"  # entries between the last stored one and this one are missing (not stored)
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
    """What ingest did with a batch: the highest contiguous sequence the server holds for the terminal
    (stored, or quarantined in its place), the hash of that entry, and the entries it refused."""

    ack_seq: int
    ack_hash: str
    stored: int
    duplicates: int
    rejected: list[Rejection]


class PushReceipt(PushResult):
    """The reply to a push, signed by the programme key (`check_receipt`)."""

    kind: str
    terminal_id: str
    signature: str


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64(pub.public_bytes(Encoding.Raw, PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    """Raises ValueError for anything that is not a base64 raw 32-byte Ed25519 key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

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
    from cryptography.exceptions import InvalidSignature

    try:
        key = load_public_key(public_key) if isinstance(public_key, str) else public_key
        key.verify(unb64(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def request_signing_bytes(method: str, path: str, timestamp: str, body: bytes, *, nonce: str = "") -> bytes:
    """What a terminal signs. `path` is the request target as sent: the path and, if any, `?query`."""
    parts = (SIGNING_VERSION, method.upper(), path, timestamp, nonce, hashlib.sha256(body).hexdigest())
    return "\n".join(parts).encode("utf-8")


def signed_headers(
    key: Ed25519PrivateKey, terminal_id: str, method: str, path: str, body: bytes, *, timestamp: str, nonce: str
) -> dict[str, str]:
    """The headers of a signed terminal request (`path` as sent, with its query)."""
    return {
        HEADER_TERMINAL: terminal_id,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: sign(key, request_signing_bytes(method, path, timestamp, body, nonce=nonce)),
    }


def signed_doc_bytes(doc: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in doc.items() if k != "signature"}).encode("utf-8")


def sign_doc(key: Ed25519PrivateKey, doc: dict[str, Any]) -> dict[str, Any]:
    return {**doc, "signature": sign(key, signed_doc_bytes(doc))}


def check_receipt(programme_key: str, reply: Any, terminal_id: str, kind: str = RECEIPT_KIND) -> str | None:
    """None if `reply` is a receipt of `kind` signed by the programme key for `terminal_id`, else why not.
    The caller still checks that `ack_hash` is its own entry's hash at `ack_seq`."""
    if not isinstance(reply, dict):
        return "the reply is not a JSON object"
    signature = reply.get("signature")
    if not isinstance(signature, str) or not verify(programme_key, signed_doc_bytes(reply), signature):
        return "the reply is not signed by the programme key"
    if reply.get("kind") != kind:
        return f"the reply is not a {kind}"
    if reply.get("terminal_id") != terminal_id:
        return "the reply names another terminal"
    seq, ack_hash = reply.get("ack_seq"), reply.get("ack_hash")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0 or not isinstance(ack_hash, str):
        return "the reply has no acknowledged sequence and hash"
    return None


def bundle_signing_bytes(bundle: dict[str, Any]) -> bytes:
    return signed_doc_bytes(bundle)


def sign_bundle(key: Ed25519PrivateKey, bundle: dict[str, Any]) -> dict[str, Any]:
    return sign_doc(key, bundle)


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
