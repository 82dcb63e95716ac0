"""`kiosk devices list [--json]`: every configured and every detected device, with its health."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from app.context import add_config_option, settings_from
from hardware.discovery import DeviceStatus, pcsc_readers, same_port, serial_ports, status_of
from kiosk.devices.health import Health


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("devices", help="devices: configured and detected")
    dsub = p.add_subparsers(dest="devices_command", required=True, metavar="ACTION")
    ls = dsub.add_parser("list", help="list configured and detected devices with their health")
    add_config_option(ls)
    ls.add_argument("--json", action="store_true", help="one JSON document instead of a table")
    ls.set_defaults(handler=list_devices)


def collect(args: argparse.Namespace) -> list[DeviceStatus]:
    settings = settings_from(args)
    configured = [
        status_of("printer", "printer", settings.printer.url),
        status_of("card_terminal", "card-terminal", settings.card_terminal.url),
        status_of("scanner", "scanner", settings.scanner.url),
        status_of("nfc", "nfc-reader", settings.nfc.reader),
    ]
    rows = list(configured)
    readers, problem = pcsc_readers()
    if problem and not any(r.kind == "nfc-reader" and r.health is Health.LOST for r in configured):
        rows.append(DeviceStatus("", "pcsc-service", "pcscd", Health.LOST, problem))
    for reader in readers:
        rows.append(DeviceStatus("", "nfc-reader", reader, Health.OK, "PC/SC 리더 (감지됨)"))
    for port in serial_ports():
        user = next((r.name for r in configured if same_port(r.address, port)), "")
        detail = f"{user} 로 설정됨" if user else "설정되지 않은 직렬 포트 (감지됨)"
        rows.append(DeviceStatus("", "serial-port", port, Health.OK, detail))
    return rows


def list_devices(args: argparse.Namespace) -> int:
    rows = collect(args)
    if args.json:
        print(
            json.dumps({"devices": [asdict(r) | {"health": str(r.health)} for r in rows]}, ensure_ascii=False, indent=2)
        )
        return 0
    print(f"{'이름 name':<16}{'종류 kind':<16}{'상태 health':<13}{'주소 address':<34}설명 detail")
    for r in rows:
        print(f"{r.name or '-':<16}{r.kind:<16}{r.health:<13}{r.address:<34}{r.detail}")
    return 0
