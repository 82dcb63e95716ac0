"""The terminal's Ed25519 key: generated on the device at enrollment, kept in a file only its owner
can read (mode 0600) in the data directory. It never goes into the database, a log or a payload."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)


class KeyFileError(RuntimeError):
    """The key file is missing, unreadable or too open; the message says what to do."""


def key_path(data_dir: Path) -> Path:
    return data_dir / "sync" / "device_key.pem"


def load_key(path: Path) -> Ed25519PrivateKey:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise KeyFileError(f"{path}: no device key; enroll the terminal first (kiosk enroll)") from None
    if stat.S_IMODE(mode) & 0o077:
        raise KeyFileError(f"{path}: the device key is readable by other users; run `chmod 600 {path}`")
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise KeyFileError(f"{path}: the device key cannot be read ({exc}); enroll the terminal again") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path}: not an Ed25519 key; enroll the terminal again")
    return key


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    if path.exists():
        return load_key(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    # O_EXCL and the mode at creation: the key is never, even briefly, readable by others.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    return key
