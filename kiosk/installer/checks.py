"""The self-test's checks that need no device driver: network and backend, sync, storage, sound, versions.
Device checks (printer, card terminal, scanner, NFC) are built by app/builders/selftest.py around the
real drivers and report through the same `CheckResult`.

Every figure is plain: addresses, seconds, megabytes. Nothing here reads a secret or writes anything."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from kiosk.installer.selftest import CheckResult, fail, needs_check, ok

FREE_FAIL_MB = 200  # below this a day's sales and a backup may not fit
FREE_CHECK_MB = 1024
CLOCK_CHECK_S = 30.0
CLOCK_FAIL_S = 300.0  # five minutes: signed requests and certificates start failing
BACKUP_CHECK_HOURS = 26.0


# --- network --------------------------------------------------------------------------------------


def _source_address(host: str, port: int) -> str:
    """The local address the system would use towards host (a UDP connect sends nothing)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        s.connect((host, port))
        return str(s.getsockname()[0])


def _server_clock(url: str, timeout: float, context: ssl.SSLContext | None) -> datetime | None:
    """The server's clock from its HTTP Date header (one plain GET of /openapi.json)."""
    import http.client

    parts = urlsplit(url)
    conn: http.client.HTTPConnection
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(parts.hostname or "", parts.port or 443, timeout=timeout, context=context)
    else:
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port or 80, timeout=timeout)
    try:
        conn.request("GET", (parts.path.rstrip("/") or "") + "/openapi.json")
        resp = conn.getresponse()
        resp.read(1_000_000)
        date = resp.getheader("date")
    finally:
        conn.close()
    if not date:
        return None
    return parsedate_to_datetime(date)


