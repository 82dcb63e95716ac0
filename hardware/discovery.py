"""What devices are attached, and a quick one-shot check of a configured device, for `kiosk devices list`
and the installer's self-test. Checks are short (≤ 1 s each) and never write to a device."""

from __future__ import annotations

import glob
import os
import socket
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kiosk.devices.health import Health

SERIAL_PATTERNS = ("/dev/ttyUSB*", "/dev/ttyACM*", "/dev/serial/by-id/*")


@dataclass(frozen=True)
class DeviceStatus:
    name: str  # configured name ("printer", "nfc", ...) or "" for a detected, unconfigured device
    kind: str  # "printer", "nfc-reader", "serial-port", "card-terminal", "scanner"
    address: str  # URL, device path or PC/SC reader name
    health: Health
    detail: str  # plain words: what was found, or what to do


def serial_ports() -> list[str]:
    """Serial ports a scanner or card terminal may be on: ttyUSB, ttyACM and their by-id names."""
    found: list[str] = []
    for pattern in SERIAL_PATTERNS:
        found.extend(sorted(glob.glob(pattern)))
    return found


def pcsc_readers() -> tuple[list[str], str | None]:
    """The PC/SC readers pcscd knows, or ([], why not)."""
    from smartcard import scard  # imported here: listing serial ports must work without pcsc-lite

    hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hr != scard.SCARD_S_SUCCESS:
        return [], "PC/SC 서비스(pcscd)가 실행 중이 아닙니다: systemctl start pcscd"
    try:
        hr, readers = scard.SCardListReaders(ctx, [])
        if hr != scard.SCARD_S_SUCCESS:
            return [], None  # no readers
        return list(readers), None
    finally:
        scard.SCardReleaseContext(ctx)


def check_serial(path: str) -> tuple[Health, str]:
    real = os.path.realpath(path)
    if not os.path.exists(real):
        return Health.LOST, f"{path} 없음: USB 케이블을 확인하세요"
    if not os.access(real, os.R_OK | os.W_OK):
        return Health.DEGRADED, f"{path}: 권한 없음 — 사용자를 dialout 그룹에 추가하세요"
    return Health.OK, f"{path} → {real}" if real != path else path


def check_tcp(host: str, port: int) -> tuple[Health, str]:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return Health.OK, f"{host}:{port} 응답"
    except OSError as exc:
        return Health.LOST, f"{host}:{port} 응답 없음 ({exc.strerror or exc}): 전원과 네트워크를 확인하세요"


def check_url(url: str) -> tuple[Health, str]:
    """A configured device URL: sim://, pcsc://, tcp://host:port, socket://host:port, serial or file path."""
    if url.startswith("sim:"):
        return Health.OK, "시뮬레이터"
    if url.startswith("pcsc:"):
        name = urllib.parse.unquote(url[len("pcsc:") :].lstrip("/"))
        readers, problem = pcsc_readers()
        if problem:
            return Health.LOST, problem
        match = [r for r in readers if not name or r == name or r.startswith(name)]
        if not match:
            return Health.LOST, f"리더 {name or '(아무 리더)'} 없음: 리더를 연결하세요"
        return Health.OK, ", ".join(match)
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme in ("tcp", "socket") and parsed.hostname:
        return check_tcp(parsed.hostname, parsed.port or 9100)
    if parsed.scheme in ("serial", "file"):
        return check_serial(parsed.path)
    if parsed.scheme == "usb":
        return Health.UNKNOWN, "USB 프린터: 인쇄 시험으로 확인하세요"
    if url.startswith("/"):
        return check_serial(url)
    return Health.UNKNOWN, f"알 수 없는 주소 형식: {url}"


def status_of(name: str, kind: str, url: str) -> DeviceStatus:
    health, detail = check_url(url)
    return DeviceStatus(name, kind, url, health, detail)


def same_port(a: str, b: str) -> bool:
    a_path = urllib.parse.urlsplit(a).path if "://" in a else a
    return bool(a_path) and Path(os.path.realpath(a_path)) == Path(os.path.realpath(b))


# --- for the installer's set-up wizard (kiosk/installer/wizard.py) ----------------------------------


def usb_printers(sys_usb: Path = Path("/sys/bus/usb/devices"), dev: Path = Path("/dev/usb")) -> list[tuple[str, str]]:
    """USB printers: (url, description) for each interface of USB class 07 (usb://VID:PID) and each
    /dev/usb/lp* node (file:///dev/usb/lpN)."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for iface in sorted(sys_usb.glob("*:*")):
        try:
            if (iface / "bInterfaceClass").read_text().strip() != "07":
                continue
            device = iface.parent / iface.name.split(":")[0]
            vid = (device / "idVendor").read_text().strip()
            pid = (device / "idProduct").read_text().strip()
        except OSError:
            continue
        name = ""
        for f in ("manufacturer", "product"):
            try:
                name += (device / f).read_text().strip() + " "
            except OSError:
                pass
        url = f"usb://{vid}:{pid}"
        if url not in seen:
            seen.add(url)
            found.append((url, f"USB 프린터 {name.strip() or vid + ':' + pid}"))
    for node in sorted(dev.glob("lp*")):
        found.append((f"file://{node}", f"USB 프린터 장치 {node}"))
    return found


def network_printers(hosts: list[str], port: int = 9100, timeout: float = 0.3) -> list[tuple[str, str]]:
    """Hosts that accept a connection on the raw printing port (9100), tried in parallel. The caller
    chooses the hosts (the local segment when the installer asks; tests give only 127.0.0.1)."""
    from concurrent.futures import ThreadPoolExecutor

    def probe(host: str) -> tuple[str, str] | None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                return f"tcp://{host}:{port}", f"네트워크 프린터 {host}:{port}"
        except OSError:
            return None

    if not hosts:
        return []
    with ThreadPoolExecutor(max_workers=min(64, len(hosts))) as pool:
        return [r for r in pool.map(probe, hosts) if r is not None]


def local_segment_hosts(limit: int = 254) -> list[str]:
    """The other addresses of this machine's IPv4 /24 (for the 9100 scan, only when the installer asks)."""
    import ipaddress

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET: no packet is sent, the routing table answers
            mine = s.getsockname()[0]
    except OSError:
        return []
    net = ipaddress.ip_network(f"{mine}/24", strict=False)
    return [str(h) for h in net.hosts() if str(h) != mine][:limit]
