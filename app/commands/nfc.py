"""`kiosk nfc watch [--reader NAME] [--json]`: the installer's tool for real readers, always via PC/SC.

One line per event: reader added / removed / lost / back, card kind, hashed id, NDEF records, time.
Payment cards print only that they are payment cards. Ctrl-C stops.
"""

from __future__ import annotations

import argparse
import json
import queue
import signal
import sys
import urllib.parse
from types import FrameType

from app.context import add_config_option, settings_from
from app.devices import nfc_reader
from kiosk.devices.health import HealthEvent
from kiosk.devices.nfc import CardListError, CardRemoved, CardTapped, ReaderEvent


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("nfc", help="NFC reader tools (PC/SC)")
    nsub = p.add_subparsers(dest="nfc_command", required=True, metavar="ACTION")
    w = nsub.add_parser("watch", help="print reader and card events until Ctrl-C")
    add_config_option(w)
    w.add_argument("--reader", default="", help="reader name or its start (default: every reader)")
    w.add_argument("--json", action="store_true", help="one JSON object per line")
    w.add_argument("--count", type=int, default=0, help="stop after this many card taps (default: run until Ctrl-C)")
    w.set_defaults(handler=watch)


def describe(event: object) -> dict[str, object] | None:
    if isinstance(event, CardTapped):
        return {
            "time": event.at.isoformat(timespec="milliseconds"),
            "event": "card",
            "reader": event.reader,
            "kind": str(event.kind),
            "id": event.uid_hash,
            "role": event.role,
            "records": [r.describe() for r in event.records],
            "message": event.message,
        }
    if isinstance(event, CardRemoved):
        return {"time": event.at.isoformat(timespec="milliseconds"), "event": "card-removed", "reader": event.reader}
    if isinstance(event, ReaderEvent):
        return {
            "time": event.at.isoformat(timespec="milliseconds"),
            "event": f"reader-{event.change}",
            "reader": event.reader,
            "message": event.message,
        }
    if isinstance(event, HealthEvent):
        return {
            "time": event.at.isoformat(timespec="milliseconds"),
            "event": "health",
            "health": str(event.health),
            "detail": event.detail,
            "message": event.message,
        }
    return None


def _line(d: dict[str, object]) -> str:
    head = f"{d['time']}  {d['event']:<14}"
    if d["event"] == "card":
        records = "; ".join(str(r) for r in d["records"]) or "-"  # type: ignore[attr-defined]
        role = f" role={d['role']}" if d["role"] else ""
        return f"{head}{d['reader']}  {d['kind']}{role}  id={d['id'] or '-'}  records: {records}  {d['message']}"
    if d["event"] == "health":
        return f"{head}{d['health']} ({d['detail']})  {d['message']}"
    return f"{head}{d['reader']}  {d.get('message', '')}"


def watch(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    try:
        service = nfc_reader(settings, events.put, url="pcsc://" + urllib.parse.quote(args.reader))
    except CardListError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    stop = False

    def on_signal(signum: int, frame: FrameType | None) -> None:
        nonlocal stop
        stop = True

    previous = signal.signal(signal.SIGTERM, on_signal)
    taps = 0
    service.start()
    try:
        while not stop:
            try:
                event = events.get(timeout=0.2)
            except queue.Empty:
                continue
            d = describe(event)
            if d is None:
                continue
            print(json.dumps(d, ensure_ascii=False) if args.json else _line(d), flush=True)
            if isinstance(event, CardTapped):
                taps += 1
                if args.count and taps >= args.count:
                    break
    except KeyboardInterrupt:
        pass
    finally:
        service.stop()
        signal.signal(signal.SIGTERM, previous)
    return 0
