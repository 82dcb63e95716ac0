"""The support bundle (issue 16 item 6): what a help desk needs to see, on a USB stick, and nothing else.

Contents (one zip): the versions, the settings through an allow-list (URLs without user names, passwords
or queries; the business number masked), the last self-test result, the device lists, the last log lines
(each line with anything that looks like a secret removed), and the ledger's health figures — never the
ledger itself. Before a byte is written, every file of the bundle is scanned (kiosk/installer/secrets.py):
any card number, phone number, resident number, key, token or PIN hash refuses the whole bundle.

The zip is written as a hidden `.partial` file, fsynced and renamed, so a stick pulled out halfway leaves
no half bundle that looks whole."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kiosk.installer.secrets import Finding, find_secrets, mask_business_number, redact_lines

# The settings a bundle may carry. Anything not named here (shop.phone, shop.owner, shop.address, the
# card list's path, a future secret) stays on the terminal.
SETTINGS_ALLOW = (
    "shop.name",
    "shop.business_number",  # masked
    "shop.timezone",
    "shop.business_day_start_hour",
    "shop.order_numbers",
    "ledger.device_id",
    "printer.url",
    "printer.profile",
    "printer.print_kitchen_ticket",
    "card_terminal.url",
    "card_terminal.baudrate",
    "card_terminal.timeout_seconds",
    "scanner.url",
    "scanner.baudrate",
    "nfc.reader",
    "sync.backend_url",
    "sync.interval_seconds",
    "sync.batch_size",
    "payments.simulated",
    "payments.qr_expiry_seconds",
    "ui.scale",
    "ui.palette",
    "ui.language",
    "ui.width",
    "ui.height",
    "setup.done",
    "setup.terminal_mode",
)
LOG_LINES = 300


class BundleRefused(RuntimeError):
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        kinds = ", ".join(sorted({f.describe() for f in findings})[:6])
        super().__init__(
            f"지원 파일을 만들지 않았습니다: 비밀 정보로 보이는 내용이 있습니다 ({kinds}) / "
            "support bundle refused: it would contain what looks like a secret"
        )


def _clean_url(value: str) -> str:
    if "://" not in value:
        return value
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def allowed_settings(settings: Any) -> dict[str, Any]:
    """The allow-listed settings of a `kiosk.config.Settings` (or anything shaped like it)."""
    out: dict[str, Any] = {}
    for key in SETTINGS_ALLOW:
        section, _, name = key.partition(".")
        holder = getattr(settings, section, None)
        if holder is None or not hasattr(holder, name):
            continue
        value = getattr(holder, name)
        if key == "shop.business_number":
            value = mask_business_number(str(value))
        elif isinstance(value, str):
            value = _clean_url(value)
        out[key] = value
    return out


def all_setting_keys(settings: Any) -> list[str]:
    keys: list[str] = []
    for section in fields(settings):
        value = getattr(settings, section.name)
        if hasattr(value, "__dataclass_fields__"):
            keys.extend(f"{section.name}.{f.name}" for f in fields(value))
    return keys


def log_tail(paths: Iterable[Path], journal: Callable[[], list[str]] | None = None) -> tuple[list[str], int]:
    """The last LOG_LINES lines of the log files (and of the systemd journal, when given), with every line
    that holds something secret-looking replaced by a marker."""
    lines: list[str] = []
    for path in paths:
        try:
            with path.open("rb") as f:
                f.seek(0, os.SEEK_END)
                size = f.tell()
                f.seek(max(0, size - 256 * 1024))
                text = f.read().decode("utf-8", errors="replace")
        except OSError:
            continue
        lines.append(f"==> {path.name} <==")
        lines.extend(text.splitlines()[-LOG_LINES:])
    if journal is not None:
        lines.append("==> journalctl -u kiosk <==")
        lines.extend(journal()[-LOG_LINES:])
    return redact_lines(lines)


@dataclass(frozen=True)
class BundleParts:
    versions: dict[str, str]
    settings: dict[str, Any]
    selftest: dict[str, Any] | None
    devices: list[dict[str, Any]]
    log_lines: list[str]
    ledger_health: dict[str, Any]


def render(parts: BundleParts, created_at: datetime) -> dict[str, bytes]:
    def js(doc: Any) -> bytes:
        return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")

    return {
        "README.txt": (
            "키오스크 지원 파일 / kiosk support bundle\n"
            f"만든 시각 created: {created_at.isoformat(timespec='seconds')}\n"
            "versions.json, settings.json (allow-list), selftest.json, devices.json, log-tail.txt, ledger-health.json\n"
            "장부·키·PIN·토큰·전화번호·카드번호는 들어 있지 않습니다\n"
            "no ledger, keys, PINs, tokens, phone or card numbers\n"
        ).encode(),
        "versions.json": js(parts.versions),
        "settings.json": js(parts.settings),
        "selftest.json": js(parts.selftest or {"note": "self-test not run yet"}),
        "devices.json": js(parts.devices),
        "log-tail.txt": ("\n".join(parts.log_lines) + "\n").encode("utf-8"),
        "ledger-health.json": js(parts.ledger_health),
    }


def scan(files: dict[str, bytes]) -> list[Finding]:
    out: list[Finding] = []
    for name, data in files.items():
        out.extend(find_secrets(data.decode("utf-8", errors="replace"), name))
    return out


def write_bundle(files: dict[str, bytes], directory: Path, device_id: str, created_at: datetime) -> Path:
    """Scan, then write the zip atomically into `directory`. Raises BundleRefused on any finding."""
    findings = scan(files)
    if findings:
        raise BundleRefused(findings)
    safe_device = re.sub(r"[^A-Za-z0-9_-]", "_", device_id)[:32] or "kiosk"
    name = f"kiosk-support-{safe_device}-{created_at.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}.zip"
    buf = io.BytesIO()
    stamp = created_at.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for fname in sorted(files):
            info = zipfile.ZipInfo(fname, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[fname])
    target = directory / name
    partial = directory / f".{name}.partial"
    with open(partial, "wb") as f:
        f.write(buf.getvalue())
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, target)
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return target


# --- where the USB stick is -------------------------------------------------------------------------


def _unescape(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def removable_mounts(mounts: Path = Path("/proc/mounts"), sys_block: Path = Path("/sys/block")) -> list[Path]:
    """Mount points of removable block devices (a USB stick), writable by this user."""
    out: list[Path] = []
    try:
        text = mounts.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 3 or not parts[0].startswith("/dev/"):
            continue
        dev = os.path.basename(os.path.realpath(parts[0]))
        disk = re.sub(r"p?\d+$", "", dev) if not dev.startswith("nvme") else re.sub(r"p\d+$", "", dev)
        try:
            removable = (sys_block / disk / "removable").read_text().strip() == "1"
            via_usb = "/usb" in os.path.realpath(sys_block / disk)
        except OSError:
            continue
        point = Path(_unescape(parts[1]))
        if (removable or via_usb) and os.access(point, os.W_OK):
            out.append(point)
    return out