def check_network(backend_url: str, *, now: Callable[[], datetime] | None = None, timeout: float = 2.0) -> CheckResult:
    """Address, DNS, reachability, TLS and clock offset towards the programme backend."""
    now = now or (lambda: datetime.now(UTC))
    if not backend_url:
        return needs_check(
            "network",
            ("프로그램 서버 주소가 설정되지 않았습니다", "The programme server's address is not set"),
            "설정 마법사의 '등록' 단계에서 서버 주소와 등록 코드를 넣으세요",
            "No programme backend is set: enter its address and the enrollment code in the set-up's enrollment step",
        )
    parts = urlsplit(backend_url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    details: list[str] = [f"서버 server: {host}:{port}"]
    extra: dict[str, Any] = {"host": host, "port": port}
    t0 = time.monotonic()
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return fail(
            "network",
            (f"DNS: {host} 을(를) 찾을 수 없습니다 ({exc.strerror})", f"DNS: {host} not found ({exc.strerror})"),
            "인터넷 연결(공유기, 케이블)과 DNS 설정을 확인하세요",
            "The server's name does not resolve: check the internet connection (router, cable) and DNS",
            *details,
        )
    address = str(infos[0][4][0])
    details.append(f"DNS: {host} → {address} ({(time.monotonic() - t0) * 1000:.0f} ms)")
    try:
        local = _source_address(address, port)
        details.insert(0, f"이 단말기 주소 local address: {local}")
        extra["local_address"] = local
    except OSError as exc:
        return fail(
            "network",
            (
                f"네트워크에 연결되어 있지 않습니다 ({exc.strerror or exc})",
                f"Not connected to a network ({exc.strerror or exc})",
            ),
            "랜 케이블이나 와이파이 연결을 확인하세요",
            "Not connected to a network: check the LAN cable or Wi-Fi",
            *details,
        )
    t1 = time.monotonic()
    try:
        sock = socket.create_connection((address, port), timeout=timeout)
    except OSError as exc:
        return fail(
            "network",
            (
                f"서버 {host}:{port} 에 연결할 수 없습니다 ({exc.strerror or exc})",
                f"Cannot connect to the server {host}:{port} ({exc.strerror or exc})",
            ),
            "공유기와 방화벽을 확인하고, 계속되면 프로그램 고객센터에 서버 상태를 물어보세요",
            "The server does not answer: check the router and firewall; if it persists, ask the programme's help desk",
            *details,
        )
    rtt_ms = (time.monotonic() - t1) * 1000
    details.append(f"연결 reachable: {rtt_ms:.0f} ms")
    extra["connect_ms"] = round(rtt_ms, 1)
    context: ssl.SSLContext | None = None
    try:
        if parts.scheme == "https":
            context = ssl.create_default_context()
            try:
                with context.wrap_socket(sock, server_hostname=host) as tls:
                    cert = tls.getpeercert() or {}
                    details.append(f"TLS: {tls.version()}, 인증서 만료 expires {cert.get('notAfter', '?')}")
            except ssl.SSLCertVerificationError as exc:
                return fail(
                    "network",
                    (
                        f"서버 인증서를 믿을 수 없습니다 ({exc.verify_message})",
                        f"The server's certificate is not trusted ({exc.verify_message})",
                    ),
                    "시계가 맞는지 확인하고, 서버 주소가 맞는지 확인하세요 (중간에서 가로채는 장비가 있을 수 있음)",
                    "The server's certificate is not trusted: check the clock and the server address "
                    "(something may be intercepting)",
                    *details,
                )
            except (ssl.SSLError, OSError) as exc:
                return fail(
                    "network",
                    (f"TLS 연결 실패 ({exc})", f"TLS connection failed ({exc})"),
                    "서버 주소(https://)와 방화벽을 확인하세요",
                    "TLS failed: check the server address (https://) and the firewall",
                    *details,
                )
        else:
            details.append("TLS: 없음 — 이 컴퓨터 안의 서버 (plain http on loopback only)")
    finally:
        sock.close()
    try:
        server = _server_clock(backend_url, timeout, context)
    except (OSError, ValueError) as exc:
        server = None
        details.append(f"시계 clock: 서버 시각을 받지 못함 ({exc})")
    if server is None:
        return needs_check(
            "network",
            ("네트워크 정상, 서버 시각은 확인하지 못했습니다", "Network OK; the server's time could not be read"),
            "단말기 시계가 맞는지 화면 위쪽 시계로 확인하세요",
            "Network fine; the server's clock could not be read: check the terminal's clock by eye",
            *details,
            **extra,
        )
    offset = (now() - server).total_seconds()
    extra["clock_offset_s"] = round(offset, 1)
    details.append(f"시계 차이 clock offset: {offset:+.0f} s")
    if abs(offset) >= CLOCK_FAIL_S:
        return fail(
            "network",
            (
                f"단말기 시계가 {abs(offset) / 60:.0f}분 {'빠릅니다' if offset > 0 else '느립니다'}",
                f"The terminal's clock is {abs(offset) / 60:.0f} min {'fast' if offset > 0 else 'slow'}",
            ),
            "시간 동기화(NTP)를 켜고 시각을 맞추세요: timedatectl set-ntp true",
            "The clock is minutes off: turn on time sync (timedatectl set-ntp true)",
            *details,
            **extra,
        )
    if abs(offset) >= CLOCK_CHECK_S:
        return needs_check(
            "network",
            (f"단말기 시계가 {abs(offset):.0f}초 차이 납니다", f"The terminal's clock is {abs(offset):.0f} s off"),
            "시간 동기화(NTP)가 켜져 있는지 확인하세요",
            "The clock is off by more than 30 s: check that time sync (NTP) is on",
            *details,
            **extra,
        )
    return ok("network", (f"네트워크 정상 ({host})", f"Network OK ({host})"), *details, **extra)


class SyncState(Protocol):
    state: str
    pending: int
    acked_seq: int
    terminal_id: str
    last_success_at: str
    last_error: str
    offline_since: str


def check_sync(status: Callable[[], SyncState]) -> CheckResult:
    st = status()
    details = (
        f"단말기 번호 terminal: {st.terminal_id or '-'}",
        f"보내지 않은 기록 pending: {st.pending}",
        f"마지막 성공 last success: {st.last_success_at or '-'}",
    )
    if st.state == "not_enrolled":
        return needs_check(
            "sync",
            ("프로그램에 등록되지 않았습니다", "Not enrolled in the programme"),
            "설정 마법사의 '등록' 단계에서 프로그램 등록 코드를 넣으세요",
            "Not enrolled: enter the programme's enrollment code in the set-up's enrollment step",
            *details,
        )
    if st.state == "offline" or st.last_error:
        return needs_check(
            "sync",
            (
                f"등록됨, 동기화 안 됨: {st.last_error or '오프라인'}"[:160],
                f"Enrolled, not synced: {st.last_error or 'offline'}"[:160],
            ),
            "네트워크 점검 결과를 확인하세요. 판매 기록은 단말기에 안전하게 남아 있습니다",
            "Enrolled but not syncing: see the network check. Sales stay safe on the terminal",
            *details,
        )
    pending = f"{st.pending} waiting" if st.pending else "done"
    ko = f"등록됨, 동기화 {'대기 ' + str(st.pending) + '건' if st.pending else '완료'}"
    return ok("sync", (ko, f"Enrolled, sync {pending}"), *details)


# --- storage --------------------------------------------------------------------------------------


def newest_backup(directory: Path, device_id: str) -> Path | None:
    try:
        found = sorted(directory.glob(f"ledger-{device_id}-*.sqlite3"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return None
    return found[-1] if found else None


def check_storage(
    data_dir: Path, ledger_path: Path, backup_dir: Path, device_id: str, *, wall: Callable[[], float] = time.time
) -> CheckResult:
    from kiosk.ledger.db import LedgerConfigError, inspect_ledger_file

    where = data_dir if data_dir.exists() else Path("/")
    usage = shutil.disk_usage(where)
    free_mb = usage.free // (1024 * 1024)
    details = [f"남은 공간 free: {free_mb:,} MB / {usage.total // (1024 * 1024):,} MB ({where})"]
    extra: dict[str, Any] = {"free_mb": free_mb}
    try:
        inspect_ledger_file(ledger_path)
        if ledger_path.exists():
            size = ledger_path.stat().st_size
            details.append(f"장부 ledger: quick_check ok, {size / 1e6:.1f} MB")
            extra["ledger_bytes"] = size
        else:
            details.append("장부 ledger: 아직 없음 (첫 판매 때 만들어짐)")
    except LedgerConfigError as exc:
        return fail(
            "storage",
            ("장부(ledger) 파일이 손상되었거나 열 수 없습니다", "The ledger file is damaged or cannot be opened"),
            "판매를 멈추고 고객센터에 연락하세요. 파일은 그대로 두고 백업에서 복구합니다 (kiosk restore)",
            "The ledger is damaged or unreadable: stop selling, call support; keep the file, restore from a backup",
            *details,
            str(exc)[:200],
            **extra,
        )
    if free_mb < FREE_FAIL_MB:
        return fail(
            "storage",
            (f"저장 공간이 거의 없습니다 ({free_mb} MB)", f"Almost no disk space left ({free_mb} MB)"),
            "오래된 백업과 로그를 지우거나 더 큰 디스크로 바꾸세요",
            f"Disk nearly full ({free_mb} MB free): remove old backups and logs, or fit a bigger disk",
            *details,
            **extra,
        )
    backup = newest_backup(backup_dir, device_id)
    if backup is None:
        details.append(f"백업 backup: 없음 ({backup_dir})")
        todo = (
            "백업 타이머(kiosk-backup.timer)가 켜져 있는지 확인하거나 지금 백업하세요: kiosk backup",
            "No backup yet: check kiosk-backup.timer is on, or back up now: kiosk backup",
        )
        if free_mb < FREE_CHECK_MB:
            found = (f"저장 공간 부족 ({free_mb} MB), 백업 없음", f"Disk space low ({free_mb} MB), no backup")
            return needs_check("storage", found, *todo, *details, **extra)
        found = ("저장 공간 정상, 백업이 아직 없습니다", "Disk space OK, no backup yet")
        return needs_check("storage", found, *todo, *details, **extra)
    age_h = (wall() - backup.stat().st_mtime) / 3600
    details.append(f"마지막 백업 last backup: {backup.name} ({age_h:.1f} 시간 전 hours ago)")
    extra["backup_age_h"] = round(age_h, 2)
    if free_mb < FREE_CHECK_MB:
        return needs_check(
            "storage",
            (f"저장 공간이 부족해지고 있습니다 ({free_mb} MB)", f"Disk getting full ({free_mb} MB)"),
            "오래된 백업과 로그를 정리하세요",
            f"Disk getting full ({free_mb} MB free): clean up old backups and logs",
            *details,
            **extra,
        )
    if age_h > BACKUP_CHECK_HOURS:
        return needs_check(
            "storage",
            (f"마지막 백업이 {age_h:.0f}시간 전입니다", f"The last backup is {age_h:.0f} hours old"),
            "백업 타이머(kiosk-backup.timer)를 확인하세요",
            "The last backup is over a day old: check kiosk-backup.timer",
            *details,
            **extra,
        )
    found = (f"저장 공간 {free_mb:,} MB, 장부 정상, 백업 있음", f"{free_mb:,} MB free, ledger OK, backed up")
    return ok("storage", found, *details, **extra)


# --- sound and versions ---------------------------------------------------------------------------


def check_sound(cards_file: Path = Path("/proc/asound/cards")) -> CheckResult:
    """A sound card is there (the spoken test phrase and tone are played on the screen)."""
    try:
        text = cards_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    cards = [line.strip() for line in text.splitlines() if line[:3].strip().isdigit()]
    if not cards:
        return needs_check(
            "sound",
            ("소리 장치를 찾지 못했습니다", "No sound device found"),
            "스피커 케이블과 전원을 확인하세요 (음성 안내에 필요)",
            "No sound device found: check the speaker's cable and power (needed for spoken guidance)",
        )
    return ok("sound", (f"소리 장치 {len(cards)}개", f"{len(cards)} sound device(s)"), *cards[:4])


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kiosk")
    except PackageNotFoundError:
        return "unknown"


def catalog_versions(data_dir: Path, shipped_catalog: Path) -> dict[str, str]:
    import json

    from kiosk.sync.files import catalog_file, read_bundle

    out: dict[str, str] = {"app": app_version()}
    bundle = read_bundle(catalog_file(data_dir))
    if bundle is not None:
        out["catalog_applied"] = str(bundle.get("version", "?"))
    try:
        doc = json.loads(shipped_catalog.read_text(encoding="utf-8"))
        out["catalog_shipped"] = str(doc.get("version", "?")) if isinstance(doc, dict) else "?"
    except (OSError, ValueError):
        out["catalog_shipped"] = "unreadable"
    return out


def check_versions(versions: dict[str, str]) -> CheckResult:
    lines = [f"{k}: {v}" for k, v in versions.items()]
    if versions.get("catalog_shipped") == "unreadable" and "catalog_applied" not in versions:
        return fail(
            "versions",
            ("메뉴(카탈로그) 파일을 읽을 수 없습니다", "The menu (catalog) file cannot be read"),
            "설정의 catalog 경로를 확인하거나 프로그램에서 메뉴를 다시 받으세요",
            "The menu (catalog) cannot be read: check the catalog path, or fetch the menu from the programme again",
            *lines,
        )
    menu = versions.get("catalog_applied") or versions.get("catalog_shipped", "?")
    app = versions.get("app", "?")
    return ok("versions", (f"앱 {app}, 메뉴 v{menu}", f"App {app}, menu v{menu}"), *lines)


def env_backup_dir(ledger_path: Path) -> Path:
    """Where `kiosk backup` writes by default (app/commands/backup.py)."""
    return Path(os.environ.get("KIOSK_BACKUP_DIR") or (ledger_path.parent / "backups"))
