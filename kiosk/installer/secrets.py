"""Finding what must never leave the terminal in a support bundle: card numbers (13–19 digits passing
Luhn, with or without spaces or dashes), Korean mobile numbers, resident registration numbers, and keys,
tokens and PIN hashes (PEM blocks, long hex or base64 runs, `token=` / `pin_hash` style assignments).

`find_secrets(text)` names what it found and where, never the value itself; `redact_lines` drops each
line with a hit (a log tail keeps the rest)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_CARD = re.compile(r"(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])")
PHONE = re.compile(r"(?<!\d)01[016-9]-?\d{3,4}-?\d{4}(?!\d)")
# 주민등록번호 / 외국인등록번호: YYMMDD-[1-8]xxxxxx (the dash optional, a valid month and day)
_RESIDENT = re.compile(r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-?[1-8]\d{6}(?!\d)")
_PEM = re.compile(r"-----BEGIN [A-Z ]*(?:PRIVATE KEY|CERTIFICATE|KEY)-----")
_ASSIGN = re.compile(
    r"(?i)\b(?:[a-z_]*(?:token|secret|password|passwd|api[_-]?key|private[_-]?key|pin[_-]?hash|pin_salt|"
    r"authorization|bearer)[a-z_]*)\b\s*[\"']?\s*[:=]\s*[\"']?(?!\s*[\"']?\s*(?:$|[,}\]]))"
)
_BEARER = re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]{16,}")
_SCRYPT = re.compile(r"(?i)\bscrypt\$|\$argon2(?:id|i|d)\$")
_HEX = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,}(?![0-9A-Fa-f])")
_B64 = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{40,}={0,2}(?![A-Za-z0-9+/_-])")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


@dataclass(frozen=True)
class Finding:
    kind: str  # card_number, phone_number, resident_number, private_key, token, pin_hash, hex_secret, base64_secret
    where: str  # "<file>:<line>"

    def describe(self) -> str:
        return f"{self.kind} at {self.where}"


def _kinds(line: str) -> list[str]:
    found: list[str] = []
    for m in _CARD.finditer(line):
        digits = re.sub(r"[ -]", "", m.group())
        if 13 <= len(digits) <= 19 and luhn_ok(digits):
            found.append("card_number")
            break
    if PHONE.search(line):
        found.append("phone_number")
    if _RESIDENT.search(line):
        found.append("resident_number")
    if _PEM.search(line):
        found.append("private_key")
    if _SCRYPT.search(line):
        found.append("pin_hash")
    if _ASSIGN.search(line) or _BEARER.search(line):
        found.append("token")
    if _HEX.search(line):
        found.append("hex_secret")
    for m in _B64.finditer(line):
        run = m.group()
        # A long run of letters only is a word or a path, not a key; a key mixes digits and cases.
        if any(c.isdigit() for c in run) and any(c.isupper() for c in run) and any(c.islower() for c in run):
            found.append("base64_secret")
            break
    return found


def find_secrets(text: str, name: str = "-") -> list[Finding]:
    out: list[Finding] = []
    for number, line in enumerate(text.splitlines(), 1):
        out.extend(Finding(kind, f"{name}:{number}") for kind in _kinds(line))
    return out


def redact_lines(lines: Iterable[str]) -> tuple[list[str], int]:
    """The lines without any line that has a finding (replaced by a marker), and how many were dropped."""
    kept: list[str] = []
    dropped = 0
    for line in lines:
        kinds = _kinds(line)
        if kinds:
            dropped += 1
            kept.append(f"[줄 삭제됨 / line removed: {', '.join(sorted(set(kinds)))}]")
        else:
            kept.append(line)
    return kept, dropped


def mask_business_number(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return f"{digits[:3]}-**-***{digits[-2:]}" if len(digits) == 10 else "***"
